// PagerDuty's REST and Events v2 specs, loaded for validation. Each fix-up below answers one
// defect, named after /work/shared/specs/README.md ("Known defects") or found by the validator,
// and touches only the parsed copy.
import { loadSpecCheck, type SpecCheck } from './openapi-check';
import { isJsonObject, keepOnlyPaths, objectAt, readSpec, type JsonObject } from './spec-files';

/** The REST operations the adapter calls. */
export const PAGERDUTY_REST_PATHS = ['/oncalls', '/users/{id}/contact_methods', '/escalation_policies/{id}'];

const CONTENT_TYPE_REF = '#/components/parameters/header_Content-Type';

export async function loadPagerDutyRestSpec(): Promise<{ check: SpecCheck; spec: JsonObject }> {
  const spec = readSpec('pagerduty/REST/openapiv3.json');
  // Found by the validator, not in the README: the whole file does not load. The
  // /analytics/raw/* paths use OpenAPI 3.1's numeric exclusiveMinimum/exclusiveMaximum in a 3.0
  // document, and eight schemas we never use (EventEnrichmentDefault, WorkflowIntegration, …) set
  // `nullable` without `type`, which Ajv refuses to compile. Only our operations are kept.
  keepOnlyPaths(spec, PAGERDUTY_REST_PATHS);
  allowGetsWithoutContentType(spec);
  acceptFullUsersInOnCalls(spec);
  return { check: await loadSpecCheck(spec), spec };
}

/**
 * Known defect "Content-Type required on GETs": every operation lists header_Content-Type as a
 * required parameter. A GET has no body, the live API does not ask for one, and axios sends none.
 * For GETs only, the header becomes optional; POSTs keep the requirement.
 */
function allowGetsWithoutContentType(spec: JsonObject): void {
  const optional = { ...objectAt(spec, 'components', 'parameters', 'header_Content-Type'), required: false };
  for (const path of PAGERDUTY_REST_PATHS) {
    const get = objectAt(spec, 'paths', path, 'get');
    const parameters = Array.isArray(get.parameters) ? get.parameters : [];
    const at = parameters.findIndex((p: unknown) => isJsonObject(p) && p.$ref === CONTENT_TYPE_REF);
    if (at < 0) throw new Error(`GET ${path} no longer requires Content-Type: drop this fix-up`);
    parameters[at] = optional;
  }
}

/**
 * Known defect "oncalls user as user_reference": Oncall.user is declared a UserReference, but with
 * include[]=users (which the adapter sends, to get names) the live API returns full User objects.
 * Either is accepted.
 */
function acceptFullUsersInOnCalls(spec: JsonObject): void {
  const properties = objectAt(spec, 'components', 'schemas', 'Oncall', 'properties');
  properties.user = {
    oneOf: [{ $ref: '#/components/schemas/UserReference' }, { $ref: '#/components/schemas/User' }],
  };
}

export async function loadPagerDutyEventsSpec(): Promise<{ check: SpecCheck; spec: JsonObject }> {
  const spec = readSpec('pagerduty/events-v2/openapiv3.json');
  declareErrorBodies(spec);
  // The server URL is https://events.pagerduty.com/v2: its paths (/enqueue) sit below /v2.
  return { check: await loadSpecCheck(spec, '/v2'), spec };
}

/**
 * Known defect "Events v2 missing response refs": the 400 and 429 answers point at
 * #/components/responses/ArgumentError and TooManyRequests (in this copy, only as their
 * description), which do not exist, so their bodies have no schema at all. The generic Error
 * response, which does exist and matches what the live API sends, is used for both.
 */
function declareErrorBodies(spec: JsonObject): void {
  objectAt(spec, 'components', 'responses', 'Error');
  for (const path of ['/enqueue', '/change/enqueue']) {
    const responses = objectAt(spec, 'paths', path, 'post', 'responses');
    for (const status of ['400', '429']) {
      const response = objectAt(responses, status);
      if ('content' in response || '$ref' in response) throw new Error(`${path} ${status} now has a body schema`);
      responses[status] = { $ref: '#/components/responses/Error' };
    }
  }
}
