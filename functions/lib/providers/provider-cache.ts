import { createHash } from 'node:crypto';

/**
 * Names one provider account in the warm cache's keys: its API's base URL and a digest of its key,
 * so that two accounts never share cached chains and no key is kept in clear in a cache key.
 */
export function cacheScopeOf(provider: string, apiUrl: string, apiKey: string): string {
  return `${provider} ${apiUrl} ${createHash('sha256').update(apiKey).digest('base64url').slice(0, 12)}`;
}

/** How long an adapter reuses what changes rarely. */
export interface ProviderCaching {
  /** People's phone numbers; who is on call changes often, and is cached (briefly) by the shell. */
  phonesTtlMs: number;
}

export const DEFAULT_CACHING: ProviderCaching = { phonesTtlMs: 10 * 60_000 };

/** Teams are renamed rarely; a team's key carried in a call's state outlives this anyway. */
export const TEAM_LIST_TTL_MS = 15 * 60_000;
