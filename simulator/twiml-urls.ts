// Twilio resolves a relative URL in TwiML against the URL of the document that held
// it, exactly like a browser resolves a link.

export type HttpMethod = 'GET' | 'POST';

export interface WebhookTarget {
  url: string;
  method: HttpMethod;
}

/** Twilio refuses longer action, Redirect, <Number url> and callback URLs. */
export const MAX_TWILIO_URL_LENGTH = 4000;

/** Why Twilio would refuse to request this URL, or null when it is short enough. */
export function urlLengthProblem(url: string): string | null {
  return url.length > MAX_TWILIO_URL_LENGTH
    ? `URL is ${url.length} characters; Twilio refuses URLs over ${MAX_TWILIO_URL_LENGTH}`
    : null;
}

export function resolveTwimlUrl(reference: string, documentUrl: string): string {
  return new URL(reference.trim(), documentUrl).toString();
}

/** Twilio accepts GET or POST in any case; anything else falls back to its default, POST. */
export function methodFrom(attribute: string | undefined): HttpMethod {
  return attribute !== undefined && attribute.trim().toUpperCase() === 'GET' ? 'GET' : 'POST';
}

/** The target named by a verb's URL attribute (or the document's own URL as fallback). */
export function targetFrom(
  reference: string | undefined,
  method: string | undefined,
  documentUrl: string,
): WebhookTarget {
  const url =
    reference !== undefined && reference.trim() !== '' ? resolveTwimlUrl(reference, documentUrl) : documentUrl;
  return { url, method: methodFrom(method) };
}

/** Path and query of a URL, for short log lines. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}
