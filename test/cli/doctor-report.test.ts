// The doctor's verdict and its wording: one line per problem, each naming what is at fault, and
// the lines a person reads for each team, limit, wait and number setting.
import { limitsLines, resultLines, teamLines, waitLine } from '../../cli/doctor/format';
import type { LimitsReport } from '../../cli/doctor/limits';
import { assessVoiceSettings, NOT_CHECKED, type NumberReport } from '../../cli/doctor/number-check';
import type { TeamReport } from '../../cli/doctor/team-report';
import { failuresOf, type VerdictInput } from '../../cli/doctor/verdict';

const LIMITS: LimitsReport = { overLimit: [], contextBytes: 400, contextLimitBytes: 3072, nearContextLimit: false };
const NUMBER: NumberReport = { checked: false, phoneNumber: null, problem: NOT_CHECKED, findings: [], fix: null };

const team = (overrides: Partial<TeamReport> = {}): TeamReport => ({
  name: 'Platform',
  variable: 'TEAM_1',
  fallbackIn: 'FALLBACK_PHONES_1',
  chainFrom: 'escalation policy PPLAT01 (ESC_POL_1)',
  lookupMs: 20,
  lookupFailure: null,
  fromRosterFallback: false,
  ring: [{ name: 'Alice Adams', phone: '+1 555 ••• ••01', escalationStep: 1 }],
  skipped: [],
  fallback: { phones: [], refused: [], variable: null },
  reaches: 'on-call',
  incidents: {
    destination: 'PagerDuty Events API v2 at events.pagerduty.com',
    host: 'events.pagerduty.com',
    pagesSomeone: true,
  },
  ...overrides,
});

const verdict = (overrides: Partial<VerdictInput>) =>
  failuresOf({ problems: [], limits: LIMITS, teamListProblem: null, teams: [], number: NUMBER, ...overrides });

describe('failuresOf', () => {
  it('is empty for a ready deployment; warnings do not count', () => {
    const problems = [{ variable: 'NUMBER_OF_MENUS', message: 'must be one of 0, 1, 2', severity: 'warning' as const }];
    expect(verdict({ problems, teams: [team()] })).toEqual([]);
  });

  it('names a refused key once, however many teams met it, and every team nobody reaches', () => {
    const refused = {
      kind: 'credentials' as const,
      variable: 'PAGERDUTY_API_KEY',
      problem: 'PagerDuty on-calls was refused: HTTP 401',
    };
    const unreachable = (name: string, variable: string) =>
      team({
        name,
        variable,
        fallbackIn: variable.replace('TEAM_', 'FALLBACK_PHONES_'),
        ring: [],
        reaches: 'nobody',
        lookupFailure: refused,
      });
    expect(verdict({ teams: [unreachable('Platform', 'TEAM_1'), unreachable('Database', 'TEAM_2')] })).toEqual([
      { subject: 'PAGERDUTY_API_KEY', message: 'Platform (TEAM_1): PagerDuty on-calls was refused: HTTP 401' },
      {
        subject: 'TEAM_1',
        message:
          'Platform: nobody can be reached now: the on-call lookup failed (see above), and there are no fallback numbers (FALLBACK_PHONES_1 or FALLBACK_PHONES)',
      },
      {
        subject: 'TEAM_2',
        message:
          'Database: nobody can be reached now: the on-call lookup failed (see above), and there are no fallback numbers (FALLBACK_PHONES_2 or FALLBACK_PHONES)',
      },
    ]);
  });

  it('does not repeat for a team what the configuration already names', () => {
    const problems = [
      { variable: 'PAGERDUTY_ROUTING_KEY_1', message: 'is needed to open incidents', severity: 'error' as const },
    ];
    const noKey = team({
      incidents: {
        destination: null,
        host: null,
        pagesSomeone: false,
        problem: { variable: 'PAGERDUTY_ROUTING_KEY_1', message: 'no routing key for Platform' },
      },
    });
    expect(verdict({ problems, teams: [noKey] })).toEqual([
      { subject: 'PAGERDUTY_ROUTING_KEY_1', message: 'is needed to open incidents' },
    ]);
  });

  it('an outage fails only a team with no fallback numbers', () => {
    const outage = {
      kind: 'unavailable' as const,
      variable: 'TEAM_1',
      problem: 'on-call lookup took longer than 2500 ms',
    };
    const covered = team({ ring: [], reaches: 'fallback', lookupFailure: outage });
    expect(verdict({ teams: [covered] })).toEqual([]);
    const uncovered = team({ ring: [], reaches: 'nobody', lookupFailure: outage });
    expect(verdict({ teams: [uncovered] })[0]?.message).toContain(
      'the on-call lookup failed (on-call lookup took longer',
    );
  });

  it('values over the limit and wrong number settings, each named', () => {
    const limits = { ...LIMITS, overLimit: [{ variable: 'NOTE', part: 'value' as const, size: 500, limit: 450 }] };
    const number: NumberReport = {
      checked: true,
      phoneNumber: '+15555550100',
      problem: null,
      findings: [
        { setting: 'StatusCallback', value: '', ok: false, severity: 'error', message: '(not set): no incident' },
        { setting: 'VoiceFallbackUrl', value: '', ok: false, severity: 'warning', message: '(not set)' },
      ],
      fix: null,
    };
    expect(verdict({ limits, number })).toEqual([
      { subject: 'NOTE', message: 'its value is 500 bytes; Twilio takes at most 450 (the deploy would be refused)' },
      { subject: '+15555550100 StatusCallback', message: '(not set): no incident' },
    ]);
  });
});

