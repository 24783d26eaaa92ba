// Contract: what the Sync client sends, captured with nock, and what the simulator's Sync
// stand-in answers it, each validated against Twilio's Sync v1 spec (vendored; fix-ups in
// twilio-sync-spec.ts).
import { readSyncDocument, writeSyncDocument, type SyncSettings } from '../../functions/lib/trace/sync-documents';
import { startMockProviders, type MockProviders } from '../../simulator/mock-providers';
import { noDeadline, useOfflineNock } from '../providers/adapter-test-kit';
import { captureRequests } from './capture';
import { recordClientAnswers } from './client-answers';
import { formBodyFor } from './form-body';
import { operationIdFor, requestProblems, responseProblems, type SpecCheck, type WireRequest } from './openapi-check';
import { objectAt, type JsonObject } from './spec-files';
import { loadTwilioSyncSpec } from './twilio-sync-spec';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'contract-token';
const SYNC_URL = 'https://sync.contract.test';
const NAME = 'call-CA0123456789abcdef0123456789abcdef';
const TRACE = { steps: ['greeting', 'menu', 'dial'], team: 'Platform', hops: 3 };
const DOCUMENT = {
  sid: 'ET0123456789abcdef0123456789abcdef',
  unique_name: NAME,
  account_sid: ACCOUNT_SID,
  service_sid: 'IS0123456789abcdef0123456789abcdef',
  url: `${SYNC_URL}/v1/Services/IS0123456789abcdef0123456789abcdef/Documents/ET0123456789abcdef0123456789abcdef`,
  links: {},
  revision: '0',
  data: TRACE,
  date_expires: null,
  date_created: '2026-03-01T12:00:00Z',
  date_updated: '2026-03-01T12:00:00Z',
  created_by: 'system',
};
const error = (status: number, code: number): JsonObject => ({
  code,
  message: 'error',
  more_info: `https://www.twilio.com/docs/errors/${code}`,
  status,
});

let sync: { check: SpecCheck; spec: JsonObject };

/** The request as the validator wants it: a form body parsed and typed by the operation's schema. */
function typed(operationId: string, request: WireRequest): WireRequest {
  return typeof request.body === 'string'
    ? { ...request, body: formBodyFor(sync.check, operationId, request.body) }
    : request;
}

