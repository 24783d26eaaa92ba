// Turns `npm run call -- ...` arguments into placeCall options. Pure (files are read
// through the injected readFile) so it can be tested without a terminal.
import { parseArgs } from 'node:util';
import type { CallerInput, CallScenario, CallScript, ResponderBehaviour, VoicemailScript } from './call-script';
import { RESPONDER_BEHAVIOURS } from './call-script';
import { parseScenario } from './call-script-parser';
import { isStirVerstat, STIR_VERSTAT_VALUES } from './stir-verstat';
import { speechSeconds } from './speech-timing';

export const CALL_USAGE = `Usage: npm run call -- [options]

  --url URL              where the Functions run (default http://localhost:3000)
  --entry PATH           the voice webhook (default /voice)
  --from E164            caller number (default +15555550150)
  --to E164              support number called (default +15555550100)
  --digits 1,2           caller key presses in order; "_" = silence, "hangup" = hang up
  --say "text"           a spoken answer (repeatable; kept in order with --digits)
  --script FILE          a CallScript or scenario JSON file
  --responder NUM=BEHAVIOUR[:TALK_SECONDS]
                         how a dialled number behaves (repeatable): accept, no-answer,
                         busy, failed, voicemail, decline, hangs-up-during-whisper
  --voicemail "text"     leave this message at the first <Record>
  --voicemail-seconds N  its length (default: estimated from the text)
  --hang-up-during-dial  the caller hangs up while the first <Dial> rings
  --status-callback PATH request this call status callback after the call
  --status-callback-deliveries N
                         deliver it N times, as Twilio's retries would (default 1)
  --stir-verstat VALUE   Twilio's SHAKEN/STIR verdict on the call (StirVerstat), e.g.
                         TN-Validation-Passed-A, TN-Validation-Failed, No-TN-Validation
  --caller-name NAME     the caller's CNAM name (CallerName)
  --auth-token TOKEN     signs requests (else AUTH_TOKEN from ./.env.local, ./.env, the shell)
  --mock-providers URL   also show what the mock provider server received during the call
  --max-hops N           stop after N TwiML requests (default 40)
  --timeout MS           per-request timeout (default 15000, as Twilio)
  --json                 print the CallReport as JSON
  --no-interactive       never prompt; missing input is silence
  --hide-requests        do not print a line per webhook request
  -h, --help             this text`;

export interface CliOptions {
  baseUrl: string;
  entryPath: string;
  from: string;
  to: string;
  script: CallScript;
  authToken?: string;
  mockProvidersUrl?: string;
  maxHops?: number;
  requestTimeoutMs?: number;
  statusCallback?: string;
  statusCallbackDeliveries?: number;
  stirVerstat?: string;
  callerName?: string;
  json: boolean;
  interactive: boolean;
  showRequests: boolean;
  help: boolean;
}

export class CliError extends Error {}

function digitInputs(list: string): CallerInput[] {
  return list
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '')
    .map((token): CallerInput => {
      if (token === '_' || token === 'silence') return { silence: true };
      if (token === 'hangup' || token === 'hang-up') return { hangUp: true };
      if (!/^[0-9*#]+$/.test(token)) throw new CliError(`--digits: "${token}" is not keys, "_" or "hangup"`);
      return { digits: token };
    });
}

export function parseResponderOption(text: string): {
  number: string;
  behaviour: ResponderBehaviour;
  talkSeconds?: number;
} {
  const match = /^(\+?\d+)=([a-z-]+)(?::(\d+))?$/.exec(text.trim());
  const behaviour = match?.[2] as ResponderBehaviour | undefined;
  if (!match || behaviour === undefined || !RESPONDER_BEHAVIOURS.includes(behaviour)) {
    throw new CliError(`--responder "${text}": expected +1555...=${RESPONDER_BEHAVIOURS.join('|')}[:TALK_SECONDS]`);
  }
  return match[3] === undefined
    ? { number: match[1] ?? '', behaviour }
    : { number: match[1] ?? '', behaviour, talkSeconds: Number(match[3]) };
}

function positiveNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new CliError(`${option}: "${value}" is not a positive number`);
  return parsed;
}

