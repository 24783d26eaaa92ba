// Sends one plain-text e-mail through Twilio SendGrid's v3 Mail Send API. Plain HTTP rather
// than SendGrid's SDK, so the base URL can point at a local stand-in in tests.
import type { AxiosResponse } from 'axios';
import { describeNetworkError, loadAxios } from '../providers/http';
import { arrayField, stringField } from '../providers/json';

export interface SendGridSettings {
  apiKey: string;
  /** The sender address; SendGrid accepts only a verified sender identity. */
  from: string;
  /** Base URL without a path, e.g. DEFAULT_SENDGRID_API_URL. */
  apiUrl: string;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

export const DEFAULT_SENDGRID_API_URL = 'https://api.sendgrid.com';

/** Per-request ceiling; the caller's AbortSignal usually ends things sooner. */
export const SENDGRID_REQUEST_TIMEOUT_MS = 2500;

/** SendGrid's limit on the recipients of one personalization. */
const MAX_RECIPIENTS = 1000;

export class SendGridError extends Error {
  constructor(
    message: string,
    /** Worth trying again: a timeout or a network failure, a 429 or a 5xx. */
    readonly retryable: boolean,
    /** The HTTP status, when an answer arrived. */
    readonly status?: number,
  ) {
    super(`${message} (${retryable ? 'retrying may help' : 'retrying will not help'})`);
    this.name = 'SendGridError';
  }
}

/** One message to every recipient together (one personalization); resolves once SendGrid accepts it (202). */
export async function sendMail(settings: SendGridSettings, message: MailMessage, signal: AbortSignal): Promise<void> {
  const body = mailSendBody(settings.from, message);
  let response: AxiosResponse<unknown>;
  try {
    const axios = await loadAxios();
    response = await axios.request<unknown>({
      method: 'POST',
      url: `${settings.apiUrl.replace(/\/+$/, '')}/v3/mail/send`,
      data: body,
      headers: {
        Authorization: `Bearer ${settings.apiKey}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      timeout: SENDGRID_REQUEST_TIMEOUT_MS,
      // Status handling is ours, so that every failure says what SendGrid objected to.
      validateStatus: () => true,
      maxContentLength: 200_000,
      responseType: 'json',
      signal,
    });
  } catch (error) {
    const reason = signal.aborted
      ? "the caller's time budget ran out"
      : await describeNetworkError(error, SENDGRID_REQUEST_TIMEOUT_MS);
    throw new SendGridError(`SendGrid mail send failed: ${reason}`, true);
  }
  if (response.status === 202) return;
  const reasons = errorMessages(response.data);
  throw new SendGridError(
    `SendGrid mail send failed: HTTP ${response.status}${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}`,
    response.status === 429 || response.status >= 500,
    response.status,
  );
}

function mailSendBody(from: string, message: MailMessage): Record<string, unknown> {
  const recipients = uniqueAddresses(message.to);
  if (from.trim() === '') throw new SendGridError('SendGrid mail send: the sender address is empty', false);
  if (recipients.length === 0) throw new SendGridError('SendGrid mail send: no recipient address', false);
  if (recipients.length > MAX_RECIPIENTS) {
    throw new SendGridError(
      `SendGrid mail send: ${recipients.length} recipients, over SendGrid's ${MAX_RECIPIENTS} per message`,
      false,
    );
  }
  if (message.subject.trim() === '') throw new SendGridError('SendGrid mail send: the subject is empty', false);
  if (message.text === '') throw new SendGridError('SendGrid mail send: the text is empty', false);
  return {
    personalizations: [{ to: recipients.map((email) => ({ email })) }],
    from: { email: from.trim() },
    subject: message.subject,
    content: [{ type: 'text/plain', value: message.text }],
  };
}

/** SendGrid refuses a personalization that names one address twice; case does not make it another. */
function uniqueAddresses(addresses: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of addresses) {
    const address = raw.trim();
    if (address === '' || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    unique.push(address);
  }
  return unique;
}

function errorMessages(body: unknown): string[] {
  return arrayField(body, 'errors').flatMap((entry) => {
    const message = stringField(entry, 'message');
    if (message === undefined) return [];
    const field = stringField(entry, 'field');
    return [field !== undefined && field !== 'null' ? `${message} (${field})` : message];
  });
}
