// Twilio's Messages API, for the last-resort SMS the functions send when an incident cannot
// be opened. Answers like Twilio (201 with a queued message) and keeps the form fields.
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';

export const MESSAGES_PATH = '/2010-04-01/Accounts/{accountSid}/Messages.json';

export function twilioMessagesApi(): MockProviderApi {
  let sent = 0;
  return {
    name: 'twilio-messages',
    route(request: MockRequest): MockResponse | null {
      const match = matchPath(MESSAGES_PATH, request.path);
      if (match === null) return null;
      if (request.method !== 'POST') return jsonResponse(405, { code: 20004, message: 'Method not allowed' });
      if (!request.headers.authorization?.startsWith('Basic ')) {
        return jsonResponse(401, { code: 20003, message: 'Authenticate' });
      }
      const form = new URLSearchParams(request.bodyText);
      const to = form.get('To');
      const from = form.get('From');
      const body = form.get('Body');
      if (!to || !from || !body) return jsonResponse(400, { code: 21604, message: 'To, From and Body are required' });
      sent += 1;
      return jsonResponse(201, {
        sid: `SM${String(sent).padStart(32, '0')}`,
        account_sid: match[0] ?? '',
        to,
        from,
        body,
        status: 'queued',
      });
    },
  };
}
