// A local stand-in for the incident-management providers: one roster, served in each
// provider's shapes (Splunk On-Call, PagerDuty, Opsgenie) on one base URL, with latency and
// failures on demand and every request recorded. Twilio's Messages and IncomingPhoneNumbers
// APIs are served there too.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultMockRoster } from './mock-providers/default-roster';
import { FaultBook, FaultError, faultFromJson, type MockFault } from './mock-providers/faults';
import { tryParseJson, type JsonValue } from './mock-providers/json';
import type { MockProviderApi, MockRequest, MockResponse } from './mock-providers/provider-api';
import { MOCK_REFUSED_KEY, refusing, type RefusesKey } from './mock-providers/refused-keys';
import { redactHeaders, type RecordedRequest } from './mock-providers/request-log';
import { createIncidentLedger, type IncidentLedger } from './mock-providers/incident-ledger';
import { opsgenieApi } from './mock-providers/opsgenie';
import { pagerDutyEventsApi } from './mock-providers/pagerduty-events';
import { pagerDutyRestApi } from './mock-providers/pagerduty-rest';
import type { MockRoster } from './mock-providers/roster';
import type { DiscardedAction, MockIncident } from './mock-providers/incident-ledger';
import { createMailOutbox, sendGridApi, type MailOutbox, type MockMail } from './mock-providers/sendgrid';
import { splunkOnCallAlertApi } from './mock-providers/splunk-oncall-alerts';
import { createSyncStore, type MockSyncDocument, type SyncStore } from './mock-providers/sync-store';
import { twilioMessagesApi } from './mock-providers/twilio-messages';
import { twilioSyncApi } from './mock-providers/twilio-sync';
import {
  MOCK_TWILIO_ACCOUNT,
  MockNumberBook,
  type MockTwilioAccount,
  type MockTwilioNumbers,
} from './mock-providers/twilio-number-book';
import { twilioNumbersApi } from './mock-providers/twilio-numbers';
import { splunkOnCallRestApi } from './mock-providers/splunk-oncall-rest';

export { defaultMockRoster } from './mock-providers/default-roster';
export { opsgenieScheduleName, opsgenieUsername } from './mock-providers/opsgenie-names';
export { pagerDutyIds, type PagerDutyIds } from './mock-providers/pagerduty-ids';
export { faultFromJson, faultFromSpec, type MockFault, type MockFaultKind } from './mock-providers/faults';
export type { JsonValue } from './mock-providers/json';
export type { DiscardedAction, MockIncident, MockIncidentState } from './mock-providers/incident-ledger';
export type { RecordedRequest } from './mock-providers/request-log';
export { MOCK_REFUSED_KEY } from './mock-providers/refused-keys';
export type { MockMail } from './mock-providers/sendgrid';
export { DEFAULT_SYNC_SERVICE_SID, type MockSyncDocument } from './mock-providers/sync-store';
export {
  MOCK_TWILIO_ACCOUNT,
  type MockPhoneNumber,
  type MockPhoneNumberInit,
  type MockTwilioAccount,
  type MockTwilioNumbers,
} from './mock-providers/twilio-number-book';
export type * from './mock-providers/roster';

export interface MockProvidersOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  roster?: MockRoster;
  /** Delay before every provider response. */
  latencyMs?: number;
  faults?: MockFault[];
  /** Called once per provider request, when its outcome is known. */
  onRequest?: (request: RecordedRequest) => void;
  /** The clock Sync TTLs are measured against (epoch ms); tests move it to expire Documents. */
  now?: () => number;
  /**
   * API keys the Splunk On-Call, PagerDuty and Opsgenie mocks answer 401 to, as the live services
   * answer a revoked key; any other key is taken. Default: [MOCK_REFUSED_KEY].
   */
  refusedKeys?: readonly string[];
}

