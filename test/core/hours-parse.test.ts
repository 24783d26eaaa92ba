import { parseOpeningHours, type HoursProblem, type RawOpeningHours } from '../../functions/lib/core/hours';

function problemsOf(raw: RawOpeningHours): HoursProblem[] {
  const parsed = parseOpeningHours(raw);
  if (parsed.ok) throw new Error(`expected problems for ${JSON.stringify(raw)}`);
  return parsed.problems;
}

function compiled(raw: RawOpeningHours) {
  const parsed = parseOpeningHours(raw);
  if (!parsed.ok) throw new Error(`unexpected problems: ${JSON.stringify(parsed.problems)}`);
  return parsed.hours;
}

const UTC = 'UTC';

describe('parseOpeningHours: what it accepts', () => {
  it('compiles days, ranges and windows into minutes of the week from Monday 00:00', () => {
    const hours = compiled({ timezone: UTC, open: { 'mon-fri': '08:00-18:00', sat: '10:00-14:00' } });
    expect(hours.weekly).toEqual([
      { start: 480, end: 1080 },
      { start: 1920, end: 2520 },
      { start: 3360, end: 3960 },
      { start: 4800, end: 5400 },
      { start: 6240, end: 6840 },
      { start: 7800, end: 8040 },
    ]);
  });

  it('reads a range that wraps the week (fri-mon is Friday to Monday)', () => {
    const hours = compiled({ timezone: UTC, open: { 'fri-mon': '00:00-24:00' } });
    expect(hours.weekly).toEqual([
      { start: 0, end: 1440 },
      { start: 4 * 1440, end: 7 * 1440 },
    ]);
  });

  it('runs a window whose end is before its start past midnight, and past Sunday into Monday', () => {
    expect(compiled({ timezone: UTC, open: { mon: '22:00-06:00' } }).weekly).toEqual([
      { start: 1320, end: 1440 + 360 },
    ]);
    expect(compiled({ timezone: UTC, open: { sun: '22:00-06:00' } }).weekly).toEqual([
      { start: 0, end: 360 },
      { start: 6 * 1440 + 1320, end: 7 * 1440 },
    ]);
  });

  it('adds up windows of a day named twice, merging those that overlap or touch', () => {
    const hours = compiled({
      timezone: UTC,
      open: { mon: '08:00-12:00, 13:00-17:00', 'mon-tue': '16:00-20:00', tue: '20:00-21:00' },
    });
    expect(hours.weekly).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 1200 },
      { start: 1440 + 960, end: 1440 + 1260 },
    ]);
  });

  it('accepts 00:00-24:00, an end at 24:00, spaces around the dash and any case of day names', () => {
    const hours = compiled({ timezone: UTC, open: { ' Mon-TUE ': '00:00 - 24:00', wed: '18:00-24:00' } });
    expect(hours.weekly).toEqual([
      { start: 0, end: 2880 },
      { start: 2880 + 1080, end: 3 * 1440 },
    ]);
  });

  it('treats an empty open object as never open', () => {
    expect(compiled({ timezone: UTC, open: {} }).weekly).toEqual([]);
  });

  it('keeps closed dates, leap days included', () => {
    const hours = compiled({ timezone: UTC, open: {}, closed: ['2026-12-25', '2028-02-29', ' 2026-01-01 '] });
    expect([...hours.closed].sort()).toEqual(['2026-01-01', '2026-12-25', '2028-02-29']);
  });

  it.each([
    'America/New_York',
    'Europe/London',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'UTC',
    'US/Eastern',
    'america/new_york',
  ])('accepts the time zone %p and keeps it as written', (timezone) => {
    expect(compiled({ timezone: ` ${timezone} `, open: {} }).timezone).toBe(timezone);
  });
});

