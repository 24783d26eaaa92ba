import type { AlertOutcome } from './alerts';
import type { Attempt, Responder, Team, VoicemailReason } from './types';

export type OfferedTeam = Pick<Team, 'name' | 'ref'>;

/**
 * Everything one call needs to remember between webhooks. It travels in the URLs the
 * functions generate, sealed (encrypted and authenticated) by the shell, never in clear.
 */
export interface CallState {
  /** The caller's leg; a sealed state is only honoured on this call. */
  callSid: string;
  caller: string;
  /** The number the caller dialled: the default caller ID shown to responders. */
  supportNumber: string;
  stage: 'main-menu' | 'team-menu' | 'forwarding' | 'voicemail' | 'callback';
  intent: 'talk' | 'message';
  /** Wrong keys or silences at the current menu. */
  misses: number;
  team?: Team;
  /**
   * The teams a menu offered, in order, with the provider's key of each: the webhook that reads the
   * caller's choice needs neither the team list nor the configuration it came from.
   */
  offered?: OfferedTeam[];
  chain: Responder[];
  /** Index in `chain` of the responder being dialled (the first of their step, ringing a step). */
  current: number;
  /** Epoch ms when the call's ringing must end (maxRingSeconds), when there is a cap. */
  ringUntil?: number;
  attempts: Attempt[];
  reason?: VoicemailReason;
  /** What became of the latest message meant to open the call's incident. */
  alert?: AlertOutcome;
  /** The team's fallback numbers were rung on this call (so they are not rung twice). */
  fallbackRung?: boolean;
  /** The team the caller chose was closed: its name (the call may go to its after-hours team). */
  afterHours?: string;
  /** Screened: the caller may leave a message, and opens an incident only if they do. */
  screened?: boolean;
  /** A key or a word was heard at this menu (a person, not a silent robocall). */
  heard?: boolean;
}

export function newCallState(callSid: string, caller: string, supportNumber: string): CallState {
  return {
    callSid,
    caller,
    supportNumber,
    stage: 'main-menu',
    intent: 'talk',
    misses: 0,
    chain: [],
    current: 0,
    attempts: [],
  };
}
