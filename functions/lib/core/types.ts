// Domain types shared by the pure call flow, the providers and the handlers.

/** A team the caller can choose, in the order the operator configured. */
export interface Team {
  /** What the caller hears and what incidents name. */
  name: string;
  /** Escalation policy (Splunk On-Call) or schedule (Opsgenie) to use; the first one when absent. */
  policy?: string;
  /** Rung in order when the provider cannot say who is on call. */
  fallbackPhones?: string[];
  /**
   * The provider's own key for the team (Splunk On-Call's slug), found before the caller chooses so
   * that the lookup after their key needs no team list.
   */
  ref?: string;
}

/** One person in an on-call chain, in the order they are tried. */
export interface Responder {
  /** Provider username or display name: the caller hears it ("Connecting you to …"), and logs and incidents name it. */
  name: string;
  /** E.164 phone number. */
  phone: string;
  /** With the "step" ring strategy: the escalation step they ring with (everyone of a step at once). */
  step?: number;
}

/** Who is on call, step by step (each step's people in order), or why nobody can tell. */
export type OnCallLookup = { ok: true; steps: Responder[][] } | { ok: false; problem: string };

export type ScreeningReason = 'caller-not-allowed' | 'caller-withheld' | 'caller-unverified';

/** Why a caller ends up leaving a message rather than talking to someone. */
export type VoicemailReason =
  | 'caller-chose-message'
  | 'no-call-mode'
  | 'nobody-answered'
  | 'nobody-on-call'
  | 'lookup-failed'
  | 'state-rejected'
  | 'after-hours'
  /**
   * Screened by the routing file's caller rules (not on the allow list, a withheld caller ID, a
   * caller ID that failed verification): may leave a message, opens an incident only if they do.
   */
  | ScreeningReason
  /** Silence at every menu prompt, with noInput "voicemail": screened the same way. */
  | 'no-choice';

/**
 * Reasons whose caller opens an incident only by leaving a message: robocalls must not page
 * anyone, and a team closed for the night is paged by a message, not by every ring.
 */
export const SCREENED_REASONS: ReadonlySet<VoicemailReason> = new Set([
  'caller-not-allowed',
  'caller-withheld',
  'caller-unverified',
  'no-choice',
  'after-hours',
]);

/**
 * Why a call that nobody took ended without a message: the caller hung up while a responder rang,
 * or (as the number's status callback tells) after choosing a team but before anyone rang, during
 * the voicemail prompt, or after leaving a message that could not be passed on.
 */
export type HangUpReason = 'caller-hung-up' | 'hung-up-before-ringing' | 'hung-up-at-prompt' | 'message-not-passed-on';

/** How one forwarding attempt ended, as the call log records it. */
export type AttemptOutcome = 'accepted' | 'not-accepted' | 'no-answer' | 'busy' | 'failed' | 'caller-hung-up';

export interface Attempt {
  responder: string;
  outcome: AttemptOutcome;
  /** Seconds the bridged call lasted; only for accepted attempts. */
  talkSeconds?: number;
}
