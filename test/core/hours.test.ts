import {
  isOpenAt,
  nextChange,
  parseOpeningHours,
  type OpeningHours,
  type RawOpeningHours,
} from '../../functions/lib/core/hours';
import { describeOpeningState } from '../../functions/lib/core/hours-describe';

function hoursOf(raw: RawOpeningHours): OpeningHours {
  const parsed = parseOpeningHours(raw);
  if (!parsed.ok) throw new Error(`unexpected problems: ${JSON.stringify(parsed.problems)}`);
  return parsed.hours;
}

/** Instants are written in UTC; the comment beside each gives the team's wall clock. */
const utc = (iso: string): Date => new Date(iso);

function expectOpen(hours: OpeningHours, cases: Array<[string, boolean]>): void {
  for (const [iso, open] of cases) {
    expect({ at: iso, open: isOpenAt(hours, utc(iso)) }).toEqual({ at: iso, open });
  }
}

function expectNextChange(hours: OpeningHours, from: string, to: string | undefined): void {
  expect(nextChange(hours, utc(from))?.toISOString()).toBe(to && utc(to).toISOString());
}

const NEW_YORK_OFFICE = hoursOf({
  timezone: 'America/New_York',
  open: { 'mon-fri': '08:00-18:00', sat: '10:00-14:00' },
  closed: ['2026-12-25'],
});

