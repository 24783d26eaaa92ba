// Where the operator sets each thing about a team, so that every line of the doctor names the
// variable or the routing-file entry to change, whichever the deployment uses.
import { routingTeamEntry } from '../../functions/lib/config/teams';

export interface TeamPlace {
  /** The team's place in the menu, counted from 1; undefined for a team from the provider's list. */
  n: number | undefined;
  /** Where the team is named: TEAM_n, or the routing file's teams[i]; null for a team from the provider's list. */
  definedIn: string | null;
  /** Where its escalation policy or schedule is set. */
  policyIn: string;
  /** Where numbers of its own to fall back on are set; null when it can have none. */
  fallbackIn: string | null;
}

/** `routingFile` is the routing file in use, which then numbers the teams instead of TEAM_n. */
export function teamPlace(n: number | undefined, routingFile: string | undefined): TeamPlace {
  if (n === undefined) return { n, definedIn: null, policyIn: 'ESC_POL_n', fallbackIn: null };
  if (routingFile) {
    const entry = routingTeamEntry(routingFile, n - 1);
    return { n, definedIn: entry, policyIn: `${entry}.policy`, fallbackIn: `${entry}.fallbackPhones` };
  }
  return { n, definedIn: `TEAM_${n}`, policyIn: `ESC_POL_${n}`, fallbackIn: `FALLBACK_PHONES_${n}` };
}
