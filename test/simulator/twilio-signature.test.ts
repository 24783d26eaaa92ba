import twilio from 'twilio';
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
  const urls = [
    'https://example.twil.io/voice',
    'https://example.twil.io/menu?s=abc&step=2',
    'http://localhost:3000/dial-result?attempt=1&team=Platform%20Primary',
    'http://127.0.0.1:3000/whisper?to=%2B15555550101',
  ];

  it.each(urls)('matches the twilio package for %s', (url) => {
    expect(computeTwilioSignature(AUTH_TOKEN, url, params)).toBe(
      twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, params),
    );
  });

  it.each(urls)('is accepted by twilio.validateRequest for %s', (url) => {
    const signature = computeTwilioSignature(AUTH_TOKEN, url, params);
    expect(twilio.validateRequest(AUTH_TOKEN, signature, url, params)).toBe(true);
    expect(twilio.validateRequest('another-token', signature, url, params)).toBe(false);
  });

  it('depends on the query string and on every parameter', () => {
    const base = computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=1', params);
    expect(computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=2', params)).not.toBe(base);
    expect(computeTwilioSignature(AUTH_TOKEN, 'https://x.test/a?s=1', { ...params, Digits: '3' })).not.toBe(base);
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
