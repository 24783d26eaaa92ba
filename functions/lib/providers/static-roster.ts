import type { ConfigProblem } from '../config/env-reader';
import type { OnCallCandidate } from '../core/chain';
import { parseOperatorPhone } from '../core/phone';
import type { IncidentEvent } from '../core/incidents';
import type { Team } from '../core/types';
import type { IncidentWebhook } from './incident-webhook';
import { arrayField, isRecord, stringField } from './json';
import { ProviderError, type IncidentDelivery, type OnCallProvider } from './provider';

/** The roster asset: teams in menu order, each with responders in the order they are rung. */
export interface Roster {
  teams: Array<{ name: string; responders: Array<{ name: string; phone: string }> }>;
}

export interface ParsedRoster {
  roster: Roster;
  /** Responders left out, each naming the file and path at fault. */
  problems: ConfigProblem[];
}

/**
 * Validates a roster read from JSON. A broken shape throws, naming the first field at fault; a
 * responder whose number is not E.164 (no +, say) is left out and named, never guessed.
 */
export function parseRoster(json: unknown, source: string): ParsedRoster {
  const teams = arrayField(json, 'teams');
  if (teams.length === 0) throw new ProviderError(`roster ${source}: "teams" must be a non-empty array`);
  const problems: ConfigProblem[] = [];
  const roster: Roster = {
    teams: teams.map((team, t) => {
      const name = stringField(team, 'name');
      if (!name) throw new ProviderError(`roster ${source}: teams[${t}].name is missing`);
      const responders = arrayField(team, 'responders').flatMap((responder, r) => {
        const responderName = stringField(responder, 'name');
        const phone = stringField(responder, 'phone');
        if (!isRecord(responder) || !responderName || !phone) {
          throw new ProviderError(`roster ${source}: teams[${t}].responders[${r}] needs a name and a phone`);
        }
        const parsed = parseOperatorPhone(phone);
        if (parsed.ok) return [{ name: responderName, phone: parsed.phone }];
        problems.push({
          variable: `${source} teams[${t}].responders[${r}].phone`,
          message: `("${phone}", ${responderName}) ${parsed.problem}. ${responderName} is left out.`,
          severity: 'warning',
        });
        return [];
      });
      return { name, responders };
    }),
  };
  return { roster, problems };
}

/** Records an incident event somewhere a person will see it. */
export type IncidentSink = (event: IncidentEvent) => void;

/**
 * The provider that needs no account: a JSON roster, and incidents written to the log (and, with
 * STATIC_WEBHOOK_URL, posted to a chat channel).
 */
export class StaticRosterProvider implements OnCallProvider {
  readonly name = 'static';

  constructor(
    private readonly roster: Roster,
    private readonly recordIncident: IncidentSink,
    private readonly webhook?: IncidentWebhook,
  ) {}

  async listTeams(): Promise<Team[]> {
    return this.roster.teams.map(({ name }) => ({ name }));
  }

  /** The roster rings its responders one after the other: each is a step of its own. */
  async readOnCall(team: Team): Promise<OnCallCandidate[][]> {
    const wanted = team.name.trim().toLowerCase();
    const entry = this.roster.teams.find((t) => t.name.trim().toLowerCase() === wanted);
    if (!entry) throw new ProviderError(`team "${team.name}" is not in the roster`);
    return entry.responders.map((r) => [{ name: r.name, phones: [r.phone] }]);
  }

  /**
   * Logged first: should the webhook fail, the log still has the incident, and the retry logs it
   * again. Without a webhook nobody is paged: the incident is only recorded.
   */
  async sendIncidentEvent(
    event: IncidentEvent,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<IncidentDelivery> {
    this.recordIncident(event);
    if (!this.webhook) return 'recorded';
    await this.webhook.post(event, signal);
    return 'alerted';
  }
}
