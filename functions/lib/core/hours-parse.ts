import { isCalendarDate, isKnownTimeZone } from './local-time';

/** A team's opening hours as the routing file writes them. */
export interface RawOpeningHours {
  /** IANA time zone the hours are read in, e.g. "America/New_York". */
  timezone: string;
  /** Day (`mon`) or range of days (`mon-fri`, `fri-mon`) → `HH:MM-HH:MM`, comma-separated windows. */
  open: Record<string, string>;
  /** Local calendar dates (`YYYY-MM-DD`) closed all day. */
  closed?: string[];
}

/** One open stretch of the week, in minutes from Monday 00:00 local time: [start, end). */
export interface OpenStretch {
  start: number;
  end: number;
}

/** Opening hours checked and compiled, ready for isOpenAt and nextChange. */
export interface OpeningHours {
  /**
   * The zone as the operator wrote it, trimmed. Not Intl's canonical name: ICU versions disagree
   * on it (Node 20 turns "Asia/Kolkata" into "Asia/Calcutta"), and the operator knows their spelling.
   */
  timezone: string;
  /** Sorted; neither overlapping nor touching (touching stretches are merged). */
  weekly: readonly OpenStretch[];
  /** Local dates, `YYYY-MM-DD`, closed from 00:00 to 24:00. */
  closed: ReadonlySet<string>;
}

/** What is wrong with one part of the hours, `path` being relative to the hours object. */
export interface HoursProblem {
  /** `timezone`, `open`, `open["mon-fri"]`, `closed`, `closed[1]`. */
  path: string;
  message: string;
}

export type ParsedOpeningHours = { ok: true; hours: OpeningHours } | { ok: false; problems: HoursProblem[] };

export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

// These resolve to zones without daylight saving, while whoever writes them nearly always
// means the zone that has it ("EST" for New York): hours would be an hour off for months.
const FIXED_OFFSET_ABBREVIATIONS = new Set(['EST', 'MST', 'HST']);

/**
 * Checks and compiles a team's `hours` from the routing file. Accepts `{ timezone, open, closed? }`
 * as documented on RawOpeningHours; returns the compiled hours, or every problem found, each
 * with its path inside the hours object.
 */
export function parseOpeningHours(raw: RawOpeningHours): ParsedOpeningHours {
  const problems: HoursProblem[] = [];
  const timezone = parseTimeZone(raw.timezone, problems);
  const weekly = parseOpen(raw.open, problems);
  const closed = parseClosed(raw.closed, problems);
  if (problems.length > 0 || timezone === undefined) return { ok: false, problems };
  return { ok: true, hours: { timezone, weekly, closed } };
}

function parseTimeZone(raw: unknown, problems: HoursProblem[]): string | undefined {
  const example = 'like "America/New_York" or "Europe/London"';
  if (typeof raw !== 'string') {
    problems.push({ path: 'timezone', message: `not an IANA time zone name, ${example}` });
    return undefined;
  }
  // Node 22's ICU (Twilio's runtime) takes "+05:30" as a zone where Node 20's refuses it; both
  // must refuse it alike, for the same reason as the abbreviations.
  if (FIXED_OFFSET_ABBREVIATIONS.has(raw.trim().toUpperCase()) || /^[+\-\u2212]\d/.test(raw.trim())) {
    problems.push({
      path: 'timezone',
      message: `"${raw}" is a fixed offset with no daylight saving; write the zone of a place, ${example}`,
    });
    return undefined;
  }
  if (!isKnownTimeZone(raw.trim())) {
    problems.push({ path: 'timezone', message: `"${raw}" is not an IANA time zone, ${example}` });
    return undefined;
  }
  return raw.trim();
}

function parseOpen(raw: unknown, problems: HoursProblem[]): OpenStretch[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ path: 'open', message: 'not an object of days to hours, like { "mon-fri": "08:00-18:00" }' });
    return [];
  }
  const stretches: OpenStretch[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const path = `open[${JSON.stringify(key)}]`;
    const days = parseDays(key);
    const windows = parseWindows(value);
    for (const message of [...(typeof days === 'string' ? [days] : []), ...windows.problems]) {
      problems.push({ path, message });
    }
    if (typeof days === 'string') continue;
    for (const day of days) {
      for (const window of windows.windows) stretches.push(...weekStretches(day, window));
    }
  }
  return mergeStretches(stretches);
}

