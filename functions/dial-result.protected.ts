// One forwarding attempt ended: the Dial's action.
import { onDialResult } from './lib/core/forwarding';
import { createCallFlowHandler } from './lib/shell/handler';
import { callerHasHungUp } from './lib/shell/twilio-event';
import { recallAcceptance } from './lib/warm/acceptances';

export const handler = createCallFlowHandler({
  step: 'dial-result',
  leg: 'caller',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param, event }) =>
    onDialResult(setup.flow, state, {
      status: param('DialCallStatus') ?? '',
      bridged: param('DialBridged') === 'true',
      durationSeconds: wholeSeconds(param('DialCallDuration')),
      callerGone: callerHasHungUp(event),
      at: new Date(),
      ...acceptedOn(param('DialBridged') === 'true' ? param('DialCallSid') : undefined),
    }),
});

function wholeSeconds(value: string | undefined): number {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds) : 0;
}

function acceptedOn(dialCallSid: string | undefined): { acceptedBy?: string } {
  const responder = recallAcceptance(dialCallSid);
  return responder ? { acceptedBy: responder } : {};
}
