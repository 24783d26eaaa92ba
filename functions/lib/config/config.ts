import type { Team } from '../core/types';
import { fileOf } from './asset-file';
import type { Env } from './env';
import { EnvReader, stringValue, type ConfigProblem } from './env-reader';
import { readOpsgenieSettings, type OpsgenieSettings } from './opsgenie-settings';
import { readPagerDutySettings, type PagerDutySettings } from './pagerduty-settings';
import { numberFileTeams, readTeams } from './teams';
import { DEFAULT_SENDGRID_API_URL, type SendGridSettings } from '../notify/sendgrid';

export type { ConfigProblem } from './env-reader';
export type { OpsgenieSettings } from './opsgenie-settings';
export type { PagerDutySettings } from './pagerduty-settings';

export type ProviderName = 'victorops' | 'pagerduty' | 'opsgenie' | 'static';
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
  /** How long a warm container reuses a team's on-call chain across calls; 0 asks every time. */
  oncallCacheSeconds: number;
  /** Numbers rung when the provider fails, for teams without FALLBACK_PHONES_n of their own. */
  fallbackPhones: string[];
  /** Use the static roster when the provider fails. */
  rosterFallback: boolean;
  /** Country calling codes responders may be dialled in; empty allows every country. */
  allowedCountryCodes: string[];
  /** Last-resort SMS when an incident cannot be opened. */
  sms: SmsSettings;
  /** Present when the functions can keep each call's trace (Twilio's cloud gives them the credentials). */
  trace?: TraceSettings;
  /** Twilio SendGrid, for the routing file's notify.email: present when its key and sender are set. */
  mail?: SendGridSettings;
  /** The budget of a webhook nobody waits on: the caller is gone, or it is a callback. */
  backgroundBudgetMs: number;
  /** RECORD_MENU_HANGUPS: a caller who hangs up before choosing a team leaves a low-urgency record. */
  recordMenuHangups: boolean;
  /** Present when provider is victorops and every credential it needs is set. */
  victorops?: VictorOpsSettings;
  /** Present when provider is pagerduty and its API key is set. */
  pagerduty?: PagerDutySettings;
  /** Present when provider is opsgenie and its API key is set. */
  opsgenie?: OpsgenieSettings;
  /** Static roster only: incidents are also posted here as Slack-compatible JSON. */
  staticWebhookUrl?: string;
  staticRosterAsset: string;
  messagesAsset: string;
  /** The routing file's asset path: per-number teams, hours, screening, ring strategies. */
  routingAsset: string;
}

/** Where each call's trace is kept for /call-status: a Twilio Sync service. */
export interface TraceSettings {
  accountSid: string;
  authToken: string;
  /** An IS… SID, or "default": the account's default Sync service. */
  serviceSid: string;
  apiUrl: string;
}

export interface SmsSettings {
  /** Both present only when credentials are: Twilio's cloud provides them to the function. */
  accountSid?: string;
  authToken?: string;
  /** Sender; the number the caller dialled when unset. */
  from?: string;
  apiUrl: string;
}

export interface ParsedConfig {
  config: Config;
  problems: ConfigProblem[];
}

const PROVIDERS: readonly ProviderName[] = ['victorops', 'pagerduty', 'opsgenie', 'static'];

/**
 * `fileTeams`: the teams of the routing file, when there is one; they replace the TEAM_n family
 * (TEAM_n, ESC_POL_n, FALLBACK_PHONES_n), and PAGERDUTY_ROUTING_KEY_n then keys team n of the file.
 */
