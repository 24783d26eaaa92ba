// Which Twilio credentials to use, from flags first and then the shell environment. A .env file
// is never read: it holds the functions' settings, and an operator's key does not belong there.
import { UsageError } from './errors';
import type { CredentialFlags } from './options';
import { TWILIO_API_URL, type TwilioAccess } from './twilio-client';

export interface ResolvedAccess extends TwilioAccess {
  /** The flags or variables the credentials came from, for messages about them. */
  sources: string[];
}

type Environment = Readonly<Record<string, string | undefined>>;

interface Setting {
  value: string;
  source: string;
}

function pick(flagValue: string | undefined, flag: string, env: Environment, variable: string): Setting | undefined {
  if (flagValue !== undefined && flagValue !== '') return { value: flagValue, source: `--${flag}` };
  const fromEnv = env[variable];
  return fromEnv !== undefined && fromEnv !== '' ? { value: fromEnv, source: variable } : undefined;
}

export const MISSING_CREDENTIALS =
  'no Twilio credentials: set TWILIO_API_KEY, TWILIO_API_SECRET and ACCOUNT_SID (an API key, recommended), ' +
  'or ACCOUNT_SID and AUTH_TOKEN, in the shell environment (or --api-key, --api-secret, --account-sid, --auth-token)';

function apiUrlFrom(env: Environment): string {
  const value = env.TWILIO_API_URL;
  if (value === undefined || value === '') return TWILIO_API_URL;
  if (!URL.canParse(value) || !['http:', 'https:'].includes(new URL(value).protocol)) {
    throw new UsageError(`TWILIO_API_URL "${value}" is not an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

/**
 * An API key when both its halves are there, else the auth token (or the auth token when only it
 * was given as a flag); a UsageError naming what is missing.
 */
export function resolveAccess(flags: CredentialFlags, env: Environment): ResolvedAccess {
  const accountSid = pick(flags.accountSid, 'account-sid', env, 'ACCOUNT_SID');
  const apiKey = pick(flags.apiKey, 'api-key', env, 'TWILIO_API_KEY');
  const apiSecret = pick(flags.apiSecret, 'api-secret', env, 'TWILIO_API_SECRET');
  const authToken = pick(flags.authToken, 'auth-token', env, 'AUTH_TOKEN');

  // A flag wins over the environment: --auth-token alone means the token, even beside an API key in the shell.
  const tokenByFlag =
    authToken?.source === '--auth-token' && !apiKey?.source.startsWith('--') && !apiSecret?.source.startsWith('--');
  const [username, password] =
    apiKey && apiSecret && !tokenByFlag ? [apiKey, apiSecret] : authToken ? [undefined, authToken] : [];
  if (!password) {
    if (apiKey || apiSecret) {
      const [given, missing] = apiKey ? [apiKey.source, 'TWILIO_API_SECRET'] : [apiSecret?.source, 'TWILIO_API_KEY'];
      throw new UsageError(`${given} is set but ${missing} is not: an API key needs both (and ACCOUNT_SID)`);
    }
    throw new UsageError(MISSING_CREDENTIALS);
  }
  if (!accountSid) {
    throw new UsageError(
      `ACCOUNT_SID (or --account-sid) is not set: the account (AC…) the ${username ? 'API key' : 'auth token'} belongs to`,
    );
  }
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid.value)) {
    throw new UsageError(`${accountSid.source} "${accountSid.value}" is not an account sid (AC and 32 hex digits)`);
  }
  if (username && !/^SK[0-9a-fA-F]{32}$/.test(username.value)) {
    throw new UsageError(
      `${username.source} is not an API key sid (SK and 32 hex digits); the secret goes in TWILIO_API_SECRET`,
    );
  }
  return {
    accountSid: accountSid.value,
    username: username?.value ?? accountSid.value,
    password: password.value,
    apiUrl: apiUrlFrom(env),
    sources: [username?.source, password.source, accountSid.source].filter((source) => source !== undefined),
  };
}
