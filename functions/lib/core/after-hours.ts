import type { FlowConfig } from './flow-config';
import { isOpenAt } from './hours';
import { rulesOf } from './routing';
import type { Team } from './types';

/**
 * Where a call for `team` goes at `at`:
 * - open: to the team;
 * - another team: its after-hours team, when that one is open (a closed one leads to voicemail);
 * - voicemail: the team's voicemail, with the operator's message when they wrote one.
 */
export type HoursDecision = { to: 'team' } | { to: 'other-team'; team: string } | { to: 'voicemail'; message?: string };

export function hoursDecision(config: FlowConfig, team: Team, at: Date): HoursDecision {
  const rules = rulesOf(config.routing, team.name);
  if (!rules.hours || isOpenAt(rules.hours, at)) return { to: 'team' };
  const afterHours = rules.afterHours;
  if (!afterHours || 'voicemail' in afterHours) return { to: 'voicemail' };
  if ('message' in afterHours) return { to: 'voicemail', message: afterHours.message };
  const other = rulesOf(config.routing, afterHours.team);
  return !other.hours || isOpenAt(other.hours, at) ? { to: 'other-team', team: afterHours.team } : { to: 'voicemail' };
}
