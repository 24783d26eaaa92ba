// Runs the CLI the way `npm run call` does: a bundled file started with node.
//
// dist/simulator/cli.js is used when it is at least as new as every simulator source;
// otherwise it is rebuilt as `npm run call` does it (scripts/build.mjs --tools), which leaves
// dist/functions, and the end-to-end tests running alongside, alone.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const BUILT_CLI = join(ROOT, 'dist', 'simulator', 'cli.js');

function newestSourceMs(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** The path of a CLI bundle built from the current sources. */
export async function builtCli(): Promise<string> {
  const fresh = existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= newestSourceMs(join(ROOT, 'simulator'));
  if (!fresh) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--tools'], { cwd: ROOT });
  return BUILT_CLI;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  cli: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  // The CLI must only see the AUTH_TOKEN a test gives it.
  const inherited = { ...process.env };
  delete inherited.AUTH_TOKEN;
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: options.cwd,
    env: { ...inherited, ...options.env },
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
