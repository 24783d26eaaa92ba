// Reads env files with dotenv 6.2, the parser twilio-run itself uses, so the CLI signs with
// the same AUTH_TOKEN the local Functions see.
import { parse } from 'dotenv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function parseDotenv(text: string): Record<string, string> {
  return parse(text);
}

/** The values in `directory/fileName` (.env by default); none when there is no such file. */
export function readDotenv(directory: string, fileName = '.env'): Record<string, string> {
  const file = join(directory, fileName);
  return existsSync(file) ? parseDotenv(readFileSync(file, 'utf-8')) : {};
}
