// Who is on call, described once and independently of any provider, so that each
// provider's mock API renders the same people in its own shapes.

export interface MockPhone {
  /** E.164. */
  value: string;
  label?: string;
  verified?: boolean;
}

export interface MockUser {
  username: string;
  firstName: string;
  lastName: string;
  email?: string;
  /** In rank order; may be empty. */
  phones: MockPhone[];
}

export interface MockOnCallEntry {
  /** Scheduled user. */
  user: string;
  /** Someone who took the shift over; replaces `user`. */
  overrideUser?: string;
  rotationName?: string;
  shiftName?: string;
}

export interface MockPolicy {
  name: string;
  slug: string;
  /** Index = escalation step (0..3); each step lists who is on call, possibly nobody. */
  steps: MockOnCallEntry[][];
}

export interface MockTeam {
  name: string;
  slug: string;
  policies: MockPolicy[];
}

export interface MockRoster {
  teams: MockTeam[];
  users: MockUser[];
}

export function findUser(roster: MockRoster, username: string): MockUser | undefined {
  return roster.users.find((user) => user.username === username);
}

export function findTeam(roster: MockRoster, slug: string): MockTeam | undefined {
  return roster.teams.find((team) => team.slug === slug);
}

/** Distinct usernames appearing anywhere in a team's policies, overrides included. */
export function teamMembers(team: MockTeam): string[] {
  const names = new Set<string>();
  for (const policy of team.policies) {
    for (const step of policy.steps) {
      for (const entry of step) {
        names.add(entry.user);
        if (entry.overrideUser) names.add(entry.overrideUser);
      }
    }
  }
  return [...names];
}

/** Who actually takes the calls for an entry: the override user when there is one. */
export function onCallUsername(entry: MockOnCallEntry): string {
  return entry.overrideUser ?? entry.user;
}
