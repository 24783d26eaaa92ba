import { warmState } from './state';

/**
 * Who pressed 1, by the CallSid of their leg. When a whole escalation step rings at once, Twilio
 * tells the Dial's action only which leg was bridged (DialCallSid); the whisper's answer, on that
 * leg, knew the person. Best effort: another container may answer the action, and the call log
 * then names everyone who rang.
 */
const KEY = (legSid: string): string => `accepted ${legSid}`;
const KEPT_MS = 6 * 60 * 60 * 1000;

export function rememberAcceptance(legSid: string, responder: string, now: number = Date.now()): void {
  if (!legSid) return;
  warmState().entries.set(KEY(legSid), { kind: 'value', value: responder, storedAt: now, expiresAt: now + KEPT_MS });
}

/** The responder who accepted on `legSid`, once: the entry is dropped as it is read. */
export function recallAcceptance(legSid: string | undefined, now: number = Date.now()): string | undefined {
  if (!legSid) return undefined;
  const { entries } = warmState();
  const entry = entries.get(KEY(legSid));
  entries.delete(KEY(legSid));
  return entry?.kind === 'value' && entry.expiresAt > now && typeof entry.value === 'string' ? entry.value : undefined;
}
