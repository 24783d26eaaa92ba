// The caller's key press, speech or silence at the main menu or the team menu.
import { onMenuInput } from './lib/core/menus';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'menu',
  leg: 'caller',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) =>
    onMenuInput(setup.flow, state, { digits: param('Digits'), speech: param('SpeechResult'), at: new Date() }),
});
