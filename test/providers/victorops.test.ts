import nock from 'nock';
import type { IncidentEvent } from '../../functions/lib/core/incidents';
import type { Attempt, Team } from '../../functions/lib/core/types';
import { ProviderError } from '../../functions/lib/providers/provider';
import { VictorOpsProvider } from '../../functions/lib/providers/victorops';
import { resetWarmState } from '../../functions/lib/warm/state';
import {
  ALERT_PATH_PREFIX,
  apiScope,
  captureAlerts,
  contactMethods,
  mockPhones,
  mockPlatformLookup,
  mockSchedules,
  mockTeamList,
  phonesPath,
  PLATFORM_POLICIES,
  schedulePath,
  TEAM_LIST,
  TEAMS,
  teamSchedule,
  VO_ALERT_URL,
  VO_API_URL,
  VO_PHONES,
  victorOpsSettings,
  type PolicyFixture,
} from '../fixtures/victorops';
import { chainOf, noDeadline, providerError } from './adapter-test-kit';

const provider = (): VictorOpsProvider => new VictorOpsProvider(victorOpsSettings);

const unmatched: string[] = [];
const onNoMatch = (request: unknown): void => {
  const path = typeof request === 'object' && request !== null ? Reflect.get(request, 'path') : undefined;
  unmatched.push(typeof path === 'string' ? path : String(request));
};

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  nock.emitter.on('no match', onNoMatch);
  unmatched.length = 0;
  resetWarmState();
});

afterEach(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
});

