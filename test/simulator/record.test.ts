import { call, eventsOf } from './helpers/call';
import { startTwimlServer, twiml, type Route, type TwimlTestServer } from './helpers/twiml-test-server';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

const ok: Route = () => ({ body: '', contentType: 'text/plain' });

function voicemailRoutes(recordAttributes: string): Record<string, Route> {
  return {
    '/voice': () =>
      twiml(`<Say>Leave a message</Say><Record action="/recorded?s=vm" ${recordAttributes}/><Say>No message</Say>`),
    '/recorded': () => twiml('<Say>Thanks</Say><Hangup/>'),
    '/transcribed': ok,
    '/recording-status': ok,
  };
}

const RECORDING_URL = /^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC[0-9a-f]{32}\/Recordings\/RE[0-9a-f]{32}$/;

describe('<Record>', () => {
  it('requests the action with the recording, then the callbacks after the call', async () => {
    server.use(voicemailRoutes('transcribeCallback="/transcribed" recordingStatusCallback="/recording-status"'));
    const report = await call(server.url, {
      voicemail: { action: 'leave-message', seconds: 14, transcript: 'The database is down' },
    });

    const action = server.to('/recorded')[0]?.params ?? {};
    expect(action.RecordingUrl).toMatch(RECORDING_URL);
    expect(action.RecordingSid).toMatch(/^RE[0-9a-f]{32}$/);
    expect(action).toMatchObject({ RecordingDuration: '14', Digits: '#', CallSid: report.callSid });
    expect(server.to('/recorded')[0]?.query.s).toBe('vm');

    const transcription = server.to('/transcribed')[0]?.params ?? {};
    expect(transcription).toMatchObject({
      TranscriptionStatus: 'completed',
      TranscriptionText: 'The database is down',
      RecordingSid: action.RecordingSid,
      RecordingUrl: action.RecordingUrl,
      CallSid: report.callSid,
    });
    expect(transcription.TranscriptionSid).toMatch(/^TR[0-9a-f]{32}$/);
    expect(server.to('/recording-status')[0]?.params).toMatchObject({
      RecordingStatus: 'completed',
      RecordingSid: action.RecordingSid,
      RecordingDuration: '14',
      CallSid: report.callSid,
    });

    // Callbacks come after the call flow has ended.
    const order = server.received.map((request) => request.pathname);
    expect(order).toEqual(['/voice', '/recorded', '/recording-status', '/transcribed']);
    const callEnded = report.events.findIndex((event) => event.type === 'call-ended');
    const firstCallback = report.events.findIndex((event) => event.type === 'callback');
    expect(firstCallback).toBeGreaterThan(callEnded);
    expect(eventsOf(report, 'hears').map((event) => event.text)).toEqual(['Leave a message', 'beep', 'Thanks']);
  });

  it.each([
    [1, 'failed'],
    [2, 'completed'],
    [120, 'completed'],
    [121, 'failed'],
  ])('marks a %i s transcription %s (Twilio transcribes 2 to 120 s)', async (seconds, status) => {
    server.use(voicemailRoutes('transcribe="true" transcribeCallback="/transcribed"'));
    await call(server.url, { voicemail: { action: 'leave-message', seconds, transcript: 'help' } });
    const transcription = server.to('/transcribed')[0]?.params ?? {};
    expect(transcription.TranscriptionStatus).toBe(status);
    expect(transcription.TranscriptionText).toBe(status === 'completed' ? 'help' : undefined);
  });

  it('fails the transcription when the script says so', async () => {
    server.use(voicemailRoutes('transcribeCallback="/transcribed"'));
    await call(server.url, { voicemail: { action: 'leave-message', seconds: 10, transcriptionFails: true } });
    expect(server.to('/transcribed')[0]?.params.TranscriptionStatus).toBe('failed');
  });

  it('caps the recording at maxLength and then sends no Digits', async () => {
    server.use({ ...voicemailRoutes(''), '/voice': () => twiml('<Record action="/recorded" maxLength="30"/>') });
    await call(server.url, { voicemail: { action: 'leave-message', seconds: 50 } });
    expect(server.to('/recorded')[0]?.params.RecordingDuration).toBe('30');
    expect(server.to('/recorded')[0]?.params.Digits).toBeUndefined();
  });

  it('skips the action on silence and continues with the next verb', async () => {
    server.use(voicemailRoutes('transcribeCallback="/transcribed"'));
    const report = await call(server.url, { voicemail: { action: 'silence' } });
    expect(server.to('/recorded')).toHaveLength(0);
    expect(server.to('/transcribed')).toHaveLength(0);
    expect(eventsOf(report, 'hears').map((event) => event.text)).toContain('No message');
  });

  it('reports a hang-up with what was recorded and ends the call', async () => {
    server.use(voicemailRoutes('transcribeCallback="/transcribed"'));
    const report = await call(server.url, { voicemail: { action: 'hang-up', seconds: 6 } });
    const action = server.to('/recorded')[0]?.params ?? {};
    expect(action).toMatchObject({ Digits: 'hangup', RecordingDuration: '6', CallStatus: 'completed' });
    expect(action.RecordingUrl).toMatch(RECORDING_URL);
    expect(server.to('/transcribed')).toHaveLength(1);
    expect(eventsOf(report, 'hears').map((event) => event.text)).not.toContain('Thanks');
    expect(report.endReason).toBe('caller-hung-up');
  });

  it('omits RecordingUrl when the caller hung up before saying anything', async () => {
    server.use(voicemailRoutes('transcribeCallback="/transcribed" recordingStatusCallback="/recording-status"'));
    await call(server.url, { voicemail: { action: 'hang-up' } });
    const action = server.to('/recorded')[0]?.params ?? {};
    expect(action).toMatchObject({ Digits: 'hangup', RecordingDuration: '0' });
    expect(action.RecordingUrl).toBeUndefined();
    expect(server.to('/transcribed')).toHaveLength(0);
    expect(server.to('/recording-status')).toHaveLength(0);
  });

  it('reports Digits "hangup" when the caller hangs up to finish the message', async () => {
    server.use(voicemailRoutes(''));
    const report = await call(server.url, { voicemail: { action: 'leave-message', seconds: 8, thenHangsUp: true } });
    expect(server.to('/recorded')[0]?.params).toMatchObject({ Digits: 'hangup', RecordingDuration: '8' });
    expect(report.endReason).toBe('caller-hung-up');
  });
});
