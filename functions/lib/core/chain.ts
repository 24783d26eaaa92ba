import { toE164 } from './phone';
import type { Responder } from './types';

export interface OnCallCandidate {
  name: string;
  /** The candidate's phone numbers, best first, as the provider stores them. */
  phones: string[];
}

/**
 * Turns escalation steps (in order, each with the people on call at that step) into the chain
 * to dial: people with no usable phone are skipped, and a number already in the chain is not
 * rung twice.
 */
export function assembleChain(steps: OnCallCandidate[][]): Responder[] {
  const chain: Responder[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    for (const candidate of step) {
      const phone = candidate.phones.map(toE164).find((p): p is string => p !== undefined);
      if (!phone || seen.has(phone)) continue;
      seen.add(phone);
      chain.push({ name: candidate.name, phone });
    }
  }
  return chain;
}
