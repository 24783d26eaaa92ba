// One <Number> of a <Dial>: its phone rings, then it is picked up, rings out, is busy,
// fails, or is canceled; a picked-up leg runs its whisper TwiML, which decides whether
// the responder is bridged to the caller.
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
  /** Seconds from the start of the Dial until pickup, or until the phone stopped ringing. */
  ringSeconds: number;
  /** Seconds the answered leg spent in its whisper TwiML. */
  whisperSeconds: number;
  talkSeconds: number;
}

/** A Number whose phone is ringing; how it will end is already known from the script. */
export interface RingingNumber {
  target: DialTarget;
  responder: DialledResponder;
  leg: CallLeg;
  childCallSid: string;
  sequence: { next: number };
  /** busy and failed end at once; no-answer rings until the Dial's timeout. */
  unanswered: 'busy' | 'failed' | 'no-answer' | null;
  /** Seconds after the Dial started that the phone is picked up (when `unanswered` is null). */
  pickupSeconds: number;
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
  ringing: RingingNumber,
  event: string,
  callStatus: string,
  callDuration?: number,
): Promise<void> {
  const { target, leg, sequence } = ringing;
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

function unansweredBy(responder: DialledResponder, timeoutSeconds: number): RingingNumber['unanswered'] {
  const { behaviour } = responder;
  if (behaviour === 'busy' || behaviour === 'failed' || behaviour === 'no-answer') return behaviour;
  return (responder.ringSeconds ?? DEFAULT_RING_SECONDS) > timeoutSeconds ? 'no-answer' : null;
}

/** Places the child call: Twilio starts every Number of a Dial at the same moment. */
export async function startRinging(
  session: CallSession,
  target: DialTarget,
  dial: { timeoutSeconds: number; from: string },
): Promise<RingingNumber> {
  const script = session.config.script.responders?.[target.number] ?? { behaviour: 'no-answer' };
  const responder: DialledResponder = { ...script, number: target.number };
  const childCallSid = newSid('CA');
  const ringing: RingingNumber = {
    target,
    responder,
    leg: createResponderLeg(session, responder, childCallSid, dial.from),
    childCallSid,
    sequence: { next: 0 },
    unanswered: unansweredBy(responder, dial.timeoutSeconds),
    pickupSeconds: responder.ringSeconds ?? DEFAULT_RING_SECONDS,
  };
  await reportProgress(session, ringing, 'initiated', 'initiated');
  await reportProgress(session, ringing, 'ringing', 'ringing');
  return ringing;
}

/**
 * Ends a leg nobody picked up. "canceled" is what Twilio reports for the legs of a
 * simultaneous Dial that were still ringing when another was connected, or when the
 * caller hung up.
 */
export async function endUnanswered(
  session: CallSession,
  ringing: RingingNumber,
  result: Exclude<AttemptResult, 'answered'>,
  ringSeconds: number,
): Promise<AttemptOutcome> {
  const { target, childCallSid } = ringing;
  session.recorder.add({ type: 'dial-attempt', number: target.number, result, childCallSid });
  await reportProgress(session, ringing, 'completed', result, 0);
  return {
    number: target.number,
    childCallSid,
    result,
    bridged: false,
    ringSeconds,
    whisperSeconds: 0,
    talkSeconds: 0,
  };
}

/** The phone is picked up: run the whisper, which bridges the responder unless it hangs up. */
export async function answer(session: CallSession, run: RunTwiml, ringing: RingingNumber): Promise<AttemptOutcome> {
  const { target, leg, responder, childCallSid } = ringing;
  session.recorder.add({ type: 'dial-attempt', number: target.number, result: 'answered', childCallSid });
  await reportProgress(session, ringing, 'answered', 'in-progress');

  let end: LegEndReason = 'end-of-twiml';
  if (target.whisper) {
    const fetched = await session.fetchTwiml(leg, target.whisper, {}, 'number-url');
    end = fetched.ok ? await run(leg, fetched.doc) : fetched.reason;
  }
  // A responder scripted to hang up whose whisper never spoke to them still hangs up.
  const bridged = end === 'end-of-twiml' && responder.behaviour !== 'hangs-up-during-whisper';
  const talkSeconds = bridged ? (responder.talkSeconds ?? DEFAULT_TALK_SECONDS) : 0;
  if (!bridged) {
    session.recorder.add({ type: 'not-bridged', number: target.number, reason: notBridgedReason(end, responder) });
  }
  await reportProgress(session, ringing, 'completed', 'completed', Math.round(leg.seconds + talkSeconds));
  return {
    number: target.number,
    childCallSid,
    result: 'answered',
    bridged,
    ringSeconds: ringing.pickupSeconds,
    whisperSeconds: leg.seconds,
    talkSeconds,
  };
}
