// The fallbacks that keep a call from being lost when Splunk On-Call fails: fallback numbers,
// the static roster (ROSTER_FALLBACK), and the last-resort SMS when no incident can be opened.
import nock from 'nock';
import { apiScope, captureAlerts, mockTeamList, schedulePath, TEAMS, victorOpsEnv } from '../fixtures/victorops';
import { ACCOUNT_SID, logLines, PhoneCall, ROSTER, useSandbox } from './harness';

const sandbox = useSandbox();
const TWILIO_API = 'https://twilio-api.test';
const FALLBACK = '+15555550190';
const RECORDING = {
  RecordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0999',
  RecordingSid: 'RE0999',
  RecordingDuration: '12',
  Digits: '#',
};

function lookupFails(): void {
  const scope = apiScope();
  mockTeamList(scope);
  scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(500, { message: 'down' });
}

describe('when the on-call lookup fails', () => {
  it("rings the team's fallback number instead of taking a voicemail", async () => {
    lookupFails();
    const call = new PhoneCall({ ...victorOpsEnv, TEAM_1: 'Platform', FALLBACK_PHONES_1: FALLBACK });
    const answer = await call.start();
    expect(answer.dialled).toEqual([FALLBACK]);
    expect(answer.has('Record')).toBe(false);
    expect(logLines('warn').map((l) => l.message)).toContain('ringing the fallback numbers: the on-call lookup failed');
  });

  it('asks the static roster with ROSTER_FALLBACK', async () => {
    lookupFails();
    const call = new PhoneCall({ ...victorOpsEnv, TEAM_1: 'Platform', ROSTER_FALLBACK: 'true' });
    const answer = await call.start();
    expect(answer.dialled).toEqual([ROSTER.Platform[0].phone]);
    expect(answer.said).toContain(`Connecting you to ${ROSTER.Platform[0].name}`);
  });

  it('skips a fallback number outside ALLOWED_COUNTRY_CODES and takes a voicemail', async () => {
    lookupFails();
    const env = { ...victorOpsEnv, TEAM_1: 'Platform', FALLBACK_PHONES_1: '+442071838750', ALLOWED_COUNTRY_CODES: '1' };
    const answer = await new PhoneCall(env).start();
    expect(answer.dialled).toEqual([]);
    expect(answer.has('Record')).toBe(true);
    const warnings = JSON.stringify(logLines('warn'));
    expect(warnings).toContain('outside ALLOWED_COUNTRY_CODES');
    expect(warnings).not.toContain('2071838750');
  });
});

describe('when the incident cannot be opened', () => {
  const smsEnv = {
    ...victorOpsEnv,
    TEAM_1: 'Platform',
    ACCOUNT_SID,
    TWILIO_API_URL: TWILIO_API,
    FALLBACK_PHONES_1: FALLBACK,
    SMS_FROM: '+15555550100',
  };

  async function leaveMessageWhileAlertsFail(env: Record<string, string>) {
    const scope = apiScope();
    mockTeamList(scope);
    scope
      .get(schedulePath(TEAMS.platform.slug))
      .query(true)
      .times(4)
      .reply(200, { team: TEAMS.platform, schedules: [] });
    const alerts = captureAlerts(20, () => [503, 'down']);
    const call = new PhoneCall({ ...env, NUMBER_OF_MENUS: '0' });
    const first = await call.start();
    // Nobody on call; a fallback number, when there is one, does not answer either.
    const voicemail = first.has('Dial')
      ? await call.follow(first.attr('Dial', 'action'), {
          params: { DialCallStatus: 'no-answer', DialBridged: 'false', CallStatus: 'in-progress' },
        })
      : first;
    return { call, answer: await call.follow(voicemail.attr('Record', 'action'), { params: RECORDING }), alerts };
  }

  it('texts the fallback number when the caller is sent to voicemail, then again with the recording', async () => {
    const texts: Array<Record<string, string>> = [];
    const credentialsUsed: string[] = [];
    nock(TWILIO_API)
      .post(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`)
      .times(2)
      .reply(function (_uri, body) {
        const encoded = String(this.req.headers.authorization).replace(/^Basic /, '');
        credentialsUsed.push(Buffer.from(encoded, 'base64').toString('utf8').split(':')[0]);
        texts.push(Object.fromEntries(new URLSearchParams(String(body))));
        return [201, { sid: 'SM1', status: 'queued' }];
      });
    const { call, answer } = await leaveMessageWhileAlertsFail(smsEnv);
    // Honest: an SMS reached the on-call team's numbers; no incident opened.
    expect(answer.said).toBe('Thank you. A message about your call has been sent to the on-call team. Goodbye.');
    expect(texts).toHaveLength(2);
    expect(credentialsUsed).toEqual([ACCOUNT_SID, ACCOUNT_SID]);
    for (const text of texts) {
      expect(text).toMatchObject({ To: FALLBACK, From: '+15555550100' });
      expect(text.Body).toContain(call.from);
      expect(text.Body).toContain('Why: nobody on call accepted the call.');
      expect(text.Body).toContain('could not be opened');
    }
    // The first goes out before the prompt, in case the caller hangs up on it.
    expect(texts[0].Body).toContain('Leaving a voicemail now.');
    expect(texts[1].Body).toContain(RECORDING.RecordingUrl);
    expect(
      logLines('error').some((l) => l.message === 'Incident message could not be sent' && l.callSid === call.callSid),
    ).toBe(true);
  });

  it('logs an error naming FALLBACK_PHONES when there is nobody to text', async () => {
    const { answer } = await leaveMessageWhileAlertsFail({ ...smsEnv, FALLBACK_PHONES_1: '' });
    // Nothing reached anyone: the caller hears the truth and what to do next.
    expect(answer.said).toContain('we could not pass it on to the Platform team yet. If it is urgent');
    expect(logLines('error').map((l) => l.message)).toContain(
      'No last-resort SMS possible: set FALLBACK_PHONES (and credentials) so an outage cannot hide a call',
    );
    expect(sandbox.unmatched.filter((r) => r.includes('Messages.json'))).toEqual([]);
  });
});
