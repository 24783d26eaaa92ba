import type { Attempt, Team, VoicemailReason } from './types';

interface IncidentBase {
  /** The caller's CallSid: ties every message of one call to one incident. */
  callSid: string;
  team: Team;
  caller: string;
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
      reason: VoicemailReason | 'caller-hung-up';
      attempts: Attempt[];
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
