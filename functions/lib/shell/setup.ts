import { parseConfig, type Config, type ConfigProblem } from '../config/config';
import type { Env } from '../config/env';
import type { FlowConfig } from '../core/flow-config';
import { defaultMessages, isMessageKey, type Messages } from '../core/messages';
import type { Team } from '../core/types';
import { IncidentWebhook } from '../providers/incident-webhook';
import { isRecord } from '../providers/json';
import { OpsgenieProvider } from '../providers/opsgenie';
import { PagerDutyProvider } from '../providers/pagerduty';
import { ProviderError, type GapReporter, type OnCallProvider } from '../providers/provider';
import { parseRoster, StaticRosterProvider } from '../providers/static-roster';
import { VictorOpsProvider } from '../providers/victorops';
import { readJsonAsset } from './assets';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';

export interface CallSetup {
  config: Config;
  flow: FlowConfig;
  provider: OnCallProvider;
  /** The static roster, asked when the provider fails and ROSTER_FALLBACK is on. */
  rosterFallback?: OnCallProvider;
}

/** A provider that cannot work (bad config, unreadable roster): every lookup fails, so calls go to voicemail. */
class UnavailableProvider implements OnCallProvider {
  readonly name = 'unavailable';
  constructor(private readonly problem: string) {}
  async listTeams(): Promise<Team[]> {
    throw new ProviderError(this.problem);
  }
  async lookUpOnCallChain(): Promise<never> {
    throw new ProviderError(this.problem);
  }
  async sendIncidentEvent(): Promise<void> {
    throw new ProviderError(this.problem);
  }
}

/** Used only when no team is configured and the provider cannot list any. */
const FALLBACK_TEAM: Team = { name: 'on-call' };

/**
 * Everything a handler needs for this request, built from the environment and assets.
 * Problems are logged, each naming its variable, and the call still goes on.
 */
export async function prepareCall(env: Env, log: Logger, needTeams: boolean, started: number): Promise<CallSetup> {
  const { config, problems } = parseConfig(env);
  reportProblems(problems, log);
  const provider = createProvider(config, log);
  const messages = loadMessages(config.messagesAsset, log);
  // At most half of what the webhook has left: the on-call lookup may still have to follow.
  const teamListBudget = Math.min(config.lookupTimeoutMs, (started + config.webhookBudgetMs - Date.now()) / 2);
  const teams =
    config.teams.length > 0 || !needTeams ? config.teams : await discoverTeams(provider, teamListBudget, log);
  const rosterFallback = config.rosterFallback && config.provider !== 'static' ? createRoster(config, log) : undefined;
  return {
    config,
    flow: flowConfigOf(config, teams, messages),
    provider,
    ...(rosterFallback ? { rosterFallback } : {}),
  };
}

export function flowConfigOf(config: Config, teams: Team[], messages: Messages): FlowConfig {
  const withFallbacks = (teams.length > 0 ? teams : [FALLBACK_TEAM]).map((team) =>
    team.fallbackPhones || config.fallbackPhones.length === 0
      ? team
      : { ...team, fallbackPhones: config.fallbackPhones },
  );
  return {
    teams: withFallbacks,
    menus: config.menus,
    noVoicemail: config.noVoicemail,
    noCall: config.noCall,
    speechInput: config.speechInput,
    ringTimeoutSeconds: config.ringTimeoutSeconds,
    voicemailMaxSeconds: config.voicemailMaxSeconds,
    callerIdMode: config.callerIdMode,
    allowedCountryCodes: config.allowedCountryCodes,
    messages,
  };
}

function reportProblems(problems: ConfigProblem[], log: Logger): void {
  for (const problem of problems) {
    log.error(`Configuration: ${problem.variable} ${problem.message}`, { variable: problem.variable });
  }
}

function createProvider(config: Config, log: Logger): OnCallProvider {
  const notConfigured = (provider: string): OnCallProvider =>
    new UnavailableProvider(`${provider} is not configured (see the configuration errors above)`);
  const reportGap: GapReporter = (leftOut, error) =>
    log.warn('Left out of the on-call chain: it could not be read', { leftOut, problem: describeError(error) });
  switch (config.provider) {
    case 'victorops':
      return config.victorops ? new VictorOpsProvider(config.victorops, reportGap) : notConfigured('Splunk On-Call');
    case 'pagerduty':
      return config.pagerduty ? new PagerDutyProvider(config.pagerduty, reportGap) : notConfigured('PagerDuty');
    case 'opsgenie':
      return config.opsgenie ? new OpsgenieProvider(config.opsgenie, reportGap) : notConfigured('Opsgenie');
    case 'static':
      return (
        createRoster(config, log, config.staticWebhookUrl) ??
        new UnavailableProvider('the static roster cannot be read (see the errors above)')
      );
  }
}

/** The webhook is for the static provider's own incidents; the roster fallback only answers lookups. */
function createRoster(config: Config, log: Logger, webhookUrl?: string): StaticRosterProvider | undefined {
  try {
    const roster = parseRoster(readJsonAsset(config.staticRosterAsset), config.staticRosterAsset);
    const where = webhookUrl ? 'logged and posted to STATIC_WEBHOOK_URL' : 'logged only';
    return new StaticRosterProvider(
      roster,
      // The team by name only: its fallback numbers must not reach the log.
      (event) =>
        log.info(`Incident (static roster: ${where})`, {
          callSid: event.callSid,
          incident: { ...event, team: event.team.name },
        }),
      webhookUrl ? new IncidentWebhook(webhookUrl) : undefined,
    );
  } catch (error) {
    log.error(`Configuration: STATIC_ROSTER_ASSET: ${describeError(error)}`, { variable: 'STATIC_ROSTER_ASSET' });
    return undefined;
  }
}

function loadMessages(assetPath: string, log: Logger): Messages {
  const messages: Messages = { ...defaultMessages };
  let overrides: unknown;
  try {
    overrides = readJsonAsset(assetPath);
  } catch (error) {
    // The defaults are complete, so a missing overrides file is normal.
    if (!/does not exist/.test(describeError(error))) log.warn(`Messages: ${describeError(error)}`);
    return messages;
  }
  if (!isRecord(overrides)) {
    log.error(`Messages: asset ${assetPath} must be a JSON object of message names to sentences`);
    return messages;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (isMessageKey(key) && typeof value === 'string' && value.trim() !== '') messages[key] = value;
    else log.warn(`Messages: ignoring "${key}" in ${assetPath} (unknown name or not a sentence)`);
  }
  return messages;
}

async function discoverTeams(provider: OnCallProvider, budgetMs: number, log: Logger): Promise<Team[]> {
  try {
    return await withDeadline(Math.max(budgetMs, 1), 'team list', (signal) => provider.listTeams(signal));
  } catch (error) {
    log.error('Could not list teams; set TEAM_1, TEAM_2, … to avoid depending on this lookup', {
      error: describeError(error),
    });
    return [];
  }
}
