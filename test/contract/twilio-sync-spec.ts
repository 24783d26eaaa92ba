// Twilio's Sync v1 spec (the vendored subset), loaded for validation. Each fix-up below answers
// one defect found by the validator or by reading the spec, and touches only the parsed copy.
import { loadSpecCheck, type SpecCheck } from './openapi-check';
import { objectAt, type JsonObject } from './spec-files';
import { readVendoredSpec } from './vendored-specs';

export const SYNC_DOCUMENTS = '/v1/Services/{ServiceSid}/Documents';
export const SYNC_DOCUMENT = '/v1/Services/{ServiceSid}/Documents/{Sid}';
const DOCUMENT_SCHEMA = ['components', 'schemas', 'sync.v1.service.document'] as const;

export async function loadTwilioSyncSpec(): Promise<{ check: SpecCheck; spec: JsonObject }> {
  const spec = readVendoredSpec('twilio_sync_v1.subset.json');
  typeDocumentData(spec);
  checkLinksAsUrls(spec);
  declareTwilioErrors(spec);
  return { check: await loadSpecCheck(spec), spec };
}

/**
 * Found by the validator: the Document's `data` is `nullable` with no `type`, which Ajv refuses to
 * compile ("nullable" cannot be used without "type"), so the spec does not load at all. Sync
 * stores a JSON object (its docs: "a single JSON object, up to 16KiB"), so `data` is typed object.
 */
function typeDocumentData(spec: JsonObject): void {
  const data = objectAt(spec, ...DOCUMENT_SCHEMA, 'properties', 'data');
  if ('type' in data) throw new Error('Sync document data now has a type: drop this fix-up');
  data.type = 'object';
}

/**
 * Found by the validator: `links` has Twilio's own format "uri-map", unknown to Ajv, which then
 * ignores it with a warning. What it means (a map of names to URLs) is spelled out instead, so
 * the links the stand-in serves are checked.
 */
function checkLinksAsUrls(spec: JsonObject): void {
  const links = objectAt(spec, ...DOCUMENT_SCHEMA, 'properties', 'links');
  if (links.format !== 'uri-map') throw new Error('Sync document links are no longer a uri-map: drop this fix-up');
  delete links.format;
  links.additionalProperties = { type: 'string', format: 'uri' };
}

/**
 * Twilio's specs declare only the success of each operation, yet the Sync client acts on the
 * failures (404 on a fetch means "no trace yet", 409 with code 54301 on a create means "update
 * it") and quotes Twilio's code and message from any other. The error body every Twilio REST API
 * sends (https://www.twilio.com/docs/usage/twilios-response) becomes each operation's default
 * response, so those answers are checked too.
 */
function declareTwilioErrors(spec: JsonObject): void {
  const error = {
    description: 'Twilio REST API error',
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['code', 'message', 'more_info', 'status'],
          properties: {
            code: { type: 'integer' },
            message: { type: 'string' },
            more_info: { type: 'string', format: 'uri' },
            status: { type: 'integer', minimum: 400, maximum: 599 },
          },
        },
      },
    },
  };
  for (const [path, method] of [
    [SYNC_DOCUMENTS, 'post'],
    [SYNC_DOCUMENT, 'get'],
    [SYNC_DOCUMENT, 'post'],
  ] as const) {
    const responses = objectAt(spec, 'paths', path, method, 'responses');
    const declared = Object.keys(responses).filter((status) => !status.startsWith('2'));
    if (declared.length > 0)
      throw new Error(`${method} ${path} now declares ${declared.join(', ')}: revisit this fix-up`);
    responses.default = error;
  }
}
