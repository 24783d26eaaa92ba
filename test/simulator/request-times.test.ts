// Each request in a call report says when it was sent, on the clock the mock providers log with,
// so that provider requests can be matched to the webhook that was running.
import { call } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

it('records when each request was sent, in order, within the call', async () => {
  server.use({
    '/voice': () => twiml('<Gather numDigits="1" action="/menu"><Say>Press 1</Say></Gather>'),
    '/menu': () => ({ body: twiml('<Hangup/>'), delayMs: 30 }),
    '/status': () => '',
  });
  const before = Date.now();
  const report = await call(server.url, { caller: [{ digits: '1' }] }, { statusCallback: '/status' });
  const after = Date.now();
  expect(report.requests.map((request) => request.purpose)).toEqual([
    'incoming-call',
    'gather-action',
    'call-status-callback',
  ]);
  const [voice, menu, status] = report.requests;
  expect(voice.at).toBeGreaterThanOrEqual(before);
  expect(menu.at).toBeGreaterThanOrEqual(voice.at);
  // The status callback leaves only once the slow menu webhook has answered.
  expect(status.at).toBeGreaterThanOrEqual(menu.at + 30);
  expect(status.at).toBeLessThanOrEqual(after);
});
