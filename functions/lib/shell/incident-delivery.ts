import type { IncidentEvent } from '../core/incidents';
import { ProviderError, type OnCallProvider } from '../providers/provider';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';

/**
 * Sends the step's incident messages in parallel, each retried once when the failure is
 * worth retrying and time allows. The provider de-duplicates on the call's id, so a retry
 * of a message that did arrive creates nothing new.
 */
export async function deliverIncidents(
  provider: OnCallProvider,
  incidents: IncidentEvent[],
  budgetMs: number,
  log: Logger,
): Promise<void> {
  const deadline = Date.now() + budgetMs;
  await Promise.all(incidents.map((incident) => deliverOne(provider, incident, deadline, log)));
}

async function deliverOne(
  provider: OnCallProvider,
  incident: IncidentEvent,
  deadline: number,
  log: Logger,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const remaining = deadline - Date.now();
    try {
      await withDeadline(Math.max(remaining, 1), `incident ${incident.kind}`, (signal) =>
        provider.sendIncidentEvent(incident, signal),
      );
      log.info('Incident message sent', {
        provider: provider.name,
        kind: incident.kind,
        team: incident.team.name,
        attempt,
      });
      return;
    } catch (error) {
      const retryable = error instanceof ProviderError && error.retryable;
      if (attempt >= 2 || !retryable || deadline - Date.now() < 300) {
        log.error('Incident message could not be sent', {
          provider: provider.name,
          kind: incident.kind,
          team: incident.team.name,
          caller: incident.caller,
          error: describeError(error),
          attempt,
        });
        return;
      }
    }
  }
}
