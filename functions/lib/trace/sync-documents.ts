// Reads and writes one Twilio Sync Document by its unique name, over Sync's REST API. Plain HTTP
// rather than the SDK client, so the base URL can point at a local stand-in in tests.
import type { AxiosResponse } from 'axios';
import { describeNetworkError, loadAxios } from '../providers/http';
import { isRecord } from '../providers/json';

export interface SyncSettings {
  accountSid: string;
  authToken: string;
  /** An IS… service SID, or "default": the unique name of the account's default Sync service. */
  serviceSid: string;
  /** Base URL without a trailing path, e.g. DEFAULT_SYNC_API_URL. */
  apiUrl: string;
}

export const DEFAULT_SYNC_API_URL = 'https://sync.twilio.com';

/** Per-request ceiling; the caller's AbortSignal usually ends things sooner. */
export const SYNC_REQUEST_TIMEOUT_MS = 2000;

/** Sync refuses a Document whose data is larger than this (16 KiB of JSON). */
export const SYNC_DOCUMENT_MAX_BYTES = 16 * 1024;

/** Twilio's longest unique name for a Sync object. */
const UNIQUE_NAME_MAX_LENGTH = 320;

/** Twilio's code for "an object with this unique name already exists". */
export const UNIQUE_NAME_EXISTS = 54301;

type Operation = 'read' | 'create' | 'update';

export class SyncDocumentError extends Error {
  constructor(
    message: string,
    /** Worth trying again: a timeout or a network failure, a 429 or a 5xx. */
    readonly retryable: boolean,
    /** The HTTP status, when an answer arrived. */
    readonly status?: number,
    /** Twilio's error code, when the answer carried one. */
    readonly code?: number,
  ) {
    super(`${message} (${retryable ? 'retrying may help' : 'retrying will not help'})`);
    this.name = 'SyncDocumentError';
  }
}

/** The Document's data, or undefined when no Document has that unique name (or it expired). */
export async function readSyncDocument(
  settings: SyncSettings,
  uniqueName: string,
  signal: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  checkUniqueName(uniqueName);
  const response = await send(settings, 'read', uniqueName, signal, {
    method: 'GET',
    url: documentUrl(settings, uniqueName),
  });
  if (response.status === 404) return undefined;
  if (response.status !== 200) throw failure('read', uniqueName, response);
  const data: unknown = isRecord(response.data) ? response.data.data : undefined;
  if (data === null) return {};
  if (!isRecord(data)) {
    throw new SyncDocumentError(
      `Sync document "${uniqueName}" was read but the answer holds no data object`,
      false,
      200,
    );
  }
  return data;
}

/**
 * Creates the Document, or replaces its data when it already exists. `ttlSeconds` restarts its
 * time to live either way (0: it never expires).
 */
export async function writeSyncDocument(
  settings: SyncSettings,
  uniqueName: string,
  data: Record<string, unknown>,
  ttlSeconds: number,
  signal: AbortSignal,
): Promise<void> {
  checkUniqueName(uniqueName);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0) {
    throw new SyncDocumentError(
      `Sync document "${uniqueName}": TTL must be whole seconds, 0 or more; got ${ttlSeconds}`,
      false,
    );
  }
  const json = JSON.stringify(data);
  if (Buffer.byteLength(json) > SYNC_DOCUMENT_MAX_BYTES) {
    throw new SyncDocumentError(
      `Sync document "${uniqueName}": data is ${Buffer.byteLength(json)} bytes of JSON, over Sync's ${SYNC_DOCUMENT_MAX_BYTES}`,
      false,
    );
  }
  const ttl = String(ttlSeconds);
  const created = await send(settings, 'create', uniqueName, signal, {
    method: 'POST',
    url: `${serviceUrl(settings)}/Documents`,
    data: new URLSearchParams({ UniqueName: uniqueName, Data: json, Ttl: ttl }).toString(),
  });
  if (created.status === 201) return;
  if (created.status !== 409 || twilioError(created).code !== UNIQUE_NAME_EXISTS) {
    throw failure('create', uniqueName, created);
  }
  const updated = await send(settings, 'update', uniqueName, signal, {
    method: 'POST',
    url: documentUrl(settings, uniqueName),
    data: new URLSearchParams({ Data: json, Ttl: ttl }).toString(),
  });
  if (updated.status === 200) return;
  // It expired between the two requests: writing again creates it afresh.
  if (updated.status === 404) throw failure('update', uniqueName, updated, true);
  throw failure('update', uniqueName, updated);
}

function checkUniqueName(uniqueName: string): void {
  if (uniqueName.trim() === '' || uniqueName.length > UNIQUE_NAME_MAX_LENGTH) {
    throw new SyncDocumentError(
      `Sync document unique name must be 1 to ${UNIQUE_NAME_MAX_LENGTH} characters; got ${JSON.stringify(uniqueName.slice(0, 40))}${uniqueName.length > 40 ? '…' : ''}`,
      false,
    );
  }
}

function serviceUrl(settings: SyncSettings): string {
  return `${settings.apiUrl.replace(/\/+$/, '')}/v1/Services/${encodeURIComponent(settings.serviceSid)}`;
}

function documentUrl(settings: SyncSettings, uniqueName: string): string {
  return `${serviceUrl(settings)}/Documents/${encodeURIComponent(uniqueName)}`;
}

async function send(
  settings: SyncSettings,
  operation: Operation,
  uniqueName: string,
  signal: AbortSignal,
  request: { method: 'GET' | 'POST'; url: string; data?: string },
): Promise<AxiosResponse<unknown>> {
  try {
    const axios = await loadAxios();
    return await axios.request<unknown>({
      ...request,
      auth: { username: settings.accountSid, password: settings.authToken },
      headers: {
        Accept: 'application/json',
        ...(request.data !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      timeout: SYNC_REQUEST_TIMEOUT_MS,
      // Status handling is ours, so that every failure names the operation and the document.
      validateStatus: () => true,
      maxContentLength: 200_000,
      responseType: 'json',
      signal,
    });
  } catch (error) {
    const reason = signal.aborted
      ? "the caller's time budget ran out"
      : await describeNetworkError(error, SYNC_REQUEST_TIMEOUT_MS);
    throw new SyncDocumentError(`Sync document "${uniqueName}" could not be ${pastTense(operation)}: ${reason}`, true);
  }
}

function pastTense(operation: Operation): string {
  return operation === 'read' ? 'read' : `${operation}d`;
}

function twilioError(response: AxiosResponse<unknown>): { code?: number; message?: string } {
  const body = response.data;
  if (!isRecord(body)) return {};
  return {
    ...(typeof body.code === 'number' ? { code: body.code } : {}),
    ...(typeof body.message === 'string' ? { message: body.message } : {}),
  };
}

function failure(
  operation: Operation,
  uniqueName: string,
  response: AxiosResponse<unknown>,
  retryable = response.status === 429 || response.status >= 500,
): SyncDocumentError {
  const { code, message } = twilioError(response);
  const detail = code !== undefined ? `, Twilio error ${code}${message ? ` "${message}"` : ''}` : '';
  return new SyncDocumentError(
    `Sync document "${uniqueName}" could not be ${pastTense(operation)}: HTTP ${response.status}${detail}`,
    retryable,
    response.status,
    code,
  );
}
