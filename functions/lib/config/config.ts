import { toE164 } from '../core/phone';
import type { Team } from '../core/types';
import type { Env } from './env';

export type ProviderName = 'victorops' | 'static';
export type CallerIdMode = 'support' | 'caller';

export interface VictorOpsSettings {
  apiId: string;
  apiKey: string;
  /** The REST endpoint integration key that incidents are posted with. */
  alertKey: string;
  apiUrl: string;
  alertUrl: string;
}

export interface Config {
  provider: ProviderName;
  /** Teams from TEAM_n / ESC_POL_n, in n order; empty means "every team the provider knows". */
  teams: Team[];
  menus: 0 | 1 | 2;
  noVoicemail: boolean;
  noCall: boolean;
  voice: string;
  language: string;
  speechInput: boolean;
  ringTimeoutSeconds: number;
  voicemailMaxSeconds: number;
  callerIdMode: CallerIdMode;
  /** Overall budget for one on-call lookup, all provider requests included. */
  lookupTimeoutMs: number;
  /** Every webhook answers within this, whatever its providers do (Twilio gives up at 15 s). */
  webhookBudgetMs: number;
  /** Numbers rung when the provider fails, for teams without FALLBACK_PHONES_n of their own. */
  fallbackPhones: string[];
  /** Use the static roster when the provider fails. */
  rosterFallback: boolean;
  /** Country calling codes responders may be dialled in; empty allows every country. */
  allowedCountryCodes: string[];
  /** Last-resort SMS when an incident cannot be opened. */
  sms: SmsSettings;
  /** Present when provider is victorops and every credential it needs is set. */
  victorops?: VictorOpsSettings;
  staticRosterAsset: string;
  messagesAsset: string;
}

export interface SmsSettings {
  /** Both present only when credentials are: Twilio's cloud provides them to the function. */
  accountSid?: string;
  authToken?: string;
  /** Sender; the number the caller dialled when unset. */
  from?: string;
  apiUrl: string;
}

/** A variable that is missing or malformed: the log names it, the call goes on with a safe default. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export interface ParsedConfig {
  config: Config;
  problems: ConfigProblem[];
}

const PROVIDERS: readonly ProviderName[] = ['victorops', 'static'];
const PLANNED_PROVIDERS = ['pagerduty', 'opsgenie'];

export function parseConfig(env: Env): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const reader = new EnvReader(env, problems);

  const provider = chooseProvider(env, problems);
  const config: Config = {
    provider,
    teams: readTeams(env, reader),
    menus: reader.choice('NUMBER_OF_MENUS', ['0', '1', '2'] as const, '0', Number) as 0 | 1 | 2,
    noVoicemail: reader.flag('NO_VOICEMAIL'),
    noCall: reader.flag('NO_CALL'),
    voice: reader.text('voice', 'Polly.Joanna'),
    language: reader.text('LANGUAGE', 'en-US'),
    speechInput: reader.flag('SPEECH_INPUT', true),
    ringTimeoutSeconds: reader.integer('RING_TIMEOUT_SECONDS', 20, 5, 120),
    voicemailMaxSeconds: reader.integer('VOICEMAIL_MAX_SECONDS', 120, 5, 3600),
    callerIdMode: reader.choice('RESPONDER_CALLER_ID', ['support', 'caller'] as const, 'support', (v) => v),
    lookupTimeoutMs: reader.integer('LOOKUP_TIMEOUT_MS', 2500, 500, 8000),
    webhookBudgetMs: reader.integer('WEBHOOK_BUDGET_MS', 2800, 1000, 9000),
    fallbackPhones: reader.phones('FALLBACK_PHONES'),
    rosterFallback: reader.flag('ROSTER_FALLBACK'),
    allowedCountryCodes: reader.countryCodes('ALLOWED_COUNTRY_CODES'),
    sms: {
      accountSid: stringValue(env, 'ACCOUNT_SID'),
      authToken: stringValue(env, 'AUTH_TOKEN'),
      from: reader.phones('SMS_FROM')[0],
      apiUrl: reader.baseUrl('TWILIO_API_URL', 'TWILIO_API_HOST', 'https://api.twilio.com') ?? 'https://api.twilio.com',
    },
    staticRosterAsset: reader.text('STATIC_ROSTER_ASSET', '/roster.json'),
    messagesAsset: reader.text('MESSAGES_ASSET', '/messages.json'),
  };
  if (provider === 'victorops') {
    config.victorops = readVictorOps(env, reader, problems);
  }
  return { config, problems };
}

function chooseProvider(env: Env, problems: ConfigProblem[]): ProviderName {
  const requested = stringValue(env, 'ONCALL_PROVIDER')?.toLowerCase();
  if (requested) {
    if ((PROVIDERS as readonly string[]).includes(requested)) return requested as ProviderName;
    const hint = PLANNED_PROVIDERS.includes(requested) ? ' (not available in this version)' : '';
    problems.push({
      variable: 'ONCALL_PROVIDER',
      message: `must be one of ${PROVIDERS.join(', ')}; got "${env.ONCALL_PROVIDER}"${hint}. Using the static roster.`,
    });
    return 'static';
  }
  const hasVictorOpsCredentials = ['VICTOROPS_API_ID', 'VICTOROPS_API_KEY'].some((name) => stringValue(env, name));
  return hasVictorOpsCredentials ? 'victorops' : 'static';
}

/**
 * TEAM_1, TEAM_2, … in numeric order, each with its ESC_POL_n. The reference also accepted
 * TEAM1 / ESC_POL1, so both spellings count.
 */
