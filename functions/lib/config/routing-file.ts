import { parseCallerPattern } from '../core/callers';
import { parseOpeningHours } from '../core/hours';
import { isRecordingUrl } from '../core/messages';
import { parseOperatorPhone } from '../core/phone';
import type { AfterHours, CallerRules, NumberRouting, Routing, TeamRules } from '../core/routing';
import type { Team } from '../core/types';
import type { ConfigProblem } from './env-reader';
import { describeIssue, routingSchema, type RoutingFile, type RoutingFileTeam } from './routing-schema';

export type ParsedRouting = { ok: true; routing: Routing; teams: Team[] } | { ok: false; problems: ConfigProblem[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks the routing file whole: its shape, then what its parts mean together. Any problem keeps
 * the whole file out (a half-read file could route a call somewhere nobody meant), each named by
 * its path in the file.
 */
export function parseRoutingFile(json: unknown, file: string): ParsedRouting {
  const parsed = routingSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map(describeIssue).map((p) => problem(file, p.path, p.message)) };
  }
  const problems: Array<{ path: string; message: string }> = [];
  const complain = (path: string, message: string): void => {
    problems.push({ path, message });
  };
  const content = parsed.data;
  const teams = readTeams(content.teams, complain);
  const names = new Set(content.teams.map((team) => team.name));
  const numbers = readNumbers(content.numbers ?? {}, names, complain);
  checkMenuLength(content, complain);
  checkAfterHours(content.teams, names, complain);
  const callers = readCallers(content.callers, complain);
  if (problems.length > 0) return { ok: false, problems: problems.map((p) => problem(file, p.path, p.message)) };
  return {
    ok: true,
    routing: {
      numbers,
      teams: Object.fromEntries(teams.map(({ team, rules }) => [team.name, rules])),
      callers,
      noInput: content.noInput ?? 'first-team',
      ...(content.maxRingSeconds !== undefined ? { maxRingSeconds: content.maxRingSeconds } : {}),
    },
    teams: teams.map(({ team }) => team),
  };
}

function problem(file: string, path: string, message: string): ConfigProblem {
  return {
    variable: path ? `${file} ${path}` : file,
    message: `${message}. The routing file is not used until it is fixed.`,
    severity: 'error',
  };
}

type Complain = (path: string, message: string) => void;

/**
 * A menu's teams travel in the sealed call state, in the URL Twilio requests next, which Twilio
 * caps at 4,096 characters; past this many characters of names (and the providers' keys beside
 * them) a call would end in Twilio's application error.
 */
export const MAX_MENU_NAME_CHARACTERS = 1500;

function checkMenuLength(content: RoutingFile, complain: Complain): void {
  const length = (teams: string[]): number => teams.reduce((sum, name) => sum + name.length, 0);
  const tooLong = (count: number): string =>
    `the names of the teams it offers come to ${count} characters; a menu may have at most ${MAX_MENU_NAME_CHARACTERS} (they travel in the URL of every step of the call)`;
  const every = length(content.teams.map((team) => team.name));
  if (every > MAX_MENU_NAME_CHARACTERS) complain('teams', `offered to any number not in "numbers": ${tooLong(every)}`);
  for (const [number, routing] of Object.entries(content.numbers ?? {})) {
    const count = length(routing.teams);
    if (count > MAX_MENU_NAME_CHARACTERS) complain(`numbers[${JSON.stringify(number)}].teams`, tooLong(count));
  }
}

/** Names are matched exactly: a near miss in case is named, so the fix is one glance away. */
function unknownTeam(name: string, names: Set<string>): string {
  const near = [...names].find((known) => known.toLowerCase() === name.toLowerCase());
  return near
    ? `"${name}" is not the name of any team in "teams" (names match exactly: did you mean "${near}"?)`
    : `"${name}" is not the name of any team in "teams"`;
}

function readTeams(teams: RoutingFileTeam[], complain: Complain): Array<{ team: Team; rules: TeamRules }> {
  const seen = new Map<string, number>();
  return teams.map((raw, t) => {
    const at = `teams[${t}]`;
    const key = raw.name.toLowerCase();
    if (seen.has(key)) complain(`${at}.name`, `"${raw.name}" is already the name of teams[${seen.get(key)}]`);
    seen.set(key, t);
    const fallbackPhones = phones(raw.fallbackPhones ?? [], `${at}.fallbackPhones`, complain);
    const team: Team = {
      name: raw.name,
      ...(raw.policy ? { policy: raw.policy } : {}),
      ...(fallbackPhones.length > 0 ? { fallbackPhones } : {}),
    };
    const rules: TeamRules = {
      ring: raw.ring ?? 'sequential',
      notify: {
        sms: phones(raw.notify?.sms ?? [], `${at}.notify.sms`, complain),
        email: emails(raw.notify?.email ?? [], `${at}.notify.email`, complain),
      },
      ...(raw.maxRingSeconds !== undefined ? { maxRingSeconds: raw.maxRingSeconds } : {}),
      ...readHours(raw, at, complain),
    };
    return { team, rules };
  });
}

