import type { IncidentEvent } from '../core/incidents';
import type { OnCallCandidate } from '../core/chain';
import type { Team } from '../core/types';

/**
 * The one interface every incident-management system sits behind. Implementations throw
 * ProviderError (with context) on any failure; the handlers turn that into a safe call path.
 */
export interface OnCallProvider {
  readonly name: string;
  /**
   * Names the account and API this provider reads, for the warm cache of on-call chains. Absent
   * when a lookup costs nothing (the static roster), so there is nothing to cache.
   */
  readonly cacheScope?: string;
  /** The teams to offer when the operator configured no TEAM_n. */
  listTeams(signal: AbortSignal): Promise<Team[]>;
  /** The teams with the provider's own key for each (`ref`), where the provider needs one. */
  resolveTeamRefs?(teams: Team[], signal: AbortSignal): Promise<Team[]>;
  /** False when one more lookup would overrun the provider's documented rate limit. */
  lookupFitsRateBudget?(): boolean;
  /**
   * Who is on call for `team` right now: the escalation steps in order, each with the people on
   * call at that step and their phone numbers as the provider stores them (core/chain.ts turns
   * them into the people to ring).
   */
  readOnCall(team: Team, signal: AbortSignal): Promise<OnCallCandidate[][]>;
  /**
   * Opens, updates, acknowledges or resolves the call's incident: 'alerted' once the incident
   * system accepted it, 'recorded' when it was only written to the log (the static roster with no
   * webhook), where nobody is paged.
   */
  sendIncidentEvent(event: IncidentEvent, signal: AbortSignal): Promise<IncidentDelivery>;
}

export type IncidentDelivery = 'alerted' | 'recorded';

/**
 * Told about a part of the chain that could not be read (one step, one person's phones) while the
 * rest could: the call goes on with who is known, and the operator learns who was left out.
 */
export type GapReporter = (leftOut: string, error: unknown) => void;

export const ignoreGaps: GapReporter = () => undefined;

/**
 * How long a failed request asked us to wait (a 429's Retry-After), read from the error's fields
 * rather than its class: a request shared through the warm cache may have failed in another
 * function's bundle, whose ProviderError is another class.
 */
export function retryAfterOf(error: unknown): number | undefined {
  const value =
    typeof error === 'object' && error !== null ? (error as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  return typeof value === 'number' ? value : undefined;
}

/** Whether trying again can help (a timeout, a 429, a 5xx), read from the error's fields as above. */
export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

export class ProviderError extends Error {
  constructor(
    message: string,
    /** Worth trying again: a timeout, a 429 or a 5xx, not a 4xx. */
    readonly retryable = false,
    /** How long the provider asked us to wait before trying again (429 Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
