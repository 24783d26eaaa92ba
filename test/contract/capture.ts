// Captures every request an adapter sends to one origin, with nock, answering each from a
// function so that a whole lookup or incident flow can run.
import nock from 'nock';
import type { WireRequest } from './openapi-check';

export type Answer = (request: WireRequest) => [status: number, body: unknown];

export function captureRequests(origin: string, answer: Answer): WireRequest[] {
  const captured: WireRequest[] = [];
  const scope = nock(origin).persist();
  for (const method of ['GET', 'POST']) {
    scope
      .intercept(/.*/, method)
      .query(true)
      .reply(function (uri, body) {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(this.req.headers)) {
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
        }
        const request: WireRequest = {
          method: this.req.method,
          url: uri,
          headers,
          // nock hands over JSON bodies parsed, and "" when there is no body.
          ...(body === '' ? {} : { body }),
        };
        captured.push(request);
        const [status, responseBody] = answer(request);
        return [status, JSON.stringify(responseBody), { 'Content-Type': 'application/json' }];
      });
  }
  return captured;
}
