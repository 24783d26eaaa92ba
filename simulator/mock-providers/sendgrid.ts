// Twilio SendGrid's v3 Mail Send, for the voicemail e-mails: 202 with an empty body for a
// message it would queue, 400 with every reason in SendGrid's {errors: [{message, field}]}
// shape (without `help`, which the spec types as an object the mock has none of), 401 without
// a Bearer key. Accepted messages are kept, for tests to read.
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import { emptyResponse, jsonResponse, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';

export const MAIL_SEND_PATH = '/v3/mail/send';

/** One accepted message, as tests see it. */
export interface MockMail {
  /** What SendGrid's X-Message-Id header said. */
  messageId: string;
  at: string;
  from: string;
  /** Every recipient of every personalization, in order. */
  to: string[];
  subject: string;
  /** The text/plain content, or "" when there was none. */
  text: string;
  /** The request body as sent. */
  body: JsonObject;
}

export interface MailOutbox {
  add(mail: MockMail): void;
  sent(): MockMail[];
  clear(): void;
}

export function createMailOutbox(): MailOutbox {
  let mails: MockMail[] = [];
  return {
    add: (mail) => mails.push(mail),
    sent: () => mails.map((mail) => structuredClone(mail)),
    clear: () => {
      mails = [];
    },
  };
}

type FieldError = { message: string; field: string | null };

function sendGridErrors(status: number, errors: FieldError[]): MockResponse {
  return jsonResponse(status, { errors });
}

function emailOf(value: JsonValue | undefined): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const email = value.email;
  return typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined;
}

function listOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** Every reason SendGrid would give for refusing `body`, as it gives them all at once. */
function problems(body: JsonObject): FieldError[] {
  const found: FieldError[] = [];
  const personalizations = listOf(body.personalizations);
  if (personalizations.length === 0) {
    found.push({
      message: 'The personalizations field is required and must have at least one personalization.',
      field: 'personalizations',
    });
  }
  const seen = new Set<string>();
  personalizations.forEach((personalization, index) => {
    const to = isJsonObject(personalization) ? listOf(personalization.to) : [];
    if (to.length === 0) {
      found.push({
        message: 'Each personalization needs at least one "to" address.',
        field: `personalizations.${index}.to`,
      });
    }
    to.forEach((recipient, at) => {
      const email = emailOf(recipient);
      if (email === undefined) {
        found.push({ message: 'Not a valid email address.', field: `personalizations.${index}.to.${at}.email` });
      } else if (seen.has(email.toLowerCase())) {
        found.push({
          message: 'Each email address may appear only once.',
          field: `personalizations.${index}.to.${at}.email`,
        });
      } else {
        seen.add(email.toLowerCase());
      }
    });
  });
  if (emailOf(body.from) === undefined) {
    found.push({ message: 'The from object must be provided with a valid email address.', field: 'from.email' });
  }
  const subjects = [body.subject, ...personalizations.map((p) => (isJsonObject(p) ? p.subject : undefined))];
  if (!subjects.some((subject) => typeof subject === 'string' && subject !== '')) {
    found.push({ message: 'The subject is required.', field: 'subject' });
  }
  const content = listOf(body.content);
  const complete = content.every(
    (part) =>
      isJsonObject(part) && typeof part.type === 'string' && typeof part.value === 'string' && part.value !== '',
  );
  if (content.length === 0 || !complete) {
    found.push({
      message: 'Content needs at least one part, each with a type and a non-empty value.',
      field: 'content',
    });
  }
  return found;
}

function mailOf(body: JsonObject, messageId: string): MockMail {
  const textPart = listOf(body.content).find((part) => isJsonObject(part) && part.type === 'text/plain');
  const subject = body.subject;
  return {
    messageId,
    at: new Date().toISOString(),
    from: emailOf(body.from) ?? '',
    to: listOf(body.personalizations).flatMap((p) =>
      (isJsonObject(p) ? listOf(p.to) : []).map((recipient) => emailOf(recipient) ?? ''),
    ),
    subject: typeof subject === 'string' ? subject : '',
    text: isJsonObject(textPart) && typeof textPart.value === 'string' ? textPart.value : '',
    body: structuredClone(body),
  };
}

export function sendGridApi(outbox: MailOutbox): MockProviderApi {
  let accepted = 0;
  return {
    name: 'sendgrid',
    route(request: MockRequest): MockResponse | null {
      if (request.path !== MAIL_SEND_PATH) return null;
      if (request.method !== 'POST') return sendGridErrors(405, [{ message: 'method not allowed', field: null }]);
      const key = /^Bearer\s+(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (key === undefined) return sendGridErrors(401, [{ message: 'authorization required', field: null }]);
      if (!isJsonObject(request.body)) {
        return sendGridErrors(400, [{ message: 'The request body must be a JSON object.', field: null }]);
      }
      const found = problems(request.body);
      if (found.length > 0) return sendGridErrors(400, found);
      accepted += 1;
      const messageId = `mock-message-${accepted}`;
      const mail = mailOf(request.body, messageId);
      return { ...emptyResponse(202, { 'X-Message-Id': messageId }), effect: () => outbox.add(mail) };
    },
  };
}
