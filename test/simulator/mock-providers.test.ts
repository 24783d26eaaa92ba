import { defaultMockRoster, startMockProviders, type MockProviders } from '../../simulator/mock-providers';

const AUTH = { 'X-VO-Api-Id': 'test-api-id', 'X-VO-Api-Key': 'test-api-key-secret' };
const ALERT_PATH = '/integrations/generic/20131114/alert/alert-key/routing-key';

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

async function get(path: string, headers: Record<string, string> = AUTH): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${mock.url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('Splunk On-Call REST API', () => {
  it('lists teams as a bare array', async () => {
    const { status, body } = await get('/api-public/v1/team');
    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect(body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Platform',
          slug: 'platform',
          _selfUrl: '/api-public/v1/team/platform',
          memberCount: 6,
        }),
        expect.objectContaining({ name: 'Database', slug: 'database' }),
      ]),
    );
  });

  it('serves the on-call schedule per escalation step, with overrides', async () => {
    const step0 = await get('/api-public/v2/team/platform/oncall/schedule?step=0');
    expect(step0.status).toBe(200);
    expect(step0.body).toMatchObject({
      team: { name: 'Platform', slug: 'platform' },
      schedules: [
        {
          policy: { name: 'Platform Primary', slug: 'pol-platform-primary' },
          schedule: [{ onCallUser: { username: 'alice' }, rolls: [] }],
        },
        { policy: { name: 'Platform Secondary' }, schedule: [{ onCallUser: { username: 'erin' } }] },
      ],
    });
    const step1 = await get('/api-public/v2/team/platform/oncall/schedule?step=1');
    expect(step1.body).toMatchObject({
      schedules: [
        {
          schedule: [{ onCallUser: { username: 'bob' }, overrideOnCallUser: { username: 'dave' } }],
          overrides: [{ origOnCallUser: { username: 'bob' }, overrideOnCallUser: { username: 'dave' } }],
        },
        { schedule: [{ onCallUser: { username: 'frank' } }], overrides: [] },
      ],
    });
  });

  it('returns empty schedules for a step with nobody on call', async () => {
    const { body } = await get('/api-public/v2/team/platform/oncall/schedule?step=3');
    expect(body).toMatchObject({ schedules: [{ schedule: [] }, { schedule: [] }] });
  });

  it('rejects an unknown team and a bad step', async () => {
    expect((await get('/api-public/v2/team/nope/oncall/schedule?step=0')).status).toBe(404);
    expect((await get('/api-public/v2/team/platform/oncall/schedule?step=9')).status).toBe(400);
  });

  it('serves phones in the live contactMethods shape', async () => {
    const { status, body } = await get('/api-public/v1/user/alice/contact-methods/phones');
    expect(status).toBe(200);
    expect(body).toEqual({
      contactMethods: [
        expect.objectContaining({
          value: '+15555550101',
          rank: 1,
          verified: true,
          label: 'Mobile',
          id: expect.any(Number),
          extId: expect.any(String),
        }),
      ],
      _selfUrl: '/api-public/v1/user/alice/contact-methods/phones',
    });
    expect((await get('/api-public/v1/user/grace/contact-methods/phones')).body).toMatchObject({ contactMethods: [] });
    expect((await get('/api-public/v1/user/nobody/contact-methods/phones')).status).toBe(404);
  });

  it('has a Database team with a phoneless user and a phone shared across steps', () => {
    const database = defaultMockRoster.teams.find((team) => team.slug === 'database');
    const users = database?.policies[0]?.steps.map((step) => step[0]?.user) ?? [];
    const phone = (username: string | undefined): string | undefined =>
      defaultMockRoster.users.find((user) => user.username === username)?.phones[0]?.value;
    expect(phone(users[0])).toBeUndefined();
    expect(phone(users[2])).toBe(phone(users[1]));
    const numbers = defaultMockRoster.users.flatMap((user) => user.phones.map((p) => p.value));
    expect(numbers.every((number) => /^\+155555501\d\d$/.test(number))).toBe(true);
  });

  it('answers 401 with a JSON body without the API headers', async () => {
    const { status, body } = await get('/api-public/v1/team', { 'X-VO-Api-Id': 'only-the-id' });
    expect(status).toBe(401);
    expect(body).toEqual({ message: expect.stringContaining('X-VO-Api-Key') });
  });
});

