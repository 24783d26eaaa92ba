// Runs `npm run connect-number`: in-process through runConnectNumber (fast, for most tests), or
// as the bundled file started with node, the way npm runs it (exit codes, the undo command in a
// real shell).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runConnectNumber } from '../../../cli/connect-number/run';

const ROOT = join(__dirname, '..', '..', '..');
export const BUILT_COMMAND = join(ROOT, 'dist', 'cli', 'connect-number', 'main.js');

export interface CommandRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: string[], env: Record<string, string>): Promise<CommandRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runConnectNumber({
    argv: args,
    env,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
  });
  return {
    code,
    stdout: stdout.map((line) => `${line}\n`).join(''),
    stderr: stderr.map((line) => `${line}\n`).join(''),
  };
}

function newestSourceMs(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The bundled command, rebuilt as `npm run connect-number` does when a source is newer. */
export function builtCommand(): string {
  const fresh =
    existsSync(BUILT_COMMAND) && statSync(BUILT_COMMAND).mtimeMs >= newestSourceMs(join(ROOT, 'cli', 'connect-number'));
  if (!fresh) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--tools'], { cwd: ROOT });
  return BUILT_COMMAND;
}

/**
 * Runs a shell command line with only PATH and `env` in its environment, so that no Twilio
 * credential of the person running the tests can leak in.
 */
export function runShell(commandLine: string, env: Record<string, string>): Promise<CommandRun> {
  const child = spawn('sh', ['-c', commandLine], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A printed `npm run connect-number -- …` line, to run with the bundled file instead of npm. */
export function withBuiltCommand(commandLine: string, built: string): string {
  const prefix = 'npm run connect-number -- ';
  if (!commandLine.startsWith(prefix)) throw new Error(`not a connect-number command: ${commandLine}`);
  return `'${process.execPath}' '${built}' ${commandLine.slice(prefix.length)}`;
}
