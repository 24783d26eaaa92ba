// Sums up a group of calls (the first after a fresh start, or the warm ones): the caller's wait,
// hops and sequential round trips per call, and the provider requests per call by endpoint.
import type { RecordedRequest } from '../simulator';
import type { CallWait } from './call-wait';
import { rangeOf, spreadOf, type Range, type Spread } from './percentiles';
import { countByEndpoint, isLookup, type EndpointCounts } from './provider-endpoints';
import { sequentialRoundTrips, startedWithin, type RequestSpan, type TimeWindow } from './round-trips';
import type { RuntimeRequest } from './runtime-http-log';

export interface PhaseSummary {
  calls: number;
  hopsToAnswer: Range;
  hopsAfterKey: Range | null;
  /** Sequential on-call lookup round trips in each call's window, as the runtime saw them. */
  roundTrips: Range;
  /** The same, read from the mock's request log alone (arrival and answer times at the mock). */
  roundTripsByMockLog: Range;
  msToAnswer: Spread;
  keyWebhookMs: Spread | null;
  /** Provider requests of the whole group per call, by endpoint. */
  requestsPerCall: EndpointCounts;
}

export interface PhaseInput {
  waits: readonly CallWait[];
  /** From the group's first call placed to its last call ended. */
  span: TimeWindow;
  mockLog: readonly RecordedRequest[];
  runtimeLog: readonly RuntimeRequest[];
}

type PathSpan = RequestSpan & { path: string };

/**
 * The mock's log as spans, from arrival to answer. A request never answered (no status: a hang,
 * whose `ms` only says when the mock stopped handling it) never ends.
 */
export function mockLogSpans(log: readonly RecordedRequest[]): PathSpan[] {
  return log.map((request) => ({
    path: request.path,
    startMs: request.at,
    endMs: request.status === null || request.ms === undefined ? null : request.at + request.ms,
  }));
}

function lookupRoundTrips(spans: readonly PathSpan[], window: TimeWindow): number {
  return sequentialRoundTrips(startedWithin(spans, window).filter((span) => isLookup(span.path)));
}

/** Every figure of a group of calls; throws when the group is empty. */
export function summarizePhase({ waits, span, mockLog, runtimeLog }: PhaseInput): PhaseSummary {
  if (waits.length === 0) throw new Error('summarizePhase: a group of calls needs at least one call');
  const mockSpans = mockLogSpans(mockLog);
  const rangeOfEach = (measure: (wait: CallWait) => number): Range => rangeOf(waits.map(measure)) as Range;
  const keyed = waits.flatMap((wait) => (wait.keyWebhookMs === null ? [] : [wait.keyWebhookMs]));
  const afterKey = waits.flatMap((wait) => (wait.hopsAfterKey === null ? [] : [wait.hopsAfterKey]));
  return {
    calls: waits.length,
    hopsToAnswer: rangeOfEach((wait) => wait.hopsToAnswer),
    hopsAfterKey: rangeOf(afterKey),
    roundTrips: rangeOfEach((wait) => lookupRoundTrips(runtimeLog, wait.window)),
    roundTripsByMockLog: rangeOfEach((wait) => lookupRoundTrips(mockSpans, wait.window)),
    msToAnswer: spreadOf(waits.map((wait) => wait.msToAnswer)) as Spread,
    keyWebhookMs: spreadOf(keyed),
    requestsPerCall: countByEndpoint(
      startedWithin(mockSpans, span).map((request) => request.path),
      waits.length,
    ),
  };
}
