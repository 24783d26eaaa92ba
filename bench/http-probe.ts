// Preloaded into the benchmark's twilio-run (node --require): appends to the file named by
// BENCH_HTTP_LOG, as JSON lines, when the runtime sent each outgoing HTTP request and when it had
// the answer (or gave up). The mock's own log cannot tell requests sent together from requests
// sent in turn when it answers at once: a cold runtime takes longer to open each connection than
// the mock takes to answer the one before, so parallel requests look sequential there.
// Node publishes these channels itself; subscribing changes nothing about the requests.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { RuntimeHttpEvent } from './runtime-http-log';

/** Starts logging this process's outgoing HTTP requests to `logPath`; returns how to stop. */
export function startHttpProbe(logPath: string): () => void {
  const file = openSync(logPath, 'a');
  const ids = new WeakMap<ClientRequest, number>();
  let nextId = 1;
  // Sub-millisecond: parallel requests leave within a millisecond of each other.
  const now = (): number => performance.timeOrigin + performance.now();
  // Written synchronously, so the line is in the file before the webhook that caused it answers.
  const write = (event: RuntimeHttpEvent): void => void writeSync(file, `${JSON.stringify(event)}\n`);
  const requestOf = (message: unknown): ClientRequest => (message as { request: ClientRequest }).request;

  const onSent = (message: unknown): void => {
    const request = requestOf(message);
    const id = nextId++;
    ids.set(request, id);
    write({ id, event: 'sent', at: now(), method: request.method, host: request.host, path: request.path });
  };
  const ended = (event: 'answered' | 'failed') => (message: unknown) => {
    const id = ids.get(requestOf(message));
    if (id !== undefined) write({ id, event, at: now() });
  };
  const listeners: Array<[channel: string, listener: (message: unknown) => void]> = [
    ['http.client.request.start', onSent],
    ['http.client.response.finish', ended('answered')],
    ['http.client.request.error', ended('failed')],
  ];
  for (const [channel, listener] of listeners) subscribe(channel, listener);
  return () => {
    for (const [channel, listener] of listeners) unsubscribe(channel, listener);
    closeSync(file);
  };
}

const logPath = process.env.BENCH_HTTP_LOG;
if (logPath) startHttpProbe(logPath);
