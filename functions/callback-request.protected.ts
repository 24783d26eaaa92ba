// With NO_VOICEMAIL: the number the caller wants to be called back on.
import { onCallbackRequest } from './lib/core/voicemail';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'callback-request',
  leg: 'caller',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) => onCallbackRequest(setup.flow, state, param('Digits')),
});
