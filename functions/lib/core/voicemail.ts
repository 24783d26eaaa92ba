import type { CallState } from './call-state';
import { CALLBACK_TIMEOUT_SECONDS, type FlowConfig } from './flow-config';
import type { IncidentEvent } from './incidents';
import type { MessageKey } from './messages';
import { spokenPhoneNumber } from './messages';
import { say } from './say';
import type { Team, VoicemailReason } from './types';
import { reply, type Reply } from './verbs';

const REASON_MESSAGE: Partial<Record<VoicemailReason, MessageKey>> = {
  'nobody-answered': 'reasonNobodyAnswered',
  'nobody-on-call': 'reasonNobodyOnCall',
  'lookup-failed': 'reasonLookupFailed',
  'state-rejected': 'reasonStateRejected',
};

/** The team a voicemail is for: the chosen one, else the first, so no message is ever unrouted. */
export function teamOf(config: FlowConfig, state: CallState): Team {
  return state.team ?? config.teams[0];
}

/**
 * Tells the caller why nobody is on the line, then records a message (or, with NO_VOICEMAIL,
 * takes a call-back number). The incident opens now, before the prompt: Twilio tells us nothing
 * when a caller hangs up during a <Say>, so this is the last moment a hang-up cannot hide the
 * call. A rejected state opens nothing: that request earned no incident.
 */
export function enterVoicemail(config: FlowConfig, state: CallState, reason: VoicemailReason, lead: string[]): Reply {
  const team = teamOf(config, state);
  const next: CallState = { ...state, team, reason, stage: config.noVoicemail ? 'callback' : 'voicemail' };
  const reasonKey = REASON_MESSAGE[reason];
  const explanation = [...lead, ...(reasonKey ? [say(config, reasonKey, { team: team.name })] : [])];
  const unanswered: IncidentEvent[] =
    reason === 'state-rejected'
      ? []
      : [
          {
            kind: 'unanswered-call',
            callSid: state.callSid,
            team,
            caller: state.caller,
            awaiting: config.noVoicemail ? 'callback-number' : 'message',
            reason,
            attempts: state.attempts,
          },
        ];

  if (config.noVoicemail) {
    return reply(
      [
        {
          verb: 'gather',
          action: { endpoint: 'callback-request', state: next },
          prompt: [...explanation, say(config, 'callbackPrompt')],
          timeoutSeconds: CALLBACK_TIMEOUT_SECONDS,
          finishOnKey: '#',
        },
        // Silence still counts as a request to call back the caller's own number.
        { verb: 'redirect', to: { endpoint: 'callback-request', state: next } },
      ],
      unanswered,
    );
  }

  return reply(
    [
      ...[...explanation, say(config, 'leaveMessage', { team: team.name })].map(
        (text) => ({ verb: 'say', text }) as const,
      ),
      {
        verb: 'record',
        action: { endpoint: 'recorded', state: next },
        transcribeCallback: { endpoint: 'transcribed', state: next },
        maxLengthSeconds: config.voicemailMaxSeconds,
      },
      // Twilio skips the Record action when it heard nothing; this still ends in an incident.
      { verb: 'redirect', to: { endpoint: 'recorded', state: next } },
    ],
    unanswered,
  );
}

export interface Recording {
  url?: string;
  seconds: number;
}

/** The Record verb finished, or heard nothing: the incident gets the message, or hears there is none. */
export function onRecording(config: FlowConfig, state: CallState, recording: Recording): Reply {
  const team = teamOf(config, state);
  const base = { callSid: state.callSid, team, caller: state.caller, attempts: state.attempts };
  const reason = state.reason ?? 'caller-chose-message';
  if (recording.url && recording.seconds > 0) {
    const incident: IncidentEvent = {
      ...base,
      kind: 'message-left',
      recordingUrl: recording.url,
      recordingSeconds: recording.seconds,
      reason,
    };
    return reply(
      [{ verb: 'say', text: say(config, 'messageReceived', { team: team.name }) }, { verb: 'hangup' }],
      [incident],
    );
  }
  const missed: IncidentEvent = { ...base, kind: 'missed-call', reason };
  return reply(
    [{ verb: 'say', text: say(config, 'noMessageHeard', { team: team.name }) }, { verb: 'hangup' }],
    [missed],
  );
}

export interface Transcription {
  text: string;
  completed: boolean;
  recordingUrl: string;
}

/** Twilio's transcription arrived (or failed): add it to the incident, never close it. */
export function onTranscription(config: FlowConfig, state: CallState, transcription: Transcription): Reply {
  const text = transcription.completed ? transcription.text.trim() : '';
  return reply(
    [],
    [
      {
        kind: 'transcript',
        callSid: state.callSid,
        team: teamOf(config, state),
        caller: state.caller,
        text,
        recordingUrl: transcription.recordingUrl,
      },
    ],
  );
}

/** With NO_VOICEMAIL: the caller keyed a call-back number, or nothing (then their own number). */
export function onCallbackRequest(config: FlowConfig, state: CallState, digits: string | undefined): Reply {
  const team = teamOf(config, state);
  const callbackNumber = callbackNumberFrom(digits, state.caller);
  const incident: IncidentEvent = {
    kind: 'callback-requested',
    callSid: state.callSid,
    team,
    caller: state.caller,
    callbackNumber,
    reason: state.reason ?? 'caller-chose-message',
    attempts: state.attempts,
  };
  const confirmation = say(config, 'callbackConfirmed', { team: team.name, number: spokenPhoneNumber(callbackNumber) });
  return reply([{ verb: 'say', text: confirmation }, { verb: 'hangup' }], [incident]);
}

/**
 * What the caller keyed, as a number someone can dial back: ten digits from a North American
 * caller are a North American number; other lengths stay as keyed, since the country is
 * unknown. Too short or too long means the caller's own number.
 */
export function callbackNumberFrom(digits: string | undefined, caller: string): string {
  const entered = (digits ?? '').replace(/[^0-9]/g, '');
  if (entered.length < 7 || entered.length > 15) return caller;
  if (entered.length === 10 && caller.startsWith('+1')) return `+1${entered}`;
  return entered;
}
