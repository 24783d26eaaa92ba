import type { Messages } from './messages';
import type { Routing } from './routing';
import type { Team } from './types';

/** The part of the configuration the call flow decides with. */
export interface FlowConfig {
  /** Non-empty: the shell guarantees at least one team before asking the flow anything. */
  teams: Team[];
  menus: 0 | 1 | 2;
  noVoicemail: boolean;
  noCall: boolean;
  speechInput: boolean;
  ringTimeoutSeconds: number;
  voicemailMaxSeconds: number;
  callerIdMode: 'support' | 'caller';
  /** Country calling codes responders may be dialled in; empty allows every country. */
  allowedCountryCodes: string[];
  /** FALLBACK_PHONES: for every team without numbers of its own (teams the provider listed too). */
  fallbackPhones: string[];
  /** A caller who hangs up before choosing a team leaves a record that pages nobody. */
  recordMenuHangups: boolean;
  /** Per number and per team: greetings, teams, hours, screening, ring strategy, notifications. */
  routing: Routing;
  messages: Messages;
}

/** Wrong keys or silences a menu forgives before it picks the first team for the caller. */
export const MENU_RETRIES = 2;
export const MENU_TIMEOUT_SECONDS = 6;
export const WHISPER_TIMEOUT_SECONDS = 8;
export const CALLBACK_TIMEOUT_SECONDS = 10;
