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

export function isIncidentMessage(request: RecordedRequest): boolean {
  return request.method === 'POST' && request.path.startsWith('/integrations/');
}

export function formatProviderRequests(requests: RecordedRequest[]): string[] {
  const lookups = requests.filter((request) => !isIncidentMessage(request));
  const lines = [
    `provider lookups during the call: ${lookups.length}` +
      (lookups.length > 0
        ? ` (${lookups.map((request) => `${request.method} ${request.path} ${request.status ?? 'hung'}`).join(', ')})`
        : ''),
  ];
  const incidents = requests.filter(isIncidentMessage);
  if (incidents.length === 0) lines.push('incident: none sent');
  for (const request of incidents) {
    const parts = [
      field(request.body, 'message_type') ?? '?',
      `entity_id=${field(request.body, 'entity_id') ?? '?'}`,
      field(request.body, 'entity_display_name'),
      field(request.body, 'state_message'),
    ].filter((part): part is string => part !== undefined);
    lines.push(`incident: ${parts.join(' | ')} → ${request.status ?? 'no response'}`);
  }
  return lines;
}
