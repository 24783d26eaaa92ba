// PagerDuty and Opsgenie store a phone as a country calling code plus a national number, so
// the mock must split the roster's E.164 numbers the way they would.

/**
 * Two-digit prefixes whose country codes have three digits (ITU-T E.164 assignments). Calling
 * codes are prefix-free: 1 and 7 stand alone, every other code has two or three digits.
 */
const THREE_DIGIT_PREFIXES = new Set([
  '21', '22', '23', '24', '25', '26', '29', '35', '37', '38', '42', '50', '59', '67', '68', '69', '80', '85', '87', '88',
  '96', '97', '99',
]); // prettier-ignore

export interface PhoneParts {
  countryCode: string;
  national: string;
}

export function splitE164(e164: string): PhoneParts {
  const digits = e164.replace(/[^0-9]/g, '');
  const length =
    digits.startsWith('1') || digits.startsWith('7') ? 1 : THREE_DIGIT_PREFIXES.has(digits.slice(0, 2)) ? 3 : 2;
  return { countryCode: digits.slice(0, length), national: digits.slice(length) };
}
