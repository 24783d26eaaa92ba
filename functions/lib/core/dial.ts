import type { CallState } from './call-state';
import type { FlowConfig } from './flow-config';
import type { Verb } from './verbs';

/** Rings the responder at `state.current`; the whisper screens them before the caller is bridged. */
export function dialCurrent(config: FlowConfig, state: CallState): Verb {
  return {
    verb: 'dial',
    action: { endpoint: 'dial-result', state },
    callerId: callerIdFor(config, state),
    timeoutSeconds: config.ringTimeoutSeconds,
    phone: state.chain[state.current].phone,
    whisper: { endpoint: 'whisper', state },
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
