import { parseConfig, type ConfigProblem, type ParsedConfig } from '../../functions/lib/config/config';
import type { Env } from '../../functions/lib/config/env';

const VICTOROPS_CREDENTIALS: Env = {
  VICTOROPS_API_ID: 'abcd1234',
  VICTOROPS_API_KEY: '0123456789abcdef0123456789abcdef',
  VICTOROPS_TWILIO_SERVICE_API_KEY: '11111111-2222-3333-4444-555555555555',
};

function variables(parsed: ParsedConfig): string[] {
  return parsed.problems.map((p: ConfigProblem) => p.variable);
}

/** Parses and expects exactly one problem, about `variable`. */
function oneProblem(env: Env, variable: string): ParsedConfig {
  const parsed = parseConfig(env);
  expect(variables(parsed)).toEqual([variable]);
  return parsed;
}

describe('parseConfig: an empty environment', () => {
  const { config, problems } = parseConfig({});

  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('uses every default', () => {
    expect(config).toEqual({
      provider: 'static',
      teams: [],
      menus: 0,
      noVoicemail: false,
      noCall: false,
      voice: 'Polly.Joanna',
      language: 'en-US',
      speechInput: true,
      ringTimeoutSeconds: 20,
      voicemailMaxSeconds: 120,
      callerIdMode: 'support',
      lookupTimeoutMs: 2500,
      webhookBudgetMs: 2800,
      oncallCacheSeconds: 30,
      backgroundBudgetMs: 8000,
      recordMenuHangups: false,
      fallbackPhones: [],
      rosterFallback: false,
      allowedCountryCodes: [],
      sms: { accountSid: undefined, authToken: undefined, from: undefined, apiUrl: 'https://api.twilio.com' },
      staticRosterAsset: '/roster.json',
      messagesAsset: '/messages.json',
      routingAsset: '/routing.json',
    });
    expect(config.victorops).toBeUndefined();
  });

  it('treats blank values as unset', () => {
    const blank = parseConfig({ NUMBER_OF_MENUS: '  ', NO_CALL: '', ONCALL_PROVIDER: ' ', TEAM_1: ' ', voice: '' });
    expect(blank.problems).toEqual([]);
    expect(blank.config).toEqual(config);
  });
});

describe('parseConfig: the provider', () => {
  it('is static without credentials', () => {
    expect(parseConfig({}).config.provider).toBe('static');
  });

  it.each([['VICTOROPS_API_ID'], ['VICTOROPS_API_KEY']])('is victorops when %s is set', (name) => {
    expect(parseConfig({ [name]: 'x' }).config.provider).toBe('victorops');
  });

  it('is not inferred from the integration key alone', () => {
    expect(parseConfig({ VICTOROPS_TWILIO_SERVICE_API_KEY: 'k' }).config.provider).toBe('static');
  });

  it('ONCALL_PROVIDER wins over credentials', () => {
    const parsed = parseConfig({ ONCALL_PROVIDER: 'static', ...VICTOROPS_CREDENTIALS });
    expect(parsed.config.provider).toBe('static');
    expect(parsed.config.victorops).toBeUndefined();
    expect(parsed.problems).toEqual([]);
  });

  it.each(['victorops', 'VictorOps', ' VICTOROPS '])('ONCALL_PROVIDER=%p picks victorops', (value) => {
    const parsed = parseConfig({ ONCALL_PROVIDER: value, ...VICTOROPS_CREDENTIALS });
    expect(parsed.config.provider).toBe('victorops');
    expect(parsed.problems).toEqual([]);
  });

  it.each(['pagerduty', 'opsgenie'])('ONCALL_PROVIDER=%p picks it over Splunk On-Call credentials', (value) => {
    const { config } = parseConfig({ ONCALL_PROVIDER: value, ...VICTOROPS_CREDENTIALS });
    expect(config.provider).toBe(value);
    expect(config.victorops).toBeUndefined();
  });

  it('an unknown ONCALL_PROVIDER with no credentials at all is an error naming it, and the static roster', () => {
    const { config, problems } = oneProblem({ ONCALL_PROVIDER: 'splunk' }, 'ONCALL_PROVIDER');
    expect(config.provider).toBe('static');
    expect(problems[0].severity).toBe('error');
    expect(problems[0].message).toContain('"splunk"');
    expect(problems[0].message).toContain('victorops, pagerduty, opsgenie, static');
  });

  it.each([
    [
      'pager-duty',
      { PAGERDUTY_API_KEY: 'pd', PAGERDUTY_ROUTING_KEY: 'rk', TEAM_1: 'Ops', ESC_POL_1: 'P1' },
      'pagerduty',
      'PAGERDUTY_API_KEY',
    ],
    ['ops genie', { OPSGENIE_API_KEY: 'og' }, 'opsgenie', 'OPSGENIE_API_KEY'],
    ['splunk', VICTOROPS_CREDENTIALS, 'victorops', 'VICTOROPS_API_ID'],
  ])(
    'a misspelt ONCALL_PROVIDER (%p) never falls back to the static roster beside real credentials',
    (value, credentials, provider, inferredFrom) => {
      const { config, problems } = oneProblem({ ONCALL_PROVIDER: value, ...credentials }, 'ONCALL_PROVIDER');
      expect(config.provider).toBe(provider);
      expect(problems[0]).toMatchObject({ severity: 'warning' });
      expect(problems[0].message).toContain(`Using ${provider}, inferred from ${inferredFrom}`);
    },
  );
});

