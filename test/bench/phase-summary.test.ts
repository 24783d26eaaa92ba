import type { RecordedRequest } from '../../simulator';
import type { CallWait } from '../../bench/call-wait';
import { mockLogSpans, summarizePhase } from '../../bench/phase-summary';
import type { RuntimeRequest } from '../../bench/runtime-http-log';

function recorded(path: string, at: number, ms: number | undefined, status: number | null = 200): RecordedRequest {
  return {
    id: at,
    at,
    time: new Date(at).toISOString(),
    provider: 'splunk-oncall',
    method: 'GET',
    path,
    query: {},
    headers: {},
    body: null,
    status,
    ...(ms === undefined ? {} : { ms }),
  };
}

function sent(path: string, startMs: number, endMs: number | null): RuntimeRequest {
  return { method: 'GET', host: '127.0.0.1', path, startMs, endMs };
}

function wait(startMs: number, endMs: number, overrides: Partial<CallWait> = {}): CallWait {
  return {
    hopsToAnswer: 2,
    hopsAfterKey: 1,
    msToAnswer: endMs - startMs + 10,
    keyWebhookMs: endMs - startMs,
    window: { startMs, endMs },
    ...overrides,
  };
}

const TEAM = '/api-public/v1/team';
const schedule = (step: number): string => `/api-public/v2/team/platform/oncall/schedule?step=${step}`;
const PHONES = '/api-public/v1/user/alice/contact-methods/phones';
const ALERT = '/integrations/generic/20131114/alert/k/platform';

describe('summarizePhase', () => {
  // One cold call: the greeting reads the team list, the key's webhook (1100–1200) the schedule then the phones.
  const runtimeLog = [
    sent(TEAM, 1010, 1012),
    ...[0, 1, 2, 3].map((step) => sent(schedule(step), 1120 + step * 0.3, 1125 + step)),
    sent(PHONES, 1140, 1142),
    sent(ALERT, 1300, 1302),
  ];
  const mockLog = [
    recorded(TEAM, 1010, 1),
    ...[0, 1, 2, 3].map((step) => recorded(schedule(step).split('?')[0], 1120 + step * 2, 1)),
    recorded(PHONES, 1141, 1),
    recorded(ALERT, 1300, 1),
    recorded(ALERT, 1400, 1),
  ];

  it('counts round trips in each call’s window, by the runtime’s times and by the mock’s', () => {
    const summary = summarizePhase({
      waits: [wait(1100, 1200)],
      span: { startMs: 1000, endMs: 1500 },
      mockLog,
      runtimeLog,
    });
    expect(summary.roundTrips).toEqual({ min: 2, max: 2 });
    expect(summary.roundTripsByMockLog).toEqual({ min: 5, max: 5 });
    expect(summary.hopsAfterKey).toEqual({ min: 1, max: 1 });
    expect(summary.keyWebhookMs).toEqual({ p50: 100, p99: 100 });
    expect(summary.msToAnswer).toEqual({ p50: 110, p99: 110 });
  });

  it('counts the provider requests of the phase per call, leaving out those outside it', () => {
    const summary = summarizePhase({
      waits: [wait(1100, 1200), wait(1100, 1200, { hopsAfterKey: 2 })],
      span: { startMs: 1000, endMs: 1350 },
      mockLog,
      runtimeLog,
    });
    expect(summary.calls).toBe(2);
    expect(summary.hopsAfterKey).toEqual({ min: 1, max: 2 });
    expect(summary.requestsPerCall).toEqual({ 'team list': 0.5, schedule: 2, phones: 0.5, alert: 0.5, other: 0 });
  });

  it('finds no round trips for a warm call whose chain was cached', () => {
    const summary = summarizePhase({
      waits: [wait(1500, 1510)],
      span: { startMs: 1490, endMs: 1600 },
      mockLog,
      runtimeLog,
    });
    expect(summary.roundTrips).toEqual({ min: 0, max: 0 });
  });

  it('reports no key figures for calls without a key', () => {
    const summary = summarizePhase({
      waits: [wait(1000, 1200, { hopsAfterKey: null, keyWebhookMs: null, hopsToAnswer: 1 })],
      span: { startMs: 1000, endMs: 1500 },
      mockLog,
      runtimeLog,
    });
    expect(summary.hopsAfterKey).toBeNull();
    expect(summary.keyWebhookMs).toBeNull();
    expect(summary.roundTrips).toEqual({ min: 3, max: 3 });
  });

  it('refuses an empty group', () => {
    expect(() => summarizePhase({ waits: [], span: { startMs: 0, endMs: 1 }, mockLog, runtimeLog })).toThrow(
      'at least one call',
    );
  });
});

describe('mockLogSpans', () => {
  it('never ends a request the mock did not answer, whatever its ms says', () => {
    const hung = recorded(schedule(0), 100, 0, null);
    expect(mockLogSpans([hung, recorded(TEAM, 50, 3)])).toEqual([
      { path: hung.path, startMs: 100, endMs: null },
      { path: TEAM, startMs: 50, endMs: 53 },
    ]);
  });
});
