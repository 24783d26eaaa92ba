import nock from 'nock';
import type { Team } from '../../functions/lib/core/types';
import { PagerDutyProvider } from '../../functions/lib/providers/pagerduty';
import { ProviderError } from '../../functions/lib/providers/provider';
import { ALL_KINDS, CALL_SID, eventsOfOneCall, PLATFORM, RECORDING_URL } from '../fixtures/incident-events';
import {
  captureEvents,
  contactMethods,
  DEFAULT_ROUTING_KEY,
  emailMethod,
  ESCALATION_POLICY,
  EVENT_INVALID,
  EVENT_THROTTLED,
  mockPlatformLookup,
  onCall,
  onCallPage,
  onCallsQuery,
  pagerDutySettings,
  PD_EVENTS_URL,
  phoneMethod,
  PLATFORM_ROUTING_KEY,
  POLICY_ID,
  REST_ERRORS,
  restScope,
  smsMethod,
  userReference,
  USERS,
} from '../fixtures/pagerduty';
import { chainOf, noDeadline, providerError, useOfflineNock } from './adapter-test-kit';

const provider = (): PagerDutyProvider => new PagerDutyProvider(pagerDutySettings);

useOfflineNock();

describe('on-call chain', () => {
  it('asks for the policy with its users, orders by escalation level, and dials each phone in E.164', async () => {
    const scope = mockPlatformLookup();
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain).toEqual([
      { name: 'Alice Adams', phone: '+15555550101' },
      { name: 'Dave Davis', phone: '+447700900104' },
      { name: 'Carol Clark', phone: '+15555550103' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends the REST credentials and the versioned Accept header (a scope wanting others does not match)', async () => {
    nock('https://pd-api.test', { reqheaders: { authorization: 'Token token=someone-else' } })
      .get('/oncalls')
      .query(true)
      .reply(200, onCallPage([]));
    await expect(chainOf(provider(), PLATFORM, noDeadline())).rejects.toBeInstanceOf(ProviderError);
  });

  it('follows `more` with the offset of the next page', async () => {
    const scope = restScope();
    scope
      .get('/oncalls')
      .query(onCallsQuery(0))
      .reply(200, onCallPage([onCall(USERS.alice, 1)], { more: true, limit: 1 }));
    scope
      .get('/oncalls')
      .query(onCallsQuery(1))
      .reply(200, onCallPage([onCall(USERS.dave, 2)], { offset: 1, more: false, limit: 1 }));
    scope
      .get(`/users/${USERS.alice.id}/contact_methods`)
      .reply(200, contactMethods(phoneMethod('PC1', 1, '5555550101')));
    scope
      .get(`/users/${USERS.dave.id}/contact_methods`)
      .reply(200, contactMethods(phoneMethod('PC2', 1, '5555550104')));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain.map((r) => r.name)).toEqual(['Alice Adams', 'Dave Davis']);
    expect(scope.isDone()).toBe(true);
  });

  it('stops after five pages even when PagerDuty keeps saying `more`', async () => {
    const scope = restScope();
    for (let page = 0; page < 5; page += 1) {
      scope
        .get('/oncalls')
        .query(onCallsQuery(page))
        .reply(200, onCallPage([onCall(USERS.alice, 1)], { offset: page, more: true, limit: 1 }));
    }
    scope
      .get(`/users/${USERS.alice.id}/contact_methods`)
      .reply(200, contactMethods(phoneMethod('PC1', 1, '5555550101')));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain).toEqual([{ name: 'Alice Adams', phone: '+15555550101' }]);
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('skips users without a voice phone, SMS-only and blacklisted numbers, and numbers already in the chain', async () => {
    const scope = restScope();
    scope
      .get('/oncalls')
      .query(true)
      .reply(
        200,
        onCallPage([onCall(USERS.grace, 1), onCall(USERS.alice, 1), onCall(USERS.dave, 2), onCall(USERS.alice, 3)]),
      );
    scope.get(`/users/${USERS.grace.id}/contact_methods`).reply(
      200,
      contactMethods(emailMethod('PCE', USERS.grace.email), smsMethod('PCS', 1, '5555550107'), {
        ...phoneMethod('PCB', 1, '5555550117'),
        blacklisted: true,
      }),
    );
    scope
      .get(`/users/${USERS.alice.id}/contact_methods`)
      .reply(200, contactMethods(phoneMethod('PC1', 1, '5555550101')));
    // Dave shares Alice's handset: ringing it again would reach the same person.
    scope
      .get(`/users/${USERS.dave.id}/contact_methods`)
      .reply(200, contactMethods(phoneMethod('PC2', 1, '5555550101')));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain).toEqual([{ name: 'Alice Adams', phone: '+15555550101' }]);
    expect(scope.isDone()).toBe(true);
  });

  it("asks for each user's contact methods once, even when they are on call at several levels", async () => {
    const scope = restScope();
    scope
      .get('/oncalls')
      .query(true)
      .reply(200, onCallPage([onCall(USERS.alice, 1), onCall(USERS.alice, 2)]));
    scope
      .get(`/users/${USERS.alice.id}/contact_methods`)
      .once()
      .reply(200, contactMethods(phoneMethod('PC1', 1, '5555550101')));
    await expect(chainOf(provider(), PLATFORM, noDeadline())).resolves.toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('names a user by the summary of a bare user reference', async () => {
    const scope = restScope();
    scope
      .get('/oncalls')
      .query(true)
      .reply(200, onCallPage([onCall(userReference('PREF001', 'Rita Ref'), 1)]));
    scope.get('/users/PREF001/contact_methods').reply(200, contactMethods(phoneMethod('PC1', 1, '5555550109')));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain).toEqual([{ name: 'Rita Ref', phone: '+15555550109' }]);
  });

  it('leaves out a user whose contact methods cannot be read, and rings the others', async () => {
    const scope = restScope();
    scope
      .get('/oncalls')
      .query(true)
      .reply(200, onCallPage([onCall(USERS.alice, 1), onCall(USERS.dave, 2)]));
    scope.get(`/users/${USERS.alice.id}/contact_methods`).reply(500, {});
    scope
      .get(`/users/${USERS.dave.id}/contact_methods`)
      .reply(200, contactMethods(phoneMethod('PC2', 1, '5555550104')));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain.map((r) => r.name)).toEqual(['Dave Davis']);
  });

  it('fails when no contact methods can be read at all, so an outage is not "nobody on call"', async () => {
    const scope = restScope();
    scope
      .get('/oncalls')
      .query(true)
      .reply(200, onCallPage([onCall(USERS.alice, 1)]));
    scope
      .get(`/users/${USERS.alice.id}/contact_methods`)
      .reply(429, REST_ERRORS.rateLimited, { 'ratelimit-reset': '2' });
    const error = await providerError(chainOf(provider(), PLATFORM, noDeadline()));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
  });

  it('answers an empty chain when nobody is on call in a policy that exists', async () => {
    const scope = restScope();
    scope.get('/oncalls').query(true).reply(200, onCallPage([]));
    scope.get(`/escalation_policies/${POLICY_ID}`).reply(200, ESCALATION_POLICY);
    await expect(chainOf(provider(), PLATFORM, noDeadline())).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('names ESC_POL_n when the policy ID does not exist', async () => {
    const scope = restScope();
    scope.get('/oncalls').query(true).reply(200, onCallPage([]));
    scope.get(`/escalation_policies/${POLICY_ID}`).reply(404, REST_ERRORS.notFound);
    const error = await providerError(chainOf(provider(), PLATFORM, noDeadline()));
    expect(error.message).toMatch(/"PPLAT01".*does not exist.*ESC_POL_n, or "policy" in the routing file/);
    expect(error.retryable).toBe(false);
  });

  it('fails without a request when the team has no escalation policy', async () => {
    const error = await providerError(chainOf(provider(), { name: 'Platform' }, noDeadline()));
    expect(error.message).toContain('ESC_POL_n');
    expect(error.retryable).toBe(false);
  });

  it.each([
    ['Retry-After', '3', 3000],
    ['ratelimit-reset', '1', 1000],
  ])('turns a 429 with %s into a retryable ProviderError with the wait', async (header, value, waitMs) => {
    restScope()
      .get('/oncalls')
      .query(true)
      .reply(429, REST_ERRORS.rateLimited, { [header]: value });
    const error = await providerError(chainOf(provider(), PLATFORM, noDeadline()));
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(waitMs);
  });

  it('treats a 5xx as retryable and a 401 as not, naming the key to check', async () => {
    restScope().get('/oncalls').query(true).reply(503, {});
    expect((await providerError(chainOf(provider(), PLATFORM, noDeadline()))).retryable).toBe(true);
    restScope().get('/oncalls').query(true).reply(401, REST_ERRORS.unauthorized);
    const error = await providerError(chainOf(provider(), PLATFORM, noDeadline()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('PAGERDUTY_API_KEY');
  });

  it('cannot list teams: the operator must set TEAM_n', async () => {
    const error = await providerError(provider().listTeams());
    expect(error.message).toContain('TEAM_1');
  });
});

describe('incident events (Events API v2)', () => {
  const events = eventsOfOneCall();

  it.each([
    ['unanswered-call', ['trigger'], 'critical'],
    ['message-left', ['trigger'], 'critical'],
    ['missed-call', ['trigger'], 'critical'],
    ['callback-requested', ['trigger'], 'critical'],
    ['transcript', ['trigger'], 'critical'],
    ['call-ended', ['resolve'], 'info'],
  ] as const)('sends %s as %j, severity %s', async (kind, actions, severity) => {
    const { bodies } = captureEvents();
    await provider().sendIncidentEvent(events[kind], noDeadline());
    expect(bodies.map((body) => body.event_action)).toEqual(actions);
    expect(bodies[0]).toMatchObject({
      routing_key: PLATFORM_ROUTING_KEY,
      dedup_key: CALL_SID,
      payload: { source: expect.any(String), severity, summary: expect.any(String) },
    });
  });

  it('opens an accepted call as an info alert, then acknowledges it: PagerDuty drops an acknowledge for no alert', async () => {
    const { bodies } = captureEvents();
    await provider().sendIncidentEvent(events['call-accepted'], noDeadline());
    expect(bodies).toEqual([
      expect.objectContaining({
        event_action: 'trigger',
        dedup_key: CALL_SID,
        payload: expect.objectContaining({
          summary: 'Live call for Platform from +15555550150',
          severity: 'info',
          custom_details: expect.objectContaining({ responder: 'Alice Adams' }),
        }),
      }),
      expect.objectContaining({ event_action: 'acknowledge', dedup_key: CALL_SID }),
    ]);
  });

  it('does not acknowledge when the trigger before it was refused', async () => {
    const scope = nock(PD_EVENTS_URL).post('/v2/enqueue').reply(400, EVENT_INVALID);
    const error = await providerError(provider().sendIncidentEvent(events['call-accepted'], noDeadline()));
    expect(error.message).toContain('trigger');
    expect(scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('ties every message of a call to one alert by the CallSid', async () => {
    const { bodies } = captureEvents();
    for (const kind of ALL_KINDS) await provider().sendIncidentEvent(events[kind], noDeadline());
    expect(new Set(bodies.map((body) => body.dedup_key))).toEqual(new Set([CALL_SID]));
  });

  it('links the recording, and carries caller, team, call log and transcript in custom_details', async () => {
    const { bodies } = captureEvents();
    await provider().sendIncidentEvent(events['message-left'], noDeadline());
    await provider().sendIncidentEvent(events.transcript, noDeadline());
    const [voicemail, transcript] = bodies;
    expect(voicemail.links).toEqual([{ href: RECORDING_URL, text: expect.any(String) }]);
    expect(voicemail.payload).toMatchObject({
      summary: 'Voicemail for Platform from +15555550150',
      custom_details: {
        caller: '+15555550150',
        team: 'Platform',
        recordingUrl: RECORDING_URL,
        callLog: expect.stringContaining('Alice Adams did not answer'),
      },
    });
    expect(transcript.links).toEqual([{ href: RECORDING_URL, text: expect.any(String) }]);
    expect(transcript.payload).toMatchObject({
      summary: 'Voicemail for Platform from +15555550150',
      custom_details: { transcript: 'The checkout page is down.' },
    });
  });

  it.each(['missed-call', 'call-accepted'] as const)(
    'tells the responders a %s came after hours, in custom_details, and says nothing of it otherwise',
    async (kind) => {
      const { bodies } = captureEvents();
      const detailsOf = (body: Record<string, unknown>): Record<string, string> =>
        (body.payload as { custom_details: Record<string, string> }).custom_details;
      await provider().sendIncidentEvent({ ...events[kind], afterHours: 'Database' }, noDeadline());
      expect(detailsOf(bodies[0])).toMatchObject({
        description: expect.stringContaining('The call came after hours: the Database team was closed.'),
        afterHours: 'Database was closed',
      });
      bodies.length = 0;
      await provider().sendIncidentEvent(events[kind], noDeadline());
      expect(detailsOf(bodies[0])).not.toHaveProperty('afterHours');
      expect(detailsOf(bodies[0]).description).not.toContain('after hours');
    },
  );

  it('sends no links when there is no recording', async () => {
    const { bodies } = captureEvents();
    await provider().sendIncidentEvent(events['missed-call'], noDeadline());
    expect(bodies[0]).not.toHaveProperty('links');
  });

  it('uses the default routing key for a team without its own, and refuses a team with neither', async () => {
    const { bodies } = captureEvents();
    const database: Team = { name: 'Database', policy: 'PDATA01' };
    await provider().sendIncidentEvent(eventsOfOneCall(database)['missed-call'], noDeadline());
    expect(bodies[0].routing_key).toBe(DEFAULT_ROUTING_KEY);
    const withoutDefault = new PagerDutyProvider({ ...pagerDutySettings, defaultRoutingKey: undefined });
    const error = await providerError(
      withoutDefault.sendIncidentEvent(eventsOfOneCall(database)['missed-call'], noDeadline()),
    );
    expect(error.message).toContain('PAGERDUTY_ROUTING_KEY');
  });

  it('does not retry a 400, and says why PagerDuty refused', async () => {
    nock(PD_EVENTS_URL).post('/v2/enqueue').reply(400, EVENT_INVALID);
    const error = await providerError(provider().sendIncidentEvent(events['missed-call'], noDeadline()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("'routing_key' is invalid");
  });

  it('retries a 429 (after its wait) and a 5xx', async () => {
    nock(PD_EVENTS_URL).post('/v2/enqueue').reply(429, EVENT_THROTTLED, { 'Retry-After': '2' });
    const throttled = await providerError(provider().sendIncidentEvent(events['missed-call'], noDeadline()));
    expect([throttled.retryable, throttled.retryAfterMs]).toEqual([true, 2000]);
    nock(PD_EVENTS_URL).post('/v2/enqueue').reply(502, '');
    expect((await providerError(provider().sendIncidentEvent(events['missed-call'], noDeadline()))).retryable).toBe(
      true,
    );
  });
});
