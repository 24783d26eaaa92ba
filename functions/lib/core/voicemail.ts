import type { AfterAlert, AlertOutcome } from './alerts';
import type { CallState } from './call-state';
import { checkDestinations, fallbackChain } from './destinations';
import { dialCurrent } from './dial';
import { CALLBACK_TIMEOUT_SECONDS, type FlowConfig } from './flow-config';
import { callFacts, type IncidentEvent } from './incidents';
import type { MessageKey } from './messages';
import { spokenPhoneNumber } from './messages';
import { say } from './say';
import { incidentIsOpen, traceOf } from './trace';
import { SCREENED_REASONS, type Team, type VoicemailReason } from './types';
import { rulesOf } from './routing';
import { reply, type NeedAlert, type Reply, type Verb, type VoicemailNotice } from './verbs';

// after-hours: the caller heard why already (the team is closed, or the operator's own words).
const REASON_MESSAGE: Partial<Record<VoicemailReason, MessageKey>> = {
  'nobody-answered': 'reasonNobodyAnswered',
  'nobody-on-call': 'reasonNobodyOnCall',
  'lookup-failed': 'reasonLookupFailed',
  'state-rejected': 'reasonStateRejected',
};

/** What the caller hears of the team's alert before the prompt: only what happened. */
const STATUS_BEFORE_PROMPT: Record<AlertOutcome, MessageKey | undefined> = {
  alerted: 'teamAlerted',
  texted: 'teamTexted',
  // The static roster without a webhook only writes a log line: nobody was told.
  recorded: undefined,
  failed: 'alertFailed',
};

const MESSAGE_CONFIRMATION: Record<AlertOutcome, MessageKey> = {
  alerted: 'messageReceived',
  texted: 'messageTexted',
  recorded: 'messageRecorded',
  failed: 'messageNotPassedOn',
};

const NO_MESSAGE: Record<AlertOutcome, MessageKey> = {
  alerted: 'noMessageHeard',
  texted: 'noMessageTexted',
  recorded: 'noMessageRecorded',
  failed: 'noMessageNotPassedOn',
};

const CALLBACK_CONFIRMATION: Record<AlertOutcome, MessageKey> = {
  alerted: 'callbackConfirmed',
  texted: 'callbackTexted',
  recorded: 'callbackRecorded',
  failed: 'callbackNotPassedOn',
};

/** The team a voicemail is for: the chosen one, else the first, so no message is ever unrouted. */
export function teamOf(config: FlowConfig, state: CallState): Team {
  return state.team ?? config.teams[0];
}

/**
 * Nobody is on the line: the incident opens now, before the prompt, since Twilio tells us nothing
 * of a caller who hangs up during a <Say> and this is the last moment such a hang-up cannot hide
 * the call. What the caller then hears depends on whether it opened (continueAfterAlert). A
 * rejected state opens nothing, and promises nothing: that request earned no incident.
 */
export function enterVoicemail(
  config: FlowConfig,
  state: CallState,
  reason: VoicemailReason,
  lead: string[],
): Reply | NeedAlert {
  const team = teamOf(config, state);
  const next: CallState = { ...state, team, reason, stage: config.noVoicemail ? 'callback' : 'voicemail' };
  if (reason === 'state-rejected') return voicemailPrompt(config, next, reason, lead, undefined);
  if (SCREENED_REASONS.has(reason)) {
    // Robocalls are screened here too: only a message left for the team opens an incident.
    const screened = voicemailPrompt(config, { ...next, screened: true }, reason, lead, undefined);
    return { ...screened, trace: traceOf(next, 'screened') };
  }
  const unanswered: IncidentEvent = {
    kind: 'unanswered-call',
    ...callFacts(state, team),
    awaiting: config.noVoicemail ? 'callback-number' : 'message',
    reason,
    attempts: state.attempts,
  };
  return needAlert(config, next, [unanswered], { then: 'voicemail-prompt', reason, lead });
}

const OUTCOMES: readonly AlertOutcome[] = ['alerted', 'texted', 'recorded', 'failed'];

/** Sends `incidents`, then answers as `after` says for whatever became of them: every answer is ready. */
export function needAlert(
  config: FlowConfig,
  state: CallState,
  incidents: IncidentEvent[],
  after: AfterAlert,
): NeedAlert {
  const answers = Object.fromEntries(
    OUTCOMES.map((outcome) => [outcome, continueAfterAlert(config, state, after, outcome)]),
  ) as Record<AlertOutcome, Reply>;
  return { kind: 'need-alert', incidents, answers };
}

