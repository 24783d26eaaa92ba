// openapi-backend resolves $refs with @apidevtools/json-schema-ref-parser, which ships only as
// an ES module: Node 20.19+ can require() it, Jest's module loader cannot (on Node below 24.9),
// and Jest answers module.createRequire and process.getBuiltinModule with its own loader too.
// That one step, resolving the specs' local $refs, is done by local-refs.ts instead; checking
// the document against the OpenAPI schema and validating with Ajv remain openapi-backend's.
// Import this before openapi-backend.
jest.mock('@apidevtools/json-schema-ref-parser', () => {
  const { dereferenceLocal } = jest.requireActual<typeof import('./local-refs')>('./local-refs');
  const parser = {
    parse: async (document: object): Promise<object> => document,
    dereference: async (document: object): Promise<object> => dereferenceLocal(document),
    resolve: async (): Promise<never> => {
      throw new Error('not needed by these tests');
    },
  };
  return { __esModule: true, default: parser };
});
