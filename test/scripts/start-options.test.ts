import { isSourceChange, serialRunner, twilioRunStartArgs } from '../../scripts/lib/start-options.cjs';

const folders = { functionsFolder: 'dist/functions', assetsFolder: 'dist/assets' };

describe('twilioRunStartArgs', () => {
  it('starts twilio-run warm, in one process, on the merged env file', () => {
    const args = twilioRunStartArgs({ passThrough: [], envFile: '/p/dist/start.env', ...folders });
    expect(args[0]).toBe('start');
    expect(args).toEqual(expect.arrayContaining(['--no-live', '--no-fork-process']));
    expect(args.slice(args.indexOf('--env'), args.indexOf('--env') + 2)).toEqual(['--env', '/p/dist/start.env']);
    expect(args.slice(args.indexOf('--functions-folder'), args.indexOf('--functions-folder') + 2)).toEqual([
      '--functions-folder',
      'dist/functions',
    ]);
  });

  it('passes the arguments after `npm start --` through, last, so they win', () => {
    const args = twilioRunStartArgs({ passThrough: ['--port', '4000', '--live'], envFile: 'e', ...folders });
    expect(args.slice(-3)).toEqual(['--port', '4000', '--live']);
  });

  it('leaves --env out when the command line gives its own', () => {
    for (const passThrough of [['--env', 'mine.env'], ['--env=mine.env']]) {
      const args = twilioRunStartArgs({ passThrough, envFile: 'merged.env', ...folders });
      expect(args).not.toContain('merged.env');
      expect(args.filter((arg) => arg.startsWith('--env'))).toHaveLength(1);
    }
  });
});

describe('isSourceChange', () => {
  it('counts source files and unnamed changes, not editor swap, backup or lock files', () => {
    for (const name of ['voice.protected.ts', 'lib/core/flow.ts', 'roster.private.json', null]) {
      expect(isSourceChange(name)).toBe(true);
    }
    for (const name of ['.voice.protected.ts.swp', 'lib/.flow.ts.swx', 'voice.ts~', '.#voice.ts', '4913']) {
      expect(isSourceChange(name)).toBe(false);
    }
  });
});

describe('serialRunner', () => {
  function deferred(): { promise: Promise<void>; resolve(): void } {
    let resolve = (): void => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('runs one task at a time and merges the requests made meanwhile into one more run', async () => {
    const gates = [deferred(), deferred()];
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const errors: unknown[] = [];
    const runner = serialRunner(
      async () => {
        const gate = gates[runs];
        runs += 1;
        concurrent += 1;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        await gate?.promise;
        concurrent -= 1;
      },
      (error) => errors.push(error),
    );
    runner.request();
    runner.request();
    runner.request();
    runner.request();
    gates[0]?.resolve();
    gates[1]?.resolve();
    await runner.idle();
    expect(runs).toBe(2);
    expect(maxConcurrent).toBe(1);
    expect(errors).toEqual([]);
  });

  it('reports a failed run and still runs later requests', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const runner = serialRunner(
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('esbuild said no');
      },
      (error) => errors.push(error),
    );
    runner.request();
    await runner.idle();
    runner.request();
    await runner.idle();
    expect(runs).toBe(2);
    expect(errors).toEqual([new Error('esbuild said no')]);
  });
});
