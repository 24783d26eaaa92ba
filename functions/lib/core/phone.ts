/**
 * Normalises what an incident system stores as a phone number to E.164, or undefined when
 * it cannot be a dialable number. Ten bare digits are taken as a North American number,
 * as Twilio itself does for unformatted numbers.
 */
export function toE164(raw: string): string | undefined {
  const trimmed = raw.trim();
  const hasPlus = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/^00/, '').replace(/[^0-9]/g, '');
  if (/[a-z]/i.test(trimmed)) return undefined;
  let e164: string;
  if (hasPlus) e164 = `+${digits}`;
  else if (digits.length === 10) e164 = `+1${digits}`;
  else if (digits.length === 11 && digits.startsWith('1')) e164 = `+${digits}`;
  else e164 = `+${digits}`;
  return /^\+[1-9][0-9]{6,14}$/.test(e164) ? e164 : undefined;
}

export type ParsedPhone = { ok: true; phone: string } | { ok: false; problem: string };

/**
 * A number an operator typed (a fallback line, a roster entry): E.164 with its leading +, spaces,
 * dashes, dots and brackets allowed. Unlike provider data, it is never guessed into a country.
 */
export function parseOperatorPhone(raw: string): ParsedPhone {
  const compact = raw.trim().replace(/[\s().-]/g, '');
  if (!compact.startsWith('+')) {
    return {
      ok: false,
      problem: 'is not in E.164 form: it needs its leading + and country code, such as +15555550100',
    };
  }
  if (!/^\+[1-9][0-9]{6,14}$/.test(compact)) {
    return { ok: false, problem: 'is not an E.164 phone number (such as +15555550100)' };
  }
  return { ok: true, phone: compact };
}
