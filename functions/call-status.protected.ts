// The number's status callback: requested when a call ends, however it ends, even after a hang-up
// during a spoken prompt that no other webhook hears about. `npm run connect-number` sets it.
import { onCallEnded } from './lib/core/call-ended';
import { reply } from './lib/core/verbs';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'call-status',
  leg: 'background',
  stateful: false,
  // A menu hang-up's record goes to the first team offered: with no TEAM_n, the provider's list.
  needTeams: (config) => config.recordMenuHangups,
  readsTrace: true,
  decide: ({ setup, state, trace, log }) => {
    if (!trace?.known) {
      log.warn('Call ended; its trace cannot be read, so nothing more is done', { why: trace?.why ?? 'not read' });
      return reply([]);
    }
    const decision = onCallEnded(setup.flow, trace.trace, {
      callSid: state.callSid,
      caller: state.caller,
      to: state.supportNumber,
    });
    if (decision.action === 'alert') return decision.step;
    log.info(`Call ended: ${decision.why}`);
    return reply([]);
  },
});
