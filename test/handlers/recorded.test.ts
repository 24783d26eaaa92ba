import { INCIDENT_ATTEMPTS } from '../../functions/lib/shell/incident-delivery';
import { apiScope, captureAlerts, schedulePath, TEAMS, mockTeamList, victorOpsEnv } from '../fixtures/victorops';
import { expectWellFormed, garbageCases, invokeRaw, logLines, PhoneCall, tokenOf, useSandbox } from './harness';

const sandbox = useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' };
const RECORDING = {
  RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0123',
  RecordingSid: 'RE0123',
  RecordingDuration: '23',
  Digits: '#',
};

/**
 * A Splunk On-Call call that went to voicemail because the lookup failed; `recorded` is the
 * Record action. The unanswered call's incident opened before the prompt.
 */
async function voicemailCall(
  env: Record<string, string> = victorOps,
): Promise<{ call: PhoneCall; recorded: string; redirect: string }> {
  const scope = apiScope();
  mockTeamList(scope);
  scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(500, { message: 'down' });
  const opened = captureAlerts();
  const call = new PhoneCall(env);
  const answer = await call.start();
  expect(answer.has('Record')).toBe(true);
  expect(opened.alerts).toEqual([
    expect.objectContaining({
      message_type: 'CRITICAL',
      entity_id: call.callSid,
      entity_display_name: `Unanswered call for Platform from ${call.from}`,
    }),
  ]);
  return { call, recorded: answer.attr('Record', 'action'), redirect: answer.one('Redirect').text };
}

describe('recorded: the caller left a message', () => {
  it('adds the recording URL to the CRITICAL incident of the call, and says goodbye', async () => {
    const { call, recorded } = await voicemailCall();
    const alerts = captureAlerts();
    const answer = await call.follow(recorded, { params: RECORDING });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe('Thank you. Your message has been sent to the Platform team. Goodbye.');
    expect(alerts.scope.isDone()).toBe(true);
    expect(alerts.routingKeys).toEqual([TEAMS.platform.slug]);
    expect(alerts.alerts[0]).toMatchObject({
      message_type: 'CRITICAL',
      entity_id: call.callSid,
      caller: call.from,
      recording_url: RECORDING.RecordingUrl,
      team: 'Platform',
    });
    expect(alerts.alerts[0].state_message).toContain('the on-call lookup failed');
    expect(alerts.alerts[0].state_message).toContain('23 s voicemail');
  });

  it('reports a missed call on the same incident when Twilio heard nothing (the Redirect after <Record>)', async () => {
    const { call, redirect } = await voicemailCall();
    const alerts = captureAlerts();
    const answer = await call.follow(redirect);
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toContain('We did not hear a message.');
    expect(alerts.alerts[0].message_type).toBe('CRITICAL');
    expect(alerts.alerts[0]).not.toHaveProperty('recording_url');
    expect(alerts.alerts[0].entity_id).toBe(call.callSid);
  });

  it('logs the incident with the static roster, which has no incident system', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '2' });
    const main = await call.start();
    const teamMenu = await call.follow(main.attr('Gather', 'action'), { params: { Digits: '2' } });
    const voicemail = await call.follow(teamMenu.attr('Gather', 'action'), { params: { Digits: '1' } });
    const answer = await call.follow(voicemail.attr('Record', 'action'), { params: RECORDING });
    // The static roster without a webhook only logs: recorded, not sent to anyone.
    expect(voicemail.said).not.toContain('alerted');
    expect(answer.said).toBe('Thank you. Your message for the Platform team has been recorded. Goodbye.');
    const logged = logLines('log').filter((line) => line.message === 'Incident (static roster: logged only)');
    expect(logged.map((line) => (line.incident as { kind: string }).kind)).toEqual(['unanswered-call', 'message-left']);
    expect(JSON.stringify(logged[1].incident)).toContain(RECORDING.RecordingUrl);
    expect(sandbox.unmatched).toEqual([]);
  });
});

describe('recorded: the alert endpoint is down', () => {
  it('still says goodbye to the caller after bounded retries', async () => {
    const { call, recorded } = await voicemailCall();
    let lastAttemptAt = 0;
    const alerts = captureAlerts(INCIDENT_ATTEMPTS + 2, () => {
      lastAttemptAt = Date.now();
      return [503, 'Service Unavailable'];
    });
    const started = Date.now();
    const answer = await call.follow(recorded, { params: RECORDING });
    expect(Date.now() - started).toBeLessThan(3000);
    // No back-off wait after the last attempt: nothing follows it but the caller's answer.
    expect(Date.now() - lastAttemptAt).toBeLessThan(120);
    expectWellFormed(answer);
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe(
      'Thank you. Your message has been recorded, but we could not pass it on to the Platform team yet. If it is urgent, please call again or reach them another way. Goodbye.',
    );
    expect(alerts.alerts.length).toBeGreaterThanOrEqual(2);
    expect(alerts.alerts.length).toBeLessThanOrEqual(INCIDENT_ATTEMPTS);
    // Every retry names the same incident, so one that got through unseen is not doubled.
    expect(new Set(alerts.alerts.map((alert) => alert.entity_id))).toEqual(new Set([call.callSid]));
    expect(new Set(alerts.alerts.map((alert) => alert.state_message)).size).toBe(1);
    expect(logLines('error').some((line) => line.message === 'Incident message could not be sent')).toBe(true);
  });

  it('still says goodbye when the endpoint refuses the alert with {result: "failure"}', async () => {
    const { call, recorded } = await voicemailCall();
    const alerts = captureAlerts(3, () => [200, { result: 'failure', message: 'Invalid key' }]);
    const answer = await call.follow(recorded, { params: RECORDING });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(alerts.alerts).toHaveLength(1); // a refusal is not retried
  });

  it('still says goodbye when the alert host cannot be reached at all', async () => {
    const { call, recorded } = await voicemailCall();
    const answer = await call.follow(recorded, { params: RECORDING });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(sandbox.unmatched.some((request) => request.includes('/integrations/generic/'))).toBe(true);
  });
});

describe('recorded: the call state', () => {
  it('opens no incident for a state of another call', async () => {
    const { recorded } = await voicemailCall();
    const other = new PhoneCall(victorOps);
    const answer = await other.follow(recorded, { params: RECORDING });
    expect(answer.said).toContain('Sorry, something went wrong with this call.');
    expect(answer.has('Dial')).toBe(false);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('refuses an unsigned recording', async () => {
    const { call, recorded } = await voicemailCall();
    const answer = await call.follow(recorded, { params: RECORDING, signing: 'none' });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(sandbox.unmatched).toEqual([]);
  });
});

describe('recorded: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0', STATIC_ROSTER_ASSET: '/missing.json' });
    const voicemail = await call.start();
    const token = tokenOf(voicemail.attr('Record', 'action'));
    for (const { label, event } of garbageCases('recorded', { token, callSid: call.callSid })) {
      const answer = await invokeRaw('recorded', event, { NUMBER_OF_MENUS: '0' });
      try {
        expectWellFormed(answer);
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
  });
});
