// Splunk On-Call (VictorOps) public REST API, in the shapes the live service returns
// (the phones endpoint follows the live API, not the published spec).
import type { JsonObject, JsonValue } from './json';
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';
import type { RefusesKey } from './refused-keys';
import {
  findTeam,
  findUser,
  teamMembers,
  type MockOnCallEntry,
  type MockRoster,
  type MockTeam,
  type MockUser,
} from './roster';
import { shiftWindow } from './shift-window';

const MAX_STEP = 3;

function hasCredentials(request: MockRequest): boolean {
  const id = request.headers['x-vo-api-id'];
  const key = request.headers['x-vo-api-key'];
  return typeof id === 'string' && id !== '' && typeof key === 'string' && key !== '';
}

function teamDetail(team: MockTeam): JsonObject {
  const base = `/api-public/v1/team/${team.slug}`;
  return {
    name: team.name,
    slug: team.slug,
    memberCount: teamMembers(team).length,
    version: 3,
    isDefaultTeam: false,
    _selfUrl: base,
    _membersUrl: `${base}/members`,
    _policiesUrl: `${base}/policies`,
    _adminsUrl: `${base}/admins`,
  };
}

function scheduleEntry(entry: MockOnCallEntry): JsonObject {
  const rendered: JsonObject = {
    onCallUser: { username: entry.user },
    onCallType: 'rotation_group',
    rotationName: entry.rotationName ?? 'Rotation',
    shiftName: entry.shiftName ?? 'Shift',
    shiftRoll: shiftWindow().end,
    rolls: [],
  };
  if (entry.overrideUser) rendered.overrideOnCallUser = { username: entry.overrideUser };
  return rendered;
}

function overrideEntry(entry: MockOnCallEntry & { overrideUser: string }): JsonObject {
  const { start, end } = shiftWindow();
  return {
    origOnCallUser: { username: entry.user },
    overrideOnCallUser: { username: entry.overrideUser },
    start,
    end,
  };
}

function teamSchedule(team: MockTeam, step: number): JsonObject {
  return {
    team: { name: team.name, slug: team.slug },
    schedules: team.policies.map((policy) => {
      const entries = policy.steps[step] ?? [];
      return {
        policy: { name: policy.name, slug: policy.slug },
        schedule: entries.map(scheduleEntry),
        overrides: entries
          .filter((entry): entry is MockOnCallEntry & { overrideUser: string } => entry.overrideUser !== undefined)
          .map(overrideEntry),
      };
    }),
  };
}

function phones(user: MockUser): JsonObject {
  const base = `/api-public/v1/user/${encodeURIComponent(user.username)}/contact-methods/phones`;
  const contactMethods: JsonValue[] = user.phones.map((phone, index) => ({
    id: 1000 + index,
    label: phone.label ?? 'Phone',
    value: phone.value,
    rank: index + 1,
    extId: `phone-${user.username}-${index + 1}`,
    verified: phone.verified ?? true,
    _selfUrl: `${base}/phone-${user.username}-${index + 1}`,
  }));
  return { contactMethods, _selfUrl: base };
}

/** Everyone currently on call in each policy, overrides applied, whatever the step. */
function currentOnCall(roster: MockRoster): JsonObject {
  return {
    teamsOnCall: roster.teams.map((team) => ({
      team: { name: team.name, slug: team.slug },
      onCallNow: team.policies.map((policy) => ({
        escalationPolicy: { name: policy.name, slug: policy.slug },
        users: policy.steps.flat().map((entry) => ({ onCallUser: { username: entry.overrideUser ?? entry.user } })),
      })),
    })),
  };
}

function policies(roster: MockRoster): JsonObject {
  return {
    policies: roster.teams.flatMap((team) =>
      team.policies.map((policy) => ({
        policy: { name: policy.name, slug: policy.slug, _selfUrl: `/api-public/v1/policies/${policy.slug}` },
        team: { name: team.name, slug: team.slug },
      })),
    ),
  };
}

function parseStep(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d+$/.test(raw)) return null;
  const step = Number(raw);
  return step <= MAX_STEP ? step : null;
}

export function splunkOnCallRestApi(roster: MockRoster, refuses: RefusesKey = () => false): MockProviderApi {
  return {
    name: 'splunk-oncall',
    route(request: MockRequest): MockResponse | null {
      if (!request.path.startsWith('/api-public/')) return null;
      if (!hasCredentials(request)) {
        return jsonResponse(401, { message: 'Authentication parameters missing: send X-VO-Api-Id and X-VO-Api-Key' });
      }
      if (refuses(String(request.headers['x-vo-api-key']))) {
        return jsonResponse(401, { message: 'Authentication failed: X-VO-Api-Key is not a key of this organization' });
      }
      if (request.method !== 'GET') return jsonResponse(405, { message: `${request.method} is not mocked` });

      if (request.path === '/api-public/v1/team') return jsonResponse(200, roster.teams.map(teamDetail));
      if (request.path === '/api-public/v1/oncall/current') return jsonResponse(200, currentOnCall(roster));
      if (request.path === '/api-public/v1/policies') return jsonResponse(200, policies(roster));

      const schedule = matchPath('/api-public/v2/team/{team}/oncall/schedule', request.path);
      if (schedule) {
        const team = findTeam(roster, schedule[0] ?? '');
        if (!team) return jsonResponse(404, { message: `Team not found: ${schedule[0]}` });
        const step = parseStep(request.query.step);
        if (step === null) return jsonResponse(400, { message: `step must be an integer from 0 to ${MAX_STEP}` });
        return jsonResponse(200, teamSchedule(team, step));
      }

      const phoneList = matchPath('/api-public/v1/user/{user}/contact-methods/phones', request.path);
      if (phoneList) {
        const user = findUser(roster, phoneList[0] ?? '');
        if (!user) return jsonResponse(404, { message: `User not found: ${phoneList[0]}` });
        return jsonResponse(200, phones(user));
      }
      return jsonResponse(404, { message: `Path not found: ${request.path}` });
    },
  };
}
