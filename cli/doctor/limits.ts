// Twilio's limits on the variables a deploy uploads. Past them the deploy is refused or, for the
// context as a whole, invocations may fail (Twilio error 82006).
import { CLOUD_CREDENTIALS } from './deployment';

/** Serverless Variable resource: a value of at most 450 bytes, a key of at most 128 characters. */
export const VALUE_LIMIT_BYTES = 450;
export const NAME_LIMIT_CHARACTERS = 128;
/**
 * A function's context (account details, domain name, path and every variable, as one JSON
 * string) should stay under about 3 KB.
 */
export const CONTEXT_LIMIT_BYTES = 3 * 1024;

export interface OverLimit {
  variable: string;
  /** Which part is too long: the value (in bytes) or the name (in characters). */
  part: 'value' | 'name';
  size: number;
  limit: number;
}

export interface LimitsReport {
  overLimit: OverLimit[];
  /** The variables and the credentials Twilio adds, as a JSON string; the rest of the context is not known here. */
  contextBytes: number;
  contextLimitBytes: number;
  /** True at or past the limit: a warning, since the figure leaves out what only Twilio knows. */
  nearContextLimit: boolean;
}

export function checkTwilioLimits(deployed: Readonly<Record<string, string>>): LimitsReport {
  const overLimit: OverLimit[] = [];
  for (const [variable, value] of Object.entries(deployed)) {
    if (variable.length > NAME_LIMIT_CHARACTERS) {
      overLimit.push({ variable, part: 'name', size: variable.length, limit: NAME_LIMIT_CHARACTERS });
    }
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > VALUE_LIMIT_BYTES) overLimit.push({ variable, part: 'value', size: bytes, limit: VALUE_LIMIT_BYTES });
  }
  const contextBytes = Buffer.byteLength(JSON.stringify({ ...deployed, ...CLOUD_CREDENTIALS }), 'utf8');
  return {
    overLimit,
    contextBytes,
    contextLimitBytes: CONTEXT_LIMIT_BYTES,
    nearContextLimit: contextBytes >= CONTEXT_LIMIT_BYTES,
  };
}