describe('parseConfig: Splunk On-Call settings', () => {
  it('are complete with the three credentials, on the default URLs', () => {
    const { config, problems } = parseConfig(VICTOROPS_CREDENTIALS);
    expect(problems).toEqual([]);
    expect(config.victorops).toEqual({
      apiId: 'abcd1234',
      apiKey: '0123456789abcdef0123456789abcdef',
      alertKey: '11111111-2222-3333-4444-555555555555',
      apiUrl: 'https://api.victorops.com',
      alertUrl: 'https://alert.victorops.com',
    });
  });

  it('trims the credentials', () => {
    const { config } = parseConfig({ ...VICTOROPS_CREDENTIALS, VICTOROPS_API_ID: '  abcd1234\n' });
    expect(config.victorops?.apiId).toBe('abcd1234');
  });

  it.each([
    ['VICTOROPS_API_ID', ['VICTOROPS_API_ID']],
    ['VICTOROPS_API_KEY', ['VICTOROPS_API_KEY']],
    ['VICTOROPS_TWILIO_SERVICE_API_KEY', ['VICTOROPS_TWILIO_SERVICE_API_KEY']],
  ])('missing %s: one problem naming it, and no settings', (missing, expected) => {
    const env: Env = { ...VICTOROPS_CREDENTIALS, [missing]: undefined };
    const { config, problems } = parseConfig(env);
    expect(config.provider).toBe('victorops');
    expect(problems.map((p) => p.variable)).toEqual(expected);
    expect(problems[0].message).toContain('required');
    expect(config.victorops).toBeUndefined();
  });

  it('one problem per missing credential', () => {
    const { config, problems } = parseConfig({ VICTOROPS_API_ID: 'abcd1234' });
    expect(problems.map((p) => p.variable)).toEqual(['VICTOROPS_API_KEY', 'VICTOROPS_TWILIO_SERVICE_API_KEY']);
    expect(config.victorops).toBeUndefined();
  });

  it('every credential missing when victorops is asked for by name', () => {
    const { config, problems } = parseConfig({ ONCALL_PROVIDER: 'victorops' });
    expect(problems.map((p) => p.variable)).toEqual([
      'VICTOROPS_API_ID',
      'VICTOROPS_API_KEY',
      'VICTOROPS_TWILIO_SERVICE_API_KEY',
    ]);
    expect(config.victorops).toBeUndefined();
  });

  it('a blank credential counts as missing', () => {
    const { problems } = parseConfig({ ...VICTOROPS_CREDENTIALS, VICTOROPS_API_KEY: '   ' });
    expect(problems.map((p) => p.variable)).toEqual(['VICTOROPS_API_KEY']);
  });

  describe('URLs', () => {
    const urls = (env: Env) => {
      const { config } = parseConfig({ ...VICTOROPS_CREDENTIALS, ...env });
      return [config.victorops?.apiUrl, config.victorops?.alertUrl];
    };

    it('API_HOST and ALERT_HOST (the reference names) make https URLs', () => {
      expect(urls({ API_HOST: 'api.example.com', ALERT_HOST: 'alert.example.com:8443' })).toEqual([
        'https://api.example.com',
        'https://alert.example.com:8443',
      ]);
    });

    it('VICTOROPS_API_URL and VICTOROPS_ALERT_URL win over the hosts', () => {
      expect(
        urls({
          API_HOST: 'api.example.com',
          ALERT_HOST: 'alert.example.com',
          VICTOROPS_API_URL: 'http://localhost:4010',
          VICTOROPS_ALERT_URL: 'https://alerts.internal/victorops/',
        }),
      ).toEqual(['http://localhost:4010', 'https://alerts.internal/victorops']);
    });

    it('each URL falls back independently', () => {
      expect(urls({ VICTOROPS_API_URL: 'https://api.example.com' })).toEqual([
        'https://api.example.com',
        'https://alert.victorops.com',
      ]);
      expect(urls({ ALERT_HOST: 'alert.example.com' })).toEqual([
        'https://api.victorops.com',
        'https://alert.example.com',
      ]);
    });

    it.each([
      ['VICTOROPS_API_URL', 'api.victorops.com'],
      ['VICTOROPS_ALERT_URL', 'ftp://alert.victorops.com'],
      ['API_HOST', 'https://api.victorops.com'],
      ['ALERT_HOST', 'alert victorops'],
    ])('a malformed %s is a problem naming it, and no settings', (variable, value) => {
      const { config, problems } = oneProblem({ ...VICTOROPS_CREDENTIALS, [variable]: value }, variable);
      expect(problems[0].message).toContain(value);
      expect(config.victorops).toBeUndefined();
    });

    it('are not read for the static roster', () => {
      const { config, problems } = parseConfig({ VICTOROPS_API_URL: 'nonsense' });
      expect(config.provider).toBe('static');
      expect(problems).toEqual([]);
    });
  });
});

