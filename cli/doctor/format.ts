// The doctor's report as lines for a person, section by section, so that each can be printed as
// soon as it is known (a run that waits for a rate limit still shows its progress).
import type { ConfigProblem, ProviderName } from '../../functions/lib/config/config';
import type { CallTraceReport } from './call-trace';
import type { LimitsReport } from './limits';
import type { NumberReport } from './number-check';
import type { RoutingReport } from './routing';
import type { DoctorReport, WaitReport } from './report';
import type { TeamReport } from './team-report';
import type { Unproven } from './unproven';
import type { Failure } from './verdict';
import { PROVIDER_LABELS } from './provider-labels';

const list = (names: readonly string[]): string => names.join(', ');

export function introLines(envFile: string, envFileFound: boolean, assetsDir: string): string[] {
  const source = envFileFound ? envFile : `${envFile} (missing: npm run deploy would upload no variables)`;
  return [
    `npm run doctor: what npm run deploy would upload from ${source} and ${assetsDir}/, and who would be called now.`,
  ];
}

export function configurationLines(
  report: Pick<DoctorReport, 'provider' | 'providerReason' | 'deployment' | 'problems'>,
): string[] {
  const { deployment } = report;
  const lines = ['', 'Configuration', `  Provider: ${PROVIDER_LABELS[report.provider]} (${report.providerReason})`];
  lines.push(
    deployment.uploaded.length > 0
      ? `  Uploaded: ${deployment.uploaded.length} variables: ${list(deployment.uploaded)}`
      : '  Uploaded: no variables',
  );
  if (deployment.providedByTwilio.length > 0) {
    lines.push(
      `  Not uploaded: ${list(deployment.providedByTwilio)}: Twilio's cloud provides ACCOUNT_SID and AUTH_TOKEN to the functions`,
    );
  } else {
    lines.push("  ACCOUNT_SID and AUTH_TOKEN: Twilio's cloud provides them to the functions");
  }
  if (deployment.emptyNotUploaded.length > 0) {
    lines.push(`  Empty, so not uploaded: ${list(deployment.emptyNotUploaded)}`);
  }
  for (const asset of deployment.assets) lines.push(`  ${asset.file}: ${asset.note}`);
  lines.push(...problemLines(report.problems));
  return lines;
}

function problemLines(problems: readonly ConfigProblem[]): string[] {
  if (problems.length === 0) return ['  No problems in the variables or the assets.'];
  return problems.map((problem) => `  ${problem.severity}: ${problem.variable} ${problem.message}`);
}

export function limitsLines(limits: LimitsReport): string[] {
  const lines = ['', "Twilio's limits"];
  if (limits.overLimit.length === 0) {
    lines.push('  Every value is within 450 bytes and every name within 128 characters.');
  }
  for (const over of limits.overLimit) {
    const size = over.part === 'value' ? `${over.size} bytes` : `${over.size} characters`;
    lines.push(`  error: ${over.variable}: its ${over.part} is ${size}, over Twilio's limit of ${over.limit}`);
  }
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const context =
    `about ${kb(limits.contextBytes)} of the ${kb(limits.contextLimitBytes)} a function's context may hold ` +
    '(approximate: the context also holds the domain name, the path and account details, which only Twilio knows)';
  lines.push(
    limits.nearContextLimit
      ? `  warning: variables: ${context}; invocations may fail (Twilio error 82006)`
      : `  Variables: ${context}`,
  );
  return lines;
}

export function routingLines(routing: RoutingReport): string[] {
  if (!routing.file) {
    const why = routing.rejected
      ? `${routing.rejected} is not used until its problems (above) are fixed`
      : 'No routing file';
    return ['', 'Routing', `  ${why}: every number offers every team, nobody is screened, one person rings at a time.`];
  }
  const teamsOf = (entry: { teams: string[]; menu: boolean }): string =>
    `${list(entry.teams)} (${entry.menu ? 'team menu' : 'no menu'})`;
  const lines = ['', `Routing (${routing.file})`, '  Numbers'];
  for (const entry of routing.numbers) {
    const greeting = entry.greeting ? `, greeting "${entry.greeting}"` : '';
    lines.push(`    ${entry.number}: ${teamsOf(entry)}${greeting}`);
  }
  lines.push(`    any other number: ${teamsOf(routing.otherNumbers)}`);
  lines.push('  Teams');
  for (const team of routing.teams) {
    const hours = team.hours ? `${team.hours}; after hours: ${team.afterHours}` : 'no hours (always open)';
    const ring = team.ring === 'step' ? 'a whole escalation step at once' : 'one person at a time';
    const cap = team.maxRingSeconds !== null ? `, at most ${team.maxRingSeconds} s of ringing` : '';
    const notify =
      team.notify.sms + team.notify.email > 0
        ? `; voicemails also to ${team.notify.sms} by SMS, ${team.notify.email} by e-mail`
        : '';
    lines.push(`    ${team.name}: ${hours}; rings ${ring}${cap}${notify}`);
  }
  const { callers } = routing;
  lines.push(
    `  Callers: blocked ${callers.block.length > 0 ? list(callers.block) : 'none'}; ${
      callers.allow.length > 0 ? `only ${list(callers.allow)} put through` : 'everyone else put through'
    }; withheld caller ID: ${callers.anonymous}; failed caller ID verification: ${callers.unverified}`,
  );
  const silence = {
    'first-team': 'the first team',
    voicemail: 'a voicemail (an incident only if they leave a message)',
    goodbye: 'a goodbye (nobody paged)',
  };
  lines.push(`  Silence at every prompt: ${silence[routing.noInput]}`);
  return lines;
}

