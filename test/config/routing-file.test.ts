import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoutingFile } from '../../functions/lib/config/routing-file';

const FILE = 'assets/routing.private.json';
const example: unknown = JSON.parse(readFileSync(join(__dirname, '../../assets/routing.example.json'), 'utf8'));

/** The problems of a file, as "path: message" (the file name taken off). */
function problemsOf(json: unknown): string[] {
  const parsed = parseRoutingFile(json, FILE);
  if (parsed.ok) return [];
  for (const p of parsed.problems) expect(p.severity).toBe('error');
  return parsed.problems.map(
    (p) =>
      `${p.variable.slice(FILE.length + 1)}: ${p.message.replace(/\. The routing file is not used until it is fixed\.$/, '')}`,
  );
}

const minimal = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  teams: [{ name: 'Platform' }, { name: 'Database' }],
  ...extra,
});

describe('parseRoutingFile', () => {
  it('reads the example file: teams in menu order, numbers, hours, screening, ring strategy, notifications', () => {
    const parsed = parseRoutingFile(example, FILE);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.teams).toEqual([
      { name: 'Platform', fallbackPhones: ['+14155550199'] },
      { name: 'Database', policy: 'Database Business Hours' },
    ]);
    const { routing } = parsed;
    expect(routing.numbers).toEqual({
      '+18005550100': { teams: ['Platform', 'Database'] },
      '+18005550111': { greeting: 'Database hotline.', teams: ['Database'] },
    });
    expect(routing.teams.Database.hours?.timezone).toBe('America/New_York');
    expect(routing.teams.Database.afterHours).toEqual({ team: 'Platform' });
    expect(routing.teams.Platform).toMatchObject({
      ring: 'step',
      maxRingSeconds: 90,
      notify: { sms: ['+14155550106'], email: ['platform-oncall@example.com'] },
    });
    expect(routing.callers).toEqual({ block: ['+1900*'], allow: [], anonymous: 'allow', unverified: 'allow' });
    expect(routing.noInput).toBe('first-team');
  });

  it('names the path of each problem in the file shape', () => {
    expect(
      problemsOf({
        teams: [{ name: 'Platform', ring: 'all', maxRingSeconds: 5.5, colour: 'red' }],
        noInput: 'hang-up',
        numbers: { '+15555550100': { teams: [] } },
      }),
    ).toEqual([
      'numbers["+15555550100"].teams: must list at least 1 entry',
      'teams[0].ring: must be one of "sequential", "step"',
      'teams[0].maxRingSeconds: must be a whole number',
      'teams[0]: has unknown key "colour"',
      'noInput: must be one of "first-team", "voicemail", "goodbye"',
    ]);
  });

  it('names an hours problem by its path, down to the time zone', () => {
    expect(
      problemsOf(
        minimal({ teams: [{ name: 'Platform', hours: { timezone: 'America/New_Yrok', open: { 'mon-fri': '8-6' } } }] }),
      ),
    ).toEqual([
      'teams[0].hours.timezone: "America/New_Yrok" is not an IANA time zone, like "America/New_York" or "Europe/London"',
      'teams[0].hours.open["mon-fri"]: "8-6" is not HH:MM-HH:MM (from 00:00 to 24:00)',
    ]);
  });

  it('refuses names that do not exist, twice-used names, and a loop of after-hours teams', () => {
    const hours = (team: string) => ({ timezone: 'UTC', open: {}, afterHours: { team } });
    expect(
      problemsOf({
        numbers: { '+15555550100': { teams: ['Platform', 'Billing'] } },
        teams: [
          { name: 'Platform', hours: hours('Database') },
          { name: 'Database', hours: hours('Network') },
          { name: 'Network', hours: hours('Platform') },
          { name: 'platform' },
          { name: 'Lonely', hours: hours('Nobody') },
        ],
      }),
    ).toEqual([
      'teams[3].name: "platform" is already the name of teams[0]',
      'numbers["+15555550100"].teams[1]: "Billing" is not the name of any team in "teams"',
      'teams[0].hours.afterHours.team: after-hours teams go round in a loop: Platform → Database → Network → Platform',
      'teams[1].hours.afterHours.team: after-hours teams go round in a loop: Database → Network → Platform → Database',
      'teams[2].hours.afterHours.team: after-hours teams go round in a loop: Network → Platform → Database → Network',
      'teams[4].hours.afterHours.team: "Nobody" is not the name of any team in "teams"',
    ]);
  });

  it("refuses a menu whose team names would not fit in the call's URLs, and takes one that does", () => {
    const team = (i: number) => ({ name: `Team ${String(i).padStart(2, '0')} ${'x'.repeat(32)}` });
    const many = Array.from({ length: 40 }, (_, i) => team(i));
    expect(problemsOf({ teams: many })).toEqual([
      'teams: offered to any number not in "numbers": the names of the teams it offers come to 1600 characters; a menu may have at most 1500 (they travel in the URL of every step of the call)',
    ]);
    expect(problemsOf({ teams: many.slice(0, 37) })).toEqual([]);
  });

  it('names the team meant when a reference differs only in case', () => {
    expect(
      problemsOf({
        numbers: { '+18005550100': { teams: ['platform'] } },
        teams: [
          { name: 'Platform' },
          { name: 'Night', hours: { timezone: 'UTC', open: {}, afterHours: { team: 'PLATFORM' } } },
        ],
      }),
    ).toEqual([
      'numbers["+18005550100"].teams[0]: "platform" is not the name of any team in "teams" (names match exactly: did you mean "Platform"?)',
      'teams[1].hours.afterHours.team: "PLATFORM" is not the name of any team in "teams" (names match exactly: did you mean "Platform"?)',
    ]);
  });

  it('refuses one number written twice, and a team twice in one number', () => {
    expect(
      problemsOf({
        numbers: {
          '+18005550100': { teams: ['Platform', 'Platform'] },
          '+1 800 555 0100': { teams: ['Platform'] },
        },
        teams: [{ name: 'Platform' }],
      }),
    ).toEqual([
      'numbers["+18005550100"].teams[1]: "Platform" is already in this list',
      'numbers["+1 800 555 0100"]: is +18005550100 again, which an earlier entry already routes',
    ]);
  });

  it('refuses numbers without their +, bad caller patterns, e-mail addresses and recording URLs', () => {
    const problems = problemsOf({
      numbers: { '8005550100': { teams: ['Platform'], greeting: 'http://example.com/hello.mp3' } },
      teams: [{ name: 'Platform', fallbackPhones: ['415 555 0199'], notify: { sms: ['+1415'], email: ['ops'] } }],
      callers: { block: ['1900*'], allow: ['+1*5'] },
    });
    expect(problems).toEqual([
      expect.stringMatching(/^teams\[0\]\.fallbackPhones\[0\]: "415 555 0199" is not in E\.164 form/),
      expect.stringMatching(/^teams\[0\]\.notify\.sms\[0\]: "\+1415" is not an E\.164 phone number/),
      'teams[0].notify.email[0]: "ops" is not an e-mail address',
      expect.stringMatching(/^numbers\["8005550100"\]: the number is not in E\.164 form/),
      'numbers["8005550100"].greeting: "http://example.com/hello.mp3" is not an https URL',
      expect.stringMatching(/^callers\.block\[0\]: "1900\*" does not start with \+/),
      expect.stringMatching(/^callers\.allow\[0\]: "\+1\*5" /),
    ]);
  });

  it('is not used at all when anything is wrong, and says so', () => {
    const parsed = parseRoutingFile({ teams: [] }, FILE);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0].message).toContain('The routing file is not used until it is fixed.');
  });
});
