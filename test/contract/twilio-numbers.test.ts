// Contract: every request `npm run connect-number` sends to Twilio's IncomingPhoneNumbers API, as
// the twilio library really sends it (captured with nock at https://api.twilio.com), and every
// answer of the simulator's stand-in that the command reads, validated against Twilio's spec
// (the vendored subset; fix-ups in twilio-api-spec.ts).
import { MOCK_TWILIO_ACCOUNT } from '../../simulator/mock-providers';
import type { MockRequest } from '../../simulator/mock-providers/provider-api';
import { MockNumberBook } from '../../simulator/mock-providers/twilio-number-book';
import { twilioNumbersApi } from '../../simulator/mock-providers/twilio-numbers';
import type { OutcomeJson } from '../../cli/connect-number/report';
import { restoreArgs } from '../../cli/connect-number/restore-command';
import { runInProcess } from '../cli/helpers/connect-number';
import { useOfflineNock } from '../providers/adapter-test-kit';
import { captureRequests } from './capture';
import { operationIdFor, requestProblems, responseProblems, type SpecCheck, type WireRequest } from './openapi-check';
import { LIST_NUMBERS, loadTwilioApiSpec } from './twilio-api-spec';
import { objectAt, type JsonObject } from './spec-files';

const TWILIO = 'https://api.twilio.com';
const NUMBER = '+15555550100';
const SERVICE = 'https://oncall-1234.twil.io';
const API_KEY_ENV = {
  ACCOUNT_SID: MOCK_TWILIO_ACCOUNT.accountSid,
  TWILIO_API_KEY: MOCK_TWILIO_ACCOUNT.apiKeySid,
  TWILIO_API_SECRET: MOCK_TWILIO_ACCOUNT.apiKeySecret,
};
const AUTH_TOKEN_ENV = { ACCOUNT_SID: MOCK_TWILIO_ACCOUNT.accountSid, AUTH_TOKEN: MOCK_TWILIO_ACCOUNT.authToken };

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

interface Answer {
  operationId: string;
  status: number;
  body: unknown;
}

/** The form fields of a captured request, as the spec's request body schema reads them. */
function withFormBody(request: WireRequest): WireRequest {
  return typeof request.body === 'string'
    ? { ...request, body: Object.fromEntries(new URLSearchParams(request.body)) }
    : request;
}

let twilio: { check: SpecCheck; spec: JsonObject };

beforeAll(async () => {
  twilio = await loadTwilioApiSpec();
}, 20_000);

useOfflineNock();

/**
 * nock captures what the library sends to Twilio; the stand-in's own route answers it, over a
 * fresh account, and each answer is kept with the operation it is for.
 */
function standIn(): { captured: WireRequest[]; answers: Answer[]; book: MockNumberBook } {
  const book = new MockNumberBook();
  const api = twilioNumbersApi(book, MOCK_TWILIO_ACCOUNT);
  const answers: Answer[] = [];
  const captured = captureRequests(TWILIO, (request) => {
    const url = new URL(request.url, TWILIO);
    const mockRequest: MockRequest = {
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: request.headers,
      body: undefined,
      bodyText: typeof request.body === 'string' ? request.body : '',
    };
    const response = api.route(mockRequest);
    if (!response) throw new Error(`the stand-in does not serve ${request.method} ${request.url}`);
    response.effect?.();
    answers.push({ operationId: operationIdFor(twilio.check, request) ?? 'none', ...response });
    return [response.status, response.body];
  });
  return { captured, answers, book };
}

function expectValidRequests(captured: WireRequest[], operations: string[], authorization: string): void {
  expect(captured.map((request) => operationIdFor(twilio.check, request))).toEqual(operations);
  for (const request of captured) {
    const operationId = operationIdFor(twilio.check, request) ?? 'none';
    expect({
      request: `${request.method} ${request.url}`,
      problems: requestProblems(twilio.check, operationId, withFormBody(request)),
      authorization: request.headers.authorization,
    }).toEqual({ request: `${request.method} ${request.url}`, problems: [], authorization });
  }
}

function expectValidAnswers(answers: Answer[]): void {
  expect(answers.length).toBeGreaterThan(0);
  for (const answer of answers) {
    expect({
      ...answer,
      problems: responseProblems(twilio.check, answer.operationId, answer.status, answer.body),
    }).toMatchObject({ status: 200, problems: [] });
  }
}

async function outcome(args: string[], env: Record<string, string> = API_KEY_ENV): Promise<OutcomeJson> {
  const run = await runInProcess([...args, '--json'], env);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as OutcomeJson;
}

