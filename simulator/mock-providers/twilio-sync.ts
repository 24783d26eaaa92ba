// Twilio Sync's Documents API, where the functions keep a small trace of each call: create,
// fetch (by SID or unique name) and update, in Twilio's JSON shapes and with its error codes.
// Needs HTTP basic auth (any account SID and token: the mock knows no credentials).
import { isJsonObject, tryParseJson, type JsonObject } from './json';
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';
import { twilioDate, type StoredSyncDocument, type SyncStore } from './sync-store';

export const SYNC_DOCUMENTS_PATH = '/v1/Services/{serviceSid}/Documents';
export const SYNC_DOCUMENT_PATH = '/v1/Services/{serviceSid}/Documents/{sid}';

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
/** Shown as the owner of Documents when the basic-auth user is not an account SID (an API key, say). */
const MOCK_ACCOUNT_SID = `AC${'0'.repeat(31)}1`;

/** Twilio's error body for its REST APIs. */
function twilioError(status: number, code: number, message: string): MockResponse {
  return jsonResponse(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** The basic-auth user name, or null without usable credentials. */
function basicAuthUser(request: MockRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf-8');
  const colon = decoded.indexOf(':');
  return colon > 0 && colon < decoded.length - 1 ? decoded.slice(0, colon) : null;
}

type Parsed<T> = { value: T | undefined } | { refused: MockResponse };

function parseData(raw: string | null): Parsed<JsonObject> {
  if (raw === null) return { value: undefined };
  const parsed = tryParseJson(raw);
  if (parsed === undefined) return { refused: twilioError(400, 54008, 'Invalid JSON: Data could not be parsed') };
  if (!isJsonObject(parsed))
    return { refused: twilioError(400, 54101, 'Invalid Document data: Data must be an object') };
  return { value: parsed };
}

function parseTtl(raw: string | null): Parsed<number> {
  if (raw === null) return { value: undefined };
  // Twilio documents no specific code for a malformed Ttl; 20001 is its generic one for a bad parameter.
  if (!/^\d+$/.test(raw)) return { refused: twilioError(400, 20001, `Invalid Ttl: "${raw}" is not whole seconds`) };
  return { value: Number(raw) };
}

/** 0 (or none) means the Document never expires. */
function expiry(nowMs: number, ttlSeconds: number | undefined): number | null {
  return ttlSeconds === undefined || ttlSeconds === 0 ? null : nowMs + ttlSeconds * 1000;
}

export function twilioSyncApi(store: SyncStore): MockProviderApi {
  const documentJson = (document: StoredSyncDocument, request: MockRequest, user: string): JsonObject => {
    const origin = request.headers.host ? `http://${request.headers.host}` : 'https://sync.twilio.com';
    const url = `${origin}/v1/Services/${document.serviceSid}/Documents/${document.sid}`;
    return {
      sid: document.sid,
      unique_name: document.uniqueName,
      account_sid: ACCOUNT_SID.test(user) ? user : MOCK_ACCOUNT_SID,
      service_sid: document.serviceSid,
      url,
      links: { permissions: `${url}/Permissions` },
      revision: String(document.revision),
      data: document.data,
      date_expires: document.expiresAtMs === null ? null : twilioDate(document.expiresAtMs),
      date_created: twilioDate(document.createdAtMs),
      date_updated: twilioDate(document.updatedAtMs),
      created_by: 'system',
    };
  };

  const create = (serviceSid: string, request: MockRequest, user: string): MockResponse => {
    const form = new URLSearchParams(request.bodyText);
    const data = parseData(form.get('Data'));
    if ('refused' in data) return data.refused;
    const ttl = parseTtl(form.get('Ttl'));
    if ('refused' in ttl) return ttl.refused;
    const uniqueName = form.get('UniqueName') || null;
    if (uniqueName !== null && store.find(serviceSid, uniqueName)?.uniqueName === uniqueName) {
      return twilioError(409, 54301, `Unique name already exists: ${uniqueName}`);
    }
    const now = store.now();
    const document: StoredSyncDocument = {
      serviceSid,
      sid: store.nextSid(),
      uniqueName,
      data: data.value ?? {},
      revision: 0,
      createdAtMs: now,
      updatedAtMs: now,
      expiresAtMs: expiry(now, ttl.value),
    };
    return { status: 201, body: documentJson(document, request, user), effect: () => store.save(document) };
  };

  const update = (existing: StoredSyncDocument, request: MockRequest, user: string): MockResponse => {
    const form = new URLSearchParams(request.bodyText);
    const data = parseData(form.get('Data'));
    if ('refused' in data) return data.refused;
    const ttl = parseTtl(form.get('Ttl'));
    if ('refused' in ttl) return ttl.refused;
    if (data.value === undefined && ttl.value === undefined) {
      return twilioError(400, 54010, 'No parameters specified: expected Data or Ttl');
    }
    const now = store.now();
    const document: StoredSyncDocument = {
      ...existing,
      data: data.value ?? existing.data,
      revision: existing.revision + 1,
      updatedAtMs: now,
      expiresAtMs: ttl.value === undefined ? existing.expiresAtMs : expiry(now, ttl.value),
    };
    return { status: 200, body: documentJson(document, request, user), effect: () => store.save(document) };
  };

  return {
    name: 'twilio-sync',
    route(request: MockRequest): MockResponse | null {
      const list = matchPath(SYNC_DOCUMENTS_PATH, request.path);
      const instance = list === null ? matchPath(SYNC_DOCUMENT_PATH, request.path) : null;
      const [segment = '', sidOrName = ''] = list ?? instance ?? [];
      if (list === null && instance === null) return null;
      const user = basicAuthUser(request);
      if (user === null) return twilioError(401, 20003, 'Authenticate');
      const serviceSid = store.serviceSid(segment);
      if (serviceSid === undefined) {
        return twilioError(404, 20404, `The requested resource /Services/${segment} was not found`);
      }
      if (list !== null) {
        return request.method === 'POST'
          ? create(serviceSid, request, user)
          : twilioError(405, 20004, 'Method not allowed');
      }
      if (request.method !== 'GET' && request.method !== 'POST') return twilioError(405, 20004, 'Method not allowed');
      const existing = store.find(serviceSid, sidOrName);
      if (!existing) {
        return twilioError(
          404,
          20404,
          `The requested resource /Services/${segment}/Documents/${sidOrName} was not found`,
        );
      }
      return request.method === 'GET'
        ? jsonResponse(200, documentJson(existing, request, user))
        : update(existing, request, user);
    },
  };
}
