// Run in a fresh Node process per measurement by bench/module-load.ts:
//   node dist/bench/load-probe.js <project dir> <function file> <runtime|bare>
// Times require() of one bundled function, then the first require('axios') after it, and prints
// {"loadMs", "axiosMs"} as JSON. "runtime" first loads what twilio-run's dev runtime gives every
// function before any of them loads: the global Twilio (the project's twilio library with the
// runtime's Response) and Response. "bare" loads nothing first.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export type LoadMode = 'runtime' | 'bare';

export interface LoadTimes {
  loadMs: number;
  axiosMs: number;
}

/** As @twilio/runtime-handler's constructGlobalScope does, twilio resolved from the project. */
function preloadLikeTwilioRun(projectDir: string): void {
  const projectRequire = createRequire(join(projectDir, 'package.json'));
  const twilioPath = projectRequire.resolve('twilio', { paths: [join(projectDir, 'node_modules')] });
  const twilio = projectRequire(twilioPath) as Record<string, unknown>;
  // The package's exports hide its dev runtime; twilio-run loads this file by path too.
  const responsePath = join(projectDir, 'node_modules/@twilio/runtime-handler/dist/dev-runtime/internal/response.js');
  const { Response } = projectRequire(responsePath) as { Response: unknown };
  Object.assign(globalThis, { Twilio: { ...twilio, Response }, Response });
}

function main(args: string[]): void {
  const [projectDir, functionFile, mode] = args;
  if (!projectDir || !functionFile || (mode !== 'runtime' && mode !== 'bare')) {
    throw new Error(`usage: load-probe.js <project dir> <function file> <runtime|bare>; got ${args.join(' ')}`);
  }
  if (mode === 'runtime') preloadLikeTwilioRun(projectDir);
  // Resolved from the function's own file, as the bundle's require('axios') is.
  const functionRequire = createRequire(functionFile);
  const loadStarted = performance.now();
  functionRequire(functionFile);
  const axiosStarted = performance.now();
  functionRequire('axios');
  const done = performance.now();
  const times: LoadTimes = { loadMs: axiosStarted - loadStarted, axiosMs: done - axiosStarted };
  process.stdout.write(JSON.stringify(times));
}

try {
  main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`load-probe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
