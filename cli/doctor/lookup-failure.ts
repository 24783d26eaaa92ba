// What a failed lookup says about the deployment: a key the provider refuses and a team or policy
// it does not know are configuration faults; a timeout, a 429 or a 5xx may pass.
import type { ProviderName } from '../../functions/lib/config/config';
import { isRetryable } from '../../functions/lib/providers/provider';
import { describeError } from '../../functions/lib/shell/log';
import type { TeamPlace } from './team-place';

/** `not-asked`: the provider is not configured, which the configuration problems already say. */
export type FailureKind = 'credentials' | 'configuration' | 'unavailable' | 'not-asked';

export interface LookupFailure {
  kind: FailureKind;
  /** The variable at fault: the key, or where the team or its policy is set; the team's own name when none applies. */
  variable: string;
  problem: string;
}

/** The variable holding the key each adapter reads with. */
export const KEY_VARIABLES: Record<ProviderName, string | undefined> = {
  victorops: 'VICTOROPS_API_KEY',
  pagerduty: 'PAGERDUTY_API_KEY',
  opsgenie: 'OPSGENIE_API_KEY',
  static: undefined,
};

const KEY_ADVICE: Record<ProviderName, string> = {
  victorops:
    'check VICTOROPS_API_ID and VICTOROPS_API_KEY (Splunk On-Call also answers 403 when its rate limit is spent)',
  pagerduty: 'check PAGERDUTY_API_KEY',
  opsgenie: 'check OPSGENIE_API_KEY and its Read access',
  static: 'check the roster',
};

/**
 * The adapters' messages name the request and its HTTP status, and write a team's variables as
 * TEAM_n and ESC_POL_n: the team's place says which variable or routing-file entry that is.
 */
export function classifyLookupFailure(
  error: unknown,
  provider: ProviderName,
  team: { name: string; place: TeamPlace },
): LookupFailure {
  const problem = describeError(error);
  const keyVariable = KEY_VARIABLES[provider];
  if (keyVariable && /\bHTTP 40[13]\b/.test(problem)) {
    return { kind: 'credentials', variable: keyVariable, problem: `${problem}: ${KEY_ADVICE[provider]}` };
  }
  const teamVariable = team.place.definedIn ?? team.name;
  if (isRetryable(error)) return { kind: 'unavailable', variable: teamVariable, problem };
  const named = /\b(ESC_POL_n|TEAM_n)\b/.exec(problem)?.[1];
  const variable = named === 'ESC_POL_n' ? team.place.policyIn : teamVariable;
  return { kind: 'configuration', variable, problem };
}
