import type { AlertOutcome } from './alerts';
import type { CallState } from './call-state';

/**
 * How far a call got, recorded as it goes so that /call-status, requested when the call ends
 * however it ends, can tell a call that ended well from one that left nobody aware of it: a
 * caller who hangs up during a spoken prompt gives Twilio nothing else to tell us.
 */
export interface CallTrace {
  caller: string;
  /** The team the caller chose (or was put through to); absent while still at a menu. */
  team?: string;
  /** The provider's key for that team (Splunk On-Call's slug). */
  teamRef?: string;
  stage: TraceStage;
  /**
   * open: accepted by the provider, or logged by the static roster; texted: the provider refused it
   * but the team's fallback numbers got the last-resort SMS; not-open: nobody was told.
   */
  incident: 'open' | 'texted' | 'not-open';
  /** A responder pressed 1: a person took the call. */
  answered: boolean;
  /** The team the caller chose was closed (the call went to its after-hours team or voicemail). */
  afterHours?: string;
}

/**
 * - menu: the caller never chose a team;
 * - screened: the caller was screened (or stayed silent) and offered voicemail: nothing is owed
 *   them unless they leave a message, which moves the trace on;
 * - ended: the flow ended the call on purpose (a blocked caller, a goodbye after silence);
 * - team-chosen: a team was chosen and its on-call chain is being looked up or rung;
 * - voicemail: the caller was asked for a message or a call-back number;
 * - message: they left one (or the Record heard nothing);
 * - answered: a responder took the call.
 */
export type TraceStage = 'menu' | 'team-chosen' | 'voicemail' | 'message' | 'answered' | 'screened' | 'ended';

/** Only an accepted message opened the incident; an SMS told someone, but opened nothing. */
export function incidentIsOpen(outcome: AlertOutcome | undefined): boolean {
  return outcome === 'alerted' || outcome === 'recorded';
}

export function traceOf(state: CallState, stage: TraceStage): CallTrace {
  return {
    caller: state.caller,
    ...(state.team ? { team: state.team.name } : {}),
    ...(state.team?.ref ? { teamRef: state.team.ref } : {}),
    stage,
    incident: incidentIsOpen(state.alert) ? 'open' : state.alert === 'texted' ? 'texted' : 'not-open',
    answered: stage === 'answered',
    ...(state.afterHours ? { afterHours: state.afterHours } : {}),
  };
}
