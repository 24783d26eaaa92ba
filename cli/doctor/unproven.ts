// What a read-only check cannot prove, said as such rather than passed over: only sending an
// alert would show that the key for it works, and the doctor never pages anyone.
import type { Config } from '../../functions/lib/config/config';
import type { TeamReport } from './team-report';

export interface Unproven {
  /** The variable (or setting) that stays unproven. */
  subject: string;
  reason: string;
}

const NEVER_PAGES = 'the doctor never pages anyone';

export function unprovenOf(config: Config, teams: readonly TeamReport[]): Unproven[] {
  switch (config.provider) {
    case 'victorops':
      return [
        {
          subject: 'VICTOROPS_TWILIO_SERVICE_API_KEY',
          reason: `not checked (only sending an alert would prove it; ${NEVER_PAGES})`,
        },
        {
          subject: 'Splunk On-Call routing keys',
          reason: `not checked: whether each team's slug is a routing key there (Settings > Routing Keys); only an alert would show where it lands`,
        },
      ];
    case 'pagerduty': {
      const variables = [...new Set(teams.flatMap((team) => team.incidents.routingKeyVariable ?? []))];
      return variables.map((variable) => ({
        subject: variable,
        reason: `not checked (only sending an event would prove it; ${NEVER_PAGES})`,
      }));
    }
    case 'opsgenie':
      return [
        {
          subject: 'OPSGENIE_API_KEY',
          reason: `its Create and Update access is not checked (only creating an alert would prove it; ${NEVER_PAGES}); reading who is on call proves Read`,
        },
      ];
    case 'static':
      return config.staticWebhookUrl
        ? [
            {
              subject: 'STATIC_WEBHOOK_URL',
              reason: `not checked (only posting an incident would prove it; ${NEVER_PAGES})`,
            },
          ]
        : [];
  }
}