describe('isOpenAt on the local wall clock', () => {
  it('reads New York hours at UTC-5 in winter and UTC-4 in summer', () => {
    expectOpen(NEW_YORK_OFFICE, [
      ['2026-03-06T12:59:00Z', false], // Fri 07:59 EST
      ['2026-03-06T13:00:00Z', true], // Fri 08:00 EST
      ['2026-03-06T22:59:00Z', true], // Fri 17:59 EST
      ['2026-03-06T23:00:00Z', false], // Fri 18:00 EST
      ['2026-03-09T11:59:00Z', false], // Mon 07:59 EDT
      ['2026-03-09T12:00:00Z', true], // Mon 08:00 EDT
      ['2026-03-09T21:59:59Z', true], // Mon 17:59:59 EDT
      ['2026-03-09T22:00:00Z', false], // Mon 18:00 EDT
      ['2026-03-07T15:00:00Z', true], // Sat 10:00 EST
      ['2026-03-07T19:00:00Z', false], // Sat 14:00 EST
      ['2026-03-08T16:00:00Z', false], // Sun 12:00 EDT
    ]);
  });

  it('skips the hour that does not exist when New York springs forward (2026-03-08, 02:00 → 03:00)', () => {
    const hours = hoursOf({ timezone: 'America/New_York', open: { sun: '02:30-03:30' } });
    expectOpen(hours, [
      ['2026-03-08T06:59:59Z', false], // 01:59:59 EST
      ['2026-03-08T07:00:00Z', true], // 03:00 EDT, the clock having jumped into the window
      ['2026-03-08T07:29:00Z', true], // 03:29 EDT
      ['2026-03-08T07:30:00Z', false], // 03:30 EDT
    ]);
    expectNextChange(hours, '2026-03-08T05:00:00Z', '2026-03-08T07:00:00Z');
    expectNextChange(hours, '2026-03-08T07:00:00Z', '2026-03-08T07:30:00Z');
  });

  it('closes a window that ends in the skipped hour when the clock jumps', () => {
    const hours = hoursOf({ timezone: 'America/New_York', open: { sun: '01:00-02:30' } });
    expectOpen(hours, [
      ['2026-03-08T06:00:00Z', true], // 01:00 EST
      ['2026-03-08T06:59:00Z', true], // 01:59 EST
      ['2026-03-08T07:00:00Z', false], // 03:00 EDT
    ]);
    expectNextChange(hours, '2026-03-08T06:00:00Z', '2026-03-08T07:00:00Z');
  });

  it('opens twice in the hour New York lives twice (2026-11-01, 02:00 → 01:00)', () => {
    const hours = hoursOf({ timezone: 'America/New_York', open: { sun: '01:30-05:00' } });
    expectOpen(hours, [
      ['2026-11-01T05:29:00Z', false], // 01:29 EDT
      ['2026-11-01T05:30:00Z', true], // 01:30 EDT
      ['2026-11-01T06:00:00Z', false], // 01:00 EST: the clock went back out of the window
      ['2026-11-01T06:30:00Z', true], // 01:30 EST, again
      ['2026-11-01T09:59:00Z', true], // 04:59 EST
      ['2026-11-01T10:00:00Z', false], // 05:00 EST
    ]);
    expectNextChange(hours, '2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z');
    expectNextChange(hours, '2026-11-01T06:00:00Z', '2026-11-01T06:30:00Z');
    expectNextChange(hours, '2026-11-01T06:30:00Z', '2026-11-01T10:00:00Z');
  });

  it('keeps an overnight window to the wall clock across a DST change (7 real hours in spring, 9 in autumn)', () => {
    const hours = hoursOf({ timezone: 'America/New_York', open: { sat: '22:00-06:00' } });
    expectOpen(hours, [
      ['2026-03-08T02:59:00Z', false], // Sat 21:59 EST
      ['2026-03-08T03:00:00Z', true], // Sat 22:00 EST
      ['2026-03-08T09:59:00Z', true], // Sun 05:59 EDT
      ['2026-03-08T10:00:00Z', false], // Sun 06:00 EDT
      ['2026-11-01T02:00:00Z', true], // Sat 22:00 EDT
      ['2026-11-01T10:59:00Z', true], // Sun 05:59 EST
      ['2026-11-01T11:00:00Z', false], // Sun 06:00 EST
    ]);
    expectNextChange(hours, '2026-03-08T03:00:00Z', '2026-03-08T10:00:00Z');
    expectNextChange(hours, '2026-11-01T02:00:00Z', '2026-11-01T11:00:00Z');
  });

  it("follows Europe/London's changes (2026-03-29 01:00 → 02:00 and 2026-10-25 02:00 → 01:00)", () => {
    const hours = hoursOf({ timezone: 'Europe/London', open: { sun: '01:00-01:30, 09:00-17:00', sat: '22:00-06:00' } });
    expectOpen(hours, [
      ['2026-03-22T08:59:00Z', false], // Sun 08:59 GMT
      ['2026-03-22T09:00:00Z', true], // Sun 09:00 GMT
      ['2026-03-28T22:00:00Z', true], // Sat 22:00 GMT
      ['2026-03-29T00:59:00Z', true], // Sun 00:59 GMT
      ['2026-03-29T01:00:00Z', true], // Sun 02:00 BST, still inside the overnight window
      ['2026-03-29T04:59:00Z', true], // Sun 05:59 BST
      ['2026-03-29T05:00:00Z', false], // Sun 06:00 BST
      ['2026-03-29T08:00:00Z', true], // Sun 09:00 BST
      ['2026-03-29T16:00:00Z', false], // Sun 17:00 BST
      ['2026-10-25T00:15:00Z', true], // Sun 01:15 BST
      ['2026-10-25T00:45:00Z', true], // Sun 01:45 BST, overnight window from Saturday
      ['2026-10-25T01:15:00Z', true], // Sun 01:15 GMT, the second time round
      ['2026-10-25T05:59:00Z', true], // Sun 05:59 GMT
      ['2026-10-25T06:00:00Z', false], // Sun 06:00 GMT
      ['2026-10-25T09:00:00Z', true], // Sun 09:00 GMT
    ]);
    expectNextChange(hours, '2026-03-28T21:00:00Z', '2026-03-28T22:00:00Z');
    expectNextChange(hours, '2026-03-28T22:00:00Z', '2026-03-29T05:00:00Z');
    expectNextChange(hours, '2026-10-24T21:00:00Z', '2026-10-25T06:00:00Z');
  });

  it('shifts by half an hour in Asia/Kolkata (UTC+05:30, no DST)', () => {
    const hours = hoursOf({ timezone: 'Asia/Kolkata', open: { 'mon-fri': '09:00-17:30' } });
    expectOpen(hours, [
      ['2026-03-09T03:29:00Z', false], // Mon 08:59 IST
      ['2026-03-09T03:30:00Z', true], // Mon 09:00 IST
      ['2026-03-09T11:59:00Z', true], // Mon 17:29 IST
      ['2026-03-09T12:00:00Z', false], // Mon 17:30 IST
      ['2026-07-06T03:30:00Z', true], // a summer Monday, same offset
    ]);
    expectNextChange(hours, '2026-03-09T00:00:00Z', '2026-03-09T03:30:00Z');
    expectNextChange(hours, '2026-03-13T12:00:00Z', '2026-03-16T03:30:00Z'); // Fri 17:30 → Mon 09:00
  });

  it("moves the day's start by 5:45 in Asia/Kathmandu", () => {
    const hours = hoursOf({ timezone: 'Asia/Kathmandu', open: { mon: '00:00-24:00', tue: '09:00-17:00' } });
    expectOpen(hours, [
      ['2026-03-08T18:14:00Z', false], // Sun 23:59 NPT
      ['2026-03-08T18:15:00Z', true], // Mon 00:00 NPT
      ['2026-03-09T18:14:00Z', true], // Mon 23:59 NPT
      ['2026-03-09T18:15:00Z', false], // Tue 00:00 NPT
      ['2026-03-10T03:14:00Z', false], // Tue 08:59 NPT
      ['2026-03-10T03:15:00Z', true], // Tue 09:00 NPT
    ]);
    expectNextChange(hours, '2026-03-08T12:00:00Z', '2026-03-08T18:15:00Z');
    expectNextChange(hours, '2026-03-08T18:15:00Z', '2026-03-09T18:15:00Z');
  });
});

