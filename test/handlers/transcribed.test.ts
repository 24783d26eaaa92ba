import { apiScope, captureAlerts, mockTeamList, schedulePath, TEAMS, victorOpsEnv } from '../fixtures/victorops';
import { expectWellFormed, garbageCases, invokeRaw, PhoneCall, tokenOf, useSandbox } from './harness';

const sandbox = useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' };
const RECORDING_URL = 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0456';

/** A call in voicemail (its unanswered-call alert sent); its Record action and transcribeCallback URLs. */
async function voicemailCall(): Promise<{ call: PhoneCall; recorded: string; transcribed: string }> {
  const scope = apiScope();
  mockTeamList(scope);
  scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(503);
  const opened = captureAlerts();
  const call = new PhoneCall(victorOps);
  const answer = await call.start();
  expect(opened.scope.isDone()).toBe(true);
  return { call, recorded: answer.attr('Record', 'action'), transcribed: answer.attr('Record', 'transcribeCallback') };
}

describe('transcribed: Twilio’s transcription arrives', () => {
  it('adds the transcript to the incident the recording opened (same entity_id), answering empty TwiML', async () => {
    const { call, recorded, transcribed } = await voicemailCall();
    const alerts = captureAlerts(2);
    await call.follow(recorded, { params: { RecordingUrl: RECORDING_URL, RecordingDuration: '9' } });
    const answer = await call.follow(transcribed, {
      params: {
        TranscriptionStatus: 'completed',
        TranscriptionText: 'Checkout is returning 500s for everyone.',
        TranscriptionSid: 'TR0456',
        RecordingUrl: RECORDING_URL,
        CallStatus: 'completed',
      },
    });
    expect(answer.verbs).toEqual([]);
    expectWellFormed(answer);
    expect(alerts.alerts).toHaveLength(2);
    const [opened, transcript] = alerts.alerts;
    expect(transcript.message_type).toBe('CRITICAL');
    expect(transcript.entity_id).toBe(call.callSid);
    expect(transcript.entity_id).toBe(opened.entity_id);
    expect(transcript.state_message).toContain('Checkout is returning 500s for everyone.');
    expect(transcript.recording_url).toBe(RECORDING_URL);
    expect(alerts.routingKeys).toEqual([TEAMS.platform.slug, TEAMS.platform.slug]);
  });

  it('still updates the incident when transcription failed, pointing at the recording', async () => {
    const { call, transcribed } = await voicemailCall();
    const alerts = captureAlerts();
    const answer = await call.follow(transcribed, {
      params: { TranscriptionStatus: 'failed', TranscriptionText: '', RecordingUrl: RECORDING_URL },
    });
    expect(answer.verbs).toEqual([]);
    expect(alerts.alerts[0]).toMatchObject({ message_type: 'CRITICAL', entity_id: call.callSid });
    expect(alerts.alerts[0].state_message).toContain('could not transcribe');
    expect(alerts.alerts[0].state_message).toContain(RECORDING_URL);
  });

  it('does not pass off a failed transcription’s text as the transcript', async () => {
    const { call, transcribed } = await voicemailCall();
    const alerts = captureAlerts();
    await call.follow(transcribed, {
      params: {
        TranscriptionStatus: 'failed',
        TranscriptionText: 'garbled half sentence',
        RecordingUrl: RECORDING_URL,
      },
    });
    expect(alerts.alerts[0].state_message).not.toContain('garbled half sentence');
  });

  it('answers empty TwiML even when the alert endpoint is down', async () => {
    const { call, transcribed } = await voicemailCall();
    captureAlerts(5, () => [500, 'oops']);
    const answer = await call.follow(transcribed, {
      params: { TranscriptionStatus: 'completed', TranscriptionText: 'hello', RecordingUrl: RECORDING_URL },
    });
    expect(answer.verbs).toEqual([]);
  });
});

describe('transcribed: refusals', () => {
  it('sends nothing for a state of another call', async () => {
    const { transcribed } = await voicemailCall();
    const other = new PhoneCall(victorOps);
    const answer = await other.follow(transcribed, {
      params: { TranscriptionStatus: 'completed', TranscriptionText: 'x' },
    });
    expect(answer.verbs).toEqual([]);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('sends nothing for an unsigned request', async () => {
    const { call, transcribed } = await voicemailCall();
    const answer = await call.follow(transcribed, {
      params: { TranscriptionStatus: 'completed', TranscriptionText: 'x' },
      signing: 'none',
    });
    expect(answer.verbs).toEqual([]);
    expect(sandbox.unmatched).toEqual([]);
  });
});

describe('transcribed: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0', STATIC_ROSTER_ASSET: '/missing.json' });
    const voicemail = await call.start();
    const token = tokenOf(voicemail.attr('Record', 'transcribeCallback'));
    for (const { label, event } of garbageCases('transcribed', { token, callSid: call.callSid })) {
      const answer = await invokeRaw('transcribed', event, {});
      try {
        expectWellFormed(answer);
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
  });
});