export interface MockProviders {
  url: string;
  port: number;
  roster: MockRoster;
  stop(): Promise<void>;
  requests(): RecordedRequest[];
  /** PagerDuty's and Opsgenie's alerts, as the live services would hold them. */
  incidents(): MockIncident[];
  /** Alert actions the live services would have taken with a 202 and then discarded. */
  discardedActions(): DiscardedAction[];
  /** The Twilio Sync Documents that have not expired, oldest first. */
  syncDocuments(): MockSyncDocument[];
  /** The e-mails SendGrid accepted (202), in order. */
  sentMail(): MockMail[];
  /** The stand-in Twilio account's phone numbers (IncomingPhoneNumbers); tests may add more. */
  twilioNumbers: MockTwilioNumbers;
  /** The credentials the stand-in Twilio APIs accept. */
  twilioAccount: MockTwilioAccount;
  /**
   * Forgets recorded requests, alerts, Sync Documents, e-mails and faults, and puts the seeded phone
   * numbers back; keeps the latency.
   */
  reset(): void;
  setFault(fault: MockFault): void;
  clearFaults(): void;
  setLatency(ms: number): void;
}

/**
 * Every provider API the mock serves, each over the same roster. Their paths do not overlap;
 * PagerDuty's /v2/enqueue comes before Opsgenie, whose paths also start with /v2/.
 */
function providerApis(
  roster: MockRoster,
  ledger: IncidentLedger,
  syncStore: SyncStore,
  outbox: MailOutbox,
  numbers: MockNumberBook,
  refuses: RefusesKey,
): MockProviderApi[] {
  return [
    splunkOnCallRestApi(roster, refuses),
    splunkOnCallAlertApi(),
    pagerDutyRestApi(roster, refuses),
    pagerDutyEventsApi(ledger),
    opsgenieApi(roster, ledger, refuses),
    twilioMessagesApi(),
    twilioSyncApi(syncStore),
    sendGridApi(outbox),
    twilioNumbersApi(numbers, MOCK_TWILIO_ACCOUNT),
  ];
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf-8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (response.destroyed || response.writableEnded) return;
  response.writeHead(status, body === '' ? headers : { 'Content-Type': 'application/json', ...headers });
  response.end(body);
}

/** Takes plain data of any shape: JSON.stringify needs no more than that. */
function sendJson(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers?: Record<string, string>,
): void {
  send(response, status, JSON.stringify(body), headers);
}

