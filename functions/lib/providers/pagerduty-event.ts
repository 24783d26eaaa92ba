import type { IncidentEvent } from '../core/incidents';
import { incidentFacts } from './incident-facts';
import { INCIDENT_SOURCE, incidentDetails, incidentTitle, recordingUrlOf } from './incident-text';

export type PagerDutyEventAction = 'trigger' | 'acknowledge' | 'resolve';
export type PagerDutySeverity = 'critical' | 'info';

/** The body of POST /v2/enqueue (Events API v2). */
export interface PagerDutyEvent {
  routing_key: string;
  event_action: PagerDutyEventAction;
  dedup_key: string;
  client: string;
  payload: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    custom_details: Record<string, string>;
  };
  links?: Array<{ href: string; text: string }>;
}

/**
 * The events one call event becomes, sent in this order. Every message of one call carries the
 * caller's CallSid as dedup_key: one call, one alert.
 *
 * - A transcript is a second trigger with the voicemail's dedup_key: Events API v2 has no
 *   "update" action, and a trigger for an alert that is still open is de-duplicated into it (no
 *   second incident) with its details added to the alert's log. Should someone have resolved the
 *   alert already, PagerDuty opens a new one: the transcript shows up twice rather than not at all.
 * - An accepted call has no alert yet, and PagerDuty discards an acknowledge for a dedup_key with
 *   no open alert. So it is a trigger, then the acknowledge: the answered call is on the
 *   service's timeline, and the end of the call can resolve it. The trigger is `info`, not
 *   `critical`: someone is already on the line, and a service whose urgency follows severity
 *   makes it a low-urgency incident.
 */
export function toPagerDutyEvents(event: IncidentEvent, routingKey: string): PagerDutyEvent[] {
  const build = (action: PagerDutyEventAction, severity: PagerDutySeverity): PagerDutyEvent =>
    pagerDutyEvent(event, routingKey, action, severity);
  switch (event.kind) {
    case 'call-accepted':
      return [build('trigger', 'info'), build('acknowledge', 'info')];
    case 'call-ended':
      return [build('resolve', 'info')];
    case 'menu-hang-up':
      // A service whose urgency follows severity makes this low-urgency: robocalls hang up at menus too.
      return [build('trigger', 'info')];
    default:
      return [build('trigger', 'critical')];
  }
}

function pagerDutyEvent(
  event: IncidentEvent,
  routingKey: string,
  action: PagerDutyEventAction,
  severity: PagerDutySeverity,
): PagerDutyEvent {
  const recordingUrl = recordingUrlOf(event);
  return {
    routing_key: routingKey,
    event_action: action,
    dedup_key: event.callSid,
    client: INCIDENT_SOURCE,
    payload: {
      summary: incidentTitle(event),
      source: INCIDENT_SOURCE,
      severity,
      custom_details: { description: incidentDetails(event), ...incidentFacts(event) },
    },
    ...(recordingUrl ? { links: [{ href: recordingUrl, text: 'Voicemail recording' }] } : {}),
  };
}
