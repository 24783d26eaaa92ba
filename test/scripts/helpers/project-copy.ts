// A throwaway copy of the project for running its scripts end to end: what they read and
// write (.env, .env.local, assets/, dist/) stays out of the working tree.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

export interface ProjectCopy {
  dir: string;
  remove(): void;
}

/**
 * Copies package.json, .twilioserverlessrc, scripts/, functions/, the tools deploy builds and runs
 * (cli/, and simulator/ which it borrows from) and the example assets (never
 * an operator's *.private.json). node_modules is the real one, or, with `fakeTwilioRun`, the
 * real packages beside a twilio-run whose bin is that script.
 */
export function copyProject(options: { fakeTwilioRun?: string } = {}): ProjectCopy {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-project-'));
  for (const entry of ['package.json', '.twilioserverlessrc', 'scripts', 'functions', 'cli', 'simulator']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'assets'));
  for (const file of readdirSync(join(ROOT, 'assets')).filter((name) => name.endsWith('.example.json'))) {
    cpSync(join(ROOT, 'assets', file), join(dir, 'assets', file));
  }
  const modules = realpathSync(join(ROOT, 'node_modules'));
  if (options.fakeTwilioRun === undefined) {
    symlinkSync(modules, join(dir, 'node_modules'));
  } else {
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(modules).filter((entry) => entry !== 'twilio-run')) {
      symlinkSync(join(modules, name), join(dir, 'node_modules', name));
    }
    mkdirSync(join(dir, 'node_modules', 'twilio-run', 'bin'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js'), options.fakeTwilioRun);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The shell environment without any Twilio credential, so a test only sees those it sets. */
export function shellWithoutCredentials(): Record<string, string> {
  const env: Record<string, string> = {};
  const credentials = ['TWILIO_API_KEY', 'TWILIO_API_SECRET', 'ACCOUNT_SID', 'AUTH_TOKEN'];
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !credentials.includes(key)) env[key] = value;
  }
  return env;
}
