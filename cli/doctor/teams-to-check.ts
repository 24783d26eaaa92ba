// The teams a call can choose, as the functions offer them: TEAM_n in order, or the provider's
// team list when none is set, each with its provider key (Splunk On-Call's slug) and fallbacks.
import type { Config } from '../../functions/lib/config/config';
import { EnvReader } from '../../functions/lib/config/env-reader';
import { numberFileTeams, readTeams, type NumberedTeam } from '../../functions/lib/config/teams';
import type { Messages } from '../../functions/lib/core/messages';
import type { Team } from '../../functions/lib/core/types';
import type { OnCallProvider } from '../../functions/lib/providers/provider';
import { withDeadline } from '../../functions/lib/shell/deadline';
import { describeError } from '../../functions/lib/shell/log';
import { flowConfigOf } from '../../functions/lib/shell/setup';
import { UsageError } from '../connect-number/errors';
import { teamPlace, type TeamPlace } from './team-place';

export interface TeamToCheck {
  team: Team;
  place: TeamPlace;
  /** Where its fallback numbers are set, when it has numbers of its own. */
  ownFallbackVariable: string | undefined;
}

export interface TeamsToCheck {
  teams: TeamToCheck[];
  /** Why the provider's team list could not be read, when no TEAM_n is set. */
  teamListProblem: { variable: string; message: string } | null;
}

export interface TeamSource {
  config: Config;
  env: Readonly<Record<string, string>>;
  messages: Messages;
  provider: OnCallProvider;
  /** False when the functions could not build the provider: there is no list to ask for then. */
  usable: boolean;
  /** Waits, if need be, before the provider's team list is read. */
  beforeTeamList: () => Promise<void>;
  /** The routing file in use: it numbers the teams, and holds their fallback numbers. */
  routingFile?: string;
}

/**
 * Refuses a --team that none of the configured teams is, before anything is printed or asked of
 * the provider. With no team configured the provider's list decides, later (teamsToCheck).
 */
export function checkTeamOption(configured: readonly Team[], only: string | undefined): void {
  if (only === undefined || configured.length === 0) return;
  if (!configured.some((team) => isNamed(team, only))) throw notATeam(only, configured);
}

/** --team matches a team's name whatever its case. */
function isNamed(team: Team, name: string): boolean {
  return team.name.trim().toLowerCase() === name.toLowerCase();
}

function notATeam(name: string, teams: readonly Team[]): UsageError {
  return new UsageError(`--team "${name}" is not one of the teams: ${teams.map((team) => team.name).join(', ')}`);
}

/** `only` is --team; a name that is not among the teams is a UsageError listing them. */
export async function teamsToCheck(source: TeamSource, only: string | undefined): Promise<TeamsToCheck> {
  const { config, env, messages, provider, usable } = source;
  const numbered: NumberedTeam[] = source.routingFile
    ? numberFileTeams(config.teams, source.routingFile)
    : readTeams(env, new EnvReader(env, []));
  let offered: Team[] = config.teams;
  let teamListProblem: TeamsToCheck['teamListProblem'] = null;
  const ask = <T>(what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> =>
    withDeadline(config.lookupTimeoutMs, what, work);
  if (usable && config.teams.length === 0) {
    await source.beforeTeamList();
    try {
      offered = await ask('team list', (signal) => provider.listTeams(signal));
    } catch (error) {
      teamListProblem = {
        variable: 'TEAM_1',
        message: `the team list could not be read (${describeError(error)}); set TEAM_1, TEAM_2, … so that the menu does not depend on it`,
      };
    }
  } else if (usable && provider.resolveTeamRefs) {
    const { resolveTeamRefs } = provider;
    await source.beforeTeamList();
    try {
      offered = await ask('team keys', (signal) => resolveTeamRefs.call(provider, config.teams, signal));
    } catch {
      // As in the functions: each lookup asks again, and says why if it fails too.
    }
  }
  const teams = flowConfigOf(config, offered, messages).teams.map((team) =>
    describe(team, numbered, source.routingFile),
  );
  if (only === undefined) return { teams, teamListProblem };
  const chosen = teams.filter(({ team }) => isNamed(team, only));
  if (chosen.length === 0)
    throw notATeam(
      only,
      teams.map(({ team }) => team),
    );
  return { teams: chosen, teamListProblem };
}

function describe(team: Team, numbered: readonly NumberedTeam[], routingFile: string | undefined): TeamToCheck {
  const entry = numbered.find((candidate) => candidate.team.name === team.name);
  const place = teamPlace(entry?.n, routingFile);
  const ownFallbackVariable = entry?.team.fallbackPhones ? (place.fallbackIn ?? undefined) : undefined;
  return { team, place, ownFallbackVariable };
}
