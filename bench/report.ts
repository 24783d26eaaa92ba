// The benchmark's tables, one per section, as Markdown (printed, and written with --write).
import type { CallCaseResult } from './call-bench';
import type { LimitCheck } from './load-limits';
import type { LoadMedians, ModuleLoadResult } from './module-load';
import type { PhaseSummary } from './phase-summary';
import type { Range, Spread } from './percentiles';
import { PROVIDER_ENDPOINTS } from './provider-endpoints';
import type { BenchResult } from './result';
import { markdownTable, type Align } from './table';

export function formatMs(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(0) : '—';
}

export function formatLoadMs(ms: number): string {
  return Number.isFinite(ms) ? ms.toFixed(1) : '—';
}

export function formatRange(range: Range | null): string {
  if (range === null) return '—';
  return range.min === range.max ? String(range.min) : `${range.min}–${range.max}`;
}

/** Requests per call: whole numbers as they are, fractions to two decimals at most. */
export function formatCount(count: number): string {
  return String(Math.round(count * 100) / 100);
}

function spreadCells(spread: Spread | null): string[] {
  return spread === null ? ['—', '—'] : [formatMs(spread.p50), formatMs(spread.p99)];
}

/** The runtime's count, with the mock log's beside it when the two disagree. */
export function formatRoundTrips(phase: PhaseSummary): string {
  const own = formatRange(phase.roundTrips);
  const byMock = formatRange(phase.roundTripsByMockLog);
  return own === byMock ? own : `${own} (mock log: ${byMock})`;
}

function phaseLabel(name: 'first' | 'warm', phase: PhaseSummary): string {
  return `${name} ×${phase.calls}`;
}

/** The endpoints with a column; any other is only mentioned under the table. */
const TABLE_ENDPOINTS = PROVIDER_ENDPOINTS.filter((endpoint) => endpoint !== 'other');
const REQUEST_HEADERS = TABLE_ENDPOINTS.map((endpoint) => `${endpoint[0].toUpperCase()}${endpoint.slice(1)}`);

function requestCells(phase: PhaseSummary): string[] {
  return TABLE_ENDPOINTS.map((endpoint) => formatCount(phase.requestsPerCall[endpoint]));
}

/** A line under a table whose calls asked for an endpoint it has no column for; '' when none did. */
function otherRequestsNote(results: readonly CallCaseResult[]): string {
  const other = results.some((result) => result.first.requestsPerCall.other + result.warm.requestsPerCall.other > 0);
  return other ? '\n\nSome calls also made requests to other endpoints (see --json, requestsPerCall.other).' : '';
}

function latencyLabel(result: CallCaseResult): string {
  return result.case.provider === 'hangs' ? 'hangs' : `${result.case.provider.latencyMs} ms`;
}

function phasesOf(result: CallCaseResult): Array<['first' | 'warm', PhaseSummary]> {
  return [
    ['first', result.first],
    ['warm', result.warm],
  ];
}

/**
 * One row per group of calls. With a key the columns count from the key press; without one,
 * from the call's arrival.
 */
function callTable(results: readonly CallCaseResult[], awaited: string, keyed: boolean): string {
  const headers = [
    'Provider latency',
    'At once',
    'Calls',
    ...(keyed ? ['Hops after key', 'Round trips after key'] : ['Hops to first ring', 'Round trips from arrival']),
    `To ${awaited} p50`,
    'p99',
    ...(keyed ? ['Key webhook p50', 'p99'] : []),
    ...REQUEST_HEADERS,
  ];
  const rows = results.flatMap((result) =>
    phasesOf(result).map(([name, phase]) => [
      latencyLabel(result),
      String(result.case.concurrency),
      phaseLabel(name, phase),
      formatRange(keyed ? phase.hopsAfterKey : phase.hopsToAnswer),
      formatRoundTrips(phase),
      ...spreadCells(phase.msToAnswer),
      ...(keyed ? spreadCells(phase.keyWebhookMs) : []),
      ...requestCells(phase),
    ]),
  );
  const align: Align[] = ['right', 'right', 'left', ...Array<Align>(headers.length - 3).fill('right')];
  return markdownTable(headers, rows, align) + otherRequestsNote(results);
}

function formatLimit(check: LimitCheck): string {
  const verdict = check.within ? 'ok' : `OVER by ${formatLoadMs(check.ms - check.maxMs)}`;
  const what = check.withAxios ? 'with axios' : 'load';
  return `${what} ≤ ${check.maxMs}${check.when ? ` (${check.when})` : ''}: ${verdict}`;
}

