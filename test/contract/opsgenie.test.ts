// Contract: what the Opsgenie adapter sends, what it parses, and what the simulator's mock
// serves, each validated against Opsgenie's published spec (fix-ups in opsgenie-spec.ts).
import { OpsgenieProvider } from '../../functions/lib/providers/opsgenie';
import { startMockProviders, type MockProviders } from '../../simulator/mock-providers';
import { ALL_KINDS, eventsOfOneCall } from '../fixtures/incident-events';
import {
  ACCEPTED,
  contact,
  contacts,
  OG_API_URL,
  OPSGENIE_RESPONSE_FIXTURES,
  opsgenieSettings,
  PLATFORM_CONTACTS,
  PLATFORM_ON_CALLS,
  TEAMS,
} from '../fixtures/opsgenie';
import { captureRequests } from './capture';
import {
  apiKeyHeaders,
  operationIdFor,
  requestProblems,
  responseProblems,
  type SpecCheck,
  type WireRequest,
} from './openapi-check';
import { loadOpsgenieSpec } from './opsgenie-spec';
import { describeWithSpecs, objectAt, type JsonObject } from './spec-files';
import { chainOf, noDeadline, useOfflineNock } from '../providers/adapter-test-kit';

let opsgenie: { check: SpecCheck; spec: JsonObject };

