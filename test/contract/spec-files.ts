// Reads the provider specs in ../shared/specs (read-only, byte-for-byte copies: every fix-up is
// made on the parsed copy in memory, by the loaders next to this file).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * PROVIDER_SPECS_DIR, or the first shared/specs beside the project or one of its parents. The
 * specs are the providers' files, not ours, so they are not committed: a clone elsewhere finds
 * them through PROVIDER_SPECS_DIR.
 */
function findSpecsDir(): string | undefined {
  const configured = process.env.PROVIDER_SPECS_DIR;
  if (configured) return existsSync(configured) ? configured : undefined;
  for (let dir = resolve(__dirname, '..', '..'); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dirname(dir), 'shared', 'specs');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
  }
  return undefined;
}

export const SPECS_DIR = findSpecsDir();

/**
 * `describe` when the specs are there, `describe.skip` with one warning when they are not: a
 * clone without them still runs every other test. The suite names the folder it looked for.
 */
export function describeWithSpecs(name: string, body: () => void): void {
  if (SPECS_DIR) {
    describe(name, body);
    return;
  }
  console.warn(`${name}: skipped, no provider specs found (set PROVIDER_SPECS_DIR to the shared/specs folder)`);
  describe.skip(name, body);
}

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readSpec(relativePath: string): JsonObject {
  if (!SPECS_DIR) throw new Error('no provider specs folder: set PROVIDER_SPECS_DIR');
  const parsed: unknown = JSON.parse(readFileSync(join(SPECS_DIR, relativePath), 'utf8'));
  if (!isJsonObject(parsed)) throw new Error(`${relativePath} is not a JSON object`);
  return parsed;
}

/**
 * The object at `keys` below `root`. Throws when it is missing, so that a fix-up for a known
 * defect fails loudly once a newer spec no longer has the defect (or moved it).
 */
export function objectAt(root: JsonObject, ...keys: string[]): JsonObject {
  let current: unknown = root;
  for (const key of keys) {
    current = isJsonObject(current) ? current[key] : undefined;
    if (current === undefined) throw new Error(`spec has no ${keys.join(' > ')} (stopped at "${key}")`);
  }
  if (!isJsonObject(current)) throw new Error(`spec ${keys.join(' > ')} is not an object`);
  return current;
}

/** Drops every path but `kept`: the operations our adapters call. */
export function keepOnlyPaths(spec: JsonObject, kept: readonly string[]): void {
  const paths = objectAt(spec, 'paths');
  for (const path of kept) if (!(path in paths)) throw new Error(`spec has no path ${path}`);
  for (const path of Object.keys(paths)) if (!kept.includes(path)) delete paths[path];
}
