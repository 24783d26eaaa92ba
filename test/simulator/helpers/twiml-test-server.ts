// A tiny app standing in for the project's Functions: each test says what TwiML each
// path returns, and inspects what the simulator sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Full URL as the simulator requested it. */
  url: string;
  pathname: string;
  query: Record<string, string>;
  /** Form parameters of a POST body. */
  params: Record<string, string>;
  headers: http.IncomingHttpHeaders;
}

export interface RouteAnswer {
  status?: number;
  body: string;
  contentType?: string;
  /** Answer after this long; a very long delay simulates a hung handler. */
  delayMs?: number;
}

export type Route = (request: ReceivedRequest) => RouteAnswer | string;

export interface TwimlTestServer {
  url: string;
  received: ReceivedRequest[];
  /** Requests made to one path, in order. */
  to(pathname: string): ReceivedRequest[];
  /** Replaces the routes and forgets earlier requests (one server serves a whole test file). */
  use(routes: Record<string, Route>): void;
  close(): Promise<void>;
}

export function twiml(inner: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
}

export async function startTwimlServer(initialRoutes: Record<string, Route> = {}): Promise<TwimlTestServer> {
  const received: ReceivedRequest[] = [];
  let routes = initialRoutes;
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const request: ReceivedRequest = {
        method: req.method ?? 'GET',
        url: url.toString(),
        pathname: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf-8')).entries()),
        headers: req.headers,
      };
      received.push(request);
      const route = routes[url.pathname];
      const raw = route ? route(request) : { status: 404, body: 'not found', contentType: 'text/plain' };
      const answer: RouteAnswer = typeof raw === 'string' ? { body: raw } : raw;
      const reply = (): void => {
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'text/xml' });
        res.end(answer.body);
      };
      if (answer.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          reply();
        }, answer.delayMs);
        timers.add(timer);
      } else {
        reply();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    received,
    to: (pathname) => received.filter((request) => request.pathname === pathname),
    use: (next) => {
      routes = next;
      received.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
