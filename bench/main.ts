// `npm run bench`: what a caller waits for, on this machine. Simulated calls through a fresh
// local runtime per case (first call cold, then warm) at several provider latencies, and each
// function's module load in fresh Node processes. Progress goes to stderr, results to stdout.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startMockProviders } from '../simulator';
import { runCallCase, type CallCaseResult } from './call-bench';
import { callCases, caseName } from './call-cases';
import { describeMachine } from './machine';
import { measureModuleLoads } from './module-load';
import { BenchUsageError, parseBenchOptions, USAGE, type BenchOptions } from './options';
import { formatReport } from './report';
import type { BenchResult } from './result';

// This file runs as dist/bench/main.js.
const projectDir = resolve(__dirname, '..', '..');
const paths = {
  functions: join(projectDir, 'dist', 'functions'),
  httpProbe: join(__dirname, 'http-probe.js'),
  loadProbe: join(__dirname, 'load-probe.js'),
  results: join(projectDir, 'bench', 'results', 'latest.md'),
};

const progress = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

function checkBuilt(): void {
  const missing = Object.entries(paths)
    .filter(([name]) => name !== 'results')
    .filter(([, path]) => !existsSync(path))
    .map(([, path]) => path);
  if (missing.length > 0) {
    throw new BenchUsageError(`not built: ${missing.join(', ')} (npm run bench builds them; or run npm run build)`);
  }
}

async function runCalls(options: BenchOptions): Promise<CallCaseResult[]> {
  const mock = await startMockProviders({ port: 0 });
  try {
    const results: CallCaseResult[] = [];
    for (const callCase of callCases(options)) {
      progress(`calls: ${caseName(callCase)}`);
      results.push(await runCallCase(callCase, { projectDir, mock, httpProbe: paths.httpProbe }));
    }
    return results;
  } finally {
    await mock.stop();
  }
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  if (options.help) {
    console.log(USAGE);
    return;
  }
  checkBuilt();
  const started = Date.now();
  const machine = describeMachine();
  progress(`node ${machine.node}, ${machine.cpu}, ${machine.cores} cores`);
  const calls = await runCalls(options);
  const moduleLoad = await measureModuleLoads({
    projectDir,
    functionsDir: paths.functions,
    loadProbe: paths.loadProbe,
    runs: options.loadRuns,
    onProgress: progress,
  });
  const result: BenchResult = {
    machine,
    settings: { warmCalls: options.warmCalls, hangCalls: options.hangCalls, loadRuns: options.loadRuns },
    calls,
    moduleLoad,
    seconds: (Date.now() - started) / 1000,
  };
  const report = formatReport(result);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : report);
  if (options.write) {
    mkdirSync(join(paths.results, '..'), { recursive: true });
    writeFileSync(paths.results, report);
    progress(`wrote ${paths.results}`);
  }
}

main().catch((error: unknown) => {
  // Usage and setup problems are the user's to fix: the message says how, a stack would not.
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof BenchUsageError ? message : `npm run bench failed: ${message}`);
  process.exit(error instanceof BenchUsageError ? 2 : 1);
});
