// ONCALL_PROVIDER choice and the PagerDuty, Opsgenie and static-webhook variables.
import { parseConfig } from '../../functions/lib/config/config';
import type { Env } from '../../functions/lib/config/env';

const PAGERDUTY: Env = {
  PAGERDUTY_API_KEY: 'pd-key',
  PAGERDUTY_ROUTING_KEY: 'default-routing-key',
  TEAM_1: 'Platform',
  ESC_POL_1: 'PPLAT01',
};

function variablesWithProblems(env: Env): string[] {
  return parseConfig(env).problems.map((problem) => problem.variable);
}

describe('choosing the provider', () => {
  it.each([
    [{ VICTOROPS_API_ID: 'id', PAGERDUTY_API_KEY: 'pd', OPSGENIE_API_KEY: 'og' }, 'victorops'],
    [{ PAGERDUTY_API_KEY: 'pd', OPSGENIE_API_KEY: 'og' }, 'pagerduty'],
    [{ OPSGENIE_API_KEY: 'og' }, 'opsgenie'],
    [{}, 'static'],
  ])('infers it from the credentials present: %j → %s', (env, provider) => {
    expect(parseConfig(env).config.provider).toBe(provider);
  });

  it.each(['pagerduty', 'opsgenie', ' OpsGenie '])('accepts ONCALL_PROVIDER=%p', (value) => {
    expect(parseConfig({ ONCALL_PROVIDER: value, VICTOROPS_API_ID: 'id' }).config.provider).toBe(
      value.trim().toLowerCase(),
    );
  });

  it('lists every provider when ONCALL_PROVIDER is unknown', () => {
    const { config, problems } = parseConfig({ ONCALL_PROVIDER: 'xmatters' });
    expect(config.provider).toBe('static');
    expect(problems[0].message).toContain('victorops, pagerduty, opsgenie, static');
  });
});

describe('PagerDuty', () => {
  it('reads the key, the default URLs and a routing key per team, the team-specific one first', () => {
    const { config, problems } = parseConfig({
      ...PAGERDUTY,
      TEAM_2: 'Database',
      ESC_POL_2: 'PDATA01',
      PAGERDUTY_ROUTING_KEY_2: 'database-routing-key',
    });
    expect(problems).toEqual([]);
    expect(config.provider).toBe('pagerduty');
    expect(config.pagerduty).toEqual({
      apiKey: 'pd-key',
      apiUrl: 'https://api.pagerduty.com',
      eventsUrl: 'https://events.pagerduty.com',
      routingKeys: { Platform: 'default-routing-key', Database: 'database-routing-key' },
      defaultRoutingKey: 'default-routing-key',
    });
    expect(config.teams).toEqual([
      { name: 'Platform', policy: 'PPLAT01' },
      { name: 'Database', policy: 'PDATA01' },
    ]);
  });

  it('lets tests point both base URLs elsewhere', () => {
    const { config } = parseConfig({
      ...PAGERDUTY,
      PAGERDUTY_API_URL: 'http://127.0.0.1:4010/',
      PAGERDUTY_EVENTS_URL: 'http://127.0.0.1:4010',
    });
    expect(config.pagerduty).toMatchObject({ apiUrl: 'http://127.0.0.1:4010', eventsUrl: 'http://127.0.0.1:4010' });
  });

  it('without its API key: one problem naming it, and no settings (calls go to voicemail)', () => {
    const { config, problems } = parseConfig({ ...PAGERDUTY, PAGERDUTY_API_KEY: '', ONCALL_PROVIDER: 'pagerduty' });
    expect(problems.map((p) => p.variable)).toEqual(['PAGERDUTY_API_KEY']);
    expect(config.pagerduty).toBeUndefined();
  });

  it('names ESC_POL_n for a team without an escalation policy ID', () => {
    const problems = parseConfig({ ...PAGERDUTY, TEAM_2: 'Database' }).problems;
    expect(problems).toEqual([
      { variable: 'ESC_POL_2', message: expect.stringContaining('Database'), severity: 'error' },
    ]);
  });

  it("names the routing file's entry, not ESC_POL_n, for a file team without a policy", () => {
    const { problems } = parseConfig({ PAGERDUTY_API_KEY: 'pd', PAGERDUTY_ROUTING_KEY: 'rk' }, [
      { name: 'Platform', policy: 'PPLAT01' },
      { name: 'Database' },
    ]);
    expect(problems).toEqual([
      {
        variable: 'assets/routing.private.json teams[1].policy',
        message: expect.stringContaining('Database') as unknown as string,
        severity: 'error',
      },
    ]);
  });

  it('names PAGERDUTY_ROUTING_KEY_n for a team without a routing key, and keeps the settings for lookups', () => {
    const { config, problems } = parseConfig({ ...PAGERDUTY, PAGERDUTY_ROUTING_KEY: undefined });
    expect(problems.map((p) => p.variable)).toEqual(['PAGERDUTY_ROUTING_KEY_1']);
    expect(config.pagerduty?.routingKeys).toEqual({});
  });

  it('asks for TEAM_n, since PagerDuty has no team list to offer', () => {
    expect(variablesWithProblems({ PAGERDUTY_API_KEY: 'pd', PAGERDUTY_ROUTING_KEY: 'rk' })).toEqual(['TEAM_1']);
  });

  it('names a malformed base URL and leaves the settings out', () => {
    const { config, problems } = parseConfig({ ...PAGERDUTY, PAGERDUTY_EVENTS_URL: 'events.pagerduty.com' });
    expect(problems.map((p) => p.variable)).toEqual(['PAGERDUTY_EVENTS_URL']);
    expect(config.pagerduty).toBeUndefined();
  });
});

describe('Opsgenie', () => {
  it('reads the key and the base URL, EU region included', () => {
    const { config, problems } = parseConfig({
      OPSGENIE_API_KEY: 'og-key',
      OPSGENIE_API_URL: 'https://api.eu.opsgenie.com',
      TEAM_1: 'Platform',
    });
    expect(problems).toEqual([]);
    expect(config.opsgenie).toEqual({ apiKey: 'og-key', apiUrl: 'https://api.eu.opsgenie.com' });
    // No ESC_POL_1: the adapter uses Opsgenie's own "Platform_schedule".
    expect(config.teams).toEqual([{ name: 'Platform' }]);
  });

  it('defaults to the US base URL', () => {
    expect(parseConfig({ OPSGENIE_API_KEY: 'og-key' }).config.opsgenie?.apiUrl).toBe('https://api.opsgenie.com');
  });

  it('without its API key: one problem naming it, and no settings', () => {
    const { config, problems } = parseConfig({ ONCALL_PROVIDER: 'opsgenie' });
    expect(problems.map((p) => p.variable)).toEqual(['OPSGENIE_API_KEY']);
    expect(config.opsgenie).toBeUndefined();
  });
});

describe('static roster webhook', () => {
  it('reads STATIC_WEBHOOK_URL for the static roster', () => {
    const { config, problems } = parseConfig({ STATIC_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X' });
    expect(problems).toEqual([]);
    expect(config.staticWebhookUrl).toBe('https://hooks.slack.com/services/T/B/X');
  });

  it('is optional, and a malformed one is named and ignored', () => {
    expect(parseConfig({}).config.staticWebhookUrl).toBeUndefined();
    const { config, problems } = parseConfig({ STATIC_WEBHOOK_URL: 'hooks.slack.com/x' });
    expect(problems.map((p) => p.variable)).toEqual(['STATIC_WEBHOOK_URL']);
    expect(config.staticWebhookUrl).toBeUndefined();
  });
});
