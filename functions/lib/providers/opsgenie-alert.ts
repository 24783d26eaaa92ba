import type { IncidentEvent } from '../core/incidents';
import { incidentFacts } from './incident-facts';
import { INCIDENT_SOURCE, incidentDetails, incidentSentence, incidentTitle } from './incident-text';

// Opsgenie's documented field limits; longer values are cut rather than refused.
const MESSAGE_MAX = 130;
const DESCRIPTION_MAX = 15_000;
const NOTE_MAX = 25_000;

/** POST /v2/alerts. */
export interface OpsgenieAlert {
  message: string;
  alias: string;
  description: string;
  responders: Array<{ type: 'team'; name: string }>;
  priority: 'P1';
  details: Record<string, string>;
  source: string;
}

/** POST /v2/alerts/{alias}/notes, …/acknowledge and …/close. */
export interface OpsgenieAlertAction {
  note: string;
  source: string;
  user?: string;
}

export interface OpsgenieRequest {
  path: string;
  params?: { identifierType: 'alias' };
  body: OpsgenieAlert | OpsgenieAlertAction;
}

/**
 * The caller's CallSid is the alert's alias: Opsgenie de-duplicates on it, and every later message
 * of the call (note, acknowledge, close) names the alert by it.
 */
export function toOpsgenieRequest(event: IncidentEvent): OpsgenieRequest {
  const alias = event.callSid;
  const onAlert = (action: 'notes' | 'acknowledge' | 'close', body: OpsgenieAlertAction): OpsgenieRequest => ({
    path: `/v2/alerts/${encodeURIComponent(alias)}/${action}`,
    params: { identifierType: 'alias' },
    body,
  });
  switch (event.kind) {
    case 'message-left':
    case 'missed-call':
    case 'callback-requested':
      return {
        path: '/v2/alerts',
        body: {
          message: clip(incidentTitle(event), MESSAGE_MAX),
          alias,
          description: clip(incidentDetails(event), DESCRIPTION_MAX),
          responders: [{ type: 'team', name: event.team.name }],
          priority: 'P1',
          details: incidentFacts(event),
          source: INCIDENT_SOURCE,
        },
      };
    case 'transcript':
      return onAlert('notes', { note: clip(incidentDetails(event), NOTE_MAX), source: INCIDENT_SOURCE });
    case 'call-accepted':
      return onAlert('acknowledge', { user: event.responder, note: incidentSentence(event), source: INCIDENT_SOURCE });
    case 'call-ended':
      return onAlert('close', {
        user: event.responder,
        note: clip(incidentDetails(event), NOTE_MAX),
        source: INCIDENT_SOURCE,
      });
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
