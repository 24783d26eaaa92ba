// What PagerDuty, Opsgenie and the static roster's webhook say about a call, worded once so
// that a responder reads the same thing whichever system pages them.
import { describeAttempts, describeReason } from '../core/call-log';
import type { IncidentEvent } from '../core/incidents';

/** Names us as the sender: PagerDuty's payload.source and client, Opsgenie's source. */
export const INCIDENT_SOURCE = 'Twilio Live Call Routing';

/** One line naming the call. The updates of a voicemail keep its opening title. */
export function incidentTitle(event: IncidentEvent): string {
  const team = event.team.name;
  switch (event.kind) {
    case 'unanswered-call':
      return event.reason === 'caller-chose-message'
        ? `Message for ${team} from ${event.caller}`
        : `Unanswered call for ${team} from ${event.caller}`;
    case 'message-left':
    case 'transcript':
      return `Voicemail for ${team} from ${event.caller}`;
    case 'missed-call':
      return `Missed call for ${team} from ${event.caller}`;
    case 'menu-hang-up':
      return `Caller hung up at the menu: ${event.caller}`;
    case 'callback-requested':
      return `Call-back requested for ${team}: ${event.callbackNumber}`;
    case 'call-accepted':
    case 'call-ended':
      return `Live call for ${team} from ${event.caller}`;
  }
}

/** What happened, in one sentence or two. */
export function incidentSentence(event: IncidentEvent): string {
  const team = event.team.name;
  switch (event.kind) {
    case 'unanswered-call':
      return event.awaiting === 'message'
        ? `${event.caller} called the ${team} team (${describeReason(event.reason)}) and is being asked to leave a message. If none follows, call them back.`
        : `${event.caller} called the ${team} team (${describeReason(event.reason)}) and is being asked for a number to call back on. If none follows, call them back on ${event.caller}.`;
    case 'message-left':
      return `${event.caller} left a ${event.recordingSeconds} s voicemail for the ${team} team (${describeReason(event.reason)}).`;
    case 'missed-call':
      // The message that could not be passed on is in Twilio's recordings: saying "no message"
      // would send the team to call back without listening first.
      return event.reason === 'message-not-passed-on'
        ? `${event.caller} called the ${team} team and left a message that could not be passed on; it is in the Twilio account's recordings. Listen to it, and call them back.`
        : `${event.caller} called the ${team} team and left no message (${describeReason(event.reason)}). Call them back.`;
    case 'menu-hang-up':
      return `${event.caller} called the on-call line and hung up at the menu, before choosing a team. Recorded for the ${team} team's information: nobody was paged.`;
    case 'callback-requested':
      return `${event.caller} asked the ${team} team to call back on ${event.callbackNumber} (${describeReason(event.reason)}).`;
    case 'transcript':
      return event.text
        ? `Transcript of the voicemail from ${event.caller}: ${event.text}`
        : `Twilio could not transcribe the voicemail from ${event.caller}; listen to the recording.`;
    case 'call-accepted':
      return `${event.responder} accepted a live call from ${event.caller} for the ${team} team.`;
    case 'call-ended':
      return `${event.responder} answered a call from ${event.caller} for the ${team} team; it lasted ${event.talkSeconds} s.`;
  }
}

/** Said of a call that came out of hours. */
function afterHoursNote(event: IncidentEvent): string[] {
  return event.afterHours ? [`The call came after hours: the ${event.afterHours} team was closed.`] : [];
}

/** Said of a call that rang fallback numbers: the on-call lookup behind it needs looking at too. */
function fallbackNote(event: IncidentEvent): string[] {
  return event.fallbackRung
    ? [
        "The team's fallback numbers were rung on this call: the on-call chain could not be rung, or no incident could be opened. Check the provider.",
      ]
    : [];
}

/** The incident's body: the sentence, the recording and the call log, each on its own lines. */
export function incidentDetails(event: IncidentEvent): string {
  const parts = [incidentSentence(event), ...afterHoursNote(event), ...fallbackNote(event)];
  const recording = recordingUrlOf(event);
  if (recording) parts.push(`Recording: ${recording}`);
  if ('attempts' in event && event.attempts) parts.push(`\nCall log:\n${describeAttempts(event.attempts)}`);
  return parts.join('\n');
}

/** Everything in one paragraph, for a chat message. */
export function incidentParagraph(event: IncidentEvent): string {
  const parts = [`${incidentTitle(event)}.`, incidentSentence(event), ...afterHoursNote(event)];
  const recording = recordingUrlOf(event);
  if (recording) parts.push(`Recording: ${recording}`);
  if ('attempts' in event && event.attempts)
    parts.push(`Call log: ${describeAttempts(event.attempts).split('\n').join('; ')}`);
  return parts.join(' ');
}

export function recordingUrlOf(event: IncidentEvent): string | undefined {
  return event.kind === 'message-left' || event.kind === 'transcript' ? event.recordingUrl : undefined;
}