/** The days a key names, Monday = 0, or a message saying why it names none. */
function parseDays(key: string): number[] | string {
  const parts = key.split('-').map((part) => part.trim().toLowerCase());
  if (parts.length > 2 || parts.some((part) => part === '')) {
    return `"${key}" is neither a day (mon … sun) nor a range of days like "mon-fri"`;
  }
  const unknown = parts.find((part) => !(DAY_NAMES as readonly string[]).includes(part));
  if (unknown !== undefined) return `unknown day "${unknown}"; the days are ${DAY_NAMES.join(', ')}`;
  const [first, last] = parts.map((part) => (DAY_NAMES as readonly string[]).indexOf(part));
  if (last === undefined) return [first];
  if (first === last) {
    return `"${key}" runs from a day to itself; write "${parts[0]}" for that day alone, or "mon-sun" for every day`;
  }
  const days: number[] = [];
  // A range may wrap the week: fri-mon is Friday, Saturday, Sunday, Monday.
  for (let day = first; ; day = (day + 1) % 7) {
    days.push(day);
    if (day === last) return days;
  }
}

interface Window {
  /** Minutes from local midnight. */
  start: number;
  /** Minutes from local midnight, up to 1440; at or before start means the next day. */
  end: number;
}

function parseWindows(value: unknown): { windows: Window[]; problems: string[] } {
  if (typeof value !== 'string') {
    return { windows: [], problems: ['not a string of HH:MM-HH:MM windows, like "08:00-18:00"'] };
  }
  if (value.trim() === '') {
    return { windows: [], problems: ['no window given; write HH:MM-HH:MM, or leave the day out to stay closed'] };
  }
  const windows: Window[] = [];
  const problems: string[] = [];
  for (const piece of value.split(',').map((p) => p.trim())) {
    const window = parseWindow(piece);
    if (typeof window === 'string') problems.push(window);
    else windows.push(window);
  }
  return { windows, problems };
}

function parseWindow(text: string): Window | string {
  if (text === '') return 'an empty window between two commas, or a comma at the end';
  const match = /^(\d{2}):(\d{2})\s*-\s*(\d{2}):(\d{2})$/.exec(text);
  const start = match ? clockMinutes(match[1], match[2]) : undefined;
  const end = match ? clockMinutes(match[3], match[4]) : undefined;
  if (start === undefined || end === undefined) return `"${text}" is not HH:MM-HH:MM (from 00:00 to 24:00)`;
  if (start === MINUTES_PER_DAY) return `"${text}" starts at 24:00; start the window at 00:00 of the next day`;
  if (start === end) return `"${text}" closes the moment it opens; write 00:00-24:00 for the whole day`;
  return { start, end };
}

function clockMinutes(hours: string, minutes: string): number | undefined {
  const [h, m] = [Number(hours), Number(minutes)];
  if (h === 24 && m === 0) return MINUTES_PER_DAY;
  return h <= 23 && m <= 59 ? h * 60 + m : undefined;
}

/** One window on one day as stretches of the week; a window running past Sunday midnight wraps to Monday. */
function weekStretches(day: number, window: Window): OpenStretch[] {
  const start = day * MINUTES_PER_DAY + window.start;
  const end = day * MINUTES_PER_DAY + window.end + (window.end <= window.start ? MINUTES_PER_DAY : 0);
  if (end <= MINUTES_PER_WEEK) return [{ start, end }];
  return [
    { start, end: MINUTES_PER_WEEK },
    { start: 0, end: end - MINUTES_PER_WEEK },
  ];
}

function mergeStretches(stretches: OpenStretch[]): OpenStretch[] {
  const merged: OpenStretch[] = [];
  for (const stretch of [...stretches].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && stretch.start <= last.end) last.end = Math.max(last.end, stretch.end);
    else merged.push({ ...stretch });
  }
  return merged;
}

function parseClosed(raw: unknown, problems: HoursProblem[]): Set<string> {
  const closed = new Set<string>();
  if (raw === undefined) return closed;
  if (!Array.isArray(raw)) {
    problems.push({ path: 'closed', message: 'not a list of dates, like ["2026-12-25"]' });
    return closed;
  }
  raw.forEach((date: unknown, i) => {
    if (typeof date === 'string' && isCalendarDate(date.trim())) closed.add(date.trim());
    else
      problems.push({ path: `closed[${i}]`, message: `${JSON.stringify(date)} is not a date YYYY-MM-DD that exists` });
  });
  return closed;
}