export function parseConfig(env: Env, fileTeams?: Team[]): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const reader = new EnvReader(env, problems);

  const provider = chooseProvider(env, problems);
  const numberedTeams = fileTeams ? numberFileTeams(fileTeams, routingFileOf(env)) : readTeams(env, reader);
  if (fileTeams) reportIgnoredTeamVariables(env, reader);
  const stateSecret = stringValue(env, 'STATE_SECRET');
  if (stateSecret !== undefined && stateSecret.length < 32) {
    // Still used: refusing it would refuse every call's state; the doctor makes it visible.
    reader.complain(
      'STATE_SECRET',
      `is ${stateSecret.length} characters; use 32 or more, so that call state cannot be forged.`,
    );
  }
  const config: Config = {
    provider,
    teams: numberedTeams.map(({ team }) => team),
    // A routing file that gives a number several teams means a menu to choose among them; the
    // reference's default of none is kept for set-ups without one.
    menus: reader.choice('NUMBER_OF_MENUS', ['0', '1', '2'] as const, fileTeams ? '1' : '0', Number) as 0 | 1 | 2,
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
    oncallCacheSeconds: reader.integer('ONCALL_CACHE_SECONDS', 30, 0, 300),
    fallbackPhones: reader.phones('FALLBACK_PHONES'),
    rosterFallback: reader.flag('ROSTER_FALLBACK'),
    allowedCountryCodes: reader.countryCodes('ALLOWED_COUNTRY_CODES'),
    sms: {
      accountSid: stringValue(env, 'ACCOUNT_SID'),
      authToken: stringValue(env, 'AUTH_TOKEN'),
      from: reader.phones('SMS_FROM')[0],
      apiUrl:
        reader.baseUrl('TWILIO_API_URL', 'TWILIO_API_HOST', 'https://api.twilio.com', 'warning') ??
        'https://api.twilio.com',
    },
    backgroundBudgetMs: reader.integer('BACKGROUND_BUDGET_MS', 8000, 3000, 9500),
    recordMenuHangups: reader.flag('RECORD_MENU_HANGUPS'),
    staticRosterAsset: reader.text('STATIC_ROSTER_ASSET', '/roster.json'),
    routingAsset: routingAssetOf(env),
    messagesAsset: reader.text('MESSAGES_ASSET', '/messages.json'),
  };
  const trace = readTraceSettings(env, reader);
  if (trace) config.trace = trace;
  const mail = readMailSettings(env, reader);
  if (mail) config.mail = mail;
  if (provider === 'victorops') config.victorops = readVictorOps(env, reader, problems);
  if (provider === 'pagerduty') config.pagerduty = readPagerDutySettings(env, reader, numberedTeams);
  if (provider === 'opsgenie') config.opsgenie = readOpsgenieSettings(env, reader);
  if (provider === 'static') {
    const webhook = reader.url('STATIC_WEBHOOK_URL');
    if (webhook) config.staticWebhookUrl = webhook;
  }
  return { config, problems };
}

/** SENDGRID_API_KEY with a verified sender, SENDGRID_FROM; SENDGRID_API_URL for a stand-in. */
function readMailSettings(env: Env, reader: EnvReader): SendGridSettings | undefined {
  const apiKey = stringValue(env, 'SENDGRID_API_KEY');
  const from = stringValue(env, 'SENDGRID_FROM');
  const apiUrl = reader.url('SENDGRID_API_URL', DEFAULT_SENDGRID_API_URL);
  if (apiKey && !from)
    reader.complain('SENDGRID_FROM', 'is needed with SENDGRID_API_KEY: the verified sender of the voicemail e-mails.');
  if (from && !/^[^\s@]+@[^\s@]+$/.test(from)) {
    reader.complain('SENDGRID_FROM', `must be an e-mail address; got "${from}".`);
    return undefined;
  }
  return apiKey && from && apiUrl ? { apiKey, from, apiUrl } : undefined;
}

/** ROUTING_ASSET, read before the rest: the routing file it names decides which teams there are. */
export function routingAssetOf(env: Env): string {
  return stringValue(env, 'ROUTING_ASSET') ?? '/routing.json';
}

/** The routing file as the operator edits it: assets/routing.private.json by default. */
export function routingFileOf(env: Env): string {
  return fileOf(routingAssetOf(env));
}

