// The mocks take any API key but the refused one, so that a wrong key can be tested end to end.
import { MOCK_REFUSED_KEY, startMockProviders, type MockProviders } from '../../simulator/mock-providers';

interface KeyedRequest {
  path: string;
  headers: Record<string, string>;
}

const requests: Record<string, (key: string) => KeyedRequest> = {
  'Splunk On-Call': (key) => ({ path: '/api-public/v1/team', headers: { 'X-VO-Api-Id': 'id', 'X-VO-Api-Key': key } }),
  PagerDuty: (key) => ({ path: '/users/PUALICE/contact_methods', headers: { Authorization: `Token token=${key}` } }),
  Opsgenie: (key) => ({ path: '/v2/teams', headers: { Authorization: `GenieKey ${key}` } }),
};

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
});
afterAll(() => mock.stop());

async function statusOf(server: MockProviders, { path, headers }: KeyedRequest): Promise<number> {
  return (await fetch(`${server.url}${path}`, { headers })).status;
}

describe.each(Object.entries(requests))('%s', (_provider, request) => {
  it('answers 401 to MOCK_REFUSED_KEY and 200 to any other key', async () => {
    expect(await statusOf(mock, request(MOCK_REFUSED_KEY))).toBe(401);
    expect(await statusOf(mock, request('any-other-key'))).toBe(200);
  });
});

it('refuses the keys it is told to instead', async () => {
  const strict = await startMockProviders({ port: 0, refusedKeys: ['revoked'] });
  try {
    expect(await statusOf(strict, requests.Opsgenie('revoked'))).toBe(401);
    expect(await statusOf(strict, requests.Opsgenie(MOCK_REFUSED_KEY))).toBe(200);
  } finally {
    await strict.stop();
  }
});
