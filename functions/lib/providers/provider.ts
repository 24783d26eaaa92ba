import type { IncidentEvent } from '../core/incidents';
import type { Responder, Team } from '../core/types';

/**
 * The one interface every incident-management system sits behind. Implementations throw
 * ProviderError (with context) on any failure; the handlers turn that into a safe call path.
 */
export interface OnCallProvider {
  readonly name: string;
  /** The teams to offer when the operator configured no TEAM_n. */
  listTeams(signal: AbortSignal): Promise<Team[]>;
  /** Who to ring for `team` right now, in escalation order, each with one dialable phone. */
  lookUpOnCallChain(team: Team, signal: AbortSignal): Promise<Responder[]>;
  /** Opens, updates, acknowledges or resolves the call's incident. */
  sendIncidentEvent(event: IncidentEvent, signal: AbortSignal): Promise<void>;
}

/**
 * Told about a part of the chain that could not be read (one step, one person's phones) while the
 * rest could: the call goes on with who is known, and the operator learns who was left out.
 */
export type GapReporter = (leftOut: string, error: unknown) => void;

export const ignoreGaps: GapReporter = () => undefined;

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