describe('parseOpeningHours: problems', () => {
  it.each<[string, RawOpeningHours, HoursProblem]>([
    [
      'an unknown time zone',
      { timezone: 'Mars/Olympus_Mons', open: {} },
      { path: 'timezone', message: expect.stringContaining('"Mars/Olympus_Mons" is not an IANA time zone') },
    ],
    [
      'an empty time zone',
      { timezone: '', open: {} },
      { path: 'timezone', message: expect.stringContaining('is not an IANA time zone') },
    ],
    [
      'a bare UTC offset',
      { timezone: '+05:30', open: {} },
      { path: 'timezone', message: expect.stringContaining('"+05:30" is a fixed offset with no daylight saving') },
    ],
    [
      'a negative UTC offset',
      { timezone: '-0500', open: {} },
      { path: 'timezone', message: expect.stringContaining('"-0500" is a fixed offset with no daylight saving') },
    ],
    [
      'an abbreviation with no daylight saving',
      { timezone: 'EST', open: {} },
      { path: 'timezone', message: expect.stringContaining('"EST" is a fixed offset with no daylight saving') },
    ],
    [
      'a misspelt day',
      { timezone: UTC, open: { mnd: '08:00-18:00' } },
      { path: 'open["mnd"]', message: expect.stringContaining('unknown day "mnd"') },
    ],
    [
      'a misspelt day in a range',
      { timezone: UTC, open: { 'mon-fry': '08:00-18:00' } },
      { path: 'open["mon-fry"]', message: expect.stringContaining('unknown day "fry"') },
    ],
    [
      'three days in a range',
      { timezone: UTC, open: { 'mon-wed-fri': '08:00-18:00' } },
      { path: 'open["mon-wed-fri"]', message: expect.stringContaining('neither a day') },
    ],
    [
      'a range with no start',
      { timezone: UTC, open: { '-fri': '08:00-18:00' } },
      { path: 'open["-fri"]', message: expect.stringContaining('neither a day') },
    ],
    [
      'a range from a day to itself',
      { timezone: UTC, open: { 'sat-sat': '08:00-18:00' } },
      { path: 'open["sat-sat"]', message: expect.stringContaining('runs from a day to itself') },
    ],
    [
      'a one-digit hour',
      { timezone: UTC, open: { mon: '8:00-18:00' } },
      { path: 'open["mon"]', message: '"8:00-18:00" is not HH:MM-HH:MM (from 00:00 to 24:00)' },
    ],
    [
      'minute 60',
      { timezone: UTC, open: { mon: '08:00-18:60' } },
      { path: 'open["mon"]', message: expect.stringContaining('"08:00-18:60" is not HH:MM-HH:MM') },
    ],
    [
      'hour 25',
      { timezone: UTC, open: { mon: '25:00-06:00' } },
      { path: 'open["mon"]', message: expect.stringContaining('is not HH:MM-HH:MM') },
    ],
    [
      '24:30',
      { timezone: UTC, open: { mon: '08:00-24:30' } },
      { path: 'open["mon"]', message: expect.stringContaining('is not HH:MM-HH:MM') },
    ],
    [
      'a start at 24:00',
      { timezone: UTC, open: { mon: '24:00-06:00' } },
      { path: 'open["mon"]', message: expect.stringContaining('starts at 24:00') },
    ],
    [
      'a window that closes when it opens',
      { timezone: UTC, open: { mon: '08:00-08:00' } },
      { path: 'open["mon"]', message: expect.stringContaining('write 00:00-24:00 for the whole day') },
    ],
    [
      'words instead of hours',
      { timezone: UTC, open: { mon: 'all day' } },
      { path: 'open["mon"]', message: expect.stringContaining('"all day" is not HH:MM-HH:MM') },
    ],
    [
      'an empty value',
      { timezone: UTC, open: { mon: ' ' } },
      { path: 'open["mon"]', message: expect.stringContaining('no window given') },
    ],
    [
      'a trailing comma',
      { timezone: UTC, open: { mon: '08:00-12:00,' } },
      { path: 'open["mon"]', message: expect.stringContaining('empty window') },
    ],
    [
      '30 February',
      { timezone: UTC, open: {}, closed: ['2026-12-25', '2026-02-30'] },
      { path: 'closed[1]', message: '"2026-02-30" is not a date YYYY-MM-DD that exists' },
    ],
    [
      '29 February of a common year',
      { timezone: UTC, open: {}, closed: ['2026-02-29'] },
      { path: 'closed[0]', message: expect.stringContaining('is not a date YYYY-MM-DD that exists') },
    ],
    [
      'month 13',
      { timezone: UTC, open: {}, closed: ['2026-13-01'] },
      { path: 'closed[0]', message: expect.stringContaining('"2026-13-01" is not a date') },
    ],
    [
      'a two-digit year',
      { timezone: UTC, open: {}, closed: ['26-12-25'] },
      { path: 'closed[0]', message: expect.stringContaining('"26-12-25" is not a date') },
    ],
    [
      'a day-first date',
      { timezone: UTC, open: {}, closed: ['25/12/2026'] },
      { path: 'closed[0]', message: expect.stringContaining('is not a date') },
    ],
  ])('%s', (_label, raw, problem) => {
    expect(problemsOf(raw)).toEqual([problem]);
  });

  it('reports every problem at once, each at its own path', () => {
    const problems = problemsOf({
      timezone: 'Nowhere/Special',
      open: { mnd: '08:00-18:00', 'mon-fri': '08:00-12:00, 13:00-1700', sat: '10:00-14:00' },
      closed: ['2026-12-25', 'Christmas'],
    });
    expect(problems.map((p) => p.path)).toEqual(['timezone', 'open["mnd"]', 'open["mon-fri"]', 'closed[1]']);
  });

  it('reports a bad day and its bad hours both', () => {
    expect(problemsOf({ timezone: UTC, open: { mnd: '8-9' } })).toEqual([
      { path: 'open["mnd"]', message: expect.stringContaining('unknown day "mnd"') },
      { path: 'open["mnd"]', message: expect.stringContaining('"8-9" is not HH:MM-HH:MM') },
    ]);
  });

  it('reports each bad window of a value', () => {
    expect(problemsOf({ timezone: UTC, open: { mon: '08:00-12:00, 1pm-5pm, 18:00-18:00' } })).toEqual([
      { path: 'open["mon"]', message: expect.stringContaining('"1pm-5pm"') },
      { path: 'open["mon"]', message: expect.stringContaining('"18:00-18:00"') },
    ]);
  });

  it('says what is wrong when the shapes are not what the type promises', () => {
    const raw = { timezone: 5, open: ['mon'], closed: '2026-12-25' } as unknown as RawOpeningHours;
    expect(problemsOf(raw)).toEqual([
      { path: 'timezone', message: expect.stringContaining('not an IANA time zone name') },
      { path: 'open', message: expect.stringContaining('not an object of days to hours') },
      { path: 'closed', message: expect.stringContaining('not a list of dates') },
    ]);
    const badValues = { timezone: UTC, open: { mon: 9 }, closed: [20261225] } as unknown as RawOpeningHours;
    expect(problemsOf(badValues)).toEqual([
      { path: 'open["mon"]', message: expect.stringContaining('not a string of HH:MM-HH:MM windows') },
      { path: 'closed[0]', message: '20261225 is not a date YYYY-MM-DD that exists' },
    ]);
  });
});
