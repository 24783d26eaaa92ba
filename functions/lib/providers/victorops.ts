import type { OnCallCandidate } from '../core/chain';
import type { IncidentEvent } from '../core/incidents';
import type { Team } from '../core/types';
import type { VictorOpsSettings } from '../config/config';
import { createHttpClient, requestJson, type HttpClient } from './http';
import { INCIDENT_SOURCE, incidentDetails, incidentTitle, recordingUrlOf } from './incident-text';
import { arrayField, isRecord, stringField } from './json';
import { readPhonesOfEach } from './phones-of-each';
import { ignoreGaps, ProviderError, type GapReporter, type IncidentDelivery, type OnCallProvider } from './provider';
import { cached } from '../warm/cache';
import { DEFAULT_CACHING, type ProviderCaching, TEAM_LIST_TTL_MS } from './provider-cache';
import { RateBudget } from '../warm/rate-budget';

/** Escalation steps asked for; Splunk On-Call numbers them from 0. One lookup asks each once. */
export const ESCALATION_STEPS = [0, 1, 2, 3];
/**
 * Splunk On-Call's documented limits (API 0.0.2) for the team list, the on-call schedule and the
 * contact phones: 15 requests a minute each. API 0.0.3 documents 60; the lower figure is the budget.
 */
export const VICTOROPS_LIMITS_PER_MINUTE = { teams: 15, schedule: 15, phones: 15 } as const;
export type VictorOpsEndpoint = keyof typeof VICTOROPS_LIMITS_PER_MINUTE;

/**
 * The RateBudget bucket that counts one account's requests to one endpoint family: `npm run
 * doctor` reads it to keep its own share of the budget small.
 */
export function victorOpsRateBucket(cacheScope: string, endpoint: VictorOpsEndpoint): string {
  return `${cacheScope} ${endpoint}`;
}
/**
 * The most an incident message waits for the team list (its slug is the routing key). Past it the
 * alert goes out with a key made from the team's name: a hanging REST API must not use up the time
 * the alert itself needs.
 */
const SLUG_LOOKUP_FOR_ALERT_MS = 700;

interface VictorOpsTeam {
  name: string;
  slug: string;
}

export class VictorOpsProvider implements OnCallProvider {
  readonly name = 'victorops';
  readonly cacheScope: string;
  private readonly api: HttpClient;
  private readonly alerts: HttpClient;
  private readonly budget: RateBudget;

  constructor(
    private readonly settings: VictorOpsSettings,
    private readonly reportGap: GapReporter = ignoreGaps,
    private readonly caching: ProviderCaching = DEFAULT_CACHING,
  ) {
    this.api = createHttpClient(settings.apiUrl, {
      'X-VO-Api-Id': settings.apiId,
      'X-VO-Api-Key': settings.apiKey,
    });
    this.alerts = createHttpClient(settings.alertUrl, { 'Content-Type': 'application/json' });
    this.cacheScope = `victorops ${settings.apiUrl} ${settings.apiId}`;
    this.budget = new RateBudget(
      Object.fromEntries(
        Object.entries(VICTOROPS_LIMITS_PER_MINUTE).map(([bucket, limit]) => [
          this.bucket(bucket as VictorOpsEndpoint),
          limit,
        ]),
      ),
    );
  }

  async listTeams(signal: AbortSignal): Promise<Team[]> {
    const teams = await this.fetchTeams(signal);
    return teams.map(({ name, slug }) => ({ name, ref: slug }));
  }

  /** Each team's slug, so that the lookup after the caller's key never waits for the team list. */
  async resolveTeamRefs(teams: Team[], signal: AbortSignal): Promise<Team[]> {
    if (teams.every((team) => team.ref)) return teams;
    const known = await this.fetchTeams(signal);
    return teams.map((team) => {
      const slug = team.ref ?? slugOf(known, team);
      return slug ? { ...team, ref: slug } : team;
    });
  }

  /** One lookup asks every escalation step at once: it fits while the schedule budget has room for them. */
  lookupFitsRateBudget(): boolean {
    return this.budget.remaining(this.bucket('schedule')) >= ESCALATION_STEPS.length;
  }