describe('parseConfig: teams', () => {
  it('are read in TEAM_n number order, not insertion order', () => {
    const { config } = parseConfig({ TEAM_10: 'Ten', TEAM_2: 'Two', TEAM_1: 'One', TEAM_3: 'Three' });
    expect(config.teams.map((t) => t.name)).toEqual(['One', 'Two', 'Three', 'Ten']);
  });

  it('accept the TEAMn spelling of the reference, mixed with TEAM_n', () => {
    const { config } = parseConfig({ TEAM3: 'Three', TEAM_2: 'Two', TEAM1: 'One' });
    expect(config.teams.map((t) => t.name)).toEqual(['One', 'Two', 'Three']);
  });

  it('pair each team with its ESC_POL_n (or ESC_POLn), by number', () => {
    const { config } = parseConfig({
      TEAM_2: 'Database',
      ESC_POL_1: 'platform-policy',
      TEAM_1: 'Platform',
      TEAM3: 'Payments',
      ESC_POL3: 'payments-policy',
    });
    expect(config.teams).toEqual([
      { name: 'Platform', policy: 'platform-policy' },
      { name: 'Database' },
      { name: 'Payments', policy: 'payments-policy' },
    ]);
  });

  it('prefer ESC_POL_n over ESC_POLn when both are set', () => {
    const { config } = parseConfig({ TEAM_1: 'Platform', ESC_POL1: 'old', ESC_POL_1: 'new' });
    expect(config.teams).toEqual([{ name: 'Platform', policy: 'new' }]);
  });

  it('trim names and skip blank teams, keeping the order of the others', () => {
    const { config } = parseConfig({ TEAM_1: '  Platform ', TEAM_2: '   ', TEAM_3: 'Payments' });
    expect(config.teams.map((t) => t.name)).toEqual(['Platform', 'Payments']);
  });

  it('ignore variables that only look like teams', () => {
    const { config } = parseConfig({ TEAM_NAME: 'x', MY_TEAM_1: 'y', TEAM_1_OLD: 'z', TEAM_: 'w' });
    expect(config.teams).toEqual([]);
  });

  it('take their own fallback numbers from FALLBACK_PHONES_n', () => {
    const { config, problems } = parseConfig({
      TEAM_1: 'Platform',
      TEAM_2: 'Database',
      FALLBACK_PHONES_2: '+15555550177, +1 (555) 555-0178',
    });
    expect(problems).toEqual([]);
    expect(config.teams).toEqual([
      { name: 'Platform' },
      { name: 'Database', fallbackPhones: ['+15555550177', '+15555550178'] },
    ]);
  });
});

