// SendGrid's Mail Send spec (the vendored subset), loaded for validation. Each fix-up below
// answers one problem found by the validator, and touches only the parsed copy.
import { loadSpecCheck, type SpecCheck } from './openapi-check';
import { objectAt, type JsonObject } from './spec-files';
import { readVendoredSpec } from './vendored-specs';

export const MAIL_SEND = '/v3/mail/send';

export async function loadSendGridMailSpec(): Promise<{ check: SpecCheck; spec: JsonObject }> {
  const spec = readVendoredSpec('tsg_mail_v3.subset.json');
  readAsOpenApi30(spec);
  return { check: await loadSpecCheck(spec), spec };
}

/**
 * Found by the validator: the file is OpenAPI 3.1.0, and openapi-backend checks every document
 * against the OpenAPI 3.0 schema, which refuses three 3.1 constructs this subset uses:
 * `info.summary`, and two `$ref`s with sibling keywords (the Content-Encoding parameter's schema
 * and an attachment's `disposition`). The siblings only repeat what their target says (its type,
 * a description, a default), so each becomes the bare `$ref`; the schemas themselves use nothing
 * else from 3.1, so declaring the copy 3.0.3 changes no rule the validator applies to bodies.
 */
function readAsOpenApi30(spec: JsonObject): void {
  if (spec.openapi !== '3.1.0')
    throw new Error(`the SendGrid spec is now OpenAPI ${String(spec.openapi)}: revisit this fix-up`);
  spec.openapi = '3.0.3';
  delete objectAt(spec, 'info').summary;
  const parameter = objectAt(spec, 'components', 'parameters', 'MailBodyCompression');
  parameter.schema = bareRef(objectAt(parameter, 'schema'));
  const mail = objectAt(spec, 'components', 'requestBodies', 'PostMailSend', 'content', 'application/json', 'schema');
  const attachment = objectAt(mail, 'properties', 'attachments', 'items', 'properties');
  attachment.disposition = bareRef(objectAt(attachment, 'disposition'));
}

function bareRef(schema: JsonObject): JsonObject {
  if (typeof schema.$ref !== 'string' || Object.keys(schema).length === 1) {
    throw new Error('expected a $ref with sibling keywords: drop this fix-up');
  }
  return { $ref: schema.$ref };
}
