import { warmState } from './state';

const MINUTE_MS = 60_000;

/**
 * A provider's documented rate limit, treated as a budget to stay within rather than as an error
 * to recover from: requests are counted per bucket (an endpoint family) over the last minute, in
 * the process-wide warm state, so every function of a warm container spends from the same budget.
 */
export class RateBudget {
  constructor(
    /** Bucket name to requests allowed per minute. */
    private readonly limits: Readonly<Record<string, number>>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request. */
  spend(bucket: string): void {
    const times = this.recent(bucket);
    times.push(this.now());
    warmState().requestTimes.set(bucket, times);
  }

  /** How many more requests the bucket allows in the current minute (Infinity without a limit). */
  remaining(bucket: string): number {
    const limit = this.limits[bucket];
    return limit === undefined ? Infinity : Math.max(0, limit - this.recent(bucket).length);
  }

  private recent(bucket: string): number[] {
    const since = this.now() - MINUTE_MS;
    return (warmState().requestTimes.get(bucket) ?? []).filter((time) => time > since);
  }
}
