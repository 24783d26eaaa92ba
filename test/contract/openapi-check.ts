// Checks requests and response bodies against an OpenAPI 3 document with openapi-backend (Ajv
// underneath). Each check returns readable problems, so a failing test says what is wrong.
import './esm-ref-parser';
import OpenAPIBackend, { type Document } from 'openapi-backend';
import { isJsonObject, type JsonObject } from './spec-files';

/** What went over the wire, as nock saw it. */
export interface WireRequest {
  method: string;
  /** Path and query string, as sent (percent-encoded). */
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface SpecCheck {
  api: OpenAPIBackend;
}

function isDocument(value: JsonObject): value is JsonObject & Document {
  return typeof value.openapi === 'string' && isJsonObject(value.paths) && isJsonObject(value.info);
}

/** A string format a spec names beyond the common ones: a pattern, or a test. */
export type FormatCheck = RegExp | ((value: string) => boolean);

/**
 * strict: a document the validator finds invalid fails the test instead of being half-used. The
 * formats the specs use are checked rather than ignored; `formats` adds a spec's own (Twilio's
 * phone-number, http-method…). apiRoot: the path the spec's server URL adds in front of every
 * path (PagerDuty Events: /v2).
 */
export async function loadSpecCheck(
  spec: JsonObject,
  apiRoot = '/',
  formats: Record<string, FormatCheck> = {},
): Promise<SpecCheck> {
  if (!isDocument(spec)) throw new Error('not an OpenAPI 3 document');
  const api = new OpenAPIBackend({
    definition: spec,
    apiRoot,
    strict: true,
    customizeAjv: (ajv) => {
      ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
      ajv.addFormat('url', (value: string) => URL.canParse(value));
      ajv.addFormat('uri', (value: string) => URL.canParse(value));
      ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
      ajv.addFormat('tzinfo', /^[A-Za-z_]+(\/[A-Za-z_+-]+)*$/);
      for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
      return ajv;
    },
  });
  await api.init();
  return { api };
}

/** The operation a request is for, by method and path, or undefined when the spec has none. */
export function operationIdFor(check: SpecCheck, request: WireRequest): string | undefined {
  const path = new URL(request.url, 'http://wire.invalid').pathname;
  return check.api.router.matchOperation({ method: request.method.toLowerCase(), path, headers: {} }, true)
    ?.operationId;
}

/**
 * The query as the spec declares it: a parameter of array type gets every value sent for its
 * key, any other the single value. Keys are taken literally ("include[]"), as PagerDuty does.
 */
function queryFor(check: SpecCheck, operationId: string, search: URLSearchParams): Record<string, string | string[]> {
  const declared = check.api.router.getOperation(operationId)?.parameters ?? [];
  const isArray = (name: string): boolean =>
    declared.some(
      (parameter) =>
        'in' in parameter &&
        parameter.in === 'query' &&
        parameter.name === name &&
        isJsonObject(parameter.schema) &&
        parameter.schema.type === 'array',
    );
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    query[name] = isArray(name) || values.length > 1 ? values : values[0];
  }
  return query;
}

export function requestProblems(check: SpecCheck, operationId: string, request: WireRequest): string[] {
  const url = new URL(request.url, 'http://wire.invalid');
  const result = check.api.validateRequest(
    {
      method: request.method.toLowerCase(),
      path: url.pathname,
      query: queryFor(check, operationId, url.searchParams),
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    },
    operationId,
  );
  return (result.errors ?? []).map((error) => `${error.instancePath || '(request)'} ${error.message ?? ''}`);
}

export function responseProblems(check: SpecCheck, operationId: string, status: number, body: unknown): string[] {
  const result = check.api.validateResponse(body, operationId, status);
  return (result.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`);
}

/** The spec's security schemes that are API keys in a header, with the header each names. */
export function apiKeyHeaders(spec: JsonObject): string[] {
  const components = isJsonObject(spec.components) ? spec.components : {};
  const schemes = isJsonObject(components.securitySchemes) ? components.securitySchemes : {};
  return Object.values(schemes).flatMap((scheme) =>
    isJsonObject(scheme) && scheme.type === 'apiKey' && scheme.in === 'header' && typeof scheme.name === 'string'
      ? [scheme.name.toLowerCase()]
      : [],
  );
}
