// The simulated calls the benchmark places: the Splunk On-Call mock, teams Platform and Database,
// every caller picking Platform and its first responder accepting.
import type { CallScript } from '../simulator';
import type { AwaitedAnswer } from './call-wait';

export interface CallCase {
  /** NUMBER_OF_MENUS: 1, the team menu (the caller presses 1), or 0, no menu at all. */
  menus: 0 | 1;
  /** The mock's delay before each answer; a hanging provider never answers its schedule. */
  provider: { latencyMs: number } | 'hangs';
  /** Calls placed at the same moment. */
  concurrency: number;
  /** Calls after the first group, on the same runtime. */
  warmCalls: number;
  awaited: AwaitedAnswer;
  script: CallScript;
}

export interface CaseCounts {
  warmCalls: number;
  hangCalls: number;
}

export const LATENCIES_MS = [0, 100, 300] as const;
export const CONCURRENCIES = [1, 5] as const;

const FIRST_RESPONDER = '+15555550101';

function ringScript(menus: 0 | 1): CallScript {
  return {
    caller: menus === 1 ? [{ digits: '1' }] : [],
    responders: { [FIRST_RESPONDER]: { behaviour: 'accept', talkSeconds: 1 } },
  };
}

/** Every case, in the order they run: the menu cases, the hanging provider, then no menu. */
export function callCases(counts: CaseCounts): CallCase[] {
  const ringing = (menus: 0 | 1): CallCase[] =>
    LATENCIES_MS.flatMap((latencyMs) =>
      CONCURRENCIES.map((concurrency) => ({
        menus,
        provider: { latencyMs },
        concurrency,
        warmCalls: counts.warmCalls,
        awaited: 'first ring' as const,
        script: ringScript(menus),
      })),
    );
  const hangs: CallCase = {
    menus: 1,
    provider: 'hangs',
    concurrency: 1,
    warmCalls: counts.hangCalls,
    awaited: 'voicemail prompt',
    script: { caller: [{ digits: '1' }], voicemail: { action: 'leave-message', seconds: 3 } },
  };
  return [...ringing(1), hangs, ...ringing(0)];
}

/** A short name for progress lines and errors. */
export function caseName(c: CallCase): string {
  const provider = c.provider === 'hangs' ? 'provider hangs' : `latency ${c.provider.latencyMs} ms`;
  return `NUMBER_OF_MENUS=${c.menus}, ${provider}, ${c.concurrency} at once`;
}
