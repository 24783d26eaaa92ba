// `npm start [-- twilio-run start options]`: builds, then serves dist/ with twilio-run kept
// warm (one process, modules and caches kept between requests, as in a warm Twilio container).
// It watches functions/, assets/, .env and .env.local itself: a change rebuilds and restarts
// twilio-run; a failed rebuild leaves the last good server running.
//
// The token twilio-run checks signatures with lives in .env.local (git-ignored, made here when
// missing), never in .env: twilio-run's deploy would log in with an AUTH_TOKEN found in .env.
// twilio-run reads dist/start.env, written here from .env with .env.local over it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleFunctions, copyAssets } from './lib/bundle.mjs';
import { formatEnvFile, localRunEnv, takeMadeUpToken, withLocalToken } from './lib/env-files.cjs';
import { ENV_FILES, isSourceChange, serialRunner, twilioRunStartArgs } from './lib/start-options.cjs';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');
const paths = {
  dotenv: join(root, '.env'),
  local: join(root, '.env.local'),
  merged: join(dist, 'start.env'),
  staging: join(dist, '.start-staging'),
  twilioRun: join(root, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js'),
};
const passThrough = process.argv.slice(2);
const DEBOUNCE_MS = 150;
const STOP_GRACE_MS = 3000;

const log = (line) => console.log(`[npm start] ${line}`);
const describe = (error) => (error instanceof Error ? error.message : String(error));

function readIfExists(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

// These files hold tokens and API keys: readable by their owner only.
function writePrivate(path, text) {
  writeFileSync(path, text, { mode: 0o600 });
}

let saidNoDotenv = false;

/** Moves an old made-up token out of .env, makes sure .env.local has one, writes the merged file. */
function prepareEnv() {
  let dotenv = readIfExists(paths.dotenv);
  let local = readIfExists(paths.local);
  const madeUp = dotenv === undefined ? undefined : takeMadeUpToken(dotenv);
  if (madeUp) {
    const moved = withLocalToken(local, madeUp.token);
    if (moved !== undefined) writePrivate(paths.local, (local = moved));
    writeFileSync(paths.dotenv, (dotenv = madeUp.dotenv));
    log(
      moved !== undefined
        ? 'Moved the local AUTH_TOKEN an older npm start wrote in .env to .env.local.'
        : 'Removed the local AUTH_TOKEN an older npm start wrote in .env (.env.local has its own).',
    );
  }
  const withToken = withLocalToken(local, randomBytes(16).toString('hex'));
  if (withToken !== undefined) {
    log(
      `${local === undefined ? 'Created .env.local with' : 'Added to .env.local'} a local-only AUTH_TOKEN ` +
        '(git-ignored, never deployed; npm run call signs with it).',
    );
    writePrivate(paths.local, (local = withToken));
  }
  if (dotenv === undefined && !saidNoDotenv) {
    saidNoDotenv = true;
    log('No .env: serving the static roster behind a team menu (copy .env.example to .env to configure).');
  }
  mkdirSync(dist, { recursive: true });
  const header = ['Written by npm start from .env, then .env.local over it. Edit those, not this file.'];
  writePrivate(paths.merged, formatEnvFile(localRunEnv({ dotenv, local }), header));
}

let lastAssetNote;

/** Builds functions and assets next to dist/, then swaps them in, so a failed build changes nothing. */
async function build() {
  rmSync(paths.staging, { recursive: true, force: true });
  await bundleFunctions(root, join(paths.staging, 'functions'));
  return copyAssets(root, join(paths.staging, 'assets'), 'local');
}

function swapInBuild(note) {
  for (const folder of ['functions', 'assets']) {
    rmSync(join(dist, folder), { recursive: true, force: true });
    renameSync(join(paths.staging, folder), join(dist, folder));
  }
  rmSync(paths.staging, { recursive: true, force: true });
  if (note && note !== lastAssetNote) log(note);
  lastAssetNote = note;
}

let child;
let stopping = false;
const stoppedOnPurpose = new WeakSet();

function startTwilioRun() {
  const args = twilioRunStartArgs({
    passThrough,
    envFile: paths.merged,
    functionsFolder: 'dist/functions',
    assetsFolder: 'dist/assets',
  });
  const started = spawn(process.execPath, [paths.twilioRun, ...args], { cwd: root, stdio: 'inherit' });
  child = started;
  started.once('error', (error) => {
    log(`Could not run twilio-run (${paths.twilioRun}): ${describe(error)}`);
    void shutdown(1);
  });
  started.once('exit', (code, signal) => {
    if (stoppedOnPurpose.has(started) || stopping) return;
    // Ctrl-C reaches twilio-run too, sometimes before it reaches this process.
    if (signal === 'SIGINT' || code === 130) return void shutdown(0);
    log(`twilio-run stopped by itself (${signal ?? `exit code ${code}`}), so npm start stops too.`);
    void shutdown(code || 1);
  });
}

async function stopTwilioRun() {
  const running = child;
  child = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  stoppedOnPurpose.add(running);
  await new Promise((resolve) => {
    const timer = setTimeout(() => running.kill('SIGKILL'), STOP_GRACE_MS);
    running.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    running.kill('SIGTERM');
  });
}

const restarts = serialRunner(
  async () => {
    // Every restart rebuilds: Node 20's recursive watcher can miss an asset deleted and created
    // again, and an env edit is then the moment that serves the assets as they are.
    if (stopping) return;
    const startedAt = Date.now();
    let note;
    try {
      note = await build();
    } catch (error) {
      // esbuild has already printed each error with its file and line.
      const details = Array.isArray(error?.errors) ? 'see above' : describe(error);
      log(`Rebuild failed (${details}); still serving the last good build.`);
      return;
    }
    if (stopping) return;
    prepareEnv();
    await stopTwilioRun();
    try {
      swapInBuild(note);
    } catch (error) {
      log(`Could not put the new build in dist/ (${describe(error)}); restarting on what is there.`);
    }
    if (stopping) return;
    log(`Rebuilt in ${Date.now() - startedAt} ms; restarting twilio-run.`);
    startTwilioRun();
    // A fresh watcher sees the folders as they are now, files replaced or re-created included.
    rewatchProject();
  },
  (error) => log(`Restart failed: ${describe(error)}`),
);

let debounce;
function onChange() {
  if (stopping) return;
  clearTimeout(debounce);
  debounce = setTimeout(() => restarts.request(), DEBOUNCE_MS);
}

const watchers = [];
function watchProject() {
  for (const folder of ['functions', 'assets']) {
    const path = join(root, folder);
    if (!existsSync(path)) continue;
    watchers.push(
      watch(path, { recursive: true }, (_event, name) => {
        if (isSourceChange(name)) onChange();
      }),
    );
  }
  watchers.push(
    watch(root, (_event, name) => {
      if (ENV_FILES.includes(name)) onChange();
    }),
  );
  for (const watcher of watchers) watcher.on('error', (error) => log(`Watching stopped working: ${describe(error)}`));
}

function rewatchProject() {
  if (stopping) return;
  for (const watcher of watchers.splice(0)) watcher.close();
  watchProject();
}

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  clearTimeout(debounce);
  for (const watcher of watchers) watcher.close();
  await stopTwilioRun();
  await restarts.idle();
  process.exitCode = code;
}

async function main() {
  if (!existsSync(paths.twilioRun)) {
    log(`twilio-run is not installed (no ${paths.twilioRun}); run npm install first.`);
    return 1;
  }
  try {
    prepareEnv();
  } catch (error) {
    log(`Could not prepare the env files: ${describe(error)}`);
    return 1;
  }
  let note;
  try {
    note = await build();
  } catch (error) {
    log(`Build failed (${Array.isArray(error?.errors) ? 'see above' : describe(error)}).`);
    return 1;
  }
  swapInBuild(note);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
  startTwilioRun();
  watchProject();
  log('Watching functions/, assets/, .env and .env.local: a change rebuilds and restarts twilio-run.');
  return undefined;
}

const failed = await main();
if (failed !== undefined) process.exitCode = failed;
