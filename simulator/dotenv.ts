// Reads KEY=VALUE lines the way twilio-run's .env does, so the CLI signs with the same
// AUTH_TOKEN the local Functions see.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function parseDotenv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1] ?? '';
    let value = match[2] ?? '';
    const quote = value.charAt(0);
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      // An unquoted value ends at a comment.
      value = value.replace(/\s+#.*$/, '');
    }
    values[key] = value;
  }
  return values;
}

export function readDotenv(directory: string): Record<string, string> {
  const file = join(directory, '.env');
  return existsSync(file) ? parseDotenv(readFileSync(file, 'utf-8')) : {};
}