describe('Twilio Sync contract', () => {
  beforeAll(async () => {
    sync = await loadTwilioSyncSpec();
  }, 20_000);

  useOfflineNock();

  const settings = (apiUrl: string, authToken = AUTH_TOKEN): SyncSettings => ({
    accountSid: ACCOUNT_SID,
    authToken,
    serviceSid: 'default',
    apiUrl,
  });

  describe('requests the client sends', () => {
    /** A Sync where the document does not exist yet, then exists: fetch 404, create 409, update 200. */
    function answerExisting(request: WireRequest): [number, unknown] {
      if (request.method === 'GET') return [404, error(404, 20404)];
      return request.url.endsWith('/Documents') ? [409, error(409, 54301)] : [200, DOCUMENT];
    }

    it('fetch, create and update match FetchDocument, CreateDocument and UpdateDocument', async () => {
      const captured = captureRequests(SYNC_URL, answerExisting);
      await readSyncDocument(settings(SYNC_URL), NAME, noDeadline());
      await writeSyncDocument(settings(SYNC_URL), NAME, TRACE, 3600, noDeadline());

      const operations = captured.map((request) => operationIdFor(sync.check, request));
      expect(operations).toEqual(['FetchDocument', 'CreateDocument', 'UpdateDocument']);
      for (const [index, request] of captured.entries()) {
        const operationId = operations[index] ?? 'none';
        expect({
          operationId,
          problems: requestProblems(sync.check, operationId, typed(operationId, request)),
        }).toEqual({
          operationId,
          problems: [],
        });
      }
    });

    it('sends Data as the JSON text of the trace and Ttl as whole seconds, as the spec describes them', async () => {
      const captured = captureRequests(SYNC_URL, answerExisting);
      await writeSyncDocument(settings(SYNC_URL), NAME, TRACE, 3600, noDeadline());
      const [create, update] = captured.map((request, index) =>
        formBodyFor(sync.check, index === 0 ? 'CreateDocument' : 'UpdateDocument', String(request.body)),
      );
      expect(create).toEqual({ UniqueName: NAME, Data: JSON.stringify(TRACE), Ttl: 3600 });
      expect(update).toEqual({ Data: JSON.stringify(TRACE), Ttl: 3600 });
      expect(JSON.parse(String(update?.Data))).toEqual(TRACE);
    });

    it('authenticates every request with the HTTP basic scheme the spec declares: account SID and auth token', async () => {
      const captured = captureRequests(SYNC_URL, answerExisting);
      await readSyncDocument(settings(SYNC_URL), NAME, noDeadline());
      await writeSyncDocument(settings(SYNC_URL), NAME, TRACE, 60, noDeadline());
      expect(sync.spec.security).toEqual([{ accountSid_authToken: [] }]);
      expect(objectAt(sync.spec, 'components', 'securitySchemes', 'accountSid_authToken')).toEqual({
        type: 'http',
        scheme: 'basic',
      });
      const basic = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
      expect(captured.map((request) => request.headers.authorization)).toEqual([basic, basic, basic]);
    });

    it('would catch a request in the wrong shape', () => {
      const request: WireRequest = {
        method: 'POST',
        url: '/v1/Services/default/Documents',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'UniqueName=x&Data=%7B%7D&Ttl=soon',
      };
      expect(requestProblems(sync.check, 'CreateDocument', typed('CreateDocument', request))).not.toEqual([]);
    });
  });

  describe('the stand-in, as the client reads it', () => {
    let mock: MockProviders;
    const answers = recordClientAnswers();
    beforeAll(async () => {
      mock = await startMockProviders({ port: 0 });
    });
    afterAll(() => mock.stop());
    beforeEach(() => mock.reset());

    function problemsOfEachAnswer(): Array<{ answer: string; problems: string[] }> {
      return answers.map((answer) => {
        const operationId = operationIdFor(sync.check, { ...answer, headers: {} }) ?? 'none';
        return {
          answer: `${answer.method} ${new URL(answer.url).pathname} ${answer.status}`,
          problems: responseProblems(sync.check, operationId, answer.status, answer.body),
        };
      });
    }

    it('answers a missing fetch (404), a create (201), a taken name (409), an update (200) and a fetch (200) in the spec shapes', async () => {
      await readSyncDocument(settings(mock.url), NAME, noDeadline());
      await writeSyncDocument(settings(mock.url), NAME, TRACE, 3600, noDeadline());
      await writeSyncDocument(settings(mock.url), NAME, { ...TRACE, hops: 4 }, 3600, noDeadline());
      await readSyncDocument(settings(mock.url), NAME, noDeadline());
      const documents = `/v1/Services/default/Documents`;
      expect(problemsOfEachAnswer()).toEqual([
        { answer: `GET ${documents}/${NAME} 404`, problems: [] },
        { answer: `POST ${documents} 201`, problems: [] },
        { answer: `POST ${documents} 409`, problems: [] },
        { answer: `POST ${documents}/${NAME} 200`, problems: [] },
        { answer: `GET ${documents}/${NAME} 200`, problems: [] },
      ]);
    });

    it('answers a request without credentials (401) in the spec shape', async () => {
      await expect(readSyncDocument(settings(mock.url, ''), NAME, noDeadline())).rejects.toThrow(/HTTP 401/);
      expect(problemsOfEachAnswer()).toEqual([{ answer: expect.stringMatching(/ 401$/), problems: [] }]);
    });

    it('would catch a document or an error in the wrong shape', () => {
      expect(responseProblems(sync.check, 'FetchDocument', 200, { ...DOCUMENT, sid: 'XX1' })).not.toEqual([]);
      expect(
        responseProblems(sync.check, 'FetchDocument', 200, { ...DOCUMENT, links: { permissions: 'not a url' } }),
      ).not.toEqual([]);
      expect(responseProblems(sync.check, 'CreateDocument', 409, { code: '54301' })).not.toEqual([]);
    });
  });
});
