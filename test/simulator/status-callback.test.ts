import twilio from 'twilio';
import { parseCliOptions } from '../../simulator/cli-options';
import { AUTH_TOKEN, call } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

const ALICE = '+15555550101';

let server: TwimlTestServer;
beforeAll(async () => {
  server = await startTwimlServer();
});
afterAll(() => server.close());
beforeEach(() =>
  server.use({
    '/voice': () => twiml('<Gather numDigits="1" action="/menu"><Say>Press 1</Say></Gather>'),
    '/menu': () => twiml(`<Dial action="/dial-result" timeout="20"><Number>${ALICE}</Number></Dial>`),
    '/dial-result': () => twiml('<Say>Goodbye</Say><Hangup/>'),
    '/status': () => ({ body: '', contentType: 'text/plain' }),
  }),
);

const statusCallbacks = (): Array<Record<string, string>> => server.to('/status').map((request) => request.params);

describe('the call status callback', () => {
  it('reports an answered call as completed, with its length, signed like every webhook', async () => {
    await call(
      server.url,
      { caller: [{ digits: '1' }], responders: { [ALICE]: { behaviour: 'accept', talkSeconds: 30 } } },
      { statusCallback: '/status' },
    );
    const [request, ...others] = server.to('/status');
    expect(others).toEqual([]);
    expect(request?.params).toMatchObject({
      CallStatus: 'completed',
      CallbackSource: 'call-progress-events',
      SequenceNumber: '0',
      Direction: 'inbound',
      CallSid: server.to('/voice')[0]?.params.CallSid,
    });
    expect(Number(request?.params.CallDuration)).toBeGreaterThanOrEqual(30);
    expect(
      twilio.validateRequest(
        AUTH_TOKEN,
        String(request?.headers['x-twilio-signature']),
        request?.url ?? '',
        request?.params ?? {},
      ),
    ).toBe(true);
  });

  it('reports completed when the caller hangs up after TwiML answered, even while a responder rings', async () => {
    await call(server.url, { caller: [{ digits: '1' }], callerHangsUpDuringDial: true }, { statusCallback: '/status' });
    expect(statusCallbacks()).toMatchObject([{ CallStatus: 'completed' }]);
  });

  it('reports canceled, lasting 0 s, when the caller hangs up while the first webhook still runs', async () => {
    await call(server.url, { caller: [{ digits: '1' }], callerHangsUpAtHop: 1 }, { statusCallback: '/status' });
    expect(server.to('/voice').map((request) => request.params.CallStatus)).toEqual(['ringing']);
    expect(server.to('/menu')).toEqual([]);
    expect(statusCallbacks()).toMatchObject([{ CallStatus: 'canceled', CallDuration: '0' }]);
  });

  it('reports completed after an application error on the first webhook: Twilio answers to say so', async () => {
    server.use({ '/voice': () => ({ status: 500, body: 'boom', contentType: 'text/plain' }), '/status': () => '' });
    await call(server.url, {}, { statusCallback: '/status' });
    expect(statusCallbacks()).toMatchObject([{ CallStatus: 'completed' }]);
  });

  it('can be delivered twice, identically, as a retry by Twilio would be', async () => {
    const report = await call(
      server.url,
      { caller: [{ digits: '1' }] },
      { statusCallback: '/status', statusCallbackDeliveries: 2 },
    );
    const [first, second, ...others] = server.to('/status');
    expect(others).toEqual([]);
    expect(second?.params).toEqual(first?.params);
    expect(second?.headers['x-twilio-signature']).toBe(first?.headers['x-twilio-signature']);
    expect(report.requests.filter((request) => request.purpose === 'call-status-callback')).toHaveLength(2);
  });

  it('refuses a delivery count that is not a whole number of at least 1', async () => {
    await expect(call(server.url, {}, { statusCallback: '/status', statusCallbackDeliveries: 0 })).rejects.toThrow(
      'statusCallbackDeliveries must be a whole number, 1 or more; got 0',
    );
    expect(server.received).toEqual([]);
  });

  it('takes the delivery count from --status-callback-deliveries', () => {
    const noFiles = (): string => '';
    expect(parseCliOptions(['--status-callback-deliveries', '2'], noFiles).statusCallbackDeliveries).toBe(2);
    expect(() => parseCliOptions(['--status-callback-deliveries', '1.5'], noFiles)).toThrow(/not a whole number/);
    expect(() => parseCliOptions(['--status-callback-deliveries', '0'], noFiles)).toThrow(/not a positive number/);
  });
});
