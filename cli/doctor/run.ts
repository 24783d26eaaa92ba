// `npm run doctor` from arguments to exit code, with its input, output and clock passed in so
// that tests can run it in-process. It never throws and never ends the process.
import { StaticRosterProvider } from '../../functions/lib/providers/static-roster';
import { describeError, type Logger } from '../../functions/lib/shell/log';
import { createProvider } from '../../functions/lib/shell/setup';
import { resetWarmState } from '../../functions/lib/warm/state';
import { routingFileOf } from '../../functions/lib/config/config';
import { routingFileErrors, routingReport } from './routing';
import { UsageError } from '../connect-number/errors';
import { callTraceOf } from './call-trace';
import { chainSource } from './chain-source';
import { systemClock, type Clock } from './clock';
import { checkConfiguration } from './configuration-check';
import { readDeployment } from './deployment';
import * as text from './format';
import { incidentRoute } from './incidents';
import { checkTwilioLimits } from './limits';
import { GapLog, lookUpTeam } from './lookup';
import { checkNumber, numberAccess } from './number-check';
import { parseDoctorCommand, USAGE, type DoctorOptions } from './options';
import type { Wait } from './pacing';
import { pacerFor } from './provider-pacing';
import type { DoctorReport, WaitReport } from './report';
import { teamReport, type TeamReport } from './team-report';
import { checkTeamOption, teamsToCheck } from './teams-to-check';
import { unprovenOf } from './unproven';
import { failuresOf } from './verdict';

export interface DoctorIo {
  argv: readonly string[];
  /** The shell's environment: only Twilio credentials for --number are read from it. */
  env: Readonly<Record<string, string | undefined>>;
  /** Where .env and assets/ are looked for (npm runs scripts in the project's folder). */
  cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
  clock?: Clock;
}

export const EXIT_READY = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

// The functions log to Twilio's console; the doctor reports what matters itself.
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function diagnose(options: DoctorOptions, io: DoctorIo, clock: Clock): Promise<DoctorReport> {
  const print = (lines: string[]): void => {
    if (!options.json) lines.forEach((line) => io.stdout(line));
  };
  // Waits are printed even with --json, on stderr, so that a paused run never looks stuck.
  const progress = options.json ? io.stderr : io.stdout;
  const access = numberAccess(options.number, io.env);
  // Everything read afresh, as by a function in a cold container.
  resetWarmState();

  const deployment = readDeployment({
    cwd: io.cwd,
    envFile: options.envFile,
    envFileGiven: options.envFileGiven,
    assetsDir: options.assetsDir,
    assetsDirGiven: options.assetsDirGiven,
  });
  const { configuration, env, providerReason, assetNotes } = checkConfiguration(deployment);
  const { config, messages, roster, problems, routing, routingFile } = configuration;
  checkTeamOption(config.teams, options.team);
  const limits = checkTwilioLimits(deployment.variables);
  const summary = {
    provider: config.provider,
    providerReason,
    deployment: {
      uploaded: Object.keys(deployment.variables),
      providedByTwilio: deployment.providedByTwilio,
      emptyNotUploaded: deployment.emptyNotUploaded,
      shippedAssets: deployment.shippedAssets,
      assets: assetNotes,
    },
    problems,
  };
  print(text.introLines(deployment.envFile, deployment.envFileFound, deployment.assetsDir));
  print(text.configurationLines(summary));
  print(text.limitsLines(limits));

  const gapLog = new GapLog();
  const provider = createProvider(config, roster, quiet, gapLog.reporter);
  // The functions' stand-in for a provider they could not build: every lookup fails.
  const usable = provider.name !== 'unavailable';
  const pacer = pacerFor(provider);
  const waits: WaitReport[] = [];
  const pause = async (wait: Wait | undefined, beforeTeam: string | null): Promise<void> => {
    if (!wait || !pacer) return;
    const report: WaitReport = {
      beforeTeam,
      seconds: Math.ceil(wait.ms / 1000),
      endpoint: wait.allowance.endpoint,
      documentedPerMinute: wait.allowance.documentedPerMinute,
      allowedPerMinute: wait.allowance.allowedPerMinute,
    };
    waits.push(report);
    progress(text.waitLine(report, pacer.providerLabel));
    await clock.sleep(wait.ms);
  };

  const routingPath = routingFileOf(env);
  const rejected = routingFileErrors(problems, routingPath).length > 0;
  const routingSummary = routingReport(
    routing,
    routingFile,
    rejected ? routingPath : null,
    config.teams,
    config.menus,
    new Date(clock.now()),
  );
  print(text.routingLines(routingSummary));
  print(text.teamsHeading(config.provider));
  const { teams, teamListProblem } = await teamsToCheck(
    {
      config,
      env,
      messages,
      provider,
      usable,
      ...(routingFile ? { routingFile } : {}),
      beforeTeamList: () => pause(pacer?.beforeTeamList(clock.now()), null),
    },
    options.team,
  );
  if (teamListProblem) print(text.teamListLines(teamListProblem));
  const rosterFallback =
    config.rosterFallback && config.provider !== 'static' && roster
      ? new StaticRosterProvider(roster, () => undefined)
      : undefined;
  const teamReports: TeamReport[] = [];
  for (const { team, place, ownFallbackVariable } of teams) {
    await pause(pacer?.beforeTeam(team, clock.now()), team.name);
    const outcome = await lookUpTeam(
      { provider, ...(rosterFallback ? { rosterFallback } : {}), budgetMs: config.lookupTimeoutMs, gapLog },
      team,
    );
    const report = teamReport(
      {
        team,
        place,
        ownFallbackVariable,
        provider: config.provider,
        providerConfigured: usable,
        chainFrom: chainSource(config, team, place),
        allowedCountryCodes: config.allowedCountryCodes,
        incidents: incidentRoute(config, env, team, place.n, usable),
      },
      outcome,
    );
    teamReports.push(report);
    print(text.teamLines(report));
  }

  const number = await checkNumber(options.number, access);
  const callTrace = callTraceOf(config, env);
  const notChecked = unprovenOf(config, teamReports);
  const failures = failuresOf({ problems, limits, teamListProblem, teams: teamReports, number });
  print(text.numberLines(number, callTrace));
  print(text.notCheckedLines(notChecked));
  print(text.resultLines(failures));
  return {
    ready: failures.length === 0,
    envFile: deployment.envFile,
    envFileFound: deployment.envFileFound,
    assetsDir: deployment.assetsDir,
    ...summary,
    limits,
    routing: routingSummary,
    teamListProblem,
    teams: teamReports,
    waits,
    number,
    callTrace,
    notChecked,
    failures,
  };
}

export async function runDoctor(io: DoctorIo): Promise<number> {
  try {
    const command = parseDoctorCommand(io.argv);
    if (command.help) {
      io.stdout(USAGE);
      return EXIT_READY;
    }
    const report = await diagnose(command.options, io, io.clock ?? systemClock);
    if (command.options.json) io.stdout(JSON.stringify(report, null, 2));
    return report.ready ? EXIT_READY : EXIT_PROBLEMS;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`doctor: ${error.message}`);
      return EXIT_USAGE;
    }
    io.stderr(`doctor: unexpected failure: ${describeError(error)}`);
    return EXIT_PROBLEMS;
  }
}
