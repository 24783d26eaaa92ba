// The warm cache and the rate budget through the real local runtime, with the cache on (the
// scenario profiles turn it off so that each scenario meets its own faults). Splunk On-Call
// documents 15 requests a minute for its team list, schedule and phone endpoints.
import { join } from 'node:path';
import { placeCall, startMockProviders, type MockProviders, type RecordedRequest } from '../../simulator';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';
import { AUTH_TOKEN, profileEnv } from './profiles';

const projectDir = join(__dirname, '..', '..');
let mock: MockProviders;
let runtime: LocalRuntime;

beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
  const { ONCALL_CACHE_SECONDS: _off, ...withCache } = profileEnv('victorops', mock.url);
  runtime = await startLocalRuntime({ projectDir, env: withCache });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await mock?.stop();
});

const restRequests = (): RecordedRequest[] => mock.requests().filter((r) => r.path.startsWith('/api-public/'));

async function callPlatform(): Promise<void> {
  const report = await placeCall({
    baseUrl: runtime.url,
    authToken: AUTH_TOKEN,
    from: '+15555550150',
    to: '+15555550100',
    script: { caller: [{ digits: '1' }], responders: { '+15555550101': { behaviour: 'accept', talkSeconds: 1 } } },
  });
  expect(report.bridgedTo).toBe('+15555550101');
}

test('four answered calls to one team within a minute make 8 REST requests, under the 15 a minute: the team list once, one on-call lookup (a schedule request for each of its 4 escalation steps), each of the 3 phones once', async () => {
  mock.reset();
  const started = Date.now();
  for (let i = 0; i < 4; i++) await callPlatform();
  expect(Date.now() - started).toBeLessThan(60_000);
  const requests = restRequests();
  const byEndpoint = (fragment: string): number => requests.filter((r) => r.path.includes(fragment)).length;
  expect({
    total: requests.length,
    teamList: byEndpoint('/v1/team'),
    schedule: byEndpoint('/oncall/schedule'),
    phones: byEndpoint('/contact-methods/phones'),
  }).toEqual({ total: 8, teamList: 1, schedule: 4, phones: 3 });
  expect(requests.length).toBeLessThanOrEqual(15);
});