describe('isOpenAt: the shapes of a week', () => {
  it('ends a window at 24:00 as the next day begins', () => {
    const hours = hoursOf({ timezone: 'UTC', open: { fri: '18:00-24:00' } });
    expectOpen(hours, [
      ['2026-03-13T23:59:59Z', true], // Fri
      ['2026-03-14T00:00:00Z', false], // Sat
    ]);
  });

  it('opens on every day of a range that wraps the week, and on none outside it', () => {
    const hours = hoursOf({ timezone: 'UTC', open: { 'fri-mon': '10:00-16:00' } });
    const days = ['09', '10', '11', '12', '13', '14', '15']; // Mon 9 March … Sun 15 March 2026
    const open = days.map((day) => isOpenAt(hours, utc(`2026-03-${day}T12:00:00Z`)));
    expect(open).toEqual([true, false, false, false, true, true, true]);
  });

  it("runs Sunday's overnight window into Monday morning", () => {
    const hours = hoursOf({ timezone: 'UTC', open: { sun: '22:00-06:00' } });
    expectOpen(hours, [
      ['2026-03-15T21:59:00Z', false], // Sun
      ['2026-03-15T22:00:00Z', true],
      ['2026-03-16T05:59:00Z', true], // Mon
      ['2026-03-16T06:00:00Z', false],
      ['2026-03-16T22:00:00Z', false], // Mon evening: the window belongs to Sunday
    ]);
  });

  it('adds up windows of the same day named by two keys', () => {
    const hours = hoursOf({ timezone: 'UTC', open: { mon: '08:00-12:00', 'mon-fri': '13:00-17:00' } });
    expectOpen(hours, [
      ['2026-03-09T10:00:00Z', true], // Mon morning, from "mon"
      ['2026-03-09T12:30:00Z', false], // lunch
      ['2026-03-09T14:00:00Z', true], // Mon afternoon, from "mon-fri"
      ['2026-03-10T10:00:00Z', false], // Tue morning
      ['2026-03-10T14:00:00Z', true], // Tue afternoon
    ]);
  });

  it('is never open with an empty open object', () => {
    const hours = hoursOf({ timezone: 'UTC', open: {} });
    expectOpen(hours, [
      ['2026-03-09T12:00:00Z', false],
      ['2026-03-14T00:00:00Z', false],
    ]);
    expect(nextChange(hours, utc('2026-03-09T12:00:00Z'))).toBeUndefined();
  });

  it('is always open with 00:00-24:00 every day, and never changes', () => {
    const hours = hoursOf({ timezone: 'America/New_York', open: { 'mon-sun': '00:00-24:00' } });
    expectOpen(hours, [
      ['2026-03-08T07:00:00Z', true],
      ['2026-11-01T06:30:00Z', true],
    ]);
    expect(nextChange(hours, utc('2026-03-07T12:00:00Z'))).toBeUndefined();
  });

  it('throws a RangeError naming the zone for an invalid instant', () => {
    expect(() => isOpenAt(NEW_YORK_OFFICE, new Date(Number.NaN))).toThrow(
      new RangeError('Local time in America/New_York: the instant is an invalid Date'),
    );
  });
});

