import { readSyncDocument, writeSyncDocument, type SyncSettings } from '../../functions/lib/trace/sync-documents';
import { DEFAULT_SYNC_SERVICE_SID, startMockProviders, type MockProviders } from '../../simulator/mock-providers';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const BASIC = `Basic ${Buffer.from(`${ACCOUNT_SID}:any-token`).toString('base64')}`;
const DOCUMENTS = '/v1/Services/default/Documents';
const START_MS = Date.parse('2026-03-01T12:00:00Z');

let mock: MockProviders;
let nowMs = START_MS;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0, now: () => nowMs });
});
afterAll(() => mock.stop());
beforeEach(() => {
  mock.reset();
  nowMs = START_MS;
});

type Json = Record<string, unknown>;

async function call(
  method: 'GET' | 'POST',
  path: string,
  form?: Record<string, string>,
  authorization: string | null = BASIC,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      ...(authorization ? { Authorization: authorization } : {}),
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const create = (form: Record<string, string>): Promise<{ status: number; body: Json }> => call('POST', DOCUMENTS, form);

describe('Twilio Sync Documents stand-in', () => {
  it('creates a Document in Twilio’s shape, with its TTL as date_expires', async () => {
    const { status, body } = await create({ UniqueName: 'call-CA1', Data: '{"hops":1}', Ttl: '3600' });
    expect(status).toBe(201);
    expect(body).toEqual({
      sid: expect.stringMatching(/^ET[0-9a-f]{32}$/),
      unique_name: 'call-CA1',
      account_sid: ACCOUNT_SID,
      service_sid: DEFAULT_SYNC_SERVICE_SID,
      url: `${mock.url}/v1/Services/${DEFAULT_SYNC_SERVICE_SID}/Documents/${String(body.sid)}`,
      links: {
        permissions: `${mock.url}/v1/Services/${DEFAULT_SYNC_SERVICE_SID}/Documents/${String(body.sid)}/Permissions`,
      },
      revision: '0',
      data: { hops: 1 },
      date_expires: '2026-03-01T13:00:00Z',
      date_created: '2026-03-01T12:00:00Z',
      date_updated: '2026-03-01T12:00:00Z',
      created_by: 'system',
    });
  });

  it('refuses a second Document with the same unique name: 409, code 54301', async () => {
    await create({ UniqueName: 'call-CA1', Data: '{}' });
    const { status, body } = await create({ UniqueName: 'call-CA1', Data: '{"again":true}' });
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 54301, status: 409, more_info: 'https://www.twilio.com/docs/errors/54301' });
    expect(mock.syncDocuments().map((document) => document.data)).toEqual([{}]);
  });

  it('fetches by unique name and by SID, under "default" or the service SID; 404 with code 20404 otherwise', async () => {
    const { body: created } = await create({ UniqueName: 'call-CA1', Data: '{"a":1}' });
    for (const path of [
      `${DOCUMENTS}/call-CA1`,
      `${DOCUMENTS}/${String(created.sid)}`,
      `/v1/Services/${DEFAULT_SYNC_SERVICE_SID}/Documents/call-CA1`,
    ]) {
      expect(await call('GET', path)).toMatchObject({ status: 200, body: { sid: created.sid, data: { a: 1 } } });
    }
    const missing = await call('GET', `${DOCUMENTS}/call-CA2`);
    expect(missing).toMatchObject({ status: 404, body: { code: 20404, status: 404 } });
    const otherService = await call('GET', '/v1/Services/IS0123456789abcdef0123456789abcdef/Documents/call-CA1');
    expect(otherService.status).toBe(404);
  });

  it('knows no service by another name', async () => {
    expect(await call('GET', '/v1/Services/my-service/Documents/x')).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
  });

  it('updates Data and Ttl, counting revisions; a Ttl of 0 means it never expires', async () => {
    await create({ UniqueName: 'call-CA1', Data: '{"a":1}', Ttl: '60' });
    nowMs += 10_000;
    const first = await call('POST', `${DOCUMENTS}/call-CA1`, { Data: '{"a":2}', Ttl: '120' });
    expect(first).toMatchObject({
      status: 200,
      body: {
        revision: '1',
        data: { a: 2 },
        date_updated: '2026-03-01T12:00:10Z',
        date_expires: '2026-03-01T12:02:10Z',
      },
    });
    const second = await call('POST', `${DOCUMENTS}/call-CA1`, { Ttl: '0' });
    expect(second).toMatchObject({ status: 200, body: { revision: '2', data: { a: 2 }, date_expires: null } });
  });

  it('refuses an update with neither Data nor Ttl (54010) and an unknown Document (404)', async () => {
    await create({ UniqueName: 'call-CA1' });
    expect(await call('POST', `${DOCUMENTS}/call-CA1`, {})).toMatchObject({ status: 400, body: { code: 54010 } });
    expect(await call('POST', `${DOCUMENTS}/nope`, { Data: '{}' })).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
  });

  it.each([
    ['Data that is not JSON', { Data: '{oops' }, 54008],
    ['Data that is not an object', { Data: '[1,2]' }, 54101],
    ['a Ttl that is not whole seconds', { Ttl: '1.5' }, 20001],
  ])('refuses %s with a 400', async (_label, form, code) => {
    const { status, body } = await create({ UniqueName: 'call-CA1', ...form });
    expect({ status, code: body.code }).toEqual({ status: 400, code });
    expect(mock.syncDocuments()).toEqual([]);
  });

  it('needs HTTP basic auth: 401 with code 20003', async () => {
    expect(await call('GET', `${DOCUMENTS}/x`, undefined, null)).toMatchObject({ status: 401, body: { code: 20003 } });
    expect(await call('GET', `${DOCUMENTS}/x`, undefined, 'Bearer abc')).toMatchObject({ status: 401 });
    expect(await call('GET', `${DOCUMENTS}/x`, undefined, `Basic ${btoa(`${ACCOUNT_SID}:`)}`)).toMatchObject({
      status: 401,
    });
  });

  it('honours TTLs: an expired Document is gone from fetches, updates and the list', async () => {
    await create({ UniqueName: 'short', Data: '{}', Ttl: '30' });
    await create({ UniqueName: 'forever', Data: '{}' });
    nowMs += 29_000;
    expect((await call('GET', `${DOCUMENTS}/short`)).status).toBe(200);
    nowMs += 1_000;
    expect((await call('GET', `${DOCUMENTS}/short`)).status).toBe(404);
    expect((await call('POST', `${DOCUMENTS}/short`, { Data: '{}' })).status).toBe(404);
    expect(mock.syncDocuments().map((document) => document.uniqueName)).toEqual(['forever']);
    // The unique name is free again.
    expect((await create({ UniqueName: 'short' })).status).toBe(201);
  });

  it('lists what it holds on GET /__sync, forgets it on reset, and logs requests as twilio-sync', async () => {
    await create({ UniqueName: 'call-CA1', Data: '{"a":1}', Ttl: '60' });
    const listed = (await (await fetch(`${mock.url}/__sync`)).json()) as unknown;
    expect(listed).toEqual([
      {
        serviceSid: DEFAULT_SYNC_SERVICE_SID,
        sid: expect.stringMatching(/^ET/),
        uniqueName: 'call-CA1',
        data: { a: 1 },
        revision: '0',
        dateCreated: '2026-03-01T12:00:00Z',
        dateUpdated: '2026-03-01T12:00:00Z',
        dateExpires: '2026-03-01T12:01:00Z',
      },
    ]);
    expect(mock.requests()).toMatchObject([
      {
        provider: 'twilio-sync',
        method: 'POST',
        path: DOCUMENTS,
        status: 201,
        headers: { authorization: '[redacted]' },
      },
    ]);
    await fetch(`${mock.url}/__reset`, { method: 'POST' });
    expect(mock.syncDocuments()).toEqual([]);
  });

  it('changes nothing when an injected fault answers instead, and records the fault', async () => {
    mock.setFault({ path: '/v1/Services', kind: 'status', status: 503, times: 1 });
    expect((await create({ UniqueName: 'call-CA1', Data: '{}' })).status).toBe(503);
    expect(mock.syncDocuments()).toEqual([]);
    expect(mock.requests()).toMatchObject([{ provider: 'twilio-sync', fault: 'status', status: 503 }]);
    expect((await create({ UniqueName: 'call-CA1', Data: '{}' })).status).toBe(201);
  });

  it('delays its answers by the mock latency', async () => {
    mock.setLatency(150);
    try {
      const started = Date.now();
      await create({ UniqueName: 'call-CA1' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      mock.setLatency(0);
    }
  });
});

describe('the Sync client against the stand-in', () => {
  const settings = (): SyncSettings => ({
    accountSid: ACCOUNT_SID,
    authToken: 'any-token',
    serviceSid: 'default',
    apiUrl: mock.url,
  });
  const signal = (): AbortSignal => AbortSignal.timeout(5000);

  it('creates, then updates on the second write, and reads back the latest data', async () => {
    await expect(readSyncDocument(settings(), 'call-CA9', signal())).resolves.toBeUndefined();
    await writeSyncDocument(settings(), 'call-CA9', { steps: ['greeting'] }, 600, signal());
    await writeSyncDocument(settings(), 'call-CA9', { steps: ['greeting', 'menu'] }, 600, signal());
    await expect(readSyncDocument(settings(), 'call-CA9', signal())).resolves.toEqual({ steps: ['greeting', 'menu'] });
    expect(mock.syncDocuments()).toMatchObject([{ uniqueName: 'call-CA9', revision: '1' }]);
    expect(mock.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET ${DOCUMENTS}/call-CA9 404`,
      `POST ${DOCUMENTS} 201`,
      `POST ${DOCUMENTS} 409`,
      `POST ${DOCUMENTS}/call-CA9 200`,
      `GET ${DOCUMENTS}/call-CA9 200`,
    ]);
  });
});
