import { apiScope, captureAlerts, mockTeamList, schedulePath, TEAMS, victorOpsEnv } from '../fixtures/victorops';
import { expectWellFormed, garbageCases, invokeRaw, parseLink, PhoneCall, tokenOf, useSandbox } from './harness';

const sandbox = useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0', NO_VOICEMAIL: 'true' };

/** With NO_VOICEMAIL, a failed lookup asks for a call-back number; `action` is that Gather's action. */
async function askedForNumber(): Promise<{ call: PhoneCall; action: string; redirect: string }> {
  const scope = apiScope();
  mockTeamList(scope);
  scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(500);
  const opened = captureAlerts();
  const call = new PhoneCall(victorOps);
  const answer = await call.start();
  expect(answer.verbs).toEqual(['Gather', 'Redirect']);
  // Opened before the prompt, so a caller who hangs up on it is still on record.
  expect(opened.alerts).toEqual([
    expect.objectContaining({
      message_type: 'CRITICAL',
      entity_id: call.callSid,
      state_message: expect.stringContaining('call back on'),
    }),
  ]);
  expect(answer.has('Record')).toBe(false);
  return { call, action: answer.attr('Gather', 'action'), redirect: answer.one('Redirect').text };
}

describe('callback-request: NO_VOICEMAIL', () => {
  it('offers a call back instead of a recording', async () => {
    const { action, redirect } = await askedForNumber();
    expect(parseLink(action).name).toBe('callback-request');
    expect(parseLink(redirect).name).toBe('callback-request');
  });

  it('opens a CRITICAL incident with the number the caller keyed, and confirms it digit by digit', async () => {
    const { call, action } = await askedForNumber();
    const alerts = captureAlerts();
    const answer = await call.follow(action, { params: { Digits: '4155550177' } });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe(
      // Ten digits keyed by a North American caller are a North American number.
      'Thank you. The Platform team has been asked to call you back on 1 4 1 5 5 5 5 0 1 7 7. Goodbye.',
    );
    expect(alerts.alerts[0]).toMatchObject({
      message_type: 'CRITICAL',
      entity_id: call.callSid,
      caller: call.from,
      callback_number: '+14155550177',
    });
    expect(alerts.alerts[0].state_message).toContain('the on-call lookup failed');
  });

  it('asks to call back the caller’s own number when nothing was keyed', async () => {
    const { call, redirect } = await askedForNumber();
    const alerts = captureAlerts();
    const answer = await call.follow(redirect);
    expect(answer.said).toContain('1 5 5 5 5 5 5 0 1 5 0');
    expect(alerts.alerts[0].callback_number).toBe(call.from);
  });

  it('tells the caller the truth when the alert endpoint is down', async () => {
    const { call, action } = await askedForNumber();
    captureAlerts(5, () => [502, 'Bad Gateway']);
    const answer = await call.follow(action, { params: { Digits: '4155550177' } });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe(
      'Sorry, we could not pass your request on to the Platform team. Please call again or reach them another way. Goodbye.',
    );
  });

  it('opens no incident for a state of another call, or an unsigned request', async () => {
    const { call, action } = await askedForNumber();
    const other = new PhoneCall(victorOps);
    const rejected = await other.follow(action, { params: { Digits: '4155550177' } });
    expect(rejected.said).not.toContain('call you back');
    const unsigned = await call.follow(action, { params: { Digits: '4155550177' }, signing: 'none' });
    expect(unsigned.verbs).toEqual(['Say', 'Hangup']);
    expect(unsigned.said).toBe('Sorry, this call could not be verified. Goodbye.');
    expect(sandbox.unmatched).toEqual([]);
  });
});

describe('callback-request: garbage', () => {
  it('answers well-formed TwiML for every kind of garbage', async () => {
    const env = { NUMBER_OF_MENUS: '0', NO_VOICEMAIL: 'true', STATIC_ROSTER_ASSET: '/missing.json' };
    const call = new PhoneCall(env);
    const asked = await call.start();
    const token = tokenOf(asked.attr('Gather', 'action'));
    for (const { label, event } of garbageCases('callback-request', { token, callSid: call.callSid })) {
      const answer = await invokeRaw('callback-request', event, env);
      try {
        expectWellFormed(answer);
      } catch (error) {
        throw new Error(`${label}: ${String(error)}`);
      }
    }
  });
});
