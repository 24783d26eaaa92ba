// Opsgenie's Swagger 2.0 spec, converted to OpenAPI 3 in memory with swagger2openapi and loaded
// for validation. Each fix-up answers one defect, named after /work/shared/specs/README.md
// ("Known defects") or found by the validator, and touches only the parsed copy.
import { convertObj } from 'swagger2openapi';
import { loadSpecCheck, type SpecCheck } from './openapi-check';
import { isJsonObject, keepOnlyPaths, objectAt, readSpec, type JsonObject } from './spec-files';

/** The operations the adapter calls (GET /v2/teams only when no TEAM_n is set). */
export const OPSGENIE_PATHS = [
  '/v2/schedules/{identifier}/on-calls',
  '/v2/users/{identifier}/contacts',
  '/v2/teams',
  '/v2/alerts',
  '/v2/alerts/{identifier}/notes',
  '/v2/alerts/{identifier}/acknowledge',
  '/v2/alerts/{identifier}/close',
];

export async function loadOpsgenieSpec(): Promise<{ check: SpecCheck; spec: JsonObject }> {
  const swagger = readSpec('opsgenie/swagger.json');
  declareJsonBodies(swagger);
  dropSchemasFiledAsParameters(swagger);
  // Found by the validator, not in the README: the /v2/policies* operations give body
  // parameters a schema that $refs a *parameter* (#/parameters/TeamId), which converts into an
  // invalid OpenAPI 3 schema. Only our operations are kept, which leaves those out.
  keepOnlyPaths(swagger, OPSGENIE_PATHS);
  const { openapi } = await convertObj(swagger, { patch: true, warnOnly: true });
  return { check: await loadSpecCheck(openapi), spec: openapi };
}

/**
 * Known defect "Opsgenie missing consumes": there is no global `consumes`, so the request bodies
 * have no declared media type and Prism refuses every POST body. (swagger2openapi happens to
 * fall back to application/json; we do not rely on a converter's default.) The API takes JSON:
 * consumes application/json is added at the top level, as specs/README.md says.
 */
function declareJsonBodies(swagger: JsonObject): void {
  if ('consumes' in swagger) throw new Error('the Opsgenie spec now declares consumes: drop this fix-up');
  swagger.consumes = ['application/json'];
}

/**
 * Found by the validator, not in the README: thirteen Deprecated* alert-policy *schemas* sit in
 * the top-level `parameters` map, where they are invalid parameters (no `in`, no `name`).
 * None is a parameter of any operation we call; they are removed.
 */
function dropSchemasFiledAsParameters(swagger: JsonObject): void {
  const parameters = objectAt(swagger, 'parameters');
  for (const [name, parameter] of Object.entries(parameters)) {
    if (isJsonObject(parameter) && !('in' in parameter)) delete parameters[name];
  }
}
