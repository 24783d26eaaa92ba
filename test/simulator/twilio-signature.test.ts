import twilio from 'twilio';
import { isSignedByTwilio } from '../../functions/lib/shell/signature';
import { computeTwilioSignature } from '../../simulator';
import { AUTH_TOKEN, call } from './helpers/call';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

const params = {
  CallSid: 'CA0123456789abcdef0123456789abcdef',
  From: '+15555550150',
  To: '+15555550100',
  Digits: '2',
  SpeechResult: 'the database is on fire & slow',
};

describe('computeTwilioSignature', () => {
  it("reproduces the worked example on Twilio's webhook security page", () => {
    // https://www.twilio.com/docs/usage/security#validating-requests
    const example = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    expect(computeTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', example)).toBe(
      '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    );
  });

  it("is accepted by the functions' own check, state token and host included", () => {
    const url = 'http://localhost:3000/menu?s=c3RhdGUtdG9rZW4';
    const signature = computeTwilioSignature(AUTH_TOKEN, url, params);
    const event = {
      ...params,
      s: 'c3RhdGUtdG9rZW4',
      request: { headers: { host: 'localhost:3000', 'x-twilio-signature': signature } },
    };
    const origin = { domainName: 'localhost:3000', path: '/menu' };
    expect(isSignedByTwilio(AUTH_TOKEN, origin, event)).toBe(true);
    expect(isSignedByTwilio('another-token', origin, event)).toBe(false);
    expect(isSignedByTwilio(AUTH_TOKEN, origin, { ...event, Digits: '9' })).toBe(false);
  });

  it('depends on the token, the query string and every parameter', () => {
    const base = computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=1', params);
    expect(computeTwilioSignature('another-token', 'https://x.test/a?s=1', params)).not.toBe(base);
    expect(computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=2', params)).not.toBe(base);
    expect(computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=1', { ...params, Digits: '3' })).not.toBe(base);
    expect(computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=1', { ...params, Extra: '' })).not.toBe(base);
  });
});

describe('requests sent by the simulator', () => {
  let server: TwimlTestServer;
  beforeAll(async () => {
    server = await startTwimlServer({
      '/voice': () => twiml('<Gather numDigits="1" action="/menu?s=abc&amp;n=1"><Say>Press 1</Say></Gather>'),
      '/menu': () => twiml('<Hangup/>'),
    });
  });
  afterAll(() => server.close());

  it('carry a signature twilio.validateRequest accepts, query strings included', async () => {
    await call(server.url, { caller: [{ digits: '1' }] });
    expect(server.received).toHaveLength(2);
    for (const request of server.received) {
      expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
      const signature = String(request.headers['x-twilio-signature']);
      expect(twilio.validateRequest(AUTH_TOKEN, signature, request.url, request.params)).toBe(true);
    }
    expect(server.received[1]?.url).toBe(`${server.url}/menu?s=abc&n=1`);
  });

  it('send the inbound-call parameters Twilio sends', async () => {
    await call(server.url, { caller: [{ digits: '1' }] });
    const first = server.received[0]?.params ?? {};
    expect(first.CallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(first.AccountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(first).toMatchObject({
      From: '+15555550150',
      Caller: '+15555550150',
      To: '+15555550100',
      Called: '+15555550100',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
      CallStatus: 'ringing',
    });
    expect(server.received[1]?.params).toMatchObject({
      CallSid: first.CallSid,
      Digits: '1',
      CallStatus: 'in-progress',
    });
  });
});
