// Reads the Twilio and SendGrid spec subsets committed under vendored/ (cut by
// scripts/vendor-specs.mjs, never edited by hand): every fix-up is made on the parsed copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type JsonObject } from './spec-files';

export function readVendoredSpec(fileName: string): JsonObject {
  const path = join(__dirname, 'vendored', fileName);
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isJsonObject(parsed)) throw new Error(`${path} is not a JSON object`);
  return parsed;
}