export async function startMockProviders(options: MockProvidersOptions = {}): Promise<MockProviders> {
  const roster = options.roster ?? defaultMockRoster;
  const ledger = createIncidentLedger();
  const syncStore = createSyncStore(options.now);
  const outbox = createMailOutbox();
  const numbers = new MockNumberBook();
  const refuses = refusing(options.refusedKeys ?? [MOCK_REFUSED_KEY]);
  const apis = providerApis(roster, ledger, syncStore, outbox, numbers, refuses);
  const faults = new FaultBook();
  for (const fault of options.faults ?? []) faults.add(fault);
  let latencyMs = options.latencyMs ?? 0;
  let log: RecordedRequest[] = [];
  let nextId = 1;
  const forgetState = (): void => {
    log = [];
    ledger.clear();
    syncStore.clear();
    outbox.clear();
    numbers.reset();
    faults.clear();
  };
  const timers = new Set<NodeJS.Timeout>();

  const wait = (ms: number): Promise<void> =>
    ms <= 0
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            timers.delete(timer);
            resolve();
          }, ms);
          timers.add(timer);
        });

  const control = (
    method: string,
    path: string,
    url: URL,
    body: JsonValue | undefined,
    response: http.ServerResponse,
  ): void => {
    if (method === 'GET' && path === '/__requests') {
      const since = Number(url.searchParams.get('since') ?? 0);
      sendJson(
        response,
        200,
        log.filter((entry) => entry.at >= since),
      );
    } else if (method === 'GET' && path === '/__incidents') {
      sendJson(response, 200, { incidents: ledger.incidents(), discarded: ledger.discarded() });
    } else if (method === 'GET' && path === '/__sync') {
      sendJson(response, 200, syncStore.documents());
    } else if (method === 'GET' && path === '/__mail') {
      sendJson(response, 200, outbox.sent());
    } else if (method === 'POST' && path === '/__reset') {
      forgetState();
      sendJson(response, 200, { ok: true });
    } else if (path === '/__faults' && method === 'GET') {
      sendJson(response, 200, faults.list());
    } else if (path === '/__faults' && method === 'DELETE') {
      faults.clear();
      sendJson(response, 200, { ok: true });
    } else if (path === '/__faults' && method === 'POST') {
      try {
        faults.add(faultFromJson(body));
        sendJson(response, 200, { ok: true, faults: faults.list() });
      } catch (error) {
        sendJson(response, 400, { ok: false, message: error instanceof FaultError ? error.message : String(error) });
      }
    } else if (path === '/__latency' && method === 'POST') {
      const ms = typeof body === 'object' && body !== null && !Array.isArray(body) ? body.ms : undefined;
      if (typeof ms !== 'number' || ms < 0)
        return sendJson(response, 400, { ok: false, message: 'expected {"ms": number}' });
      latencyMs = ms;
      sendJson(response, 200, { ok: true, latencyMs });
    } else if (method === 'GET' && path === '/__roster') {
      sendJson(response, 200, roster);
    } else {
      sendJson(response, 404, { message: `unknown control endpoint ${method} ${path}` });
    }
  };

  const applyFault = (fault: MockFault, response: http.ServerResponse): void => {
    switch (fault.kind) {
      case 'hang':
        return; // Never answer; the client's own timeout must save it.
      case 'malformed-json':
        return send(response, 200, '{"result": "success", "data": [{"unterminated');
      case 'rate-limit':
        return sendJson(
          response,
          fault.status ?? 429,
          { message: 'Rate limit exceeded' },
          {
            'Retry-After': String(fault.retryAfterSeconds ?? 1),
          },
        );
      default:
        return sendJson(response, fault.status ?? 500, { message: `Injected failure (HTTP ${fault.status ?? 500})` });
    }
  };

  const handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const started = Date.now();
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const method = request.method ?? 'GET';
    const path = url.pathname;
    const bodyText = await readBody(request);
    const body = bodyText === '' ? undefined : tryParseJson(bodyText);
    if (path.startsWith('/__')) return control(method, path, url, body, response);

    const mockRequest: MockRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams.entries()),
      headers: request.headers,
      body,
      bodyText,
    };
    const recorded: RecordedRequest = {
      id: nextId++,
      at: started,
      time: new Date(started).toISOString(),
      provider: 'none',
      method,
      path,
      query: mockRequest.query,
      headers: redactHeaders(request.headers),
      body: body ?? null,
      ...(body === undefined && bodyText !== '' ? { bodyText } : {}),
      status: null,
    };
    log.push(recorded);
    response.once('finish', () => (recorded.status ??= response.statusCode));

    const { extraLatencyMs, failure } = faults.take(path);
    await wait(latencyMs + extraLatencyMs);
    let answer: MockResponse | null = null;
    for (const api of apis) {
      answer = api.route(mockRequest);
      if (answer) {
        recorded.provider = api.name;
        break;
      }
    }
    if (failure) {
      recorded.fault = failure.kind;
      applyFault(failure, response);
      if (failure.kind !== 'hang') recorded.status = response.statusCode;
    } else {
      answer ??= { status: 404, body: { message: `No mock for ${method} ${path}` } };
      if (answer.body === undefined) send(response, answer.status, '', answer.headers);
      else sendJson(response, answer.status, answer.body, answer.headers);
      answer.effect?.();
      recorded.status = answer.status;
    }
    recorded.ms = Date.now() - started;
    options.onRequest?.(recorded);
  };

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => sendJson(response, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    roster,
    requests: () => log.map((entry) => ({ ...entry })),
    incidents: () => ledger.incidents(),
    discardedActions: () => ledger.discarded(),
    syncDocuments: () => syncStore.documents(),
    sentMail: () => outbox.sent(),
    twilioNumbers: numbers,
    twilioAccount: MOCK_TWILIO_ACCOUNT,
    reset: forgetState,
    setFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    setLatency: (ms) => {
      latencyMs = ms;
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
