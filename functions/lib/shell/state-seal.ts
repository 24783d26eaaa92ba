import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CallState } from '../core/call-state';
import { isRecord } from '../providers/json';

/**
 * Call state travels in the URLs we hand Twilio. AES-256-GCM makes it opaque (a responder's
 * number is never readable in a URL or a log of URLs) and authenticated (an altered token
 * fails to open). The key is derived from the auth token unless STATE_SECRET is set.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Transcriptions can arrive minutes after a call; a day is ample and bounds replay. */
export const STATE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const keyCache = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keyCache.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'oncall-live-call-routing', 'call-state-v1', 32));
    keyCache.set(secret, key);
  }
  return key;
}

export function sealState(state: CallState, secret: string, now = Date.now()): string {
  const plain = deflateRawSync(Buffer.from(JSON.stringify({ v: VERSION, iat: now, state })));
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret), iv);
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

export type OpenedState = { ok: true; state: CallState } | { ok: false; problem: string };

export function openState(token: string, secret: string, now = Date.now()): OpenedState {
  if (!/^[A-Za-z0-9_-]{40,4000}$/.test(token)) return { ok: false, problem: 'state token is malformed' };
  const bytes = Buffer.from(token, 'base64url');
  // Only the canonical encoding opens: otherwise the spare bits of a last partial group, or a
  // stray trailing character, could be changed without the authentication tag noticing.
  if (bytes.toString('base64url') !== token) return { ok: false, problem: 'state token is malformed' };
  if (bytes.length < IV_BYTES + TAG_BYTES + 1) return { ok: false, problem: 'state token is too short' };
  let payload: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    payload = JSON.parse(inflateRawSync(plain, { maxOutputLength: 64_000 }).toString('utf8'));
  } catch {
    return { ok: false, problem: 'state token failed authentication (altered, or sealed with another secret)' };
  }
  if (!isRecord(payload) || payload.v !== VERSION || typeof payload.iat !== 'number' || !isCallState(payload.state)) {
    return { ok: false, problem: 'state token has an unknown layout' };
  }
  if (now - payload.iat > STATE_MAX_AGE_MS || payload.iat - now > 60_000) {
    return { ok: false, problem: 'state token has expired' };
  }
  return { ok: true, state: payload.state };
}

function isCallState(value: unknown): value is CallState {
  return (
    isRecord(value) &&
    typeof value.callSid === 'string' &&
    typeof value.caller === 'string' &&
    typeof value.supportNumber === 'string' &&
    typeof value.stage === 'string' &&
    Array.isArray(value.chain) &&
    typeof value.current === 'number' &&
    Array.isArray(value.attempts)
  );
}
