// The responder's answer to "press 1 to accept".
import { onScreen } from './lib/core/forwarding';
import { createCallFlowHandler } from './lib/shell/handler';
import { rememberAcceptance } from './lib/warm/acceptances';

export const handler = createCallFlowHandler({
  step: 'screen',
  leg: 'responder',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) => {
    const step = onScreen(setup.flow, state, param('Digits'));
    // The Dial's action will name only this leg: keep who accepted on it (a whole step may ring).
    const accepted = step.incidents.find((incident) => incident.kind === 'call-accepted');
    if (accepted?.kind === 'call-accepted') rememberAcceptance(param('CallSid') ?? '', accepted.responder);
    return step;
  },
});
