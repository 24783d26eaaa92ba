// startLocalRuntime's options for tools that measure the runtime: a readiness path that loads no
// function, Node options and process variables for twilio-run itself.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';

const ROOT = join(__dirname, '..', '..');
const BUILT = join(ROOT, 'dist', 'functions', 'voice.protected.js');

// Preloaded into twilio-run: writes each path the server is asked for to SEEN_PATHS_LOG, read at
// once because twilio-run later swaps process.env for the functions' variables.
const PRELOAD = `
const { subscribe } = require('node:diagnostics_channel');
const { appendFileSync } = require('node:fs');
const log = process.env.SEEN_PATHS_LOG;
subscribe('http.server.request.start', ({ request }) => appendFileSync(log, request.url + '\\n'));
`;

let dir: string;
let runtime: LocalRuntime | undefined;
let seenPaths: string;

beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run node scripts/build.mjs first (npm test does)`);
  dir = mkdtempSync(join(tmpdir(), 'local-runtime-options-'));
  const preload = join(dir, 'preload.js');
  seenPaths = join(dir, 'seen-paths.log');
  writeFileSync(preload, PRELOAD);
  runtime = await startLocalRuntime({
    projectDir: ROOT,
    env: { AUTH_TOKEN: 'runtime-options-test-token' },
    readyPath: '/__ready',
    nodeArgs: ['--require', preload],
    processEnv: { SEEN_PATHS_LOG: seenPaths },
  });
}, 30_000);

afterAll(async () => {
  await runtime?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('startLocalRuntime', () => {
  it('runs twilio-run with the Node options and variables given, and polls only the ready path', () => {
    const paths = readFileSync(seenPaths, 'utf8').trim().split('\n');
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths)).toEqual(new Set(['/__ready']));
  });

  it('serves the functions once ready', async () => {
    const response = await fetch(`${runtime?.url}/voice`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(readFileSync(seenPaths, 'utf8').trim().split('\n').pop()).toBe('/voice');
  });
});
