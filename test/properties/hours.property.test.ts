// Property tests of opening hours against a slow, literal reading of the routing file: random
// schedules in zones with daylight saving (both hemispheres, 30-minute DST on Lord Howe),
// odd offsets (+05:45, +12:45, -03:30), around DST changes and closed dates.
import fc from 'fast-check';
import { isOpenAt, nextChange, parseOpeningHours, type RawOpeningHours } from '../../functions/lib/core/hours';

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Pacific/Chatham',
  'America/St_Johns',
  'America/Santiago',
  'UTC',
];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Where zones above change their clocks in 2026, to cluster tests around those instants. */
const CLOCK_CHANGES: Array<[zone: string, iso: string]> = [
  ['America/New_York', '2026-03-08T07:00:00Z'],
  ['America/New_York', '2026-11-01T06:00:00Z'],
  ['Europe/London', '2026-03-29T01:00:00Z'],
  ['Europe/London', '2026-10-25T01:00:00Z'],
  ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'],
  ['Australia/Lord_Howe', '2026-10-03T15:30:00Z'],
  ['Pacific/Chatham', '2026-04-04T14:00:00Z'],
  ['Pacific/Chatham', '2026-09-26T14:00:00Z'],
];
const TRANSITIONS = CLOCK_CHANGES.map(([, iso]) => Date.parse(iso));

// ---- The slow reference: reads the raw file literally, for one instant at a time. ----

const referenceFormatters = new Map<string, Intl.DateTimeFormat>();

function referenceLocal(timeZone: string, at: number): { date: string; day: number; minute: number } {
  let formatter = referenceFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    referenceFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: DAYS.indexOf(parts.weekday.toLowerCase()),
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

function referenceDays(key: string): number[] {
  const [first, last = first] = key.split('-').map((d) => DAYS.indexOf(d));
  const days = [first];
  while (days[days.length - 1] !== last) days.push((days[days.length - 1] + 1) % 7);
  return days;
}

function referenceIsOpen(raw: RawOpeningHours, at: number): boolean {
  const local = referenceLocal(raw.timezone, at);
  if (raw.closed?.includes(local.date)) return false;
  return Object.entries(raw.open).some(([key, value]) =>
    referenceDays(key).some((day) =>
      value.split(',').some((window) => {
        const [start, end] = window
          .trim()
          .split('-')
          .map((hhmm) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));
        if (end > start) return local.day === day && local.minute >= start && local.minute < end;
        const onTheDay = local.day === day && local.minute >= start;
        const intoTheNext = local.day === (day + 1) % 7 && local.minute < end;
        return onTheDay || intoTheNext;
      }),
    ),
  );
}

// ---- Generators ----

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const clockMinute = fc.oneof(
  fc.integer({ min: 0, max: 23 }).chain((h) => fc.constantFrom(0, 30, 45, 59).map((m) => h * 60 + m)),
  fc.integer({ min: 0, max: 1439 }),
  // Where clocks jump: 01:00 to 03:00 local in every zone above.
  fc.integer({ min: 60, max: 180 }),
);

const windowArbitrary = fc
  .tuple(clockMinute, fc.oneof(clockMinute, fc.constant(1440)))
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => `${hhmm(start)}-${hhmm(end)}`);

const keyArbitrary = fc.oneof(
  fc.constantFrom(...DAYS),
  fc
    .tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS))
    .filter(([a, b]) => a !== b)
    .map(([a, b]) => `${a}-${b}`),
);

const instantArbitrary = fc.oneof(
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -3 * DAY, max: 3 * DAY })).map(([t, d]) => t + d),
  fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
);

const caseArbitrary = fc
  .record({
    timezone: fc.constantFrom(...ZONES),
    entries: fc.array(fc.tuple(keyArbitrary, fc.array(windowArbitrary, { minLength: 1, maxLength: 3 })), {
      maxLength: 4,
    }),
    instant: instantArbitrary,
    closedOffsets: fc.array(fc.integer({ min: -1, max: 9 }), { maxLength: 3 }),
  })
  .map(({ timezone, entries, instant, closedOffsets }) => {
    const raw: RawOpeningHours = {
      timezone,
      open: Object.fromEntries(entries.map(([key, windows]) => [key, windows.join(', ')])),
      closed: closedOffsets.map((days) => new Date(instant + days * DAY).toISOString().slice(0, 10)),
    };
    return { raw, instant };
  });

/** Every day open in the small hours, in a zone whose clock jumps within the next 12 hours. */
const clockChangeArbitrary = fc
  .record({
    change: fc.constantFrom(...CLOCK_CHANGES),
    windows: fc.array(
      fc
        .tuple(fc.integer({ min: 0, max: 240 }), fc.integer({ min: 0, max: 240 }))
        .filter(([start, end]) => start !== end)
        .map(([start, end]) => `${hhmm(start)}-${hhmm(end)}`),
      { minLength: 1, maxLength: 2 },
    ),
    before: fc.integer({ min: 1, max: 12 * 60 * MINUTE }),
  })
  .map(({ change: [timezone, iso], windows, before }) => ({
    raw: { timezone, open: { 'mon-sun': windows.join(', ') } },
    instant: Date.parse(iso) - before,
  }));

function compile(raw: RawOpeningHours) {
  const parsed = parseOpeningHours(raw);
  if (!parsed.ok) throw new Error(`generated hours rejected: ${JSON.stringify(parsed.problems)}`);
  return parsed.hours;
}

describe('opening hours properties', () => {
  it('isOpenAt agrees with the literal reading of the file, every 7 minutes for 3 hours around the instant', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ raw, instant }) => {
        const hours = compile(raw);
        for (let at = instant - 90 * MINUTE; at <= instant + 90 * MINUTE; at += 7 * MINUTE) {
          if (isOpenAt(hours, new Date(at)) !== referenceIsOpen(raw, at)) {
            throw new Error(`disagree at ${new Date(at).toISOString()}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('nextChange is the first minute within 8 days at which isOpenAt flips', () => {
    fc.assert(
      fc.property(fc.oneof(caseArbitrary, clockChangeArbitrary), ({ raw, instant }) => {
        const hours = compile(raw);
        const openNow = isOpenAt(hours, new Date(instant));
        let expected: number | undefined;
        const firstMinute = Math.floor(instant / MINUTE) * MINUTE + MINUTE;
        for (let at = firstMinute; at <= instant + 8 * DAY; at += MINUTE) {
          if (isOpenAt(hours, new Date(at)) !== openNow) {
            expected = at;
            break;
          }
        }
        expect(nextChange(hours, new Date(instant))?.getTime()).toBe(expected);
      }),
      { numRuns: 50 },
    );
  });
});
