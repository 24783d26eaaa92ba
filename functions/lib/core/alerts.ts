import type { TraceStage } from './trace';
import type { VoicemailReason } from './types';

/**
 * What became of the messages meant to open a call's incident, best first:
 * - alerted: the incident system (or the static roster's chat webhook) accepted one;
 * - texted: none was accepted, but Twilio accepted the last-resort SMS to the team's fallback numbers;
 * - recorded: the static roster without a webhook wrote it to the log, where nobody is paged;
 * - failed: nothing was accepted anywhere.
 * The caller hears only what happened: never "the team was alerted" unless it was.
 */
export type AlertOutcome = 'alerted' | 'texted' | 'recorded' | 'failed';

const RANK: Record<AlertOutcome, number> = { alerted: 0, texted: 1, recorded: 2, failed: 3 };

/** The best of several messages' outcomes: one accepted message is enough for the team to know. */
export function bestOutcome(outcomes: AlertOutcome[]): AlertOutcome {
  return outcomes.reduce<AlertOutcome>((best, next) => (RANK[next] < RANK[best] ? next : best), 'failed');
}

/** What the flow answers once it knows what became of its incident messages. */
export type AfterAlert =
  /** The caller is asked for a message (or a call-back number) and told whether the team knows. */
  | { then: 'voicemail-prompt'; reason: VoicemailReason; lead: string[] }
  /** A voicemail was left. */
  | { then: 'message-received' }
  /** The Record heard nothing. */
  | { then: 'no-message' }
  /** The caller gave a number to be called back on. */
  | { then: 'callback-confirmed'; callbackNumber: string }
  /** Nobody is on the line to tell: the caller hung up while a responder's phone rang. */
  | { then: 'hang-up' }
  /** The call is over (its status callback): only the trace learns what happened. */
  | { then: 'record-only'; stage: TraceStage };
