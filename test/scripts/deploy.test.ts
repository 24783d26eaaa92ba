// `npm run deploy` end to end, with a fake twilio-run that records what it was given: the real
// one would call Twilio's API.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from '../../scripts/lib/env-files.cjs';
import { copyProject, shellWithoutCredentials, type ProjectCopy } from './helpers/project-copy';

const FAKE_TWILIO_RUN = `
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const args = process.argv.slice(2);
const envFile = args[args.indexOf('--env') + 1];
const record = { args, cwd: process.cwd(), uploaded: readFileSync(envFile, 'utf8') };
writeFileSync(join(__dirname, '..', '..', '..', 'twilio-run-was-called.json'), JSON.stringify(record));
`;

interface FakeCall {
  args: string[];
  cwd: string;
  uploaded: string;
}

let project: ProjectCopy;
beforeEach(() => {
  project = copyProject({ fakeTwilioRun: FAKE_TWILIO_RUN });
  writeFileSync(
    join(project.dir, '.env'),
    'ACCOUNT_SID=AC0000\nAUTH_TOKEN=made-up-local-token\nEMPTY=\nTEAM_1=Platform\nNUMBER_OF_MENUS=1\n',
  );
  writeFileSync(join(project.dir, '.env.local'), 'AUTH_TOKEN=local-only\nLOCAL_ONLY=yes\n');
});
afterEach(() => project.remove());

function deploy(args: string[], credentials: Record<string, string>) {
  const child = spawn(process.execPath, [join(project.dir, 'scripts', 'deploy.mjs'), ...args], {
    cwd: project.dir,
    env: { ...shellWithoutCredentials(), ...credentials },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const fakeCall = (): FakeCall | undefined => {
  const path = join(project.dir, 'twilio-run-was-called.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as FakeCall) : undefined;
};

const valueAfter = (args: string[], flag: string): string | undefined => args[args.indexOf(flag) + 1];

describe('npm run deploy', () => {
  it('deploys .env without credentials or empty values, never .env.local, with the shell API key, and assets/ as it is', async () => {
    const run = await deploy(['--environment', 'staging', '--service-name', 'oncall'], {
      TWILIO_API_KEY: 'SK0000',
      TWILIO_API_SECRET: 'api-secret',
      ACCOUNT_SID: 'AC1111',
      AUTH_TOKEN: 'account-token',
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const call = fakeCall();
    expect(call?.args[0]).toBe('deploy');
    expect(valueAfter(call?.args ?? [], '--username')).toBe('SK0000');
    expect(valueAfter(call?.args ?? [], '--password')).toBe('api-secret');
    expect(valueAfter(call?.args ?? [], '--env')).toBe(join(project.dir, 'dist', 'deploy.env'));
    expect(call?.args.slice(-4)).toEqual(['--environment', 'staging', '--service-name', 'oncall']);
    expect(parseEnv(call?.uploaded)).toEqual({ TEAM_1: 'Platform', NUMBER_OF_MENUS: '1' });
    expect(run.stdout).toContain('Deploying with API key SK0000 (TWILIO_API_KEY) to the "staging" environment.');
    expect(run.stdout).toContain('Variables from .env: TEAM_1, NUMBER_OF_MENUS.');
    expect(run.stdout).not.toContain('api-secret');
    // assets/ as it is: no example files, and no example roster standing in for a missing one.
    expect(readdirSync(join(project.dir, 'dist', 'assets'))).toEqual([]);
    expect(run.stdout).toContain('No assets/roster.private.json');
    expect(existsSync(join(project.dir, 'dist', 'functions', 'voice.protected.js'))).toBe(true);
  });

  it('refuses a routing file with a mistake, naming it by path: the functions would ignore all of it', async () => {
    const routing = JSON.parse(readFileSync(join(project.dir, 'assets', 'routing.example.json'), 'utf8')) as {
      teams: Array<Record<string, unknown>>;
    };
    routing.teams[1].hours = { timezone: 'EST', open: { 'mon-fri': '08:00-18:00' } };
    writeFileSync(join(project.dir, 'assets', 'routing.private.json'), JSON.stringify(routing));
    const run = await deploy([], { TWILIO_API_KEY: 'SK0000', TWILIO_API_SECRET: 'api-secret' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'npm run deploy: assets/routing.private.json has a mistake, and the functions would ignore all of it',
    );
    expect(run.stderr).toContain('  assets/routing.private.json teams[1].hours.timezone "EST" is a fixed offset');
    expect(fakeCall()).toBeUndefined();

    writeFileSync(
      join(project.dir, 'assets', 'routing.private.json'),
      readFileSync(join(project.dir, 'assets', 'routing.example.json'), 'utf8'),
    );
    const fixed = await deploy([], { TWILIO_API_KEY: 'SK0000', TWILIO_API_SECRET: 'api-secret' });
    expect(fixed.code).toBe(0);
    expect(fakeCall()?.args[0]).toBe('deploy');
  });

  it('stops before building, with one message naming what to set, when the shell has no credentials', async () => {
    const run = await deploy(['--production'], {});
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/TWILIO_API_KEY and TWILIO_API_SECRET/);
    expect(existsSync(join(project.dir, 'dist'))).toBe(false);
    expect(fakeCall()).toBeUndefined();
  });
});
