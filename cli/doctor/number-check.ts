// The phone number's voice settings, when the doctor is given the number and Twilio credentials:
// read with connect-number's fetchVoiceSettings, never changed.
import { MISSING_CREDENTIALS, resolveAccess, type ResolvedAccess } from '../connect-number/credentials';
import { NumberNotFoundError, TwilioApiError, TwilioRequestError, UsageError } from '../connect-number/errors';
import type { NumberVoiceSettings } from '../connect-number/voice-fields';
import { fetchVoiceSettings } from '../connect-number/voice-settings';

export const NOT_CHECKED = 'not checked (give --number and Twilio credentials in the shell)';
/** Asked for with --number, but unanswerable: a failure, not a pass, or a forgotten export reads as ready. */
export const NO_CREDENTIALS_FOR_NUMBER =
  'not checked: --number needs Twilio credentials in the shell (TWILIO_API_KEY and TWILIO_API_SECRET with ACCOUNT_SID, or ACCOUNT_SID and AUTH_TOKEN)';

export interface NumberFinding {
  /** Twilio's name for the setting. */
  setting: 'VoiceUrl' | 'VoiceFallbackUrl' | 'StatusCallback' | 'VoiceApplicationSid' | 'TrunkSid';
  value: string;
  ok: boolean;
  /** How much a wrong value matters: an error fails the doctor, a warning does not. */
  severity: 'error' | 'warning';
  message: string;
}

export interface NumberReport {
  checked: boolean;
  phoneNumber: string | null;
  /** Why it was not checked, or why the check failed. */
  problem: string | null;
  findings: NumberFinding[];
  /** The command that fixes what is wrong, when something is. */
  fix: string | null;
}

function pathEndsWith(url: string, ending: string): boolean {
  if (!URL.canParse(url)) return false;
  return new URL(url).pathname.replace(/\/+$/, '').endsWith(ending);
}

/** Each setting the functions depend on, right or wrong. Pure. */
export function assessVoiceSettings(settings: NumberVoiceSettings): NumberFinding[] {
  const shown = (value: string): string => (value === '' ? '(not set)' : value);
  const finding = (
    setting: NumberFinding['setting'],
    value: string,
    ok: boolean,
    severity: NumberFinding['severity'],
    right: string,
    wrong: string,
  ): NumberFinding => ({ setting, value, ok, severity, message: `${shown(value)}: ${ok ? right : wrong}` });
  return [
    finding(
      'VoiceUrl',
      settings.voiceUrl,
      pathEndsWith(settings.voiceUrl, '/voice'),
      'error',
      'ends in /voice',
      'does not end in /voice, so calls do not reach the functions',
    ),
    finding(
      'VoiceFallbackUrl',
      settings.voiceFallbackUrl,
      settings.voiceFallbackUrl !== '',
      'warning',
      'set, for when /voice fails',
      "when /voice fails, callers hear Twilio's application error instead of a way to leave a message",
    ),
    finding(
      'StatusCallback',
      settings.statusCallback,
      pathEndsWith(settings.statusCallback, '/call-status'),
      'error',
      'points at /call-status, which opens an incident for a caller who hung up unheard',
      'does not point at /call-status: a caller who hangs up before anyone hears them leaves no incident',
    ),
    finding(
      'VoiceApplicationSid',
      settings.voiceApplicationSid,
      settings.voiceApplicationSid === '',
      'error',
      'no TwiML application overrides VoiceUrl',
      'while it is set, Twilio ignores VoiceUrl and calls never reach the functions',
    ),
    finding(
      'TrunkSid',
      settings.trunkSid,
      settings.trunkSid === '',
      'error',
      'no SIP trunk overrides VoiceUrl',
      'while it is set, Twilio ignores VoiceUrl and calls never reach the functions',
    ),
  ];
}

function fixCommand(settings: NumberVoiceSettings): string {
  const service = pathEndsWith(settings.voiceUrl, '/voice')
    ? settings.voiceUrl.replace(/\/voice\/*$/, '')
    : 'https://<your-service>.twil.io';
  return `npm run connect-number -- --number ${settings.phoneNumber} --url ${service}`;
}

/**
 * The credentials for --number, from the shell only (never .env), by connect-number's rules.
 * Undefined when there are none: the number is then not checked. Credentials given by halves or
 * malformed are a UsageError, raised before anything is asked of anyone.
 */
export function numberAccess(
  phoneNumber: string | undefined,
  shell: Readonly<Record<string, string | undefined>>,
): ResolvedAccess | undefined {
  if (phoneNumber === undefined) return undefined;
  try {
    return resolveAccess({}, shell);
  } catch (error) {
    if (error instanceof UsageError && error.message === MISSING_CREDENTIALS) return undefined;
    throw error;
  }
}

export async function checkNumber(
  phoneNumber: string | undefined,
  access: ResolvedAccess | undefined,
): Promise<NumberReport> {
  if (phoneNumber === undefined)
    return { checked: false, phoneNumber: null, problem: NOT_CHECKED, findings: [], fix: null };
  if (access === undefined) {
    return { checked: false, phoneNumber, problem: NO_CREDENTIALS_FOR_NUMBER, findings: [], fix: null };
  }
  try {
    const settings = await fetchVoiceSettings(access, phoneNumber);
    const findings = assessVoiceSettings(settings);
    const fix = findings.some((f) => !f.ok) ? fixCommand(settings) : null;
    return { checked: true, phoneNumber, problem: null, findings, fix };
  } catch (error) {
    const known =
      error instanceof TwilioApiError || error instanceof NumberNotFoundError || error instanceof TwilioRequestError;
    const message = known
      ? error.message
      : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
    const credentials =
      error instanceof TwilioApiError && error.status === 401 ? ` (check ${access.sources.join(', ')})` : '';
    return { checked: true, phoneNumber, problem: `${message}${credentials}`, findings: [], fix: null };
  }
}