  async readOnCall(team: Team, signal: AbortSignal): Promise<OnCallCandidate[][]> {
    const slug = team.ref ?? (await this.resolveSlug(team, signal));
    const steps = await Promise.allSettled(
      ESCALATION_STEPS.map((step) => this.fetchStepUsers(slug, team, step, signal)),
    );
    const failures = steps.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failures.length === steps.length) throw failures[0].reason;
    steps.forEach((s, step) => {
      if (s.status === 'rejected') this.reportGap(`step ${step} of ${team.name}`, s.reason);
    });
    const answered = steps.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    if (team.policy && answered.every((step) => step.policyMissing)) {
      throw new ProviderError(
        `escalation policy "${team.policy}" not found for team "${team.name}" (its ESC_POL_n, or "policy" in the routing file)`,
      );
    }
    const usernamesByStep = steps.map((s) => (s.status === 'fulfilled' ? s.value.usernames : []));

    const phones = await readPhonesOfEach(
      usernamesByStep.flat(),
      (username) => this.fetchPhones(username, signal),
      signal,
      this.reportGap,
    );
    return usernamesByStep.map((users) =>
      users.map((username) => ({ name: username, phones: phones.get(username) ?? [] })),
    );
  }

  async sendIncidentEvent(event: IncidentEvent, signal: AbortSignal): Promise<IncidentDelivery> {
    const slugLookup = AbortSignal.any([signal, AbortSignal.timeout(SLUG_LOOKUP_FOR_ALERT_MS)]);
    const routingKey = await this.routingKeyFor(event.team, slugLookup);
    const path = `/integrations/generic/20131114/alert/${encodeURIComponent(this.settings.alertKey)}/${encodeURIComponent(routingKey)}`;
    const what = `Splunk On-Call alert ${event.kind} for call ${event.callSid}`;
    const { status, body } = await requestJson(
      this.alerts,
      what,
      { method: 'POST', url: path, data: toAlert(event) },
      signal,
    );
    if (status >= 400 || stringField(body, 'result') !== 'success') {
      const detail = stringField(body, 'message') ?? `HTTP ${status}`;
      throw new ProviderError(`${what} was refused: ${detail}`);
    }
    return 'alerted';
  }

  private bucket(name: VictorOpsEndpoint): string {
    return victorOpsRateBucket(this.cacheScope, name);
  }

  /** A REST API request, counted against the budget of its endpoint. */
  private get(
    bucket: VictorOpsEndpoint,
    what: string,
    url: string,
    signal: AbortSignal,
    params?: Record<string, unknown>,
  ) {
    this.budget.spend(this.bucket(bucket));
    return requestJson(this.api, what, { method: 'GET', url, ...(params ? { params } : {}) }, signal);
  }

  /** Shared by every function of a warm container, and by simultaneous calls (one request in flight). */
  private fetchTeams(signal: AbortSignal): Promise<VictorOpsTeam[]> {
    return cached(`${this.cacheScope} teams`, { ttlMs: TEAM_LIST_TTL_MS }, async () => {
      const what = 'Splunk On-Call team list';
      const { status, body } = await this.get('teams', what, '/api-public/v1/team', signal);
      if (status !== 200 || !Array.isArray(body)) throw new ProviderError(`${what} failed: HTTP ${status}`);
      return body.flatMap((t): VictorOpsTeam[] => {
        const name = stringField(t, 'name');
        const slug = stringField(t, 'slug');
        return name && slug ? [{ name, slug }] : [];
      });
    });
  }

  /** TEAM_n holds the team's name, as in the reference; its slug is accepted too. */
  private async resolveSlug(team: Team, signal: AbortSignal): Promise<string> {
    const slug = slugOf(await this.fetchTeams(signal), team);
    if (!slug)
      throw new ProviderError(
        `team "${team.name}" does not exist in Splunk On-Call (check its TEAM_n, or its name in the routing file)`,
      );
    return slug;
  }

  /** Incidents route by the team's slug, as the reference did. `signal` bounds only this lookup. */
  private async routingKeyFor(team: Team, signal: AbortSignal): Promise<string> {
    if (team.ref) return team.ref;
    try {
      return await this.resolveSlug(team, signal);
    } catch {
      // The alert must still go out when the REST API is down: fall back to a slug-like key.
      return (
        team.name
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-') || 'default'
      );
    }
  }

  private async fetchStepUsers(slug: string, team: Team, step: number, signal: AbortSignal): Promise<StepUsers> {
    const what = `Splunk On-Call schedule for team ${slug}, step ${step}`;
    const { status, body } = await this.get(
      'schedule',
      what,
      `/api-public/v2/team/${encodeURIComponent(slug)}/oncall/schedule`,
      signal,
      { step },
    );
    if (status === 404) return { usernames: [], policyMissing: false };
    if (status !== 200) throw new ProviderError(`${what} failed: HTTP ${status}`);
    const schedules = arrayField(body, 'schedules');
    const chosen = team.policy
      ? schedules.find((s) => isRecord(s) && stringField(s.policy, 'name') === team.policy)
      : schedules[0];
    if (chosen === undefined) return { usernames: [], policyMissing: Boolean(team.policy) && schedules.length > 0 };
    const usernames = arrayField(chosen, 'schedule').flatMap((rotation): string[] => {
      if (!isRecord(rotation)) return [];
      const username =
        stringField(rotation.overrideOnCallUser, 'username') ?? stringField(rotation.onCallUser, 'username');
      return username ? [username] : [];
    });
    return { usernames, policyMissing: false };
  }

  /** Phone numbers best first; none for a user Splunk On-Call no longer knows. */
  private fetchPhones(username: string, signal: AbortSignal): Promise<string[]> {
    return cached(`${this.cacheScope} phones ${username}`, { ttlMs: this.caching.phonesTtlMs }, () =>
      this.fetchPhonesNow(username, signal),
    );
  }

  private async fetchPhonesNow(username: string, signal: AbortSignal): Promise<string[]> {
    const what = `Splunk On-Call phones of ${username}`;
    const { status, body } = await this.get(
      'phones',
      what,
      `/api-public/v1/user/${encodeURIComponent(username)}/contact-methods/phones`,
      signal,
    );
    if (status === 404) return [];
    if (status !== 200) throw new ProviderError(`${what} failed: HTTP ${status}`);
    // The published spec shows a bare array; the live API wraps it in contactMethods.
    return arrayField(body, 'contactMethods')
      .filter(isRecord)
      .sort((a, b) => rankOf(a) - rankOf(b))
      .flatMap((method) => {
        const value = stringField(method, 'value');
        return value ? [value] : [];
      });
  }
}

