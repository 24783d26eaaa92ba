// The scripted side of a simulated call: what the caller does at each prompt and how
// each dialled person (or their phone) behaves. Also the JSON scenario file format.

export type CallerInput = { digits: string } | { speech: string } | { silence: true } | { hangUp: true };

export type ResponderBehaviour =
  'accept' | 'no-answer' | 'busy' | 'failed' | 'voicemail' | 'decline' | 'hangs-up-during-whisper';

export const RESPONDER_BEHAVIOURS: readonly ResponderBehaviour[] = [
  'accept',
  'no-answer',
  'busy',
  'failed',
  'voicemail',
  'decline',
  'hangs-up-during-whisper',
];

export interface ResponderScript {
  behaviour: ResponderBehaviour;
  /** Seconds of conversation once bridged (default 45). */
  talkSeconds?: number;
  /** Seconds of ringing before the phone is picked up (default 5); a shorter Dial timeout means no-answer. */
  ringSeconds?: number;
  /** Key pressed at a whisper prompt; default "1" for accept, "2" for decline. */
  presses?: string;
}

export type VoicemailScript =
  | {
      action: 'leave-message';
      seconds: number;
      transcript?: string;
      transcriptionFails?: boolean;
      /** Hang up to end the message instead of pressing a key (Digits "hangup"). */
      thenHangsUp?: boolean;
    }
  | { action: 'silence' }
  | { action: 'hang-up'; seconds?: number };

export interface CallScript {
  /** Consumed in order by the caller's Gathers. */
  caller: CallerInput[];
  responders?: Record<string, ResponderScript>;
  /** What the caller does at each <Record>; a list is consumed in order, later Records get silence. */
  voicemail?: VoicemailScript | VoicemailScript[];
  /** true: the caller hangs up while the first <Dial> rings; a number N: during the Nth <Dial>. */
  callerHangsUpDuringDial?: boolean | number;
  /** After a bridged conversation the caller hangs up (default: the responder does, and the call goes on). */
  callerHangsUpAfterBridge?: boolean;
  /** The caller hangs up as soon as the response to webhook request N (1-based) arrives. */
  callerHangsUpAtHop?: number;
}

/** A scenario file: a script plus the call it belongs to. */
export interface CallScenario {
  description?: string;
  from?: string;
  to?: string;
  url?: string;
  entryPath?: string;
  /** Twilio's SHAKEN/STIR verdict on the call, e.g. TN-Validation-Passed-A; absent when unsigned. */
  stirVerstat?: string;
  /** The caller's CNAM name, as Twilio sends it with caller ID lookup on. */
  callerName?: string;
  script: CallScript;
}
