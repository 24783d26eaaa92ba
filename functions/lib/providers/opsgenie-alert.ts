import type { IncidentEvent } from '../core/incidents';
import { incidentFacts } from './incident-facts';
import { INCIDENT_SOURCE, incidentDetails, incidentSentence, incidentTitle } from './incident-text';

// Opsgenie's documented field limits; longer values are cut rather than refused.
const MESSAGE_MAX = 130;
const DESCRIPTION_MAX = 15_000;
const NOTE_MAX = 25_000;

type TeamRecipient = { type: 'team'; name: string };

/** POST /v2/alerts. */
export interface OpsgenieAlert {
  message: string;
  alias: string;
  description: string;
  /** Notified. */
  responders?: TeamRecipient[];
  /** Sees the alert, but is not notified. */
  visibleTo?: TeamRecipient[];
  priority: 'P1' | 'P3' | 'P5';
  details: Record<string, string>;
  source: string;
}

/** POST /v2/alerts/{alias}/notes, …/acknowledge and …/close. */
export interface OpsgenieAlertAction {
  note: string;
  source: string;
  user?: string;
}

export type OpsgenieAction = 'create' | 'notes' | 'acknowledge' | 'close';

export interface OpsgenieRequest {
  action: OpsgenieAction;
  path: string;
  params?: { identifierType: 'alias' };
  body: OpsgenieAlert | OpsgenieAlertAction;
}

/**
 * The requests one call event becomes, sent in this order. The caller's CallSid is the alert's
 * alias: Opsgenie de-duplicates on it, and every later message of the call (note, acknowledge,
 * close) names the alert by it.
 *
 * An accepted call has no alert yet, and Opsgenie cannot acknowledge an alias it does not know.
 * So it opens one first: visible to the team but notifying nobody, since a responder is already
 * on the line, and at P3 rather than P1 for the same reason. The end of the call closes it.
 */
export function toOpsgenieRequests(event: IncidentEvent): OpsgenieRequest[] {
  const alias = event.callSid;
  const team: TeamRecipient = { type: 'team', name: event.team.name };
  const onAlert = (action: Exclude<OpsgenieAction, 'create'>, body: OpsgenieAlertAction): OpsgenieRequest => ({
    action,
    path: `/v2/alerts/${encodeURIComponent(alias)}/${action}`,
    params: { identifierType: 'alias' },
    body,
  });
  const create = (
    recipients: Pick<OpsgenieAlert, 'responders' | 'visibleTo'>,
    priority: OpsgenieAlert['priority'],
  ): OpsgenieRequest => ({
    action: 'create',
    path: '/v2/alerts',
    body: {
      message: clip(incidentTitle(event), MESSAGE_MAX),
      alias,
      description: clip(incidentDetails(event), DESCRIPTION_MAX),
      ...recipients,
      priority,
      details: incidentFacts(event),
      source: INCIDENT_SOURCE,
    },
  });
  switch (event.kind) {
    case 'unanswered-call':
      return [create({ responders: [team] }, 'P1')];
    case 'message-left':
    case 'missed-call':
    case 'callback-requested':
      // The unanswered call usually opened the alert already, and a create for an open alias only
      // raises its count: the news goes in a note. The create stays, in case the early one failed.
      return [
        create({ responders: [team] }, 'P1'),
        onAlert('notes', { note: clip(incidentDetails(event), NOTE_MAX), source: INCIDENT_SOURCE }),
      ];
    case 'menu-hang-up':
      // Visible to the team, notifying nobody: robocalls hang up at menus too.
      return [create({ visibleTo: [team] }, 'P5')];
    case 'transcript': {
      const note = onAlert('notes', { note: clip(incidentDetails(event), NOTE_MAX), source: INCIDENT_SOURCE });
      // When the voicemail's alert was never confirmed, a note alone would be thrown away.
      return event.ensureOpen ? [create({ responders: [team] }, 'P1'), note] : [note];
    }
    case 'call-accepted':
      return [
        create({ visibleTo: [team] }, 'P3'),
        onAlert('acknowledge', { user: event.responder, note: incidentSentence(event), source: INCIDENT_SOURCE }),
      ];
    case 'call-ended':
      return [
        onAlert('close', {
          user: event.responder,
          note: clip(incidentDetails(event), NOTE_MAX),
          source: INCIDENT_SOURCE,
        }),
      ];
  }
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
