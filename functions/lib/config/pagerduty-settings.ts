import type { Env } from './env';
import { stringValue, type EnvReader } from './env-reader';
import type { NumberedTeam } from './teams';

export const PAGERDUTY_API_URL = 'https://api.pagerduty.com';
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com';

export interface PagerDutySettings {
  /** REST API key: reads on-calls and contact methods. */
  apiKey: string;
  apiUrl: string;
  /** Events API v2 base URL (…/v2/enqueue is appended). */
  eventsUrl: string;
  /** Events API v2 integration key by team name, from PAGERDUTY_ROUTING_KEY_n. */
  routingKeys: Record<string, string>;
  /** PAGERDUTY_ROUTING_KEY: for every team without a key of its own. */
  defaultRoutingKey?: string;
}

/**
 * Only the API key is essential: without it nobody can be looked up. A team without a routing key
 * still gets its calls forwarded; its incidents fail loudly (and fall back to the SMS), which is
 * better than sending every caller to voicemail over a missing incident key.
 */
export function readPagerDutySettings(
  env: Env,
  reader: EnvReader,
  teams: NumberedTeam[],
): PagerDutySettings | undefined {
  const apiKey = stringValue(env, 'PAGERDUTY_API_KEY');
  if (!apiKey) {
    reader.complain('PAGERDUTY_API_KEY', 'is required for PagerDuty. Calls go to voicemail until it is set.', 'error');
  }
  reportTeamsWithoutPolicy(reader, teams);
  const defaultRoutingKey = stringValue(env, 'PAGERDUTY_ROUTING_KEY');
  const routingKeys: Record<string, string> = {};
  for (const { n, team } of teams) {
    const key = stringValue(env, `PAGERDUTY_ROUTING_KEY_${n}`) ?? defaultRoutingKey;
    if (key) routingKeys[team.name] = key;
    else
      reader.complain(
        `PAGERDUTY_ROUTING_KEY_${n}`,
        `is needed to open incidents for ${team.name} (or set PAGERDUTY_ROUTING_KEY for every team).`,
        'error',
      );
  }
  if (teams.length === 0 && !defaultRoutingKey) {
    reader.complain('PAGERDUTY_ROUTING_KEY', 'is needed to open PagerDuty incidents.', 'error');
  }
  const apiUrl = reader.url('PAGERDUTY_API_URL', PAGERDUTY_API_URL, 'error');
  const eventsUrl = reader.url('PAGERDUTY_EVENTS_URL', PAGERDUTY_EVENTS_URL, 'error');
  if (!apiKey || !apiUrl || !eventsUrl) return undefined;
  return { apiKey, apiUrl, eventsUrl, routingKeys, ...(defaultRoutingKey ? { defaultRoutingKey } : {}) };
}

/** PagerDuty cannot list teams for a menu, and on-calls are read by escalation policy ID. */
function reportTeamsWithoutPolicy(reader: EnvReader, teams: NumberedTeam[]): void {
  if (teams.length === 0) {
    reader.complain(
      'TEAM_1',
      'is required for PagerDuty, which offers no team list: set TEAM_n and ESC_POL_n (an escalation policy ID).',
      'error',
    );
  }
  for (const { team, policyIn } of teams) {
    if (team.policy) continue;
    reader.complain(
      policyIn,
      `is required for PagerDuty: the ID of ${team.name}'s escalation policy (such as PABC123). Calls to ${team.name} go to voicemail until it is set.`,
      'error',
    );
  }
}