describe('parseConfig: NUMBER_OF_MENUS', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['2', 2],
    [' 2 ', 2],
  ])('%p → %p', (value, menus) => {
    const { config, problems } = parseConfig({ NUMBER_OF_MENUS: value });
    expect(config.menus).toBe(menus);
    expect(problems).toEqual([]);
  });

  it.each(['3', '-1', 'two', '1.5', '01'])('%p is a problem naming NUMBER_OF_MENUS, and 0', (value) => {
    const { config, problems } = oneProblem({ NUMBER_OF_MENUS: value }, 'NUMBER_OF_MENUS');
    expect(config.menus).toBe(0);
    expect(problems[0].message).toContain(`"${value}"`);
  });
});

describe('parseConfig: booleans', () => {
  const flags = [
    ['NO_VOICEMAIL', 'noVoicemail', false],
    ['NO_CALL', 'noCall', false],
    ['SPEECH_INPUT', 'speechInput', true],
    ['ROSTER_FALLBACK', 'rosterFallback', false],
  ] as const;

  describe.each(flags)('%s', (variable, key, fallback) => {
    it(`defaults to ${fallback}`, () => {
      expect(parseConfig({}).config[key]).toBe(fallback);
    });

    it.each(['true', 'TRUE', 'yes', 'Yes', '1', 'on', ' true '])('%p is true', (value) => {
      const { config, problems } = parseConfig({ [variable]: value });
      expect(config[key]).toBe(true);
      expect(problems).toEqual([]);
    });

    it.each(['false', 'False', 'no', 'NO', '0', 'off'])('%p is false', (value) => {
      const { config, problems } = parseConfig({ [variable]: value });
      expect(config[key]).toBe(false);
      expect(problems).toEqual([]);
    });

    it.each(['maybe', 'y', '2', 'truee'])(`%p is a problem naming ${variable}, and the default`, (value) => {
      const { config, problems } = oneProblem({ [variable]: value }, variable);
      expect(config[key]).toBe(fallback);
      expect(problems[0].message).toContain(`"${value}"`);
    });
  });
});

describe('parseConfig: whole numbers with bounds', () => {
  const integers = [
    ['RING_TIMEOUT_SECONDS', 'ringTimeoutSeconds', 20, 5, 120],
    ['VOICEMAIL_MAX_SECONDS', 'voicemailMaxSeconds', 120, 5, 3600],
    ['LOOKUP_TIMEOUT_MS', 'lookupTimeoutMs', 2500, 500, 8000],
    ['WEBHOOK_BUDGET_MS', 'webhookBudgetMs', 2800, 1000, 9000],
    ['BACKGROUND_BUDGET_MS', 'backgroundBudgetMs', 8000, 3000, 9500],
  ] as const;

  describe.each(integers)('%s', (variable, key, fallback, min, max) => {
    it(`defaults to ${fallback}`, () => {
      expect(parseConfig({}).config[key]).toBe(fallback);
    });

    it(`accepts ${min} to ${max}, bounds included`, () => {
      for (const n of [min, min + 1, max - 1, max]) {
        const { config, problems } = parseConfig({ [variable]: ` ${n} ` });
        expect(config[key]).toBe(n);
        expect(problems).toEqual([]);
      }
    });

    it.each([String(min - 1), String(max + 1), '-5', '12.5', 'ten', 'Infinity', 'NaN'])(
      `%p is a problem naming ${variable}, and the default`,
      (value) => {
        const { config, problems } = oneProblem({ [variable]: value }, variable);
        expect(config[key]).toBe(fallback);
        expect(problems[0].message).toContain(`from ${min} to ${max}`);
      },
    );
  });
});