function loadCells(medians: LoadMedians): string[] {
  return [formatLoadMs(medians.loadMs), formatLoadMs(medians.axiosMs), formatLoadMs(medians.withAxiosMs)];
}

function moduleLoadTable(results: readonly ModuleLoadResult[]): string {
  const headers = [
    'Function',
    'Provider requests',
    'Runtime: load',
    '+ axios',
    'Total',
    'Bare: load',
    '+ axios',
    'Total',
    'Limit (runtime figures, ms)',
  ];
  const rows = results.map((result) => [
    result.function,
    result.providerRequests,
    ...loadCells(result.runtime),
    ...loadCells(result.bare),
    result.limits.map(formatLimit).join('; '),
  ]);
  const align: Align[] = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];
  return markdownTable(headers, rows, align);
}

function machineLine(result: BenchResult): string {
  const { machine, settings } = result;
  return [
    `Node ${machine.node}, ${machine.cpu}, ${machine.cores} cores (${machine.platform}); load average ${machine.loadAverage.join(' ')} at the start.`,
    `${settings.warmCalls} warm calls per case (BENCH_CALLS), ${settings.hangCalls} after the first when the provider hangs (BENCH_HANG_CALLS), ${settings.loadRuns} module load runs (BENCH_LOAD_RUNS); the run took ${Math.round(result.seconds)} s.`,
  ].join('\n');
}

const CALLS_NOTE = `Each case starts its own twilio-run (one process, warm between requests, as \`npm start\`)
against the Splunk On-Call mock, with TEAM_1=Platform and TEAM_2=Database; every caller picks
Platform and its first responder accepts. "first" is the first call, or the first 5 simultaneous
calls, after that fresh start: every module still to load, every cache empty. "warm" is the calls
after it on the same runtime, in groups of the same size. Times are handler times in ms, summed
over the webhooks up to the one that answered with what the caller waits for.`;

const ROUND_TRIPS_NOTE = `Round trips: the longest chain of on-call lookup requests (team list, schedule, phones) in
which each was sent after the one before had its answer; requests in parallel count once. The runtime
times its own requests (bench/http-probe.ts). When the mock's request log alone gives another count,
it is shown beside it: when the mock answers at once, a cold runtime opens its next parallel connection
only after the mock has answered the one before. Requests per call count the whole call, by endpoint
(the alerts are the acknowledgement when the responder presses 1 and the recovery when the call ends).`;

export function formatReport(result: BenchResult): string {
  const ofMenus = (menus: 0 | 1) => result.calls.filter((c) => c.case.menus === menus && c.case.provider !== 'hangs');
  const hangs = result.calls.filter((c) => c.case.provider === 'hangs');
  const sections = [
    '# npm run bench',
    machineLine(result),
    '## Time to the first ring, team menu (NUMBER_OF_MENUS=1)',
    CALLS_NOTE,
    `Hops after key: webhooks from the key press to the response that rings the first responder, both
included. Round trips after key: while the webhook answering the key ran. Key webhook: that webhook
alone.`,
    callTable(ofMenus(1), 'first ring', true),
    ROUND_TRIPS_NOTE,
    '## Provider hangs: time to the voicemail prompt (NUMBER_OF_MENUS=1)',
    `The schedule never answers: the lookup gives up at its budget and the webhook answering the key
opens the incident, then plays the voicemail prompt.`,
    callTable(hangs, 'voicemail prompt', true),
    '## Time to the first ring, no menu (NUMBER_OF_MENUS=0)',
    `No key: the greeting's webhook looks the chain up itself, so round trips count from the call's
arrival. That webhook runs while the caller still hears ringing (Twilio answers the call with its
response), so this wait is ringing, not silence.`,
    callTable(ofMenus(0), 'first ring', false),
    '## Module load per function',
    `Median of ${result.settings.loadRuns} runs, each in a fresh Node process. Runtime: after what twilio-run's dev runtime
preloads (the project's twilio library as the global Twilio, with Response); bare: nothing
preloaded. + axios: the first require('axios') after the function, what it pays on its first
provider request. Limits apply to the runtime figures.`,
    moduleLoadTable(result.moduleLoad),
  ];
  return `${sections.join('\n\n')}\n`;
}
