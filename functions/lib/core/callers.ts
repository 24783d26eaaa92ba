/** A caller-screening pattern: one E.164 number, or every number that starts with a prefix. */
export type CallerPattern = { kind: 'number'; number: string } | { kind: 'prefix'; prefix: string };

export type ParsedCallerPattern = { ok: true; pattern: CallerPattern } | { ok: false; problem: string };

/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
const MAX_DIGITS = 15;
// Shorter than any country's subscriber numbers; lets Twilio's 7-digit withheld-ID stand-ins through.
const MIN_DIGITS = 7;
const PLAUSIBLE_E164 = new RegExp(`^\\+[1-9][0-9]{${MIN_DIGITS - 1},${MAX_DIGITS - 1}}$`);

const EXAMPLES = 'like +14155550100, or a prefix like +1900*';

/**
 * Checks one screening pattern from the routing file: an E.164 number (`+14155550100`, matched
 * exactly) or a prefix ending in `*` (`+1900*`). Accepts any string; surrounding spaces are ignored.
 */
export function parseCallerPattern(raw: string): ParsedCallerPattern {
  const text = raw.trim();
  const problem = patternProblem(text);
  if (problem !== undefined) return { ok: false, problem };
  return text.endsWith('*')
    ? { ok: true, pattern: { kind: 'prefix', prefix: text.slice(0, -1) } }
    : { ok: true, pattern: { kind: 'number', number: text } };
}

function patternProblem(text: string): string | undefined {
  const quoted = JSON.stringify(text);
  if (text === '') return `the pattern is empty; write an E.164 number ${EXAMPLES}`;
  if (/[a-z]/i.test(text)) return `${quoted} has letters; write the number in digits, ${EXAMPLES}`;
  if (!text.startsWith('+')) return `${quoted} does not start with + and a country code; write it ${EXAMPLES}`;
  const star = text.indexOf('*');
  if (star !== -1 && star !== text.length - 1) return `${quoted} has a * that is not at the end; write it ${EXAMPLES}`;
  const digits = text.slice(1, star === -1 ? undefined : -1);
  if (!/^[0-9]*$/.test(digits)) {
    return `${quoted} has characters other than digits after the +; write it without spaces or punctuation, ${EXAMPLES}`;
  }
  if (digits.length > MAX_DIGITS)
    return `${quoted} is too long: ${digits.length} digits, where E.164 allows ${MAX_DIGITS}`;
  if (digits === '') return `${quoted} would match every caller; give at least a country code, like +1*`;
  if (digits.startsWith('0')) return `${quoted} starts with 0, and no country code does`;
  if (star === -1 && digits.length < MIN_DIGITS) {
    return `${quoted} is too short for a phone number; end it with * to match every number that starts so`;
  }
  return undefined;
}

/**
 * Whether a caller's number (Twilio's `From`) matches one screening pattern as parseCallerPattern
 * reads it. Accepts any strings; a pattern parseCallerPattern rejects matches no caller.
 */
export function matchesCallerPattern(caller: string, pattern: string): boolean {
  const parsed = parseCallerPattern(pattern);
  if (!parsed.ok) return false;
  const number = caller.trim();
  if (parsed.pattern.kind === 'number') return number === parsed.pattern.number;
  return number.startsWith(parsed.pattern.prefix) && /^\+[0-9]+$/.test(number);
}

const KEYPAD = ['', '', 'abc', 'def', 'ghi', 'jkl', 'mno', 'pqrs', 'tuv', 'wxyz'];

function spelledOnKeypad(word: string): string {
  return [...word].map((letter) => KEYPAD.findIndex((letters) => letters.includes(letter))).join('');
}

// Carriers mark a withheld caller ID with a word, and Twilio has delivered that word spelled on
// a phone keypad as the From number (ANONYMOUS → +266696687). Newer calls may carry the word itself.
const WITHHELD_WORDS = ['anonymous', 'restricted', 'unknown', 'private', 'unavailable', 'blocked'];
const WITHHELD_NUMBERS = new Set(WITHHELD_WORDS.map((word) => `+${spelledOnKeypad(word)}`));

/**
 * Whether Twilio's `From` says nothing usable about who is calling: missing or empty, a withheld
 * caller ID in words (`Anonymous`, `restricted`, …) or spelled on a keypad (`+266696687`), or
 * anything else that is not a plausible E.164 number (a SIP or client address included).
 */
export function isAnonymousCaller(from: string | undefined): boolean {
  const text = from?.trim() ?? '';
  return !PLAUSIBLE_E164.test(text) || WITHHELD_NUMBERS.has(text);
}
