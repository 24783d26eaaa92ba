// What .gitignore keeps out of commits: an operator's own roster, routing and prompts, and the env
// files holding their keys. The tracked *.example.json files must stay committable.
import { spawnSync } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Why these tests cannot run here, or undefined when the project is its own git checkout. */
function notACheckout(): string | undefined {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: ROOT, encoding: 'utf8' });
  if (top.error) return `git could not be run (${top.error.message})`;
  if (top.status !== 0) return `${ROOT} is not in a git checkout (${top.stderr.trim()})`;
  // Inside some other repository, that repository's rules would be tested, not this project's.
  if (realpathSync(top.stdout.trim()) !== realpathSync(ROOT)) {
    return `the git checkout is ${top.stdout.trim()}, not this project's folder`;
  }
  return undefined;
}

/**
 * Whether git ignores `path` under the project's rules. --no-index asks the rules alone: a tracked
 * file (the examples) would otherwise never count as ignored, whatever the patterns say.
 */
function ignored(path: string): boolean {
  const result = spawnSync('git', ['check-ignore', '--no-index', '-q', path], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`git check-ignore ${path} failed (status ${result.status}): ${result.stderr}`);
  }
  return result.status === 0;
}

const PRIVATE = [
  'assets/roster.private.json',
  'assets/routing.private.json',
  'assets/messages.private.json',
  '.env',
  '.env.local',
];
const EXAMPLES = readdirSync(join(ROOT, 'assets'))
  .filter((file) => file.endsWith('.example.json'))
  .map((file) => `assets/${file}`);

const skipReason = notACheckout();
if (skipReason !== undefined && process.env.CI) {
  // CI runs in a clone: a skip there would hide a .gitignore that lets keys be committed.
  throw new Error(`test/scripts/gitignore.test.ts must run in CI, but ${skipReason}`);
}

if (skipReason === undefined) {
  describe('.gitignore', () => {
    it.each(PRIVATE)('ignores %s', (path) => {
      expect(ignored(path)).toBe(true);
    });

    it('finds the examples to check, roster, routing and messages among them', () => {
      expect(EXAMPLES).toEqual(
        expect.arrayContaining([
          'assets/messages.example.json',
          'assets/roster.example.json',
          'assets/routing.example.json',
        ]),
      );
    });

    it.each(EXAMPLES)('does not ignore %s', (path) => {
      expect(ignored(path)).toBe(false);
    });
  });
} else {
  console.warn(`test/scripts/gitignore.test.ts skipped: ${skipReason}`);
  describe.skip(`.gitignore (skipped: ${skipReason})`, () => {
    it('ignores the private assets and env files, not the examples', () => undefined);
  });
}
