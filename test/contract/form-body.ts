// Form-encoded bodies (Twilio's REST APIs) arrive as text. The validator checks objects, so a
// body is parsed and each field typed as the operation's schema declares it: "3600" for an
// integer Ttl is 3600 on the wire's terms, while "soon" stays text and fails validation.
import { isJsonObject } from './spec-files';
import type { SpecCheck } from './openapi-check';

const FORM = 'application/x-www-form-urlencoded';

function declaredTypes(check: SpecCheck, operationId: string): Record<string, unknown> {
  const requestBody: unknown = check.api.router.getOperation(operationId)?.requestBody;
  const content = isJsonObject(requestBody) && isJsonObject(requestBody.content) ? requestBody.content : {};
  const form = content[FORM];
  const schema = isJsonObject(form) && isJsonObject(form.schema) ? form.schema : {};
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  return Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [name, isJsonObject(property) ? property.type : undefined]),
  );
}

export function formBodyFor(check: SpecCheck, operationId: string, text: string): Record<string, unknown> {
  const types = declaredTypes(check, operationId);
  const body: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const type = types[name];
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) body[name] = Number(value);
    else if (type === 'boolean' && (value === 'true' || value === 'false')) body[name] = value === 'true';
    else body[name] = value;
  }
  return body;
}
