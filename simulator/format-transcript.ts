// Human-readable views of a CallReport: a line per event, and a short summary.
import type { CallReport, EndReason, Party, TranscriptEvent } from './call-report';

export interface TranscriptFormat {
  /** Show a line for each TwiML webhook request (default true). */
  showRequests?: boolean;
  /** Show notices about TwiML the simulator skipped or doubts (default true). */
  showNotices?: boolean;
}

function who(party: Party): string {
  return party.who === 'caller' ? 'caller' : `responder ${party.number}`;
}

const END_REASONS: Record<EndReason, string> = {
  'hangup-verb': '<Hangup/>',
  'reject-verb': '<Reject/>',
  'end-of-twiml': 'end of TwiML',
  'caller-hung-up': 'caller hung up',
  'application-error': 'application error',
  'max-hops': 'maxHops reached',
};

/** One line for an event, or null when the format hides it. */
export function formatEvent(event: TranscriptEvent, format: TranscriptFormat = {}): string | null {
  switch (event.type) {
    case 'hears':
      if (event.what === 'say') return `${who(event)} hears: "${event.text}"`;
      if (event.what === 'play') return `${who(event)} hears audio: ${event.text}`;
      if (event.what === 'tones') return `${who(event)} hears tones: ${event.text}`;
      if (event.what === 'beep') return `${who(event)} hears: (beep)`;
      return `${who(event)} hears: (pause ${event.text})`;
    case 'input': {
      const note = event.note ? ` (${event.note})` : '';
      if (event.input === 'digits') return `${who(event)} presses ${event.value || '(nothing)'}${note}`;
      if (event.input === 'speech') return `${who(event)} says: "${event.value}"${note}`;
      return `${who(event)} stays silent${note}`;
    }
    case 'hang-up':
      return `${who(event)} hangs up during ${event.during}`;
    case 'webhook':
      if (format.showRequests === false) return null;
      return `  ↳ ${event.method} ${event.path} → ${event.status ?? 'no response'} (${event.ms} ms${event.leg === 'child' ? ', responder leg' : ''})`;
    case 'ringing':
      return `ringing ${event.number} (timeout ${event.timeoutSeconds} s)`;
    case 'dial-attempt':
      return event.result === 'answered' ? `${event.number} answers` : `${event.number}: ${event.result}`;
    case 'bridged':
      return `bridged to ${event.number} (talk ${event.talkSeconds} s)`;
    case 'not-bridged':
      return `not bridged to ${event.number}: ${event.reason}`;
    case 'dial-result':
      return `dial result: ${event.status}, bridged ${event.bridged}, ${event.durationSeconds} s`;
    case 'recording': {
      const transcript = event.transcript ? `: "${event.transcript}"` : '';
      return `recording: ${event.seconds} s, ended by ${event.endedBy}${transcript}`;
    }
    case 'callback':
      return `callback ${event.purpose}: ${event.method} ${event.path} → ${event.status ?? 'no response'}`;
    case 'call-ended':
      return `call ends: ${END_REASONS[event.reason]}`;
    case 'application-error':
      return `APPLICATION ERROR ${event.code} (${event.leg}): ${event.message} [${event.url}]`;
    case 'notice':
      return format.showNotices === false ? null : `note: ${event.text}`;
  }
}

export function formatTranscript(report: CallReport, format: TranscriptFormat = {}): string {
  return report.events
    .map((event) => formatEvent(event, format))
    .filter((line): line is string => line !== null)
    .join('\n');
}

export function formatSummary(report: CallReport): string {
  const { timing } = report;
  const hopRequests = report.requests.filter((request) => request.isHop);
  const slowest = [...report.requests].sort((a, b) => b.ms - a.ms)[0];
  const lines = [
    `outcome: ${report.outcome} (${END_REASONS[report.endReason]})`,
    `webhook requests: ${hopRequests.length} TwiML (${hopRequests.filter((r) => r.leg === 'child').length} on responder legs), ` +
      `${report.requests.length - hopRequests.length} callbacks; ${timing.totalRequestMs} ms in handlers`,
    timing.hopsToFirstDial === null
      ? 'first <Dial>: none'
      : `first <Dial>: after ${timing.hopsToFirstDial} request(s), ${timing.msToFirstDial} ms of handler time`,
    `numbers dialled: ${report.dialled.length > 0 ? report.dialled.join(', ') : 'none'}`,
    `bridged to: ${report.bridgedTo ?? 'nobody'}`,
    `simulated call length: ${timing.simulatedCallSeconds} s`,
  ];
  if (slowest) lines.push(`slowest request: ${slowest.method} ${slowest.path} ${slowest.ms} ms`);
  for (const error of report.applicationErrors)
    lines.push(`application error ${error.code}: ${error.message} [${error.url}]`);
  return lines.join('\n');
}
