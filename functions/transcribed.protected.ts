// Twilio's transcription of a voicemail: added to the incident the recording opened.
import { onTranscription } from './lib/core/voicemail';
import { createCallFlowHandler } from './lib/shell/handler';

export const handler = createCallFlowHandler({
  step: 'transcribed',
  leg: 'background',
  stateful: true,
  needTeams: false,
  decide: ({ setup, state, param }) =>
    onTranscription(setup.flow, state, {
      text: param('TranscriptionText') ?? '',
      completed: param('TranscriptionStatus') === 'completed',
      recordingUrl: param('RecordingUrl') ?? '',
    }),
});
