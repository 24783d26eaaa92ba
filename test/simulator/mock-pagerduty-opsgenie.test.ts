import {
  defaultMockRoster,
  opsgenieScheduleName,
  pagerDutyIds,
  startMockProviders,
  type MockProviders,
} from '../../simulator/mock-providers';
import { splitE164 } from '../../simulator/mock-providers/phone-parts';

const PD_AUTH = { Authorization: 'Token token=test-pd-key-secret', Accept: 'application/vnd.pagerduty+json;version=2' };
const OG_AUTH = { Authorization: 'GenieKey test-og-key-secret' };
const PD_PAYLOAD = { summary: 'Voicemail for Platform', source: 'test', severity: 'critical' };

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

async function request(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

interface OnCallsBody {
  oncalls: Array<{ escalation_level: number; user: { id: string; type: string; name?: string; summary: string } }>;
  more: boolean;
  offset: number;
  limit: number;
}

function onCallsOf(body: unknown): OnCallsBody {
  return body as OnCallsBody;
}

describe('derived identifiers', () => {
  it('gives PagerDuty policies and users stable IDs, and Opsgenie schedules their default names', () => {
    const ids = pagerDutyIds(defaultMockRoster);
    const policies = defaultMockRoster.teams.flatMap((team) => team.policies.map((p) => ids.policyId(p)));
    expect(policies).toEqual(['PPLAT01', 'PPLAT02', 'PDATA01', 'PFRON01']);
    expect(defaultMockRoster.users.map((user) => ids.userId(user.username))).toEqual([
      'PUALICE',
      'PUBOB',
      'PUCAROL',
      'PUDAVE',
      'PUERIN',
      'PUFRANK',
      'PUGRACE',
      'PUHEIDI',
      'PUIVAN',
    ]);
    const schedules = defaultMockRoster.teams.flatMap((team) =>
      team.policies.map((p) => opsgenieScheduleName(team, p)),
    );
    expect(schedules).toEqual([
      'Platform_schedule',
      'Platform_Secondary_schedule',
      'Database_schedule',
      'Frontend_schedule',
    ]);
  });

  it('keeps IDs unique when names clash', () => {
    const roster = {
      teams: [],
      users: [
        { username: 'alexander', firstName: '', lastName: '', phones: [] },
        { username: 'alexandra', firstName: '', lastName: '', phones: [] },
      ],
    };
    const ids = pagerDutyIds(roster);
    expect([ids.userId('alexander'), ids.userId('alexandra')]).toEqual(['PUALEXA', 'PUALEXA2']);
  });

  it.each([
    ['+15555550101', '1', '5555550101'],
    ['+447700900123', '44', '7700900123'],
    ['+353861234567', '353', '861234567'],
    ['+79161234567', '7', '9161234567'],
  ])('splits %s into country code %s and national number %s', (e164, countryCode, national) => {
    expect(splitE164(e164)).toEqual({ countryCode, national });
  });
});

describe('PagerDuty REST API', () => {
  it('lists the on-calls of a policy by level, override applied, with full users on include[]=users', async () => {
    const { status, body } = await request(
      'GET',
      '/oncalls?escalation_policy_ids%5B%5D=PPLAT01&include%5B%5D=users&earliest=true&limit=100&offset=0',
      PD_AUTH,
    );
    expect(status).toBe(200);
    const page = onCallsOf(body);
    expect(page.more).toBe(false);
    expect(page.oncalls.map((o) => [o.escalation_level, o.user.id, o.user.type, o.user.name])).toEqual([
      [1, 'PUALICE', 'user', 'Alice Adams'],
      [2, 'PUDAVE', 'user', 'Dave Davis'],
      [3, 'PUCAROL', 'user', 'Carol Clark'],
    ]);
  });

  it('gives user references without include[]=users, and pages with limit/offset/more', async () => {
    const first = onCallsOf(
      (await request('GET', '/oncalls?escalation_policy_ids%5B%5D=PDATA01&limit=2', PD_AUTH)).body,
    );
    expect(first.oncalls.map((o) => [o.user.type, o.user.summary])).toEqual([
      ['user_reference', 'grace'],
      ['user_reference', 'heidi'],
    ]);
    expect([first.more, first.limit, first.offset]).toEqual([true, 2, 0]);
    const second = onCallsOf(
      (await request('GET', '/oncalls?escalation_policy_ids%5B%5D=PDATA01&limit=2&offset=2', PD_AUTH)).body,
    );
    expect(second.oncalls.map((o) => o.user.summary)).toEqual(['ivan']);
    expect(second.more).toBe(false);
  });

  it('answers an empty list for an unknown policy, and 404 for its detail', async () => {
    expect(
      onCallsOf((await request('GET', '/oncalls?escalation_policy_ids%5B%5D=PNOPE99', PD_AUTH)).body).oncalls,
    ).toEqual([]);
    expect((await request('GET', '/escalation_policies/PNOPE99', PD_AUTH)).status).toBe(404);
    expect((await request('GET', '/escalation_policies/PPLAT01', PD_AUTH)).body).toMatchObject({
      escalation_policy: { id: 'PPLAT01', name: 'Platform Primary', type: 'escalation_policy' },
    });
  });

  it('serves contact methods with phones split into country code and national number', async () => {
    const { body } = await request('GET', '/users/PUCAROL/contact_methods', PD_AUTH);
    expect(body).toMatchObject({
      contact_methods: [
        { type: 'email_contact_method', address: 'carol@example.com' },
        { type: 'phone_contact_method', country_code: 1, address: '5555550103', label: 'Mobile' },
        { type: 'phone_contact_method', country_code: 1, address: '5555550113', label: 'Office' },
        { type: 'sms_contact_method', country_code: 1, address: '5555550103' },
      ],
    });
    const grace = await request('GET', '/users/PUGRACE/contact_methods', PD_AUTH);
    expect(grace.body).toEqual({ contact_methods: [expect.objectContaining({ type: 'email_contact_method' })] });
    expect((await request('GET', '/users/PUNOBODY/contact_methods', PD_AUTH)).status).toBe(404);
  });

  it('answers 401 without a Token, and records the request with the key blanked', async () => {
    const { status, body } = await request('GET', '/oncalls', {});
    expect(status).toBe(401);
    expect(body).toEqual({ error: { message: expect.stringContaining('Token token=') } });
    await request('GET', '/oncalls', PD_AUTH);
    const recorded = mock.requests()[1];
    expect(recorded).toMatchObject({ provider: 'pagerduty', path: '/oncalls', status: 200 });
    expect(recorded?.headers.authorization).toBe('[redacted]');
    expect(JSON.stringify(mock.requests())).not.toContain('test-pd-key-secret');
  });
});

describe('PagerDuty Events API v2', () => {
  const trigger = {
    routing_key: 'R0PLATFORM',
    event_action: 'trigger',
    dedup_key: 'CA1',
    payload: { summary: 'Voicemail', source: 'test', severity: 'critical' },
  };

  it('accepts an event with 202 and echoes its dedup_key', async () => {
    const { status, body } = await request('POST', '/v2/enqueue', {}, trigger);
    expect(status).toBe(202);
    expect(body).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'CA1' });
    expect(mock.requests()[0]).toMatchObject({ provider: 'pagerduty-events', body: trigger });
  });

  it.each([
    [{ ...trigger, event_action: 'update' }, /event_action/],
    [{ routing_key: 'R0', event_action: 'resolve' }, /dedup_key/],
    [{ ...trigger, payload: { summary: 'x', source: 'y', severity: 'urgent' } }, /severity/],
    [{ ...trigger, routing_key: '' }, /routing_key/],
  ])('refuses %j with 400 and the reason', async (event, reason) => {
    const { status, body } = await request('POST', '/v2/enqueue', {}, event);
    expect(status).toBe(400);
    expect(body).toEqual({
      status: 'invalid event',
      message: expect.any(String),
      errors: [expect.stringMatching(reason)],
    });
  });
});

