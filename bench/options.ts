// `npm run bench -- [--json] [--write]`, and the BENCH_* counts from the environment.

export interface BenchOptions {
  help: boolean;
  /** Print the whole result as JSON instead of the tables. */
  json: boolean;
  /** Also write the tables to bench/results/latest.md. */
  write: boolean;
  /** Calls per case after the first group (BENCH_CALLS). */
  warmCalls: number;
  /** Calls after the first when the provider hangs, each about 2 s (BENCH_HANG_CALLS). */
  hangCalls: number;
  /** Fresh processes per function and way of loading it (BENCH_LOAD_RUNS). */
  loadRuns: number;
}

export const DEFAULTS = { warmCalls: 30, hangCalls: 4, loadRuns: 7 } as const;

export const USAGE = `npm run bench -- [--json] [--write]

Places simulated calls through a fresh local runtime per case against the Splunk On-Call mock, and
times each function's module load in fresh Node processes.

  --json    print the whole result as JSON (use npm run -s bench -- --json for clean output)
  --write   also write the tables to bench/results/latest.md
  --help    this text

Environment: BENCH_CALLS (warm calls per case, default ${DEFAULTS.warmCalls}), BENCH_HANG_CALLS (calls after the
first when the provider hangs, about 2 s each, default ${DEFAULTS.hangCalls}), BENCH_LOAD_RUNS (fresh processes per
function and way of loading, default ${DEFAULTS.loadRuns}).`;

export class BenchUsageError extends Error {}

function wholeNumber(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new BenchUsageError(`${name} must be a whole number, 1 or more; got "${text}"`);
  }
  return value;
}

export function parseBenchOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): BenchOptions {
  const known = new Set(['--json', '--write', '--help', '-h']);
  const unknown = args.filter((arg) => !known.has(arg));
  if (unknown.length > 0) {
    throw new BenchUsageError(`unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(' ')}\n\n${USAGE}`);
  }
  return {
    help: args.includes('--help') || args.includes('-h'),
    json: args.includes('--json'),
    write: args.includes('--write'),
    warmCalls: wholeNumber(env, 'BENCH_CALLS', DEFAULTS.warmCalls),
    hangCalls: wholeNumber(env, 'BENCH_HANG_CALLS', DEFAULTS.hangCalls),
    loadRuns: wholeNumber(env, 'BENCH_LOAD_RUNS', DEFAULTS.loadRuns),
  };
}
