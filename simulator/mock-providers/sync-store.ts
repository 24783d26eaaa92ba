// What the Twilio Sync stand-in holds: Documents per service, found by SID or unique name,
// each with a revision and an optional expiry. TTLs are honoured: an expired Document is gone
// (404) from the moment it expires, as far as any request can tell.
import type { JsonObject } from './json';

/** The account's default Sync service: what the unique name "default" stands for. */
export const DEFAULT_SYNC_SERVICE_SID = `IS${'0'.repeat(31)}1`;
export const DEFAULT_SYNC_SERVICE_NAME = 'default';

export interface StoredSyncDocument {
  serviceSid: string;
  sid: string;
  uniqueName: string | null;
  data: JsonObject;
  /** Starts at 0; each update adds one. Twilio shows it as a string. */
  revision: number;
  createdAtMs: number;
  updatedAtMs: number;
  /** null: never expires. */
  expiresAtMs: number | null;
}

/** A Document as tests see it: plain data, dates in ISO 8601. */
export interface MockSyncDocument {
  serviceSid: string;
  sid: string;
  uniqueName: string | null;
  data: JsonObject;
  revision: string;
  dateCreated: string;
  dateUpdated: string;
  dateExpires: string | null;
}

export interface SyncStore {
  now(): number;
  /** The service's SID for a path segment: an IS… SID, or "default"; undefined for anything else. */
  serviceSid(segment: string): string | undefined;
  /** A live Document by SID or unique name. */
  find(serviceSid: string, sidOrName: string): StoredSyncDocument | undefined;
  nextSid(): string;
  save(document: StoredSyncDocument): void;
  /** Every live Document, oldest first. */
  documents(): MockSyncDocument[];
  clear(): void;
}

const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;

export function createSyncStore(now: () => number = Date.now): SyncStore {
  let documents: StoredSyncDocument[] = [];
  let created = 0;
  const live = (document: StoredSyncDocument): boolean => document.expiresAtMs === null || document.expiresAtMs > now();
  const forgetExpired = (): void => {
    documents = documents.filter(live);
  };

  return {
    now,
    serviceSid: (segment) =>
      segment === DEFAULT_SYNC_SERVICE_NAME
        ? DEFAULT_SYNC_SERVICE_SID
        : SERVICE_SID.test(segment)
          ? segment
          : undefined,
    find(serviceSid, sidOrName) {
      forgetExpired();
      return documents.find(
        (document) =>
          document.serviceSid === serviceSid && (document.sid === sidOrName || document.uniqueName === sidOrName),
      );
    },
    nextSid() {
      created += 1;
      return `ET${created.toString(16).padStart(32, '0')}`;
    },
    save(document) {
      forgetExpired();
      const at = documents.findIndex((existing) => existing.sid === document.sid);
      if (at === -1) documents.push(document);
      else documents[at] = document;
    },
    documents() {
      forgetExpired();
      return documents.map(toMockDocument);
    },
    clear() {
      documents = [];
    },
  };
}

/** Twilio writes dates as ISO 8601 in UTC without milliseconds. */
export function twilioDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function toMockDocument(document: StoredSyncDocument): MockSyncDocument {
  return {
    serviceSid: document.serviceSid,
    sid: document.sid,
    uniqueName: document.uniqueName,
    data: structuredClone(document.data),
    revision: String(document.revision),
    dateCreated: twilioDate(document.createdAtMs),
    dateUpdated: twilioDate(document.updatedAtMs),
    dateExpires: document.expiresAtMs === null ? null : twilioDate(document.expiresAtMs),
  };
}
