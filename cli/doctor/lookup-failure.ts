// What a failed lookup says about the deployment: a key the provider refuses and a team or policy
// it does not know are configuration faults; a timeout, a 429 or a 5xx may pass.
import type { ProviderName } from '../../functions/lib/config/config';
import { isRetryable } from '../../functions/lib/providers/provider';
import { describeError } from '../../functions/lib/shell/log';

/** `not-asked`: the provider is not configured, which the configuration problems already say. */
export type FailureKind = 'credentials' | 'configuration' | 'unavailable' | 'not-asked';

export interface LookupFailure {
  kind: FailureKind;
  /** The variable at fault: the key, ESC_POL_n or TEAM_n; the team's own name when none applies. */
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
 * `n` is the team's TEAM_n, when it has one. The adapters' messages name the request and its HTTP
 * status, and write a team's variables as TEAM_n and ESC_POL_n.
 */
export function classifyLookupFailure(
  error: unknown,
  provider: ProviderName,
  team: { name: string; n?: number },
): LookupFailure {
  const problem = describeError(error);
  const numbered = (variable: string): string =>
    team.n === undefined ? variable : variable.replace(/_n$/, `_${team.n}`);
  const keyVariable = KEY_VARIABLES[provider];
  if (keyVariable && /\bHTTP 40[13]\b/.test(problem)) {
    return { kind: 'credentials', variable: keyVariable, problem: `${problem}: ${KEY_ADVICE[provider]}` };
  }
  const teamVariable = team.n === undefined ? team.name : `TEAM_${team.n}`;
  if (isRetryable(error)) return { kind: 'unavailable', variable: teamVariable, problem };
  const named = /\b(ESC_POL_n|TEAM_n)\b/.exec(problem)?.[1];
  return { kind: 'configuration', variable: named ? numbered(named) : teamVariable, problem };
}
