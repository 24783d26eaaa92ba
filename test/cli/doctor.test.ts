// `npm run doctor` end to end against the simulator's mock providers: a deployment written to a
// temporary folder (.env and assets/), read as npm run deploy would upload it, and the providers
// asked who is on call. No test may send anything but GETs: the doctor pages nobody.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DoctorReport } from '../../cli/doctor/report';
import {
  MOCK_REFUSED_KEY,
  MOCK_TWILIO_ACCOUNT,
  startMockProviders,
  type MockProviders,
} from '../../simulator/mock-providers';
import { buildDoctor, doctorIn, instantClock, removeDeployments, runBuilt, writeDeployment } from './helpers/doctor';

const ROUTING_KEY = 'doctor0routing0key0000000000abcd';
const SERVICE = 'https://oncall-1234.twil.io';

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
});
afterAll(async () => {
  await mock.stop();
  removeDeployments();
});
beforeEach(() => mock.reset());
afterEach(() => {
  jest.restoreAllMocks();
  // Read-only, whatever the outcome: not one alert, event, note or update was sent.
  expect(mock.requests().filter((request) => request.method !== 'GET')).toEqual([]);
});

const victorops = (): Record<string, string> => ({
  VICTOROPS_API_ID: 'doctor-api-id',
  VICTOROPS_API_KEY: 'doctor-api-key',
  VICTOROPS_TWILIO_SERVICE_API_KEY: 'doctor-alert-key',
  VICTOROPS_API_URL: mock.url,
  VICTOROPS_ALERT_URL: mock.url,
  TEAM_1: 'Platform',
  ESC_POL_1: 'Platform Primary',
  TEAM_2: 'Database',
  NUMBER_OF_MENUS: '1',
});

// Policy IDs as the mock derives them from its roster (simulator/README.md).
const pagerduty = (): Record<string, string> => ({
  ONCALL_PROVIDER: 'pagerduty',
  PAGERDUTY_API_KEY: 'doctor-pd-key',
  PAGERDUTY_API_URL: mock.url,
  PAGERDUTY_EVENTS_URL: mock.url,
  PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
  TEAM_1: 'Platform',
  ESC_POL_1: 'PPLAT01',
  TEAM_2: 'Database',
  ESC_POL_2: 'PDATA01',
});

// No ESC_POL_n: each team's schedule is Opsgenie's default "<team>_schedule".
const opsgenie = (): Record<string, string> => ({
  ONCALL_PROVIDER: 'opsgenie',
  OPSGENIE_API_KEY: 'doctor-og-key',
  OPSGENIE_API_URL: mock.url,
  TEAM_1: 'Platform',
  TEAM_2: 'Database',
});

const ROSTER = {
  teams: [
    {
      name: 'Platform',
      responders: [
        { name: 'Alice', phone: '+15555550101' },
        { name: 'Bob', phone: '+15555550102' },
      ],
    },
  ],
};

const run = (env: Record<string, string>, args: string[] = [], shell: Record<string, string> = {}) =>
  doctorIn(writeDeployment({ env }), args, shell);

