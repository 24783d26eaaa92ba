import { formatProviderRequests } from '../../simulator/mock-incidents';
import type { RecordedRequest } from '../../simulator';

let nextId = 1;
function request(
  fields: Pick<RecordedRequest, 'method' | 'path' | 'body' | 'status'> & { provider?: string },
): RecordedRequest {
  return {
    id: nextId++,
    at: 0,
    time: '1970-01-01T00:00:00.000Z',
    provider: 'test',
    query: {},
    headers: {},
    ...fields,
  };
}

describe('formatProviderRequests', () => {
  it("shows lookups in one line and one line per incident message, in each provider's terms", () => {
    const lines = formatProviderRequests([
      request({ method: 'GET', path: '/api-public/v2/team/platform/oncall/schedule', body: null, status: 200 }),
      request({ method: 'GET', path: '/oncalls', body: null, status: null }),
      request({
        method: 'POST',
        path: '/integrations/generic/20131114/alert/api-key/platform',
        body: {
          message_type: 'CRITICAL',
          entity_id: 'call-CA123',
          entity_display_name: 'Call from +15555550150',
          state_message: 'Nobody answered',
        },
        status: 200,
      }),
      request({
        method: 'POST',
        path: '/v2/enqueue',
        body: { event_action: 'trigger', dedup_key: 'call-CA123', payload: { summary: 'Call from +15555550150' } },
        status: 202,
      }),
      request({
        method: 'POST',
        path: '/v2/alerts',
        body: { alias: 'call-CA123', message: 'Missed call' },
        status: 202,
      }),
      request({ method: 'POST', path: '/v2/alerts/call-CA123/notes', body: { note: 'Voicemail left' }, status: null }),
    ]);
    expect(lines).toEqual([
      'provider lookups during the call: 2 (GET /api-public/v2/team/platform/oncall/schedule 200, GET /oncalls hung)',
      'incident: CRITICAL | entity_id=call-CA123 | Call from +15555550150 | Nobody answered → 200',
      'incident: trigger | dedup_key=call-CA123 | Call from +15555550150 → 202',
      'incident: create | alias=call-CA123 | Missed call → 202',
      'incident: notes | alias=call-CA123 | Voicemail left → no response',
    ]);
  });

  it('says when no incident message was sent', () => {
    expect(formatProviderRequests([])).toEqual(['provider lookups during the call: 0', 'incident: none sent']);
  });

  it('does not count a GET on an alerts path as an incident message', () => {
    const lines = formatProviderRequests([request({ method: 'GET', path: '/v2/alerts', body: null, status: 200 })]);
    expect(lines).toEqual(['provider lookups during the call: 1 (GET /v2/alerts 200)', 'incident: none sent']);
  });

  it('counts the call trace (Twilio Sync) and notices apart from the on-call lookups', () => {
    const lines = formatProviderRequests([
      request({ method: 'GET', path: '/oncalls', body: null, status: 200, provider: 'pagerduty' }),
      request({
        method: 'POST',
        path: '/v1/Services/default/Documents',
        body: {},
        status: 201,
        provider: 'twilio-sync',
      }),
    ]);
    expect(lines).toEqual([
      'provider lookups during the call: 1 (GET /oncalls 200)',
      'Twilio and SendGrid requests: 1 (POST /v1/Services/default/Documents 201)',
      'incident: none sent',
    ]);
  });

  it('marks fields a malformed body lacks with "?"', () => {
    const lines = formatProviderRequests([request({ method: 'POST', path: '/v2/enqueue', body: 'oops', status: 400 })]);
    expect(lines[1]).toBe('incident: ? | dedup_key=? → 400');
  });
});
