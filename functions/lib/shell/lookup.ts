import { assembleSteps, type OnCallCandidate } from '../core/chain';
import type { OnCallLookup, Team } from '../core/types';
import { isRetryable, retryAfterOf } from '../providers/provider';
import { cached, peekCached } from '../warm/cache';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';
import type { CallSetup } from './setup';

/** A retry needs at least this long to be worth starting. */
const MIN_RETRY_MS = 300;
/** Past this age a chain is not served even to stay within a rate limit: it would ring the wrong people. */
const STALE_CHAIN_LIMIT_MS = 10 * 60_000;

/**
 * Asks the provider who is on call, within LOOKUP_TIMEOUT_MS and by `deadline` (what the webhook
 * must keep for what follows is the caller's to take off). Chains are
 * cached for ONCALL_CACHE_SECONDS across calls (and one request in flight serves simultaneous
 * calls). When the lookup fails and ROSTER_FALLBACK is on, the static roster answers instead. A
 * failure is an answer (the flow then rings fallback numbers or takes a voicemail), never an exception.
 */
export async function lookUpOnCall(setup: CallSetup, team: Team, deadline: number, log: Logger): Promise<OnCallLookup> {
  const started = Date.now();
  const budget = Math.max(Math.min(setup.config.lookupTimeoutMs, deadline - started), 100);
  try {
    const candidates = await withDeadline(budget, `on-call lookup for ${team.name}`, () =>
      cachedOnCall(setup, team, started + budget, log),
    );
    const { steps, skipped } = assembleSteps(candidates);
    log.info('On-call chain found', {
      provider: setup.provider.name,
      team: team.name,
      responders: steps.map((step) => step.map((r) => r.name)),
      ...(skipped.length > 0 ? { skipped: skipped.map((s) => `${s.name}: ${s.why}`) } : {}),
      ms: Date.now() - started,
    });
    return { ok: true, steps };
  } catch (error) {
    const problem = describeError(error);
    log.error('On-call lookup failed', {
      provider: setup.provider.name,
      team: team.name,
      problem,
      ms: Date.now() - started,
    });
    return recentChain(setup, team, error, log) ?? (await lookUpInRoster(setup, team, log)) ?? { ok: false, problem };
  }
}

/**
 * A provider that is down, slow or rate limiting now answered a few minutes ago: that chain is
 * very likely still right, and rings a person instead of a voicemail.
 */
function recentChain(setup: CallSetup, team: Team, error: unknown, log: Logger): OnCallLookup | undefined {
  const key = chainKey(setup, team);
  if (!key || !isRetryable(error)) return undefined;
  const recent = peekCached<OnCallCandidate[][]>(key);
  if (!recent || recent.ageMs >= STALE_CHAIN_LIMIT_MS) return undefined;
  log.warn('Ringing the on-call chain read earlier, while the provider fails', {
    team: team.name,
    ageSeconds: Math.round(recent.ageMs / 1000),
  });
  return { ok: true, steps: assembleSteps(recent.value).steps };
}

/** The warm cache's key for a team's chain; undefined when chains are not cached. */
function chainKey(setup: CallSetup, team: Team): string | undefined {
  const { provider } = setup;
  if (!provider.cacheScope || setup.config.oncallCacheSeconds <= 0) return undefined;
  return `${provider.cacheScope} chain ${team.name} ${team.policy ?? ''}`;
}

/** Who the provider says is on call, from the warm cache while it is fresh. */
function cachedOnCall(setup: CallSetup, team: Team, until: number, log: Logger): Promise<OnCallCandidate[][]> {
  const { provider } = setup;
  const ttlMs = setup.config.oncallCacheSeconds * 1000;
  const load = (): Promise<OnCallCandidate[][]> => lookUpHonouringRateLimit(setup, team, until, log);
  const key = chainKey(setup, team);
  if (!key) return load();
  const spent = provider.lookupFitsRateBudget ? !provider.lookupFitsRateBudget() : false;
  return cached(key, { ttlMs }, load, (ageMs) => {
    const serveStale = spent && ageMs < STALE_CHAIN_LIMIT_MS;
    if (serveStale) {
      log.warn('Rate budget spent: ringing the on-call chain read earlier', {
        team: team.name,
        ageSeconds: Math.round(ageMs / 1000),
      });
    }
    return serveStale;
  });
}

/** One retry after a 429, when the wait the provider asks for still fits in the budget. */
async function lookUpHonouringRateLimit(
  setup: CallSetup,
  team: Team,
  until: number,
  log: Logger,
): Promise<OnCallCandidate[][]> {
  const attempt = (): Promise<OnCallCandidate[][]> =>
    withDeadline(Math.max(until - Date.now(), 1), `on-call lookup for ${team.name}`, (signal) =>
      setup.provider.readOnCall(team, signal),
    );
  try {
    return await attempt();
  } catch (error) {
    const wait = retryAfterOf(error);
    if (wait === undefined || Date.now() + wait + MIN_RETRY_MS > until) throw error;
    log.warn('Provider rate limit: retrying after the wait it asked for', { team: team.name, waitMs: wait });
    await new Promise((resolve) => setTimeout(resolve, wait));
    return attempt();
  }
}

async function lookUpInRoster(setup: CallSetup, team: Team, log: Logger): Promise<OnCallLookup | undefined> {
  if (!setup.rosterFallback) return undefined;
  try {
    const { steps } = assembleSteps(await setup.rosterFallback.readOnCall(team, new AbortController().signal));
    log.warn('Using the static roster as fallback (ROSTER_FALLBACK)', {
      team: team.name,
      responders: steps.flat().map((r) => r.name),
    });
    return { ok: true, steps };
  } catch (error) {
    log.error('The roster fallback failed too', { team: team.name, problem: describeError(error) });
    return undefined;
  }
}
