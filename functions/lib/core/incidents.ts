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

/** Opens a new incident (as opposed to updating or closing one). */
export function opensIncident(event: IncidentEvent): boolean {
  return event.kind === 'message-left' || event.kind === 'missed-call' || event.kind === 'callback-requested';
}
