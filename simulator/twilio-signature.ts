import { createHmac } from 'node:crypto';

/**
 * X-Twilio-Signature for a webhook: HMAC-SHA1 keyed with the auth token over the full
 * URL (query string included) followed by every POST parameter as name+value, names
 * sorted. GET requests sign the URL alone, so pass no params for them.
 */
export function computeTwilioSignature(authToken: string, url: string, params: Record<string, string> = {}): string {
  const signed = Object.keys(params)
    .sort()
    .reduce((data, name) => data + name + params[name], url);
  return createHmac('sha1', authToken).update(Buffer.from(signed, 'utf-8')).digest('base64');
}
