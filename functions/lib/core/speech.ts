const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Maps what a caller said to a 1-based option: a spoken number ("two", "2") or every word of
 * exactly one option's label. Ambiguity means no match, so the caller is asked again.
 */
export function matchSpokenChoice(speech: string, labels: string[]): number | undefined {
  const heard = words(speech);
  const matching = labels
    .map((label, i) => ({ i, labelWords: words(label) }))
    .filter(({ labelWords }) => labelWords.length > 0 && labelWords.every((w) => heard.includes(w)));
  // "Database Replicas" also contains every word of "Database": the longer name is the one meant.
  const byLabel = matching
    .filter(
      (a) =>
        !matching.some(
          (b) => b.labelWords.length > a.labelWords.length && a.labelWords.every((w) => b.labelWords.includes(w)),
        ),
    )
    .map(({ i }) => i + 1);
  if (byLabel.length === 1) return byLabel[0];
  if (byLabel.length > 1) return undefined;
  const byNumber = heard
    .map((w) => (NUMBER_WORDS.includes(w) ? NUMBER_WORDS.indexOf(w) + 1 : /^[1-9]$/.test(w) ? Number(w) : 0))
    .filter((n) => n >= 1 && n <= labels.length);
  return byNumber.length === 1 ? byNumber[0] : undefined;
}
