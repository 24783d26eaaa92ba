import nock from 'nock';
import {
  ALL_VO_PHONES,
  apiScope,
  mockPlatformLookup,
  mockTeamList,
  VO_PHONES,
  victorOpsEnv,
} from '../fixtures/victorops';
import {
  AUTH_TOKEN,
  expectWellFormed,
  garbageCases,
  invoke,
  invokeRaw,
  parseLink,
  PhoneCall,
  ROSTER,
  ROSTER_PHONES,
  SUPPORT_NUMBER,
  logLines,
  useSandbox,
  type Signing,
} from './harness';

const sandbox = useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', TEAM_2: 'Database' };

describe('voice: the first answer of a call', () => {
  it('with NUMBER_OF_MENUS=0 rings the first responder of the first team at once', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0' });
    const answer = await call.start();
    expect(answer.verbs).toEqual(['Say', 'Dial']);
    expect(answer.said).toContain('Thank you for calling the on-call line.');
    expect(answer.said).toContain('Connecting you to Alice, on call for the Platform team.');
    expect(answer.dialled).toEqual([ROSTER.Platform[0].phone]);
    expect(answer.attr('Dial', 'callerId')).toBe(SUPPORT_NUMBER);
    expect(answer.attr('Dial', 'timeout')).toBe('20');
    expect(parseLink(answer.attr('Dial', 'action')).name).toBe('dial-result');
    expect(parseLink(answer.attr('Number', 'url')).name).toBe('whisper');
  });

  it('with NUMBER_OF_MENUS=1 offers the roster teams, and dials nobody yet', async () => {
    const answer = await new PhoneCall({ NUMBER_OF_MENUS: '1' }).start();
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(answer.has('Dial')).toBe(false);
    expect(parseLink(answer.attr('Gather', 'action')).name).toBe('menu');
    expect(answer.attr('Gather', 'numDigits')).toBe('1');
    expect(answer.said).toContain('For Platform, press 1. For Database, press 2.');
    // Silence comes back to the menu instead of ending the call.
    expect(parseLink(answer.one('Redirect').text).name).toBe('menu');
  });

  it('with NUMBER_OF_MENUS=2 asks first whether to talk or leave a message', async () => {
    const answer = await new PhoneCall({ NUMBER_OF_MENUS: '2' }).start();
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(answer.said).toContain('To reach the on-call engineer, press 1. To leave a message, press 2.');
    expect(answer.said).not.toContain('For Platform');
    expect(answer.has('Dial')).toBe(false);
  });

  it('with Splunk On-Call and no menu looks up the chain and rings its first responder in one answer', async () => {
    const scope = mockPlatformLookup();
    const answer = await new PhoneCall({ ...victorOps, NUMBER_OF_MENUS: '0' }).start();
    expect(scope.isDone()).toBe(true);
    expect(answer.dialled).toEqual([VO_PHONES.alice]);
    expect(answer.said).toContain('Connecting you to alice');
    expect(sandbox.unmatched).toEqual([]);
  });

  it('with Splunk On-Call and no TEAM_n offers the teams the API lists', async () => {
    const scope = mockTeamList(apiScope());
    const answer = await new PhoneCall({ ...victorOpsEnv, NUMBER_OF_MENUS: '1' }).start();
    expect(scope.isDone()).toBe(true);
    expect(answer.said).toContain('For Platform, press 1. For Database, press 2. For Network Ops, press 3.');
  });

  it('with TEAM_n configured and a menu, reads only the team list (each slug), while the caller hears ringing', async () => {
    const scope = mockTeamList(apiScope());
    const answer = await new PhoneCall({ ...victorOps, NUMBER_OF_MENUS: '1' }).start();
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(scope.isDone()).toBe(true);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('with TEAM_n configured and a menu, still plays the menu when the team list cannot be read', async () => {
    apiScope().get('/api-public/v1/team').reply(503);
    const answer = await new PhoneCall({ ...victorOps, NUMBER_OF_MENUS: '1' }).start();
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(answer.said).toContain('For Platform, press 1. For Database, press 2.');
  });

  it('with PagerDuty or Opsgenie and TEAM_n, plays the menu without asking the provider anything', async () => {
    const answer = await new PhoneCall({
      ONCALL_PROVIDER: 'opsgenie',
      OPSGENIE_API_KEY: 'og',
      OPSGENIE_API_URL: 'https://og.test',
      TEAM_1: 'Platform',
      TEAM_2: 'Database',
      NUMBER_OF_MENUS: '1',
    }).start();
    expect(answer.verbs).toEqual(['Gather', 'Redirect']);
    expect(sandbox.unmatched).toEqual([]);
  });

  it('takes a voicemail, not a hang-up, when the roster cannot be read', async () => {
    const answer = await new PhoneCall({ NUMBER_OF_MENUS: '0', STATIC_ROSTER_ASSET: '/missing.json' }).start();
    expect(answer.has('Record')).toBe(true);
    expect(answer.has('Dial')).toBe(false);
    expect(answer.has('Hangup')).toBe(false);
    expect(parseLink(answer.attr('Record', 'action')).name).toBe('recorded');
    expect(parseLink(answer.attr('Record', 'transcribeCallback')).name).toBe('transcribed');
  });

  it('never shows a responder number outside <Number>', async () => {
    mockPlatformLookup();
    const answers = [
      await new PhoneCall({ NUMBER_OF_MENUS: '0' }).start(),
      await new PhoneCall({ NUMBER_OF_MENUS: '1' }).start(),
      await new PhoneCall({ ...victorOps, NUMBER_OF_MENUS: '0' }).start(),
    ];
    for (const answer of answers) {
      for (const phone of [...ROSTER_PHONES, ...ALL_VO_PHONES]) {
        expect(answer.xmlOutsideNumbers).not.toContain(phone.slice(2));
      }
    }
  });
});

describe('voice: requests not signed by Twilio', () => {
  const refusals: Array<[string, Signing]> = [
    ['unsigned', 'none'],
    ['signed with another auth token', { authToken: 'not-our-token' }],
    ['altered in transit', { alter: 'From', to: '+15555550999' }],
  ];

  it.each(refusals)('refuses a request %s: no provider request, no Dial', async (_label, signing) => {
    const call = new PhoneCall({ ...victorOps, NUMBER_OF_MENUS: '0' });
    const answer = await call.start({ signing });
    expectWellFormed(answer);
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.said).toBe('Sorry, this call could not be verified. Goodbye.');
    expect(answer.has('Dial')).toBe(false);
    expect(sandbox.unmatched).toEqual([]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses every request when AUTH_TOKEN is not set', async () => {
    const answer = await invoke('voice', {
      params: new PhoneCall().callerParams(),
      env: { AUTH_TOKEN: undefined, NUMBER_OF_MENUS: '0' },
    });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(answer.has('Dial')).toBe(false);
  });

  it('refuses a signature made over STATE_SECRET instead of AUTH_TOKEN', async () => {
    const answer = await invoke('voice', {
      params: new PhoneCall().callerParams(),
      env: { STATE_SECRET: 'state-secret', NUMBER_OF_MENUS: '0' },
      signing: { authToken: 'state-secret' },
    });
    expect(answer.verbs).toEqual(['Say', 'Hangup']);
    expect(AUTH_TOKEN).not.toBe('state-secret');
  });
});

describe('voice: garbage', () => {
  it.each(garbageCases('voice').map((c) => [c.label, c.event] as const))(
    'answers well-formed TwiML for %s',
    async (_label, event) => {
      const answer = await invokeRaw('voice', event, { NUMBER_OF_MENUS: '1' });
      expectWellFormed(answer);
      expect(answer.xmlOutsideNumbers).not.toContain('5555550101');
    },
  );
});

describe("voice: the operator's words and voice", () => {
  it('speaks every prompt in the configured voice, with the sentences of the messages asset', async () => {
    const env = { NUMBER_OF_MENUS: '1', voice: 'Polly.Brian', MESSAGES_ASSET: '/messages-acme.json' };
    const menu = await new PhoneCall(env).start();
    expect(menu.said).toContain('You have reached Acme operations.');
    expect(menu.said).toContain('For the Platform people, press 1.');
    expect(menu.said).not.toContain('Thank you for calling');
    const voices = menu.all('Say').map((say) => say.attributes.voice);
    expect(voices.length).toBeGreaterThan(0);
    expect(new Set(voices)).toEqual(new Set(['Polly.Brian']));
    expect(logLines('warn').map((line) => line.message)).toContain(
      'Configuration: assets/messages-acme.private.json noSuchMessage is not a message name (docs/configuration.md lists them). Ignored.',
    );
  });

  it('fills the placeholders of an overridden sentence', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '0', MESSAGES_ASSET: '/messages-acme.json' });
    const answer = await call.start();
    expect(answer.said).toContain(`Hold on, ${ROSTER.Platform[0].name} from Platform is being rung.`);
  });

  it('keeps the default sentences when the messages asset is missing', async () => {
    const answer = await new PhoneCall({ NUMBER_OF_MENUS: '1', MESSAGES_ASSET: '/nothing-here.json' }).start();
    expect(answer.said).toContain('Thank you for calling the on-call line.');
  });
});
