// The word-level rules for reading speech-recogniser output: splitting, filler words, number
// words, word endings and one-letter slips.

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** Words callers wrap a team name in; they never tell teams apart. */
export const FILLER_WORDS = new Set([
  ...['a', 'an', 'the', 'and', 'or', 'of', 'for', 'to', 'with', 'about', 'this', 'that', 'is', 'its'],
  ...['i', 'im', 'id', 'ive', 'me', 'my', 'we', 'you', 'can', 'could', 'would', 'please', 'thanks', 'thank'],
  ...['need', 'want', 'wanna', 'like', 'get', 'talk', 'speak', 'reach', 'connect', 'put', 'through', 'just', 'so'],
  ...['um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'ah', 'oh', 'hmm', 'okay', 'ok', 'yes', 'yeah', 'hi', 'hello'],
  ...['hey', 'team', 'teams', 'group', 'department', 'someone', 'somebody', 'number', 'option', 'press'],
]);

/**
 * Lower-case words of what was said or written: accents dropped, apostrophes and dots closed up
 * ("don't" → "dont", "I.T." → "it"), number words as digits ("two" → "2"), ordinals kept as words.
 */
export function spokenWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => (NUMBER_WORDS.includes(word) ? String(NUMBER_WORDS.indexOf(word) + 1) : word));
}

/** 1 … 9 for "first" … "ninth" and "1st" … "9th", else undefined. */
export function ordinalValue(word: string): number | undefined {
  const index = ORDINAL_WORDS.indexOf(word);
  if (index !== -1) return index + 1;
  return /^[1-9](st|nd|rd|th)$/.test(word) ? Number(word[0]) : undefined;
}

/**
 * The word without a plural or -ing ending or a final e, so "networks", "networking" and
 * "network" agree, as do "messages", "messaging" and "message". Only ever compared with another stem.
 */
export function stem(word: string): string {
  let base = word;
  const withoutIng = base.slice(0, -3);
  if (base.endsWith('ing') && withoutIng.length >= 3 && /[aeiouy]/.test(withoutIng)) base = withoutIng;
  else if (base.length >= 4 && base.endsWith('s') && !base.endsWith('ss')) base = base.slice(0, -1);
  if (base.length >= 4 && base.endsWith('e')) base = base.slice(0, -1);
  return base;
}

/** Whether one letter inserted, dropped, changed, or two neighbours swapped turns `a` into `b`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  if (a.length === b.length) {
    const changed = a.slice(same + 1) === b.slice(same + 1);
    const swapped = a[same] === b[same + 1] && a[same + 1] === b[same] && a.slice(same + 2) === b.slice(same + 2);
    return changed || swapped;
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(same + 1) === shorter.slice(same);
}