describe('parseConfig: other settings', () => {
  it.each([
    ['support', 'support'],
    ['caller', 'caller'],
    ['Caller', 'caller'],
  ] as const)('RESPONDER_CALLER_ID=%p → %p', (value, mode) => {
    const { config, problems } = parseConfig({ RESPONDER_CALLER_ID: value });
    expect(config.callerIdMode).toBe(mode);
    expect(problems).toEqual([]);
  });

  it('an unknown RESPONDER_CALLER_ID is a problem naming it, and support', () => {
    const { config } = oneProblem({ RESPONDER_CALLER_ID: 'responder' }, 'RESPONDER_CALLER_ID');
    expect(config.callerIdMode).toBe('support');
  });

  it('reads the voice, the language and the asset paths as text', () => {
    const { config } = parseConfig({
      voice: 'woman',
      LANGUAGE: 'en-GB',
      STATIC_ROSTER_ASSET: '/team-roster.json',
      MESSAGES_ASSET: '/prompts.json',
    });
    expect(config).toMatchObject({
      voice: 'woman',
      language: 'en-GB',
      staticRosterAsset: '/team-roster.json',
      messagesAsset: '/prompts.json',
    });
  });

  it('FALLBACK_PHONES: numbers normalised, bad ones left out with a problem naming the variable', () => {
    const { config, problems } = oneProblem(
      { FALLBACK_PHONES: '+15555550177; +1 (555) 555-0178, call me,,' },
      'FALLBACK_PHONES',
    );
    expect(config.fallbackPhones).toEqual(['+15555550177', '+15555550178']);
    expect(problems[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('"call me"') });
  });

  it('FALLBACK_PHONES: a number typed without its + is refused and named, never guessed into a country', () => {
    const { config, problems } = oneProblem({ FALLBACK_PHONES: '+15555550177, 555-555-0178' }, 'FALLBACK_PHONES');
    expect(config.fallbackPhones).toEqual(['+15555550177']);
    expect(problems[0].message).toContain('"555-555-0178": is not in E.164 form');
  });

  it('a bad FALLBACK_PHONES_n entry names FALLBACK_PHONES_n', () => {
    const { config } = oneProblem({ TEAM_1: 'Platform', FALLBACK_PHONES_1: '12' }, 'FALLBACK_PHONES_1');
    expect(config.teams).toEqual([{ name: 'Platform' }]);
  });

  it('ALLOWED_COUNTRY_CODES: codes with or without +, bad ones left out with a problem', () => {
    expect(parseConfig({ ALLOWED_COUNTRY_CODES: '1, +44 33;49' }).config.allowedCountryCodes).toEqual([
      '1',
      '44',
      '33',
      '49',
    ]);
    expect(parseConfig({ ALLOWED_COUNTRY_CODES: ',1,,+' })).toMatchObject({
      config: { allowedCountryCodes: ['1'] },
      problems: [],
    });
    const { config, problems } = parseConfig({ ALLOWED_COUNTRY_CODES: '1,0,x,12345' });
    expect(config.allowedCountryCodes).toEqual(['1']);
    expect(problems.map((p) => p.variable)).toEqual([
      'ALLOWED_COUNTRY_CODES',
      'ALLOWED_COUNTRY_CODES',
      'ALLOWED_COUNTRY_CODES',
    ]);
  });

  it('STATE_SECRET shorter than 32 characters is named, a long one is not', () => {
    expect(parseConfig({ STATE_SECRET: ' short ' }).problems).toEqual([
      {
        variable: 'STATE_SECRET',
        severity: 'warning',
        message: expect.stringContaining('is 5 characters') as unknown as string,
      },
    ]);
    expect(parseConfig({ STATE_SECRET: 'x'.repeat(32) }).problems).toEqual([]);
  });

  it('ALLOWED_COUNTRY_CODES with no valid code is an error: the guard is off until it is fixed', () => {
    const { config, problems } = parseConfig({ ALLOWED_COUNTRY_CODES: 'US, UK' });
    expect(config.allowedCountryCodes).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([
      {
        variable: 'ALLOWED_COUNTRY_CODES',
        severity: 'error',
        message: expect.stringContaining('every country may be dialled') as unknown as string,
      },
    ]);
    expect(parseConfig({ ALLOWED_COUNTRY_CODES: '' }).problems).toEqual([]);
  });

  it('SMS: credentials from the environment, the first SMS_FROM number, the Twilio API URL', () => {
    const { config, problems } = parseConfig({
      ACCOUNT_SID: 'AC123',
      AUTH_TOKEN: 'secret',
      SMS_FROM: '+1 555-555-0100',
      TWILIO_API_HOST: 'api.example.com',
    });
    expect(problems).toEqual([]);
    expect(config.sms).toEqual({
      accountSid: 'AC123',
      authToken: 'secret',
      from: '+15555550100',
      apiUrl: 'https://api.example.com',
    });
    expect(
      parseConfig({ TWILIO_API_URL: 'http://localhost:9000/', TWILIO_API_HOST: 'x.example.com' }).config.sms.apiUrl,
    ).toBe('http://localhost:9000');
  });

  it('a malformed TWILIO_API_URL is a problem naming it, and the default URL', () => {
    const { config } = oneProblem({ TWILIO_API_URL: 'api.twilio.com' }, 'TWILIO_API_URL');
    expect(config.sms.apiUrl).toBe('https://api.twilio.com');
  });
});

