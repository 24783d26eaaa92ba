// Sends one request the way Twilio's webhook client does: form-encoded, signed, and
// abandoned after a deadline. node:http rather than fetch so that no keep-alive socket
// outlives the call (tests close their servers straight after).
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { computeTwilioSignature } from './twilio-signature';

export interface WebhookRequest {
  url: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
  authToken: string;
  timeoutMs: number;
}

/** `sentAt`: epoch ms when the request left, on the clock the mock providers log with. */
export type WebhookResult =
  | { kind: 'response'; url: string; status: number; contentType: string; body: string; sentAt: number; ms: number }
  | { kind: 'timeout'; url: string; sentAt: number; ms: number }
  | { kind: 'network-error'; url: string; message: string; sentAt: number; ms: number };

/** Twilio puts GET parameters in the query string; the signature then covers the URL alone. */
function requestUrl(request: WebhookRequest): string {
  if (request.method === 'POST') return request.url;
  const url = new URL(request.url);
  for (const [name, value] of Object.entries(request.params)) url.searchParams.append(name, value);
  return url.toString();
}

function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

export function sendWebhook(request: WebhookRequest): Promise<WebhookResult> {
  const url = requestUrl(request);
  const body = request.method === 'POST' ? new URLSearchParams(request.params).toString() : '';
  const signature =
    request.method === 'POST'
      ? computeTwilioSignature(request.authToken, url, request.params)
      : computeTwilioSignature(request.authToken, url);
  const headers: Record<string, string> = {
    'X-Twilio-Signature': signature,
    'User-Agent': 'TwilioProxy/1.1',
    Accept: '*/*',
    Connection: 'close',
  };
  if (request.method === 'POST') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  const sentAt = Date.now();
  const started = performance.now();
  const elapsed = (): number => roundMs(performance.now() - started);
  const transport = url.startsWith('https:') ? https : http;

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: WebhookResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = transport.request(url, { method: request.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        finish({
          kind: 'response',
          url,
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf-8'),
          sentAt,
          ms: elapsed(),
        }),
      );
      res.on('error', (error: Error) =>
        finish({ kind: 'network-error', url, message: error.message, sentAt, ms: elapsed() }),
      );
    });
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', url, sentAt, ms: elapsed() });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error: Error) =>
      finish({ kind: 'network-error', url, message: error.message, sentAt, ms: elapsed() }),
    );
    req.end(body);
  });
}
