// Rough durations for simulated time: enough to tell a 3-second whisper from a
// 30-second one, not a model of text-to-speech.

const WORDS_PER_SECOND = 2.5;

export function speechSeconds(text: string): number {
  const words = text.split(/\s+/).filter((word) => word !== '').length;
  return Math.max(1, Math.ceil(words / WORDS_PER_SECOND));
}

/** Parses a numeric TwiML attribute, falling back when absent or malformed. */
export function numberAttribute(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : fallback;
}
