/** A wall-clock reading of one instant in one time zone. */
export interface LocalTime {
  /** The local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Milliseconds since local midnight, as the clock on the wall shows them. */
  msOfDay: number;
  /** How far the wall clock is ahead of UTC at this instant, in milliseconds. */
  offsetMs: number;
}

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

// Creating a DateTimeFormat costs far more than formatting with one, and a call routes
// through the same few zones over and over. The cache only grows with valid zone names.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23: some ICU versions print midnight as "24" with hour12: false.
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows `timeZone` as a zone name (IANA names and their aliases, any case). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds since 1970 of midnight UTC starting a proleptic Gregorian date; any year, unlike Date.UTC. */
function utcMsOf(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

/** Whether `text` is a `YYYY-MM-DD` date that exists on the calendar (no 30 February). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(utcMsOf(year, month, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The local date, weekday and time of `instant` in `timeZone` (an IANA name Intl accepts). */
export function localTimeAt(timeZone: string, instant: Date): LocalTime {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Local time in ${timeZone}: the instant is an invalid Date`);
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' ? 1 - yearOfEra : yearOfEra;
  const [month, day] = [Number(fields.month), Number(fields.day)];
  // Intl drops the milliseconds; they are the same on the wall as in UTC.
  const msOfDay =
    ((Number(fields.hour) * 60 + Number(fields.minute)) * 60 + Number(fields.second)) * 1000 + mod(ms, 1000);
  const localMidnight = utcMsOf(year, month, day);
  const paddedYear = String(year).padStart(4, '0');
  return {
    date: `${paddedYear}-${pad2(month)}-${pad2(day)}`,
    weekday: (new Date(localMidnight).getUTCDay() + 6) % 7,
    msOfDay,
    offsetMs: localMidnight + msOfDay - ms,
  };
}

/** Two digits for a clock or calendar field: 7 → "07". */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
