// Runs `npm run doctor` in-process against a deployment written to a temporary folder (.env and
// assets/), with a clock whose waits take no time, or as the bundled file the way npm runs it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../cli/doctor/clock';
import { runDoctor } from '../../../cli/doctor/run';

const ROOT = join(__dirname, '..', '..', '..');
export const BUILT_DOCTOR = join(ROOT, 'dist', 'cli', 'doctor', 'main.js');

export interface DoctorRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every wait the doctor asked its clock for, in ms. */
  sleeps: number[];
}

export interface Deployment {
  /** .env's lines as variables; written as KEY=VALUE. */
  env?: Record<string, string>;
  /** Files under assets/, by name: objects are written as JSON. */
  assets?: Record<string, unknown>;
}

const folders: string[] = [];

/** A project folder holding the deployment; removed by removeDeployments(). */
export function writeDeployment(deployment: Deployment): string {
  const folder = mkdtempSync(join(tmpdir(), 'doctor-'));
  folders.push(folder);
  if (deployment.env) {
    const lines = Object.entries(deployment.env).map(([name, value]) => `${name}=${value}`);
    writeFileSync(join(folder, '.env'), `${lines.join('\n')}\n`);
  }
  mkdirSync(join(folder, 'assets'));
  for (const [name, content] of Object.entries(deployment.assets ?? {})) {
    writeFileSync(join(folder, 'assets', name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return folder;
}

export function removeDeployments(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

// Taken before any test replaces Date.now.
const realDateNow = Date.now.bind(Date);

/**
 * A clock whose waits take no time: each moves Date.now() on by the time waited, so that the
 * adapters' rate budgets, which keep Date.now() times, see the minute go by. Undo it with
 * jest.restoreAllMocks().
 */
export function instantClock(): Clock & { sleeps: number[] } {
  let offset = 0;
  const sleeps: number[] = [];
  jest.spyOn(Date, 'now').mockImplementation(() => realDateNow() + offset);
  return {
    sleeps,
    now: () => Date.now(),
    sleep: async (ms) => {
      sleeps.push(ms);
      offset += ms;
    },
  };
}

export async function doctorIn(
  folder: string,
  args: string[] = [],
  shell: Record<string, string> = {},
  clock = instantClock(),
): Promise<DoctorRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runDoctor({
    argv: args,
    env: shell,
    cwd: folder,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    clock,
  });
  const text = (lines: string[]): string => lines.map((line) => `${line}\n`).join('');
  return { code, stdout: text(stdout), stderr: text(stderr), sleeps: clock.sleeps };
}

/** The bundled command, built as `npm run doctor` builds it first. */
export function buildDoctor(): string {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--tools'], { cwd: ROOT });
  return BUILT_DOCTOR;
}

/** Runs the bundled command in `folder` with only PATH and `env` in its environment. */
export function runBuilt(folder: string, args: string[], env: Record<string, string> = {}): Promise<DoctorRun> {
  const child = spawn(process.execPath, [BUILT_DOCTOR, ...args], {
    cwd: folder,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, sleeps: [] }));
  });
}
