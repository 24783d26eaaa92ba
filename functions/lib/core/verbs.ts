import type { AlertOutcome } from './alerts';
import type { CallState } from './call-state';
import type { IncidentEvent } from './incidents';
import type { CallTrace } from './trace';
import type { Team } from './types';

/** The webhooks the flow links to; each is a function file of the same name. */
export type Endpoint = 'menu' | 'whisper' | 'screen' | 'dial-result' | 'recorded' | 'transcribed' | 'callback-request';

/** A URL the shell builds: the endpoint plus the state sealed into its query string. */
export interface Link {
  endpoint: Endpoint;
  state: CallState;
}

export type Verb =
  | { verb: 'say'; text: string }
  | {
      verb: 'gather';
      action: Link;
      prompt: string[];
      timeoutSeconds: number;
      numDigits?: number;
      finishOnKey?: string;
      speechHints?: string[];
    }
  | { verb: 'redirect'; to: Link }
  | {
      verb: 'dial';
      action: Link;
      callerId: string;
      timeoutSeconds: number;
      /** Rung at once; the first to pass its whisper is bridged. */
      numbers: Array<{ phone: string; whisper: Link }>;
    }
  | { verb: 'record'; action: Link; transcribeCallback: Link; maxLengthSeconds: number }
  | { verb: 'hangup' };

/** What the flow decided: TwiML to answer with, and incident messages to send first. */
export interface Reply {
  kind: 'reply';
  verbs: Verb[];
  incidents: IncidentEvent[];
  /** Decisions worth a log line (a skipped number, a fallback used); the shell logs them. */
  notes?: string[];
  /** What /call-status should know of this call from now on; the shell records it. */
  trace?: CallTrace;
  /** Voicemail notices for the team's notify list (SMS, e-mail); sent beside the incidents. */
  notices?: VoicemailNotice[];
}

/** A voicemail (or its transcript) told to the people a team's routing lists, besides the incident system. */
export interface VoicemailNotice {
  sms: string[];
  email: string[];
  /** The message-left or transcript event it tells of. */
  event: IncidentEvent;
}

/** The flow needs to know who is on call for `team` before it can answer. */
export interface NeedOnCall {
  kind: 'need-on-call';
  team: Team;
  state: CallState;
  /** Sentences to say before the connecting message (the greeting, when no menu played). */
  prelude: string[];
  /** Recorded while the lookup runs: the caller chose this team. */
  trace: CallTrace;
  notes?: string[];
}

/**
 * The flow must know whether its incident messages were accepted before it can say anything about
 * them: the shell sends them, then answers with the reply for what became of them.
 */
export interface NeedAlert {
  kind: 'need-alert';
  incidents: IncidentEvent[];
  answers: Record<AlertOutcome, Reply>;
  notes?: string[];
  /** Sent beside the incidents, whatever becomes of them. */
  notices?: VoicemailNotice[];
}

export type Step = Reply | NeedOnCall | NeedAlert;

export function reply(verbs: Verb[], incidents: IncidentEvent[] = []): Reply {
  return { kind: 'reply', verbs, incidents };
}
