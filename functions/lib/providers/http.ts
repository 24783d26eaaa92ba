import type { AxiosInstance, AxiosRequestConfig, AxiosStatic } from 'axios';
import { ProviderError } from './provider';

/** Per-request ceiling; the caller's overall deadline (an AbortSignal) usually ends things sooner. */
export const REQUEST_TIMEOUT_MS = 2500;

let axiosLoading: Promise<AxiosStatic> | undefined;

/**
 * axios, loaded on the first request rather than with the function: the whisper, the screen and a
 * greeting whose teams are configured never pay for it. Twilio's runtime has usually loaded it
 * already (the twilio library it gives every function depends on it), which makes this free.
 */
export function loadAxios(): Promise<AxiosStatic> {
  axiosLoading ??= import('axios').then((module) => module.default);
  return axiosLoading;
}

/** One API's base URL and headers; the axios instance behind it is made on its first request. */
export class HttpClient {
  private instance: Promise<AxiosInstance> | undefined;

  constructor(
    private readonly baseURL: string,
    private readonly headers: Record<string, string>,
  ) {}

  async request(config: AxiosRequestConfig): Promise<{ status: number; data: unknown; headers: unknown }> {
    this.instance ??= loadAxios().then((axios) =>
      axios.create({
        baseURL: this.baseURL,
        headers: { Accept: 'application/json', ...this.headers },
        timeout: REQUEST_TIMEOUT_MS,
        // Status handling is ours, so that every failure message names the request.
        validateStatus: () => true,
        // A hostile or broken endpoint must not make us buffer megabytes mid-call.
        maxContentLength: 2_000_000,
        responseType: 'json',
      }),
    );
    return (await this.instance).request(config);
  }
}

export function createHttpClient(baseURL: string, headers: Record<string, string>): HttpClient {
  return new HttpClient(baseURL, headers);
}

/** Sends one request and returns its JSON body, or throws a ProviderError naming what failed. */
export async function requestJson(
  client: HttpClient,
  what: string,
  config: AxiosRequestConfig,
  signal: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  let response;
  try {
    response = await client.request({ ...config, signal });
  } catch (error) {
    const reason = signal.aborted ? 'the time budget ran out' : await describeNetworkError(error);
    throw new ProviderError(`${what} failed: ${reason}`, true);
  }
  const { status } = response;
  if (status === 429) {
    const retryAfterMs = retryAfterFrom(response.headers);
    const wait = retryAfterMs !== undefined ? ` (retry after ${retryAfterMs} ms)` : '';
    throw new ProviderError(`${what} was rate limited: HTTP 429${wait}`, true, retryAfterMs);
  }
  if (status >= 500) {
    throw new ProviderError(`${what} failed: HTTP ${status}`, true);
  }
  if (typeof response.data === 'string' && response.data.trim() !== '') {
    // axios hands back the raw text when the body is not valid JSON.
    throw new ProviderError(`${what} returned a body that is not JSON (HTTP ${status})`, status >= 500);
  }
  return { status, body: response.data };
}

/** Why a request got no answer at all: its own timeout, a network error's code, or the error's message. */
export async function describeNetworkError(error: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<string> {
  const axios = await loadAxios();
  if (axios.isAxiosError(error)) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return `no answer within ${timeoutMs} ms`;
    return error.code ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads how long a rate-limited provider wants us to wait: Retry-After (seconds or an HTTP
 * date) or PagerDuty's ratelimit-reset (seconds), whichever is present.
 */
export function retryAfterFrom(headers: unknown, now = Date.now()): number | undefined {
  const read = (name: string): string | undefined => {
    if (typeof headers !== 'object' || headers === null) return undefined;
    const value: unknown = (headers as Record<string, unknown>)[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const value = read('retry-after') ?? read('ratelimit-reset') ?? read('x-ratelimit-reset');
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
