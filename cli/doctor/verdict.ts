// The exit code and the one line per problem behind it: configuration errors, values over
// Twilio's limits, teams nobody can be reached for, incidents with nowhere to go, and a phone
// number that does not lead to the functions. Warnings never fail the doctor.
import type { ConfigProblem } from '../../functions/lib/config/config';
import type { LimitsReport } from './limits';
import type { NumberReport } from './number-check';
import type { TeamReport } from './team-report';

export interface Failure {
  /** The variable, file and path, or setting at fault. */
  subject: string;
  message: string;
}

export interface VerdictInput {
  problems: readonly ConfigProblem[];
  limits: LimitsReport;
  /** Why no team could be offered, when the provider's team list failed and none is configured. */
  teamListProblem: { variable: string; message: string } | null;
  teams: readonly TeamReport[];
  number: NumberReport;
}

function teamLabel(team: TeamReport): string {
  return team.variable ? `${team.name} (${team.variable})` : team.name;
}

function fallbackVariables(team: TeamReport): string {
  return team.fallbackIn ? `${team.fallbackIn} or FALLBACK_PHONES` : 'FALLBACK_PHONES';
}

type TeamFailure = Failure & { about: 'lookup' | 'reach' | 'incidents' };

function teamFailures(team: TeamReport): TeamFailure[] {
  const failures: TeamFailure[] = [];
  // A team with no TEAM_n is itself the subject: its name is not said twice.
  const prefix = team.variable ? `${team.name}: ` : '';
  const failure = team.lookupFailure;
  // A refused key or an unknown team is wrong whatever else rings; an outage is not the deployment's fault.
  if (failure && (failure.kind === 'credentials' || failure.kind === 'configuration')) {
    failures.push({ about: 'lookup', subject: failure.variable, message: `${teamLabel(team)}: ${failure.problem}` });
  }
  if (team.reaches === 'nobody') {
    const why = !failure
      ? team.skipped.length > 0
        ? 'everyone on call is skipped'
        : 'nobody is on call'
      : failure.kind === 'unavailable'
        ? `the on-call lookup failed (${failure.problem})`
        : failure.kind === 'not-asked'
          ? failure.problem
          : 'the on-call lookup failed (see above)';
    failures.push({
      about: 'reach',
      subject: team.variable ?? team.name,
      message: `${prefix}nobody can be reached now: ${why}, and there are no fallback numbers (${fallbackVariables(team)})`,
    });
  }
  if (team.incidents.problem) {
    const { variable, message } = team.incidents.problem;
    failures.push({ about: 'incidents', subject: variable, message: `${prefix}${message}` });
  }
  return failures;
}

function numberFailures(number: NumberReport): Failure[] {
  if (number.phoneNumber === null) return [];
  if (!number.checked) return number.problem ? [{ subject: '--number', message: number.problem }] : [];
  if (number.problem) return [{ subject: '--number', message: number.problem }];
  return number.findings
    .filter((finding) => !finding.ok && finding.severity === 'error')
    .map((finding) => ({ subject: `${number.phoneNumber} ${finding.setting}`, message: finding.message }));
}

/**
 * Each failure once: a refused key shows in every team's lookup but is one problem, and a missing
 * routing key already reported by the configuration is not repeated per team. Every team nobody
 * can reach has its own line.
 */
export function failuresOf(input: VerdictInput): Failure[] {
  const failures: Failure[] = input.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => ({ subject: problem.variable, message: problem.message }));
  for (const over of input.limits.overLimit) {
    const size = over.part === 'value' ? `${over.size} bytes` : `${over.size} characters`;
    failures.push({
      subject: over.variable,
      message: `its ${over.part} is ${size}; Twilio takes at most ${over.limit} (the deploy would be refused)`,
    });
  }
  // What the configuration already names is not named again (PagerDuty's missing TEAM_1, say).
  const named = new Set(failures.map((failure) => failure.subject));
  if (input.teamListProblem && !named.has(input.teamListProblem.variable)) {
    failures.push({ subject: input.teamListProblem.variable, message: input.teamListProblem.message });
    named.add(input.teamListProblem.variable);
  }
  for (const team of input.teams) {
    for (const { about, ...failure } of teamFailures(team)) {
      if (about !== 'reach' && named.has(failure.subject)) continue;
      named.add(failure.subject);
      failures.push(failure);
    }
  }
  return [...failures, ...numberFailures(input.number)];
}
