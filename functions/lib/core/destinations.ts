import type { Responder, Team } from './types';

export interface CheckedDestinations {
  allowed: Responder[];
  /** Why each refused responder was skipped, for the log (never the full number). */
  refusals: string[];
}

/**
 * The toll-fraud guard: with ALLOWED_COUNTRY_CODES set, only numbers in those countries are
 * dialled. E.164 country codes are prefix-free, so a prefix match is exact.
 */
export function checkDestinations(chain: Responder[], allowedCountryCodes: string[]): CheckedDestinations {
  if (allowedCountryCodes.length === 0) return { allowed: chain, refusals: [] };
  const allowed: Responder[] = [];
  const refusals: string[] = [];
  for (const responder of chain) {
    if (allowedCountryCodes.some((code) => responder.phone.startsWith(`+${code}`))) {
      allowed.push(responder);
    } else {
      refusals.push(`${responder.name} skipped: the number is outside ALLOWED_COUNTRY_CODES`);
    }
  }
  return { allowed, refusals };
}

/** The team's fallback numbers as a chain, for when the provider cannot name anyone. */
export function fallbackChain(team: Team): Responder[] {
  return (team.fallbackPhones ?? []).map((phone, i) => ({ name: `the ${team.name} fallback line ${i + 1}`, phone }));
}
