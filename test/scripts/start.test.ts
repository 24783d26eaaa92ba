// `npm start` end to end, in a copy of the project: it serves /voice with the local token it
// moved out of .env, rebuilds and restarts on a change, keeps serving through a failed rebuild,
// and stops twilio-run with it on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeTwilioSignature } from '../../simulator';
import { freePort } from '../../simulator/local-runtime';
import { parseEnv } from '../../scripts/lib/env-files.cjs';
import { copyProject, shellWithoutCredentials, type ProjectCopy } from './helpers/project-copy';

const OLD_TOKEN = '0123456789abcdef0123456789abcdef';
const DEFAULT_GREETING = 'Thank you for calling the on-call line.';

let project: ProjectCopy;
let start: ChildProcess | undefined;
let output = '';
let port = 0;

beforeAll(async () => {
  project = copyProject();
  // A .env as an older `npm start` left it: a made-up token the new one must move out.
  writeFileSync(
    join(project.dir, '.env'),
    `NUMBER_OF_MENUS=0\n\n# Added by \`npm start\`: local-only token for signing simulated calls.\nAUTH_TOKEN=${OLD_TOKEN}\n`,
  );
  port = await freePort();
  // Its own process group, so that cleanup can reach twilio-run even if start.mjs failed to.
  start = spawn(process.execPath, [join(project.dir, 'scripts', 'start.mjs'), '--port', String(port)], {
    cwd: project.dir,
    env: { ...shellWithoutCredentials(), FORCE_COLOR: '0', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
});

afterAll(() => {
  if (start?.pid !== undefined && start.exitCode === null && start.signalCode === null) {
    process.kill(-start.pid, 'SIGKILL');
  }
  project.remove();
});

/** POSTs a call to /voice signed with `token`, as Twilio would; undefined while nothing listens. */
async function voice(token: string): Promise<string | undefined> {
  const url = `http://localhost:${port}/voice`;
  const params = { CallSid: 'CA00000000000000000000000000000001', From: '+15555550150', To: '+15555550100' };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature(token, url, params),
      },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(2000),
    });
    return await response.text();
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen within ${ms} ms; npm start printed:\n${output}`);
}

const saying = (text: string) => async () => {
  const body = await voice(OLD_TOKEN);
  return body?.includes(text) ? body : undefined;
};

describe('npm start', () => {
  it('serves /voice checked with the token it moved from .env to .env.local', async () => {
    const body = await until('serving /voice', saying(DEFAULT_GREETING));
    expect(body).not.toMatch(/could not be verified/);
    expect(parseEnv(readFileSync(join(project.dir, '.env'), 'utf8'))).toEqual({ NUMBER_OF_MENUS: '0' });
    expect(parseEnv(readFileSync(join(project.dir, '.env.local'), 'utf8')).AUTH_TOKEN).toBe(OLD_TOKEN);
    expect(output).toContain('Moved the local AUTH_TOKEN an older npm start wrote in .env to .env.local.');
    expect(await voice('some-other-token')).toMatch(/could not be verified/);
  });

  // One restart for both folders: each restart waits for twilio-run to start again (seconds here).
  it('rebuilds and restarts when functions/ and assets/ change', async () => {
    const source = join(project.dir, 'functions', 'lib', 'core', 'messages.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Please hold.', 'Rebuilt hold.'));
    writeFileSync(join(project.dir, 'assets', 'messages.private.json'), '{ "greeting": "Asset greeting." }');
    const body = await until('serving the changes', saying('Asset greeting.'));
    expect(body).toContain('Rebuilt hold.');
    expect(output).toMatch(/Rebuilt in \d+ ms; restarting twilio-run/);
  });

  it('keeps the last good server running when a rebuild fails', async () => {
    const failedBefore = output.split('Rebuild failed').length;
    writeFileSync(join(project.dir, 'functions', 'voice.protected.ts'), 'export const handler = (;\n');
    await until('a failed rebuild', () => (output.split('Rebuild failed').length > failedBefore ? true : undefined));
    expect(await voice(OLD_TOKEN)).toContain('Asset greeting.');
  });

  it('stops twilio-run and itself on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => start?.once('exit', (code) => resolve(code)));
    start?.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await voice(OLD_TOKEN)).toBeUndefined();
  });
});
