// Stands in for the globals Twilio's runtime gives every Function: the twilio library with
// Twilio.Response, and Runtime.getAssets(), the latter reading this project's assets/ folder (and
// test/fixtures/assets).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import { planAssets } from '../../scripts/lib/asset-plan.cjs';

class FakeTwilioResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  body: unknown = '';
  setStatusCode(code: number): this {
    this.statusCode = code;
    return this;
  }
  setBody(body: unknown): this {
    this.body = body;
    return this;
  }
  appendHeader(name: string, value: string): this {
    this.headers[name] = value;
    return this;
  }
  setHeaders(headers: Record<string, string>): this {
    this.headers = headers;
    return this;
  }
}

const projectAssets = join(__dirname, '..', '..', 'assets');
// Extra assets for tests only, such as a messages override.
const fixtureAssets = join(__dirname, '..', 'fixtures', 'assets');

type AssetMap = Record<string, { path: string; open(): string }>;

/** Maps served names to files the way twilio-run does: `/roster.json` is `roster.private.json`. */
function addPrivateAssets(map: AssetMap, folder: string, copies: { from: string; to: string }[]): void {
  for (const { from, to } of copies.filter((copy) => copy.to.endsWith('.private.json'))) {
    const path = join(folder, from);
    map[`/${to.replace(/\.private\.json$/, '.json')}`] = { path, open: () => readFileSync(path, 'utf8') };
  }
}

// The project's assets as a local build serves them (the example roster when there is no
// roster of one's own, so a fresh clone passes), then the fixtures.
function assetMap(): AssetMap {
  const map: AssetMap = {};
  const filesIn = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder) : []);
  addPrivateAssets(map, projectAssets, planAssets(filesIn(projectAssets), 'local').copies);
  const fixtures = filesIn(fixtureAssets).map((file) => ({ from: file, to: file }));
  addPrivateAssets(map, fixtureAssets, fixtures);
  return map;
}

Object.assign(globalThis, {
  // Twilio's runtime gives every function the twilio library itself, plus Response.
  Twilio: { ...twilio, Response: FakeTwilioResponse },
  Runtime: { getAssets: assetMap, getFunctions: () => ({}), getSync: () => undefined },
});
