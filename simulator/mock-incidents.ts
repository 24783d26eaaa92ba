// After a CLI call, shows what the mock provider server was asked during that call:
// the on-call lookups and, above all, the incident messages.
import type { RecordedRequest } from './mock-providers/request-log';

export async function fetchProviderRequests(mockUrl: string, sinceMs: number): Promise<RecordedRequest[]> {
  const response = await fetch(new URL(`/__requests?since=${sinceMs}`, mockUrl), { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`${mockUrl}/__requests answered HTTP ${response.status}`);
  return (await response.json()) as RecordedRequest[];
}

function field(body: RecordedRequest['body'], name: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** Splunk On-Call alerts, PagerDuty events and Opsgenie alert requests. */
export function isIncidentMessage(request: RecordedRequest): boolean {
  const { path } = request;
  return (
    request.method === 'POST' &&
    (path.startsWith('/integrations/') || path === '/v2/enqueue' || path.startsWith('/v2/alerts'))
  );
}

/** The fields that tell one incident message from another, in each provider's terms. */
function incidentParts(request: RecordedRequest): Array<string | undefined> {
  const body = request.body;
  if (request.path === '/v2/enqueue') {
    const payload = typeof body === 'object' && body !== null && !Array.isArray(body) ? body.payload : undefined;
    return [
      field(body, 'event_action') ?? '?',
      `dedup_key=${field(body, 'dedup_key') ?? '?'}`,
      field(payload ?? null, 'summary'),
    ];
  }
  if (request.path.startsWith('/v2/alerts')) {
    const action = request.path === '/v2/alerts' ? 'create' : request.path.split('/').pop();
    const alias = field(body, 'alias') ?? request.path.split('/')[3];
    return [action, `alias=${alias ?? '?'}`, field(body, 'message'), field(body, 'note')];
  }
  return [
    field(body, 'message_type') ?? '?',
    `entity_id=${field(body, 'entity_id') ?? '?'}`,
    field(body, 'entity_display_name'),
    field(body, 'state_message'),
  ];
}

/** Twilio's own APIs and SendGrid answer on the same mock; they are no on-call lookup. */
const NOT_ON_CALL = new Set(['twilio-sync', 'twilio-messages', 'twilio-numbers', 'sendgrid']);

const listed = (requests: RecordedRequest[]): string =>
  requests.length > 0
    ? ` (${requests.map((request) => `${request.method} ${request.path} ${request.status ?? 'hung'}`).join(', ')})`
    : '';

export function formatProviderRequests(requests: RecordedRequest[]): string[] {
  const others = requests.filter((request) => !isIncidentMessage(request));
  const lookups = others.filter((request) => !NOT_ON_CALL.has(request.provider));
  const twilio = others.filter((request) => NOT_ON_CALL.has(request.provider));
  const lines = [`provider lookups during the call: ${lookups.length}${listed(lookups)}`];
  if (twilio.length > 0) lines.push(`Twilio and SendGrid requests: ${twilio.length}${listed(twilio)}`);
  const incidents = requests.filter(isIncidentMessage);
  if (incidents.length === 0) lines.push('incident: none sent');
  for (const request of incidents) {
    const parts = incidentParts(request).filter((part): part is string => part !== undefined);
    lines.push(`incident: ${parts.join(' | ')} → ${request.status ?? 'no response'}`);
  }
  return lines;
}
