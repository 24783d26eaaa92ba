import type { SmsSettings } from '../config/config';
import { loadAxios } from '../providers/http';

/**
 * Sends one SMS through Twilio's REST API. Plain HTTP rather than the SDK client, so the base
 * URL can point at a local mock in tests (TWILIO_API_URL).
 */
export async function sendSms(
  settings: SmsSettings,
  from: string,
  to: string,
  body: string,
  signal: AbortSignal,
): Promise<void> {
  const { accountSid, authToken } = settings;
  if (!accountSid || !authToken) throw new Error('SMS needs ACCOUNT_SID and AUTH_TOKEN');
  const url = `${settings.apiUrl}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const axios = await loadAxios();
  const response = await axios.post(url, new URLSearchParams({ From: from, To: to, Body: body }).toString(), {
    auth: { username: accountSid, password: authToken },
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    timeout: 2000,
    validateStatus: () => true,
    signal,
  });
  if (response.status >= 300) throw new Error(`Twilio Messages API answered HTTP ${response.status}`);
}
