import { describeAttempts, describeReason } from '../core/call-log';
import type { IncidentEvent } from '../core/incidents';

/**
 * The call's facts as flat text fields: PagerDuty's custom_details and Opsgenie's details.
 * Every value is a string because Opsgenie's details accept nothing else.
 */
export function incidentFacts(event: IncidentEvent): Record<string, string> {
  const facts: Record<string, string> = { caller: event.caller, team: event.team.name };
  switch (event.kind) {
    case 'unanswered-call':
      facts.awaiting = event.awaiting === 'message' ? 'voicemail' : 'call-back number';
      break;
    case 'message-left':
      facts.recordingUrl = event.recordingUrl;
      facts.recordingSeconds = String(event.recordingSeconds);
      facts.transcript = 'pending';
      break;
    case 'callback-requested':
      facts.callbackNumber = event.callbackNumber;
      break;
    case 'transcript':
      facts.recordingUrl = event.recordingUrl;
      facts.transcript = event.text || '(Twilio could not transcribe the message)';
      break;
    case 'call-accepted':
      facts.responder = event.responder;
      break;
    case 'call-ended':
      facts.responder = event.responder;
      facts.talkSeconds = String(event.talkSeconds);
      break;
    case 'missed-call':
    case 'menu-hang-up':
      break;
  }
  if (event.afterHours) facts.afterHours = `${event.afterHours} was closed`;
  if (event.fallbackRung)
    facts.fallbackRung = 'yes: the on-call chain could not be rung, or no incident could be opened';
  if ('reason' in event) facts.reason = describeReason(event.reason);
  if ('attempts' in event && event.attempts) facts.callLog = describeAttempts(event.attempts);
  return facts;
}
