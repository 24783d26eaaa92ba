import { callWaitOf, type WaitExchange } from '../../bench/call-wait';

function hop(purpose: WaitExchange['purpose'], path: string, at: number, ms: number, body: string): WaitExchange {
  return { purpose, path, at, ms, isHop: true, responseBody: `<Response>${body}</Response>` };
}

const greeting = hop('incoming-call', '/voice', 1000, 12, '<Gather action="/menu"><Say>Press 1</Say></Gather>');
const ring = '<Say>Connecting you</Say><Dial><Number url="/whisper">+15555550101</Number></Dial>';

describe('callWaitOf', () => {
  it('reads the wait from the key press to the first ring', () => {
    const menu = hop('gather-action', '/menu?s=abc', 1050, 30.5, ring);
    const whisper = hop('number-url', '/whisper?s=def', 1100, 5, '<Gather/>');
    expect(callWaitOf([greeting, menu, whisper], 'first ring')).toEqual({
      hopsToAnswer: 2,
      hopsAfterKey: 1,
      msToAnswer: 42.5,
      keyWebhookMs: 30.5,
      window: { startMs: 1050, endMs: 1080.5 },
    });
  });

  it('counts every webhook between the key and the ring, and takes the last key before it', () => {
    const retry = hop('gather-action', '/menu?try=1', 1050, 4, '<Gather action="/menu"><Say>Sorry</Say></Gather>');
    const key = hop('gather-action', '/menu?try=2', 1100, 6, '<Redirect>/lookup</Redirect>');
    const lookup = hop('redirect', '/lookup', 1110, 40, ring);
    const wait = callWaitOf([greeting, retry, key, lookup], 'first ring');
    expect(wait.hopsAfterKey).toBe(2);
    expect(wait.keyWebhookMs).toBe(6);
    expect(wait.window).toEqual({ startMs: 1100, endMs: 1150 });
  });

  it('without a key, waits from the call’s arrival', () => {
    const direct = hop('incoming-call', '/voice', 2000, 250, ring);
    expect(callWaitOf([direct], 'first ring')).toMatchObject({
      hopsToAnswer: 1,
      hopsAfterKey: null,
      keyWebhookMs: null,
      window: { startMs: 2000, endMs: 2250 },
    });
  });

  it('leaves callbacks out of the hops', () => {
    const callback: WaitExchange = {
      purpose: 'call-status-callback',
      path: '/call-status',
      at: 1010,
      ms: 99,
      isHop: false,
    };
    const menu = hop('gather-action', '/menu', 1050, 30, ring);
    expect(callWaitOf([greeting, callback, menu], 'first ring').msToAnswer).toBe(42);
  });

  it('finds the voicemail prompt when that is what the caller waits for', () => {
    const menu = hop('gather-action', '/menu', 1050, 2000, '<Say>Nobody answered</Say><Record action="/recorded"/>');
    expect(callWaitOf([greeting, menu], 'voicemail prompt')).toMatchObject({ hopsAfterKey: 1, msToAnswer: 2012 });
  });

  it('says which webhooks ran when the awaited answer never came', () => {
    const menu = hop('gather-action', '/menu?s=secret', 1050, 20, '<Say>Goodbye</Say><Hangup/>');
    expect(() => callWaitOf([greeting, menu], 'first ring', 'CA123')).toThrow(
      'CA123: no webhook answered with the first ring (<Dial); webhooks: /voice → /menu',
    );
  });
});
