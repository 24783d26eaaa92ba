// One team's on-call lookup, as a live call makes it: the provider's adapter within
// LOOKUP_TIMEOUT_MS, and the static roster when it fails and ROSTER_FALLBACK is on.
import type { OnCallCandidate } from '../../functions/lib/core/chain';
import type { Team } from '../../functions/lib/core/types';
import type { GapReporter, OnCallProvider } from '../../functions/lib/providers/provider';
import { withDeadline } from '../../functions/lib/shell/deadline';
import { describeError } from '../../functions/lib/shell/log';

/** Someone (or a whole step) the adapter left out because it could not be read. */
export interface Gap {
  leftOut: string;
  problem: string;
}

/** Collects the gaps an adapter reports, team by team (the doctor reads one team at a time). */
export class GapLog {
  private gaps: Gap[] = [];

  readonly reporter: GapReporter = (leftOut, error) => {
    this.gaps.push({ leftOut, problem: describeError(error) });
  };

  /** The gaps reported since the last call. */
  take(): Gap[] {
    const taken = this.gaps;
    this.gaps = [];
    return taken;
  }
}

export type LookupOutcome =
  | {
      ok: true;
      candidates: OnCallCandidate[][];
      ms: number;
      gaps: Gap[];
      /** Set when the provider failed and the static roster answered instead (ROSTER_FALLBACK). */
      providerError?: unknown;
    }
  | { ok: false; error: unknown; ms: number; gaps: Gap[] };

export interface LookupSetup {
  provider: OnCallProvider;
  /** The static roster, when ROSTER_FALLBACK is on and it could be read. */
  rosterFallback?: OnCallProvider;
  budgetMs: number;
  gapLog: GapLog;
}

export async function lookUpTeam(setup: LookupSetup, team: Team): Promise<LookupOutcome> {
  const started = Date.now();
  const read = (provider: OnCallProvider): Promise<OnCallCandidate[][]> =>
    withDeadline(setup.budgetMs, `on-call lookup for ${team.name}`, (signal) => provider.readOnCall(team, signal));
  try {
    const candidates = await read(setup.provider);
    return { ok: true, candidates, ms: Date.now() - started, gaps: setup.gapLog.take() };
  } catch (error) {
    const gaps = setup.gapLog.take();
    if (setup.rosterFallback) {
      try {
        const candidates = await read(setup.rosterFallback);
        return { ok: true, candidates, ms: Date.now() - started, gaps, providerError: error };
      } catch {
        // The roster does not know the team either: the provider's failure is the one to report.
      }
    }
    return { ok: false, error, ms: Date.now() - started, gaps };
  }
}
