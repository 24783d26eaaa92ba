// Who a call would ring and who it would skip, by the functions' own rules, and what that means
// for "can somebody be reached now".
import { assessChain, assessFallback } from '../../cli/doctor/chain';
import type { IncidentRoute } from '../../cli/doctor/incidents';
import { ProviderError } from '../../functions/lib/providers/provider';
import { teamPlace } from '../../cli/doctor/team-place';
import { teamReport, type TeamFacts } from '../../cli/doctor/team-report';

const person = (name: string, ...phones: string[]) => ({ name, phones });

describe('assessChain', () => {
  it('rings in order with each person’s escalation step, and says who is skipped and why', () => {
    const { ring, skipped } = assessChain(
      [
        [person('grace'), person('alice', '+15555550101')],
        [],
        [person('heidi', '+15555550108'), person('ivan', '+15555550108')],
        [person('zoe', '+445555550199')],
      ],
      ['1'],
    );
    expect(ring).toEqual([
      { name: 'alice', phone: '+1 555 ••• ••01', escalationStep: 1 },
      { name: 'heidi', phone: '+1 555 ••• ••08', escalationStep: 3 },
    ]);
    expect(skipped).toEqual([
      { name: 'grace', escalationStep: 1, why: 'no usable phone number' },
      { name: 'ivan', escalationStep: 3, why: 'their number is already in the chain' },
      { name: 'zoe', escalationStep: 4, why: 'the number is outside ALLOWED_COUNTRY_CODES' },
    ]);
  });

  it('skips everyone past the eight people one call tries', () => {
    const steps = Array.from({ length: 10 }, (_, i) => [person(`p${i}`, `+1555555010${i}`)]);
    const { ring, skipped } = assessChain(steps, []);
    expect(ring.map((entry) => entry.name)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(skipped).toEqual([
      { name: 'p8', escalationStep: 9, why: 'past the first 8 people a call tries' },
      { name: 'p9', escalationStep: 10, why: 'past the first 8 people a call tries' },
    ]);
  });

  it('lists what the adapter left out because it could not be read', () => {
    const { skipped } = assessChain(
      [[person('alice', '+15555550101')]],
      [],
      [{ leftOut: 'step 2 of Platform', problem: 'Splunk On-Call schedule failed: HTTP 500' }],
    );
    expect(skipped).toEqual([
      { name: 'step 2 of Platform', why: 'left out: could not be read (Splunk On-Call schedule failed: HTTP 500)' },
    ]);
  });
});

describe('assessFallback', () => {
  it('masks the numbers, names their variable and keeps the toll-fraud guard', () => {
    const team = { name: 'Platform', fallbackPhones: ['+15555550190', '+445555550191'] };
    expect(assessFallback(team, 'FALLBACK_PHONES_1', ['1'])).toEqual({
      phones: ['+1 555 ••• ••90'],
      refused: ['+44 555 ••• ••91'],
      variable: 'FALLBACK_PHONES_1',
    });
    expect(assessFallback(team, undefined, []).variable).toBe('FALLBACK_PHONES');
    expect(assessFallback({ name: 'Platform' }, undefined, [])).toEqual({ phones: [], refused: [], variable: null });
  });
});

describe('teamReport', () => {
  const incidents: IncidentRoute = { destination: 'somewhere', host: 'alert.example.com', pagesSomeone: true };
  const facts = (overrides: Partial<TeamFacts> = {}): TeamFacts => ({
    team: { name: 'Platform' },
    place: teamPlace(1, undefined),
    ownFallbackVariable: undefined,
    provider: 'pagerduty',
    providerConfigured: true,
    chainFrom: 'escalation policy PPLAT01 (ESC_POL_1)',
    allowedCountryCodes: [],
    incidents,
    ...overrides,
  });
  const failed = (error: unknown) => ({ ok: false as const, error, ms: 12, gaps: [] });

  it('reaches the people on call, then the fallback numbers, then nobody', () => {
    const ok = (candidates: { name: string; phones: string[] }[][]) => ({
      ok: true as const,
      candidates,
      ms: 5,
      gaps: [],
    });
    expect(teamReport(facts(), ok([[person('alice', '+15555550101')]])).reaches).toBe('on-call');
    const withFallback = facts({ team: { name: 'Platform', fallbackPhones: ['+15555550190'] } });
    expect(teamReport(withFallback, ok([[person('grace')]])).reaches).toBe('fallback');
    expect(teamReport(facts(), ok([])).reaches).toBe('nobody');
  });

  it('names the key variable for a refused key, ESC_POL_n for an unknown policy', () => {
    const refused = new ProviderError(
      'PagerDuty on-calls was refused: HTTP 401: Unauthorized (check PAGERDUTY_API_KEY)',
    );
    expect(teamReport(facts(), failed(refused)).lookupFailure).toMatchObject({
      kind: 'credentials',
      variable: 'PAGERDUTY_API_KEY',
    });
    const unknown = new ProviderError(
      'escalation policy "PNOPE" of team "Platform" does not exist (its ESC_POL_n, or "policy" in the routing file)',
    );
    expect(teamReport(facts(), failed(unknown)).lookupFailure).toMatchObject({
      kind: 'configuration',
      variable: 'ESC_POL_1',
    });
    const outage = new ProviderError('PagerDuty on-calls failed: HTTP 503', true);
    expect(teamReport(facts(), failed(outage)).lookupFailure).toMatchObject({
      kind: 'unavailable',
      variable: 'TEAM_1',
    });
  });

  it("names the routing file's entry for a team it defines, and its policy there", () => {
    const place = teamPlace(2, 'routing.private.json');
    const unknown = new ProviderError(
      'escalation policy "PNOPE" of team "Platform" does not exist (its ESC_POL_n, or "policy" in the routing file)',
    );
    const report = teamReport(facts({ place }), failed(unknown));
    expect(report).toMatchObject({
      variable: 'routing.private.json teams[1]',
      fallbackIn: 'routing.private.json teams[1].fallbackPhones',
      lookupFailure: { kind: 'configuration', variable: 'routing.private.json teams[1].policy' },
    });
    const outage = new ProviderError('PagerDuty on-calls failed: HTTP 503', true);
    expect(teamReport(facts({ place }), failed(outage)).lookupFailure?.variable).toBe('routing.private.json teams[1]');
  });

  it('names a team from the provider list by its name, having no variable of its own', () => {
    const outage = new ProviderError('PagerDuty on-calls failed: HTTP 503', true);
    const report = teamReport(facts({ place: teamPlace(undefined, undefined) }), failed(outage));
    expect(report).toMatchObject({ variable: null, fallbackIn: null, lookupFailure: { variable: 'Platform' } });
  });

  it('does not ask a provider the functions could not build', () => {
    const report = teamReport(facts({ providerConfigured: false }), failed(new ProviderError('not configured')));
    expect(report).toMatchObject({
      lookupMs: null,
      lookupFailure: { kind: 'not-asked', problem: 'PagerDuty is not configured (see the configuration problems)' },
      reaches: 'nobody',
    });
  });
});
