// How many provider answers a caller waits for one after another. Requests sent together count
// once; a request sent only after another one had its answer counts again.

/** When one provider request started and ended, in epoch ms; `endMs` is null when it never ended. */
export interface RequestSpan {
  startMs: number;
  endMs: number | null;
}

/** A stretch of time, both ends included, in epoch ms. */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

/** The spans that started within the window. */
export function startedWithin<T extends RequestSpan>(spans: readonly T[], window: TimeWindow): T[] {
  return spans.filter((span) => span.startMs >= window.startMs && span.startMs <= window.endMs);
}

/** Orders spans so that any span that can come before another in a chain is sorted first. */
function chainOrder(a: RequestSpan, b: RequestSpan): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  // A span that ended the moment it started can precede another that started then too.
  return (a.endMs ?? Infinity) - (b.endMs ?? Infinity);
}

/**
 * The length of the longest chain of spans in which each one started at or after the end of the
 * one before it: the number of sequential round trips. 0 for no spans.
 */
export function sequentialRoundTrips(spans: readonly RequestSpan[]): number {
  const sorted = [...spans].sort(chainOrder);
  const longestEndingAt: number[] = [];
  for (const [index, span] of sorted.entries()) {
    let longestBefore = 0;
    for (let earlier = 0; earlier < index; earlier += 1) {
      const endMs = sorted[earlier].endMs;
      if (endMs !== null && endMs <= span.startMs) {
        longestBefore = Math.max(longestBefore, longestEndingAt[earlier]);
      }
    }
    longestEndingAt.push(longestBefore + 1);
  }
  return Math.max(0, ...longestEndingAt);
}
