// Which Splunk On-Call endpoint a request went to, by its path.

export const PROVIDER_ENDPOINTS = ['team list', 'schedule', 'phones', 'alert', 'other'] as const;
export type ProviderEndpoint = (typeof PROVIDER_ENDPOINTS)[number];

/** The endpoints of the on-call lookup: what a caller waits for before the first ring. */
export const LOOKUP_ENDPOINTS: readonly ProviderEndpoint[] = ['team list', 'schedule', 'phones'];

const PATTERNS: ReadonlyArray<[ProviderEndpoint, RegExp]> = [
  ['team list', /^\/api-public\/v1\/team$/],
  ['schedule', /^\/api-public\/v2\/team\/[^/]+\/oncall\/schedule$/],
  ['phones', /^\/api-public\/v1\/user\/[^/]+\/contact-methods\/phones$/],
  ['alert', /^\/integrations\/generic\/\d+\/alert\/[^/]+\/[^/]+$/],
];

/** The endpoint of a request path (a query string is ignored). */
export function endpointOf(path: string): ProviderEndpoint {
  const pathname = path.split('?')[0];
  return PATTERNS.find(([, pattern]) => pattern.test(pathname))?.[0] ?? 'other';
}

export function isLookup(path: string): boolean {
  return LOOKUP_ENDPOINTS.includes(endpointOf(path));
}

export type EndpointCounts = Record<ProviderEndpoint, number>;

/** How many of the paths went to each endpoint, divided by `per` (the number of calls). */
export function countByEndpoint(paths: readonly string[], per = 1): EndpointCounts {
  if (!(per > 0)) throw new RangeError(`countByEndpoint: per must be above 0; got ${per}`);
  const counts = Object.fromEntries(PROVIDER_ENDPOINTS.map((endpoint) => [endpoint, 0])) as EndpointCounts;
  for (const path of paths) counts[endpointOf(path)] += 1;
  for (const endpoint of PROVIDER_ENDPOINTS) counts[endpoint] /= per;
  return counts;
}
