import nock from 'nock';
import {
  readSyncDocument,
  SYNC_DOCUMENT_MAX_BYTES,
  SyncDocumentError,
  writeSyncDocument,
  type SyncSettings,
} from '../../functions/lib/trace/sync-documents';
import { noDeadline, useOfflineNock } from '../providers/adapter-test-kit';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const settings: SyncSettings = {
  accountSid: ACCOUNT_SID,
  authToken: 'sync-test-token',
  serviceSid: 'default',
  apiUrl: 'https://sync.test',
};
const BASIC = `Basic ${Buffer.from(`${ACCOUNT_SID}:sync-test-token`).toString('base64')}`;
const NAME = 'call-CA0123456789abcdef0123456789abcdef';
const DOCUMENTS = '/v1/Services/default/Documents';

function twilioError(status: number, code: number, message: string): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

/** The SyncDocumentError a promise rejects with; fails the test otherwise. */
async function syncError(promise: Promise<unknown>): Promise<SyncDocumentError> {
  const outcome = await promise.then(
    () => new Error('expected a SyncDocumentError, but the promise resolved'),
    (error: unknown) => error,
  );
  if (outcome instanceof SyncDocumentError) return outcome;
  throw outcome instanceof Error ? outcome : new Error(String(outcome));
}

/** Form bodies as nock saw them, in order. */
function formsSentTo(
  scope: nock.Scope,
  method: 'post',
  path: string,
  status: number,
  body: unknown,
): URLSearchParams[] {
  const forms: URLSearchParams[] = [];
  scope[method](path).reply(function (_uri, requestBody) {
    expect(this.req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    forms.push(new URLSearchParams(String(requestBody)));
    return [status, body];
  });
  return forms;
}

useOfflineNock();

describe('readSyncDocument', () => {
  it('fetches the document by unique name with basic auth and returns its data', async () => {
    const scope = nock('https://sync.test', { reqheaders: { authorization: BASIC, accept: /application\/json/ } })
      .get(`${DOCUMENTS}/${NAME}`)
      .reply(200, { sid: 'ET00000000000000000000000000000001', unique_name: NAME, data: { hops: 3 } });
    await expect(readSyncDocument(settings, NAME, noDeadline())).resolves.toEqual({ hops: 3 });
    expect(scope.isDone()).toBe(true);
  });

  it('percent-encodes the service and the unique name, and ignores a trailing slash on the base URL', async () => {
    const scope = nock('https://sync.test').get('/v1/Services/IS1/Documents/a%2Fb%20c').reply(200, { data: {} });
    await readSyncDocument({ ...settings, serviceSid: 'IS1', apiUrl: 'https://sync.test/' }, 'a/b c', noDeadline());
    expect(scope.isDone()).toBe(true);
  });

  it('answers undefined when no document has that name', async () => {
    nock('https://sync.test')
      .get(`${DOCUMENTS}/${NAME}`)
      .reply(404, twilioError(404, 20404, 'The requested resource was not found'));
    await expect(readSyncDocument(settings, NAME, noDeadline())).resolves.toBeUndefined();
  });

  it('reads a document whose data is null as empty', async () => {
    nock('https://sync.test').get(`${DOCUMENTS}/${NAME}`).reply(200, { data: null });
    await expect(readSyncDocument(settings, NAME, noDeadline())).resolves.toEqual({});
  });

  it.each([
    [500, 20500, 'Internal Server Error', true],
    [503, 20503, 'Service Unavailable', true],
    [429, 20429, 'Too Many Requests', true],
    [401, 20003, 'Authenticate', false],
    [403, 20403, 'Forbidden', false],
  ])(
    'names the document, HTTP %i and Twilio error %i (%s); retryable: %s',
    async (status, code, message, retryable) => {
      nock('https://sync.test')
        .get(`${DOCUMENTS}/${NAME}`)
        .reply(status, twilioError(status, code, message));
      const error = await syncError(readSyncDocument(settings, NAME, noDeadline()));
      expect(error.message).toBe(
        `Sync document "${NAME}" could not be read: HTTP ${status}, Twilio error ${code} "${message}" ` +
          `(${retryable ? 'retrying may help' : 'retrying will not help'})`,
      );
      expect({ retryable: error.retryable, status: error.status, code: error.code }).toEqual({
        retryable,
        status,
        code,
      });
    },
  );

  it('names the status alone when the error body is not Twilio JSON', async () => {
    nock('https://sync.test').get(`${DOCUMENTS}/${NAME}`).reply(502, '<html>Bad gateway</html>');
    const error = await syncError(readSyncDocument(settings, NAME, noDeadline()));
    expect(error.message).toBe(`Sync document "${NAME}" could not be read: HTTP 502 (retrying may help)`);
  });

  it('refuses an answer without a data object', async () => {
    nock('https://sync.test').get(`${DOCUMENTS}/${NAME}`).reply(200, { sid: 'ET1', data: 'text' });
    const error = await syncError(readSyncDocument(settings, NAME, noDeadline()));
    expect(error.message).toContain('holds no data object');
    expect(error.retryable).toBe(false);
  });

  it('fails as retryable when the connection breaks', async () => {
    nock('https://sync.test').get(`${DOCUMENTS}/${NAME}`).replyWithError({ code: 'ECONNRESET', message: 'reset' });
    const error = await syncError(readSyncDocument(settings, NAME, noDeadline()));
    expect(error.message).toBe(`Sync document "${NAME}" could not be read: ECONNRESET (retrying may help)`);
    expect(error.retryable).toBe(true);
  });

  it("gives up when the caller's signal fires, saying so", async () => {
    nock('https://sync.test').get(`${DOCUMENTS}/${NAME}`).delay(1000).reply(200, { data: {} });
    const error = await syncError(readSyncDocument(settings, NAME, AbortSignal.timeout(30)));
    expect(error.message).toContain("the caller's time budget ran out");
    expect(error.retryable).toBe(true);
  });

  it('refuses a blank or over-long unique name before sending anything', async () => {
    await expect(readSyncDocument(settings, ' ', noDeadline())).rejects.toThrow(/unique name must be 1 to 320/);
    await expect(readSyncDocument(settings, 'x'.repeat(321), noDeadline())).rejects.toThrow(/unique name/);
  });
});

describe('writeSyncDocument', () => {
  const data = { steps: ['greeting', 'menu'], team: 'Platform' };

  it('creates the document with its unique name, its data as JSON and its TTL', async () => {
    const scope = nock('https://sync.test', { reqheaders: { authorization: BASIC } });
    const forms = formsSentTo(scope, 'post', DOCUMENTS, 201, { sid: 'ET1', unique_name: NAME, data });
    await writeSyncDocument(settings, NAME, data, 3600, noDeadline());
    expect(forms).toHaveLength(1);
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({ UniqueName: NAME, Data: JSON.stringify(data), Ttl: '3600' });
    expect(scope.isDone()).toBe(true);
  });

  it('updates the document with its data and TTL when Twilio says the unique name exists (54301)', async () => {
    const scope = nock('https://sync.test', { reqheaders: { authorization: BASIC } });
    formsSentTo(scope, 'post', DOCUMENTS, 409, twilioError(409, 54301, 'Unique name already exists'));
    const updates = formsSentTo(scope, 'post', `${DOCUMENTS}/${NAME}`, 200, { sid: 'ET1', data });
    await writeSyncDocument(settings, NAME, data, 600, noDeadline());
    expect(updates.map((form) => Object.fromEntries(form))).toEqual([{ Data: JSON.stringify(data), Ttl: '600' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('does not update on another conflict, and says which', async () => {
    const scope = nock('https://sync.test');
    formsSentTo(scope, 'post', DOCUMENTS, 409, twilioError(409, 54999, 'Another conflict'));
    const error = await syncError(writeSyncDocument(settings, NAME, data, 60, noDeadline()));
    expect(error.message).toBe(
      `Sync document "${NAME}" could not be created: HTTP 409, Twilio error 54999 "Another conflict" (retrying will not help)`,
    );
    expect(scope.isDone()).toBe(true);
  });

  it('calls a document that expired between create and update worth writing again', async () => {
    const scope = nock('https://sync.test');
    formsSentTo(scope, 'post', DOCUMENTS, 409, twilioError(409, 54301, 'Unique name already exists'));
    formsSentTo(scope, 'post', `${DOCUMENTS}/${NAME}`, 404, twilioError(404, 20404, 'Not found'));
    const error = await syncError(writeSyncDocument(settings, NAME, data, 60, noDeadline()));
    expect(error.message).toMatch(/could not be updated: HTTP 404, Twilio error 20404/);
    expect(error.retryable).toBe(true);
  });

  it('names a failed update with its status', async () => {
    const scope = nock('https://sync.test');
    formsSentTo(scope, 'post', DOCUMENTS, 409, twilioError(409, 54301, 'Unique name already exists'));
    formsSentTo(scope, 'post', `${DOCUMENTS}/${NAME}`, 500, twilioError(500, 20500, 'Internal Server Error'));
    const error = await syncError(writeSyncDocument(settings, NAME, data, 60, noDeadline()));
    expect(error.message).toMatch(/^Sync document "call-CA\w+" could not be updated: HTTP 500/);
    expect(error.retryable).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('refuses TTL %s before sending anything', async (ttl) => {
    const error = await syncError(writeSyncDocument(settings, NAME, data, ttl, noDeadline()));
    expect(error.message).toContain('TTL must be whole seconds');
    expect(error.retryable).toBe(false);
  });

  it('refuses data over 16 KiB of JSON before sending anything', async () => {
    const big = { text: 'x'.repeat(SYNC_DOCUMENT_MAX_BYTES) };
    const error = await syncError(writeSyncDocument(settings, NAME, big, 60, noDeadline()));
    expect(error.message).toMatch(/over Sync's 16384/);
  });
});