/** The team's slug: by exact name first, then ignoring case, and a slug given as the name. */
function slugOf(teams: VictorOpsTeam[], team: Team): string | undefined {
  const wanted = team.name.trim().toLowerCase();
  const match =
    teams.find((t) => t.name === team.name) ??
    teams.find((t) => t.name.toLowerCase() === wanted || t.slug.toLowerCase() === wanted);
  return match?.slug;
}

interface StepUsers {
  usernames: string[];
  /** Schedules exist at this step, but none belongs to the configured policy. */
  policyMissing: boolean;
}

function rankOf(method: Record<string, unknown>): number {
  return typeof method.rank === 'number' ? method.rank : Number.MAX_SAFE_INTEGER;
}

export interface VictorOpsAlert {
  message_type: 'CRITICAL' | 'INFO' | 'ACKNOWLEDGEMENT' | 'RECOVERY';
  entity_id: string;
  entity_display_name: string;
  state_message: string;
  monitoring_tool: string;
  ack_author?: string;
  caller: string;
  team: string;
  recording_url?: string;
  callback_number?: string;
}

/** One call is one incident: every message carries the caller's CallSid as entity_id. */
export function toAlert(event: IncidentEvent): VictorOpsAlert {
  const recordingUrl = recordingUrlOf(event);
  return {
    message_type: messageTypeOf(event),
    entity_id: event.callSid,
    entity_display_name: incidentTitle(event),
    state_message: incidentDetails(event),
    monitoring_tool: INCIDENT_SOURCE,
    caller: event.caller,
    team: event.team.name,
    ...(recordingUrl ? { recording_url: recordingUrl } : {}),
    ...(event.kind === 'callback-requested' ? { callback_number: event.callbackNumber } : {}),
    ...('responder' in event ? { ack_author: event.responder } : {}),
  };
}

/** Everything about a caller nobody has talked to yet is CRITICAL, and pages the team, but a menu hang-up. */
function messageTypeOf(event: IncidentEvent): VictorOpsAlert['message_type'] {
  if (event.kind === 'call-accepted') return 'ACKNOWLEDGEMENT';
  if (event.kind === 'call-ended') return 'RECOVERY';
  // INFO stands on the timeline without opening an incident or paging anyone.
  if (event.kind === 'menu-hang-up') return 'INFO';
  return 'CRITICAL';
}
