/** What a Function receives: Twilio's form parameters and our query string, merged, plus headers. */
export interface TwilioEvent {
  request?: { headers?: Record<string, string | string[] | undefined> };
  [parameter: string]: unknown;
}

/** Longest parameter value we read: anything longer is not something Twilio sends. */
const MAX_PARAMETER_LENGTH = 4096;

export function stringParam(event: TwilioEvent, name: string): string | undefined {
  const value = event[name];
  return typeof value === 'string' && value.length <= MAX_PARAMETER_LENGTH ? value : undefined;
}

export function header(event: TwilioEvent, name: string): string | undefined {
  const value = event.request?.headers?.[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The form parameters Twilio signed: everything but the headers and our own query parameter. */
export function signedParams(event: TwilioEvent): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(event)) {
    if (key === 'request' || key === STATE_PARAM) continue;
    if (typeof value === 'string') params[key] = value;
  }
  return params;
}

/** The one query parameter our generated URLs carry: the sealed call state. */
export const STATE_PARAM = 's';

/** Call statuses that mean the caller's own leg has ended: nobody is on the line any more. */
const CALLER_GONE = new Set(['completed', 'canceled', 'failed', 'busy', 'no-answer']);

/** The caller hung up (Twilio still requests a Dial's or a Record's action after that). */
export function callerHasHungUp(event: TwilioEvent): boolean {
  return CALLER_GONE.has(stringParam(event, 'CallStatus') ?? '');
}
