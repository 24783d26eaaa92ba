import type { OnCallCandidate } from '../core/chain';
import type { IncidentEvent } from '../core/incidents';
import type { Team } from '../core/types';
import type { PagerDutySettings } from '../config/pagerduty-settings';
import { createHttpClient, requestJson, type HttpClient } from './http';
import { arrayField, isRecord, stringField } from './json';
import { toPagerDutyEvents, type PagerDutyEvent } from './pagerduty-event';
import { readPhonesOfEach } from './phones-of-each';
import { ignoreGaps, ProviderError, type GapReporter, type IncidentDelivery, type OnCallProvider } from './provider';
import { refusal } from './refusal';
import { DEFAULT_CACHING, type ProviderCaching, cacheScopeOf } from './provider-cache';
import { cached } from '../warm/cache';

/** PagerDuty's versioning header; the API answers JSON whatever the Accept. */
export const PAGERDUTY_ACCEPT = 'application/vnd.pagerduty+json;version=2';
/** PagerDuty's largest page: every page is one more round trip inside the lookup budget. */
const PAGE_SIZE = 100;
/** 500 on-call entries for one policy is far beyond any real rotation; past it, we dial who we have. */
const MAX_PAGES = 5;
const KEY_VARIABLE = 'PAGERDUTY_API_KEY';

interface OnCallEntry {
  userId: string;
  name: string;
  level: number;
}

export class PagerDutyProvider implements OnCallProvider {
  readonly name = 'pagerduty';
  readonly cacheScope: string;
  private readonly api: HttpClient;
  private readonly events: HttpClient;

  constructor(
    private readonly settings: PagerDutySettings,
    private readonly reportGap: GapReporter = ignoreGaps,
    private readonly caching: ProviderCaching = DEFAULT_CACHING,
  ) {
    this.api = createHttpClient(settings.apiUrl, {
      Authorization: `Token token=${settings.apiKey}`,
      Accept: PAGERDUTY_ACCEPT,
    });
    this.events = createHttpClient(settings.eventsUrl, { 'Content-Type': 'application/json' });
    this.cacheScope = cacheScopeOf('pagerduty', settings.apiUrl, settings.apiKey);
  }

  /** PagerDuty teams do not map to escalation policies one to one, so the operator names them. */
  async listTeams(): Promise<Team[]> {
    throw new ProviderError(
      'PagerDuty cannot offer a team list: set TEAM_1, TEAM_2, … and, for each, ESC_POL_n to its escalation policy ID',
    );
  }

  async readOnCall(team: Team, signal: AbortSignal): Promise<OnCallCandidate[][]> {
    const policyId = team.policy;
    if (!policyId) {
      throw new ProviderError(
        `team "${team.name}" has no PagerDuty escalation policy: set its ESC_POL_n, or "policy" in the routing file, to the ID`,
      );
    }
    const entries = await this.fetchOnCalls(policyId, signal);
    if (entries.length === 0) {
      await this.confirmPolicyExists(policyId, team, signal);
      return [];
    }
    const phones = await readPhonesOfEach(
      entries.map((entry) => entry.userId),
      (userId) => this.fetchPhones(userId, signal),
      signal,
      (userId, error) => this.reportGap(`user ${userId}`, error),
    );
    return groupByLevel(entries).map((level) =>
      level.map((entry) => ({ name: entry.name, phones: phones.get(entry.userId) ?? [] })),
    );
  }

  async sendIncidentEvent(event: IncidentEvent, signal: AbortSignal): Promise<IncidentDelivery> {
    const { routingKeys, defaultRoutingKey } = this.settings;
    // hasOwn: a team called "constructor" must not find Object's.
    const routingKey = Object.hasOwn(routingKeys, event.team.name) ? routingKeys[event.team.name] : defaultRoutingKey;
    if (!routingKey) {
      throw new ProviderError(
        `no PagerDuty routing key for team "${event.team.name}": set PAGERDUTY_ROUTING_KEY_n or PAGERDUTY_ROUTING_KEY`,
      );
    }
    // In order: an acknowledge must reach PagerDuty after the trigger that opens its alert.
    for (const body of toPagerDutyEvents(event, routingKey)) await this.enqueue(body, event, signal);
    return 'alerted';
  }

  private async enqueue(body: PagerDutyEvent, event: IncidentEvent, signal: AbortSignal): Promise<void> {
    const what = `PagerDuty ${body.event_action} event (${event.kind}) for call ${event.callSid}`;
    const response = await requestJson(this.events, what, { method: 'POST', url: '/v2/enqueue', data: body }, signal);
    if (response.status < 200 || response.status >= 300) {
      const errors = arrayField(response.body, 'errors').filter((e): e is string => typeof e === 'string');
      const detail = [stringField(response.body, 'message'), ...errors].filter(Boolean).join('; ');
      throw refusal(what, response.status, detail || undefined, 'PAGERDUTY_ROUTING_KEY_n or PAGERDUTY_ROUTING_KEY');
    }
  }

