// The mock server's stand-in of Twilio's IncomingPhoneNumbers API, over HTTP: auth, the account
// in the path, lookups, updates and their rules, faults and reset. (Its JSON shapes are checked
// against Twilio's spec in test/contract/twilio-numbers.test.ts.)
import { MOCK_TWILIO_ACCOUNT, startMockProviders, type MockProviders } from '../../simulator/mock-providers';

const ACCOUNT = MOCK_TWILIO_ACCOUNT.accountSid;
const BASE = `/2010-04-01/Accounts/${ACCOUNT}/IncomingPhoneNumbers`;
const SEEDED_SID = 'PN00000000000000000000000000000001';
const APPLICATION = 'AP0000000000000000000000000000a002';
const TRUNK = 'TK0000000000000000000000000000b002';

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
const API_KEY = basic(MOCK_TWILIO_ACCOUNT.apiKeySid, MOCK_TWILIO_ACCOUNT.apiKeySecret);
const AUTH_TOKEN = basic(ACCOUNT, MOCK_TWILIO_ACCOUNT.authToken);

type Json = Record<string, unknown>;

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

async function call(
  method: string,
  path: string,
  { authorization = API_KEY, form }: { authorization?: string | null; form?: Record<string, string> } = {},
): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      ...(authorization === null ? {} : { Authorization: authorization }),
      ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams(form).toString() } : {}),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const update = (sid: string, form: Record<string, string>): Promise<{ status: number; body: Json }> =>
  call('POST', `${BASE}/${sid}.json`, { form });