describe('parseConfig: the Twilio context mixes functions in with the variables', () => {
  const context = {
    getTwilioClient: () => ({}),
    DOMAIN_NAME: 'example.twil.io',
    TEAM_1: 'Platform',
    TEAM_2: () => 'not a team',
    ESC_POL_1: 42,
    NO_CALL: true,
    NUMBER_OF_MENUS: 2,
    ONCALL_PROVIDER: { name: 'victorops' },
    VICTOROPS_API_ID: ['abcd'],
    RING_TIMEOUT_SECONDS: null,
  } as unknown as Env;

  it('ignores values that are not strings, without throwing or complaining', () => {
    const { config, problems } = parseConfig(context);
    expect(problems).toEqual([]);
    expect(config.teams).toEqual([{ name: 'Platform' }]);
    expect(config).toMatchObject({ provider: 'static', noCall: false, menus: 0, ringTimeoutSeconds: 20 });
  });
});

describe('parseConfig: each problem names the variable at fault', () => {
  it('reports every malformed or missing variable once, by its own name', () => {
    const parsed = parseConfig({
      ONCALL_PROVIDER: 'victorops',
      VICTOROPS_API_ID: 'abcd1234',
      NUMBER_OF_MENUS: '5',
      NO_VOICEMAIL: 'perhaps',
      RING_TIMEOUT_SECONDS: '1',
      API_HOST: 'http://api.victorops.com',
    });
    expect(variables(parsed).sort()).toEqual([
      'API_HOST',
      'NO_VOICEMAIL',
      'NUMBER_OF_MENUS',
      'RING_TIMEOUT_SECONDS',
      'VICTOROPS_API_KEY',
      'VICTOROPS_TWILIO_SERVICE_API_KEY',
    ]);
  });
});
