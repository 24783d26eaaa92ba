// Who a call to a team would ring, in order, and who it would skip and why: the functions' own
// rules (core/chain.ts, core/destinations.ts, core/forwarding.ts) applied to what the provider
// answered. Phone numbers leave this file masked.
import { assembleSteps, type OnCallCandidate } from '../../functions/lib/core/chain';
import { checkDestinations, fallbackChain } from '../../functions/lib/core/destinations';
import { MAX_CHAIN_LENGTH } from '../../functions/lib/core/forwarding';
import type { Team } from '../../functions/lib/core/types';
import type { Gap } from './lookup';
import { maskPhone } from './mask';

export interface RingEntry {
  name: string;
  /** Masked. */
  phone: string;
  /** The escalation step they are on call at, 1 first. */
  escalationStep: number;
}

export interface SkipEntry {
  /** The person, or what the adapter could not read ("step 2 of Platform"). */
  name: string;
  /** 1 first; absent for what the adapter left out. */
  escalationStep?: number;
  why: string;
}

export interface ChainAssessment {
  ring: RingEntry[];
  skipped: SkipEntry[];
}

export const OUTSIDE_ALLOWED_COUNTRIES = 'the number is outside ALLOWED_COUNTRY_CODES';
export const PAST_CHAIN_LENGTH = `past the first ${MAX_CHAIN_LENGTH} people a call tries`;

export function assessChain(
  candidates: OnCallCandidate[][],
  allowedCountryCodes: string[],
  gaps: readonly Gap[] = [],
): ChainAssessment {
  const { steps, skipped: notRung } = assembleSteps(candidates);
  const stepOf = (name: string): number => candidates.findIndex((step) => step.some((c) => c.name === name)) + 1;
  const skipped: SkipEntry[] = notRung.map(({ name, step, why }) => ({ name, escalationStep: step + 1, why }));
  const ring: RingEntry[] = [];
  for (const responder of steps.flat()) {
    const escalationStep = stepOf(responder.name);
    if (checkDestinations([responder], allowedCountryCodes).allowed.length === 0) {
      skipped.push({ name: responder.name, escalationStep, why: OUTSIDE_ALLOWED_COUNTRIES });
    } else if (ring.length >= MAX_CHAIN_LENGTH) {
      skipped.push({ name: responder.name, escalationStep, why: PAST_CHAIN_LENGTH });
    } else {
      ring.push({ name: responder.name, phone: maskPhone(responder.phone), escalationStep });
    }
  }
  for (const gap of gaps) skipped.push({ name: gap.leftOut, why: `left out: could not be read (${gap.problem})` });
  return { ring, skipped };
}

export interface FallbackAssessment {
  /** Masked, in the order they ring. */
  phones: string[];
  /** Masked numbers the toll-fraud guard refuses. */
  refused: string[];
  /** FALLBACK_PHONES_n, FALLBACK_PHONES, or null when there are none. */
  variable: string | null;
}

/** `ownVariable` is FALLBACK_PHONES_n when the team has numbers of its own. */
export function assessFallback(
  team: Team,
  ownVariable: string | undefined,
  allowedCountryCodes: string[],
): FallbackAssessment {
  const chain = fallbackChain(team);
  const { allowed } = checkDestinations(chain, allowedCountryCodes);
  const allowedPhones = new Set(allowed.map((responder) => responder.phone));
  return {
    phones: allowed.map((responder) => maskPhone(responder.phone)),
    refused: chain.filter((r) => !allowedPhones.has(r.phone)).map((r) => maskPhone(r.phone)),
    variable: chain.length === 0 ? null : (ownVariable ?? 'FALLBACK_PHONES'),
  };
}