describe('Twilio IncomingPhoneNumbers contract', () => {
  const apiKey = basic(MOCK_TWILIO_ACCOUNT.apiKeySid, MOCK_TWILIO_ACCOUNT.apiKeySecret);

  it('showing a number: one list request, filtered by PhoneNumber, with the API key', async () => {
    const { captured, answers } = standIn();
    await outcome(['--number', NUMBER]);
    expectValidRequests(captured, ['ListIncomingPhoneNumber'], apiKey);
    expect(new URL(captured[0]?.url ?? '', TWILIO).searchParams.get('PhoneNumber')).toBe(NUMBER);
    expectValidAnswers(answers);
  });

  it('connecting: the list, then one update that sets the URLs and clears the application', async () => {
    const { captured, answers } = standIn();
    await outcome(['--number', NUMBER, '--url', SERVICE]);
    expectValidRequests(captured, ['ListIncomingPhoneNumber', 'UpdateIncomingPhoneNumber'], apiKey);
    expect(withFormBody(captured[1] as WireRequest).body).toEqual({
      VoiceUrl: `${SERVICE}/voice`,
      VoiceFallbackUrl: `${SERVICE}/voice-fallback.xml`,
      VoiceFallbackMethod: 'GET',
      StatusCallback: `${SERVICE}/call-status`,
      VoiceApplicationSid: '',
    });
    expectValidAnswers(answers);
  });

  it('undoing: the update puts back an application and clears the URLs that were unset', async () => {
    const { captured, answers, book } = standIn();
    const connected = await outcome(['--number', NUMBER, '--url', SERVICE]);
    captured.length = 0;
    answers.length = 0;
    const undo = await outcome(restoreArgs(connected.before));
    expectValidRequests(captured, ['ListIncomingPhoneNumber', 'UpdateIncomingPhoneNumber'], apiKey);
    expect(withFormBody(captured[1] as WireRequest).body).toMatchObject({
      VoiceFallbackUrl: '',
      StatusCallback: '',
      VoiceApplicationSid: 'AP0000000000000000000000000000a001',
    });
    expect(undo.after.voiceApplicationSid).toBe(book.find(NUMBER)?.voiceApplicationSid);
    expectValidAnswers(answers);
  });

  it('a number on a trunk: the update clears TrunkSid', async () => {
    const { captured, book } = standIn();
    book.add({ phoneNumber: '+15555550177', trunkSid: 'TK0000000000000000000000000000b001' });
    await outcome(['--number', '+15555550177', '--url', SERVICE]);
    expectValidRequests(captured, ['ListIncomingPhoneNumber', 'UpdateIncomingPhoneNumber'], apiKey);
    expect(withFormBody(captured[1] as WireRequest).body).toMatchObject({ TrunkSid: '' });
  });

  it('with the auth token, the account SID is the user name', async () => {
    const { captured } = standIn();
    await outcome(['--number', NUMBER], AUTH_TOKEN_ENV);
    expectValidRequests(
      captured,
      ['ListIncomingPhoneNumber'],
      basic(MOCK_TWILIO_ACCOUNT.accountSid, MOCK_TWILIO_ACCOUNT.authToken),
    );
  });

  it("reads Twilio's own example answer, where unset values are null or empty", async () => {
    const example = objectAt(
      twilio.spec,
      'paths',
      LIST_NUMBERS,
      'get',
      'responses',
      '200',
      'content',
      'application/json',
      'examples',
      'readFull',
    ).value;
    captureRequests(TWILIO, () => [200, example]);
    const shown = await outcome(['--number', '+18089255327']);
    expect(shown.before).toEqual({
      sid: 'PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      phoneNumber: '+18089255327',
      voiceUrl: '',
      voiceMethod: 'POST',
      voiceFallbackUrl: '',
      voiceFallbackMethod: 'POST',
      statusCallback: '',
      statusCallbackMethod: 'POST',
      voiceApplicationSid: '',
      trunkSid: '',
    });
  });

  it.each([
    ['a method Twilio does not take', { VoiceMethod: 'PUT' }, '/requestBody/VoiceMethod'],
    ['an application sid that is none', { VoiceApplicationSid: 'not-a-sid' }, '/requestBody/VoiceApplicationSid'],
    ['a voice URL that is none', { VoiceUrl: 'oncall-1234.twil.io/voice' }, '/requestBody/VoiceUrl'],
  ])('would catch a request with %s', (_name, body, problemAt) => {
    const update: WireRequest = {
      method: 'POST',
      url: `/2010-04-01/Accounts/${MOCK_TWILIO_ACCOUNT.accountSid}/IncomingPhoneNumbers/PN00000000000000000000000000000001.json`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    };
    expect(requestProblems(twilio.check, 'UpdateIncomingPhoneNumber', update)).toContainEqual(
      expect.stringMatching(new RegExp(`^${problemAt} `)),
    );
  });

  it.each([
    ['a number not in E.164', { incoming_phone_numbers: [{ phone_number: '5555550100' }] }],
    ['an ISO date', { incoming_phone_numbers: [{ date_created: '2025-01-01T12:00:00Z' }] }],
    ['an absolute page URI', { next_page_uri: 'https://api.twilio.com/2010-04-01/Accounts' }],
  ])('would catch an answer with %s', (_name, body) => {
    expect(responseProblems(twilio.check, 'ListIncomingPhoneNumber', 200, body)).not.toEqual([]);
  });
});
