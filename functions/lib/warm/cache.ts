import { warmState } from './state';

export interface CacheOptions {
  /** How long a stored value is fresh. */
  ttlMs: number;
  /** The clock; tests pass their own. */
  now?: () => number;
}

/**
 * The value stored under `key` while fresh; otherwise the one request in flight for it, or a new
 * one. Simultaneous first calls share that request. A failure is not stored: the next caller asks
 * again. `useStale(ageMs)` may return true to serve an expired value instead of loading (a rate
 * limit budget that is spent, say). A ttl of 0 or less turns the cache off: every call loads.
 */
export async function cached<T>(
  key: string,
  options: CacheOptions,
  load: () => Promise<T>,
  useStale: (ageMs: number) => boolean = () => false,
): Promise<T> {
  if (options.ttlMs <= 0) return load();
  const { entries } = warmState();
  const now = options.now ?? Date.now;
  const entry = entries.get(key);
  if (entry?.kind === 'pending') return entry.promise as Promise<T>;
  if (entry?.kind === 'value' && (now() < entry.expiresAt || useStale(now() - entry.storedAt))) {
    return entry.value as T;
  }
  const stale = entry;
  const promise = load().then(
    (value) => {
      const storedAt = now();
      entries.set(key, { kind: 'value', value, storedAt, expiresAt: storedAt + options.ttlMs });
      return value;
    },
    (error: unknown) => {
      // A failed refresh keeps the value it was meant to replace, for whoever may still use it.
      if (stale) entries.set(key, stale);
      else entries.delete(key);
      throw error;
    },
  );
  entries.set(key, { kind: 'pending', promise });
  return promise;
}

/** The stored value under `key`, fresh or not, without loading anything. */
export function peekCached<T>(key: string): { value: T; ageMs: number } | undefined {
  const entry = warmState().entries.get(key);
  return entry?.kind === 'value' ? { value: entry.value as T, ageMs: Date.now() - entry.storedAt } : undefined;
}