describe('Opsgenie API', () => {
  it.each([
    ['Platform_schedule', ['alice', 'dave', 'carol']],
    ['Platform_Secondary_schedule', ['erin', 'frank']],
    ['Database_schedule', ['grace', 'heidi', 'ivan']],
    ['Frontend_schedule', []],
  ])('lists who is on call in %s, in escalation order, by e-mail username', async (schedule, people) => {
    const { status, body } = await request(
      'GET',
      `/v2/schedules/${schedule}/on-calls?scheduleIdentifierType=name&flat=true`,
      OG_AUTH,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      data: { _parent: { name: schedule }, onCallRecipients: people.map((p) => `${p}@example.com`) },
      took: expect.any(Number),
      requestId: expect.any(String),
    });
  });

  it('finds a schedule by id too, lists participants without flat, and 404s an unknown one', async () => {
    const byId = await request('GET', '/v2/schedules/schedule-pol-platform-primary/on-calls', OG_AUTH);
    expect(byId.body).toMatchObject({
      data: { onCallParticipants: [{ name: 'alice@example.com', type: 'user' }, {}, {}] },
    });
    const missing = await request('GET', '/v2/schedules/Nope/on-calls?scheduleIdentifierType=name', OG_AUTH);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: expect.stringContaining('Nope') });
  });

  it('serves voice contacts as "<country code>-<number>"', async () => {
    const { body } = await request('GET', '/v2/users/carol%40example.com/contacts', OG_AUTH);
    expect(body).toMatchObject({
      data: [
        { method: 'email', to: 'carol@example.com' },
        { method: 'voice', to: '1-5555550103', status: { enabled: true } },
        { method: 'voice', to: '1-5555550113' },
        { method: 'sms', to: '1-5555550103' },
      ],
    });
    expect((await request('GET', '/v2/users/nobody%40example.com/contacts', OG_AUTH)).status).toBe(404);
  });

  it('lists teams', async () => {
    const { body } = await request('GET', '/v2/teams', OG_AUTH);
    expect(body).toMatchObject({ data: [{ name: 'Platform' }, { name: 'Database' }, { name: 'Frontend' }] });
  });

  it('accepts alerts and alert actions with 202, and refuses invalid ones with 422', async () => {
    const alert = { message: 'Voicemail for Platform', alias: 'CA1', responders: [{ type: 'team', name: 'Platform' }] };
    expect((await request('POST', '/v2/alerts', OG_AUTH, alert)).status).toBe(202);
    expect(
      (await request('POST', '/v2/alerts/CA1/acknowledge?identifierType=alias', OG_AUTH, { user: 'a' })).status,
    ).toBe(202);
    expect((await request('POST', '/v2/alerts/CA1/notes?identifierType=alias', OG_AUTH, { note: 'hi' })).status).toBe(
      202,
    );
    expect((await request('POST', '/v2/alerts/CA1/close?identifierType=alias', OG_AUTH, {})).status).toBe(202);
    expect((await request('POST', '/v2/alerts', OG_AUTH, { alias: 'CA1' })).status).toBe(422);
    expect((await request('POST', '/v2/alerts', OG_AUTH, { ...alert, details: { seconds: 4 } })).status).toBe(422);
    expect((await request('POST', '/v2/alerts/CA1/notes?identifierType=alias', OG_AUTH, {})).status).toBe(422);
    expect(mock.requests().map((r) => r.provider)).toEqual(Array(7).fill('opsgenie'));
  });

  it('answers 401 without a GenieKey', async () => {
    expect((await request('GET', '/v2/teams', PD_AUTH)).status).toBe(401);
  });
});

