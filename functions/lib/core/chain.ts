import { toE164 } from './phone';
import type { Responder } from './types';

export interface OnCallCandidate {
  name: string;
  /** The candidate's phone numbers, best first, as the provider stores them. */
  phones: string[];
}

/** Someone on call who will not be rung, and why (for the log and `npm run doctor`). */
export interface SkippedCandidate {
  name: string;
  /** The escalation step (0 first) they were on call at. */
  step: number;
  why: 'no usable phone number' | 'their number is already in the chain';
}

export interface AssembledSteps {
  /** The people to ring, step by step; steps left with nobody are dropped. */
  steps: Responder[][];
  skipped: SkippedCandidate[];
}

/**
 * Turns escalation steps (in order, each with the people on call at that step) into the people to
 * ring: someone with no usable phone is skipped, and a number already in the chain is not rung twice.
 */
export function assembleSteps(steps: OnCallCandidate[][]): AssembledSteps {
  const assembled: Responder[][] = [];
  const skipped: SkippedCandidate[] = [];
  const seen = new Set<string>();
  steps.forEach((step, index) => {
    const ringing: Responder[] = [];
    for (const candidate of step) {
      const phone = candidate.phones.map(toE164).find((p): p is string => p !== undefined);
      if (!phone) skipped.push({ name: candidate.name, step: index, why: 'no usable phone number' });
      else if (seen.has(phone))
        skipped.push({ name: candidate.name, step: index, why: 'their number is already in the chain' });
      else {
        seen.add(phone);
        ringing.push({ name: candidate.name, phone });
      }
    }
    if (ringing.length > 0) assembled.push(ringing);
  });
  return { steps: assembled, skipped };
}

/** The people to ring, one after the other. */
export function assembleChain(steps: OnCallCandidate[][]): Responder[] {
  return assembleSteps(steps).steps.flat();
}
