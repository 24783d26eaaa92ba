// swagger2openapi ships no types; this is the one function the contract tests use.
declare module 'swagger2openapi' {
  export interface ConvertOptions {
    /** Fix small errors in the source instead of failing. */
    patch?: boolean;
    /** Report unresolvable problems as warnings. */
    warnOnly?: boolean;
  }
  export function convertObj(swagger: object, options: ConvertOptions): Promise<{ openapi: Record<string, unknown> }>;
}
