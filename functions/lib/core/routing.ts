import type { OpeningHours } from './hours';

/**
 * Per-number and per-team routing, from the routing file (assets/routing.private.json). Without
 * one, every number offers every team, nobody is screened, and each team rings one person at a time.
 */
export interface Routing {
  /** By the number the caller dialled (Twilio's `To`, E.164): its own greeting and teams. */
  numbers: Record<string, NumberRouting>;
  /** By team name. A team without an entry has no hours, rings one person at a time, notifies nobody. */
  teams: Record<string, TeamRules>;
  callers: CallerRules;
  /** What silence at a menu, every time it is asked, leads to. */
  noInput: 'first-team' | 'voicemail' | 'goodbye';
  /** Cap on all the ringing of one call, for teams without one of their own. */
  maxRingSeconds?: number;
}

export interface NumberRouting {
  /** Said (or, as an https URL, played) instead of the greeting message. */
  greeting?: string;
  /** Team names in this number's menu order. */
  teams: string[];
}

export interface TeamRules {
  hours?: OpeningHours;
  /** What a call out of hours leads to; voicemail when the team has hours and no rule. */
  afterHours?: AfterHours;
  /** sequential: one person at a time; step: everyone on call at one escalation step at once. */
  ring: 'sequential' | 'step';
  /** Cap on all the ringing of one call for this team, before the caller is asked for a message. */
  maxRingSeconds?: number;
  /** Who hears of a voicemail left for the team, besides the incident system. */
  notify: { sms: string[]; email: string[] };
}

export type AfterHours = { team: string } | { voicemail: true } | { message: string };

export interface CallerRules {
  /** E.164 numbers or prefixes ending in `*`: refused at once, no ring, no incident. */
  block: string[];
  /** When not empty, only these callers are put through; the rest may leave a message. */
  allow: string[];
  /** A withheld or unknown caller ID. */
  anonymous: CallerTreatment;
  /** Twilio's STIR/SHAKEN verdict says the caller ID failed verification (StirVerstat TN-Validation-Failed…). */
  unverified: CallerTreatment;
}

/** allow: as anyone else; voicemail: may leave a message (an incident only if they do); reject: refused. */
export type CallerTreatment = 'allow' | 'voicemail' | 'reject';

export const DEFAULT_ROUTING: Routing = {
  numbers: {},
  teams: {},
  callers: { block: [], allow: [], anonymous: 'allow', unverified: 'allow' },
  noInput: 'first-team',
};

const SEQUENTIAL: TeamRules = { ring: 'sequential', notify: { sms: [], email: [] } };

export function rulesOf(routing: Routing, teamName: string): TeamRules {
  return Object.hasOwn(routing.teams, teamName) ? routing.teams[teamName] : SEQUENTIAL;
}