function readHours(raw: RoutingFileTeam, at: string, complain: Complain): Pick<TeamRules, 'hours' | 'afterHours'> {
  if (!raw.hours) return {};
  const { afterHours, ...weekly } = raw.hours;
  const parsed = parseOpeningHours(weekly);
  if (!parsed.ok) {
    for (const p of parsed.problems) complain(`${at}.hours.${p.path}`, p.message);
    return {};
  }
  if (afterHours && 'message' in afterHours)
    checkSpoken(afterHours.message, `${at}.hours.afterHours.message`, complain);
  return { hours: parsed.hours, ...(afterHours ? { afterHours: afterHours as AfterHours } : {}) };
}

/** Each after-hours team must exist, and following them must never come back round. */
function checkAfterHours(teams: RoutingFileTeam[], names: Set<string>, complain: Complain): void {
  const next = new Map<string, string>();
  for (const team of teams) {
    const afterHours = team.hours?.afterHours;
    if (afterHours && 'team' in afterHours) next.set(team.name, afterHours.team);
  }
  teams.forEach((team, t) => {
    const target = next.get(team.name);
    if (target === undefined) return;
    const path = `teams[${t}].hours.afterHours.team`;
    if (!names.has(target)) {
      complain(path, unknownTeam(target, names));
      return;
    }
    const visited = [team.name];
    for (let current = target; current !== undefined; current = next.get(current) as string) {
      if (visited.includes(current)) {
        complain(path, `after-hours teams go round in a loop: ${[...visited, current].join(' → ')}`);
        return;
      }
      visited.push(current);
      if (!next.has(current)) return;
    }
  });
}

function readNumbers(
  numbers: NonNullable<RoutingFile['numbers']>,
  names: Set<string>,
  complain: Complain,
): Record<string, NumberRouting> {
  const read: Record<string, NumberRouting> = {};
  for (const [number, routing] of Object.entries(numbers)) {
    const at = `numbers[${JSON.stringify(number)}]`;
    const parsed = parseOperatorPhone(number);
    if (!parsed.ok) complain(at, `the number ${parsed.problem}`);
    routing.teams.forEach((name, i) => {
      if (!names.has(name)) complain(`${at}.teams[${i}]`, unknownTeam(name, names));
      else if (routing.teams.indexOf(name) < i) complain(`${at}.teams[${i}]`, `"${name}" is already in this list`);
    });
    if (routing.greeting) checkSpoken(routing.greeting, `${at}.greeting`, complain);
    // "+1 800 555 0100" and "+18005550100" are one number: one entry would silently win.
    if (parsed.ok && read[parsed.phone])
      complain(at, `is ${parsed.phone} again, which an earlier entry already routes`);
    else if (parsed.ok)
      read[parsed.phone] = { teams: routing.teams, ...(routing.greeting ? { greeting: routing.greeting } : {}) };
  }
  return read;
}

function readCallers(callers: RoutingFile['callers'], complain: Complain): CallerRules {
  const patterns = (list: string[] | undefined, at: string): string[] =>
    (list ?? []).flatMap((pattern, i) => {
      const parsed = parseCallerPattern(pattern);
      if (!parsed.ok) complain(`${at}[${i}]`, parsed.problem);
      return parsed.ok ? [pattern.trim()] : [];
    });
  return {
    block: patterns(callers?.block, 'callers.block'),
    allow: patterns(callers?.allow, 'callers.allow'),
    anonymous: callers?.anonymous ?? 'allow',
    unverified: callers?.unverified ?? 'allow',
  };
}

function phones(list: string[], at: string, complain: Complain): string[] {
  return list.flatMap((raw, i) => {
    const parsed = parseOperatorPhone(raw);
    if (!parsed.ok) complain(`${at}[${i}]`, `"${raw}" ${parsed.problem}`);
    return parsed.ok ? [parsed.phone] : [];
  });
}

function emails(list: string[], at: string, complain: Complain): string[] {
  return list.flatMap((raw, i) => {
    const address = raw.trim();
    if (EMAIL.test(address)) return [address];
    complain(`${at}[${i}]`, `"${raw}" is not an e-mail address`);
    return [];
  });
}

/** Words said to callers: a sentence, or the https URL of a recording. */
function checkSpoken(value: string, at: string, complain: Complain): void {
  if (/^[a-z]+:\/\//i.test(value.trim()) && !isRecordingUrl(value.trim()))
    complain(at, `"${value}" is not an https URL`);
}
