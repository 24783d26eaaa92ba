// How long to wait before the next lookup so that the doctor spends no more than its share of a
// provider's per-minute rate limit: the rest stays for live calls, which share the account's budget.

export const MINUTE_MS = 60_000;
/** The doctor's share of each documented per-minute limit. */
export const DOCTOR_SHARE = 1 / 3;

/** One endpoint family with a documented limit, and what the doctor allows itself of it. */
export interface Allowance {
  /** The endpoint family, as people say it ("on-call schedule"). */
  endpoint: string;
  documentedPerMinute: number;
  allowedPerMinute: number;
}

export function allowanceOf(endpoint: string, documentedPerMinute: number): Allowance {
  return {
    endpoint,
    documentedPerMinute,
    allowedPerMinute: Math.max(1, Math.floor(documentedPerMinute * DOCTOR_SHARE)),
  };
}

/**
 * Milliseconds until `cost` more requests fit in `allowed` per rolling minute, given the times of
 * the requests already made (epoch ms). A cost above the allowance waits for an empty minute: it
 * cannot fit, and waiting longer would not help.
 */
export function msUntilRoom(requestTimes: readonly number[], allowed: number, cost: number, now: number): number {
  const recent = requestTimes.filter((time) => time > now - MINUTE_MS).sort((a, b) => a - b);
  const excess = recent.length + Math.min(cost, allowed) - allowed;
  if (excess <= 0) return 0;
  // The request that must age out of the minute for the cost to fit.
  const blocking = recent[excess - 1] ?? now;
  return Math.max(0, blocking + MINUTE_MS - now);
}

export interface Wait {
  ms: number;
  /** The endpoint family whose allowance made the doctor wait. */
  allowance: Allowance;
}

/** The longest wait any endpoint family asks for, or undefined when every cost fits now. */
export function waitBefore(
  costs: ReadonlyArray<{ allowance: Allowance; requestTimes: readonly number[]; cost: number }>,
  now: number,
): Wait | undefined {
  let longest: Wait | undefined;
  for (const { allowance, requestTimes, cost } of costs) {
    const ms = msUntilRoom(requestTimes, allowance.allowedPerMinute, cost, now);
    if (ms > 0 && (!longest || ms > longest.ms)) longest = { ms, allowance };
  }
  return longest;
}
