// What every adapter test needs: no network but loopback, a signal that never fires, and a way
// to get at the ProviderError a call rejects with.
import nock from 'nock';
import { assembleChain } from '../../functions/lib/core/chain';
import type { Responder, Team } from '../../functions/lib/core/types';
import { ProviderError, type OnCallProvider } from '../../functions/lib/providers/provider';
import { resetWarmState } from '../../functions/lib/warm/state';

export const noDeadline = (): AbortSignal => new AbortController().signal;

/** The people an adapter's answer rings, one after the other, as the shell assembles them. */
export async function chainOf(
  provider: OnCallProvider,
  team: Team,
  signal: AbortSignal = noDeadline(),
): Promise<Responder[]> {
  return assembleChain(await provider.readOnCall(team, signal));
}

/** The ProviderError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw new Error(`expected a ProviderError, got ${String(error)}`);
  }
  throw new Error('expected a ProviderError, but the promise resolved');
}

/**
 * nock answers every provider; only 127.0.0.1 (local mock servers) may be reached. Each test is a
 * cold start: nothing cached by an earlier one (phones, team lists) answers for the provider.
 */
export function useOfflineNock(): void {
  beforeEach(() => {
    resetWarmState();
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => nock.enableNetConnect());
}
