import { isCalendarDate, isKnownTimeZone, localTimeAt } from '../../functions/lib/core/local-time';

const HOUR = 3_600_000;

describe('localTimeAt', () => {
  it.each([
    [
      'America/New_York',
      '2026-03-08T06:59:59.250Z',
      '2026-03-08',
      6,
      ((1 * 60 + 59) * 60 + 59) * 1000 + 250,
      -5 * HOUR,
    ],
    ['America/New_York', '2026-03-08T07:00:00.000Z', '2026-03-08', 6, 3 * HOUR, -4 * HOUR],
    ['Asia/Kathmandu', '2026-03-08T18:15:00.000Z', '2026-03-09', 0, 0, 5.75 * HOUR],
    ['Pacific/Chatham', '2026-01-01T00:00:00.000Z', '2026-01-01', 3, 13.75 * HOUR, 13.75 * HOUR],
    ['UTC', '2026-12-27T23:59:00.000Z', '2026-12-27', 6, 23 * HOUR + 59 * 60_000, 0],
  ])('in %s at %s: %s, weekday %i', (zone, iso, date, weekday, msOfDay, offsetMs) => {
    expect(localTimeAt(zone, new Date(iso))).toEqual({ date, weekday, msOfDay, offsetMs });
  });

  it('reads midnight as 00, never 24', () => {
    expect(localTimeAt('Europe/London', new Date('2026-06-30T23:00:00Z')).msOfDay).toBe(0);
  });

  it('throws a RangeError naming the zone for an invalid Date', () => {
    expect(() => localTimeAt('Europe/London', new Date('not a date'))).toThrow(/Local time in Europe\/London/);
  });
});

describe('isKnownTimeZone', () => {
  it.each(['America/New_York', 'US/Eastern', 'asia/kolkata', 'UTC', 'Etc/GMT+5'])('knows %p', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  it.each(['', 'New York', 'Mars/Olympus_Mons', '+05:30', 'GMT+25'])('does not know %p', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});

describe('isCalendarDate', () => {
  it.each(['2026-12-25', '2028-02-29', '2000-02-29', '2026-01-31'])('accepts %p', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each(['2026-02-29', '1900-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '2026-12-25T00:00', ''])(
    'rejects %p',
    (text) => {
      expect(isCalendarDate(text)).toBe(false);
    },
  );
});
