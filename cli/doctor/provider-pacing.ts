// Which of a provider's requests the doctor paces, read from the adapter's own rate budget so that
// the doctor counts exactly what the functions count. Only the Splunk On-Call adapter keeps one:
// its documented limits (15 a minute) are the only ones a doctor run could come near.
import type { OnCallProvider } from '../../functions/lib/providers/provider';
import {
  ESCALATION_STEPS,
  VICTOROPS_LIMITS_PER_MINUTE,
  VictorOpsProvider,
  victorOpsRateBucket,
  type VictorOpsEndpoint,
} from '../../functions/lib/providers/victorops';
import type { Team } from '../../functions/lib/core/types';
import { warmState } from '../../functions/lib/warm/state';
import { allowanceOf, waitBefore, type Allowance, type Wait } from './pacing';

export interface Pacer {
  /** The provider's name for people, for the wait message. */
  providerLabel: string;
  /** The wait before the team list (or the teams' keys) is read. */
  beforeTeamList(now: number): Wait | undefined;
  /** The wait before one team's on-call chain is read. */
  beforeTeam(team: Team, now: number): Wait | undefined;
}

const ENDPOINTS = Object.keys(VICTOROPS_LIMITS_PER_MINUTE) as VictorOpsEndpoint[];
const ENDPOINT_LABELS: Record<VictorOpsEndpoint, string> = {
  teams: 'team list',
  schedule: 'on-call schedule',
  phones: 'contact phones',
};

/** Undefined for a provider whose adapter keeps no rate budget: the doctor then never waits. */
export function pacerFor(provider: OnCallProvider): Pacer | undefined {
  if (!(provider instanceof VictorOpsProvider)) return undefined;
  const allowances = Object.fromEntries(
    ENDPOINTS.map((endpoint) => [
      endpoint,
      allowanceOf(ENDPOINT_LABELS[endpoint], VICTOROPS_LIMITS_PER_MINUTE[endpoint]),
    ]),
  ) as Record<VictorOpsEndpoint, Allowance>;
  const wait = (costs: Partial<Record<VictorOpsEndpoint, number>>, now: number): Wait | undefined =>
    waitBefore(
      ENDPOINTS.map((endpoint) => ({
        allowance: allowances[endpoint],
        requestTimes: warmState().requestTimes.get(victorOpsRateBucket(provider.cacheScope, endpoint)) ?? [],
        cost: costs[endpoint] ?? 0,
      })),
      now,
    );
  return {
    providerLabel: 'Splunk On-Call',
    beforeTeamList: (now) => wait({ teams: 1 }, now),
    beforeTeam: (team, now) =>
      wait(
        {
          // Without its slug, the lookup may read the team list first.
          teams: team.ref ? 0 : 1,
          schedule: ESCALATION_STEPS.length,
          // How many people's phones a lookup reads is known only once it has read the schedule,
          // so a team starts only with the whole phones allowance free.
          phones: allowances.phones.allowedPerMinute,
        },
        now,
      ),
  };
}
