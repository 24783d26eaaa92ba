// Reads what bench/http-probe.ts wrote: the runtime's own view of its outgoing requests.
import type { RequestSpan } from './round-trips';

export type RuntimeHttpEvent =
  | { id: number; event: 'sent'; at: number; method: string; host: string; path: string }
  | { id: number; event: 'answered' | 'failed'; at: number };

/** One outgoing request: sent at startMs, answered (or given up) at endMs, null while neither. */
export interface RuntimeRequest extends RequestSpan {
  method: string;
  host: string;
  /** Path and query string. */
  path: string;
}

function parseLine(line: string, lineNumber: number, source: string): RuntimeHttpEvent {
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed === 'object' && parsed !== null && 'id' in parsed && 'event' in parsed && 'at' in parsed) {
      return parsed as RuntimeHttpEvent;
    }
  } catch {
    // Reported below with the line.
  }
  throw new Error(`${source} line ${lineNumber}: not a runtime HTTP event: ${line.slice(0, 200)}`);
}

/** The requests in a probe log, in the order they were sent. `source` names the file in errors. */
export function parseRuntimeHttpLog(text: string, source = 'runtime HTTP log'): RuntimeRequest[] {
  const requests = new Map<number, RuntimeRequest>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const event = parseLine(line, index + 1, source);
    if (event.event === 'sent') {
      const { method, host, path, at } = event;
      requests.set(event.id, { method, host, path, startMs: at, endMs: null });
      return;
    }
    const request = requests.get(event.id);
    // The first end counts: a request answered and then torn down has already had its answer.
    if (request && request.endMs === null) request.endMs = event.at;
  });
  return [...requests.values()];
}
