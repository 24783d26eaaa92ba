// `npm run connect-number -- …` arguments, checked. Pure: every mistake is a UsageError with a
// one-line message naming the flag and the value.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors';
import { FIELD_INFO, VOICE_FIELDS, type FieldKind, type VoiceSettings } from './voice-fields';

export const USAGE = `Usage: npm run connect-number -- --number +E164 [--url https://<service domain>] [options]

Points a Twilio phone number at the deployed functions: VoiceUrl <url>/voice (POST),
VoiceFallbackUrl <url>/voice-fallback.xml (GET), StatusCallback <url>/call-status (POST), and
clears VoiceApplicationSid and TrunkSid (either makes Twilio ignore VoiceUrl). Without --url it
only shows the number's voice settings (or sets just the fields given below).

  --number E164             the Twilio number, e.g. +15555550100
  --url URL                 the service's base URL (https; http only for localhost)
  --dry-run                 show the change, make none
  --json                    print {before, after, changed, dryRun, restoreCommand}

Single fields (override --url's values; "" clears a URL or sid); the undo command uses them:
  --voice-url URL  --voice-method GET|POST  --voice-fallback-url URL  --voice-fallback-method GET|POST
  --status-callback URL  --status-callback-method GET|POST  --voice-application-sid AP…  --trunk-sid TK…

Credentials, from the shell environment or flags (never from .env):
  TWILIO_API_KEY, TWILIO_API_SECRET and ACCOUNT_SID (an API key, recommended), or ACCOUNT_SID and
  AUTH_TOKEN; flags --api-key, --api-secret, --account-sid, --auth-token.
  TWILIO_API_URL sends the requests to another base URL (a local stand-in).

Exit codes: 0 done, 1 Twilio refused or failed, 2 bad usage or missing credentials.`;

export interface CredentialFlags {
  accountSid?: string;
  apiKey?: string;
  apiSecret?: string;
  authToken?: string;
}

export interface ConnectOptions {
  number: string;
  /** The service's base URL, without a trailing slash, when the standard settings are wanted. */
  serviceUrl?: string;
  /** Fields given one by one; they win over the ones derived from serviceUrl. */
  overrides: Partial<VoiceSettings>;
  dryRun: boolean;
  json: boolean;
  credentials: CredentialFlags;
}

export type ParsedCommand = { help: true } | { help: false; options: ConnectOptions };

type Flags = Record<string, string | boolean | undefined>;

const CREDENTIAL_FLAGS: ReadonlyArray<[keyof CredentialFlags, string]> = [
  ['accountSid', 'account-sid'],
  ['apiKey', 'api-key'],
  ['apiSecret', 'api-secret'],
  ['authToken', 'auth-token'],
];

const OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  number: { type: 'string' },
  url: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(CREDENTIAL_FLAGS.map(([, flag]) => [flag, { type: 'string' } as const])),
  ...Object.fromEntries(VOICE_FIELDS.map((field) => [FIELD_INFO[field].flag, { type: 'string' } as const])),
};

function parseFlags(argv: readonly string[]): Flags {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values as Flags;
  } catch (error) {
    // Node's own wording runs on with advice about "--"; its first sentence says it all. (Read
    // without instanceof: under jest, Node's errors come from another realm.)
    const text = (error as { message?: unknown }).message;
    const message = typeof text === 'string' ? (text.split(/\.\s/)[0] ?? text) : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
}

const E164 = /^\+[1-9]\d{1,14}$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkNumber(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--number is required: the Twilio phone number, e.g. +15555550100');
  if (!E164.test(value)) {
    throw new UsageError(`--number "${value}" is not in E.164 form: "+", the country code and the number, digits only`);
  }
  return value;
}

/** The service URL without its trailing slash; https, or http for this machine only. */
export function checkServiceUrl(value: string): string {
  if (!URL.canParse(value)) throw new UsageError(`--url "${value}" is not a URL; expected https://<service domain>`);
  const url = new URL(value);
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new UsageError(`--url "${value}" must start with https:// (http:// only for localhost)`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new UsageError(`--url "${value}" must be a base URL, without query, fragment or user name`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const FIELD_CHECKS: Record<FieldKind, { valid: (value: string) => boolean; expected: string }> = {
  url: {
    valid: (value) => value === '' || (URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol)),
    expected: 'an http(s) URL, or "" to clear it',
  },
  method: { valid: (value) => value === 'GET' || value === 'POST', expected: 'GET or POST' },
  application: {
    valid: (value) => value === '' || /^AP[0-9a-fA-F]{32}$/.test(value),
    expected: 'an application sid (AP and 32 hex digits), or "" to clear it',
  },
  trunk: {
    valid: (value) => value === '' || /^TK[0-9a-fA-F]{32}$/.test(value),
    expected: 'a trunk sid (TK and 32 hex digits), or "" to clear it',
  },
};

function checkOverrides(values: Flags): Partial<VoiceSettings> {
  const overrides: Partial<VoiceSettings> = {};
  for (const field of VOICE_FIELDS) {
    const { flag, kind } = FIELD_INFO[field];
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const value = kind === 'method' ? raw.toUpperCase() : raw;
    const check = FIELD_CHECKS[kind];
    if (!check.valid(value)) throw new UsageError(`--${flag} "${raw}" is not ${check.expected}`);
    overrides[field] = value;
  }
  return overrides;
}

export function parseCommand(argv: readonly string[]): ParsedCommand {
  const flags = parseFlags(argv);
  if (flags.help === true) return { help: true };
  const text = (name: string): string | undefined => (typeof flags[name] === 'string' ? flags[name] : undefined);
  const url = text('url');
  const credentials: CredentialFlags = {};
  for (const [key, flag] of CREDENTIAL_FLAGS) {
    const value = text(flag);
    if (value !== undefined) credentials[key] = value;
  }
  return {
    help: false,
    options: {
      number: checkNumber(text('number')),
      ...(url !== undefined ? { serviceUrl: checkServiceUrl(url) } : {}),
      overrides: checkOverrides(flags),
      dryRun: flags['dry-run'] === true,
      json: flags.json === true,
      credentials,
    },
  };
}
