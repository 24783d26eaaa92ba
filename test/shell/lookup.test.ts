import { parseConfig } from '../../functions/lib/config/config';
import { defaultMessages } from '../../functions/lib/core/messages';
import { ProviderError, type OnCallProvider } from '../../functions/lib/providers/provider';
import type { Logger } from '../../functions/lib/shell/log';
import { lookUpOnCall } from '../../functions/lib/shell/lookup';
import { flowConfigOf, type CallSetup } from '../../functions/lib/shell/setup';
import { resetWarmState } from '../../functions/lib/warm/state';

const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A provider whose lookup never answers, and notes how long it was given. */
function hangingProvider(budgets: number[]): OnCallProvider {
  return {
    name: 'hanging',
    listTeams: async () => [],
    readOnCall: (_team, signal) =>
      new Promise((_resolve, reject) => {
        const started = Date.now();
        signal.addEventListener('abort', () => {
          budgets.push(Date.now() - started);
          reject(new Error('aborted'));
        });
      }),
    sendIncidentEvent: async () => 'alerted',
  };
}

function setupWith(provider: OnCallProvider, env: Record<string, string> = {}): CallSetup {
  const { config } = parseConfig(env);
  return { config, flow: flowConfigOf(config, [{ name: 'Platform' }], { ...defaultMessages }), provider };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('lookUpOnCall', () => {
  it('gives up on a hanging provider at the deadline it is given, so the webhook keeps the rest', async () => {
    const budgets: number[] = [];
    const setup = setupWith(hangingProvider(budgets));
    const started = Date.now();
    const result = lookUpOnCall(setup, { name: 'Platform' }, started + 1800, silentLog);
    await jest.advanceTimersByTimeAsync(5000);
    await expect(result).resolves.toMatchObject({ ok: false });
    expect(budgets).toEqual([1800]);
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

describe('lookUpOnCall: the warm cache of on-call chains', () => {
  beforeEach(() => {
    jest.useRealTimers();
    resetWarmState();
  });

  const ALICE = { name: 'alice', phone: '+15555550101' };

  /** A cached provider that answers after `delayMs`, counting its lookups. */
  function countingProvider(options: { delayMs?: number; fitsBudget?: () => boolean } = {}) {
    const calls: string[] = [];
    const provider: OnCallProvider = {
      name: 'counting',
      cacheScope: 'counting https://api.test',
      listTeams: async () => [],
      readOnCall: async (team) => {
        calls.push(team.name);
        await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
        return [[{ name: ALICE.name, phones: [ALICE.phone] }]];
      },
      sendIncidentEvent: async () => 'alerted',
      ...(options.fitsBudget ? { lookupFitsRateBudget: options.fitsBudget } : {}),
    };
    return { provider, calls };
  }

  const lookUp = (setup: CallSetup, team = 'Platform') =>
    lookUpOnCall(setup, { name: team }, Date.now() + setup.config.webhookBudgetMs, silentLog);

  it('asks the provider once per team within ONCALL_CACHE_SECONDS', async () => {
    const { provider, calls } = countingProvider();
    const setup = setupWith(provider);
    await expect(lookUp(setup)).resolves.toEqual({ ok: true, steps: [[ALICE]] });
    await expect(lookUp(setup)).resolves.toEqual({ ok: true, steps: [[ALICE]] });
    await lookUp(setup, 'Database');
    expect(calls).toEqual(['Platform', 'Database']);
  });

  it('asks every time with ONCALL_CACHE_SECONDS=0', async () => {
    const { provider, calls } = countingProvider();
    const setup = setupWith(provider, { ONCALL_CACHE_SECONDS: '0' });
    await lookUp(setup);
    await lookUp(setup);
    expect(calls).toEqual(['Platform', 'Platform']);
  });

  it('lets simultaneous first calls share one lookup in flight', async () => {
    const { provider, calls } = countingProvider({ delayMs: 50 });
    const setup = setupWith(provider);
    const results = await Promise.all([lookUp(setup), lookUp(setup), lookUp(setup)]);
    expect(results.every((result) => result.ok)).toBe(true);
    expect(calls).toEqual(['Platform']);
  });

  it('rings the chain read earlier when one more lookup would overrun the rate budget, and says so', async () => {
    let fits = true;
    const { provider, calls } = countingProvider({ fitsBudget: () => fits });
    const setup = setupWith(provider, { ONCALL_CACHE_SECONDS: '1' });
    await lookUp(setup);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    fits = false;
    const warnings: string[] = [];
    const log: Logger = { ...silentLog, warn: (message) => warnings.push(message) };
    await expect(lookUpOnCall(setup, { name: 'Platform' }, Date.now() + 2800, log)).resolves.toEqual({
      ok: true,
      steps: [[ALICE]],
    });
    expect(calls).toEqual(['Platform']);
    expect(warnings).toEqual(['Rate budget spent: ringing the on-call chain read earlier']);
  });

  it('still asks when the budget is spent but nothing was read before: a caller outranks a budget', async () => {
    const { provider, calls } = countingProvider({ fitsBudget: () => false });
    await lookUp(setupWith(provider));
    expect(calls).toEqual(['Platform']);
  });

  it('rings a chain read under ten minutes ago when the provider fails now, and says so; not an older one, nor after a refusal', async () => {
    let failure: Error | undefined;
    const provider: OnCallProvider = {
      ...countingProvider().provider,
      readOnCall: async () => {
        if (failure) throw failure;
        return [[{ name: ALICE.name, phones: [ALICE.phone] }]];
      },
    };
    const setup = setupWith(provider, { ONCALL_CACHE_SECONDS: '1' });
    await lookUp(setup);
    const realNow = Date.now.bind(Date);
    let minutesLater = 5;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + minutesLater * 60_000);
    const warnings: string[] = [];
    const log: Logger = { ...silentLog, warn: (message) => warnings.push(message) };
    const lookUpNow = () => lookUpOnCall(setup, { name: 'Platform' }, Date.now() + 2800, log);

    failure = new ProviderError('on-call lookup was rate limited: HTTP 429', true);
    await expect(lookUpNow()).resolves.toEqual({ ok: true, steps: [[ALICE]] });
    expect(warnings).toEqual(['Ringing the on-call chain read earlier, while the provider fails']);
    // A refused key is no outage: a chain from before it proves nothing.
    failure = new ProviderError('HTTP 401', false);
    await expect(lookUpNow()).resolves.toMatchObject({ ok: false });

    failure = new ProviderError('HTTP 503', true);
    minutesLater = 11;
    await expect(lookUpNow()).resolves.toMatchObject({ ok: false });
    clock.mockRestore();
  });

  it('does not keep a failure: the next call asks again', async () => {
    let fail = true;
    const provider: OnCallProvider = {
      ...countingProvider().provider,
      readOnCall: async () => {
        if (fail) throw new Error('HTTP 500');
        return [[{ name: ALICE.name, phones: [ALICE.phone] }]];
      },
    };
    const setup = setupWith(provider);
    await expect(lookUp(setup)).resolves.toMatchObject({ ok: false });
    fail = false;
    await expect(lookUp(setup)).resolves.toEqual({ ok: true, steps: [[ALICE]] });
  });
});