describe('team list and slug resolution', () => {
  it('lists the teams by name from the bare array, sending the API id and key', async () => {
    const scope = mockTeamList();
    await expect(provider().listTeams(noDeadline())).resolves.toEqual([
      { name: 'Platform', ref: TEAMS.platform.slug },
      { name: 'Database', ref: TEAMS.database.slug },
      { name: 'Network Ops', ref: TEAMS.network.slug },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a request without the credential headers (the headers really are matched)', async () => {
    // A scope that wants other credentials does not match, so the lookup fails.
    nock(VO_API_URL, { reqheaders: { 'x-vo-api-id': 'someone-else' } })
      .get('/api-public/v1/team')
      .reply(200, TEAM_LIST);
    await expect(provider().listTeams(noDeadline())).rejects.toBeInstanceOf(ProviderError);
  });

  it.each([
    ['the exact name', 'Platform'],
    ['the name in another case, padded', '  pLATFORM '],
    ['the slug', 'team-pl4tf0rm'],
    ['the slug in another case', 'TEAM-PL4TF0RM'],
  ])('resolves TEAM_n given %s to the slug used in the schedule URLs', async (_label, name) => {
    const scope = mockPlatformLookup();
    const chain = await chainOf(provider(), { name }, noDeadline());
    expect(chain.map((r) => r.name)).toEqual(['alice', 'bob']);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it('prefers a team whose exact name matches over one whose slug matches case-insensitively', async () => {
    // "ops" is one team's name and, in another case, another team's slug.
    const teams = [
      { ...TEAMS.network, name: 'Other', slug: 'OPS' },
      { ...TEAMS.platform, name: 'ops', slug: 'team-ops-real' },
    ];
    const scope = apiScope();
    mockTeamList(scope, teams);
    mockSchedules(scope, { ...TEAMS.platform, name: 'ops', slug: 'team-ops-real' }, PLATFORM_POLICIES);
    mockPhones(scope, 'alice', [{ value: VO_PHONES.alice }]);
    mockPhones(scope, 'bob', [{ value: VO_PHONES.bob }]);
    await chainOf(provider(), { name: 'ops' }, noDeadline());
    expect(scope.isDone()).toBe(true);
  });

  it('names the team when it does not exist, without asking for any schedule', async () => {
    const scope = mockTeamList();
    const error = await providerError(chainOf(provider(), { name: 'Billing' }, noDeadline()));
    expect(error.message).toContain('"Billing"');
    expect(error.message).toContain('TEAM_n');
    expect(error.retryable).toBe(false);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it('keeps the team list and the phones for later lookups, across provider instances, until a cold start', async () => {
    const scope = mockPlatformLookup();
    await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(scope.isDone()).toBe(true);

    // The second lookup asks for the schedule only (no interceptor for the team list or phones).
    const second = mockSchedules(apiScope(), TEAMS.platform, PLATFORM_POLICIES);
    await expect(chainOf(provider(), { name: 'Platform' }, noDeadline())).resolves.toHaveLength(2);
    expect(second.isDone()).toBe(true);
    expect(unmatched).toEqual([]);

    resetWarmState();
    const third = mockPlatformLookup();
    await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(third.isDone()).toBe(true);
  });

  it('lets simultaneous first lookups share one team list request', async () => {
    const scope = apiScope().get('/api-public/v1/team').delay(50).reply(200, TEAM_LIST);
    const teams = await Promise.all([provider().listTeams(noDeadline()), provider().listTeams(noDeadline())]);
    expect(teams[0]).toEqual(teams[1]);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it('resolves each configured team to its slug, by name or slug, and leaves an unknown one without', async () => {
    mockTeamList();
    const resolved = await provider().resolveTeamRefs(
      [{ name: 'platform' }, { name: TEAMS.database.slug }, { name: 'Billing' }, { name: 'Set', ref: 'team-set' }],
      noDeadline(),
    );
    expect(resolved).toEqual([
      { name: 'platform', ref: TEAMS.platform.slug },
      { name: TEAMS.database.slug, ref: TEAMS.database.slug },
      { name: 'Billing' },
      { name: 'Set', ref: 'team-set' },
    ]);
  });

  it('needs no team list at all for a team whose slug is known', async () => {
    const scope = mockPlatformLookup({ teamList: false });
    await expect(
      chainOf(provider(), { name: 'Platform', ref: TEAMS.platform.slug }, noDeadline()),
    ).resolves.toHaveLength(2);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
  });
});

describe('the rate budget', () => {
  it('counts schedule requests against 15 a minute, shared by every provider instance', async () => {
    expect(provider().lookupFitsRateBudget()).toBe(true);
    mockPlatformLookup({ teamList: false });
    for (let i = 0; i < 3; i++) {
      if (i > 0) mockSchedules(apiScope(), TEAMS.platform, PLATFORM_POLICIES);
      await chainOf(provider(), { name: 'Platform', ref: TEAMS.platform.slug }, noDeadline());
    }
    // 12 of 15 spent: one more lookup (4 steps) would overrun it.
    expect(provider().lookupFitsRateBudget()).toBe(false);
  });
});

describe('the on-call chain', () => {
  it("reads everyone's phones at once, after the steps: two waves, whatever the number of people", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const held: Array<() => void> = [];
    const fallback = setTimeout(() => held.splice(0).forEach((go) => go()), 400);
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, PLATFORM_POLICIES);
    for (const user of ['alice', 'bob'] as const) {
      scope.get(phonesPath(user)).reply(function (_uri, _body, callback) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        held.push(() => {
          inFlight--;
          callback(null, [200, contactMethods(user, [{ value: VO_PHONES[user] }])]);
        });
        // Both are answered together once both have arrived: one after the other would wait here.
        if (held.length === 2) held.splice(0).forEach((go) => go());
      });
    }
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    clearTimeout(fallback);
    expect(maxInFlight).toBe(2);
    expect(chain.map((r) => r.name)).toEqual(['alice', 'bob']);
  });

  it('asks for escalation steps 0..3 in parallel, each with the credentials', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const held: Array<() => void> = [];
    const release = (): void => {
      for (const go of held.splice(0)) go();
    };
    const fallback = setTimeout(release, 400);
    const scope = apiScope();
    mockTeamList(scope);
    const steps: number[] = [];
    scope
      .get(schedulePath(TEAMS.platform.slug))
      .query(true)
      .times(4)
      .reply(function (uri, _body, callback) {
        const step = Number(new URL(uri, VO_API_URL).searchParams.get('step'));
        steps.push(step);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        held.push(() => {
          inFlight--;
          callback(null, [200, teamSchedule(TEAMS.platform, PLATFORM_POLICIES, step)]);
        });
        // All four are answered together once all four have arrived.
        if (held.length === 4) release();
      });
    mockPhones(scope, 'alice', [{ value: VO_PHONES.alice }]);
    mockPhones(scope, 'bob', [{ value: VO_PHONES.bob }]);

    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    clearTimeout(fallback);
    expect(maxInFlight).toBe(4);
    expect([...steps].sort()).toEqual([0, 1, 2, 3]);
    expect(chain).toEqual([
      { name: 'alice', phone: VO_PHONES.alice },
      { name: 'bob', phone: VO_PHONES.bob },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('orders the chain by escalation step whatever order the answers arrive in', async () => {
    const policies: PolicyFixture[] = [
      { name: 'P', slug: 'p', steps: [[{ user: 'u0' }], [{ user: 'u1' }], [{ user: 'u2' }], [{ user: 'u3' }]] },
    ];
    const scope = apiScope();
    mockTeamList(scope);
    for (const step of [0, 1, 2, 3]) {
      scope
        .get(schedulePath(TEAMS.platform.slug))
        .query({ step: String(step) })
        .delay(40 * (3 - step)) // step 3 answers first, step 0 last
        .reply(200, teamSchedule(TEAMS.platform, policies, step));
    }
    for (const [i, user] of ['u0', 'u1', 'u2', 'u3'].entries()) mockPhones(scope, user, [{ value: `+1555555020${i}` }]);
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain.map((r) => r.name)).toEqual(['u0', 'u1', 'u2', 'u3']);
  });

  it('uses the ESC_POL_n policy by name, and the first policy when none is configured', async () => {
    const policies: PolicyFixture[] = [
      { name: 'Business hours', slug: 'pol-bh', steps: [[{ user: 'alice' }]] },
      { name: 'After hours', slug: 'pol-ah', steps: [[{ user: 'bob' }]] },
    ];
    const withPolicy = apiScope();
    mockTeamList(withPolicy);
    mockSchedules(withPolicy, TEAMS.platform, policies);
    mockPhones(withPolicy, 'bob', [{ value: VO_PHONES.bob }]);
    const chosen = await chainOf(provider(), { name: 'Platform', policy: 'After hours' }, noDeadline());
    expect(chosen).toEqual([{ name: 'bob', phone: VO_PHONES.bob }]);
    expect(withPolicy.isDone()).toBe(true);

    const first = apiScope();
    mockSchedules(first, TEAMS.platform, policies);
    mockPhones(first, 'alice', [{ value: VO_PHONES.alice }]);
    const byDefault = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(byDefault).toEqual([{ name: 'alice', phone: VO_PHONES.alice }]);
    expect(first.isDone()).toBe(true);
    expect(unmatched).toEqual([]);
  });

  it('names ESC_POL_n and the policy when the team has no such policy', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, PLATFORM_POLICIES);
    const error = await providerError(chainOf(provider(), { name: 'Platform', policy: 'Weekend' }, noDeadline()));
    expect(error.message).toContain('ESC_POL');
    expect(error.message).toContain('"Weekend"');
    expect(error.message).toContain('Platform');
    expect(unmatched).toEqual([]); // nobody's phones were looked up
  });

  it('rings the override user instead of the scheduled one', async () => {
    const policies: PolicyFixture[] = [{ name: 'P', slug: 'p', steps: [[{ user: 'carol', override: 'dave' }]] }];
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.database, policies);
    mockPhones(scope, 'dave', [{ value: VO_PHONES.dave }]);
    const chain = await chainOf(provider(), { name: 'Database' }, noDeadline());
    expect(chain).toEqual([{ name: 'dave', phone: VO_PHONES.dave }]);
    expect(scope.isDone()).toBe(true);
    expect(unmatched).toEqual([]); // carol's phones were never asked for
  });

  it('dials the best-ranked contact method, whatever order the API lists them in', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, [{ name: 'P', slug: 'p', steps: [[{ user: 'alice' }]] }]);
    mockPhones(scope, 'alice', [
      { value: '+15555550301', rank: 3, label: 'Desk' },
      { value: '+15555550302', rank: 1, label: 'Mobile' },
      { value: '+15555550303', rank: 2, label: 'Home' },
    ]);
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain).toEqual([{ name: 'alice', phone: '+15555550302' }]);
  });

  it('falls back to the next-ranked number when the best one is not dialable', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, [{ name: 'P', slug: 'p', steps: [[{ user: 'alice' }]] }]);
    mockPhones(scope, 'alice', [
      { value: 'call me maybe', rank: 1 },
      { value: '(555) 555-0304', rank: 2 },
    ]);
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain).toEqual([{ name: 'alice', phone: '+15555550304' }]);
  });

  it('skips users with no phone, numbers already in the chain, and users whose phones cannot be read', async () => {
    const policies: PolicyFixture[] = [
      {
        name: 'P',
        slug: 'p',
        steps: [[{ user: 'nophone' }, { user: 'alice' }], [{ user: 'twin' }, { user: 'broken' }], [{ user: 'bob' }]],
      },
    ];
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, policies);
    mockPhones(scope, 'nophone', []);
    mockPhones(scope, 'alice', [{ value: VO_PHONES.alice }]);
    mockPhones(scope, 'twin', [{ value: VO_PHONES.alice }]); // the same number as alice
    scope.get(phonesPath('broken')).reply(500, { message: 'boom' });
    mockPhones(scope, 'bob', [{ value: VO_PHONES.bob }]);
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain).toEqual([
      { name: 'alice', phone: VO_PHONES.alice },
      { name: 'bob', phone: VO_PHONES.bob },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('asks once for the phones of a user on call at several steps, and rings them once', async () => {
    const policies: PolicyFixture[] = [
      { name: 'P', slug: 'p', steps: [[{ user: 'alice' }], [{ user: 'alice' }, { user: 'bob' }]] },
    ];
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, policies);
    mockPhones(scope, 'alice', [{ value: VO_PHONES.alice }]);
    mockPhones(scope, 'bob', [{ value: VO_PHONES.bob }]);
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain.map((r) => r.name)).toEqual(['alice', 'bob']);
    expect(unmatched).toEqual([]);
  });

  it('reads the live contactMethods wrapper, not the bare array the spec describes', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, [{ name: 'P', slug: 'p', steps: [[{ user: 'alice' }, { user: 'bob' }]] }]);
    // The spec's shape (a bare array with no `value`) carries no number: that user is skipped.
    scope.get(phonesPath('alice')).reply(200, [{ _selfUrl: '/x', deviceType: 'phone', extId: 'e', label: 'Mobile' }]);
    scope.get(phonesPath('bob')).reply(200, contactMethods('bob', [{ value: VO_PHONES.bob }]));
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain).toEqual([{ name: 'bob', phone: VO_PHONES.bob }]);
  });

  it("fails the lookup, rather than finding nobody on call, when no one's phones can be read", async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, [{ name: 'P', slug: 'p', steps: [[{ user: 'alice' }], [{ user: 'bob' }]] }]);
    scope.get(phonesPath('alice')).reply(503, { message: 'unavailable' });
    scope.get(phonesPath('bob')).reply(503, { message: 'unavailable' });
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, noDeadline()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('phones of');
  });

  it("passes on a phones 429's wait, so that the lookup can honour it", async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, [{ name: 'P', slug: 'p', steps: [[{ user: 'alice' }]] }]);
    scope.get(phonesPath('alice')).reply(429, { message: 'slow down' }, { 'Retry-After': '1' });
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, noDeadline()));
    expect([error.retryable, error.retryAfterMs]).toEqual([true, 1000]);
  });

  it('tells the operator who was left out: a step that failed, a user whose phones failed', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    const policies: PolicyFixture[] = [
      { name: 'P', slug: 'p', steps: [[{ user: 'alice' }], [{ user: 'bob' }], [{ user: 'carol' }], []] },
    ];
    scope.get(schedulePath(TEAMS.platform.slug)).query({ step: '0' }).reply(503, { message: 'unavailable' });
    for (const step of [1, 2, 3]) {
      scope
        .get(schedulePath(TEAMS.platform.slug))
        .query({ step: String(step) })
        .reply(200, teamSchedule(TEAMS.platform, policies, step));
    }
    scope.get(phonesPath('bob')).reply(500, { message: 'boom' });
    mockPhones(scope, 'carol', [{ value: VO_PHONES.carol }]);
    const gaps: string[] = [];
    const chain = await chainOf(
      new VictorOpsProvider(victorOpsSettings, (leftOut) => gaps.push(leftOut)),
      { name: 'Platform' },
      noDeadline(),
    );
    expect(chain.map((r) => r.name)).toEqual(['carol']);
    expect(gaps).toEqual(['step 0 of Platform', 'bob']);
  });

  it('still builds a chain from the steps that answered when one step fails', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    scope.get(schedulePath(TEAMS.platform.slug)).query({ step: '0' }).reply(503, { message: 'unavailable' });
    for (const step of [1, 2, 3]) {
      scope
        .get(schedulePath(TEAMS.platform.slug))
        .query({ step: String(step) })
        .reply(200, teamSchedule(TEAMS.platform, PLATFORM_POLICIES, step));
    }
    mockPhones(scope, 'bob', [{ value: VO_PHONES.bob }]);
    const chain = await chainOf(provider(), { name: 'Platform' }, noDeadline());
    expect(chain).toEqual([{ name: 'bob', phone: VO_PHONES.bob }]);
  });

  it('treats a 404 at a step as nobody on call there', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    scope
      .get(schedulePath(TEAMS.platform.slug))
      .query({ step: '0' })
      .reply(200, teamSchedule(TEAMS.platform, PLATFORM_POLICIES, 0));
    for (const step of [1, 2, 3]) {
      scope
        .get(schedulePath(TEAMS.platform.slug))
        .query({ step: String(step) })
        .reply(404, { message: 'Step not found' });
    }
    mockPhones(scope, 'alice', [{ value: VO_PHONES.alice }]);
    await expect(chainOf(provider(), { name: 'Platform' }, noDeadline())).resolves.toEqual([
      { name: 'alice', phone: VO_PHONES.alice },
    ]);
  });

  it('fails with a ProviderError when every step fails', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(500, { message: 'internal' });
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, noDeadline()));
    expect(error.message).toContain('schedule');
    expect(error.message).toContain('500');
    expect(error.retryable).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it('answers an empty chain (not an error) when nobody is on call', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, [{ name: 'P', slug: 'p', steps: [] }]);
    await expect(chainOf(provider(), { name: 'Platform' }, noDeadline())).resolves.toEqual([]);
  });
});

