// Module load per function, each measurement in a fresh Node process (bench/load-probe.ts): as
// Twilio's runtime loads it (twilio preloaded), and with nothing preloaded. Runs go round the
// functions and modes in turn, so a busy moment on the machine spreads over all of them.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkLimits, functionName, profileOf, type LimitCheck } from './load-limits';
import type { LoadMode, LoadTimes } from './load-probe';
import { median } from './percentiles';

const run = promisify(execFile);
const MODES: readonly LoadMode[] = ['runtime', 'bare'];

export interface LoadMedians {
  loadMs: number;
  axiosMs: number;
  /** Median over runs of load plus axios (not the sum of the two medians). */
  withAxiosMs: number;
}

export interface ModuleLoadResult {
  function: string;
  providerRequests: string;
  runs: number;
  runtime: LoadMedians;
  bare: LoadMedians;
  /** Checked against the runtime-like figures. */
  limits: LimitCheck[];
}

export interface ModuleLoadSetup {
  projectDir: string;
  /** dist/functions */
  functionsDir: string;
  /** dist/bench/load-probe.js */
  loadProbe: string;
  runs: number;
  onProgress?: (line: string) => void;
}

async function measureOnce(setup: ModuleLoadSetup, file: string, mode: LoadMode): Promise<LoadTimes> {
  try {
    const { stdout } = await run(process.execPath, [setup.loadProbe, setup.projectDir, file, mode]);
    return JSON.parse(stdout) as LoadTimes;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`loading ${file} (${mode}) failed: ${stderr || (error instanceof Error ? error.message : error)}`);
  }
}

function mediansOf(samples: readonly LoadTimes[]): LoadMedians {
  const of = (values: number[]): number => median(values) ?? NaN;
  return {
    loadMs: of(samples.map((s) => s.loadMs)),
    axiosMs: of(samples.map((s) => s.axiosMs)),
    withAxiosMs: of(samples.map((s) => s.loadMs + s.axiosMs)),
  };
}

export async function measureModuleLoads(setup: ModuleLoadSetup): Promise<ModuleLoadResult[]> {
  const files = readdirSync(setup.functionsDir)
    .filter((file) => file.endsWith('.js'))
    .sort();
  if (files.length === 0) throw new Error(`no bundled functions in ${setup.functionsDir}: run npm run build first`);
  const samples = new Map<string, LoadTimes[]>();
  for (let round = 1; round <= setup.runs; round += 1) {
    setup.onProgress?.(`module load: run ${round} of ${setup.runs}`);
    for (const file of files) {
      for (const mode of MODES) {
        const key = `${file} ${mode}`;
        samples.set(key, [...(samples.get(key) ?? []), await measureOnce(setup, join(setup.functionsDir, file), mode)]);
      }
    }
  }
  return files.map((file) => {
    const name = functionName(file);
    const runtime = mediansOf(samples.get(`${file} runtime`) ?? []);
    return {
      function: name,
      providerRequests: profileOf(name).providerRequests,
      runs: setup.runs,
      runtime,
      bare: mediansOf(samples.get(`${file} bare`) ?? []),
      limits: checkLimits(name, runtime),
    };
  });
}
