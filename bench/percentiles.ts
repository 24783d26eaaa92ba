// Percentiles by nearest rank: every figure reported is one that was measured.

/** The value below which p percent of the values fall (nearest rank); null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be above 0 and at most 100; got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

export interface Spread {
  p50: number;
  p99: number;
}

/** p50 and p99 of the values; null for no values. */
export function spreadOf(values: readonly number[]): Spread | null {
  const p50 = percentile(values, 50);
  const p99 = percentile(values, 99);
  return p50 === null || p99 === null ? null : { p50, p99 };
}

export interface Range {
  min: number;
  max: number;
}

/** The smallest and largest value; null for no values. */
export function rangeOf(values: readonly number[]): Range | null {
  return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
}