describe('closed dates', () => {
  it('closes the whole local date, even on an opening day', () => {
    expectOpen(NEW_YORK_OFFICE, [
      ['2026-12-24T15:00:00Z', true], // Thu 10:00 EST
      ['2026-12-25T15:00:00Z', false], // Fri 10:00 EST, closed
      ['2026-12-26T15:00:00Z', true], // Sat 10:00 EST
    ]);
  });

  it("closes the part of an overnight window that runs into the date, and leaves the next night's alone", () => {
    const hours = hoursOf({ timezone: 'America/New_York', open: { 'mon-sun': '22:00-06:00' }, closed: ['2026-12-25'] });
    expectOpen(hours, [
      ['2026-12-25T04:59:00Z', true], // Thu 24th 23:59
      ['2026-12-25T05:00:00Z', false], // Fri 25th 00:00
      ['2026-12-25T10:00:00Z', false], // 05:00 on the 25th
      ['2026-12-26T03:00:00Z', false], // 22:00 on the 25th
      ['2026-12-26T05:00:00Z', true], // Sat 26th 00:00, the window that began on the 25th
    ]);
    expectNextChange(hours, '2026-12-25T03:30:00Z', '2026-12-25T05:00:00Z');
    expectNextChange(hours, '2026-12-25T05:00:00Z', '2026-12-26T05:00:00Z');
  });

  it('reads the date on the local calendar, not in UTC', () => {
    const hours = hoursOf({ timezone: 'Asia/Kolkata', open: { 'mon-sun': '00:00-24:00' }, closed: ['2026-01-26'] });
    expectOpen(hours, [
      ['2026-01-25T18:29:00Z', true], // 25th 23:59 IST
      ['2026-01-25T18:30:00Z', false], // 26th 00:00 IST, still the 25th in UTC
      ['2026-01-26T18:29:00Z', false], // 26th 23:59 IST
      ['2026-01-26T18:30:00Z', true], // 27th 00:00 IST
    ]);
    expectNextChange(hours, '2026-01-20T00:00:00Z', '2026-01-25T18:30:00Z');
    expectNextChange(hours, '2026-01-25T18:30:00Z', '2026-01-26T18:30:00Z');
  });
});