/** With a routing file, the TEAM_n family is ignored: say so once, naming what was set. */
function reportIgnoredTeamVariables(env: Env, reader: EnvReader): void {
  const ignored = Object.keys(env).filter(
    (name) => /^(TEAM_?\d+|ESC_POL_?\d+|FALLBACK_PHONES_\d+)$/i.test(name) && stringValue(env, name),
  );
  if (ignored.length === 0) return;
  reader.complain(
    ignored.sort().join(', '),
    `${ignored.length === 1 ? 'is' : 'are'} ignored: the routing file (${routingFileOf(env)}) defines the teams, their policies and fallback numbers.`,
  );
}

/**
 * Twilio's cloud hands a function ACCOUNT_SID and AUTH_TOKEN, so the trace works there with no
 * setting at all; locally it needs them set (or a Sync stand-in). CALL_TRACE=false turns it off.
 */
function readTraceSettings(env: Env, reader: EnvReader): TraceSettings | undefined {
  if (!reader.flag('CALL_TRACE', true)) return undefined;
  const accountSid = stringValue(env, 'ACCOUNT_SID');
  const authToken = stringValue(env, 'AUTH_TOKEN');
  const apiUrl = reader.url('TWILIO_SYNC_URL', 'https://sync.twilio.com');
  if (!accountSid || !authToken || !apiUrl) return undefined;
  return { accountSid, authToken, serviceSid: reader.text('SYNC_SERVICE_SID', 'default'), apiUrl };
}

/** Which credentials select which provider, in the order they are tried when none is named. */
const CREDENTIALS: ReadonlyArray<{ provider: Exclude<ProviderName, 'static'>; variables: readonly string[] }> = [
  // Splunk On-Call first: deployments from the reference set only its credentials.
  { provider: 'victorops', variables: ['VICTOROPS_API_ID', 'VICTOROPS_API_KEY'] },
  { provider: 'pagerduty', variables: ['PAGERDUTY_API_KEY'] },
  { provider: 'opsgenie', variables: ['OPSGENIE_API_KEY'] },
];

function inferProvider(env: Env): { provider: ProviderName; from?: string } {
  for (const { provider, variables } of CREDENTIALS) {
    const present = variables.find((name) => stringValue(env, name));
    if (present) return { provider, from: present };
  }
  return { provider: 'static' };
}

/**
 * ONCALL_PROVIDER when it names a provider; otherwise the credentials decide. A misspelt name must
 * never quietly select the static sample roster while real credentials sit beside it.
 */
function chooseProvider(env: Env, problems: ConfigProblem[]): ProviderName {
  const requested = stringValue(env, 'ONCALL_PROVIDER')?.toLowerCase();
  if (requested && (PROVIDERS as readonly string[]).includes(requested)) return requested as ProviderName;
  const inferred = inferProvider(env);
  if (requested === undefined) return inferred.provider;
  const expected = `must be one of ${PROVIDERS.join(', ')}; got "${env.ONCALL_PROVIDER}".`;
  problems.push(
    inferred.from
      ? {
          variable: 'ONCALL_PROVIDER',
          message: `${expected} Using ${inferred.provider}, inferred from ${inferred.from}.`,
          severity: 'warning',
        }
      : {
          variable: 'ONCALL_PROVIDER',
          message: `${expected} No provider credentials are set either, so calls use the static roster.`,
          severity: 'error',
        },
  );
  return inferred.provider;
}

function readVictorOps(env: Env, reader: EnvReader, problems: ConfigProblem[]): VictorOpsSettings | undefined {
  const required = ['VICTOROPS_API_ID', 'VICTOROPS_API_KEY', 'VICTOROPS_TWILIO_SERVICE_API_KEY'] as const;
  const missing = required.filter((name) => !stringValue(env, name));
  for (const variable of missing) {
    problems.push({
      variable,
      message: 'is required for Splunk On-Call. Calls go to voicemail until it is set.',
      severity: 'error',
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
