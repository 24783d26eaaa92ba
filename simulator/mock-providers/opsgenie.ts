// Opsgenie's REST API (also Jira Service Management operations'): who is on call in a schedule,
// users' contacts, teams, and alerts by alias. Alert requests answer 202 as the live API does:
// it processes them later, so an unknown alias is not an error here either; the ledger records
// such an action as discarded, which is what the live processing would do with it.
import type { IncidentLedger, MockIncidentState } from './incident-ledger';
import { isJsonObject, type JsonObject, type JsonValue } from './json';
import {
  findSchedule,
  opsgenieScheduleId,
  opsgenieScheduleName,
  opsgenieUsername,
  OPSGENIE_MAIL_DOMAIN,
} from './opsgenie-names';
import { splitE164 } from './phone-parts';
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';
import type { RefusesKey } from './refused-keys';
import { findUser, onCallUsername, type MockRoster, type MockUser } from './roster';

/** Each alert action, and the state it leaves the alert in. */
const ALERT_ACTIONS: Record<string, MockIncidentState | undefined> = {
  acknowledge: 'acknowledged',
  close: 'resolved',
  notes: undefined,
};
const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'];
const RECIPIENT_TYPES = ['all', 'none', 'user', 'escalation', 'schedule', 'team', 'group'];
const MESSAGE_MAX = 130;
const ALIAS_MAX = 512;

function owns(path: string): boolean {
  return ['/v2/schedules/', '/v2/users/', '/v2/alerts', '/v2/teams'].some((prefix) => path.startsWith(prefix));
}

