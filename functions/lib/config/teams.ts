import type { Team } from '../core/types';
import type { Env } from './env';
import { stringValue, type EnvReader } from './env-reader';

/** A team with the n of its TEAM_n, so that per-team variables (ESC_POL_n, …) can be named. */
export interface NumberedTeam {
  n: number;
  team: Team;
  /** Where its policy is set, for messages: ESC_POL_n, or its entry in the routing file. */
  policyIn: string;
}

/** Where a routing file's team is, for messages and the doctor: `assets/routing.private.json teams[1]`. */
export function routingTeamEntry(routingFile: string, index: number): string {
  return `${routingFile} teams[${index}]`;
}

/** A routing file's teams, numbered as TEAM_n would number them (PAGERDUTY_ROUTING_KEY_n follows). */
export function numberFileTeams(teams: readonly Team[], routingFile: string): NumberedTeam[] {
  return teams.map((team, i) => ({ n: i + 1, team, policyIn: `${routingTeamEntry(routingFile, i)}.policy` }));
}

/**
 * TEAM_1, TEAM_2, … in numeric order, each with its ESC_POL_n. The reference also accepted
 * TEAM1 / ESC_POL1, so both spellings count.
 */
export function readTeams(env: Env, reader: EnvReader): NumberedTeam[] {
  const numbered: NumberedTeam[] = [];
  for (const [key, value] of Object.entries(env)) {
    const match = /^TEAM_?(\d+)$/i.exec(key);
    // The runtime's context mixes functions in with the variables.
    const name = typeof value === 'string' ? value.trim() : undefined;
    if (!match || !name) continue;
    const n = Number(match[1]);
    const policy = stringValue(env, `ESC_POL_${n}`) ?? stringValue(env, `ESC_POL${n}`);
    const fallbackPhones = reader.phones(`FALLBACK_PHONES_${n}`);
    numbered.push({
      n,
      policyIn: `ESC_POL_${n}`,
      team: { name, ...(policy ? { policy } : {}), ...(fallbackPhones.length > 0 ? { fallbackPhones } : {}) },
    });
  }
  return numbered.sort((a, b) => a.n - b.n);
}
