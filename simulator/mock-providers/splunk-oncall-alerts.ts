// Splunk On-Call's REST endpoint integration (alert ingestion). The live service
// answers {result: "failure"} for bad input, so callers must check `result`.
import { isJsonObject } from './json';
import { jsonResponse, matchPath, type MockProviderApi, type MockRequest, type MockResponse } from './provider-api';

export const ALERT_PATH = '/integrations/generic/20131114/alert/{apiKey}/{routingKey}';
export const MESSAGE_TYPES = ['CRITICAL', 'WARNING', 'ACKNOWLEDGEMENT', 'INFO', 'RECOVERY'];

function failure(message: string): MockResponse {
  return jsonResponse(400, { result: 'failure', message });
}

export function splunkOnCallAlertApi(): MockProviderApi {
  return {
    name: 'splunk-oncall-alerts',
    route(request: MockRequest): MockResponse | null {
      if (matchPath(ALERT_PATH, request.path) === null) return null;
      if (request.method !== 'POST') return jsonResponse(405, { result: 'failure', message: 'POST alerts' });
      const body = request.body;
      if (!isJsonObject(body)) return failure('Body must be a JSON object');
      const messageType = body.message_type;
      if (typeof messageType !== 'string' || !MESSAGE_TYPES.includes(messageType.toUpperCase())) {
        return failure(`message_type must be one of ${MESSAGE_TYPES.join(', ')}`);
      }
      const entityId = body.entity_id;
      if (typeof entityId !== 'string' || entityId.trim() === '') return failure('entity_id is required');
      return jsonResponse(200, { result: 'success', entity_id: entityId });
    },
  };
}