describeWithSpecs('Opsgenie contract', () => {
  beforeAll(async () => {
    opsgenie = await loadOpsgenieSpec();
  }, 20_000);

  useOfflineNock();

  function answer(request: WireRequest): [number, unknown] {
    const path = decodeURIComponent(new URL(request.url, OG_API_URL).pathname);
    if (path.endsWith('/on-calls')) return [200, PLATFORM_ON_CALLS];
    const user = /^\/v2\/users\/(.+)\/contacts$/.exec(path)?.[1];
    if (user) return [200, PLATFORM_CONTACTS[user] ?? contacts(contact('voice', '1-5555550199', 0))];
    if (path === '/v2/teams') return [200, TEAMS];
    return [202, ACCEPTED];
  }

  /** Every request: matched to its operation, valid, and carrying the GenieKey the spec's scheme names. */
  function expectValid(captured: WireRequest[], expectedOperations: string[]): void {
    const operations = captured.map((request) => operationIdFor(opsgenie.check, request));
    expect(operations).toEqual(expectedOperations);
    const [keyHeader] = apiKeyHeaders(opsgenie.spec);
    for (const [index, request] of captured.entries()) {
      expect({
        request: `${request.method} ${request.url}`,
        problems: requestProblems(opsgenie.check, operations[index] ?? 'none', request),
        key: request.headers[keyHeader],
      }).toEqual({
        request: `${request.method} ${request.url}`,
        problems: [],
        key: `GenieKey ${opsgenieSettings.apiKey}`,
      });
    }
  }

  describe('requests the adapter sends', () => {
    it('the spec authenticates with an API key in the Authorization header', () => {
      expect(apiKeyHeaders(opsgenie.spec)).toEqual(['authorization']);
    });

    it('the converted spec takes JSON request bodies (the missing `consumes`, declared)', () => {
      for (const path of ['/v2/alerts', '/v2/alerts/{identifier}/notes', '/v2/alerts/{identifier}/close']) {
        expect(Object.keys(objectAt(opsgenie.spec, 'paths', path, 'post', 'requestBody', 'content'))).toEqual([
          'application/json',
        ]);
      }
    });

    it('lookup: the on-calls of the schedule by name, then each recipient’s contacts', async () => {
      const captured = captureRequests(OG_API_URL, answer);
      await chainOf(new OpsgenieProvider(opsgenieSettings), { name: 'Platform' }, noDeadline());
      expectValid(captured, ['getOnCalls', 'listContacts', 'listContacts', 'listContacts']);
    });

    it('team list', async () => {
      const captured = captureRequests(OG_API_URL, answer);
      await new OpsgenieProvider(opsgenieSettings).listTeams(noDeadline());
      expectValid(captured, ['listTeams']);
    });

    it('every incident kind, each as the requests it becomes', async () => {
      const captured = captureRequests(OG_API_URL, answer);
      const provider = new OpsgenieProvider(opsgenieSettings);
      const events = eventsOfOneCall({ name: 'Platform' });
      for (const kind of ALL_KINDS) await provider.sendIncidentEvent(events[kind], noDeadline());
      expectValid(captured, [
        ...['createAlert'], // unanswered call
        ...['createAlert', 'addNote'], // message left
        ...['createAlert', 'addNote'], // missed call
        ...['createAlert'], // hang-up at the menu (P5, paging nobody)
        ...['createAlert', 'addNote'], // call-back requested
        ...['addNote'], // transcript
        ...['createAlert', 'acknowledgeAlert'], // call accepted
        ...['closeAlert'], // call ended
      ]);
    });

    it('a transcript whose voicemail alert was never confirmed creates the alert before its note', async () => {
      const captured = captureRequests(OG_API_URL, answer);
      const transcript = { ...eventsOfOneCall({ name: 'Platform' }).transcript, ensureOpen: true };
      await new OpsgenieProvider(opsgenieSettings).sendIncidentEvent(transcript, noDeadline());
      expectValid(captured, ['createAlert', 'addNote']);
    });

    it('would catch a request in the wrong shape', async () => {
      const bad: WireRequest = {
        method: 'POST',
        url: '/v2/alerts',
        headers: { 'content-type': 'application/json' },
        body: { alias: 'CA1', details: { talkSeconds: 42 } },
      };
      expect(requestProblems(opsgenie.check, 'createAlert', bad)).not.toEqual([]);
    });
  });

  describe('fixtures the adapter parses', () => {
    it.each(OPSGENIE_RESPONSE_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
      expect(responseProblems(opsgenie.check, fixture.operationId, fixture.status, fixture.body)).toEqual([]);
    });

    it('would catch a fixture in the wrong shape', () => {
      expect(responseProblems(opsgenie.check, 'getOnCalls', 200, { data: { onCallRecipients: ['a'] } })).not.toEqual(
        [],
      );
    });
  });

  describe('the mock server', () => {
    let mock: MockProviders;
    beforeAll(async () => {
      mock = await startMockProviders({ port: 0 });
    });
    afterAll(() => mock.stop());

    async function call(method: string, path: string, body?: unknown, key = 'GenieKey mock-key'): Promise<unknown[]> {
      const response = await fetch(`${mock.url}${path}`, {
        method,
        headers: { Authorization: key, 'Content-Type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const operationId = operationIdFor(opsgenie.check, { method, url: path, headers: {} }) ?? 'none';
      const responseBody: unknown = await response.json();
      return [path, response.status, responseProblems(opsgenie.check, operationId, response.status, responseBody)];
    }

    it.each([
      ['GET', '/v2/schedules/Platform_schedule/on-calls?scheduleIdentifierType=name&flat=true', undefined],
      ['GET', '/v2/schedules/Platform_schedule/on-calls?scheduleIdentifierType=name', undefined],
      ['GET', '/v2/schedules/Nope_schedule/on-calls?scheduleIdentifierType=name&flat=true', undefined],
      ['GET', '/v2/users/alice%40example.com/contacts', undefined],
      ['GET', '/v2/users/nobody%40example.com/contacts', undefined],
      ['GET', '/v2/teams', undefined],
      ['POST', '/v2/alerts', { message: 'Voicemail', alias: 'CA1', responders: [{ type: 'team', name: 'Platform' }] }],
      ['POST', '/v2/alerts', { alias: 'CA1' }],
      ['POST', '/v2/alerts/CA1/notes?identifierType=alias', { note: 'Transcript' }],
      ['POST', '/v2/alerts/CA1/acknowledge?identifierType=alias', { user: 'alice' }],
      ['POST', '/v2/alerts/CA1/close?identifierType=alias', { user: 'alice' }],
    ] as const)('%s %s answers in the spec shape', async (method, path, body) => {
      const [, , problems] = await call(method, path, body);
      expect(problems).toEqual([]);
    });

    it('answers a request without the GenieKey with a spec-shaped 401', async () => {
      expect(await call('GET', '/v2/teams', undefined, 'Token token=wrong-provider')).toEqual(['/v2/teams', 401, []]);
    });
  });
});
