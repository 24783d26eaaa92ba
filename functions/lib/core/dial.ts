import type { CallState } from './call-state';
import type { FlowConfig } from './flow-config';
import type { Verb } from './verbs';

/** Twilio rings at most 10 <Number>s of one <Dial> at once. */
export const MAX_NUMBERS_PER_DIAL = 10;
/** Less ringing than this is not worth starting: nobody picks up that fast. */
export const MIN_RING_SECONDS = 5;

/**
 * The indexes in the chain of who rings now: the responder at `state.current`, and with the "step"
 * ring strategy everyone of the same escalation step after them (the chain keeps a step's people
 * together, in order).
 */
export function ringingNow(state: CallState): number[] {
  const first = state.chain[state.current];
  if (!first) return [];
  if (first.step === undefined) return [state.current];
  const indexes: number[] = [];
  for (let i = state.current; i < state.chain.length && indexes.length < MAX_NUMBERS_PER_DIAL; i++) {
    if (state.chain[i].step !== first.step) break;
    indexes.push(i);
  }
  return indexes;
}

/**
 * Seconds the ringing may last now: RING_TIMEOUT_SECONDS, cut to what is left at `at` of the call's
 * cap on all its ringing (maxRingSeconds) when it has one.
 */
export function ringSeconds(config: FlowConfig, state: Pick<CallState, 'ringUntil'>, at: Date): number {
  if (state.ringUntil === undefined) return config.ringTimeoutSeconds;
  return Math.min(config.ringTimeoutSeconds, Math.floor((state.ringUntil - at.getTime()) / 1000));
}

/**
 * Rings who rings now (see ringingNow). Each number's whisper carries the state of its own
 * responder, so that the one who presses 1 is the one acknowledged.
 */
export function dialCurrent(config: FlowConfig, state: CallState, at: Date): Verb {
  return {
    verb: 'dial',
    action: { endpoint: 'dial-result', state },
    callerId: callerIdFor(config, state),
    timeoutSeconds: ringSeconds(config, state, at),
    numbers: ringingNow(state).map((index) => ({
      phone: state.chain[index].phone,
      whisper: { endpoint: 'whisper', state: { ...state, current: index } },
    })),
  };
}

/**
 * The number responders see. The caller's own only when it is a real E.164 number: Twilio
 * refuses to dial with "anonymous", "restricted" or an empty caller ID, and the call would fail.
 */
export function callerIdFor(config: FlowConfig, state: CallState): string {
  const showCaller = config.callerIdMode === 'caller' && /^\+[1-9][0-9]{6,14}$/.test(state.caller);
  return showCaller ? state.caller : state.supportNumber;
}