describe('one roster, three shapes', () => {
  it('gives every provider the same people with the same phones for Platform', async () => {
    const pd = onCallsOf(
      (await request('GET', '/oncalls?escalation_policy_ids%5B%5D=PPLAT01&include%5B%5D=users', PD_AUTH)).body,
    );
    const pdPhones = await Promise.all(
      pd.oncalls.map(async (o) => {
        const { body } = await request('GET', `/users/${o.user.id}/contact_methods`, PD_AUTH);
        const methods = (body as { contact_methods: Array<{ type: string; country_code?: number; address: string }> })
          .contact_methods;
        const phone = methods.find((m) => m.type === 'phone_contact_method');
        return phone ? `+${phone.country_code}${phone.address}` : undefined;
      }),
    );
    const og = (
      await request('GET', '/v2/schedules/Platform_schedule/on-calls?scheduleIdentifierType=name&flat=true', OG_AUTH)
    ).body as { data: { onCallRecipients: string[] } };
    const ogPhones = await Promise.all(
      og.data.onCallRecipients.map(async (username) => {
        const { body } = await request('GET', `/v2/users/${encodeURIComponent(username)}/contacts`, OG_AUTH);
        const voice = (body as { data: Array<{ method: string; to: string }> }).data.find((c) => c.method === 'voice');
        return voice ? `+${voice.to.replace('-', '')}` : undefined;
      }),
    );
    const vo = await request('GET', '/api-public/v1/user/alice/contact-methods/phones', {
      'X-VO-Api-Id': 'id',
      'X-VO-Api-Key': 'key',
    });
    expect(pdPhones).toEqual(['+15555550101', '+15555550104', '+15555550103']);
    expect(ogPhones).toEqual(pdPhones);
    expect(vo.body).toMatchObject({ contactMethods: [{ value: pdPhones[0] }] });
  });
});

