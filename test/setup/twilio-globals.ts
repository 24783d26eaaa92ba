// Stands in for the globals Twilio's runtime gives every Function: the twilio library with
// Twilio.Response, and
// Runtime.getAssets(), the latter reading this project's assets/ folder (and test/fixtures/assets).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';

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

// The project's own assets, plus the test fixtures' (such as a messages override).
const assetFolders = [join(__dirname, '..', '..', 'assets'), join(__dirname, '..', 'fixtures', 'assets')];

function assetMap(): Record<string, { path: string; open(): string }> {
  const map: Record<string, { path: string; open(): string }> = {};
  for (const folder of assetFolders.filter((f) => existsSync(f))) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.private.json'))) {
      const path = join(folder, file);
      map[`/${file.replace(/\.private\.json$/, '.json')}`] = { path, open: () => readFileSync(path, 'utf8') };
    }
  }
  return map;
}

Object.assign(globalThis, {
  // Twilio's runtime gives every function the twilio library itself, plus Response.
  Twilio: { ...twilio, Response: FakeTwilioResponse },
  Runtime: { getAssets: assetMap, getFunctions: () => ({}), getSync: () => undefined },
});
