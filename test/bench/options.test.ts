import { DEFAULTS, parseBenchOptions } from '../../bench/options';

describe('parseBenchOptions', () => {
  it('prints tables with the default counts when given nothing', () => {
    expect(parseBenchOptions([], {})).toEqual({ help: false, json: false, write: false, ...DEFAULTS });
  });

  it('takes --json, --write and the BENCH_* counts', () => {
    const env = { BENCH_CALLS: '12', BENCH_HANG_CALLS: '2', BENCH_LOAD_RUNS: ' 3 ' };
    expect(parseBenchOptions(['--write', '--json'], env)).toEqual({
      help: false,
      json: true,
      write: true,
      warmCalls: 12,
      hangCalls: 2,
      loadRuns: 3,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(parseBenchOptions([], { BENCH_CALLS: '' }).warmCalls).toBe(DEFAULTS.warmCalls);
  });

  it.each(['0', '-3', '2.5', 'forty'])('refuses BENCH_CALLS=%s with a message naming it', (value) => {
    expect(() => parseBenchOptions([], { BENCH_CALLS: value })).toThrow(
      `BENCH_CALLS must be a whole number, 1 or more; got "${value}"`,
    );
  });

  it('refuses an unknown option and shows the usage', () => {
    expect(() => parseBenchOptions(['--jsno'], {})).toThrow(
      /unknown option --jsno\n\nnpm run bench -- \[--json\] \[--write\]/,
    );
  });
});
