import { startMockProviders, type MockProviders, type MockRoster } from '../../simulator';

// A user without a phone list makes the Splunk On-Call phones route throw while rendering it.
const brokenRoster = {
  teams: [],
  users: [{ username: 'ghost', firstName: 'Gus', lastName: 'Ghost', phones: null }],
} as unknown as MockRoster;

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0, roster: brokenRoster });
});
afterAll(() => mock.stop());

describe('mock providers when a route throws', () => {
  it('answers 500 and records the 500 it sent', async () => {
    const response = await fetch(`${mock.url}/api-public/v1/user/ghost/contact-methods/phones`, {
      headers: { 'X-VO-Api-Id': 'id', 'X-VO-Api-Key': 'key' },
    });
    expect(response.status).toBe(500);
    await response.text();
    // The log entry is completed when the response finishes, just after the client sees it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(mock.requests()).toEqual([
      expect.objectContaining({ path: '/api-public/v1/user/ghost/contact-methods/phones', status: 500 }),
    ]);
  });
});
