import { FILLER_WORDS, ordinalValue, spokenWords, stem, withinOneEdit } from './speech-words';

/** How loosely a label matched, strictest first: same words, same stems, or one slip in a long word. */
type Looseness = 0 | 1 | 2;
const LOOSENESSES: Looseness[] = [0, 1, 2];
/** Shortest label word that may match with a slip: shorter words have too many neighbours. */
const MIN_LETTERS_FOR_A_SLIP = 5;
/** Heard words joined to match one label word: "data base" for "database". */
const MAX_JOINED_WORDS = 3;

/** Heard words, joined, with the positions they came from. */
interface HeardUnit {
  text: string;
  positions: number[];
}

interface LabelMatch {
  option: number;
  looseness: Looseness;
  /** Positions of the heard words the label was read from. */
  positions: Set<number>;
}

/**
 * Maps what a caller said (a speech recogniser's text) to a 1-based option among `labels`.
 * A label matches when all its words were heard, in any order, ignoring filler words ("the",
 * "team", "please", "um"…), words run together or apart ("data base", "oncall"), plural and -ing
 * endings, and one slip in a word of 5+ letters. A longer label wins over one it contains; two
 * labels heard in different words, or equally well in the same words, mean no match, so the
 * caller is asked again. With no label heard, a spoken number picks the option ("two", "2",
 * "number two", "the second one").
 */
export function matchSpokenChoice(speech: string, labels: string[]): number | undefined {
  const heard = spokenWords(speech);
  const matches = labels.flatMap((label, i) => {
    const match = matchLabel(label, heard);
    return match ? [{ ...match, option: i + 1 }] : [];
  });
  if (matches.length === 0) return spokenNumber(heard, labels.length);
  return chooseMatch(matches);
}

function matchLabel(label: string, heard: string[]): Omit<LabelMatch, 'option'> | undefined {
  const allWords = spokenWords(label);
  const words = allWords.filter((word) => !FILLER_WORDS.has(word));
  // A label made only of filler words ("A Team") is matched on all of them, against all that was heard.
  const [labelWords, heardPositions] =
    words.length > 0
      ? [words, heard.flatMap((word, i) => (FILLER_WORDS.has(word) ? [] : [i]))]
      : [allWords, heard.map((_, i) => i)];
  if (labelWords.length === 0) return undefined;
  const units = heardUnits(heard, heardPositions);
  for (const looseness of LOOSENESSES) {
    const positions = coverLabel(labelWords, units, looseness);
    if (positions) return { looseness, positions };
  }
  return undefined;
}

/** Every run of up to MAX_JOINED_WORDS consecutive heard words (fillers skipped), joined. */
function heardUnits(heard: string[], positions: number[]): HeardUnit[] {
  const units: HeardUnit[] = [];
  for (let start = 0; start < positions.length; start++) {
    for (let end = start + 1; end <= Math.min(start + MAX_JOINED_WORDS, positions.length); end++) {
      const run = positions.slice(start, end);
      units.push({ text: run.map((i) => heard[i]).join(''), positions: run });
    }
  }
  return units;
}

/**
 * The heard positions that account for every label word, or undefined. Label words may be
 * joined too ("on call" heard as "oncall"), so this splits the label into consecutive groups,
 * each matching one heard unit.
 */
function coverLabel(labelWords: string[], units: HeardUnit[], looseness: Looseness): Set<number> | undefined {
  const coveredUpTo: Array<Set<number> | undefined> = [new Set()];
  for (let end = 1; end <= labelWords.length; end++) {
    for (let start = 0; start < end && !coveredUpTo[end]; start++) {
      const before = coveredUpTo[start];
      if (!before) continue;
      const group = labelWords.slice(start, end).join('');
      // A slip is one letter of one word: joined label words ("support" + "us") get none.
      const groupLooseness: Looseness = end - start > 1 && looseness === 2 ? 1 : looseness;
      const unit = units.find((candidate) => sameWord(candidate.text, group, groupLooseness));
      if (unit) coveredUpTo[end] = new Set([...before, ...unit.positions]);
    }
  }
  return coveredUpTo[labelWords.length];
}

function sameWord(heard: string, label: string, looseness: Looseness): boolean {
  if (heard === label) return true;
  if (looseness === 0) return false;
  const [heardStem, labelStem] = [stem(heard), stem(label)];
  if (heardStem === labelStem) return true;
  if (looseness === 1 || label.length < MIN_LETTERS_FOR_A_SLIP) return false;
  return withinOneEdit(heard, label) || withinOneEdit(heardStem, labelStem);
}

function chooseMatch(matches: LabelMatch[]): number | undefined {
  // "Database Replicas" also contains "Database": when its heard words include all of the
  // shorter one's, the longer name is the one meant.
  const outermost = matches.filter(
    (inner) =>
      !matches.some(
        (outer) => outer.positions.size > inner.positions.size && isSubset(inner.positions, outer.positions),
      ),
  );
  const best = Math.min(...outermost.map((match) => match.looseness));
  const bestMatches = outermost.filter((match) => match.looseness === best);
  if (bestMatches.length !== 1) return undefined;
  const [chosen] = bestMatches;
  // A looser reading of the same words ("search" for Starch) yields to the closer one, but a
  // label heard in other words means the caller named two teams.
  const namedAnother = outermost.some((match) => match !== chosen && !overlaps(match.positions, chosen.positions));
  return namedAnother ? undefined : chosen.option;
}

/** "two", "2", "number two", "the second one": the option a caller named by number, when only one. */
function spokenNumber(heard: string[], optionCount: number): number | undefined {
  const named = new Set<number>();
  heard.forEach((word, i) => {
    const ordinal = ordinalValue(word);
    if (ordinal !== undefined) named.add(ordinal);
    // "one" right after an ordinal is a pronoun: "the second one".
    else if (/^[1-9]$/.test(word) && !(word === '1' && i > 0 && ordinalValue(heard[i - 1]) !== undefined)) {
      named.add(Number(word));
    }
  });
  const inRange = [...named].filter((n) => n <= optionCount);
  return inRange.length === 1 ? inRange[0] : undefined;
}

function isSubset(inner: Set<number>, outer: Set<number>): boolean {
  return [...inner].every((position) => outer.has(position));
}

function overlaps(a: Set<number>, b: Set<number>): boolean {
  return [...a].some((position) => b.has(position));
}
