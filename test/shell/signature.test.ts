import twilio from 'twilio';
import { isSignedByTwilio } from '../../functions/lib/shell/signature';
import type { TwilioEvent } from '../../functions/lib/shell/twilio-event';

const AUTH_TOKEN = 'signature-test-auth-token-abcdef';
const HOST = 'localhost:3000';
const ORIGIN = { domainName: HOST, path: '/menu' };
const TOKEN = 'Zm9vYmFyYmF6cXV4X3N0YXRlX3Rva2VuX2Zvcl90ZXN0c19vbmx5';
const PARAMS: Record<string, string> = {
  AccountSid: `AC${'0'.repeat(32)}`,
  CallSid: `CA${'1'.repeat(32)}`,
  From: '+15555550150',
  To: '+15555550100',
  Digits: '1',
};

function event(
  options: {
    url?: string;
    params?: Record<string, string>;
    token?: string | undefined;
    signWith?: string;
    headers?: Record<string, string>;
  } = {},
): TwilioEvent {
  const params = options.params ?? PARAMS;
  const token = 'token' in options ? options.token : TOKEN;
  const url = options.url ?? `http://${HOST}/menu${token !== undefined ? `?s=${token}` : ''}`;
  const signature = twilio.getExpectedTwilioSignature(options.signWith ?? AUTH_TOKEN, url, params);
  return {
    ...params,
    ...(token !== undefined ? { s: token } : {}),
    request: { headers: options.headers ?? { host: HOST, 'x-twilio-signature': signature } },
  };
}

describe('isSignedByTwilio', () => {
  it('accepts a request signed over the URL with its state token and the form parameters', () => {
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, event())).toBe(true);
  });

  it('accepts the https URL Twilio signs in the cloud', () => {
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, event({ url: `https://${HOST}/menu?s=${TOKEN}` }))).toBe(true);
  });

  it('accepts the first webhook, whose URL has no query string', () => {
    expect(
      isSignedByTwilio(
        AUTH_TOKEN,
        { domainName: HOST, path: '/voice' },
        event({ url: `https://${HOST}/voice`, token: undefined }),
      ),
    ).toBe(true);
  });

  it('accepts a signature over DOMAIN_NAME when the Host header differs (a proxy)', () => {
    const signed = event({ url: `https://example-1234.twil.io/menu?s=${TOKEN}` });
    const headers = signed.request?.headers ?? {};
    const viaProxy: TwilioEvent = { ...signed, request: { headers: { ...headers, host: 'internal:8080' } } };
    expect(isSignedByTwilio(AUTH_TOKEN, { domainName: 'example-1234.twil.io', path: '/menu' }, viaProxy)).toBe(true);
  });

  it('refuses a signature made with another auth token', () => {
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, event({ signWith: 'someone-elses-token' }))).toBe(false);
  });

  it('refuses when a form parameter was altered after signing', () => {
    const signed = event();
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, { ...signed, Digits: '2' })).toBe(false);
  });

  it('refuses when a form parameter was added after signing', () => {
    const signed = event();
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, { ...signed, ParentCallSid: `CA${'2'.repeat(32)}` })).toBe(false);
  });

  it('refuses when the query token was swapped after signing', () => {
    const signed = event();
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, { ...signed, s: `${TOKEN.slice(0, -1)}A` })).toBe(false);
  });

  it('refuses when the query token was removed after signing', () => {
    const { s: _removed, ...withoutToken } = event();
    expect(_removed).toBe(TOKEN);
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, withoutToken)).toBe(false);
  });

  it('refuses a request signed for another function', () => {
    expect(isSignedByTwilio(AUTH_TOKEN, { domainName: HOST, path: '/screen' }, event())).toBe(false);
  });

  it('refuses a request with no X-Twilio-Signature header, or no headers at all', () => {
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, event({ headers: { host: HOST } }))).toBe(false);
    const bare: TwilioEvent = { ...event(), request: undefined };
    expect(isSignedByTwilio(AUTH_TOKEN, ORIGIN, bare)).toBe(false);
  });

  it('refuses everything when AUTH_TOKEN is not set', () => {
    expect(isSignedByTwilio(undefined, ORIGIN, event())).toBe(false);
    expect(isSignedByTwilio('', ORIGIN, event({ signWith: '' }))).toBe(false);
  });

  it('refuses when the function path is unknown', () => {
    expect(isSignedByTwilio(AUTH_TOKEN, { domainName: HOST }, event())).toBe(false);
  });
});
