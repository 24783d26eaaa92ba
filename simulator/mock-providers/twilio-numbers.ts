// Twilio's IncomingPhoneNumbers API, for `npm run connect-number`: list a number by
// PhoneNumber, fetch it by sid, update its voice settings with a form-encoded POST. Checks HTTP
// basic auth (account SID and auth token, or API key and secret) and the account in the path,
// and answers errors with Twilio's body: {code, message, more_info, status}.
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';
import type { MockNumberBook, MockPhoneNumber, MockTwilioAccount } from './twilio-number-book';
import { numbersPageJson, phoneNumberJson } from './twilio-number-json';

export const NUMBERS_LIST_PATH = '/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers.json';
export const NUMBER_PATH = '/2010-04-01/Accounts/{accountSid}/IncomingPhoneNumbers/{sid}';

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;

export function twilioError(status: number, code: number, message: string): MockResponse {
  return jsonResponse(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function credentialsOf(request: MockRequest): { username: string; password: string } | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf-8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Null when the request may act on `accountSid`, else the 401 Twilio would answer. */
function refusal(request: MockRequest, account: MockTwilioAccount, accountSid: string): MockResponse | null {
  const given = credentialsOf(request);
  if (!given) return twilioError(401, 20003, 'Authenticate');
  const valid =
    (given.username === account.accountSid && given.password === account.authToken) ||
    (given.username === account.apiKeySid && given.password === account.apiKeySecret);
  if (!valid) return twilioError(401, 20003, 'Authentication Error - invalid username or password');
  if (accountSid !== account.accountSid) {
    return twilioError(401, 20003, `Authentication Error - the credentials do not belong to account ${accountSid}`);
  }
  return null;
}

function notFound(request: MockRequest): MockResponse {
  return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
}

function pageParameter(value: string | undefined, fallback: number, max: number): number | null {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 && parsed <= max ? parsed : null;
}

function listNumbers(request: MockRequest, book: MockNumberBook, accountSid: string): MockResponse {
  const pageSize = pageParameter(request.query.PageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = pageParameter(request.query.Page, 0, Number.MAX_SAFE_INTEGER);
  if (pageSize === null || pageSize === 0)
    return twilioError(400, 20001, `Invalid PageSize: ${request.query.PageSize}`);
  if (page === null) return twilioError(400, 20001, `Invalid Page: ${request.query.Page}`);
  const filters: Record<string, string> = {};
  for (const name of ['PhoneNumber', 'FriendlyName']) {
    const value = request.query[name];
    if (value !== undefined) filters[name] = value;
  }
  const matching = book
    .matching(filters.PhoneNumber)
    .filter((number) => filters.FriendlyName === undefined || number.friendlyName === filters.FriendlyName);
  return jsonResponse(200, numbersPageJson(accountSid, matching, { filters, page, pageSize }));
}

type Change = (number: MockPhoneNumber) => void;

const URL_FIELDS = {
  VoiceUrl: 'voiceUrl',
  VoiceFallbackUrl: 'voiceFallbackUrl',
  StatusCallback: 'statusCallback',
} as const;
const METHOD_FIELDS = {
  VoiceMethod: 'voiceMethod',
  VoiceFallbackMethod: 'voiceFallbackMethod',
  StatusCallbackMethod: 'statusCallbackMethod',
} as const;

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/**
 * The changes a form asks for, or the 400 for its first bad value. An empty value clears a
 * URL or a sid. Setting an application drops the trunk and the other way round, as Twilio does.
 */
function changesFrom(form: URLSearchParams): Change[] | MockResponse {
  const changes: Change[] = [];
  for (const [name, field] of Object.entries(URL_FIELDS)) {
    const value = form.get(name);
    if (value === null) continue;
    if (value !== '' && !isHttpUrl(value)) return twilioError(400, 21502, `${name} is not a valid URL: ${value}`);
    changes.push((number) => (number[field] = value === '' ? null : value));
  }
  for (const [name, field] of Object.entries(METHOD_FIELDS)) {
    const value = form.get(name)?.toUpperCase();
    if (value === undefined) continue;
    if (value !== 'GET' && value !== 'POST') return twilioError(400, 20001, `${name} must be GET or POST`);
    changes.push((number) => (number[field] = value));
  }
  const application = form.get('VoiceApplicationSid');
  if (application !== null) {
    if (application !== '' && !/^AP[0-9a-fA-F]{32}$/.test(application)) {
      return twilioError(400, 20001, `VoiceApplicationSid is not an application sid: ${application}`);
    }
    changes.push((number) => {
      number.voiceApplicationSid = application === '' ? null : application;
      if (application !== '') number.trunkSid = null;
    });
  }
  const trunk = form.get('TrunkSid');
  if (trunk !== null) {
    if (trunk !== '' && !/^TK[0-9a-fA-F]{32}$/.test(trunk)) {
      return twilioError(400, 20001, `TrunkSid is not a trunk sid: ${trunk}`);
    }
    changes.push((number) => {
      number.trunkSid = trunk === '' ? null : trunk;
      if (trunk !== '') number.voiceApplicationSid = null;
    });
  }
  const friendlyName = form.get('FriendlyName');
  if (friendlyName !== null) changes.push((number) => (number.friendlyName = friendlyName));
  return changes;
}

function updateNumber(request: MockRequest, number: MockPhoneNumber, accountSid: string): MockResponse {
  const changes = changesFrom(new URLSearchParams(request.bodyText));
  if (!Array.isArray(changes)) return changes;
  const updated: MockPhoneNumber = { ...number, dateUpdated: new Date() };
  for (const change of changes) change(updated);
  return {
    status: 200,
    body: phoneNumberJson(accountSid, updated),
    // Stored only when the answer is really sent: under an injected fault nothing changed.
    effect: () => Object.assign(number, updated),
  };
}

export function twilioNumbersApi(book: MockNumberBook, account: MockTwilioAccount): MockProviderApi {
  return {
    name: 'twilio-numbers',
    route(request: MockRequest): MockResponse | null {
      const list = matchPath(NUMBERS_LIST_PATH, request.path);
      // matchPath takes whole segments, and this one is "{sid}.json".
      const one = list || !request.path.endsWith('.json') ? null : matchPath(NUMBER_PATH, request.path.slice(0, -5));
      const accountSid = (list ?? one)?.[0];
      if (accountSid === undefined) return null;
      const refused = refusal(request, account, accountSid);
      if (refused) return refused;
      if (list) {
        return request.method === 'GET'
          ? listNumbers(request, book, accountSid)
          : twilioError(405, 20004, 'Method not allowed');
      }
      const number = book.bySid(one?.[1] ?? '');
      if (!number) return notFound(request);
      if (request.method === 'GET') return jsonResponse(200, phoneNumberJson(accountSid, number));
      if (request.method === 'POST') return updateNumber(request, number, accountSid);
      return twilioError(405, 20004, 'Method not allowed');
    },
  };
}
