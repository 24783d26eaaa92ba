// Credentials a mocked provider turns away. The mocks otherwise take any key, so without this a
// test could never meet the answer a revoked or mistyped key gets from the live service.

/** Refused by every mocked provider unless `startMockProviders({ refusedKeys })` says otherwise. */
export const MOCK_REFUSED_KEY = 'mock-refused-key';

/** True for a key (the secret part of the credential) the mock answers 401 to. */
export type RefusesKey = (key: string) => boolean;

export function refusing(keys: readonly string[]): RefusesKey {
  const refused = new Set(keys);
  return (key) => refused.has(key);
}
