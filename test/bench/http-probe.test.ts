// The probe against a local HTTP server: what it writes is what the round-trip count reads.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHttpProbe } from '../../bench/http-probe';
import { sequentialRoundTrips } from '../../bench/round-trips';
import { parseRuntimeHttpLog } from '../../bench/runtime-http-log';

let server: http.Server;
let base: string;
let dir: string;

beforeAll(async () => {
  // /slow never answers: the client gives up on it.
  server = http.createServer((request, response) => {
    if (request.url !== '/slow') response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'http-probe-test-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(`${base}${path}`, { agent: false, signal }, (response) => {
      response.resume();
      response.on('end', () => resolve());
    });
    request.on('error', () => resolve());
  });
}

describe('startHttpProbe', () => {
  it('logs when each request was sent and answered, so parallel and sequential requests can be told apart', async () => {
    const logPath = join(dir, 'parallel.jsonl');
    const stop = startHttpProbe(logPath);
    try {
      await Promise.all([get('/a?step=0'), get('/a?step=1'), get('/a?step=2')]);
      await get('/b');
    } finally {
      stop();
    }
    const requests = parseRuntimeHttpLog(readFileSync(logPath, 'utf8'), logPath);
    expect(requests.map((request) => [request.method, request.host, request.path])).toEqual([
      ['GET', '127.0.0.1', '/a?step=0'],
      ['GET', '127.0.0.1', '/a?step=1'],
      ['GET', '127.0.0.1', '/a?step=2'],
      ['GET', '127.0.0.1', '/b'],
    ]);
    expect(requests.every((request) => request.endMs !== null && request.endMs >= request.startMs)).toBe(true);
    expect(sequentialRoundTrips(requests)).toBe(2);
  });

  it('ends a request the client gave up on when it gave up, and logs nothing once stopped', async () => {
    const logPath = join(dir, 'abort.jsonl');
    const stop = startHttpProbe(logPath);
    const controller = new AbortController();
    const slow = get('/slow', controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await slow;
    stop();
    await get('/after-stop');
    const requests = parseRuntimeHttpLog(readFileSync(logPath, 'utf8'), logPath);
    expect(requests).toHaveLength(1);
    expect(requests[0].path).toBe('/slow');
    expect(requests[0].endMs).not.toBeNull();
  });
});
