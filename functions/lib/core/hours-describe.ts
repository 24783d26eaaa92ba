import { isAlwaysOpen, isNeverOpen, isOpenAt, nextChange, type OpeningHours } from './hours';
import { localTimeAt, MS_PER_DAY, MS_PER_MINUTE, pad2 } from './local-time';

const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * One line for a doctor or a log, saying whether the hours are open at `instant` and when that
 * changes, on the team's clock: "open now, closes Tue 18:00 (America/New_York)".
 */
export function describeOpeningState(hours: OpeningHours, instant: Date): string {
  const zone = `(${hours.timezone})`;
  if (isNeverOpen(hours)) return `closed now, never opens ${zone}`;
  if (isAlwaysOpen(hours)) return `open now, always open ${zone}`;
  const open = isOpenAt(hours, instant);
  const state = open ? 'open now' : 'closed now';
  const change = nextChange(hours, instant);
  if (change === undefined) return `${state}, ${open ? 'no closing' : 'no opening'} in the next 8 days ${zone}`;
  return `${state}, ${open ? 'closes' : 'opens'} ${wallClockLabel(hours.timezone, instant, change)} ${zone}`;
}

/** "Tue 18:00"; with the date as well when the weekday alone could be read as this week's. */
function wallClockLabel(timeZone: string, now: Date, at: Date): string {
  const local = localTimeAt(timeZone, at);
  const minutes = Math.floor(local.msOfDay / MS_PER_MINUTE);
  const time = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
  const farAhead = at.getTime() - now.getTime() >= 6 * MS_PER_DAY;
  return `${WEEKDAY_LABELS[local.weekday]} ${farAhead ? `${local.date} ` : ''}${time}`;
}
