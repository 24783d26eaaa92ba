// The voicemail recording ended (or never started): open the incident.
import { onRecording } from './lib/core/voicemail';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'recorded',
  leg: 'caller',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) => {
    const seconds = Number(param('RecordingDuration'));
    return onRecording(setup.flow, state, {
      url: param('RecordingUrl'),
      seconds: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0,
    });
  },
});