describe('Splunk On-Call alert endpoint', () => {
  it('accepts a valid message, message_type in any case', async () => {
    const { status, body } = await post(ALERT_PATH, {
      message_type: 'critical',
      entity_id: 'call-CA123',
      state_message: 'Caller needs help',
    });
    expect(status).toBe(200);
    expect(body).toEqual({ result: 'success', entity_id: 'call-CA123' });
  });

  it.each([
    [{ message_type: 'PANIC', entity_id: 'x' }, /message_type/],
    [{ entity_id: 'x' }, /message_type/],
    [{ message_type: 'INFO' }, /entity_id/],
  ])('answers failure for %j', async (body, message) => {
    const response = await post(ALERT_PATH, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ result: 'failure', message: expect.stringMatching(message) });
  });
});

describe('request recording', () => {
  it('records method, path, query, JSON body and headers without the API key', async () => {
    await get('/api-public/v2/team/platform/oncall/schedule?step=2');
    await post(ALERT_PATH, { message_type: 'INFO', entity_id: 'e1' });
    const [lookup, alert] = mock.requests();
    expect(lookup).toMatchObject({
      method: 'GET',
      path: '/api-public/v2/team/platform/oncall/schedule',
      query: { step: '2' },
      status: 200,
    });
    expect(lookup?.headers['x-vo-api-id']).toBe('test-api-id');
    expect(lookup?.headers['x-vo-api-key']).toBe('[redacted]');
    expect(JSON.stringify(mock.requests())).not.toContain('test-api-key-secret');
    expect(alert).toMatchObject({
      method: 'POST',
      body: { message_type: 'INFO', entity_id: 'e1' },
      provider: 'splunk-oncall-alerts',
    });
    expect(alert?.at).toBeGreaterThanOrEqual(lookup?.at ?? Infinity);
  });

  it('serves the log on /__requests, filtered by since, and clears it on /__reset', async () => {
    await get('/api-public/v1/team');
    const later = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await get('/api-public/v1/user/bob/contact-methods/phones');
    const all = (await (await fetch(`${mock.url}/__requests`)).json()) as Array<{ path: string }>;
    expect(all.map((request) => request.path)).toEqual([
      '/api-public/v1/team',
      '/api-public/v1/user/bob/contact-methods/phones',
    ]);
    const recent = (await (await fetch(`${mock.url}/__requests?since=${later}`)).json()) as Array<{ path: string }>;
    expect(recent.map((request) => request.path)).toEqual(['/api-public/v1/user/bob/contact-methods/phones']);
    await fetch(`${mock.url}/__reset`, { method: 'POST' });
    expect(mock.requests()).toEqual([]);
  });
});

describe('fault injection', () => {
  it('answers an injected status for the matching prefix, the given number of times', async () => {
    mock.setFault({ path: '/api-public/v2', kind: 'status', status: 500, times: 1 });
    expect((await get('/api-public/v1/team')).status).toBe(200);
    expect((await get('/api-public/v2/team/platform/oncall/schedule?step=0')).status).toBe(500);
    expect((await get('/api-public/v2/team/platform/oncall/schedule?step=0')).status).toBe(200);
    expect(mock.requests()[1]?.fault).toBe('status');
  });

  it('lets `skip` matching requests through before it applies (a fault for the second alert of a call)', async () => {
    mock.setFault({ path: '/api-public/v2', kind: 'status', status: 503, skip: 2, times: 1 });
    const schedule = '/api-public/v2/team/platform/oncall/schedule?step=0';
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(schedule)).status);
    expect(statuses).toEqual([200, 200, 503, 200]);
  });

  it('hangs until the client gives up', async () => {
    mock.setFault({ path: '*', kind: 'hang' });
    const started = Date.now();
    await expect(
      fetch(`${mock.url}/api-public/v1/team`, { headers: AUTH, signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(mock.requests()[0]?.status).toBeNull();
  });

  it('serves malformed JSON with a 200', async () => {
    mock.setFault({ path: '/api-public/v1/user', kind: 'malformed-json' });
    const response = await fetch(`${mock.url}/api-public/v1/user/alice/contact-methods/phones`, { headers: AUTH });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('rate-limits with 429 and Retry-After', async () => {
    mock.setFault({ path: '*', kind: 'rate-limit', retryAfterSeconds: 2 });
    const response = await fetch(`${mock.url}/api-public/v1/team`, { headers: AUTH });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
  });

  it('adds latency, and accepts faults through POST /__faults', async () => {
    const set = await fetch(`${mock.url}/__faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/api-public/v1/team', kind: 'latency', ms: 120, times: 1 }),
    });
    expect(set.status).toBe(200);
    const started = Date.now();
    expect((await get('/api-public/v1/team')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    const bad = await fetch(`${mock.url}/__faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
    expect(bad.status).toBe(400);
  });

  it('applies a global latency', async () => {
    mock.setLatency(80);
    const started = Date.now();
    await get('/api-public/v1/team');
    mock.setLatency(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
  });
});
