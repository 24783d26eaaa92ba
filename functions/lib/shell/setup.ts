import type { Config } from '../config/config';
import type { Env } from '../config/env';
import type { FlowConfig } from '../core/flow-config';
import type { Messages } from '../core/messages';
import { DEFAULT_ROUTING, type Routing } from '../core/routing';
import type { Team } from '../core/types';
import { IncidentWebhook } from '../providers/incident-webhook';
import { OpsgenieProvider } from '../providers/opsgenie';
import { PagerDutyProvider } from '../providers/pagerduty';
import { ProviderError, type GapReporter, type OnCallProvider } from '../providers/provider';
import { DEFAULT_CACHING, type ProviderCaching } from '../providers/provider-cache';
import { StaticRosterProvider, type Roster } from '../providers/static-roster';
import { VictorOpsProvider } from '../providers/victorops';
import { loadConfiguration, reportProblemsOnce } from './configuration';
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
  async readOnCall(): Promise<never> {
    throw new ProviderError(this.problem);
  }
  async sendIncidentEvent(): Promise<never> {
    throw new ProviderError(this.problem);
  }
}

/** Used only when no team is configured and the provider cannot list any. */
const FALLBACK_TEAM: Team = { name: 'on-call' };

/**
 * Everything a handler needs for this request. The configuration is read once per warm container
 * and each of its problems logged once; the call still goes on with safe defaults.
 */
export async function prepareCall(
  env: Env,
  log: Logger,
  teamsNeeded: boolean | ((config: Config) => boolean),
  started: number,
): Promise<CallSetup> {
  const { config, messages, roster, routing, problems } = loadConfiguration(env);
  const needTeams = typeof teamsNeeded === 'function' ? teamsNeeded(config) : teamsNeeded;
  reportProblemsOnce(problems, log);
  const provider = createProvider(config, roster, log);
  // At most half of what the webhook has left: the on-call lookup may still have to follow.
  const teamListBudget = Math.min(config.lookupTimeoutMs, (started + config.webhookBudgetMs - Date.now()) / 2);
  const teams = needTeams ? await teamsToOffer(provider, config.teams, teamListBudget, log) : config.teams;
  const rosterFallback =
    config.rosterFallback && config.provider !== 'static' && roster ? createRoster(roster, log) : undefined;
  return {
    config,
    flow: flowConfigOf(config, teams, messages, routing),
    provider,
    ...(rosterFallback ? { rosterFallback } : {}),
  };
}

export function flowConfigOf(
  config: Config,
  teams: Team[],
  messages: Messages,
  routing: Routing = DEFAULT_ROUTING,
): FlowConfig {
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
    fallbackPhones: config.fallbackPhones,
    recordMenuHangups: config.recordMenuHangups,
    routing,
    messages,
  };
}

/**
 * The provider the configuration names, as every function builds it. `npm run doctor` passes its
 * own `reportGap` to list who was left out beside the chain it prints.
 */
export function createProvider(
  config: Config,
  roster: Roster | undefined,
  log: Logger,
  reportGap: GapReporter = (leftOut, error) =>
    log.warn('Left out of the on-call chain: it could not be read', { leftOut, problem: describeError(error) }),
): OnCallProvider {
  const notConfigured = (provider: string): OnCallProvider =>
    new UnavailableProvider(`${provider} is not configured (see the configuration errors logged earlier)`);
  // ONCALL_CACHE_SECONDS=0 reads everything afresh on every call, phones included.
  const caching: ProviderCaching = config.oncallCacheSeconds > 0 ? DEFAULT_CACHING : { phonesTtlMs: 0 };
  switch (config.provider) {
    case 'victorops':
      return config.victorops
        ? new VictorOpsProvider(config.victorops, reportGap, caching)
        : notConfigured('Splunk On-Call');
    case 'pagerduty':
      return config.pagerduty
        ? new PagerDutyProvider(config.pagerduty, reportGap, caching)
        : notConfigured('PagerDuty');
    case 'opsgenie':
      return config.opsgenie ? new OpsgenieProvider(config.opsgenie, reportGap, caching) : notConfigured('Opsgenie');
    case 'static':
      return roster
        ? createRoster(roster, log, config.staticWebhookUrl)
        : new UnavailableProvider('the static roster cannot be read (see the configuration errors logged earlier)');
  }
}

/** The webhook is for the static provider's own incidents; the roster fallback only answers lookups. */
function createRoster(roster: Roster, log: Logger, webhookUrl?: string): StaticRosterProvider {
  const where = webhookUrl ? 'logged; posting to STATIC_WEBHOOK_URL' : 'logged only';
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
}

/**
 * The teams a call may choose from, each with the provider's key for it where the provider needs
 * one: asked here, while the caller still hears ringing, rather than after their key.
 */
async function teamsToOffer(
  provider: OnCallProvider,
  configured: Team[],
  budgetMs: number,
  log: Logger,
): Promise<Team[]> {
  const ask = (what: string, work: (signal: AbortSignal) => Promise<Team[]>): Promise<Team[]> =>
    withDeadline(Math.max(budgetMs, 1), what, work);
  if (configured.length === 0) {
    try {
      return await ask('team list', (signal) => provider.listTeams(signal));
    } catch (error) {
      log.error('Could not list teams; set TEAM_1, TEAM_2, … to avoid depending on this lookup', {
        error: describeError(error),
      });
      return [];
    }
  }
  const { resolveTeamRefs } = provider;
  if (!resolveTeamRefs) return configured;
  try {
    return await ask('team keys', (signal) => resolveTeamRefs.call(provider, configured, signal));
  } catch (error) {
    // The lookup after the caller's choice asks again; only its speed is lost.
    log.warn("Could not read the teams' keys before the menu", { error: describeError(error) });
    return configured;
  }
}