  /** Who is on call for the policy now, across its levels, following `more` for a bounded number of pages. */
  private async fetchOnCalls(policyId: string, signal: AbortSignal): Promise<OnCallEntry[]> {
    const entries: OnCallEntry[] = [];
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const what = `PagerDuty on-calls for escalation policy ${policyId}${page > 0 ? `, page ${page + 1}` : ''}`;
      const params = new URLSearchParams([
        ['escalation_policy_ids[]', policyId],
        ['include[]', 'users'],
        // Only the current shift of each user at each level, not every future one.
        ['earliest', 'true'],
        ['limit', String(PAGE_SIZE)],
        ['offset', String(offset)],
      ]);
      const { status, body } = await requestJson(this.api, what, { method: 'GET', url: '/oncalls', params }, signal);
      if (status !== 200) throw refusal(what, status, errorMessage(body), KEY_VARIABLE);
      const onCalls = arrayField(body, 'oncalls');
      entries.push(...onCalls.flatMap(parseOnCall));
      if (!isRecord(body) || body.more !== true || onCalls.length === 0) break;
      offset += onCalls.length;
    }
    return entries;
  }

  /** An empty on-call list also means a mistyped ESC_POL_n: tell the two apart for the operator. */
  private async confirmPolicyExists(policyId: string, team: Team, signal: AbortSignal): Promise<void> {
    const what = `PagerDuty escalation policy ${policyId}`;
    let status: number;
    try {
      ({ status } = await requestJson(
        this.api,
        what,
        { method: 'GET', url: `/escalation_policies/${encodeURIComponent(policyId)}` },
        signal,
      ));
    } catch (error) {
      // Only a definite "no such policy" changes the answer; an outage here leaves "nobody on call".
      if (signal.aborted) throw error;
      return;
    }
    if (status === 404) {
      throw new ProviderError(
        `escalation policy "${policyId}" of team "${team.name}" does not exist (its ESC_POL_n, or "policy" in the routing file)`,
      );
    }
  }

  /** The user's voice numbers in E.164, in PagerDuty's order; none when the user has gone. */
  private fetchPhones(userId: string, signal: AbortSignal): Promise<string[]> {
    return cached(`${this.cacheScope} phones ${userId}`, { ttlMs: this.caching.phonesTtlMs }, () =>
      this.fetchPhonesNow(userId, signal),
    );
  }

  private async fetchPhonesNow(userId: string, signal: AbortSignal): Promise<string[]> {
    const what = `PagerDuty contact methods of user ${userId}`;
    const { status, body } = await requestJson(
      this.api,
      what,
      { method: 'GET', url: `/users/${encodeURIComponent(userId)}/contact_methods` },
      signal,
    );
    if (status === 404) return [];
    if (status !== 200) throw refusal(what, status, errorMessage(body), KEY_VARIABLE);
    return arrayField(body, 'contact_methods').flatMap(phoneOf);
  }
}

function parseOnCall(entry: unknown): OnCallEntry[] {
  if (!isRecord(entry) || typeof entry.escalation_level !== 'number') return [];
  const userId = stringField(entry.user, 'id');
  if (!userId) return [];
  // include[]=users gives the full user, with its name; a bare reference has only a summary.
  const name = stringField(entry.user, 'name') ?? stringField(entry.user, 'summary') ?? userId;
  return [{ userId, name, level: entry.escalation_level }];
}

/** Escalation levels in order, each with its users in PagerDuty's order. */
function groupByLevel(entries: OnCallEntry[]): OnCallEntry[][] {
  const levels = [...new Set(entries.map((entry) => entry.level))].sort((a, b) => a - b);
  return levels.map((level) => entries.filter((entry) => entry.level === level));
}

/** PagerDuty stores a phone as a country code and a national number. SMS-only numbers are not dialled. */
function phoneOf(method: unknown): string[] {
  if (!isRecord(method) || method.type !== 'phone_contact_method' || method.blacklisted === true) return [];
  const countryCode = method.country_code;
  const national = stringField(method, 'address')?.replace(/[^0-9]/g, '');
  if (typeof countryCode !== 'number' || !national) return [];
  return [`+${countryCode}${national}`];
}

function errorMessage(body: unknown): string | undefined {
  return isRecord(body) ? stringField(body.error, 'message') : undefined;
}