describe('the alerts each service would hold', () => {
  const trigger = { routing_key: 'k', event_action: 'trigger', dedup_key: 'CA1', payload: PD_PAYLOAD };
  const pdEvent = (action: string, dedupKey = 'CA1'): unknown => ({
    routing_key: 'k',
    event_action: action,
    dedup_key: dedupKey,
  });

  it('PagerDuty: a trigger opens the alert, a second one joins it, acknowledge and resolve move it on', async () => {
    for (const event of [trigger, trigger, pdEvent('acknowledge'), pdEvent('resolve')]) {
      expect((await request('POST', '/v2/enqueue', {}, event)).status).toBe(202);
    }
    expect(mock.incidents()).toEqual([
      {
        provider: 'pagerduty',
        key: 'CA1',
        state: 'resolved',
        notifies: true,
        actions: ['trigger', 'trigger', 'acknowledge', 'resolve'],
      },
    ]);
    expect(mock.discardedActions()).toEqual([]);
  });

  it('PagerDuty: an acknowledge or resolve with no open alert is answered 202 and discarded, as the live API does', async () => {
    expect((await request('POST', '/v2/enqueue', {}, pdEvent('acknowledge', 'CA2'))).status).toBe(202);
    await request('POST', '/v2/enqueue', {}, trigger);
    await request('POST', '/v2/enqueue', {}, pdEvent('resolve'));
    await request('POST', '/v2/enqueue', {}, pdEvent('resolve'));
    expect(mock.discardedActions()).toEqual([
      expect.objectContaining({ provider: 'pagerduty', key: 'CA2', action: 'acknowledge' }),
      expect.objectContaining({ provider: 'pagerduty', key: 'CA1', action: 'resolve' }),
    ]);
    expect(mock.incidents()).toEqual([expect.objectContaining({ key: 'CA1', state: 'resolved' })]);
  });

  it('PagerDuty: a trigger after the alert was resolved opens a new one', async () => {
    for (const event of [trigger, pdEvent('resolve'), trigger]) await request('POST', '/v2/enqueue', {}, event);
    expect(mock.incidents().map((incident) => incident.state)).toEqual(['resolved', 'open']);
  });

  it('Opsgenie: an alert without responders pages nobody; actions by alias move it on; an unknown alias is discarded', async () => {
    const visible = { message: 'Live call', alias: 'CA3', visibleTo: [{ type: 'team', name: 'Platform' }] };
    await request('POST', '/v2/alerts', OG_AUTH, visible);
    await request('POST', '/v2/alerts/CA3/acknowledge?identifierType=alias', OG_AUTH, { user: 'alice' });
    await request('POST', '/v2/alerts/CA3/close?identifierType=alias', OG_AUTH, { note: 'done' });
    await request('POST', '/v2/alerts/CA9/acknowledge?identifierType=alias', OG_AUTH, { user: 'alice' });
    expect(mock.incidents()).toEqual([
      {
        provider: 'opsgenie',
        key: 'CA3',
        state: 'resolved',
        notifies: false,
        actions: ['create', 'acknowledge', 'close'],
      },
    ]);
    expect(mock.discardedActions()).toEqual([expect.objectContaining({ key: 'CA9', action: 'acknowledge' })]);
  });

  it('changes nothing for a request an injected fault stopped, or one refused as invalid', async () => {
    mock.setFault({ path: '/v2/enqueue', kind: 'status', status: 503 });
    expect((await request('POST', '/v2/enqueue', {}, trigger)).status).toBe(503);
    mock.clearFaults();
    expect((await request('POST', '/v2/alerts', OG_AUTH, { alias: 'CA4' })).status).toBe(422);
    expect(mock.incidents()).toEqual([]);
  });

  it('serves the ledger on GET /__incidents and forgets it on reset', async () => {
    await request('POST', '/v2/enqueue', {}, trigger);
    const { body } = await request('GET', '/__incidents', {});
    expect(body).toEqual({ incidents: [expect.objectContaining({ key: 'CA1', state: 'open' })], discarded: [] });
    mock.reset();
    expect(mock.incidents()).toEqual([]);
  });
});
