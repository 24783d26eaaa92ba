import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

export interface LocalRuntime {
  url: string;
  /** Everything twilio-run and the functions printed, for assertions on log lines. */
  output(): string;
  stop(): Promise<void>;
}

export interface LocalRuntimeOptions {
  /** The project root holding dist/ (built by `npm run build`). */
  projectDir: string;
  env: Record<string, string>;
  /** How long to wait for twilio-run to serve, in ms. */
  startTimeoutMs?: number;
  /**
   * The path polled until twilio-run serves; default /voice. Polling a function loads it, so a
   * caller that wants the first call to find every module unloaded names a path no function serves.
   */
  readyPath?: string;
  /** Node options for the twilio-run process (before its script), e.g. `--require` of a probe. */
  nodeArgs?: string[];
  /** Added to twilio-run's process environment (not to the functions' .env). */
  processEnv?: Record<string, string>;
  /**
   * Extra asset files by name (e.g. a routing file), served beside dist/assets from a folder of
   * this runtime's own, so that several runtimes can each have theirs.
   */
  assets?: Record<string, string>;
}

/** Asks the OS for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the real local runtime (twilio-run) on the bundled functions, with its own .env.
 * --no-fork-process and --no-live make it behave like a warm Twilio container: one process,
 * modules and caches kept between requests.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const port = await freePort();
  const envDir = mkdtempSync(join(tmpdir(), 'oncall-runtime-'));
  const envFile = join(envDir, '.env');
  writeFileSync(
    envFile,
    Object.entries(options.env)
      .map(([key, value]) => `${key}=${value}`)
      .join('\n'),
  );
  const bin = resolve(options.projectDir, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');
  // twilio-run reads the assets folder relative to the project: a runtime's own lives under dist/.
  const assetsFolder = options.assets ? join('dist', `assets-${basename(envDir)}`) : join('dist', 'assets');
  if (options.assets) {
    const folder = resolve(options.projectDir, assetsFolder);
    cpSync(resolve(options.projectDir, 'dist', 'assets'), folder, { recursive: true });
    for (const [name, content] of Object.entries(options.assets)) writeFileSync(join(folder, name), content);
  }
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      bin,
      'start',
      '--functions-folder',
      'dist/functions',
      '--assets-folder',
      assetsFolder,
      '--no-fork-process',
      '--no-live',
      '--port',
      String(port),
      '--env',
      envFile,
    ],
    {
      cwd: options.projectDir,
      env: { ...process.env, ...options.processEnv, FORCE_COLOR: '0', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(envDir, { recursive: true, force: true });
    if (options.assets) rmSync(resolve(options.projectDir, assetsFolder), { recursive: true, force: true });
  };
  try {
    await waitUntilServing(
      `${url}${options.readyPath ?? '/voice'}`,
      child,
      options.startTimeoutMs ?? 20_000,
      () => output,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

async function waitUntilServing(
  probeUrl: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`twilio-run exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(probeUrl, { method: 'POST', signal: AbortSignal.timeout(1000) });
      if (response.status > 0) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`twilio-run did not serve ${probeUrl} within ${timeoutMs} ms:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}
