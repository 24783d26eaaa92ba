import nock from 'nock';
import { OpsgenieProvider, scheduleNameFor } from '../../functions/lib/providers/opsgenie';
import { ProviderError } from '../../functions/lib/providers/provider';
import { ALL_KINDS, CALL_SID, eventsOfOneCall, RECORDING_URL } from '../fixtures/incident-events';
import {
  apiScope,
  captureAlertRequests,
  contact,
  contacts,
  contactsPath,
  ERRORS,
  mockPlatformLookup,
  OG_API_URL,
  ON_CALLS_QUERY,
  onCalls,
  opsgenieSettings,
  TEAMS,
} from '../fixtures/opsgenie';
import { chainOf, noDeadline, providerError, useOfflineNock } from './adapter-test-kit';

const provider = (): OpsgenieProvider => new OpsgenieProvider(opsgenieSettings);
const PLATFORM = { name: 'Platform' };

useOfflineNock();

describe('schedule names', () => {
  it("defaults to Opsgenie's own <team>_schedule, and ESC_POL_n names another", () => {
    expect(scheduleNameFor({ name: 'Platform' })).toBe('Platform_schedule');
    expect(scheduleNameFor({ name: 'Platform', policy: 'Platform nights' })).toBe('Platform nights');
  });
});

describe('on-call chain', () => {
  it("rings the schedule's recipients in order, each on their voice contacts in E.164", async () => {
    const scope = mockPlatformLookup();
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain).toEqual([
      { name: 'alice', phone: '+15555550101' },
      { name: 'dave', phone: '+447700900104' },
      // Carol's voice contacts are listed out of order; applyOrder decides.
      { name: 'carol', phone: '+15555550103' },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('sends the GenieKey (a scope wanting another key does not match)', async () => {
    nock(OG_API_URL, { reqheaders: { authorization: 'GenieKey someone-else' } })
      .get(/.*/)
      .reply(200, {});
    await expect(chainOf(provider(), PLATFORM, noDeadline())).rejects.toBeInstanceOf(ProviderError);
  });

  it('looks the schedule up by the name in ESC_POL_n, escaped in the path', async () => {
    const scope = apiScope();
    scope
      .get('/v2/schedules/Platform%20nights/on-calls')
      .query(ON_CALLS_QUERY)
      .reply(200, onCalls('Platform nights', []));
    await expect(chainOf(provider(), { name: 'Platform', policy: 'Platform nights' }, noDeadline())).resolves.toEqual(
      [],
    );
    expect(scope.isDone()).toBe(true);
  });

  it('skips people without an enabled voice contact, and numbers already in the chain', async () => {
    const scope = apiScope();
    scope
      .get('/v2/schedules/Platform_schedule/on-calls')
      .query(true)
      .reply(200, onCalls('Platform_schedule', ['grace@acme.example', 'heidi@acme.example', 'ivan@acme.example']));
    scope
      .get(contactsPath('grace@acme.example'))
      .reply(200, contacts(contact('sms', '1-5555550107', 0), contact('voice', '1-5555550117', 1, false)));
    scope.get(contactsPath('heidi@acme.example')).reply(200, contacts(contact('voice', '1-5555550108', 0)));
    scope.get(contactsPath('ivan@acme.example')).reply(200, contacts(contact('voice', '1-5555550108', 0)));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain).toEqual([{ name: 'heidi', phone: '+15555550108' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('leaves out a person who is unknown (404) and rings the rest', async () => {
    const scope = apiScope();
    scope
      .get('/v2/schedules/Platform_schedule/on-calls')
      .query(true)
      .reply(200, onCalls('Platform_schedule', ['gone@acme.example', 'heidi@acme.example']));
    scope.get(contactsPath('gone@acme.example')).reply(404, ERRORS.scheduleNotFound);
    scope.get(contactsPath('heidi@acme.example')).reply(200, contacts(contact('voice', '1-5555550108', 0)));
    const chain = await chainOf(provider(), PLATFORM, noDeadline());
    expect(chain.map((r) => r.name)).toEqual(['heidi']);
  });

  it('names the schedule and ESC_POL_n when the schedule does not exist', async () => {
    apiScope().get('/v2/schedules/Nope_schedule/on-calls').query(true).reply(404, ERRORS.scheduleNotFound);
    const error = await providerError(chainOf(provider(), { name: 'Nope' }, noDeadline()));
    expect(error.message).toMatch(/"Nope_schedule".*ESC_POL_n/);
    expect(error.retryable).toBe(false);
  });

  it('turns a 429 with Retry-After into a retryable ProviderError with the wait', async () => {
    apiScope()
      .get('/v2/schedules/Platform_schedule/on-calls')
      .query(true)
      .reply(429, ERRORS.throttled, { 'Retry-After': '4' });
    const error = await providerError(chainOf(provider(), PLATFORM, noDeadline()));
    expect([error.retryable, error.retryAfterMs]).toEqual([true, 4000]);
  });

  it('fails when no contacts can be read at all, so an outage is not "nobody on call"', async () => {
    const scope = apiScope();
    scope
      .get('/v2/schedules/Platform_schedule/on-calls')
      .query(true)
      .reply(200, onCalls('Platform_schedule', ['heidi@acme.example']));
    scope.get(contactsPath('heidi@acme.example')).reply(500, {});
    expect((await providerError(chainOf(provider(), PLATFORM, noDeadline()))).retryable).toBe(true);
  });

  it('treats a 5xx as retryable and a 401 as not, naming the key to check', async () => {
    apiScope().get('/v2/schedules/Platform_schedule/on-calls').query(true).reply(500, {});
    expect((await providerError(chainOf(provider(), PLATFORM, noDeadline()))).retryable).toBe(true);
    nock(OG_API_URL).get('/v2/schedules/Platform_schedule/on-calls').query(true).reply(401, ERRORS.unauthorized);
    const error = await providerError(chainOf(provider(), PLATFORM, noDeadline()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('OPSGENIE_API_KEY');
  });
});

describe('team list', () => {
  it('offers the Opsgenie teams by name', async () => {
    apiScope().get('/v2/teams').reply(200, TEAMS);
    await expect(provider().listTeams(noDeadline())).resolves.toEqual([{ name: 'Platform' }, { name: 'Database' }]);
  });
});

describe('alerts', () => {
  const events = eventsOfOneCall({ name: 'Platform' });

  it('opens an alert for an unanswered call: the CallSid as alias, the team as responder, P1', async () => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent(events['unanswered-call'], noDeadline());
    expect(captured).toEqual([
      {
        method: 'POST',
        path: '/v2/alerts',
        body: expect.objectContaining({
          message: 'Unanswered call for Platform from +15555550150',
          alias: CALL_SID,
          responders: [{ type: 'team', name: 'Platform' }],
          priority: 'P1',
          source: expect.any(String),
          description: expect.stringContaining('asked to leave a message'),
          details: expect.objectContaining({ caller: '+15555550150', team: 'Platform', awaiting: 'voicemail' }),
        }),
      },
    ]);
  });

  it('adds a voicemail to the alert as a note, after a create that only opens it if the early one was lost', async () => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent(events['message-left'], noDeadline());
    expect(captured).toEqual([
      {
        method: 'POST',
        path: '/v2/alerts',
        body: expect.objectContaining({
          message: 'Voicemail for Platform from +15555550150',
          alias: CALL_SID,
          responders: [{ type: 'team', name: 'Platform' }],
          priority: 'P1',
          description: expect.stringContaining(`Recording: ${RECORDING_URL}`),
          details: expect.objectContaining({ recordingUrl: RECORDING_URL }),
        }),
      },
      {
        method: 'POST',
        path: `/v2/alerts/${CALL_SID}/notes?identifierType=alias`,
        body: expect.objectContaining({ note: expect.stringContaining(`Recording: ${RECORDING_URL}`) }),
      },
    ]);
  });

  it.each(['missed-call', 'callback-requested'] as const)('opens (or adds to) the alert for a %s', async (kind) => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent(events[kind], noDeadline());
    expect(captured.map((request) => request.path)).toEqual([
      '/v2/alerts',
      `/v2/alerts/${CALL_SID}/notes?identifierType=alias`,
    ]);
    expect(captured[0]).toMatchObject({ body: { alias: CALL_SID, priority: 'P1' } });
  });

  it.each([
    ['transcript', 'notes', { note: expect.stringContaining('The checkout page is down.') }],
    ['call-ended', 'close', { user: 'Alice Adams', note: expect.stringContaining('42 s') }],
  ] as const)('sends %s to the alert by alias: %s', async (kind, action, body) => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent(events[kind], noDeadline());
    expect(captured).toEqual([
      {
        method: 'POST',
        path: `/v2/alerts/${CALL_SID}/${action}?identifierType=alias`,
        body: expect.objectContaining(body),
      },
    ]);
  });

  it('opens an accepted call as an alert the team sees but nobody is paged for, then acknowledges it', async () => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent(events['call-accepted'], noDeadline());
    expect(captured).toEqual([
      {
        method: 'POST',
        path: '/v2/alerts',
        body: expect.objectContaining({
          message: 'Live call for Platform from +15555550150',
          alias: CALL_SID,
          visibleTo: [{ type: 'team', name: 'Platform' }],
          priority: 'P3',
        }),
      },
      {
        method: 'POST',
        path: `/v2/alerts/${CALL_SID}/acknowledge?identifierType=alias`,
        body: expect.objectContaining({ user: 'Alice Adams', note: expect.stringContaining('accepted') }),
      },
    ]);
    expect(captured[0].body).not.toHaveProperty('responders');
  });

  it('names one alert, by the CallSid, in every message of a call', async () => {
    const captured = captureAlertRequests();
    for (const kind of ALL_KINDS) await provider().sendIncidentEvent(events[kind], noDeadline());
    const aliases = captured.map((request) =>
      request.path === '/v2/alerts' ? request.body.alias : request.path.split('/')[3],
    );
    expect(new Set(aliases)).toEqual(new Set([CALL_SID]));
  });

  it.each(['missed-call', 'call-accepted'] as const)(
    'tells the responders a %s came after hours, in the description and details, and says nothing of it otherwise',
    async (kind) => {
      const note = 'The call came after hours: the Database team was closed.';
      const captured = captureAlertRequests();
      await provider().sendIncidentEvent({ ...events[kind], afterHours: 'Database' }, noDeadline());
      expect(captured[0]).toMatchObject({
        path: '/v2/alerts',
        body: { description: expect.stringContaining(note), details: { afterHours: 'Database was closed' } },
      });
      captured.length = 0;
      await provider().sendIncidentEvent(events[kind], noDeadline());
      expect(captured[0].body.description).not.toContain('after hours');
      expect(captured[0].body.details).not.toHaveProperty('afterHours');
    },
  );

  it('repeats the after-hours sentence in the note a missed call adds to an open alert', async () => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent({ ...events['missed-call'], afterHours: 'Database' }, noDeadline());
    expect(captured[1]).toMatchObject({
      path: `/v2/alerts/${CALL_SID}/notes?identifierType=alias`,
      body: { note: expect.stringContaining('The call came after hours: the Database team was closed.') },
    });
  });

  it('keeps every detail a string, as Opsgenie requires', async () => {
    const captured = captureAlertRequests();
    await provider().sendIncidentEvent(events['message-left'], noDeadline());
    const details = Object.values(captured[0].body.details as Record<string, unknown>);
    expect(details.every((value) => typeof value === 'string')).toBe(true);
  });

  it('does not retry a 422, and says why Opsgenie refused', async () => {
    apiScope().post('/v2/alerts').reply(422, ERRORS.invalid);
    const error = await providerError(provider().sendIncidentEvent(events['missed-call'], noDeadline()));
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Message can not be empty.');
  });

  it('retries a 429 (after its wait) and a 5xx', async () => {
    apiScope().post('/v2/alerts').reply(429, ERRORS.throttled, { 'Retry-After': '1' });
    const throttled = await providerError(provider().sendIncidentEvent(events['missed-call'], noDeadline()));
    expect([throttled.retryable, throttled.retryAfterMs]).toEqual([true, 1000]);
    apiScope().post(`/v2/alerts/${CALL_SID}/close`).query(true).reply(503, {});
    expect((await providerError(provider().sendIncidentEvent(events['call-ended'], noDeadline()))).retryable).toBe(
      true,
    );
  });
});
