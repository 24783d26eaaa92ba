// One <Number> of a <Dial>: does the phone pick up, and if it does, does the whisper
// TwiML on the responder's leg end with them bridged to the caller?
import type { AttemptResult } from '../call-report';
import { childLegParams, responderInput, type CallLeg, type DialledResponder } from '../call-leg';
import type { CallSession } from '../call-session';
import { newSid } from '../twilio-sids';
import type { DialTarget } from './dial-targets';
import type { LegEndReason, RunTwiml } from './verb-context';

export interface AttemptOutcome {
  number: string;
  childCallSid: string;
  result: AttemptResult;
  bridged: boolean;
  /** Seconds ringing before pickup (or until the Dial timeout). */
  ringSeconds: number;
  /** Seconds the answered leg spent in its whisper TwiML. */
  whisperSeconds: number;
  talkSeconds: number;
}

const DEFAULT_RING_SECONDS = 5;
const DEFAULT_TALK_SECONDS = 45;

export function createResponderLeg(
  session: CallSession,
  responder: DialledResponder,
  childCallSid: string,
  from: string,
): CallLeg {
  let hungUp = false;
  const leg: CallLeg = {
    kind: 'child',
    party: { who: 'responder', number: responder.number },
    callSid: childCallSid,
    responder,
    seconds: 0,
    params: () =>
      childLegParams({
        accountSid: session.config.accountSid,
        callSid: childCallSid,
        parentCallSid: session.config.callSid,
        from,
        to: responder.number,
        callStatus: hungUp ? 'completed' : 'in-progress',
      }),
    nextInput: async () => {
      const input = responderInput(responder);
      if (input.kind === 'hang-up') hungUp = true;
      return input;
    },
  };
  return leg;
}

function notBridgedReason(end: LegEndReason, responder: DialledResponder): string {
  switch (end) {
    case 'hangup-verb':
      return 'the whisper TwiML hung up';
    case 'reject-verb':
      return 'the whisper TwiML rejected the leg';
    case 'responder-hung-up':
      return 'the responder hung up during the whisper';
    case 'caller-hung-up':
      return 'the caller hung up';
    case 'application-error':
      return 'application error on the responder leg';
    case 'max-hops':
      return 'maxHops reached';
    default:
      return responder.behaviour === 'hangs-up-during-whisper' ? 'the responder hung up' : 'not bridged';
  }
}

/** Sends one status-callback event for the child leg, if the <Number> asked for it. */
async function reportProgress(
  session: CallSession,
  target: DialTarget,
  leg: CallLeg,
  event: string,
  callStatus: string,
  sequence: { next: number },
  callDuration?: number,
): Promise<void> {
  if (!target.statusCallback || !target.statusCallbackEvents.includes(event)) return;
  const params: Record<string, string> = {
    ...leg.params(),
    CallStatus: callStatus,
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(sequence.next),
    Timestamp: new Date().toUTCString(),
    ...(callDuration !== undefined
      ? { CallDuration: String(callDuration), Duration: String(Math.ceil(callDuration / 60)) }
      : {}),
  };
  sequence.next += 1;
  await session.sendCallback('child', target.statusCallback, params, 'number-status-callback', target.number);
}

/** A Number that never rings to completion: the caller hung up or another one was bridged. */
export async function cancelAttempt(session: CallSession, target: DialTarget, from: string): Promise<AttemptOutcome> {
  const responder: DialledResponder = { number: target.number, behaviour: 'no-answer' };
  const childCallSid = newSid('CA');
  const leg = createResponderLeg(session, responder, childCallSid, from);
  session.recorder.add({ type: 'dial-attempt', number: target.number, result: 'canceled', childCallSid });
  await reportProgress(session, target, leg, 'completed', 'canceled', { next: 0 }, 0);
  return {
    number: target.number,
    childCallSid,
    result: 'canceled',
    bridged: false,
    ringSeconds: 0,
    whisperSeconds: 0,
    talkSeconds: 0,
  };
}

export async function attemptNumber(
  session: CallSession,
  run: RunTwiml,
  target: DialTarget,
  dial: { timeoutSeconds: number; from: string },
): Promise<AttemptOutcome> {
  const script = session.config.script.responders?.[target.number] ?? { behaviour: 'no-answer' };
  const responder: DialledResponder = { ...script, number: target.number };
  const childCallSid = newSid('CA');
  const leg = createResponderLeg(session, responder, childCallSid, dial.from);
  const sequence = { next: 0 };
  const outcome: AttemptOutcome = {
    number: target.number,
    childCallSid,
    result: 'answered',
    bridged: false,
    ringSeconds: Math.min(responder.ringSeconds ?? DEFAULT_RING_SECONDS, dial.timeoutSeconds),
    whisperSeconds: 0,
    talkSeconds: 0,
  };

  await reportProgress(session, target, leg, 'initiated', 'initiated', sequence);
  await reportProgress(session, target, leg, 'ringing', 'ringing', sequence);

  const neverAnswers =
    responder.behaviour === 'no-answer' || responder.behaviour === 'busy' || responder.behaviour === 'failed';
  const answersTooLate = (responder.ringSeconds ?? DEFAULT_RING_SECONDS) > dial.timeoutSeconds;
  if (neverAnswers || answersTooLate) {
    outcome.result = neverAnswers ? (responder.behaviour as AttemptResult) : 'no-answer';
    outcome.ringSeconds = outcome.result === 'no-answer' ? dial.timeoutSeconds : 0;
    session.recorder.add({ type: 'dial-attempt', number: target.number, result: outcome.result, childCallSid });
    await reportProgress(session, target, leg, 'completed', outcome.result, sequence, 0);
    return outcome;
  }

  session.recorder.add({ type: 'dial-attempt', number: target.number, result: 'answered', childCallSid });
  await reportProgress(session, target, leg, 'answered', 'in-progress', sequence);

  let end: LegEndReason = 'end-of-twiml';
  if (target.whisper) {
    const fetched = await session.fetchTwiml(leg, target.whisper, {}, 'number-url');
    end = fetched.ok ? await run(leg, fetched.doc) : fetched.reason;
  }
  outcome.whisperSeconds = leg.seconds;
  // A responder scripted to hang up whose whisper never spoke to them still hangs up.
  outcome.bridged = end === 'end-of-twiml' && responder.behaviour !== 'hangs-up-during-whisper';
  if (outcome.bridged) {
    outcome.talkSeconds = responder.talkSeconds ?? DEFAULT_TALK_SECONDS;
  } else {
    session.recorder.add({ type: 'not-bridged', number: target.number, reason: notBridgedReason(end, responder) });
  }
  await reportProgress(
    session,
    target,
    leg,
    'completed',
    'completed',
    sequence,
    Math.round(leg.seconds + outcome.talkSeconds),
  );
  return outcome;
}