/** The incident messages were sent and `outcome` is what became of them: answer the caller truthfully. */
export function continueAfterAlert(
  config: FlowConfig,
  state: CallState,
  after: AfterAlert,
  outcome: AlertOutcome,
): Reply {
  const known: CallState = { ...state, alert: outcome };
  const team = teamOf(config, known);
  const goodbye = (key: MessageKey, values: Record<string, string> = {}): Reply => ({
    ...reply([{ verb: 'say', text: say(config, key, { team: team.name, ...values }) }, { verb: 'hangup' }]),
    trace: traceOf(known, 'message'),
  });
  switch (after.then) {
    case 'voicemail-prompt':
      return outcome === 'failed'
        ? (ringFallbackInstead(config, known, after) ??
            voicemailPrompt(config, known, after.reason, after.lead, outcome))
        : voicemailPrompt(config, known, after.reason, after.lead, outcome);
    case 'message-received':
      return goodbye(MESSAGE_CONFIRMATION[outcome]);
    case 'no-message':
      return goodbye(NO_MESSAGE[outcome]);
    case 'callback-confirmed':
      return goodbye(CALLBACK_CONFIRMATION[outcome], { number: spokenPhoneNumber(after.callbackNumber) });
    case 'hang-up':
      return { ...reply([{ verb: 'hangup' }]), trace: traceOf(known, 'team-chosen') };
    case 'record-only':
      return { ...reply([]), trace: traceOf(known, after.stage) };
  }
}

/**
 * Nobody could be alerted: the team's fallback numbers ring before the caller is asked for a
 * message, once per call. Undefined when there are none left to ring.
 */
function ringFallbackInstead(
  config: FlowConfig,
  state: CallState,
  after: AfterAlert & { then: 'voicemail-prompt' },
): Reply | undefined {
  if (state.fallbackRung) return undefined;
  const team = teamOf(config, state);
  const { allowed } = checkDestinations(fallbackChain(team), config.allowedCountryCodes);
  if (allowed.length === 0) return undefined;
  // The rescue ring when nobody could be told is not held to the call's ringing cap.
  const { ringUntil, ...uncapped } = state;
  const ringing: CallState = { ...uncapped, stage: 'forwarding', chain: allowed, current: 0, fallbackRung: true };
  const words = [
    ...after.lead,
    ...reasonSentence(config, after.reason, team),
    say(config, 'alertFailed', { team: team.name }),
    say(config, 'tryingFallback', { team: team.name }),
  ];
  return {
    // Without a cap, the time of the dial does not matter.
    ...reply([...words.map((text) => ({ verb: 'say', text }) as const), dialCurrent(config, ringing, new Date(0))]),
    notes: ['ringing the fallback numbers: the incident could not be opened'],
    trace: traceOf(ringing, 'team-chosen'),
  };
}

function reasonSentence(config: FlowConfig, reason: VoicemailReason, team: Team): string[] {
  const key = REASON_MESSAGE[reason];
  return key ? [say(config, key, { team: team.name })] : [];
}

/** Why nobody is on the line, what the team knows, then a Record (or, with NO_VOICEMAIL, a call-back Gather). */
function voicemailPrompt(
  config: FlowConfig,
  state: CallState,
  reason: VoicemailReason,
  lead: string[],
  outcome: AlertOutcome | undefined,
): Reply {
  const team = teamOf(config, state);
  const statusKey = outcome ? STATUS_BEFORE_PROMPT[outcome] : undefined;
  const explanation = [
    ...lead,
    ...reasonSentence(config, reason, team),
    ...(statusKey ? [say(config, statusKey, { team: team.name })] : []),
  ];
  const verbs: Verb[] = config.noVoicemail
    ? [
        {
          verb: 'gather',
          action: { endpoint: 'callback-request', state },
          prompt: [...explanation, say(config, 'callbackPrompt')],
          timeoutSeconds: CALLBACK_TIMEOUT_SECONDS,
          finishOnKey: '#',
        },
        // Silence still counts as a request to call back the caller's own number.
        { verb: 'redirect', to: { endpoint: 'callback-request', state } },
      ]
    : [
        ...[...explanation, say(config, 'leaveMessage', { team: team.name })].map(
          (text) => ({ verb: 'say', text }) as const,
        ),
        {
          verb: 'record',
          action: { endpoint: 'recorded', state },
          transcribeCallback: { endpoint: 'transcribed', state },
          maxLengthSeconds: config.voicemailMaxSeconds,
        },
        // Twilio skips the Record action when it heard nothing; this still ends in an incident.
        { verb: 'redirect', to: { endpoint: 'recorded', state } },
      ];
  return { ...reply(verbs), trace: traceOf(state, 'voicemail') };
}

