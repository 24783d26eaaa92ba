// `npm run call -- [options]`: one simulated call against locally running Functions.
import { readFileSync } from 'node:fs';
import { chooseAuthToken } from './auth-token';
import type { CallReport } from './call-report';
import { CALL_USAGE, CliError, parseCliOptions } from './cli-options';
import { readDotenv } from './dotenv';
import { formatEvent, formatSummary } from './format-transcript';
import { terminalInput } from './interactive-prompt';
import { fetchProviderRequests, formatProviderRequests } from './mock-incidents';
import { placeCall } from './place-call';
import type { RecordedRequest } from './mock-providers/request-log';

function authToken(option: string | undefined): string {
  const chosen = chooseAuthToken({
    option,
    envLocal: readDotenv(process.cwd(), '.env.local').AUTH_TOKEN,
    dotenv: readDotenv(process.cwd()).AUTH_TOKEN,
    shell: process.env.AUTH_TOKEN,
  });
  if (chosen.warning) console.error(chosen.warning);
  return chosen.token;
}

async function providerRequests(mockUrl: string, report: CallReport): Promise<RecordedRequest[] | null> {
  try {
    return await fetchProviderRequests(mockUrl, report.startedAtMs);
  } catch (error) {
    console.error(`could not read ${mockUrl}/__requests: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2), (path) => readFileSync(path, 'utf-8'));
  if (options.help) {
    console.log(CALL_USAGE);
    return 0;
  }
  const prompt = options.interactive && process.stdin.isTTY ? terminalInput() : null;
  const print = (line: string | null): void => {
    if (line !== null) console.log(line);
  };

  let report: CallReport;
  try {
    report = await placeCall({
      baseUrl: options.baseUrl,
      entryPath: options.entryPath,
      authToken: authToken(options.authToken),
      from: options.from,
      to: options.to,
      script: options.script,
      ...(options.maxHops !== undefined ? { maxHops: options.maxHops } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.statusCallback !== undefined ? { statusCallback: options.statusCallback } : {}),
      ...(options.statusCallbackDeliveries !== undefined
        ? { statusCallbackDeliveries: options.statusCallbackDeliveries }
        : {}),
      ...(options.stirVerstat !== undefined ? { stirVerstat: options.stirVerstat } : {}),
      ...(options.callerName !== undefined ? { callerName: options.callerName } : {}),
      ...(prompt ? { onInputNeeded: prompt.ask } : {}),
      // Live lines matter when a person is answering prompts.
      ...(options.json
        ? {}
        : { onEvent: (event) => print(formatEvent(event, { showRequests: options.showRequests })) }),
    });
  } finally {
    prompt?.close();
  }

  const providers = options.mockProvidersUrl ? await providerRequests(options.mockProvidersUrl, report) : null;
  if (options.json) {
    console.log(JSON.stringify(providers ? { ...report, providerRequests: providers } : report, null, 2));
  } else {
    if (providers) formatProviderRequests(providers).forEach((line) => console.log(line));
    console.log('');
    console.log(formatSummary(report));
  }
  return report.outcome === 'completed' ? 0 : 1;
}

// `npm run call | head` closes the pipe early: that is the reader's choice, not a failure to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    // 2: the command was wrong (as for doctor and connect-number); 1: the call went wrong.
    process.exitCode = error instanceof CliError ? 2 : 1;
  },
);
