// Every provider request the mock saw, kept so tests and the CLI can check what a call
// flow asked for. Secrets are blanked: logs get pasted into issues.
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonValue } from './json';

export interface RecordedRequest {
  id: number;
  /** Epoch ms when the request arrived. */
  at: number;
  time: string;
  /** Which mocked API answered, or "none". */
  provider: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, or null when there was none or it was not JSON. */
  body: JsonValue;
  bodyText?: string;
  /** null while the response is pending (or never sent: a "hang" fault). */
  status: number | null;
  fault?: string;
  ms?: number;
}

const SECRET_HEADERS = new Set(['x-vo-api-key', 'authorization']);

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = SECRET_HEADERS.has(name) ? '[redacted]' : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