describe('nextChange', () => {
  it('finds the closing and the opening after it, across a weekend', () => {
    expectNextChange(NEW_YORK_OFFICE, '2026-03-09T15:00:00Z', '2026-03-09T22:00:00Z'); // Mon 11:00 → 18:00
    expectNextChange(NEW_YORK_OFFICE, '2026-03-09T22:00:00Z', '2026-03-10T12:00:00Z'); // → Tue 08:00
    expectNextChange(NEW_YORK_OFFICE, '2026-03-14T18:00:00Z', '2026-03-16T12:00:00Z'); // Sat 14:00 → Mon 08:00
  });

  it('counts the hour New York loses when crossing the spring weekend', () => {
    // Sat 14:00 EST (19:00Z) → Mon 08:00 EDT (12:00Z): 41 hours, not 42.
    expectNextChange(NEW_YORK_OFFICE, '2026-03-07T19:00:00Z', '2026-03-09T12:00:00Z');
  });

  it('counts the hour New York gains when crossing the autumn weekend', () => {
    // Sat 14:00 EDT (18:00Z) → Mon 08:00 EST (13:00Z): 43 hours.
    expectNextChange(NEW_YORK_OFFICE, '2026-10-31T18:00:00Z', '2026-11-02T13:00:00Z');
  });

  it('returns the change after a boundary the instant sits exactly on, and rounds up from mid-minute', () => {
    expectNextChange(NEW_YORK_OFFICE, '2026-03-09T12:00:00.000Z', '2026-03-09T22:00:00Z');
    expectNextChange(NEW_YORK_OFFICE, '2026-03-09T11:59:30.500Z', '2026-03-09T12:00:00Z');
  });

  it('sees no change in merged windows where one ends inside another', () => {
    const hours = hoursOf({ timezone: 'UTC', open: { 'mon-fri': '08:00-18:00', mon: '17:00-20:00' } });
    expectNextChange(hours, '2026-03-09T08:00:00Z', '2026-03-09T20:00:00Z');
  });

  it('skips a closed date to the next opening', () => {
    // Thu 24 Dec 18:00 EST → Sat 26 Dec 10:00 EST
    expectNextChange(NEW_YORK_OFFICE, '2026-12-24T23:00:00Z', '2026-12-26T15:00:00Z');
  });

  it('gives up after 8 days', () => {
    const hours = hoursOf({ timezone: 'UTC', open: { mon: '09:00-17:00' }, closed: ['2026-03-16'] });
    // Mon 9 March after closing: the next opening would be Mon 23 March, 13.7 days away.
    expect(nextChange(hours, utc('2026-03-09T18:00:00Z'))).toBeUndefined();
    // A weekly schedule always changes within the horizon: Mon 17:01 → next Mon 09:00.
    const weekly = hoursOf({ timezone: 'UTC', open: { mon: '09:00-17:00' } });
    expectNextChange(weekly, '2026-03-09T17:01:00Z', '2026-03-16T09:00:00Z');
  });

  it('finds the midnight a closed date begins when always open otherwise', () => {
    const hours = hoursOf({ timezone: 'Europe/London', open: { 'mon-sun': '00:00-24:00' }, closed: ['2026-12-25'] });
    expectNextChange(hours, '2026-12-20T12:00:00Z', '2026-12-25T00:00:00Z');
    expectNextChange(hours, '2026-12-25T00:00:00Z', '2026-12-26T00:00:00Z');
  });
});

describe('describeOpeningState', () => {
  it.each([
    ['2026-03-09T15:00:00Z', 'open now, closes Mon 18:00 (America/New_York)'],
    ['2026-03-09T22:30:00Z', 'closed now, opens Tue 08:00 (America/New_York)'],
    ['2026-03-14T18:00:00Z', 'closed now, opens Mon 08:00 (America/New_York)'],
    ['2026-12-24T23:00:00Z', 'closed now, opens Sat 10:00 (America/New_York)'],
  ])('at %p: %p', (iso, line) => {
    expect(describeOpeningState(NEW_YORK_OFFICE, utc(iso))).toBe(line);
  });

  it('adds the date when the weekday alone could mean this week', () => {
    const hours = hoursOf({ timezone: 'Europe/London', open: { mon: '08:00-09:00' } });
    expect(describeOpeningState(hours, utc('2026-03-09T10:00:00Z'))).toBe(
      'closed now, opens Mon 2026-03-16 08:00 (Europe/London)',
    );
  });

  it('says when the hours never change, or not within 8 days', () => {
    expect(describeOpeningState(hoursOf({ timezone: 'UTC', open: {} }), utc('2026-03-09T10:00:00Z'))).toBe(
      'closed now, never opens (UTC)',
    );
    expect(
      describeOpeningState(
        hoursOf({ timezone: 'UTC', open: { 'mon-sun': '00:00-24:00' } }),
        utc('2026-03-09T10:00:00Z'),
      ),
    ).toBe('open now, always open (UTC)');
    const closedForTwoWeeks = hoursOf({ timezone: 'UTC', open: { mon: '09:00-17:00' }, closed: ['2026-03-16'] });
    expect(describeOpeningState(closedForTwoWeeks, utc('2026-03-09T18:00:00Z'))).toBe(
      'closed now, no opening in the next 8 days (UTC)',
    );
  });
});
