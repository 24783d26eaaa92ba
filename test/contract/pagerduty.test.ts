// Contract: what the PagerDuty adapter sends, what it parses, and what the simulator's mock
// serves, each validated against PagerDuty's published specs (fix-ups in pagerduty-spec.ts).
import { PagerDutyProvider, PAGERDUTY_ACCEPT } from '../../functions/lib/providers/pagerduty';
import { startMockProviders, type MockProviders } from '../../simulator/mock-providers';
import { ALL_KINDS, eventsOfOneCall, PLATFORM } from '../fixtures/incident-events';
import {
  contactMethods,
  ESCALATION_POLICY,
  EVENT_ACCEPTED,
  EVENTS_RESPONSE_FIXTURES,
  onCall,
  onCallPage,
  PAGERDUTY_RESPONSE_FIXTURES,
  pagerDutySettings,
  PD_API_URL,
  PD_EVENTS_URL,
  phoneMethod,
  PLATFORM_CONTACTS,
  USERS,
} from '../fixtures/pagerduty';
import { captureRequests } from './capture';
import {
  apiKeyHeaders,
  operationIdFor,
  requestProblems,
  responseProblems,
  type SpecCheck,
  type WireRequest,
} from './openapi-check';
import { loadPagerDutyEventsSpec, loadPagerDutyRestSpec } from './pagerduty-spec';
import { describeWithSpecs, objectAt, type JsonObject } from './spec-files';
import { chainOf, noDeadline, useOfflineNock } from '../providers/adapter-test-kit';

let rest: { check: SpecCheck; spec: JsonObject };
let events: { check: SpecCheck; spec: JsonObject };

