// Decides whether a webhook answer is TwiML Twilio would run, or one of the failures
// that make Twilio play "an application error has occurred" and drop the call.
import { parseTwiml, TwimlParseError, type TwimlElement } from './twiml-parser';
import type { WebhookResult } from './webhook-client';

export type TwimlVerdict =
  { ok: true; root: TwimlElement; notice?: string } | { ok: false; code: number; message: string };

/** Twilio error codes the simulator can reproduce. */
export const TWILIO_ERROR = {
  httpRetrievalFailure: 11200,
  httpTimeout: 11205,
  documentParseFailure: 12100,
  invalidContentType: 12300,
  // Documented for a StatusCallback URL over 4000 characters; the voice engine's own code is undocumented.
  urlTooLong: 21609,
} as const;

const XML_TYPE = /^(text|application)\/([\w.+-]+\+)?xml\b/i;

export function judgeTwimlResponse(result: WebhookResult, timeoutMs: number): TwimlVerdict {
  if (result.kind === 'timeout') {
    return { ok: false, code: TWILIO_ERROR.httpTimeout, message: `no response within ${timeoutMs} ms` };
  }
  if (result.kind === 'network-error') {
    return { ok: false, code: TWILIO_ERROR.httpRetrievalFailure, message: `request failed: ${result.message}` };
  }
  if (result.status !== 200) {
    return { ok: false, code: TWILIO_ERROR.httpRetrievalFailure, message: `HTTP ${result.status}` };
  }
  const type = result.contentType.trim();
  const isHtml = /^text\/html\b/i.test(type);
  if (!XML_TYPE.test(type) && !isHtml) {
    return {
      ok: false,
      code: TWILIO_ERROR.invalidContentType,
      message: `Content-Type "${type || '(none)'}" is not TwiML (send text/xml)`,
    };
  }
  try {
    const root = parseTwiml(result.body);
    return isHtml ? { ok: true, root, notice: 'TwiML served as text/html; text/xml is safer' } : { ok: true, root };
  } catch (error) {
    const detail = error instanceof TwimlParseError ? error.message : String(error);
    return { ok: false, code: TWILIO_ERROR.documentParseFailure, message: `invalid TwiML: ${detail}` };
  }
}
