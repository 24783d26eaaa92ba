// PagerDuty's REST API (v2), the part the adapter reads: on-calls by escalation policy, users'
// contact methods, escalation policies. Shapes are the live API's, which differ from the published
// spec in one place: with include[]=users, each on-call's `user` is a full user, not a reference.
// Unlike a spec-driven mock (Prism), it answers PagerDuty's own Accept header with JSON.
import type { JsonObject, JsonValue } from './json';
import { pagerDutyIds, type PagerDutyIds } from './pagerduty-ids';
import { splitE164 } from './phone-parts';
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';
import type { RefusesKey } from './refused-keys';
import { findUser, onCallUsername, type MockPolicy, type MockRoster, type MockTeam, type MockUser } from './roster';
import { shiftWindow } from './shift-window';

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
const WEB = 'https://mock.pagerduty.test';
const API = 'https://mock-api.pagerduty.test';

function error(status: number, message: string): MockResponse {
  return jsonResponse(status, { error: { message } });
}

function tokenOf(request: MockRequest): string | undefined {
  return /^Token token=(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
}

function reference(type: string, id: string, summary: string, collection: string): JsonObject {
  return { id, type, summary, self: `${API}/${collection}/${id}`, html_url: `${WEB}/${collection}/${id}` };
}

function fullName(user: MockUser): string {
  return `${user.firstName} ${user.lastName}`.trim() || user.username;
}

function userObject(user: MockUser, ids: PagerDutyIds): JsonObject {
  const id = ids.userId(user.username);
  return {
    ...reference('user', id, fullName(user), 'users'),
    name: fullName(user),
    email: user.email ?? `${user.username}@example.com`,
    time_zone: 'America/New_York',
    role: 'user',
    job_title: 'Engineer',
    invitation_sent: false,
    teams: [],
    contact_methods: contactMethods(user, ids).map((method) =>
      reference(
        `${String(method.type)}_reference`,
        String(method.id),
        String(method.label),
        `users/${id}/contact_methods`,
      ),
    ),
    notification_rules: [],
  };
}

/** An e-mail first, then each phone as a voice method, and the first phone again for SMS. */
function contactMethods(user: MockUser, ids: PagerDutyIds): JsonObject[] {
  const userId = ids.userId(user.username);
  const method = (suffix: string, type: string, label: string, fields: JsonObject): JsonObject => ({
    ...reference(type, `PC${userId.slice(2)}${suffix}`, label, `users/${userId}/contact_methods`),
    label,
    ...fields,
  });
  const email = method('E', 'email_contact_method', 'Work', {
    address: user.email ?? `${user.username}@example.com`,
    send_short_email: false,
  });
  const phones = user.phones.map((phone, index) => {
    const { countryCode, national } = splitE164(phone.value);
    return method(`V${index + 1}`, 'phone_contact_method', phone.label ?? 'Phone', {
      country_code: Number(countryCode),
      address: national,
      blacklisted: false,
    });
  });
  const sms = user.phones.slice(0, 1).map((phone) => {
    const { countryCode, national } = splitE164(phone.value);
    return method('S1', 'sms_contact_method', phone.label ?? 'Phone', {
      country_code: Number(countryCode),
      address: national,
      blacklisted: false,
    });
  });
  return [email, ...phones, ...sms];
}

function scheduleReference(policyId: string, level: number, rotationName: string | undefined): JsonObject {
  return reference('schedule_reference', `${policyId}L${level}`, rotationName ?? `Level ${level}`, 'schedules');
}

/** Every current on-call, policy by policy and level by level (PagerDuty counts levels from 1). */
function onCalls(roster: MockRoster, ids: PagerDutyIds, withUsers: boolean, policyId?: string): JsonObject[] {
  const { start, end } = shiftWindow();
  return roster.teams.flatMap((team) =>
    team.policies
      .filter((policy) => policyId === undefined || ids.policyId(policy) === policyId)
      .flatMap((policy) =>
        policy.steps.flatMap((step, index) =>
          step.map((entry): JsonObject => {
            const username = onCallUsername(entry);
            const user = findUser(roster, username);
            const id = ids.userId(username);
            return {
              escalation_policy: reference(
                'escalation_policy_reference',
                ids.policyId(policy),
                policy.name,
                'escalation_policies',
              ),
              escalation_level: index + 1,
              schedule: scheduleReference(ids.policyId(policy), index + 1, entry.rotationName),
              user: withUsers && user ? userObject(user, ids) : reference('user_reference', id, username, 'users'),
              start,
              end,
            };
          }),
        ),
      ),
  );
}

function integerParam(raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

function listOnCalls(request: MockRequest, roster: MockRoster, ids: PagerDutyIds): MockResponse {
  const limit = integerParam(request.query.limit, DEFAULT_PAGE_SIZE);
  const offset = integerParam(request.query.offset, 0);
  if (limit === null || offset === null || limit === 0) return error(400, 'Invalid Input Provided');
  const pageSize = Math.min(limit, MAX_PAGE_SIZE);
  // The mock keeps one value per query key: one policy per request, as the adapter asks.
  const policyId = request.query['escalation_policy_ids[]'];
  const all = onCalls(roster, ids, request.query['include[]'] === 'users', policyId);
  return jsonResponse(200, {
    oncalls: all.slice(offset, offset + pageSize),
    limit: pageSize,
    offset,
    more: offset + pageSize < all.length,
    total: request.query.total === 'true' ? all.length : null,
  });
}

function escalationPolicy(team: MockTeam, policy: MockPolicy, ids: PagerDutyIds): JsonObject {
  const id = ids.policyId(policy);
  return {
    ...reference('escalation_policy', id, policy.name, 'escalation_policies'),
    name: policy.name,
    description: `${team.name} on call`,
    num_loops: 0,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: policy.steps.map((step, index): JsonValue => ({
      id: `${id}R${index + 1}`,
      escalation_delay_in_minutes: 5,
      targets: [scheduleReference(id, index + 1, step[0]?.rotationName)],
    })),
    services: [],
    teams: [],
  };
}

export function pagerDutyRestApi(roster: MockRoster, refuses: RefusesKey = () => false): MockProviderApi {
  const ids = pagerDutyIds(roster);
  return {
    name: 'pagerduty',
    route(request: MockRequest): MockResponse | null {
      const contacts = matchPath('/users/{id}/contact_methods', request.path);
      const policy = matchPath('/escalation_policies/{id}', request.path);
      if (request.path !== '/oncalls' && !contacts && !policy) return null;
      const token = tokenOf(request);
      if (!token) return error(401, 'Unauthorized: send Authorization: Token token=<API key>');
      if (refuses(token)) return error(401, 'Unauthorized: the API key is not valid');
      if (request.method !== 'GET') return error(405, `${request.method} is not mocked`);

      if (request.path === '/oncalls') return listOnCalls(request, roster, ids);
      if (contacts) {
        const user = ids.userById(contacts[0] ?? '');
        if (!user) return error(404, 'Not Found');
        return jsonResponse(200, { contact_methods: contactMethods(user, ids) });
      }
      const found = ids.policyById(policy?.[0] ?? '');
      if (!found) return error(404, 'Not Found');
      return jsonResponse(200, { escalation_policy: escalationPolicy(found.team, found.policy, ids) });
    },
  };
}
