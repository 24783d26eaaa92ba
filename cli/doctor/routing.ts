// The routing file as it stands now: which teams each number offers, whether each team is open
// this minute and where its calls go otherwise, who is screened, and what silence leads to.
import { describeOpeningState } from '../../functions/lib/core/hours-describe';
import { isOpenAt } from '../../functions/lib/core/hours';
import { rulesOf, type AfterHours, type Routing } from '../../functions/lib/core/routing';
import type { Team } from '../../functions/lib/core/types';
import type { ConfigProblem } from '../../functions/lib/config/env-reader';
import { maskPhone } from './mask';

export interface RoutingReport {
  /** The routing file in use, or null when calls follow the environment's TEAM_n alone. */
  file: string | null;
  /** A routing file that is there but not used, because it has problems; null otherwise. */
  rejected: string | null;
  numbers: Array<{ number: string; greeting: string | null; teams: string[]; menu: boolean }>;
  /** What a number the file does not list offers. */
  otherNumbers: { teams: string[]; menu: boolean };
  teams: Array<{
    name: string;
    /** null: the team has no hours, so it is always open. */
    openNow: boolean | null;
    hours: string | null;
    afterHours: string | null;
    ring: 'sequential' | 'step';
    maxRingSeconds: number | null;
    notify: { sms: number; email: number };
  }>;
  callers: { block: string[]; allow: string[]; anonymous: string; unverified: string };
  noInput: Routing['noInput'];
}

/** The errors that keep the functions from using the routing file `file`: each names a path in it. */
export function routingFileErrors(problems: readonly ConfigProblem[], file: string): ConfigProblem[] {
  return problems.filter((problem) => problem.severity === 'error' && problem.variable.startsWith(file));
}

/** `rejected` is a routing file that is there but has problems, so the functions ignore it. */
export function routingReport(
  routing: Routing,
  file: string | undefined,
  rejected: string | null,
  teams: readonly Team[],
  menus: 0 | 1 | 2,
  now: Date,
): RoutingReport {
  const menuFor = (names: string[]): boolean => menus > 0 && names.length > 1;
  const all = teams.map((team) => team.name);
  return {
    file: file ?? null,
    rejected,
    numbers: Object.entries(routing.numbers).map(([number, entry]) => ({
      number: maskPhone(number),
      greeting: entry.greeting ?? null,
      teams: entry.teams,
      menu: menuFor(entry.teams),
    })),
    otherNumbers: { teams: all, menu: menuFor(all) },
    teams: teams.map((team) => {
      const rules = rulesOf(routing, team.name);
      return {
        name: team.name,
        openNow: rules.hours ? isOpenAt(rules.hours, now) : null,
        hours: rules.hours ? describeOpeningState(rules.hours, now) : null,
        afterHours: rules.hours ? describeAfterHours(rules.afterHours) : null,
        ring: rules.ring,
        maxRingSeconds: rules.maxRingSeconds ?? routing.maxRingSeconds ?? null,
        notify: { sms: rules.notify.sms.length, email: rules.notify.email.length },
      };
    }),
    callers: {
      // Numbers are masked; prefixes (+1900*) name no one and are shown as written.
      block: routing.callers.block.map(maskPattern),
      allow: routing.callers.allow.map(maskPattern),
      anonymous: routing.callers.anonymous,
      unverified: routing.callers.unverified,
    },
    noInput: routing.noInput,
  };
}

function describeAfterHours(afterHours: AfterHours | undefined): string {
  if (!afterHours || 'voicemail' in afterHours) return 'voicemail';
  if ('team' in afterHours) return `the ${afterHours.team} team (voicemail if it is closed too)`;
  return `the message "${afterHours.message}", then voicemail`;
}

function maskPattern(pattern: string): string {
  return pattern.endsWith('*') ? pattern : maskPhone(pattern);
}
