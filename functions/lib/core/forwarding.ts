import type { CallState } from './call-state';
import { WHISPER_TIMEOUT_SECONDS, type FlowConfig } from './flow-config';
import { spokenPhoneNumber } from './messages';
import { say } from './say';
import type { AttemptOutcome, OnCallLookup } from './types';
import { traceOf } from './trace';
import { reply, type NeedAlert, type Reply } from './verbs';
import { checkDestinations, fallbackChain } from './destinations';
import { dialCurrent, MIN_RING_SECONDS, ringingNow, ringSeconds } from './dial';
import { rulesOf } from './routing';
import { callFacts, type IncidentEvent } from './incidents';
import { enterVoicemail, needAlert, teamOf } from './voicemail';

/**
 * The on-call lookup finished: ring the first responder, or explain and take a message. When
 * the provider failed or names nobody, the team's fallback numbers are rung instead.
 */
export function connectToChain(
  config: FlowConfig,
  state: CallState,
  prelude: string[],
  lookup: OnCallLookup,
  at: Date,
): Reply | NeedAlert {
  const team = teamOf(config, state);
  const rules = rulesOf(config.routing, team.name);
  // Ringing a step at once: each responder keeps the step they ring with.
  const people = lookup.ok
    ? lookup.steps.flatMap((step, index) =>
        step.map((responder) => (rules.ring === 'step' ? { ...responder, step: index } : responder)),
      )
    : [];
  const named = checkDestinations(people, config.allowedCountryCodes);
  const fallback = checkDestinations(fallbackChain(team), config.allowedCountryCodes);
  const useFallback = named.allowed.length === 0;
  const chain = useFallback ? fallback.allowed : named.allowed;
  const refusals = useFallback ? [...named.refusals, ...fallback.refusals] : named.refusals;
  if (chain.length === 0) {
    const reason = lookup.ok ? 'nobody-on-call' : 'lookup-failed';
    return withNotes(enterVoicemail(config, state, reason, prelude), refusals);
  }
  // Past a handful of people the caller has waited minutes; a message serves them better, and
  // the sealed state stays far below Twilio's URL limit.
  const maxRingSeconds = rules.maxRingSeconds ?? config.routing.maxRingSeconds;
  const ringing: CallState = {
    ...state,
    stage: 'forwarding',
    chain: chain.slice(0, MAX_CHAIN_LENGTH),
    current: 0,
    ...(useFallback ? { fallbackRung: true } : {}),
    ...(maxRingSeconds !== undefined ? { ringUntil: at.getTime() + maxRingSeconds * 1000 } : {}),
  };
  const first = ringingNow(ringing);
  // A fallback line is nobody's name: "the Platform fallback line 1, on call for…" would say so.
  const connecting =
    first.length > 1 || useFallback
      ? say(config, 'connectingTeam', { team: team.name })
      : say(config, 'connecting', { responder: chain[0].name, team: team.name });
  const why = lookup.ok ? 'nobody the provider named can be dialled' : 'the on-call lookup failed';
  const notes = useFallback ? [...refusals, `ringing the fallback numbers: ${why}`] : refusals;
  return withNotes(
    reply([
      ...[...prelude, connecting].map((text) => ({ verb: 'say', text }) as const),
      dialCurrent(config, ringing, at),
    ]),
    notes,
  );
}

/** The most responders one call tries before voicemail. */
export const MAX_CHAIN_LENGTH = 8;

function withNotes<T extends Reply | NeedAlert>(answer: T, notes: string[]): T {
  return notes.length > 0 ? { ...answer, notes: [...(answer.notes ?? []), ...notes] } : answer;
}

/** The responder picked up: before bridging, tell them who calls and make them press 1. */
export function onWhisper(config: FlowConfig, state: CallState): Reply {
  const whisper = say(config, 'whisper', { team: teamOf(config, state).name, caller: spokenPhoneNumber(state.caller) });
  return reply([
    {
      verb: 'gather',
      action: { endpoint: 'screen', state },
      // Said twice: someone woken at 3 a.m. may miss the first one.
      prompt: [whisper, whisper],
      timeoutSeconds: WHISPER_TIMEOUT_SECONDS,
      numDigits: 1,
    },
    // A personal voicemail never presses 1, so it ends here and the leg is not bridged.
    { verb: 'say', text: say(config, 'whisperNoResponse') },
    { verb: 'hangup' },
  ]);
}

