// Injected failures: every way a provider call can go wrong that a live-call flow must
// survive inside Twilio's time limits.
import { isJsonObject, type JsonValue } from './json';

export type MockFaultKind = 'status' | 'hang' | 'malformed-json' | 'rate-limit' | 'latency';

export interface MockFault {
  /** Path prefix the fault applies to, or "*" for every provider request. */
  path: string;
  kind: MockFaultKind;
  /** HTTP status for "status" (default 500) and "rate-limit" (default 429). */
  status?: number;
  /** Extra delay for "latency". */
  ms?: number;
  /** Retry-After seconds for "rate-limit" (default 1). */
  retryAfterSeconds?: number;
  /** How many requests it affects; forever when absent. */
  times?: number;
  /** How many matching requests go through untouched before it applies (default 0). */
  skip?: number;
}

const KINDS: readonly MockFaultKind[] = ['status', 'hang', 'malformed-json', 'rate-limit', 'latency'];

export class FaultError extends Error {}

function appliesTo(fault: MockFault, path: string): boolean {
  return fault.path === '*' || path.startsWith(fault.path);
}

export class FaultBook {
  private faults: Array<{ fault: MockFault; skipping: number; remaining: number | null }> = [];

  add(fault: MockFault): void {
    this.faults.push({ fault, skipping: fault.skip ?? 0, remaining: fault.times ?? null });
  }

  clear(): void {
    this.faults = [];
  }

  list(): MockFault[] {
    return this.faults.map((entry) => entry.fault);
  }

  /** What happens to a request for `path`: latency faults add up, the first other fault wins. Uses them up. */
  take(path: string): { extraLatencyMs: number; failure?: MockFault } {
    let extraLatencyMs = 0;
    let failure: MockFault | undefined;
    for (const entry of this.faults) {
      if (entry.remaining === 0 || !appliesTo(entry.fault, path)) continue;
      if (entry.skipping > 0) {
        entry.skipping -= 1;
        continue;
      }
      if (entry.fault.kind === 'latency') extraLatencyMs += entry.fault.ms ?? 0;
      else if (failure) continue;
      else failure = entry.fault;
      if (entry.remaining !== null) entry.remaining -= 1;
    }
    this.faults = this.faults.filter((entry) => entry.remaining !== 0);
    return failure ? { extraLatencyMs, failure } : { extraLatencyMs };
  }
}

function positiveInteger(value: JsonValue | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new FaultError(`${name} must be a non-negative integer`);
  return value;
}

/** A fault from the control endpoint's JSON: {path, kind, code|status?, ms?, retryAfterSeconds?, times?, skip?}. */
export function faultFromJson(body: JsonValue | undefined): MockFault {
  if (!isJsonObject(body)) throw new FaultError('expected a JSON object');
  const path = body.path ?? '*';
  if (typeof path !== 'string' || (path !== '*' && !path.startsWith('/')))
    throw new FaultError('path must be "*" or start with "/"');
  const kind = body.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind as MockFaultKind))
    throw new FaultError(`kind must be one of ${KINDS.join(', ')}`);
  const fault: MockFault = { path, kind: kind as MockFaultKind };
  const status = positiveInteger(body.status ?? body.code, 'status');
  const ms = positiveInteger(body.ms, 'ms');
  const retryAfterSeconds = positiveInteger(body.retryAfterSeconds, 'retryAfterSeconds');
  const times = positiveInteger(body.times, 'times');
  const skip = positiveInteger(body.skip, 'skip');
  if (status !== undefined) fault.status = status;
  if (ms !== undefined) fault.ms = ms;
  if (retryAfterSeconds !== undefined) fault.retryAfterSeconds = retryAfterSeconds;
  if (times !== undefined) fault.times = times;
  if (skip !== undefined) fault.skip = skip;
  if (fault.kind === 'latency' && fault.ms === undefined) throw new FaultError('latency needs ms');
  return fault;
}

/**
 * A fault from the command line: PATH=SPEC[@TIMES], SPEC being an HTTP status, hang,
 * malformed-json, rate-limit or latency:MS. E.g. /api-public/v2=500@2.
 */
export function faultFromSpec(text: string): MockFault {
  const equals = text.lastIndexOf('=');
  if (equals <= 0) throw new FaultError(`"${text}": expected PATH=SPEC`);
  const path = text.slice(0, equals);
  let spec = text.slice(equals + 1);
  let times: number | undefined;
  const at = spec.lastIndexOf('@');
  if (at !== -1) {
    times = Number(spec.slice(at + 1));
    if (!Number.isInteger(times) || times < 1) throw new FaultError(`"${text}": @TIMES must be a positive integer`);
    spec = spec.slice(0, at);
  }
  const json: { [key: string]: JsonValue } = { path };
  if (/^\d{3}$/.test(spec)) Object.assign(json, { kind: 'status', status: Number(spec) });
  else if (spec.startsWith('latency:'))
    Object.assign(json, { kind: 'latency', ms: Number(spec.slice('latency:'.length)) });
  else json.kind = spec;
  if (times !== undefined) json.times = times;
  return faultFromJson(json);
}
