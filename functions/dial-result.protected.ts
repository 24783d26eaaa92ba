// One forwarding attempt ended: the Dial's action.
import { onDialResult } from './lib/core/forwarding';
import { createCallFlowHandler } from './lib/shell/handler';

/** Parent call statuses that mean the caller is no longer on the line. */
const CALLER_GONE = new Set(['completed', 'canceled', 'failed', 'busy', 'no-answer']);

export const handler = createCallFlowHandler({
  step: 'dial-result',
  leg: 'caller',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) =>
    onDialResult(setup.flow, state, {
      status: param('DialCallStatus') ?? '',
      bridged: param('DialBridged') === 'true',
      durationSeconds: wholeSeconds(param('DialCallDuration')),
      callerGone: CALLER_GONE.has(param('CallStatus') ?? ''),
    }),
});

function wholeSeconds(value: string | undefined): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds) : 0;
}
