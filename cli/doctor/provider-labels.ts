// The providers as the doctor names them to people.
import type { ProviderName } from '../../functions/lib/config/config';

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  victorops: 'Splunk On-Call',
  pagerduty: 'PagerDuty',
  opsgenie: 'Opsgenie',
  static: 'the static roster',
};

/** Why a provider the functions could not build gives no answer. */
export const NOT_CONFIGURED: Record<ProviderName, string> = {
  victorops: 'Splunk On-Call is not configured (see the configuration problems)',
  pagerduty: 'PagerDuty is not configured (see the configuration problems)',
  opsgenie: 'Opsgenie is not configured (see the configuration problems)',
  static: 'the static roster cannot be read (see the configuration problems)',
};
