// The routing file through the handlers: a bad file is named by its path and left out, callers it
// blocks (or whose caller ID failed STIR/SHAKEN verification) are refused, voicemails reach the
// team's notify list (a failing one never holds the caller), and a message that is a recording URL
// (a prompt, a number's greeting, a closed team's afterHours.message) is played.
import nock from 'nock';
import { logLines, PhoneCall, useSandbox } from './harness';

const sandbox = useSandbox();

const RECORDING = { RecordingUrl: 'https://api.twilio.com/rec/RE1', RecordingDuration: '12', RecordingSid: 'RE1' };
const withNotices = {
  ROUTING_ASSET: '/routing-notify.json',
  NUMBER_OF_MENUS: '1',
  ACCOUNT_SID: `AC${'7'.repeat(32)}`,
  TWILIO_API_URL: 'https://twilio.test',
  SENDGRID_API_KEY: 'SG.test-key',
  SENDGRID_FROM: 'oncall@example.com',
  SENDGRID_API_URL: 'https://sendgrid.test',
};

/** A call that picks Platform, takes the voicemail (the roster's responders not answering), and leaves a message. */
async function leaveMessage(env: Record<string, string>): Promise<{ said: string; ms: number }> {
  const call = new PhoneCall(env);
  const menu = await call.start();
  const ringing = await call.follow(menu.attr('Gather', 'action'), { params: { Digits: '1' } });
  let answer = ringing;
  while (answer.has('Dial')) {
    answer = await call.follow(answer.attr('Dial', 'action'), {
      params: { DialCallStatus: 'no-answer', DialCallDuration: '0' },
    });
  }
  const started = Date.now();
  const goodbye = await call.follow(answer.attr('Record', 'action'), { params: RECORDING });
  return { said: goodbye.said, ms: Date.now() - started };
}

describe('a routing file', () => {
  it('that is wrong is named by its path and not used; calls go on with the environment', async () => {
    const answer = await new PhoneCall({ ROUTING_ASSET: '/routing-broken.json', NUMBER_OF_MENUS: '1' }).start();
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(logLines('error').map((l) => l.message)).toContain(
      'Configuration: assets/routing-broken.private.json teams[0].hours.timezone "Mars/Olympus" is not an IANA time zone, like "America/New_York" or "Europe/London". The routing file is not used until it is fixed.',
    );
  });

  it('refuses a blocked caller: no ring, nothing sent', async () => {
    const answer = await new PhoneCall({ ROUTING_ASSET: '/routing-notify.json' }, '+19005550123').start();
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe('Sorry, we cannot take your call. Goodbye.');
  });

  describe('with callers.unverified "reject", reads the StirVerstat Twilio sends to /voice', () => {
    const unverified = { ROUTING_ASSET: '/routing-unverified.json', NUMBER_OF_MENUS: '1' };
    const incidentsLogged = (): unknown[] =>
      logLines('log').filter((line) => String(line.message).startsWith('Incident'));

    it('refuses a caller ID that failed verification: a goodbye, no ring, no incident', async () => {
      const answer = await new PhoneCall(unverified).start({ params: { StirVerstat: 'TN-Validation-Failed-B' } });
      expect(answer.verbs).toEqual(['Say', 'Hangup']);
      expect(answer.said).toBe('Sorry, we cannot take your call. Goodbye.');
      expect(answer.has('Dial')).toBe(false);
      expect(incidentsLogged()).toEqual([]);
      expect(sandbox.unmatched).toEqual([]);
    });

    it('puts a caller ID that passed verification through to the menu', async () => {
      const answer = await new PhoneCall(unverified).start({ params: { StirVerstat: 'TN-Validation-Passed-A' } });
      expect(answer.verbs).toEqual(['Gather', 'Redirect']);
      expect(answer.said).toContain('Which team do you need?');
    });
  });

  it("texts and e-mails a voicemail to the team's notify list", async () => {
    const texts: string[] = [];
    nock('https://twilio.test')
      .post(/\/Messages\.json$/)
      .times(5)
      .reply(201, (_uri, body) => {
        const form = new URLSearchParams(String(body));
        texts.push(`${form.get('To')}: ${form.get('Body')}`);
        return { sid: 'SM1', status: 'queued' };
      });
    const mails: unknown[] = [];
    nock('https://sendgrid.test', { reqheaders: { authorization: 'Bearer SG.test-key' } })
      .post('/v3/mail/send')
      .reply(202, (_uri, body) => {
        mails.push(body);
        return '';
      });
    const { said } = await leaveMessage(withNotices);
    expect(said).toContain('Your message for the Platform team has been recorded');
    expect(texts).toEqual([
      expect.stringMatching(
        /^\+15555550170: Voicemail for Platform from \+1\d+\.\n.*Recording: https:\/\/api\.twilio\.com\/rec\/RE1$/s,
      ),
    ]);
    expect(mails).toEqual([
      expect.objectContaining({
        personalizations: [{ to: [{ email: 'platform-oncall@example.com' }, { email: 'lead@example.com' }] }],
        from: { email: 'oncall@example.com' },
        subject: expect.stringMatching(/^Voicemail for Platform from /),
      }),
    ]);
  });

  it('goes on, and logs it, when a notice fails: the caller is not held', async () => {
    nock('https://twilio.test')
      .post(/\/Messages\.json$/)
      .reply(503, {});
    nock('https://sendgrid.test').post('/v3/mail/send').delay(2000).reply(202, '');
    const { said, ms } = await leaveMessage(withNotices);
    expect(said).toContain('has been recorded');
    expect(ms).toBeLessThan(1500);
    const failed = logLines('warn').filter((l) => l.message === 'Voicemail notice failed');
    expect(failed.map((l) => l.channel).sort()).toEqual(['email', 'sms']);
    // The log names the team, never a recipient.
    expect(JSON.stringify(failed)).not.toMatch(/5555550170|example\.com/);
  });
});

describe('a message that is a recording', () => {
  const recorded = { ROUTING_ASSET: '/routing-recorded.json', NUMBER_OF_MENUS: '1' };

  it("is played when it is a number's greeting in the routing file, before the menu", async () => {
    const answer = await new PhoneCall(recorded).start();
    const gather = answer.one('Gather');
    expect(gather.children.map((c) => c.name)).toEqual(['Play', 'Say']);
    expect(gather.children[0].text).toBe('https://example.com/audio/hotline.mp3');
    expect(gather.children[1].text).toContain('Which team do you need?');
    expect(answer.said).not.toContain('https://');
  });

  it("is played when it is a closed team's afterHours.message, after the number's greeting", async () => {
    const answer = await new PhoneCall(recorded, undefined, '+15555550111').start();
    expect(answer.verbs.slice(0, 3)).toEqual(['Play', 'Play', 'Say']);
    expect(answer.all('Play').map((play) => play.text)).toEqual([
      'https://example.com/audio/database-line.mp3',
      'https://example.com/audio/closed.mp3',
    ]);
    expect(answer.verbs.slice(-2)).toEqual(['Record', 'Redirect']);
    expect(answer.said).not.toContain('https://');
    expect(answer.said).not.toContain('closed right now');
  });

  it('is played, in its place among the sentences', async () => {
    const answer = await new PhoneCall({ MESSAGES_ASSET: '/messages-recorded.json', NUMBER_OF_MENUS: '1' }).start();
    const gather = answer.one('Gather');
    expect(gather.children.map((c) => c.name)).toEqual(['Play', 'Say']);
    expect(gather.children[0].text).toBe('https://example.com/audio/greeting.mp3');
    expect(gather.children[1].text).toContain('Which team do you need?');
  });
});
