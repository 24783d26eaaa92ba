// Twilio refuses URLs over 4000 characters (error 21609), and this project carries call
// state in query strings, so the simulator must refuse them too instead of following them.
import { call, eventsOf } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

const ALICE = '+15555550101';
const URL_TOO_LONG = 21609;

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

/** A path whose absolute URL on the test server is exactly `length` characters. */
function pathOfLength(path: string, length: number): string {
  const prefix = `${path}?state=`;
  return prefix + 'x'.repeat(length - server.url.length - prefix.length);
}

describe('URLs over 4000 characters', () => {
  it('reports a Gather action URL over the limit as an application error and does not request it', async () => {
    server.use({
      '/voice': () => twiml(`<Gather numDigits="1" action="${pathOfLength('/menu', 4001)}"/>`),
      '/menu': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { caller: [{ digits: '1' }] });
    expect(server.to('/menu')).toHaveLength(0);
    expect(report.outcome).toBe('application-error');
    expect(report.endReason).toBe('application-error');
    expect(report.applicationErrors).toEqual([
      expect.objectContaining({ code: URL_TOO_LONG, leg: 'parent', message: expect.stringMatching(/4001 characters/) }),
    ]);
  });

  it('follows a URL of exactly 4000 characters', async () => {
    server.use({
      '/voice': () => twiml(`<Redirect>${pathOfLength('/next', 4000)}</Redirect>`),
      '/next': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url);
    expect(server.to('/next')).toHaveLength(1);
    expect(report.outcome).toBe('completed');
  });

  it('refuses a Redirect over the limit', async () => {
    server.use({
      '/voice': () => twiml(`<Redirect>${pathOfLength('/next', 4001)}</Redirect><Say>after</Say>`),
      '/next': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url);
    expect(server.to('/next')).toHaveLength(0);
    expect(report.applicationErrors[0]?.code).toBe(URL_TOO_LONG);
    expect(eventsOf(report, 'hears').map((event) => event.text)).not.toContain('after');
  });

  it('refuses a <Number url> over the limit on the responder leg, and the Dial goes on unbridged', async () => {
    server.use({
      '/voice': () =>
        twiml(`<Dial action="/dial-result"><Number url="${pathOfLength('/whisper', 4001)}">${ALICE}</Number></Dial>`),
      '/whisper': () => twiml('<Say>Press 1</Say>'),
      '/dial-result': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'accept' } } });
    expect(server.to('/whisper')).toHaveLength(0);
    expect(report.applicationErrors).toEqual([expect.objectContaining({ code: URL_TOO_LONG, leg: 'child' })]);
    expect(server.to('/dial-result')[0]?.params.DialBridged).toBe('false');
  });

  it('refuses a callback URL over the limit', async () => {
    server.use({
      '/voice': () =>
        twiml(
          `<Dial action="/dial-result"><Number statusCallback="${pathOfLength('/status', 4001)}">${ALICE}</Number></Dial>`,
        ),
      '/status': () => ({ body: '', contentType: 'text/plain' }),
      '/dial-result': () => twiml('<Hangup/>'),
    });
    const report = await call(server.url, { responders: { [ALICE]: { behaviour: 'accept' } } });
    expect(server.to('/status')).toHaveLength(0);
    expect(report.outcome).toBe('application-error');
    expect(report.applicationErrors).toEqual([
      expect.objectContaining({
        code: URL_TOO_LONG,
        leg: 'callback',
        message: expect.stringMatching(/^number-status/),
      }),
    ]);
    // A callback steers nothing: the call itself went on.
    expect(report.bridgedTo).toBe(ALICE);
  });
});
