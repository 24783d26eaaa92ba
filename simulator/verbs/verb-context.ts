// The contract between the TwiML runner and each verb's implementation.
import type { EndReason } from '../call-report';
import type { CallLeg } from '../call-leg';
import type { CallSession, TwimlDocument } from '../call-session';
import type { TwimlElement } from '../twiml-parser';

/** How a leg's TwiML stopped; responders can also hang up themselves. */
export type LegEndReason = EndReason | 'responder-hung-up';

export type VerbOutcome =
  { next: 'continue' } | { next: 'document'; doc: TwimlDocument } | { next: 'end'; reason: LegEndReason };

/** Runs a document on a leg to its end; given to verbs that start other legs (Dial). */
export type RunTwiml = (leg: CallLeg, doc: TwimlDocument) => Promise<LegEndReason>;

export interface VerbContext {
  session: CallSession;
  leg: CallLeg;
  element: TwimlElement;
  doc: TwimlDocument;
  run: RunTwiml;
}

export const CONTINUE: VerbOutcome = { next: 'continue' };

export function endWith(reason: LegEndReason): VerbOutcome {
  return { next: 'end', reason };
}

/** A failed fetch ends the leg the way the failure dictates. */
export function afterFetch(
  outcome: { ok: true; doc: TwimlDocument } | { ok: false; reason: 'application-error' | 'max-hops' },
): VerbOutcome {
  return outcome.ok ? { next: 'document', doc: outcome.doc } : endWith(outcome.reason);
}