describeWithSpecs('PagerDuty contract', () => {
  beforeAll(async () => {
    [rest, events] = await Promise.all([loadPagerDutyRestSpec(), loadPagerDutyEventsSpec()]);
  }, 20_000);

  useOfflineNock();

  /** A REST API that pages its on-calls (so `offset` is sent too) and has one empty policy. */
  function answerRest(request: WireRequest): [number, unknown] {
    const url = new URL(request.url, PD_API_URL);
    if (url.pathname === '/oncalls') {
      if (url.searchParams.get('escalation_policy_ids[]') === 'PEMPTY1') return [200, onCallPage([])];
      return url.searchParams.get('offset') === '0'
        ? [200, onCallPage([onCall(USERS.alice, 1)], { limit: 1, more: true })]
        : [200, onCallPage([onCall(USERS.dave, 2)], { limit: 1, offset: 1 })];
    }
    const userId = /^\/users\/([^/]+)\/contact_methods$/.exec(url.pathname)?.[1];
    if (userId) return [200, PLATFORM_CONTACTS[userId] ?? contactMethods(phoneMethod('PCX', 1, '5555550199'))];
    if (url.pathname.startsWith('/escalation_policies/')) return [200, ESCALATION_POLICY];
    return [404, { error: { message: 'Not Found' } }];
  }

  describe('requests the adapter sends', () => {
    it('REST: on-call pages, contact methods and the policy check match their operations', async () => {
      const captured = captureRequests(PD_API_URL, answerRest);
      const provider = new PagerDutyProvider(pagerDutySettings);
      await chainOf(provider, PLATFORM, noDeadline());
      await chainOf(provider, { name: 'Empty', policy: 'PEMPTY1' }, noDeadline());

      const operations = captured.map((request) => operationIdFor(rest.check, request));
      expect(new Set(operations)).toEqual(new Set(['listOnCalls', 'getUserContactMethods', 'getEscalationPolicy']));
      for (const [index, request] of captured.entries()) {
        const operationId = operations[index] ?? 'none';
        expect({ request: request.url, problems: requestProblems(rest.check, operationId, request) }).toEqual({
          request: request.url,
          problems: [],
        });
      }
    });

    it('REST: every request carries the API key header the spec declares, in its documented form', async () => {
      const captured = captureRequests(PD_API_URL, answerRest);
      await chainOf(new PagerDutyProvider(pagerDutySettings), PLATFORM, noDeadline());
      expect(apiKeyHeaders(rest.spec)).toEqual(['authorization']);
      const scheme = objectAt(rest.spec, 'components', 'securitySchemes', 'api_key');
      expect(scheme.description).toContain('Token token=<API_KEY>');
      for (const request of captured)
        expect(request.headers.authorization).toBe(`Token token=${pagerDutySettings.apiKey}`);
    });

    it("REST: the Accept header is the spec's own versioning default", async () => {
      // Known defect "PagerDuty Accept header": responses are declared only as application/json,
      // which is why Prism answers 406 to this Accept. The live API (and our mock) answer it with
      // JSON, so the adapter keeps sending it, and the bodies it gets are validated against the
      // application/json schemas, the only ones there are.
      const captured = captureRequests(PD_API_URL, answerRest);
      await chainOf(new PagerDutyProvider(pagerDutySettings), PLATFORM, noDeadline());
      const accept = objectAt(rest.spec, 'components', 'parameters', 'header_Accept', 'schema').default;
      expect(accept).toBe(PAGERDUTY_ACCEPT);
      for (const request of captured) expect(request.headers.accept).toBe(PAGERDUTY_ACCEPT);
    });

    it.each(ALL_KINDS)('Events v2: the %s event matches createV2Event', async (kind) => {
      const captured = captureRequests(PD_EVENTS_URL, () => [202, EVENT_ACCEPTED]);
      await new PagerDutyProvider(pagerDutySettings).sendIncidentEvent(eventsOfOneCall()[kind], noDeadline());
      expect(captured.length).toBeGreaterThan(0);
      for (const request of captured) {
        expect(operationIdFor(events.check, request)).toBe('createV2Event');
        expect(requestProblems(events.check, 'createV2Event', request)).toEqual([]);
      }
    });
  });

  describe('fixtures the adapter parses', () => {
    it.each(PAGERDUTY_RESPONSE_FIXTURES.map((f) => [f.name, f] as const))('REST %s', (_name, fixture) => {
      expect(responseProblems(rest.check, fixture.operationId, fixture.status, fixture.body)).toEqual([]);
    });

    it.each(EVENTS_RESPONSE_FIXTURES.map((f) => [f.name, f] as const))('Events v2 %s', (_name, fixture) => {
      expect(responseProblems(events.check, 'createV2Event', fixture.status, fixture.body)).toEqual([]);
    });

    it('would catch a fixture in the wrong shape', () => {
      expect(responseProblems(rest.check, 'listOnCalls', 200, { oncalls: [{ escalation_level: 'one' }] })).not.toEqual(
        [],
      );
      expect(responseProblems(events.check, 'createV2Event', 400, { message: 'no status' })).not.toEqual([]);
    });
  });

  describe('the mock server', () => {
    let mock: MockProviders;
    beforeAll(async () => {
      mock = await startMockProviders({ port: 0 });
    });
    afterAll(() => mock.stop());

    const restHeaders = { Authorization: 'Token token=mock-key', Accept: PAGERDUTY_ACCEPT };

    async function fetchJson(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
      const response = await fetch(`${mock.url}${path}`, init);
      return { status: response.status, body: (await response.json()) as unknown };
    }

    it('serves on-calls (with users, with references, paged), contact methods and policies in the spec shapes', async () => {
      const paths = [
        '/oncalls?escalation_policy_ids%5B%5D=PPLAT01&include%5B%5D=users&earliest=true&limit=100&offset=0',
        '/oncalls?escalation_policy_ids%5B%5D=PDATA01&limit=1&offset=1',
        '/oncalls',
        '/users/PUALICE/contact_methods',
        '/users/PUGRACE/contact_methods',
        '/users/NOBODY/contact_methods',
        '/escalation_policies/PPLAT01',
        '/escalation_policies/PNOPE99',
      ];
      for (const path of paths) {
        const { status, body } = await fetchJson(path, { headers: restHeaders });
        const operationId = operationIdFor(rest.check, { method: 'GET', url: path, headers: {} }) ?? 'none';
        expect({ path, status, problems: responseProblems(rest.check, operationId, status, body) }).toEqual({
          path,
          status: expect.any(Number),
          problems: [],
        });
      }
    });

    it('answers a request without the API key with a spec-shaped 401', async () => {
      const { status, body } = await fetchJson('/oncalls');
      expect(status).toBe(401);
      expect(responseProblems(rest.check, 'listOnCalls', status, body)).toEqual([]);
    });

    it.each([
      [
        'an accepted trigger',
        { routing_key: 'k', event_action: 'trigger', payload: { summary: 's', source: 'x', severity: 'critical' } },
      ],
      ['an accepted resolve', { routing_key: 'k', event_action: 'resolve', dedup_key: 'CA1' }],
      ['an invalid event', { routing_key: 'k', event_action: 'acknowledge' }],
    ])('answers %s on /v2/enqueue in the spec shape', async (_label, event) => {
      const { status, body } = await fetchJson('/v2/enqueue', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(event),
      });
      expect(responseProblems(events.check, 'createV2Event', status, body)).toEqual([]);
    });
  });
});
