// PagerDuty names everything by opaque IDs ("PABC123"). The mock derives them from the roster,
// so that they are the same on every run and can go in a test's ESC_POL_n:
//   escalation policy: "P" + the team slug's first 4 letters + the policy's place in the team
//                      (Platform Primary = PPLAT01, Platform Secondary = PPLAT02, Database Primary = PDATA01)
//   user:              "PU" + the username's first 5 letters (alice = PUALICE)
// A clash gets a number appended.
import type { MockPolicy, MockRoster, MockTeam, MockUser } from './roster';

export interface PagerDutyIds {
  policyId(policy: MockPolicy): string;
  userId(username: string): string;
  policyById(id: string): { team: MockTeam; policy: MockPolicy; index: number } | undefined;
  userById(id: string): MockUser | undefined;
}

function compact(text: string, length: number): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, length);
}

export function pagerDutyIds(roster: MockRoster): PagerDutyIds {
  const taken = new Set<string>();
  const claim = (candidate: string): string => {
    let id = candidate;
    for (let n = 2; taken.has(id); n += 1) id = `${candidate}${n}`;
    taken.add(id);
    return id;
  };
  const policyIds = new Map<MockPolicy, string>();
  const policiesById = new Map<string, { team: MockTeam; policy: MockPolicy; index: number }>();
  for (const team of roster.teams) {
    team.policies.forEach((policy, index) => {
      const id = claim(`P${compact(team.slug, 4)}${String(index + 1).padStart(2, '0')}`);
      policyIds.set(policy, id);
      policiesById.set(id, { team, policy, index });
    });
  }
  const userIds = new Map<string, string>();
  const usersById = new Map<string, MockUser>();
  for (const user of roster.users) {
    const id = claim(`PU${compact(user.username, 5)}`);
    userIds.set(user.username, id);
    usersById.set(id, user);
  }
  return {
    policyId: (policy) => policyIds.get(policy) ?? `P${compact(policy.slug, 6)}`,
    // A user missing from roster.users still gets a stable ID, so an on-call entry can name them.
    userId: (username) => userIds.get(username) ?? `PU${compact(username, 5)}`,
    policyById: (id) => policiesById.get(id),
    userById: (id) => usersById.get(id),
  };
}
