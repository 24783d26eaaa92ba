import type { CallState } from './call-state';
import type { Attempt, HangUpReason, Team, VoicemailReason } from './types';

interface IncidentBase {
  /** The caller's CallSid: ties every message of one call to one incident. */
  callSid: string;
  team: Team;
  caller: string;
  /** The call came out of this team's hours (it may have been put through to another team). */
  afterHours?: string;
  /** The team's fallback numbers were rung: the provider failed, or named nobody to dial. */
  fallbackRung?: boolean;
}

/** What every incident of a call says about it: the call, the team, the caller, and whether it came after hours. */
export function callFacts(state: CallState, team: Team): IncidentBase {
  return {
    callSid: state.callSid,
    team,
    caller: state.caller,
    ...(state.afterHours ? { afterHours: state.afterHours } : {}),
    ...(state.fallbackRung ? { fallbackRung: true } : {}),
  };
}

/**
 * What happened on a call that the incident system must hear about. Each provider
 * adapter maps these to its own API (Splunk On-Call message types, PagerDuty event actions…).
 */
export type IncidentEvent =
  | (IncidentBase & {
      /**
       * Nobody took the call and the caller is now asked for a message (or a call-back number).
       * Opened before they hear the prompt: a caller who hangs up during it is still on record,
       * and the team hears of the call while the message is being left. The outcome follows.
       */
      kind: 'unanswered-call';
      awaiting: 'message' | 'callback-number';
      reason: VoicemailReason;
      attempts: Attempt[];
    })
  | (IncidentBase & {
      kind: 'message-left';
      recordingUrl: string;
      recordingSeconds: number;
      reason: VoicemailReason;
      attempts: Attempt[];
    })
  | (IncidentBase & {
      kind: 'missed-call';
      reason: VoicemailReason | HangUpReason;
      /** Absent when /call-status opens it: the trace says how far the call got, not who rang. */
      attempts?: Attempt[];
    })
  | (IncidentBase & {
      /**
       * The caller hung up at a menu, before choosing any team (opt-in, RECORD_MENU_HANGUPS): a
       * record the team can see, paging nobody, since robocalls do the same. `team` is the first
       * one the call offered.
       */
      kind: 'menu-hang-up';
    })
  | (IncidentBase & {
      kind: 'callback-requested';
      callbackNumber: string;
      reason: VoicemailReason;
      attempts: Attempt[];
    })
  | (IncidentBase & {
      kind: 'transcript';
      /** Empty when Twilio could not transcribe the message. */
      text: string;
      recordingUrl: string;
      /**
       * The incident was not known to be open when the caller was asked for the message: this
       * message must open it if it still is not (Opsgenie otherwise only adds a note to it).
       */
      ensureOpen?: boolean;
    })
  | (IncidentBase & { kind: 'call-accepted'; responder: string })
  | (IncidentBase & {
      kind: 'call-ended';
      responder: string;
      talkSeconds: number;
      attempts: Attempt[];
    });

/**
 * Would open the call's incident if nothing opened it before: an unanswered call, and each way it
 * ends (a message, a missed call, a call-back request), since the early notice may have failed.
 * These must not be lost: when they cannot be sent, the last-resort SMS goes out.
 */
export function opensIncident(event: IncidentEvent): boolean {
  return (
    event.kind === 'unanswered-call' ||
    event.kind === 'message-left' ||
    event.kind === 'missed-call' ||
    event.kind === 'callback-requested'
  );
}
