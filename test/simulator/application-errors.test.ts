import { call, eventsOf } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());

describe('application errors', () => {
  it.each([
    ['a 500', { status: 500, body: 'boom', contentType: 'text/plain' }, 11200],
    ['a 404', { status: 404, body: twiml('<Say>hi</Say>') }, 11200],
    ['a non-XML body', { body: 'Hello there', contentType: 'text/xml' }, 12100],
    ['a bare & in TwiML', { body: twiml('<Redirect>/a?x=1&y=2</Redirect>') }, 12100],
    ['a JSON content type', { body: '{"twiml": true}', contentType: 'application/json' }, 12300],
    ['a root other than <Response>', { body: '<Twiml><Say>hi</Say></Twiml>' }, 12100],
  ])('reports %s as an application error and ends the call', async (_name, answer, code) => {
    server.use({ '/voice': () => twiml('<Redirect>/broken</Redirect><Say>after</Say>'), '/broken': () => answer });
    const report = await call(server.url);
    expect(report.outcome).toBe('application-error');
    expect(report.endReason).toBe('application-error');
    expect(report.applicationErrors).toEqual([
      expect.objectContaining({ code, leg: 'parent', url: `${server.url}/broken` }),
    ]);
    expect(eventsOf(report, 'hears').map((event) => event.text)).toEqual([
      'We are sorry, an application error has occurred. Goodbye.',
    ]);
  });

  it('gives up on a handler slower than the timeout (error 11205)', async () => {
    server.use({ '/voice': () => ({ body: twiml('<Hangup/>'), delayMs: 5000 }) });
    const report = await call(server.url, {}, { requestTimeoutMs: 200 });
    expect(report.applicationErrors[0]?.code).toBe(11205);
    expect(report.requests[0]?.status).toBeNull();
    expect(report.requests[0]?.ms).toBeGreaterThanOrEqual(190);
    expect(report.requests[0]?.ms).toBeLessThan(2000);
  });

  it('reports a failing whisper on the responder leg and goes on with the Dial', async () => {
    server.use({
      '/voice': () => twiml('<Dial action="/dial-result"><Number url="/whisper">+15555550101</Number></Dial>'),
      '/whisper': () => ({ status: 500, body: 'boom', contentType: 'text/plain' }),
      '/dial-result': () => twiml('<Say>Sorry</Say><Hangup/>'),
    });
    const report = await call(server.url, { responders: { '+15555550101': { behaviour: 'accept' } } });
    expect(report.outcome).toBe('application-error');
    expect(report.applicationErrors[0]?.leg).toBe('child');
    expect(server.to('/dial-result')[0]?.params.DialBridged).toBe('false');
    expect(report.endReason).toBe('hangup-verb');
  });

  it('reports a callback that fails', async () => {
    server.use({
      '/voice': () => twiml('<Record action="/recorded" transcribeCallback="/transcribed"/>'),
      '/recorded': () => twiml('<Hangup/>'),
      '/transcribed': () => ({ status: 500, body: '', contentType: 'text/plain' }),
    });
    const report = await call(server.url, { voicemail: { action: 'leave-message', seconds: 5 } });
    expect(report.outcome).toBe('application-error');
    expect(report.applicationErrors[0]).toMatchObject({ leg: 'callback', code: 11200 });
  });

  it('stops a redirect loop at maxHops', async () => {
    server.use({ '/voice': () => twiml('<Redirect>/voice</Redirect>') });
    const report = await call(server.url, {}, { maxHops: 5 });
    expect(server.received).toHaveLength(5);
    expect(report.outcome).toBe('max-hops-exceeded');
    expect(report.endReason).toBe('max-hops');
  });

  it('reports a refused connection as an application error', async () => {
    const report = await call('http://127.0.0.1:9');
    expect(report.outcome).toBe('application-error');
    expect(report.applicationErrors[0]?.code).toBe(11200);
  });
});
