// What each mocked provider API plugs into the mock server. Adding a provider means writing
// one more MockProviderApi over the same roster.
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonValue } from './json';

export interface MockRequest {
  method: string;
  /** Path without the query string, percent-decoding left to the route. */
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when absent or not JSON. */
  body: JsonValue | undefined;
  bodyText: string;
}

export interface MockResponse {
  status: number;
  /** undefined: no body at all (SendGrid answers an accepted mail with an empty 202). */
  body: JsonValue | undefined;
  headers?: Record<string, string>;
  /**
   * What the request changes in the mocked service (an alert opened, acknowledged…). Run only
   * when this response is really sent: under an injected fault the request never got through.
   */
  effect?: () => void;
}

export interface MockProviderApi {
  /** Labels recorded requests, e.g. "splunk-oncall". */
  name: string;
  /** The response for a request this API owns, or null to let another API try. */
  route(request: MockRequest): MockResponse | null;
}

export function jsonResponse(status: number, body: JsonValue, headers?: Record<string, string>): MockResponse {
  return headers ? { status, body, headers } : { status, body };
}

export function emptyResponse(status: number, headers?: Record<string, string>): MockResponse {
  return headers ? { status, body: undefined, headers } : { status, body: undefined };
}

/** Matches "/a/{x}/b" patterns; returns the decoded {x} values in order, or null. */
export function matchPath(pattern: string, path: string): string[] | null {
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return null;
  const values: string[] = [];
  for (let index = 0; index < patternParts.length; index += 1) {
    const expected = patternParts[index] ?? '';
    const actual = pathParts[index] ?? '';
    if (expected.startsWith('{') && expected.endsWith('}')) {
      if (actual === '') return null;
      try {
        values.push(decodeURIComponent(actual));
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return values;
}
