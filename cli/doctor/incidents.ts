// Where a team's incidents would go, read from the configuration alone: the doctor sends none.
// Keys are never shown, only the variable that holds one and its last four characters.
import type { Config } from '../../functions/lib/config/config';
import { stringValue } from '../../functions/lib/config/env-reader';
import type { Team } from '../../functions/lib/core/types';
import { keyEnding } from './mask';

export interface IncidentRoute {
  /** Where they go, in a sentence; null when they cannot be opened at all. */
  destination: string | null;
  /** The alert, events or API host, or the webhook's host for the static roster. */
  host: string | null;
  /** Splunk On-Call: the routing key (the team's slug), when known. */
  routingKey?: string;
  /** PagerDuty: the variable holding the routing key, and that key's last four characters. */
  routingKeyVariable?: string;
  routingKeyEnding?: string;
  /** Opsgenie: the team alerts name as responder. */
  responderTeam?: string;
  /** False for the static roster without STATIC_WEBHOOK_URL: the incident is only logged. */
  pagesSomeone: boolean;
  /** Why incidents cannot be opened, naming the variable at fault. */
  problem?: { variable: string; message: string };
}

const hostOf = (url: string): string => new URL(url).host;

function nowhere(variable: string, message: string): IncidentRoute {
  return { destination: null, host: null, pagesSomeone: false, problem: { variable, message } };
}

/** `n` is the team's TEAM_n; `usable` is false when the functions could not build the provider. */
export function incidentRoute(
  config: Config,
  env: Readonly<Record<string, string>>,
  team: Team,
  n: number | undefined,
  usable: boolean,
): IncidentRoute {
  switch (config.provider) {
    case 'victorops': {
      if (!config.victorops || !usable) {
        return nowhere('VICTOROPS_TWILIO_SERVICE_API_KEY', 'Splunk On-Call is not configured: no incident can be sent');
      }
      const host = hostOf(config.victorops.alertUrl);
      const key = team.ref
        ? `routing key "${team.ref}" (the team's slug)`
        : "the team's slug as routing key (not known: the team list could not be read)";
      return {
        destination: `Splunk On-Call alert endpoint ${host}, ${key}`,
        host,
        ...(team.ref ? { routingKey: team.ref } : {}),
        pagesSomeone: true,
      };
    }
    case 'pagerduty': {
      const own = n === undefined ? undefined : `PAGERDUTY_ROUTING_KEY_${n}`;
      const variable =
        own && stringValue(env, own)
          ? own
          : stringValue(env, 'PAGERDUTY_ROUTING_KEY')
            ? 'PAGERDUTY_ROUTING_KEY'
            : undefined;
      if (!variable) {
        return nowhere(
          own ?? 'PAGERDUTY_ROUTING_KEY',
          `no routing key for ${team.name}: its incidents cannot be opened`,
        );
      }
      if (!config.pagerduty || !usable) {
        return nowhere('PAGERDUTY_API_KEY', 'PagerDuty is not configured: no incident can be sent');
      }
      const host = hostOf(config.pagerduty.eventsUrl);
      const ending = keyEnding(stringValue(env, variable) ?? '');
      return {
        destination: `PagerDuty Events API v2 at ${host}, with the routing key in ${variable}${ending ? ` (ending ${ending})` : ''}`,
        host,
        routingKeyVariable: variable,
        ...(ending ? { routingKeyEnding: ending } : {}),
        pagesSomeone: true,
      };
    }
    case 'opsgenie': {
      if (!config.opsgenie || !usable)
        return nowhere('OPSGENIE_API_KEY', 'Opsgenie is not configured: no alert can be created');
      const host = hostOf(config.opsgenie.apiUrl);
      return {
        destination: `Opsgenie alerts at ${host}, team "${team.name}" as responder`,
        host,
        responderTeam: team.name,
        pagesSomeone: true,
      };
    }
    case 'static': {
      if (!usable) {
        return nowhere('STATIC_ROSTER_ASSET', 'the static roster cannot be read, so incidents are not even logged');
      }
      const webhook = config.staticWebhookUrl;
      if (!webhook) {
        return {
          destination: 'the function log only: nobody is paged (set STATIC_WEBHOOK_URL to post them to a chat channel)',
          host: null,
          pagesSomeone: false,
        };
      }
      const host = hostOf(webhook);
      return { destination: `the function log, and posted to STATIC_WEBHOOK_URL at ${host}`, host, pagesSomeone: true };
    }
  }
}