describe('Twilio IncomingPhoneNumbers stand-in', () => {
  it('seeds the support number with a voice application set', async () => {
    const { status, body } = await call('GET', `${BASE}/${SEEDED_SID}.json`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      sid: SEEDED_SID,
      account_sid: ACCOUNT,
      phone_number: '+15555550100',
      voice_application_sid: 'AP0000000000000000000000000000a001',
      trunk_sid: null,
      voice_fallback_url: null,
      uri: `${BASE}/${SEEDED_SID}.json`,
    });
  });

  it.each([
    ['no credentials', null, 'Authenticate'],
    [
      'a wrong secret',
      basic(MOCK_TWILIO_ACCOUNT.apiKeySid, 'wrong'),
      'Authentication Error - invalid username or password',
    ],
    [
      'an API key with the auth token',
      basic(MOCK_TWILIO_ACCOUNT.apiKeySid, MOCK_TWILIO_ACCOUNT.authToken),
      'Authentication Error - invalid username or password',
    ],
  ])('answers %s with 401 and error 20003 in Twilio’s error body', async (_name, authorization, message) => {
    expect(await call('GET', `${BASE}.json`, { authorization })).toEqual({
      status: 401,
      body: { code: 20003, message, more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 },
    });
  });

  it('takes the auth token as well as the API key', async () => {
    expect((await call('GET', `${BASE}.json`, { authorization: AUTH_TOKEN })).status).toBe(200);
  });

  it('refuses valid credentials for another account in the path', async () => {
    const other = '/2010-04-01/Accounts/AC0000000000000000000000000000beef/IncomingPhoneNumbers.json';
    expect(await call('GET', other)).toMatchObject({ status: 401, body: { code: 20003 } });
  });

  it('answers an unknown sid with 404 and error 20404', async () => {
    const path = `${BASE}/PN0000000000000000000000000000dead.json`;
    expect(await call('GET', path)).toEqual({
      status: 404,
      body: {
        code: 20404,
        message: `The requested resource ${path} was not found`,
        more_info: 'https://www.twilio.com/docs/errors/20404',
        status: 404,
      },
    });
  });

  it('lists by PhoneNumber, a part of it, or with * for a digit', async () => {
    mock.twilioNumbers.add({ phoneNumber: '+15555550177' });
    const numbersFor = async (filter: string): Promise<unknown[]> => {
      const { body } = await call('GET', `${BASE}.json?PhoneNumber=${encodeURIComponent(filter)}`);
      return (body.incoming_phone_numbers as Json[]).map((number) => number.phone_number);
    };
    expect(await numbersFor('+15555550177')).toEqual(['+15555550177']);
    expect(await numbersFor('555555')).toEqual(['+15555550100', '+15555550177']);
    expect(await numbersFor('+1555555010*')).toEqual(['+15555550100']);
    expect(await numbersFor('+19999999999')).toEqual([]);
  });

  it('pages with PageSize and Page, each page URI relative and keeping the filter', async () => {
    mock.twilioNumbers.add({ phoneNumber: '+15555550177' });
    mock.twilioNumbers.add({ phoneNumber: '+15555550178' });
    const { body } = await call('GET', `${BASE}.json?PhoneNumber=555&PageSize=2&Page=1`);
    expect(body).toMatchObject({
      page: 1,
      page_size: 2,
      start: 2,
      end: 2,
      next_page_uri: null,
      previous_page_uri: `${BASE}.json?PhoneNumber=555&PageSize=2&Page=0`,
      first_page_uri: `${BASE}.json?PhoneNumber=555&PageSize=2&Page=0`,
    });
    expect((body.incoming_phone_numbers as Json[]).map((number) => number.phone_number)).toEqual(['+15555550178']);
  });

  it('updates from a form: URLs, methods, and "" clears', async () => {
    const { status, body } = await update(SEEDED_SID, {
      VoiceUrl: 'https://oncall-1234.twil.io/voice',
      VoiceFallbackUrl: 'https://oncall-1234.twil.io/voice-fallback.xml',
      VoiceFallbackMethod: 'GET',
      VoiceApplicationSid: '',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      voice_url: 'https://oncall-1234.twil.io/voice',
      voice_fallback_method: 'GET',
      voice_application_sid: null,
    });
    expect(mock.twilioNumbers.find('+15555550100')).toMatchObject({
      voiceFallbackUrl: 'https://oncall-1234.twil.io/voice-fallback.xml',
      voiceApplicationSid: null,
    });
  });

  it('setting a trunk drops the application, and the other way round, as Twilio does', async () => {
    await update(SEEDED_SID, { TrunkSid: TRUNK });
    expect(mock.twilioNumbers.find('+15555550100')).toMatchObject({ trunkSid: TRUNK, voiceApplicationSid: null });
    await update(SEEDED_SID, { VoiceApplicationSid: APPLICATION });
    expect(mock.twilioNumbers.find('+15555550100')).toMatchObject({ trunkSid: null, voiceApplicationSid: APPLICATION });
  });

  it.each([
    [{ VoiceUrl: 'oncall.example.com/voice' }, 21502],
    [{ VoiceMethod: 'PUT' }, 20001],
    [{ TrunkSid: 'trunk' }, 20001],
  ])('refuses %j with 400 and changes nothing', async (form, code) => {
    const before = mock.twilioNumbers.find('+15555550100');
    expect(await update(SEEDED_SID, form)).toMatchObject({ status: 400, body: { code, status: 400 } });
    expect(mock.twilioNumbers.find('+15555550100')).toEqual(before);
  });

  it('changes nothing when an injected fault stops the update', async () => {
    mock.setFault({ path: '/2010-04-01', kind: 'status', status: 500, times: 1 });
    expect((await update(SEEDED_SID, { VoiceUrl: 'https://oncall-1234.twil.io/voice' })).status).toBe(500);
    expect(mock.twilioNumbers.find('+15555550100')?.voiceUrl).toBe(
      'https://old-service-0000.twil.io/victorops-live-call-routing',
    );
    expect(mock.requests().at(-1)).toMatchObject({ provider: 'twilio-numbers', fault: 'status', status: 500 });
  });

  it('reset puts the seeded numbers back and forgets added ones', async () => {
    mock.twilioNumbers.add({ phoneNumber: '+15555550177' });
    await update(SEEDED_SID, { VoiceUrl: 'https://oncall-1234.twil.io/voice' });
    mock.reset();
    expect(mock.twilioNumbers.list().map((number) => [number.phoneNumber, number.voiceUrl])).toEqual([
      ['+15555550100', 'https://old-service-0000.twil.io/victorops-live-call-routing'],
    ]);
  });

  it('will not add a number twice', () => {
    expect(() => mock.twilioNumbers.add({ phoneNumber: '+15555550100' })).toThrow('already has +15555550100');
  });
});
