/**
 * Reads every person's phones in parallel. One person who cannot be read is left out, so the
 * others are still rung. When nobody can be read, the first failure is thrown: an outage or a
 * rate limit must not pass for "nobody is on call" (and a 429's wait can then be honoured).
 */
export async function readPhonesOfEach(
  people: string[],
  readPhones: (person: string) => Promise<string[]>,
  signal: AbortSignal,
  onLeftOut: (person: string, error: unknown) => void,
): Promise<Map<string, string[]>> {
  const unique = [...new Set(people)];
  const results = await Promise.allSettled(unique.map((person) => readPhones(person)));
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0 && (signal.aborted || failures.length === results.length)) throw failures[0].reason;
  const phones = new Map<string, string[]>();
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') phones.set(unique[index], result.value);
    else onLeftOut(unique[index], result.reason);
  });
  return phones;
}
