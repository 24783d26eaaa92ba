// Everything the doctor says about one team, from its lookup and the configuration: pure, so the
// rules for "can somebody be reached now" are tested on their own.
import type { ProviderName } from '../../functions/lib/config/config';
import { assessChain, assessFallback, type FallbackAssessment, type RingEntry, type SkipEntry } from './chain';
import type { IncidentRoute } from './incidents';
import type { LookupOutcome } from './lookup';
import { classifyLookupFailure, type LookupFailure } from './lookup-failure';
import type { Team } from '../../functions/lib/core/types';
import { NOT_CONFIGURED } from './provider-labels';
import type { TeamPlace } from './team-place';

export interface TeamReport {
  name: string;
  /** Where the team is named (TEAM_n or the routing file's entry), or null for a team from the provider's list. */
  variable: string | null;
  /** Where numbers of its own to fall back on would be set; null when it can have none. */
  fallbackIn: string | null;
  /** Where the chain comes from: the policy, schedule or roster, for people. */
  chainFrom: string;
  /** How the lookup went; `lookupMs` is null when the provider was not asked. */
  lookupMs: number | null;
  /** Why the provider could not say who is on call; null when it could. */
  lookupFailure: LookupFailure | null;
  /** True when the static roster answered for a provider that failed (ROSTER_FALLBACK). */
  fromRosterFallback: boolean;
  /** In the order they ring. */
  ring: RingEntry[];
  skipped: SkipEntry[];
  fallback: FallbackAssessment;
  /** Who a call reaches now: the people on call, the fallback numbers, or nobody. */
  reaches: 'on-call' | 'fallback' | 'nobody';
  incidents: IncidentRoute;
}

export interface TeamFacts {
  team: Team;
  place: TeamPlace;
  /** Where its fallback numbers are set, when the team has numbers of its own. */
  ownFallbackVariable: string | undefined;
  provider: ProviderName;
  /** False when the functions could not build the provider (see the configuration problems). */
  providerConfigured: boolean;
  chainFrom: string;
  allowedCountryCodes: string[];
  incidents: IncidentRoute;
}

export function teamReport(facts: TeamFacts, outcome: LookupOutcome): TeamReport {
  const { team, place } = facts;
  const fallback = assessFallback(team, facts.ownFallbackVariable, facts.allowedCountryCodes);
  const base = {
    name: team.name,
    variable: place.definedIn,
    fallbackIn: place.fallbackIn,
    chainFrom: facts.chainFrom,
    fallback,
    incidents: facts.incidents,
  };
  const reachesWith = (ring: RingEntry[]): TeamReport['reaches'] =>
    ring.length > 0 ? 'on-call' : fallback.phones.length > 0 ? 'fallback' : 'nobody';
  const failureOf = (error: unknown): LookupFailure =>
    facts.providerConfigured
      ? classifyLookupFailure(error, facts.provider, { name: team.name, place })
      : {
          kind: 'not-asked',
          variable: base.variable ?? team.name,
          problem: NOT_CONFIGURED[facts.provider],
        };
  if (!outcome.ok) {
    const { skipped } = assessChain([], facts.allowedCountryCodes, outcome.gaps);
    return {
      ...base,
      // A provider the functions could not build is not asked: it fails before any request.
      lookupMs: facts.providerConfigured ? outcome.ms : null,
      lookupFailure: failureOf(outcome.error),
      fromRosterFallback: false,
      ring: [],
      skipped,
      reaches: reachesWith([]),
    };
  }
  const { ring, skipped } = assessChain(outcome.candidates, facts.allowedCountryCodes, outcome.gaps);
  const rosterAnswered = outcome.providerError !== undefined;
  return {
    ...base,
    lookupMs: outcome.ms,
    lookupFailure: rosterAnswered ? failureOf(outcome.providerError) : null,
    fromRosterFallback: rosterAnswered,
    ring,
    skipped,
    reaches: reachesWith(ring),
  };
}