function readTeams(env: Env, reader: EnvReader): Team[] {
  const numbered: Array<{ n: number; team: Team }> = [];
  for (const [key, value] of Object.entries(env)) {
    const match = /^TEAM_?(\d+)$/i.exec(key);
    // The runtime's context mixes functions in with the variables.
    const name = typeof value === 'string' ? value.trim() : undefined;
    if (!match || !name) continue;
    const n = Number(match[1]);
    const policy = stringValue(env, `ESC_POL_${n}`) ?? stringValue(env, `ESC_POL${n}`);
    const fallbackPhones = reader.phones(`FALLBACK_PHONES_${n}`);
    numbered.push({
      n,
      team: { name, ...(policy ? { policy } : {}), ...(fallbackPhones.length > 0 ? { fallbackPhones } : {}) },
    });
  }
  return numbered.sort((a, b) => a.n - b.n).map(({ team }) => team);
}

function readVictorOps(env: Env, reader: EnvReader, problems: ConfigProblem[]): VictorOpsSettings | undefined {
  const required = ['VICTOROPS_API_ID', 'VICTOROPS_API_KEY', 'VICTOROPS_TWILIO_SERVICE_API_KEY'] as const;
  const missing = required.filter((name) => !stringValue(env, name));
  for (const variable of missing) {
    problems.push({
      variable,
      message: 'is required for Splunk On-Call. Calls go to voicemail until it is set.',
    });
  }
  const apiUrl = reader.baseUrl('VICTOROPS_API_URL', 'API_HOST', 'https://api.victorops.com');
  const alertUrl = reader.baseUrl('VICTOROPS_ALERT_URL', 'ALERT_HOST', 'https://alert.victorops.com');
  if (missing.length > 0 || !apiUrl || !alertUrl) return undefined;
  return {
    apiId: stringValue(env, 'VICTOROPS_API_ID') ?? '',
    apiKey: stringValue(env, 'VICTOROPS_API_KEY') ?? '',
    alertKey: stringValue(env, 'VICTOROPS_TWILIO_SERVICE_API_KEY') ?? '',
    apiUrl,
    alertUrl,
  };
}

/** Reads one variable at a time, recording a problem and falling back when a value is malformed. */
class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: ConfigProblem[],
  ) {}

  private raw(name: string): string | undefined {
    return stringValue(this.env, name);
  }

  private complain(variable: string, message: string): void {
    this.problems.push({ variable, message });
  }

  text(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  flag(name: string, fallback = false): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', 'yes', '1', 'on'].includes(value)) return true;
    if (['false', 'no', '0', 'off'].includes(value)) return false;
    this.complain(name, `must be true or false; got "${this.env[name]}". Using ${fallback}.`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    this.complain(name, `must be a whole number from ${min} to ${max}; got "${value}". Using ${fallback}.`);
    return fallback;
  }

  choice<const C extends readonly string[], T>(
    name: string,
    choices: C,
    fallback: C[number],
    convert: (v: C[number]) => T,
  ): T {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return convert(fallback);
    if ((choices as readonly string[]).includes(value)) return convert(value as C[number]);
    this.complain(name, `must be one of ${choices.join(', ')}; got "${this.env[name]}". Using ${fallback}.`);
    return convert(fallback);
  }

  /** A comma-separated list of phone numbers, each turned into E.164; a bad one is left out. */
  phones(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    return value.split(/[,;]/).flatMap((entry) => {
      if (entry.trim() === '') return [];
      const phone = toE164(entry);
      if (!phone)
        this.complain(
          name,
          `has "${entry.trim()}", which is not a phone number (use E.164, such as +15555550100). Left out.`,
        );
      return phone ? [phone] : [];
    });
  }

  /** Country calling codes such as "1, 44"; with or without "+". */
  countryCodes(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    return value.split(/[,;\s]+/).flatMap((entry) => {
      const code = entry.replace(/^\+/, '');
      if (code === '') return [];
      if (/^[1-9][0-9]{0,3}$/.test(code)) return [code];
      this.complain(name, `has "${entry}", which is not a country calling code (such as 1 or 44). Left out.`);
      return [];
    });
  }

  /** A full base URL variable, or the reference's bare host variable, or the default. */
  baseUrl(urlName: string, hostName: string, fallback: string): string | undefined {
    const url = this.raw(urlName);
    if (url !== undefined) {
      if (/^https?:\/\/[^\s/]+/i.test(url)) return url.replace(/\/+$/, '');
      this.complain(urlName, `must be a base URL with its scheme, such as ${fallback}; got "${url}".`);
      return undefined;
    }
    const host = this.raw(hostName);
    if (host !== undefined) {
      if (/^[a-z0-9.-]+(:\d+)?$/i.test(host)) return `https://${host}`;
      this.complain(hostName, `must be a host name such as ${fallback.replace('https://', '')}; got "${host}".`);
      return undefined;
    }
    return fallback;
  }
}

/** A variable's trimmed value, or undefined when unset, blank or not a string at all. */
function stringValue(env: Env, name: string): string | undefined {
  const value: unknown = env[name];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
