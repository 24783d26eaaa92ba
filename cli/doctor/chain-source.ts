// Where a team's on-call chain comes from, for people: the policy or schedule the functions ask for.
import type { Config } from '../../functions/lib/config/config';
import type { Team } from '../../functions/lib/core/types';
import { scheduleNameFor } from '../../functions/lib/providers/opsgenie';
import { fileOf } from '../../functions/lib/config/asset-file';
import type { TeamPlace } from './team-place';

export function chainSource(config: Config, team: Team, place: TeamPlace): string {
  const policyVariable = place.policyIn;
  switch (config.provider) {
    case 'victorops':
      return team.policy
        ? `escalation policy "${team.policy}" (${policyVariable})`
        : "the team's first escalation policy";
    case 'pagerduty':
      return team.policy
        ? `escalation policy ${team.policy} (${policyVariable})`
        : `no escalation policy (${policyVariable} is not set)`;
    case 'opsgenie':
      return team.policy
        ? `schedule "${team.policy}" (${policyVariable})`
        : `schedule "${scheduleNameFor(team)}" (Opsgenie's default for the team)`;
    case 'static':
      return `the roster in ${fileOf(config.staticRosterAsset)}`;
  }
}
