// What the logs may hold: one JSON object a line, each naming the step and the caller's CallSid,
// and never a responder's or fallback phone number, an API key or the auth token, whatever
// path the call takes.
import { captureAlerts, mockPlatformLookup, VO_PHONES, victorOpsEnv } from '../fixtures/victorops';
import { AUTH_TOKEN, logLines, PhoneCall, ROSTER, ROSTER_PHONES, useSandbox } from './harness';

useSandbox();

const FALLBACKS = ['+15555550190', '+15555550191'];
const RECORDING = {
  RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0777',
  RecordingDuration: '7',
  Digits: '#',
};
const NOT_ANSWERED = { DialCallStatus: 'no-answer', DialBridged: 'false', CallStatus: 'in-progress' };

function allLogLines(): Array<Record<string, unknown>> {
  return [...logLines('log'), ...logLines('warn'), ...logLines('error')];
}

function expectPrivateLogs(call: PhoneCall, secrets: string[]): void {
  const lines = allLogLines();
  expect(lines.length).toBeGreaterThan(5);
  for (const line of lines) {
    expect({ line, step: typeof line.step, callSid: line.callSid }).toEqual({
      line,
      step: 'string',
      callSid: call.callSid,
    });
    const text = JSON.stringify(line);
    for (const secret of secrets)
      expect({ line: text, leaks: text.includes(secret) }).toEqual({ line: text, leaks: false });
  }
}

/** Rings everyone in the chain; nobody accepts (a whisper plays for the first); then a voicemail and its transcript. */
async function walkUnansweredCall(call: PhoneCall): Promise<void> {
  let answer = await call.start();
  const whisper = await call.follow(answer.attr('Number', 'url'));
  await call.follow(whisper.attr('Gather', 'action'), { params: { Digits: '7' } });
  while (answer.has('Dial')) answer = await call.follow(answer.attr('Dial', 'action'), { params: NOT_ANSWERED });
  const recorded = answer.attr('Record', 'action');
  const transcribed = answer.attr('Record', 'transcribeCallback');
  await call.follow(recorded, { params: RECORDING });
  await call.follow(transcribed, {
    params: { TranscriptionStatus: 'completed', TranscriptionText: 'hi', RecordingUrl: RECORDING.RecordingUrl },
  });
}

it('static roster with fallback numbers: the whole unanswered call logs no number', async () => {
  const call = new PhoneCall({ NUMBER_OF_MENUS: '0', FALLBACK_PHONES: FALLBACKS.join(',') });
  await walkUnansweredCall(call);
  const incidents = logLines('log').filter((line) => String(line.message).startsWith('Incident (static roster'));
  expect(incidents.length).toBeGreaterThanOrEqual(3);
  expectPrivateLogs(call, [...ROSTER_PHONES, ...FALLBACKS, AUTH_TOKEN]);
  expect(ROSTER.Platform.length).toBeGreaterThan(1);
});

it('Splunk On-Call: lookup, screening and incidents log no number and no API key', async () => {
  mockPlatformLookup();
  captureAlerts(10);
  const call = new PhoneCall({
    ...victorOpsEnv,
    TEAM_1: 'Platform',
    NUMBER_OF_MENUS: '0',
    FALLBACK_PHONES: FALLBACKS[0],
  });
  await walkUnansweredCall(call);
  const secrets = [...Object.values(VO_PHONES), FALLBACKS[0], AUTH_TOKEN];
  for (const name of ['VICTOROPS_API_KEY', 'VICTOROPS_TWILIO_SERVICE_API_KEY'] as const) {
    const value = victorOpsEnv[name];
    if (value) secrets.push(value);
  }
  expectPrivateLogs(call, secrets);
});
