// `npm run doctor -- …` arguments, checked. Pure: every mistake is a UsageError naming the flag.
import { parseArgs } from 'node:util';
import { UsageError } from '../connect-number/errors';
import { checkNumber } from '../connect-number/options';

export const USAGE = `Usage: npm run doctor -- [options]

Checks, without changing anything or paging anyone, what npm run deploy would upload (.env and
assets/) and who a call to each team would ring right now.

  --env FILE       the env file to check (default .env)
  --assets DIR     the assets folder deploy ships (default assets)
  --team NAME      only this team
  --number E164    also check this Twilio number's voice settings (needs Twilio credentials in the
                   shell: TWILIO_API_KEY, TWILIO_API_SECRET and ACCOUNT_SID, or ACCOUNT_SID and
                   AUTH_TOKEN; TWILIO_API_URL honoured)
  --json           print the whole result as one JSON object (see docs/doctor.md)

Exit codes: 0 ready, 1 a problem (each on its own line), 2 bad usage.`;

export interface DoctorOptions {
  envFile: string;
  envFileGiven: boolean;
  assetsDir: string;
  assetsDirGiven: boolean;
  team?: string;
  number?: string;
  json: boolean;
}

export type ParsedDoctorCommand = { help: true } | { help: false; options: DoctorOptions };

function parseFlags(argv: readonly string[]): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        env: { type: 'string' },
        assets: { type: 'string' },
        team: { type: 'string' },
        number: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // Node's first sentence says it all; the rest is advice about "--". (Read without
    // instanceof: under jest, Node's errors come from another realm.)
    const text = (error as { message?: unknown }).message;
    const message = typeof text === 'string' ? (text.split(/\.\s/)[0] ?? text) : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
}

function nonEmpty(flag: string, value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') throw new UsageError(`--${flag} needs a value`);
  return value;
}

export function parseDoctorCommand(argv: readonly string[]): ParsedDoctorCommand {
  const flags = parseFlags(argv);
  if (flags.help === true) return { help: true };
  const envFile = nonEmpty('env', flags.env);
  const assetsDir = nonEmpty('assets', flags.assets);
  const team = nonEmpty('team', flags.team);
  const number = nonEmpty('number', flags.number);
  return {
    help: false,
    options: {
      envFile: envFile ?? '.env',
      envFileGiven: envFile !== undefined,
      assetsDir: (assetsDir ?? 'assets').replace(/\/+$/, ''),
      assetsDirGiven: assetsDir !== undefined,
      ...(team !== undefined ? { team: team.trim() } : {}),
      ...(number !== undefined ? { number: checkNumber(number) } : {}),
      json: flags.json === true,
    },
  };
}
