import type { CallCaseResult } from '../../bench/call-bench';
import type { PhaseSummary } from '../../bench/phase-summary';
import { formatCount, formatRange, formatReport } from '../../bench/report';
import type { BenchResult } from '../../bench/result';

function phase(overrides: Partial<PhaseSummary> = {}): PhaseSummary {
  return {
    calls: 1,
    hopsToAnswer: { min: 2, max: 2 },
    hopsAfterKey: { min: 1, max: 1 },
    roundTrips: { min: 2, max: 2 },
    roundTripsByMockLog: { min: 2, max: 2 },
    msToAnswer: { p50: 415.4, p99: 415.4 },
    keyWebhookMs: { p50: 187, p99: 187 },
    requestsPerCall: { 'team list': 1, schedule: 4, phones: 3, alert: 2, other: 0 },
    ...overrides,
  };
}

function callCase(
  menus: 0 | 1,
  provider: CallCaseResult['case']['provider'],
  first: PhaseSummary,
  warm: PhaseSummary,
): CallCaseResult {
  const awaited = provider === 'hangs' ? 'voicemail prompt' : 'first ring';
  return { case: { menus, provider, concurrency: 1, warmCalls: warm.calls, awaited }, first, warm };
}

const warm = phase({
  calls: 30,
  roundTrips: { min: 0, max: 0 },
  roundTripsByMockLog: { min: 0, max: 0 },
  msToAnswer: { p50: 19.2, p99: 57 },
  requestsPerCall: { 'team list': 0, schedule: 0, phones: 0, alert: 2, other: 0 },
});

const result: BenchResult = {
  machine: { node: 'v20.20.2', cpu: 'AMD EPYC', cores: 2, platform: 'linux x64', loadAverage: [1.5, 2, 2.25] },
  settings: { warmCalls: 30, hangCalls: 4, loadRuns: 7 },
  calls: [
    callCase(1, { latencyMs: 0 }, phase({ roundTripsByMockLog: { min: 5, max: 7 } }), warm),
    callCase(
      1,
      'hangs',
      phase({
        msToAnswer: { p50: 2250, p99: 2250 },
        roundTrips: { min: 1, max: 1 },
        roundTripsByMockLog: { min: 1, max: 1 },
      }),
      phase({ calls: 4 }),
    ),
    callCase(
      0,
      { latencyMs: 100 },
      phase({
        hopsAfterKey: null,
        keyWebhookMs: null,
        hopsToAnswer: { min: 1, max: 1 },
        roundTrips: { min: 3, max: 3 },
        roundTripsByMockLog: { min: 3, max: 3 },
      }),
      warm,
    ),
  ],
  moduleLoad: [
    {
      function: 'whisper',
      providerRequests: 'no',
      runs: 7,
      runtime: { loadMs: 51.26, axiosMs: 0.2, withAxiosMs: 51.5 },
      bare: { loadMs: 180, axiosMs: 0, withAxiosMs: 180 },
      limits: [{ maxMs: 45, withAxios: false, ms: 51.26, within: false }],
    },
  ],
  seconds: 151.4,
};

describe('formatReport', () => {
  const lines = formatReport(result).split('\n');
  const cellsOf = (line: string): string[] =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
  /** The cells of the first table row that starts with these cells. */
  const rowStarting = (...start: string[]): string[] =>
    cellsOf(lines.find((line) => cellsOf(line).slice(0, start.length).join('|') === start.join('|')) ?? '');

  it('starts with the machine and the counts used', () => {
    expect(lines[0]).toBe('# npm run bench');
    expect(lines[2]).toBe('Node v20.20.2, AMD EPYC, 2 cores (linux x64); load average 1.5 2 2.25 at the start.');
    expect(lines[3]).toContain('30 warm calls per case (BENCH_CALLS)');
    expect(lines[3]).toContain('the run took 151 s');
  });

  it('shows the menu case with the mock log’s round trips beside the runtime’s when they differ', () => {
    expect(rowStarting('0 ms', '1', 'first ×1').slice(3)).toEqual([
      '1',
      '2 (mock log: 5–7)',
      '415',
      '415',
      '187',
      '187',
      '1',
      '4',
      '3',
      '2',
    ]);
    expect(rowStarting('0 ms', '1', 'warm ×30').slice(3, 7)).toEqual(['1', '0', '19', '57']);
  });

  it('gives the hanging provider its own table, timed to the voicemail prompt', () => {
    const heading = lines.indexOf('## Provider hangs: time to the voicemail prompt (NUMBER_OF_MENUS=1)');
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(heading).find((line) => line.startsWith('| Provider latency'))).toContain(
      'To voicemail prompt p50',
    );
    expect(rowStarting('hangs', '1', 'first ×1')[5]).toBe('2250');
  });

  it('reports the case without a menu from the call’s arrival', () => {
    const heading = lines.indexOf('## Time to the first ring, no menu (NUMBER_OF_MENUS=0)');
    expect(lines.slice(heading).find((line) => line.startsWith('| Provider latency'))).toContain(
      'Round trips from arrival',
    );
    expect(rowStarting('100 ms', '1', 'first ×1').slice(3, 5)).toEqual(['1', '3']);
  });

  it('prints module load medians and says by how much a limit is missed', () => {
    expect(rowStarting('whisper', 'no').slice(2)).toEqual([
      '51.3',
      '0.2',
      '51.5',
      '180.0',
      '0.0',
      '180.0',
      'load ≤ 45: OVER by 6.3',
    ]);
  });
});

describe('formatRange and formatCount', () => {
  it('write one value once and a spread with a dash', () => {
    expect(formatRange({ min: 2, max: 2 })).toBe('2');
    expect(formatRange({ min: 1, max: 3 })).toBe('1–3');
    expect(formatRange(null)).toBe('—');
  });

  it('keep at most two decimals', () => {
    expect(formatCount(0.2)).toBe('0.2');
    expect(formatCount(2 / 3)).toBe('0.67');
    expect(formatCount(4)).toBe('4');
  });
});
