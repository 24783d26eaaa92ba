// PagerDuty's Events API v2: POST /v2/enqueue. No auth header: the routing key in the body is
// the credential. Accepted events answer 202; invalid ones 400 with the reasons, as the live API.
// Like the live API, an acknowledge or resolve for a dedup_key with no open alert is answered
// 202 and then discarded: the ledger records it as such.
import type { IncidentLedger } from './incident-ledger';
import { isJsonObject, type JsonObject } from './json';
import { jsonResponse, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';

export const ENQUEUE_PATH = '/v2/enqueue';
const ACTIONS = ['trigger', 'acknowledge', 'resolve'];
const SEVERITIES = ['critical', 'warning', 'error', 'info'];

function problemsWith(event: JsonObject): string[] {
  const problems: string[] = [];
  const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
  if (!text(event.routing_key)) problems.push("'routing_key' is missing or blank");
  if (typeof event.event_action !== 'string' || !ACTIONS.includes(event.event_action)) {
    problems.push(`'event_action' must be one of ${ACTIONS.join(', ')}`);
  }
  if (event.event_action !== 'trigger' && !text(event.dedup_key)) {
    problems.push(`'dedup_key' is required to ${String(event.event_action)}`);
  }
  if (event.event_action === 'trigger') {
    const payload = event.payload;
    if (!isJsonObject(payload)) problems.push("'payload' is missing");
    else {
      if (!text(payload.summary)) problems.push("'payload.summary' is missing or blank");
      if (!text(payload.source)) problems.push("'payload.source' is missing or blank");
      if (typeof payload.severity !== 'string' || !SEVERITIES.includes(payload.severity)) {
        problems.push(`'payload.severity' must be one of ${SEVERITIES.join(', ')}`);
      }
    }
  }
  return problems;
}

function applyTo(ledger: IncidentLedger, action: string, dedupKey: string): void {
  if (action === 'trigger') ledger.open('pagerduty', dedupKey, action, true);
  else ledger.update('pagerduty', dedupKey, action, action === 'acknowledge' ? 'acknowledged' : 'resolved');
}

export function pagerDutyEventsApi(ledger: IncidentLedger): MockProviderApi {
  let generated = 0;
  return {
    name: 'pagerduty-events',
    route(request: MockRequest): MockResponse | null {
      if (request.path !== ENQUEUE_PATH) return null;
      if (request.method !== 'POST') return jsonResponse(405, { status: 'error', message: 'POST events' });
      const event = request.body;
      if (!isJsonObject(event)) {
        return jsonResponse(400, { status: 'invalid event', message: 'Event object is invalid', errors: ['Not JSON'] });
      }
      const problems = problemsWith(event);
      if (problems.length > 0) {
        return jsonResponse(400, { status: 'invalid event', message: 'Event object is invalid', errors: problems });
      }
      // PagerDuty makes up a dedup_key for a trigger that has none.
      const dedupKey = typeof event.dedup_key === 'string' ? event.dedup_key : `mock-dedup-${(generated += 1)}`;
      return {
        ...jsonResponse(202, { status: 'success', message: 'Event processed', dedup_key: dedupKey }),
        effect: () => applyTo(ledger, String(event.event_action), dedupKey),
      };
    },
  };
}
