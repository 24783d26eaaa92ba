// Stands in for the globals Twilio's runtime gives every Function: Twilio.Response and
// Runtime.getAssets(), the latter reading this project's assets/ folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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

const assetsFolder = join(__dirname, '..', '..', 'assets');

function assetMap(): Record<string, { path: string; open(): string }> {
  const map: Record<string, { path: string; open(): string }> = {};
  for (const name of ['roster', 'messages']) {
    const file = join(assetsFolder, `${name}.private.json`);
    if (existsSync(file)) map[`/${name}.json`] = { path: file, open: () => readFileSync(file, 'utf8') };
  }
  return map;
}

Object.assign(globalThis, {
  Twilio: { Response: FakeTwilioResponse },
  Runtime: { getAssets: assetMap, getFunctions: () => ({}), getSync: () => undefined },
});