describe('failures of the REST API', () => {
  it.each([500, 502, 503, 429])('makes HTTP %i on the team list a retryable ProviderError', async (status) => {
    apiScope().get('/api-public/v1/team').reply(status, { message: 'try later' });
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, noDeadline()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(String(status));
    expect(error.message).toContain('team list');
  });

  it.each([401, 403])('makes HTTP %i on the team list a ProviderError that is not retried', async (status) => {
    apiScope().get('/api-public/v1/team').reply(status, { message: 'Forbidden' });
    const error = await providerError(provider().listTeams(noDeadline()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain(String(status));
  });

  it('makes a deadline that runs out a retryable ProviderError', async () => {
    apiScope().get('/api-public/v1/team').delay(1000).reply(200, TEAM_LIST);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, controller.signal));
    expect(Date.now() - started).toBeLessThan(800);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/time budget/);
  });

  it('makes a network timeout a retryable ProviderError', async () => {
    apiScope()
      .get('/api-public/v1/team')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ETIMEDOUT' }));
    const error = await providerError(provider().listTeams(noDeadline()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('team list');
  });

  it('makes a connection that is refused a retryable ProviderError', async () => {
    apiScope()
      .get('/api-public/v1/team')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const error = await providerError(provider().listTeams(noDeadline()));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('makes a team list that is not JSON a ProviderError', async () => {
    apiScope()
      .get('/api-public/v1/team')
      .reply(200, '{"name": "Platform", "slug": ', { 'Content-Type': 'application/json' });
    const error = await providerError(provider().listTeams(noDeadline()));
    expect(error.message).toMatch(/not JSON/);
  });

  it('makes a team list that is JSON but not an array a ProviderError', async () => {
    apiScope().get('/api-public/v1/team').reply(200, { teams: TEAM_LIST });
    await expect(provider().listTeams(noDeadline())).rejects.toBeInstanceOf(ProviderError);
  });

  it('makes schedules that are not JSON a ProviderError', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    scope.get(schedulePath(TEAMS.platform.slug)).query(true).times(4).reply(200, '<html>Bad gateway</html>', {
      'Content-Type': 'text/html',
    });
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, noDeadline()));
    expect(error.message).toMatch(/not JSON/);
  });

  it('skips a user whose phones answer is not JSON', async () => {
    const scope = apiScope();
    mockTeamList(scope);
    mockSchedules(scope, TEAMS.platform, PLATFORM_POLICIES);
    scope.get(phonesPath('alice')).reply(200, '{"contactMethods": [', { 'Content-Type': 'application/json' });
    mockPhones(scope, 'bob', [{ value: VO_PHONES.bob }]);
    await expect(chainOf(provider(), { name: 'Platform' }, noDeadline())).resolves.toEqual([
      { name: 'bob', phone: VO_PHONES.bob },
    ]);
  });
});