describe('assessVoiceSettings', () => {
  const connected = {
    sid: 'PN1',
    phoneNumber: '+15555550100',
    voiceUrl: 'https://oncall-1234.twil.io/voice',
    voiceMethod: 'POST',
    voiceFallbackUrl: 'https://oncall-1234.twil.io/voice-fallback.xml',
    voiceFallbackMethod: 'GET',
    statusCallback: 'https://oncall-1234.twil.io/call-status',
    statusCallbackMethod: 'POST',
    voiceApplicationSid: '',
    trunkSid: '',
  };

  it('finds nothing wrong with the settings connect-number makes', () => {
    expect(assessVoiceSettings(connected).every((finding) => finding.ok)).toBe(true);
  });

  it('says which setting keeps calls or incidents from the functions', () => {
    const wrong = assessVoiceSettings({
      ...connected,
      voiceUrl: 'https://old.example.com/victorops-live-call-routing',
      statusCallback: 'https://oncall-1234.twil.io/status',
      trunkSid: 'TK00000000000000000000000000000001',
    });
    expect(wrong.filter((finding) => !finding.ok).map((finding) => [finding.setting, finding.severity])).toEqual([
      ['VoiceUrl', 'error'],
      ['StatusCallback', 'error'],
      ['TrunkSid', 'error'],
    ]);
  });
});

describe('text', () => {
  it('a team: its chain, skips, fallback, incidents and who a call reaches', () => {
    const lines = teamLines(
      team({
        skipped: [{ name: 'Grace Green', escalationStep: 1, why: 'no usable phone number' }],
        fallback: { phones: ['+1 555 ••• ••90'], refused: [], variable: 'FALLBACK_PHONES' },
      }),
    );
    expect(lines).toEqual([
      '  Platform (TEAM_1): escalation policy PPLAT01 (ESC_POL_1), read in 20 ms',
      '    Rings, in order:',
      '      1. Alice Adams  +1 555 ••• ••01  (escalation step 1)',
      '    Skipped: Grace Green (escalation step 1): no usable phone number',
      '    Fallback: +1 555 ••• ••90 (FALLBACK_PHONES): rung in order when the lookup fails or names nobody who can be dialled, and when an incident cannot be opened; they also get the last-resort SMS',
      '    Incidents: PagerDuty Events API v2 at events.pagerduty.com',
      '    A call reaches: Alice Adams first.',
    ]);
  });

  it('a wait: how long, before what, and the budget behind it', () => {
    const line = waitLine(
      {
        beforeTeam: 'Database',
        seconds: 58,
        endpoint: 'on-call schedule',
        documentedPerMinute: 15,
        allowedPerMinute: 5,
      },
      'Splunk On-Call',
    );
    expect(line).toBe(
      '  Waiting 58 s before Database: Splunk On-Call documents 15 requests a minute to its on-call schedule endpoint, and the doctor keeps to 5 of them so that live calls have the rest.',
    );
  });

  it('the context size is approximate, and a warning from 3 KB', () => {
    expect(limitsLines(LIMITS)[3]).toMatch(/^ {2}Variables: about 0\.4 KB of the 3\.0 KB .*\(approximate: /);
    expect(limitsLines({ ...LIMITS, contextBytes: 3100, nearContextLimit: true })[3]).toMatch(
      /^ {2}warning: variables: about 3\.0 KB .*invocations may fail \(Twilio error 82006\)$/,
    );
  });

  it('the result: ready, or one line per problem', () => {
    expect(resultLines([])).toEqual([
      '',
      'Ready: every team can reach somebody now and incidents have somewhere to go.',
    ]);
    expect(resultLines([{ subject: 'TEAM_3', message: 'Frontend: nobody can be reached now' }])).toEqual([
      '',
      'Not ready: 1 problem',
      '  TEAM_3: Frontend: nobody can be reached now',
    ]);
  });
});