export function parseCliOptions(argv: string[], readFile: (path: string) => string): CliOptions {
  const { values, tokens } = parseArgs({
    args: argv,
    tokens: true,
    options: {
      url: { type: 'string' },
      entry: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      digits: { type: 'string', multiple: true },
      say: { type: 'string', multiple: true },
      script: { type: 'string' },
      responder: { type: 'string', multiple: true },
      voicemail: { type: 'string' },
      'voicemail-seconds': { type: 'string' },
      'hang-up-during-dial': { type: 'boolean', default: false },
      'status-callback': { type: 'string' },
      'status-callback-deliveries': { type: 'string' },
      'stir-verstat': { type: 'string' },
      'caller-name': { type: 'string' },
      'auth-token': { type: 'string' },
      'mock-providers': { type: 'string' },
      'max-hops': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-interactive': { type: 'boolean', default: false },
      'hide-requests': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });

  let scenario: CallScenario = { script: { caller: [] } };
  if (values.script) {
    let json: unknown;
    try {
      json = JSON.parse(readFile(values.script)) as unknown;
    } catch (error) {
      throw new CliError(`--script ${values.script}: ${error instanceof Error ? error.message : String(error)}`);
    }
    scenario = parseScenario(json);
  }
  const script: CallScript = { ...scenario.script, caller: [...scenario.script.caller] };

  // --digits and --say append to the script's caller inputs in command-line order.
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'digits') script.caller.push(...digitInputs(token.value));
    if (token.name === 'say') script.caller.push({ speech: token.value });
  }
  for (const option of values.responder ?? []) {
    const { number, ...responder } = parseResponderOption(option);
    script.responders = { ...script.responders, [number]: responder };
  }
  if (values.voicemail !== undefined) {
    const seconds =
      positiveNumber(values['voicemail-seconds'], '--voicemail-seconds') ??
      Math.max(3, speechSeconds(values.voicemail));
    const message: VoicemailScript = { action: 'leave-message', seconds, transcript: values.voicemail };
    script.voicemail = message;
  }
  if (values['hang-up-during-dial']) script.callerHangsUpDuringDial = true;

  const options: CliOptions = {
    baseUrl: values.url ?? scenario.url ?? 'http://localhost:3000',
    entryPath: values.entry ?? scenario.entryPath ?? '/voice',
    from: values.from ?? scenario.from ?? '+15555550150',
    to: values.to ?? scenario.to ?? '+15555550100',
    script,
    json: values.json === true,
    interactive: values['no-interactive'] !== true,
    showRequests: values['hide-requests'] !== true,
    help: values.help === true,
  };
  if (values['auth-token'] !== undefined) options.authToken = values['auth-token'];
  if (values['mock-providers'] !== undefined) options.mockProvidersUrl = values['mock-providers'];
  if (values['status-callback'] !== undefined) options.statusCallback = values['status-callback'];
  const deliveries = positiveNumber(values['status-callback-deliveries'], '--status-callback-deliveries');
  if (deliveries !== undefined && !Number.isInteger(deliveries)) {
    throw new CliError(`--status-callback-deliveries: "${deliveries}" is not a whole number`);
  }
  if (deliveries !== undefined) options.statusCallbackDeliveries = deliveries;
  const stirVerstat = values['stir-verstat'] ?? scenario.stirVerstat;
  if (stirVerstat !== undefined && !isStirVerstat(stirVerstat)) {
    throw new CliError(`--stir-verstat: "${stirVerstat}" is not one of ${STIR_VERSTAT_VALUES.join(', ')}`);
  }
  if (stirVerstat !== undefined) options.stirVerstat = stirVerstat;
  const callerName = values['caller-name'] ?? scenario.callerName;
  if (callerName !== undefined) options.callerName = callerName;
  const maxHops = positiveNumber(values['max-hops'], '--max-hops');
  const timeout = positiveNumber(values.timeout, '--timeout');
  if (maxHops !== undefined) options.maxHops = maxHops;
  if (timeout !== undefined) options.requestTimeoutMs = timeout;
  return options;
}
