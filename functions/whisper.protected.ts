// Runs on the responder's leg when they pick up, before the caller is bridged.
import { onWhisper } from './lib/core/forwarding';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'whisper',
  leg: 'responder',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state }) => onWhisper(setup.flow, state),
});