function genieKeyOf(request: MockRequest): string | undefined {
  return /^GenieKey (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
}

function userByIdentifier(roster: MockRoster, identifier: string): MockUser | undefined {
  const suffix = `@${OPSGENIE_MAIL_DOMAIN}`;
  const username = identifier.endsWith(suffix) ? identifier.slice(0, -suffix.length) : identifier;
  return findUser(roster, username);
}

/** Voice contacts "<country code>-<number>", one per phone, plus an e-mail and an SMS to skip. */
function contacts(user: MockUser): JsonValue[] {
  const email = { id: `${user.username}-email`, method: 'email', to: opsgenieUsername(user.username) };
  const voice = user.phones.map((phone, index) => {
    const { countryCode, national } = splitE164(phone.value);
    return { id: `${user.username}-voice-${index + 1}`, method: 'voice', to: `${countryCode}-${national}` };
  });
  const sms = user.phones.slice(0, 1).map((phone) => {
    const { countryCode, national } = splitE164(phone.value);
    return { id: `${user.username}-sms-1`, method: 'sms', to: `${countryCode}-${national}` };
  });
  return [email, ...voice, ...sms].map((contact, applyOrder) => ({
    ...contact,
    status: { enabled: true },
    applyOrder,
  }));
}

function alertProblem(body: JsonObject): string | undefined {
  const message = body.message;
  if (typeof message !== 'string' || message.trim() === '') return 'Message can not be empty.';
  if (message.length > MESSAGE_MAX) return `Message can not be longer than ${MESSAGE_MAX} characters.`;
  if (body.alias !== undefined && (typeof body.alias !== 'string' || body.alias.length > ALIAS_MAX)) {
    return `Alias must be a string of at most ${ALIAS_MAX} characters.`;
  }
  if (body.priority !== undefined && (typeof body.priority !== 'string' || !PRIORITIES.includes(body.priority))) {
    return `Priority must be one of ${PRIORITIES.join(', ')}.`;
  }
  const responders = body.responders ?? [];
  const validResponder = (r: JsonValue): boolean =>
    isJsonObject(r) && typeof r.type === 'string' && RECIPIENT_TYPES.includes(r.type);
  if (!Array.isArray(responders) || !responders.every(validResponder)) return 'Responders must each have a type.';
  const visibleTo = body.visibleTo ?? [];
  if (!Array.isArray(visibleTo) || !visibleTo.every(validResponder)) return 'VisibleTo must each have a type.';
  const details = body.details ?? {};
  if (!isJsonObject(details) || !Object.values(details).every((v) => typeof v === 'string')) {
    return 'Details must be a map of strings.';
  }
  return undefined;
}

export function opsgenieApi(
  roster: MockRoster,
  ledger: IncidentLedger,
  refuses: RefusesKey = () => false,
): MockProviderApi {
  let requests = 0;
  const answer = (status: number, body: JsonObject): MockResponse =>
    jsonResponse(status, { ...body, took: 0.01, requestId: `mock-request-${(requests += 1)}` });

  const onCalls = (request: MockRequest, identifier: string): MockResponse => {
    const type = request.query.scheduleIdentifierType ?? 'id';
    const found = findSchedule(roster, identifier, type);
    if (!found) return answer(404, { message: `Schedule with identifier [${identifier}] does not exist` });
    const { team, policy } = found;
    const usernames = [...new Set(policy.steps.flat().map(onCallUsername))];
    const parent = { id: opsgenieScheduleId(policy), name: opsgenieScheduleName(team, policy), enabled: true };
    const data: JsonObject =
      request.query.flat === 'true'
        ? { _parent: parent, onCallRecipients: usernames.map(opsgenieUsername) }
        : {
            _parent: parent,
            onCallParticipants: usernames.map((username) => ({
              id: `user-${username}`,
              name: opsgenieUsername(username),
              type: 'user',
            })),
          };
    return answer(200, { data });
  };

  const alertAction = (request: MockRequest, identifier: string, action: string): MockResponse => {
    const type = request.query.identifierType ?? 'id';
    if (!['id', 'alias', 'tiny'].includes(type)) return answer(422, { message: `Invalid identifierType [${type}]` });
    const body = request.body ?? {};
    if (!isJsonObject(body)) return answer(422, { message: 'Body must be a JSON object.' });
    if (action === 'notes' && (typeof body.note !== 'string' || body.note.trim() === '')) {
      return answer(422, { message: 'Note can not be empty.' });
    }
    return {
      ...answer(202, { result: 'Request will be processed' }),
      effect: () => ledger.update('opsgenie', identifier, action, ALERT_ACTIONS[action]),
    };
  };

  const createAlert = (body: JsonValue | undefined): MockResponse => {
    if (!isJsonObject(body)) return answer(422, { message: 'Body must be a JSON object.' });
    const problem = alertProblem(body);
    if (problem) return answer(422, { message: problem });
    const alias = typeof body.alias === 'string' ? body.alias : String(body.message);
    const notifies = Array.isArray(body.responders) && body.responders.length > 0;
    return {
      ...answer(202, { result: 'Request will be processed' }),
      effect: () => ledger.open('opsgenie', alias, 'create', notifies),
    };
  };

  return {
    name: 'opsgenie',
    route(request: MockRequest): MockResponse | null {
      if (!owns(request.path)) return null;
      const key = genieKeyOf(request);
      if (!key) return answer(401, { message: 'Could not authenticate: send Authorization: GenieKey <key>' });
      if (refuses(key)) return answer(401, { message: 'Could not authenticate' });

      const schedule = matchPath('/v2/schedules/{identifier}/on-calls', request.path);
      const userContacts = matchPath('/v2/users/{identifier}/contacts', request.path);
      const action = matchPath('/v2/alerts/{identifier}/{action}', request.path);
      if (request.method === 'GET' && schedule) return onCalls(request, schedule[0] ?? '');
      if (request.method === 'GET' && userContacts) {
        const user = userByIdentifier(roster, userContacts[0] ?? '');
        if (!user) return answer(404, { message: `No user exists with username [${userContacts[0]}]` });
        return answer(200, { data: contacts(user) });
      }
      if (request.method === 'GET' && request.path === '/v2/teams') {
        return answer(200, {
          data: roster.teams.map((team) => ({ id: `team-${team.slug}`, name: team.name, description: '' })),
          expandable: ['member'],
        });
      }
      if (request.method === 'POST' && request.path === '/v2/alerts') return createAlert(request.body);
      const [identifier, verb] = action ?? [];
      if (request.method === 'POST' && identifier && verb && Object.hasOwn(ALERT_ACTIONS, verb)) {
        return alertAction(request, identifier, verb);
      }
      return answer(404, { message: `No mock for ${request.method} ${request.path}` });
    },
  };
}