export function teamsHeading(provider: ProviderName): string[] {
  return ['', `On call now (${PROVIDER_LABELS[provider]}, read-only)`];
}

export function teamListLines(problem: { variable: string; message: string }): string[] {
  return [`  Teams: ${problem.message}`];
}

export function waitLine(wait: WaitReport, providerLabel: string): string {
  const before = wait.beforeTeam === null ? 'reading the team list' : wait.beforeTeam;
  return (
    `  Waiting ${wait.seconds} s before ${before}: ${providerLabel} documents ${wait.documentedPerMinute} requests a ` +
    `minute to its ${wait.endpoint} endpoint, and the doctor keeps to ${wait.allowedPerMinute} of them so that ` +
    'live calls have the rest.'
  );
}

export function teamLines(team: TeamReport): string[] {
  const read = team.lookupMs === null ? 'not read' : `read in ${team.lookupMs} ms`;
  const lines = [`  ${team.name}${team.variable ? ` (${team.variable})` : ''}: ${team.chainFrom}, ${read}`];
  const failure = team.lookupFailure;
  if (failure && team.fromRosterFallback) {
    lines.push(
      `    The provider failed: ${failure.problem}`,
      '    The static roster answers instead (ROSTER_FALLBACK).',
    );
  } else if (failure) {
    lines.push(`    Lookup failed: ${failure.problem}`);
  }
  if (team.ring.length > 0) {
    const width = Math.max(...team.ring.map((entry) => entry.name.length));
    lines.push('    Rings, in order:');
    team.ring.forEach((entry, index) =>
      lines.push(
        `      ${index + 1}. ${entry.name.padEnd(width)}  ${entry.phone}  (escalation step ${entry.escalationStep})`,
      ),
    );
  } else if (!failure) {
    lines.push(`    Rings: nobody (${team.skipped.length > 0 ? 'everyone on call is skipped' : 'nobody is on call'})`);
  }
  for (const skip of team.skipped) {
    const step = skip.escalationStep === undefined ? '' : ` (escalation step ${skip.escalationStep})`;
    lines.push(`    Skipped: ${skip.name}${step}: ${skip.why}`);
  }
  lines.push(`    Fallback: ${fallbackText(team)}`);
  lines.push(
    `    Incidents: ${team.incidents.destination ?? `nowhere: ${team.incidents.problem?.message ?? 'unknown'}`}`,
  );
  lines.push(`    ${reachText(team)}`);
  return lines;
}

function fallbackText(team: TeamReport): string {
  const { fallback } = team;
  const own = team.fallbackIn ? `${team.fallbackIn} and FALLBACK_PHONES are` : 'FALLBACK_PHONES is';
  if (fallback.variable === null) return `none (${own} not set)`;
  const refused = fallback.refused.length > 0 ? `; refused by ALLOWED_COUNTRY_CODES: ${list(fallback.refused)}` : '';
  const phones = fallback.phones.length > 0 ? list(fallback.phones) : 'none usable';
  return (
    `${phones} (${fallback.variable})${refused}: rung in order when the lookup fails or names nobody who can be ` +
    'dialled, and when an incident cannot be opened; they also get the last-resort SMS'
  );
}

function reachText(team: TeamReport): string {
  switch (team.reaches) {
    case 'on-call':
      return `A call reaches: ${team.ring[0]?.name ?? 'the first in the chain'} first.`;
    case 'fallback':
      return 'A call reaches: the fallback numbers (nobody on call can be dialled now).';
    case 'nobody':
      return 'A call reaches: nobody. Callers go straight to voicemail.';
  }
}

export function numberLines(number: NumberReport, trace: CallTraceReport): string[] {
  const lines = ['', 'Phone number'];
  if (!number.checked) lines.push(`  ${number.phoneNumber ?? 'The number'}: ${number.problem ?? ''}`);
  else if (number.problem) lines.push(`  ${number.phoneNumber}: could not be read: ${number.problem}`);
  else {
    lines.push(`  ${number.phoneNumber}:`);
    for (const finding of number.findings) {
      const mark = finding.ok ? 'ok' : finding.severity;
      lines.push(`    ${mark}: ${finding.setting} ${finding.message}`);
    }
    if (number.fix) lines.push(`  To fix: ${number.fix}`);
  }
  lines.push(`  /call-status trace: ${trace.why}`);
  return lines;
}

export function notCheckedLines(unproven: readonly Unproven[]): string[] {
  if (unproven.length === 0) return [];
  return [
    '',
    'Not checked (a read-only check cannot prove these)',
    ...unproven.map((u) => `  ${u.subject}: ${u.reason}`),
  ];
}

export function resultLines(failures: readonly Failure[]): string[] {
  if (failures.length === 0) {
    return ['', 'Ready: every team can reach somebody now and incidents have somewhere to go.'];
  }
  const count = failures.length === 1 ? '1 problem' : `${failures.length} problems`;
  return ['', `Not ready: ${count}`, ...failures.map((failure) => `  ${failure.subject}: ${failure.message}`)];
}
