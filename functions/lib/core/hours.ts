import { MINUTES_PER_DAY, MINUTES_PER_WEEK, type OpeningHours } from './hours-parse';
import { localTimeAt, MS_PER_DAY, MS_PER_MINUTE, type LocalTime } from './local-time';

export {
  parseOpeningHours,
  DAY_NAMES,
  type RawOpeningHours,
  type OpeningHours,
  type OpenStretch,
  type HoursProblem,
  type ParsedOpeningHours,
} from './hours-parse';

/** How far ahead nextChange looks: past a full week, so a weekly schedule always shows its next change. */
export const NEXT_CHANGE_HORIZON_MS = 8 * MS_PER_DAY;

const MS_PER_WEEK = MINUTES_PER_WEEK * MS_PER_MINUTE;

/** Whether the hours are open at `instant`, read on the team's local wall clock. */
export function isOpenAt(hours: OpeningHours, instant: Date): boolean {
  return isOpenLocally(hours, localTimeAt(hours.timezone, instant));
}

/** True when compiled hours have no open window at all (an empty `open`). */
export function isNeverOpen(hours: OpeningHours): boolean {
  return hours.weekly.length === 0;
}

/** True when compiled hours are open all week and close on no date. */
export function isAlwaysOpen(hours: OpeningHours): boolean {
  const [only] = hours.weekly;
  return hours.weekly.length === 1 && only.start === 0 && only.end === MINUTES_PER_WEEK && hours.closed.size === 0;
}

/**
 * The first instant after `instant` at which isOpenAt gives the other answer, looking at most
 * NEXT_CHANGE_HORIZON_MS ahead; undefined when nothing changes in that time (always or never open,
 * or a long closure).
 */
export function nextChange(hours: OpeningHours, instant: Date): Date | undefined {
  if (isNeverOpen(hours) || isAlwaysOpen(hours)) return undefined;
  const boundaries = boundaryMinutes(hours);
  const limit = instant.getTime() + NEXT_CHANGE_HORIZON_MS;
  let at = instant.getTime();
  let local = localTimeAt(hours.timezone, instant);
  const openNow = isOpenLocally(hours, local);
  while (at < limit) {
    // Until the wall clock reaches the next boundary the answer cannot change, unless the
    // clock itself jumps (daylight saving) before then: that jump is then the next instant to check.
    const msOfWeek = local.weekday * MS_PER_DAY + local.msOfDay;
    let next = at + nextBoundaryMs(boundaries, msOfWeek) - msOfWeek;
    let nextLocal = localTimeAt(hours.timezone, new Date(next));
    if (nextLocal.offsetMs !== local.offsetMs) {
      next = firstInstantOffsetDiffers(hours.timezone, at, next, local.offsetMs);
      nextLocal = localTimeAt(hours.timezone, new Date(next));
    }
    if (next > limit) return undefined;
    if (isOpenLocally(hours, nextLocal) !== openNow) return new Date(next);
    at = next;
    local = nextLocal;
  }
  return undefined;
}

function isOpenLocally(hours: OpeningHours, local: LocalTime): boolean {
  if (hours.closed.has(local.date)) return false;
  const minute = local.weekday * MINUTES_PER_DAY + Math.floor(local.msOfDay / MS_PER_MINUTE);
  return hours.weekly.some((stretch) => stretch.start <= minute && minute < stretch.end);
}

/** Minutes of the week at which the answer may change: window edges, and midnights when dates close. */
function boundaryMinutes(hours: OpeningHours): number[] {
  const minutes = new Set<number>();
  for (const stretch of hours.weekly) {
    minutes.add(stretch.start);
    minutes.add(stretch.end % MINUTES_PER_WEEK);
  }
  if (hours.closed.size > 0) for (let day = 0; day < 7; day++) minutes.add(day * MINUTES_PER_DAY);
  return [...minutes].sort((a, b) => a - b);
}

/** The first boundary strictly after `msOfWeek`, in milliseconds from this week's Monday 00:00. */
function nextBoundaryMs(boundaries: number[], msOfWeek: number): number {
  const later = boundaries.find((minute) => minute * MS_PER_MINUTE > msOfWeek);
  return later !== undefined ? later * MS_PER_MINUTE : boundaries[0] * MS_PER_MINUTE + MS_PER_WEEK;
}

/** Bisects (after, before] for the first millisecond whose UTC offset is not `offsetMs`. */
function firstInstantOffsetDiffers(timeZone: string, after: number, before: number, offsetMs: number): number {
  let [low, high] = [after, before];
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localTimeAt(timeZone, new Date(middle)).offsetMs === offsetMs) low = middle;
    else high = middle;
  }
  return high;
}
