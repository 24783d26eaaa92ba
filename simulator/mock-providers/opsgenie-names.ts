// How the roster's teams, policies and people are named in the Opsgenie mock. Opsgenie creates a
// "<team>_schedule" for every team, so a team's first policy takes that name; further policies
// are "<policy name with underscores>_schedule" (Platform Secondary = Platform_Secondary_schedule).
// Usernames are e-mail addresses: alice@example.com.
import type { MockPolicy, MockRoster, MockTeam } from './roster';

export const OPSGENIE_MAIL_DOMAIN = 'example.com';

export function opsgenieUsername(username: string): string {
  return `${username}@${OPSGENIE_MAIL_DOMAIN}`;
}

export function opsgenieScheduleName(team: MockTeam, policy: MockPolicy): string {
  return team.policies[0] === policy ? `${team.name}_schedule` : `${policy.name.replace(/\s+/g, '_')}_schedule`;
}

/** Stable, readable stand-ins for Opsgenie's UUIDs. */
export function opsgenieScheduleId(policy: MockPolicy): string {
  return `schedule-${policy.slug}`;
}

export function findSchedule(
  roster: MockRoster,
  identifier: string,
  identifierType: string,
): { team: MockTeam; policy: MockPolicy } | undefined {
  for (const team of roster.teams) {
    for (const policy of team.policies) {
      const key = identifierType === 'name' ? opsgenieScheduleName(team, policy) : opsgenieScheduleId(policy);
      if (key === identifier) return { team, policy };
    }
  }
  return undefined;
}
