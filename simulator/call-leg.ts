// A leg is one phone call inside the simulated call: the caller's (parent) or a dialled
// responder's (child). Verbs need to know whose ears hear a <Say> and whose keys
// answer a <Gather>; the leg answers both.
import type { LegKind, Party } from './call-report';
import type { ResponderScript } from './call-script';
import type { InputPrompt } from './caller-inputs';

export type LegInput =
  | { kind: 'digits'; digits: string }
  | { kind: 'speech'; text: string }
  | { kind: 'silence'; note?: string }
  | { kind: 'hang-up' };

export interface DialledResponder extends ResponderScript {
  number: string;
}

export interface CallLeg {
  kind: Exclude<LegKind, 'callback'>;
  party: Party;
  callSid: string;
  /** Parameters every webhook of this leg carries; a function because CallStatus changes. */
  params(): Record<string, string>;
  nextInput(prompt: InputPrompt): Promise<LegInput>;
  /** Simulated seconds spent on this leg so far (speech, pauses, waiting for input). */
  seconds: number;
  /** Set on child legs: who answered and how they behave. */
  responder?: DialledResponder;
}

export const API_VERSION = '2010-04-01';

/** The parameters Twilio sends about the caller's inbound call. */
export function parentLegParams(fields: {
  accountSid: string;
  callSid: string;
  from: string;
  to: string;
  callStatus: string;
  stirVerstat?: string;
  callerName?: string;
}): Record<string, string> {
  return {
    ...(fields.stirVerstat !== undefined ? { StirVerstat: fields.stirVerstat } : {}),
    ...(fields.callerName !== undefined ? { CallerName: fields.callerName } : {}),
    AccountSid: fields.accountSid,
    ApiVersion: API_VERSION,
    CallSid: fields.callSid,
    CallStatus: fields.callStatus,
    Direction: 'inbound',
    From: fields.from,
    Caller: fields.from,
    To: fields.to,
    Called: fields.to,
    FromCountry: 'US',
    CallerCountry: 'US',
    ToCountry: 'US',
    CalledCountry: 'US',
  };
}

/** The parameters Twilio sends on the leg it places for a <Dial><Number>. */
export function childLegParams(fields: {
  accountSid: string;
  callSid: string;
  parentCallSid: string;
  from: string;
  to: string;
  callStatus: string;
}): Record<string, string> {
  return {
    AccountSid: fields.accountSid,
    ApiVersion: API_VERSION,
    CallSid: fields.callSid,
    ParentCallSid: fields.parentCallSid,
    CallStatus: fields.callStatus,
    Direction: 'outbound-dial',
    From: fields.from,
    Caller: fields.from,
    To: fields.to,
    Called: fields.to,
  };
}

/** What a responder does at a whisper prompt, given their scripted behaviour. */
export function responderInput(responder: DialledResponder): LegInput {
  switch (responder.behaviour) {
    case 'accept':
      return { kind: 'digits', digits: responder.presses ?? '1' };
    case 'decline':
      return { kind: 'digits', digits: responder.presses ?? '2' };
    case 'hangs-up-during-whisper':
      return { kind: 'hang-up' };
    default:
      // A voicemail greeting (or anything else that picked up) never presses a key.
      return {
        kind: 'silence',
        note: responder.behaviour === 'voicemail' ? 'voicemail does not press keys' : undefined,
      };
  }
}