export interface Recording {
  url?: string;
  seconds: number;
}

/** The Record verb finished, or heard nothing: the incident gets the message, or hears there is none. */
export function onRecording(config: FlowConfig, state: CallState, recording: Recording): Reply | NeedAlert {
  const team = teamOf(config, state);
  const base = { ...callFacts(state, team), attempts: state.attempts };
  const reason = state.reason ?? 'caller-chose-message';
  if (recording.url && recording.seconds > 0) {
    const incident: IncidentEvent = {
      ...base,
      kind: 'message-left',
      recordingUrl: recording.url,
      recordingSeconds: recording.seconds,
      reason,
    };
    const step = needAlert(config, { ...state, stage: 'voicemail' }, [incident], { then: 'message-received' });
    return withNotices(step, noticesOf(config, incident));
  }
  if (state.screened) return screenedGoodbye(config, state);
  const missed: IncidentEvent = { ...base, kind: 'missed-call', reason };
  return needAlert(config, { ...state, stage: 'voicemail' }, [missed], { then: 'no-message' });
}

/** A screened caller left nothing: nothing is opened, and nothing is promised. */
function screenedGoodbye(config: FlowConfig, state: CallState): Reply {
  return {
    ...reply([{ verb: 'say', text: say(config, 'noMessageGoodbye') }, { verb: 'hangup' }]),
    trace: traceOf(state, 'screened'),
  };
}

export interface Transcription {
  text: string;
  completed: boolean;
  recordingUrl: string;
}

/** Twilio's transcription arrived (or failed): add it to the incident, never close it. */
export function onTranscription(config: FlowConfig, state: CallState, transcription: Transcription): Reply {
  const text = transcription.completed ? transcription.text.trim() : '';
  const transcript: IncidentEvent = {
    kind: 'transcript',
    ...callFacts(state, teamOf(config, state)),
    text,
    recordingUrl: transcription.recordingUrl,
    ...(incidentIsOpen(state.alert) ? {} : { ensureOpen: true }),
  };
  return withNotices(reply([], [transcript]), noticesOf(config, transcript));
}

/** The team's notify list hears of the voicemail (or call-back request), and of its transcript when it comes. */
function noticesOf(config: FlowConfig, event: IncidentEvent): VoicemailNotice[] {
  const { sms, email } = rulesOf(config.routing, event.team.name).notify;
  return sms.length > 0 || email.length > 0 ? [{ sms, email, event }] : [];
}

function withNotices<T extends Reply | NeedAlert>(step: T, notices: VoicemailNotice[]): T {
  return notices.length > 0 ? { ...step, notices } : step;
}

/** With NO_VOICEMAIL: the caller keyed a call-back number, or nothing (then their own number). */
export function onCallbackRequest(config: FlowConfig, state: CallState, digits: string | undefined): Reply | NeedAlert {
  // Silence (no Digits at all: the Gather timed out) from a screened caller asks for nothing; pound
  // alone still asks to be called back on their own number.
  if (state.screened && digits === undefined) return screenedGoodbye(config, state);
  const team = teamOf(config, state);
  const callbackNumber = callbackNumberFrom(digits, state.caller);
  const incident: IncidentEvent = {
    kind: 'callback-requested',
    ...callFacts(state, team),
    callbackNumber,
    reason: state.reason ?? 'caller-chose-message',
    attempts: state.attempts,
  };
  const step = needAlert(config, { ...state, stage: 'callback' }, [incident], {
    then: 'callback-confirmed',
    callbackNumber,
  });
  // A call-back request is this set-up's voicemail: the notify list hears of it the same way.
  return withNotices(step, noticesOf(config, incident));
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
