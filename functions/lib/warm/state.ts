/**
 * What a warm container keeps between requests. Every function is bundled on its own, so module
 * state is one copy per function; this object hangs off globalThis, so all the functions of a
 * service that run in one process share it: one configuration, one cache, one in-flight request
 * per key. Only plain data goes in: a class defined in one bundle is not the same class in another.
 */
export interface WarmState {
  /** Values with an expiry, and requests still in flight, by key. */
  readonly entries: Map<string, WarmEntry>;
  /** Log lines already written once by this process (configuration problems). */
  readonly logged: Set<string>;
  /** Request times per rate-limit bucket, for the providers' documented limits. */
  readonly requestTimes: Map<string, number[]>;
}

export type WarmEntry =
  | { kind: 'value'; value: unknown; storedAt: number; expiresAt: number }
  | { kind: 'pending'; promise: Promise<unknown> };

// Bumped when the layout changes, so that an older bundle still loaded in the same process never
// reads a newer layout.
const KEY = Symbol.for('oncall-live-call-routing.warm-state.v1');

type WithWarmState = typeof globalThis & { [KEY]?: WarmState };

export function warmState(): WarmState {
  const global = globalThis as WithWarmState;
  global[KEY] ??= { entries: new Map(), logged: new Set(), requestTimes: new Map() };
  return global[KEY];
}

/** A cold start, for tests. */
export function resetWarmState(): void {
  delete (globalThis as WithWarmState)[KEY];
}
