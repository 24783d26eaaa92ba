// The responder's answer to "press 1 to accept".
import { onScreen } from './lib/core/forwarding';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'screen',
  leg: 'responder',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) => onScreen(setup.flow, state, param('Digits')),
});
