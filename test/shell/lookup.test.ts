import { parseConfig } from '../../functions/lib/config/config';
import { defaultMessages } from '../../functions/lib/core/messages';
import type { OnCallProvider } from '../../functions/lib/providers/provider';
import type { Logger } from '../../functions/lib/shell/log';
import { lookUpOnCall } from '../../functions/lib/shell/lookup';
import { flowConfigOf, type CallSetup } from '../../functions/lib/shell/setup';

const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A provider whose lookup never answers, and notes how long it was given. */
function hangingProvider(budgets: number[]): OnCallProvider {
  return {
    name: 'hanging',
    listTeams: async () => [],
    lookUpOnCallChain: (_team, signal) =>
      new Promise((_resolve, reject) => {
        const started = Date.now();
        signal.addEventListener('abort', () => {
          budgets.push(Date.now() - started);
          reject(new Error('aborted'));
        });
      }),
    sendIncidentEvent: async () => undefined,
  };
}

function setupWith(provider: OnCallProvider, env: Record<string, string> = {}): CallSetup {
  const { config } = parseConfig(env);
  return { config, flow: flowConfigOf(config, [{ name: 'Platform' }], { ...defaultMessages }), provider };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('lookUpOnCall', () => {
  it("leaves 0.8 s of the webhook's budget for the unanswered call's incident when the provider hangs", async () => {
    const budgets: number[] = [];
    const setup = setupWith(hangingProvider(budgets));
    const started = Date.now();
    const result = lookUpOnCall(setup, { name: 'Platform' }, started + setup.config.webhookBudgetMs, silentLog);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toMatchObject({ ok: false });
    expect(budgets).toEqual([2000]);
  });

  it('keeps to a shorter LOOKUP_TIMEOUT_MS', async () => {
    const budgets: number[] = [];
    const setup = setupWith(hangingProvider(budgets), { LOOKUP_TIMEOUT_MS: '1200' });
    const result = lookUpOnCall(setup, { name: 'Platform' }, Date.now() + setup.config.webhookBudgetMs, silentLog);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toMatchObject({ ok: false });
    expect(budgets).toEqual([1200]);
  });
});