describe('alerts through the REST endpoint integration', () => {
  const team: Team = { name: 'Platform' };
  const callSid = 'CA0123456789abcdef0123456789abcdef';
  const caller = '+15555550150';
  const attempts: Attempt[] = [
    { responder: 'alice', outcome: 'no-answer' },
    { responder: 'bob', outcome: 'busy' },
  ];

  const events: Record<IncidentEvent['kind'], IncidentEvent> = {
    'unanswered-call': {
      kind: 'unanswered-call',
      callSid,
      team,
      caller,
      awaiting: 'message',
      reason: 'nobody-answered',
      attempts,
    },
    'message-left': {
      kind: 'message-left',
      callSid,
      team,
      caller,
      recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1',
      recordingSeconds: 17,
      reason: 'nobody-answered',
      attempts,
    },
    'missed-call': { kind: 'missed-call', callSid, team, caller, reason: 'caller-hung-up', attempts },
    'menu-hang-up': { kind: 'menu-hang-up', callSid, team, caller },
    'callback-requested': {
      kind: 'callback-requested',
      callSid,
      team,
      caller,
      callbackNumber: '15555550177',
      reason: 'lookup-failed',
      attempts: [],
    },
    transcript: {
      kind: 'transcript',
      callSid,
      team,
      caller,
      text: 'The database is on fire',
      recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1',
    },
    'call-accepted': { kind: 'call-accepted', callSid, team, caller, responder: 'alice' },
    'call-ended': {
      kind: 'call-ended',
      callSid,
      team,
      caller,
      responder: 'bob',
      talkSeconds: 95,
      attempts: [
        { responder: 'alice', outcome: 'no-answer' },
        { responder: 'bob', outcome: 'accepted', talkSeconds: 95 },
      ],
    },
  };

  async function send(event: IncidentEvent): Promise<Record<string, unknown>> {
    mockTeamList();
    const capture = captureAlerts();
    await provider().sendIncidentEvent(event, noDeadline());
    expect(capture.scope.isDone()).toBe(true);
    expect(capture.routingKeys).toEqual([TEAMS.platform.slug]);
    return capture.alerts[0];
  }

  it('posts to /integrations/generic/20131114/alert/{key}/{team slug} as JSON', async () => {
    mockTeamList();
    const scope = nock(VO_ALERT_URL, { reqheaders: { 'content-type': /application\/json/ } })
      .post(`${ALERT_PATH_PREFIX}/${TEAMS.platform.slug}`)
      .reply(200, { result: 'success', entity_id: callSid });
    await provider().sendIncidentEvent(events['message-left'], noDeadline());
    expect(scope.isDone()).toBe(true);
  });

  it.each(['unanswered-call', 'message-left', 'missed-call', 'callback-requested', 'transcript'] as const)(
    'sends %s as CRITICAL',
    async (kind) => {
      const alert = await send(events[kind]);
      expect(alert.message_type).toBe('CRITICAL');
      expect(alert).not.toHaveProperty('ack_author');
    },
  );

  it('sends a hang-up at the menu as INFO: on the timeline, paging nobody', async () => {
    const alert = await send(events['menu-hang-up']);
    expect(alert.message_type).toBe('INFO');
    expect(alert.entity_display_name).toBe(`Caller hung up at the menu: ${caller}`);
  });

  it('routes by the slug the call carries, without the team list', async () => {
    const capture = captureAlerts();
    await expect(
      provider().sendIncidentEvent(
        { ...events['unanswered-call'], team: { name: 'Platform', ref: 'team-carried' } },
        noDeadline(),
      ),
    ).resolves.toBe('alerted');
    expect(capture.routingKeys).toEqual(['team-carried']);
  });

  it('sends call-accepted as ACKNOWLEDGEMENT with the responder as ack_author', async () => {
    const alert = await send(events['call-accepted']);
    expect(alert.message_type).toBe('ACKNOWLEDGEMENT');
    expect(alert.ack_author).toBe('alice');
  });

  it('sends call-ended as RECOVERY with ack_author and the call log', async () => {
    const alert = await send(events['call-ended']);
    expect(alert.message_type).toBe('RECOVERY');
    expect(alert.ack_author).toBe('bob');
    expect(alert.state_message).toContain('1. alice did not answer');
    expect(alert.state_message).toContain('2. bob accepted the call, talked 95 s');
  });

  it('uses the caller CallSid as entity_id for every message of the call', async () => {
    for (const event of Object.values(events)) {
      resetWarmState();
      const alert = await send(event);
      expect(alert.entity_id).toBe(callSid);
      expect(alert.caller).toBe(caller);
      expect(alert.team).toBe('Platform');
      expect(typeof alert.entity_display_name).toBe('string');
      expect(typeof alert.state_message).toBe('string');
      expect(alert.monitoring_tool).toBe('Twilio Live Call Routing');
    }
  });

  it('carries the recording, the reason and the call log of a voicemail', async () => {
    const alert = await send(events['message-left']);
    expect(alert.recording_url).toBe('https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1');
    expect(alert.state_message).toContain('nobody on call accepted the call');
    expect(alert.state_message).toContain('1. alice did not answer\n2. bob was busy');
  });

  it('carries the call-back number, and the transcript text', async () => {
    expect((await send(events['callback-requested'])).callback_number).toBe('15555550177');
    resetWarmState();
    expect((await send(events.transcript)).state_message).toContain('The database is on fire');
  });

  it.each(['missed-call', 'call-accepted'] as const)(
    'tells the responders a %s came after hours, in state_message, and says nothing of it otherwise',
    async (kind) => {
      const note = 'The call came after hours: the Database team was closed.';
      const afterHours = await send({ ...events[kind], afterHours: 'Database' });
      expect(afterHours.state_message).toContain(note);
      resetWarmState();
      expect((await send(events[kind])).state_message).not.toContain('after hours');
    },
  );

  it('says a message that could not be passed on is in the recordings, never that none was left', async () => {
    const missed: IncidentEvent = {
      kind: 'missed-call',
      callSid: 'CA' + '1'.repeat(32),
      team: { name: 'Platform' },
      caller: '+15555550150',
      reason: 'message-not-passed-on',
    };
    const alert = await send(missed);
    expect(alert.state_message).toContain(
      "left a message that could not be passed on; it is in the Twilio account's recordings",
    );
    expect(alert.state_message).not.toContain('left no message');
  });

  it('tells the responders when the call rang fallback numbers, so that the provider gets looked at', async () => {
    const accepted = await send({ ...events['call-accepted'], fallbackRung: true });
    expect(accepted.state_message).toContain("The team's fallback numbers were rung on this call");
    resetWarmState();
    expect((await send(events['call-accepted'])).state_message).not.toContain('fallback numbers');
  });

  it('refuses {result: "failure"} even with HTTP 200, without retrying', async () => {
    mockTeamList();
    captureAlerts(1, () => [200, { result: 'failure', message: 'Invalid routing key' }]);
    const error = await providerError(provider().sendIncidentEvent(events['missed-call'], noDeadline()));
    expect(error.message).toContain('Invalid routing key');
    expect(error.retryable).toBe(false);
  });

  it('refuses an answer with no result at all', async () => {
    mockTeamList();
    captureAlerts(1, () => [200, '']);
    await expect(provider().sendIncidentEvent(events['missed-call'], noDeadline())).rejects.toBeInstanceOf(
      ProviderError,
    );
  });

  it.each([500, 503, 429])('makes HTTP %i from the alert endpoint a retryable ProviderError', async (status) => {
    mockTeamList();
    nock(VO_ALERT_URL).post(new RegExp(ALERT_PATH_PREFIX)).reply(status, { result: 'failure', message: 'down' });
    const error = await providerError(provider().sendIncidentEvent(events['message-left'], noDeadline()));
    expect(error.retryable).toBe(true);
  });

  it('still posts the alert when the REST API is down, routed by a slug made from the team name', async () => {
    apiScope().get('/api-public/v1/team').reply(500);
    const capture = captureAlerts();
    await provider().sendIncidentEvent({ ...events['missed-call'], team: { name: 'Network Ops' } }, noDeadline());
    expect(capture.routingKeys).toEqual(['network-ops']);
    expect(capture.alerts[0].message_type).toBe('CRITICAL');
  });

  it('still posts the alert in time when the REST API hangs: the slug lookup gets a short slice of the budget', async () => {
    apiScope().get('/api-public/v1/team').delay(1200).reply(200, TEAM_LIST);
    const capture = captureAlerts();
    const started = Date.now();
    // The whole budget is shorter than the hang: before the slice, the alert itself had no time left.
    await provider().sendIncidentEvent(events['message-left'], AbortSignal.timeout(1000));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(capture.routingKeys).toEqual(['platform']);
  });
});
