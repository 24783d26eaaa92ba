// The command from arguments to exit code, with its input and output passed in so that tests
// can run it in-process. It never throws and never ends the process.
import { resolveAccess, type ResolvedAccess } from './credentials';
import { NumberNotFoundError, TwilioApiError, TwilioRequestError, UsageError } from './errors';
import { parseCommand, USAGE } from './options';
import { changesAsUpdate, planChanges, targetSettings, withChanges } from './plan';
import { outcomeJson, planText, resultText, type Plan } from './report';
import { twilioClient } from './twilio-client';
import { findNumber, updateVoiceSettings } from './voice-settings';

export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout(line: string): void;
  stderr(line: string): void;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function failureMessage(error: unknown, access: ResolvedAccess | undefined): string {
  if (error instanceof TwilioApiError && error.status === 401 && access) {
    return `${error.message} (check ${access.sources.join(', ')})`;
  }
  if (
    error instanceof UsageError ||
    error instanceof TwilioApiError ||
    error instanceof NumberNotFoundError ||
    error instanceof TwilioRequestError
  ) {
    return error.message;
  }
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
}

async function connect(io: CliIo, setAccess: (access: ResolvedAccess) => void): Promise<number> {
  const command = parseCommand(io.argv);
  if (command.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const { options } = command;
  const access = resolveAccess(options.credentials, io.env);
  setAccess(access);
  const client = twilioClient(access);
  const before = await findNumber(client, access, options.number);
  const target = targetSettings(options.serviceUrl, options.overrides);
  const plan: Plan = {
    accountSid: access.accountSid,
    before,
    changes: planChanges(before, target),
    wantsChange: Object.keys(target).length > 0,
    dryRun: options.dryRun,
  };
  if (!options.json) planText(plan).forEach((line) => io.stdout(line));
  const after =
    plan.changes.length === 0 || plan.dryRun
      ? withChanges(before, plan.changes)
      : await updateVoiceSettings(client, access, before, changesAsUpdate(plan.changes));
  if (options.json) {
    io.stdout(JSON.stringify(outcomeJson({ ...plan, after }), null, 2));
  } else {
    const result = resultText(plan);
    if (result !== null) io.stdout(result);
  }
  return EXIT_OK;
}

export async function runConnectNumber(io: CliIo): Promise<number> {
  let access: ResolvedAccess | undefined;
  try {
    return await connect(io, (resolved) => (access = resolved));
  } catch (error) {
    io.stderr(`connect-number: ${failureMessage(error, access)}`);
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
  }
}
