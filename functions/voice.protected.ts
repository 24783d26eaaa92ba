// "A call comes in": the one URL an operator sets on the Twilio number.
import { answerCall } from './lib/core/menus';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'voice',
  leg: 'caller',
  stateful: false,
  needTeams: true,
  decide: ({ setup, state, param }) =>
    answerCall(setup.flow, {
      callSid: state.callSid,
      from: state.caller,
      to: state.supportNumber,
      at: new Date(),
      ...(param('StirVerstat') ? { stirVerstat: param('StirVerstat') } : {}),
    }),
});
