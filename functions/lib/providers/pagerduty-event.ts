import type { IncidentEvent } from '../core/incidents';
import { incidentFacts } from './incident-facts';
import { INCIDENT_SOURCE, incidentDetails, incidentTitle, recordingUrlOf } from './incident-text';

export type PagerDutyEventAction = 'trigger' | 'acknowledge' | 'resolve';

/** The body of POST /v2/enqueue (Events API v2). */
export interface PagerDutyEvent {
  routing_key: string;
  event_action: PagerDutyEventAction;
  dedup_key: string;
  client: string;
  payload: {
    summary: string;
    source: string;
    severity: 'critical';
    custom_details: Record<string, string>;
  };
  links?: Array<{ href: string; text: string }>;
}

/**
 * A transcript is a second trigger with the voicemail's dedup_key: Events API v2 has no "update"
 * action, and a trigger for an alert that is still open is de-duplicated into it (no second
 * incident) with its details added to the alert's log. Should someone have resolved the alert
 * already, PagerDuty opens a new one: the transcript shows up twice rather than not at all.
 */
export function eventActionFor(event: IncidentEvent): PagerDutyEventAction {
  switch (event.kind) {
    case 'call-accepted':
      return 'acknowledge';
    case 'call-ended':
      return 'resolve';
    default:
      return 'trigger';
  }
}

/** Every message of one call carries the caller's CallSid as dedup_key: one call, one alert. */
export function toPagerDutyEvent(event: IncidentEvent, routingKey: string): PagerDutyEvent {
  const recordingUrl = recordingUrlOf(event);
  return {
    routing_key: routingKey,
    event_action: eventActionFor(event),
    dedup_key: event.callSid,
    client: INCIDENT_SOURCE,
    payload: {
      summary: incidentTitle(event),
      source: INCIDENT_SOURCE,
      severity: 'critical',
      custom_details: { description: incidentDetails(event), ...incidentFacts(event) },
    },
    ...(recordingUrl ? { links: [{ href: recordingUrl, text: 'Voicemail recording' }] } : {}),
  };
}
