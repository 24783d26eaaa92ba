import { getExpectedTwilioSignature } from 'twilio';

/**
 * X-Twilio-Signature for a webhook, computed by the twilio library itself, so that the
 * simulator signs exactly as the library the functions validate with expects. GET requests
 * sign the URL alone (their parameters are in it), so pass no params for them.
 */
export function computeTwilioSignature(authToken: string, url: string, params: Record<string, string> = {}): string {
  return getExpectedTwilioSignature(authToken, url, params);
}