describe('a healthy deployment: exit 0, every chain as the mock roster has it, numbers masked', () => {
  it('Splunk On-Call, waiting between teams to keep to a third of the rate limit', async () => {
    const result = await run(victorops());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ {2}Platform \(TEAM_1\): escalation policy "Platform Primary" \(ESC_POL_1\), read in \d+ ms$/m,
    );
    expect(result.stdout).toContain(
      [
        '    Rings, in order:',
        '      1. alice  +1 555 ••• ••01  (escalation step 1)',
        '      2. dave   +1 555 ••• ••04  (escalation step 2)',
        '      3. carol  +1 555 ••• ••03  (escalation step 3)',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        '      1. heidi  +1 555 ••• ••08  (escalation step 2)',
        '    Skipped: grace (escalation step 1): no usable phone number',
        '    Skipped: ivan (escalation step 3): their number is already in the chain',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      `Incidents: Splunk On-Call alert endpoint ${new URL(mock.url).host}, routing key "platform"`,
    );
    expect(result.stdout).toMatch(
      /Waiting 60 s before Database: Splunk On-Call documents 15 requests a minute to its (on-call schedule|contact phones) endpoint, and the doctor keeps to 5 of them/,
    );
    expect(result.stdout).toContain(
      'VICTOROPS_TWILIO_SERVICE_API_KEY: not checked (only sending an alert would prove it; the doctor never pages anyone)',
    );
    expect(result.stdout).toContain('Ready: every team can reach somebody now and incidents have somewhere to go.');
    expect(result.stdout).not.toMatch(/5555550\d{3}/);
  });

  it('PagerDuty: the routing key by its variable and last four characters, never the key', async () => {
    const result = await run(pagerduty());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('      1. Alice Adams  +1 555 ••• ••01  (escalation step 1)');
    expect(result.stdout).toContain('      2. Dave Davis   +1 555 ••• ••04  (escalation step 2)');
    expect(result.stdout).toContain('    Skipped: Grace Green (escalation step 1): no usable phone number');
    expect(result.stdout).toContain(
      `Incidents: PagerDuty Events API v2 at ${new URL(mock.url).host}, with the routing key in PAGERDUTY_ROUTING_KEY (ending abcd)`,
    );
    expect(result.stdout).toContain('PAGERDUTY_ROUTING_KEY: not checked (only sending an event would prove it;');
    expect(result.stdout).not.toContain(ROUTING_KEY);
    expect(result.stdout).not.toContain('doctor-pd-key');
    expect(result.sleeps).toEqual([]);
  });

  it('Opsgenie: the schedule as one step, the team as responder', async () => {
    const result = await run(opsgenie());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `  Platform (TEAM_1): schedule "Platform_schedule" (Opsgenie's default for the team)`,
    );
    expect(result.stdout).toContain(
      [
        '    Rings, in order:',
        '      1. alice  +1 555 ••• ••01  (escalation step 1)',
        '      2. dave   +1 555 ••• ••04  (escalation step 1)',
        '      3. carol  +1 555 ••• ••03  (escalation step 1)',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      `Incidents: Opsgenie alerts at ${new URL(mock.url).host}, team "Database" as responder`,
    );
    expect(result.stdout).toContain('OPSGENIE_API_KEY: its Create and Update access is not checked');
  });

  it('the static roster: the log counts, but nobody is paged without STATIC_WEBHOOK_URL', async () => {
    const folder = writeDeployment({ env: { NUMBER_OF_MENUS: '1' }, assets: { 'roster.private.json': ROSTER } });
    const result = await doctorIn(folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  Provider: the static roster (no provider credentials are set)');
    expect(result.stdout).toContain('      1. Alice  +1 555 ••• ••01  (escalation step 1)');
    expect(result.stdout).toContain('      2. Bob    +1 555 ••• ••02  (escalation step 2)');
    expect(result.stdout).toContain(
      'Incidents: the function log only: nobody is paged (set STATIC_WEBHOOK_URL to post them to a chat channel)',
    );

    const hooked = writeDeployment({
      env: { STATIC_WEBHOOK_URL: 'https://hooks.example.com/services/T0/B0/x' },
      assets: { 'roster.private.json': ROSTER },
    });
    const withHook = await doctorIn(hooked);
    expect(withHook.code).toBe(0);
    expect(withHook.stdout).toContain(
      'Incidents: the function log, and posted to STATIC_WEBHOOK_URL at hooks.example.com',
    );
    expect(withHook.stdout).toContain('STATIC_WEBHOOK_URL: not checked (only posting an incident would prove it;');
  });
});

describe('a key the provider refuses: exit 1, naming the variable', () => {
  it.each([
    ['VICTOROPS_API_KEY', victorops],
    ['PAGERDUTY_API_KEY', pagerduty],
    ['OPSGENIE_API_KEY', opsgenie],
  ])('%s', async (variable, env) => {
    const result = await run({ ...env(), [variable]: MOCK_REFUSED_KEY }, ['--team', 'Platform']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      new RegExp(`^  ${variable}: Platform \\(TEAM_1\\): .*HTTP 401.*check .*${variable}`, 'm'),
    );
    expect(result.stdout).toContain(
      '  TEAM_1: Platform: nobody can be reached now: the on-call lookup failed (see above)',
    );
    expect(result.stdout).not.toContain(MOCK_REFUSED_KEY);
  });

  it('stays a problem when ROSTER_FALLBACK answers instead', async () => {
    const folder = writeDeployment({
      env: { ...opsgenie(), OPSGENIE_API_KEY: MOCK_REFUSED_KEY, ROSTER_FALLBACK: 'true' },
      assets: { 'roster.private.json': ROSTER },
    });
    const result = await doctorIn(folder, ['--team', 'Platform']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('    The static roster answers instead (ROSTER_FALLBACK).');
    expect(result.stdout).toContain('      1. Alice  +1 555 ••• ••01');
    expect(result.stdout).toMatch(/^ {2}OPSGENIE_API_KEY: Platform \(TEAM_1\): .*HTTP 401/m);
  });
});

describe('configuration that fails the doctor', () => {
  it('a misspelt ONCALL_PROVIDER and no credentials', async () => {
    // A roster that rings somebody: the exit 1 can only be ONCALL_PROVIDER's.
    const folder = writeDeployment({
      env: { ONCALL_PROVIDER: 'pagerduyt', TEAM_1: 'Platform' },
      assets: { 'roster.private.json': ROSTER },
    });
    const result = await doctorIn(folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  ONCALL_PROVIDER: must be one of victorops, pagerduty, opsgenie, static; got "pagerduyt". No provider credentials are set either, so calls use the static roster.',
    );
    expect(result.stdout).toContain('assets/roster.private.json: shipped: the roster the static roster rings');
    expect(result.stdout).toContain('      1. Alice  +1 555 ••• ••01  (escalation step 1)');
    const report = JSON.parse((await doctorIn(folder, ['--json'])).stdout) as DoctorReport;
    expect(report.failures).toEqual([{ subject: 'ONCALL_PROVIDER', message: expect.stringContaining('"pagerduyt"') }]);
    expect(mock.requests()).toEqual([]);
  });

  it('a team nobody can be reached for', async () => {
    const result = await run({ ...opsgenie(), TEAM_3: 'Frontend' }, ['--team', 'Frontend']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('    Rings: nobody (nobody is on call)');
    expect(result.stdout).toContain('    A call reaches: nobody. Callers go straight to voicemail.');
    expect(result.stdout).toContain(
      '  TEAM_3: Frontend: nobody can be reached now: nobody is on call, and there are no fallback numbers (FALLBACK_PHONES_3 or FALLBACK_PHONES)',
    );
  });

  it('the same team with fallback numbers is reachable', async () => {
    const result = await run({ ...opsgenie(), TEAM_3: 'Frontend', FALLBACK_PHONES_3: '+442079460190' }, [
      '--team',
      'Frontend',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '    Fallback: +44 207 ••• ••90 (FALLBACK_PHONES_3): rung in order when the lookup fails',
    );
    expect(result.stdout).toContain('    A call reaches: the fallback numbers (nobody on call can be dialled now).');
  });

  it('ALLOWED_COUNTRY_CODES skips everyone outside it', async () => {
    const result = await run({ ...opsgenie(), ALLOWED_COUNTRY_CODES: '44' }, ['--team', 'Platform']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '    Skipped: alice (escalation step 1): the number is outside ALLOWED_COUNTRY_CODES',
    );
    expect(result.stdout).toContain('  TEAM_1: Platform: nobody can be reached now: everyone on call is skipped');
  });

  it('a provider that is down is no configuration fault while fallback numbers ring', async () => {
    mock.setFault({ path: '/v2/schedules', kind: 'status', status: 503 });
    const down = await run(opsgenie(), ['--team', 'Platform']);
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(
      /TEAM_1: Platform: nobody can be reached now: the on-call lookup failed \(.*HTTP 503\)/,
    );
    const covered = await run({ ...opsgenie(), FALLBACK_PHONES: '+15555550190' }, ['--team', 'Platform']);
    expect(covered.code).toBe(0);
    expect(covered.stdout).toMatch(/Lookup failed: .*HTTP 503/);
    expect(covered.stdout).toContain('A call reaches: the fallback numbers');
  });

  it('PagerDuty without a routing key: incidents have nowhere to go', async () => {
    const { PAGERDUTY_ROUTING_KEY: _unset, ...env } = pagerduty();
    const result = await run(env, ['--team', 'Platform']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  PAGERDUTY_ROUTING_KEY_1: is needed to open incidents for Platform (or set PAGERDUTY_ROUTING_KEY for every team).',
    );
    expect(result.stdout).toContain(
      '    Incidents: nowhere: no routing key for Platform: its incidents cannot be opened',
    );
  });

  it("a value over Twilio's 450 bytes, named", async () => {
    const result = await run({ ...opsgenie(), GREETING_NOTE: 'x'.repeat(451) }, ['--team', 'Platform']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("  error: GREETING_NOTE: its value is 451 bytes, over Twilio's limit of 450");
    expect(result.stdout).toContain(
      '  GREETING_NOTE: its value is 451 bytes; Twilio takes at most 450 (the deploy would be refused)',
    );
  });

  it('says what deploy leaves out: the credentials Twilio provides, and empty values', async () => {
    const result = await run({ ...opsgenie(), ACCOUNT_SID: 'AC123', AUTH_TOKEN: 'local', STATE_SECRET: '' }, [
      '--team',
      'Platform',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "  Not uploaded: ACCOUNT_SID, AUTH_TOKEN: Twilio's cloud provides ACCOUNT_SID and AUTH_TOKEN to the functions",
    );
    expect(result.stdout).toContain('  Empty, so not uploaded: STATE_SECRET');
    expect(result.stdout).not.toMatch(/Uploaded: .*ACCOUNT_SID/);
  });
});

describe('configuration the doctor warns of, and passes', () => {
  it('a misspelt ONCALL_PROVIDER beside Opsgenie credentials: one warning, and Opsgenie is used', async () => {
    const result = await run({ ...opsgenie(), ONCALL_PROVIDER: 'ops genie' }, ['--json']);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(result.code).toBe(0);
    expect(report).toMatchObject({
      ready: true,
      provider: 'opsgenie',
      providerReason: 'chosen from the credentials set',
      failures: [],
    });
    // OPSGENIE_API_URL points at the local mock, which the doctor also warns of.
    const aboutTheProvider = report.problems.filter((problem) => problem.variable !== 'OPSGENIE_API_URL');
    expect(aboutTheProvider.filter((problem) => problem.severity === 'warning')).toEqual([
      {
        variable: 'ONCALL_PROVIDER',
        message:
          'must be one of victorops, pagerduty, opsgenie, static; got "ops genie". Using opsgenie, inferred from OPSGENIE_API_KEY.',
        severity: 'warning',
      },
    ]);
    expect(report.teams.map((team) => [team.name, team.reaches])).toEqual([
      ['Platform', 'on-call'],
      ['Database', 'on-call'],
    ]);
  });
});

describe('a base URL left at a local stand-in', () => {
  it('is a warning naming the variable, and does not fail the doctor', async () => {
    const result = await run(opsgenie(), []);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /warning: OPSGENIE_API_URL points at 127\.0\.0\.1: fine for a local trial, but npm run deploy would upload it/,
    );
  });
});

describe('the rate budget', () => {
  it('spends at most a third of each Splunk On-Call endpoint budget between waits', async () => {
    const clock = instantClock();
    const spentAtEachWait: number[] = [];
    const sleep = clock.sleep;
    clock.sleep = async (ms) => {
      spentAtEachWait.push(mock.requests().length);
      await sleep(ms);
    };
    const result = await doctorIn(writeDeployment({ env: { ...victorops(), TEAM_3: 'Frontend' } }), [], {}, clock);
    expect(result.code).toBe(1);
    expect(clock.sleeps).toHaveLength(2);
    for (const ms of clock.sleeps) expect(ms).toBeGreaterThan(55_000);
    const requests = mock.requests();
    const bounds = [0, ...spentAtEachWait, requests.length];
    for (let i = 1; i < bounds.length; i += 1) {
      const minute = requests.slice(bounds[i - 1], bounds[i]);
      for (const endpoint of ['/v1/team', '/oncall/schedule', '/contact-methods/phones']) {
        expect(minute.filter((request) => request.path.includes(endpoint)).length).toBeLessThanOrEqual(5);
      }
    }
  });
});

describe('the rate budget with --json', () => {
  it('says on stderr that it waits, and lists the waits in the report', async () => {
    const result = await run(victorops(), ['--json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^ {2}Waiting 60 s before Database: Splunk On-Call documents 15 requests a minute/);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report.waits).toEqual([
      expect.objectContaining({ beforeTeam: 'Database', seconds: 60, documentedPerMinute: 15, allowedPerMinute: 5 }),
    ]);
  });
});

describe('the teams', () => {
  it('without TEAM_n, those in the provider’s team list', async () => {
    const { TEAM_1: _one, TEAM_2: _two, ...env } = opsgenie();
    const result = await run(env, ['--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report.teams.map((team) => [team.name, team.variable, team.reaches])).toEqual([
      ['Platform', null, 'on-call'],
      ['Database', null, 'on-call'],
      ['Frontend', null, 'nobody'],
    ]);
    expect(report.failures).toEqual([
      {
        subject: 'Frontend',
        message: 'nobody can be reached now: nobody is on call, and there are no fallback numbers (FALLBACK_PHONES)',
      },
    ]);
  });
});

describe('--team and --json', () => {
  it('--team checks that team only', async () => {
    const result = await run(opsgenie(), ['--team', 'database']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  Database (TEAM_2):');
    expect(result.stdout).not.toContain('  Platform (TEAM_1):');
    expect(mock.requests().some((request) => request.path.includes('Platform_schedule'))).toBe(false);
  });

  it('--json prints one object with stable fields, numbers masked and no key', async () => {
    const result = await run(pagerduty(), ['--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report).toMatchObject({
      ready: true,
      envFile: '.env',
      envFileFound: true,
      provider: 'pagerduty',
      providerReason: 'ONCALL_PROVIDER',
      failures: [],
      waits: [],
      number: { checked: false, problem: 'not checked (give --number and Twilio credentials in the shell)' },
      callTrace: { kept: true },
    });
    expect(report.deployment.uploaded).toContain('PAGERDUTY_ROUTING_KEY');
    expect(report.teams.map((team) => [team.name, team.variable, team.reaches])).toEqual([
      ['Platform', 'TEAM_1', 'on-call'],
      ['Database', 'TEAM_2', 'on-call'],
    ]);
    expect(report.teams[0]?.ring[0]).toEqual({ name: 'Alice Adams', phone: '+1 555 ••• ••01', escalationStep: 1 });
    expect(report.teams[1]?.skipped).toContainEqual({
      name: 'Ivan Irwin',
      escalationStep: 3,
      why: 'their number is already in the chain',
    });
    expect(report.teams[0]?.incidents).toMatchObject({
      routingKeyVariable: 'PAGERDUTY_ROUTING_KEY',
      routingKeyEnding: 'abcd',
      pagesSomeone: true,
    });
    expect(result.stdout).not.toMatch(/5555550\d{3}/);
    expect(result.stdout).not.toContain(ROUTING_KEY);
    expect(result.stderr).toBe('');
  });

  it('--json failures name the variable at fault', async () => {
    const result = await run({ ...opsgenie(), TEAM_3: 'Frontend' }, ['--json', '--team', 'Frontend']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report.ready).toBe(false);
    expect(report.failures).toEqual([
      {
        subject: 'TEAM_3',
        message:
          'Frontend: nobody can be reached now: nobody is on call, and there are no fallback numbers (FALLBACK_PHONES_3 or FALLBACK_PHONES)',
      },
    ]);
  });
});

describe('--number, read through the IncomingPhoneNumbers stand-in', () => {
  const twilioShell = (): Record<string, string> => ({
    TWILIO_API_URL: mock.url,
    ACCOUNT_SID: MOCK_TWILIO_ACCOUNT.accountSid,
    TWILIO_API_KEY: MOCK_TWILIO_ACCOUNT.apiKeySid,
    TWILIO_API_SECRET: MOCK_TWILIO_ACCOUNT.apiKeySecret,
  });
  const staticFolder = (): string =>
    writeDeployment({ env: { NUMBER_OF_MENUS: '1' }, assets: { 'roster.private.json': ROSTER } });

  it('connected, status callback at /call-status: exit 0', async () => {
    mock.twilioNumbers.add({
      phoneNumber: '+15555550123',
      voiceUrl: `${SERVICE}/voice`,
      voiceFallbackUrl: `${SERVICE}/voice-fallback.xml`,
      statusCallback: `${SERVICE}/call-status`,
    });
    const result = await doctorIn(staticFolder(), ['--number', '+15555550123'], twilioShell());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`    ok: VoiceUrl ${SERVICE}/voice: ends in /voice`);
    expect(result.stdout).toContain(
      `    ok: StatusCallback ${SERVICE}/call-status: points at /call-status, which opens an incident for a caller who hung up unheard`,
    );
    expect(result.stdout).toContain('    ok: VoiceApplicationSid (not set): no TwiML application overrides VoiceUrl');
  });

  it('no status callback: exit 1 naming it, with the command that fixes it', async () => {
    mock.twilioNumbers.add({ phoneNumber: '+15555550124', voiceUrl: `${SERVICE}/voice` });
    const result = await doctorIn(staticFolder(), ['--number', '+15555550124'], twilioShell());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  +15555550124 StatusCallback: (not set): does not point at /call-status: a caller who hangs up before anyone hears them leaves no incident',
    );
    expect(result.stdout).toContain('    warning: VoiceFallbackUrl (not set): when /voice fails, callers hear Twilio');
    expect(result.stdout).toContain(`  To fix: npm run connect-number -- --number +15555550124 --url ${SERVICE}`);
  });

  it('a voice application that overrides the voice URL is a problem', async () => {
    const result = await doctorIn(staticFolder(), ['--number', '+15555550100'], twilioShell());
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^ {2}\+15555550100 VoiceApplicationSid: AP0+a001: while it is set, Twilio ignores VoiceUrl/m,
    );
    expect(result.stdout).toMatch(/^ {2}\+15555550100 VoiceUrl: .*does not end in \/voice/m);
  });

  it('--number without credentials in the shell: not ready (a forgotten export must not read as checked), and no request to Twilio', async () => {
    const result = await doctorIn(staticFolder(), ['--number', '+15555550100']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  +15555550100: not checked: --number needs Twilio credentials in the shell');
    expect(result.stdout).toMatch(/^ {2}--number: not checked: --number needs Twilio credentials/m);
    expect(mock.requests()).toEqual([]);
  });

  it('credentials Twilio refuses: exit 1 naming the variables used', async () => {
    const result = await doctorIn(staticFolder(), ['--number', '+15555550100'], {
      ...twilioShell(),
      TWILIO_API_SECRET: 'wrong',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^ {2}--number: Twilio answered HTTP 401, error 20003 .*\(check TWILIO_API_KEY, TWILIO_API_SECRET, ACCOUNT_SID\)$/m,
    );
  });
});

describe('usage errors: exit 2 with one line, nothing asked of anyone', () => {
  it.each([
    [['--colour', 'red'], /^doctor: Unknown option '--colour'\n$/],
    [['--number', '12345'], /^doctor: --number "12345" is not in E\.164 form/],
    [['--env', 'missing.env'], /^doctor: --env missing\.env: no such file\n$/],
    [['--team', ''], /^doctor: --team needs a value\n$/],
  ])('%j', async (args, message) => {
    const result = await run(opsgenie(), args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(message);
    expect(mock.requests()).toEqual([]);
  });

  it('credentials given by halves for --number', async () => {
    const result = await run(opsgenie(), ['--number', '+15555550100'], {
      TWILIO_API_KEY: MOCK_TWILIO_ACCOUNT.apiKeySid,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^doctor: TWILIO_API_KEY is set but TWILIO_API_SECRET is not/);
    expect(mock.requests()).toEqual([]);
  });

  it('a --team that is not one of the teams lists them', async () => {
    const result = await run(opsgenie(), ['--team', 'Payments']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('doctor: --team "Payments" is not one of the teams: Platform, Database\n');
    // Said before anything else: no report to scroll past, and nothing asked of the provider.
    expect(result.stdout).toBe('');
    expect(mock.requests()).toEqual([]);
  });
});

describe('the bundled command, as npm runs it', () => {
  it('exits 0 on a healthy deployment and 2 on bad usage', async () => {
    buildDoctor();
    const folder = writeDeployment({ env: { NUMBER_OF_MENUS: '1' }, assets: { 'roster.private.json': ROSTER } });
    const healthy = await runBuilt(folder, []);
    expect(healthy).toMatchObject({ code: 0, stderr: '' });
    expect(healthy.stdout).toContain('      1. Alice  +1 555 ••• ••01  (escalation step 1)');
    const bad = await runBuilt(folder, ['--number', '12345']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^doctor: --number "12345" is not in E\.164 form/);
  });
});

describe('the routing file', () => {
  const ROUTING = {
    numbers: {
      '+18005550100': { teams: ['Platform', 'Database'] },
      '+18005550111': { greeting: 'Database hotline.', teams: ['Database'] },
    },
    teams: [
      {
        name: 'Platform',
        hours: { timezone: 'UTC', open: { 'mon-sun': '00:00-24:00' } },
        ring: 'step',
        maxRingSeconds: 90,
        notify: { sms: ['+15555550170'], email: ['oncall@example.com'] },
      },
      { name: 'Database', hours: { timezone: 'UTC', open: {}, afterHours: { team: 'Platform' } } },
    ],
    callers: { block: ['+1900*', '+15555550199'], anonymous: 'voicemail' },
    noInput: 'goodbye',
  };

  const TWO_TEAMS = {
    teams: [...ROSTER.teams, { name: 'Database', responders: [{ name: 'Dana', phone: '+15555550111' }] }],
  };

  it('prints the routing as it stands now: per number, its teams; per team, open now or not, and where its calls go', async () => {
    const folder = writeDeployment({
      env: { NUMBER_OF_MENUS: '1', TEAM_1: 'Ignored' },
      assets: { 'roster.private.json': TWO_TEAMS, 'routing.private.json': ROUTING },
    });
    const result = await doctorIn(folder);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Routing (assets/routing.private.json)');
    expect(result.stdout).toContain('    +1 800 ••• ••00: Platform, Database (team menu)');
    expect(result.stdout).toContain('    +1 800 ••• ••11: Database (no menu), greeting "Database hotline."');
    expect(result.stdout).toMatch(
      / {4}Platform: open now, always open.*; rings a whole escalation step at once, at most 90 s of ringing; voicemails also to 1 by SMS, 1 by e-mail/,
    );
    expect(result.stdout).toMatch(/ {4}Database: closed now, never opens.*; after hours: the Platform team/);
    expect(result.stdout).toContain(
      'Callers: blocked +1900*, +1 555 ••• ••99; everyone else put through; withheld caller ID: voicemail',
    );
    expect(result.stdout).toContain('Silence at every prompt: a goodbye (nobody paged)');
    // The TEAM_n family is ignored, and said to be.
    expect(result.stdout).toContain('TEAM_1 is ignored: the routing file (assets/routing.private.json)');
    // Teams are named by their entry in the file, which is where an operator changes them.
    expect(result.stdout).toContain('Database (assets/routing.private.json teams[1])');
  });

  it('the example routing file and the example roster, copied as docs/routing.md says, are ready together', async () => {
    const example = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../assets', name), 'utf8'));
    const folder = writeDeployment({
      env: { ONCALL_PROVIDER: 'static', NUMBER_OF_MENUS: '1' },
      assets: {
        'roster.private.json': example('roster.example.json'),
        'routing.private.json': example('routing.example.json'),
      },
    });
    const result = await doctorIn(folder, ['--json']);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report.failures).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.teams.map((team) => [team.name, team.reaches])).toEqual([
      ['Platform', 'on-call'],
      ['Database', 'on-call'],
    ]);
  });

  it('a wrong routing file fails the doctor, naming the file and the path', async () => {
    const folder = writeDeployment({
      env: { NUMBER_OF_MENUS: '1' },
      assets: {
        'roster.private.json': ROSTER,
        'routing.private.json': { teams: [{ name: 'Platform', hours: { timezone: 'Mars/Olympus', open: {} } }] },
      },
    });
    const result = await doctorIn(folder, ['--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as DoctorReport;
    expect(report.routing).toMatchObject({ file: null, rejected: 'assets/routing.private.json' });
    expect(report.failures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ subject: 'assets/routing.private.json teams[0].hours.timezone' }),
      ]),
    );
  });
});
