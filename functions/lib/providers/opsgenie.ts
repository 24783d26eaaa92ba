import type { OnCallCandidate } from '../core/chain';
import type { IncidentEvent } from '../core/incidents';
import type { Team } from '../core/types';
import type { OpsgenieSettings } from '../config/opsgenie-settings';
import { createHttpClient, requestJson, type HttpClient } from './http';
import { arrayField, isRecord, stringField } from './json';
import { toOpsgenieRequests } from './opsgenie-alert';
import { readPhonesOfEach } from './phones-of-each';
import { ignoreGaps, ProviderError, type GapReporter, type IncidentDelivery, type OnCallProvider } from './provider';
import { refusal } from './refusal';
import { DEFAULT_CACHING, type ProviderCaching, TEAM_LIST_TTL_MS, cacheScopeOf } from './provider-cache';
import { cached } from '../warm/cache';

const KEY_VARIABLE = 'OPSGENIE_API_KEY';

/** Opsgenie names a team's first schedule "<team>_schedule" itself; ESC_POL_n picks another. */
export function scheduleNameFor(team: Team): string {
  return team.policy ?? `${team.name}_schedule`;
}

/** Works for Jira Service Management's operations too: same API, same keys. */
export class OpsgenieProvider implements OnCallProvider {
  readonly name = 'opsgenie';
  readonly cacheScope: string;
  private readonly api: HttpClient;

  constructor(
    settings: OpsgenieSettings,
    private readonly reportGap: GapReporter = ignoreGaps,
    private readonly caching: ProviderCaching = DEFAULT_CACHING,
  ) {
    this.api = createHttpClient(settings.apiUrl, { Authorization: `GenieKey ${settings.apiKey}` });
    this.cacheScope = cacheScopeOf('opsgenie', settings.apiUrl, settings.apiKey);
  }

  /** Shared by every function of a warm container, like Splunk On-Call's. */
  listTeams(signal: AbortSignal): Promise<Team[]> {
    return cached(`${this.cacheScope} teams`, { ttlMs: TEAM_LIST_TTL_MS }, async () => {
      const what = 'Opsgenie team list';
      const { status, body } = await requestJson(this.api, what, { method: 'GET', url: '/v2/teams' }, signal);
      if (status !== 200) throw refusal(what, status, stringField(body, 'message'), KEY_VARIABLE);
      return arrayField(body, 'data').flatMap((team) => {
        const name = stringField(team, 'name');
        return name ? [{ name }] : [];
      });
    });
  }

  async readOnCall(team: Team, signal: AbortSignal): Promise<OnCallCandidate[][]> {
    const schedule = scheduleNameFor(team);
    const what = `Opsgenie on-calls of schedule "${schedule}"`;
    const { status, body } = await requestJson(
      this.api,
      what,
      {
        method: 'GET',
        url: `/v2/schedules/${encodeURIComponent(schedule)}/on-calls`,
        // flat=true lists the people themselves, in order, instead of the rotations that hold them.
        params: { scheduleIdentifierType: 'name', flat: 'true' },
      },
      signal,
    );
    if (status === 404) {
      throw new ProviderError(
        `schedule "${schedule}" of team "${team.name}" does not exist in Opsgenie (its ESC_POL_n, or "policy" in the routing file)`,
      );
    }
    if (status !== 200) throw refusal(what, status, stringField(body, 'message'), KEY_VARIABLE);
    const usernames = arrayField(isRecord(body) ? body.data : undefined, 'onCallRecipients').filter(
      (recipient): recipient is string => typeof recipient === 'string' && recipient !== '',
    );
    const phones = await readPhonesOfEach(
      usernames,
      (username) => this.fetchVoicePhones(username, signal),
      signal,
      this.reportGap,
    );
    // Everyone the schedule has on call now is one step, in the schedule's order.
    return [usernames.map((username) => ({ name: spokenName(username), phones: phones.get(username) ?? [] }))];
  }

  async sendIncidentEvent(event: IncidentEvent, signal: AbortSignal): Promise<IncidentDelivery> {
    // In order: an acknowledge must follow the creation of the alert it names.
    for (const request of toOpsgenieRequests(event)) {
      const what = `Opsgenie ${request.action} (${event.kind}) for call ${event.callSid}`;
      const { status, body } = await requestJson(
        this.api,
        what,
        { method: 'POST', url: request.path, params: request.params, data: request.body },
        signal,
      );
      // 202: accepted for asynchronous processing, which is all the API ever promises.
      if (status < 200 || status >= 300) throw refusal(what, status, stringField(body, 'message'), KEY_VARIABLE);
    }
    return 'alerted';
  }

  /** Enabled voice contacts, stored as "<country code>-<number>", in E.164. */
  private fetchVoicePhones(username: string, signal: AbortSignal): Promise<string[]> {
    return cached(`${this.cacheScope} phones ${username}`, { ttlMs: this.caching.phonesTtlMs }, () =>
      this.fetchVoicePhonesNow(username, signal),
    );
  }

  private async fetchVoicePhonesNow(username: string, signal: AbortSignal): Promise<string[]> {
    const what = `Opsgenie contacts of ${username}`;
    const { status, body } = await requestJson(
      this.api,
      what,
      { method: 'GET', url: `/v2/users/${encodeURIComponent(username)}/contacts` },
      signal,
    );
    if (status === 404) return [];
    if (status !== 200) throw refusal(what, status, stringField(body, 'message'), KEY_VARIABLE);
    return arrayField(body, 'data')
      .filter(isRecord)
      .filter(
        (contact) => contact.method === 'voice' && !(isRecord(contact.status) && contact.status.enabled === false),
      )
      .sort((a, b) => applyOrderOf(a) - applyOrderOf(b))
      .flatMap((contact) => {
        const digits = stringField(contact, 'to')?.replace(/[^0-9]/g, '');
        return digits ? [`+${digits}`] : [];
      });
  }
}

/** Opsgenie usernames are e-mail addresses; the caller hears only the part before the @. */
function spokenName(username: string): string {
  return username.split('@')[0] || username;
}

function applyOrderOf(contact: Record<string, unknown>): number {
  return typeof contact.applyOrder === 'number' ? contact.applyOrder : Number.MAX_SAFE_INTEGER;
}