/** The responder pressed a key during the whisper. Only 1 bridges the call. */
export function onScreen(config: FlowConfig, state: CallState, digits: string | undefined): Reply {
  const responder = state.chain[state.current];
  if (digits?.trim() !== '1' || !responder) {
    return reply([{ verb: 'say', text: say(config, 'whisperNoResponse') }, { verb: 'hangup' }]);
  }
  const accepted = reply(
    [{ verb: 'say', text: say(config, 'whisperAccepted') }],
    [
      {
        kind: 'call-accepted',
        ...callFacts(state, teamOf(config, state)),
        responder: responder.name,
      },
    ],
  );
  // A person is on the line: /call-status must not open a missed-call incident for this call.
  return { ...accepted, trace: traceOf(state, 'answered') };
}

export interface DialResult {
  /** Twilio's DialCallStatus. */
  status: string;
  /** DialBridged: only a bridged call had a person who pressed 1 on the line. */
  bridged: boolean;
  durationSeconds: number;
  /** The caller's own leg has ended (they hung up while we were ringing or talking). */
  callerGone: boolean;
  /** When the Dial ended: the ringing cap (maxRingSeconds) is measured against it. */
  at: Date;
  /** Who pressed 1 on the bridged leg, when the shell still knows (see warm/acceptances.ts). */
  acceptedBy?: string;
}

const UNBRIDGED_OUTCOME = new Map<string, AttemptOutcome>([
  ['busy', 'busy'],
  ['failed', 'failed'],
  ['no-answer', 'no-answer'],
  ['canceled', 'no-answer'],
  ['completed', 'not-accepted'],
  ['answered', 'not-accepted'],
]);

/** One forwarding attempt (one person, or a whole step) ended: close out an answered call, or ring on. */
export function onDialResult(config: FlowConfig, state: CallState, result: DialResult): Reply | NeedAlert {
  const rang = ringingNow(state).map((index) => state.chain[index]);
  if (rang.length === 0) return enterVoicemail(config, state, 'state-rejected', []);
  const team = teamOf(config, state);
  // Ringing a step, Twilio does not say which of them was bridged: the whisper's acknowledgement
  // did, and the shell may still know it. Only a name among those ringing is taken.
  const known = result.acceptedBy && rang.some((responder) => responder.name === result.acceptedBy);
  const who = known && result.acceptedBy ? result.acceptedBy : rang.map((responder) => responder.name).join(' or ');

  if (result.bridged) {
    const attempts = [
      ...state.attempts,
      { responder: who, outcome: 'accepted' as const, talkSeconds: result.durationSeconds },
    ];
    const ended = reply(
      [{ verb: 'say', text: say(config, 'calleeDisconnected') }, { verb: 'hangup' }],
      [
        {
          kind: 'call-ended',
          ...callFacts(state, team),
          responder: who,
          talkSeconds: result.durationSeconds,
          attempts,
        },
      ],
    );
    return { ...ended, trace: traceOf(state, 'answered') };
  }

  if (result.callerGone) {
    const attempts = [
      ...state.attempts,
      ...rang.map((responder) => ({ responder: responder.name, outcome: 'caller-hung-up' as const })),
    ];
    const missed: IncidentEvent = {
      kind: 'missed-call',
      ...callFacts(state, team),
      reason: 'caller-hung-up',
      attempts,
    };
    return needAlert(config, { ...state, attempts }, [missed], { then: 'hang-up' });
  }

  const outcome = UNBRIDGED_OUTCOME.get(result.status) ?? 'no-answer';
  const tried: CallState = {
    ...state,
    attempts: [...state.attempts, ...rang.map((responder) => ({ responder: responder.name, outcome }))],
  };
  const nextIndex = state.current + rang.length;
  const next: CallState = { ...tried, current: nextIndex };
  // Nobody left to ring, or the call's cap on ringing (maxRingSeconds) leaves too little: a message.
  if (!state.chain[nextIndex] || ringSeconds(config, next, result.at) < MIN_RING_SECONDS) {
    return enterVoicemail(config, tried, 'nobody-answered', []);
  }

  // Straight to the next ring, with no announcement: Twilio tells us nothing of a caller who
  // hangs up during a <Say>, and after a responder rang out the call must not go quiet.
  return reply([dialCurrent(config, next, result.at)]);
}
