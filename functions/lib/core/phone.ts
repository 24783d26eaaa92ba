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
