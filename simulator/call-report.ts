// What a simulated call produced. Plain data only, so a report can be printed as JSON,
// saved, and compared in tests.

/** parent: the caller's call; child: a dialled number's leg; callback: fire-and-forget notifications. */
export type LegKind = 'parent' | 'child' | 'callback';

export type RequestPurpose =
  | 'incoming-call'
  | 'gather-action'
  | 'dial-action'
  | 'record-action'
  | 'redirect'
  | 'number-url'
  | 'number-status-callback'
  | 'recording-status-callback'
  | 'transcribe-callback'
  | 'call-status-callback';

export interface HttpExchange {
  /** 1-based order among all requests of the call. */
  seq: number;
  leg: LegKind;
  purpose: RequestPurpose;
  method: 'GET' | 'POST';
  url: string;
  /** Path and query string, for short display. */
  path: string;
  params: Record<string, string>;
  /** null when no response arrived (timeout, connection refused). */
  status: number | null;
  /** Epoch ms when the request was sent (the mock providers' request log uses the same clock). */
  at: number;
  ms: number;
  /** Webhooks whose TwiML drives the call count against maxHops; callbacks do not. */
  isHop: boolean;
  /** The dialled number whose leg made the request, for child legs. */
  responder?: string;
  error?: string;
  responseBody?: string;
}

export type Party = { who: 'caller' } | { who: 'responder'; number: string };

export type DialCallStatus = 'completed' | 'no-answer' | 'busy' | 'failed';

export type AttemptResult = 'answered' | 'no-answer' | 'busy' | 'failed' | 'canceled';

export type EndReason =
  'hangup-verb' | 'reject-verb' | 'end-of-twiml' | 'caller-hung-up' | 'application-error' | 'max-hops';

export type TranscriptEvent =
  | (Party & { type: 'hears'; what: 'say' | 'play' | 'pause' | 'beep' | 'tones'; text: string })
  | (Party & { type: 'input'; input: 'digits' | 'speech' | 'silence'; value: string; note?: string })
  | (Party & { type: 'hang-up'; during: string })
  | {
      type: 'webhook';
      seq: number;
      leg: LegKind;
      purpose: RequestPurpose;
      method: string;
      path: string;
      status: number | null;
      ms: number;
    }
  | { type: 'ringing'; number: string; timeoutSeconds: number }
  | { type: 'dial-attempt'; number: string; result: AttemptResult; childCallSid: string }
  | { type: 'bridged'; number: string; talkSeconds: number }
  | { type: 'not-bridged'; number: string; reason: string }
  | { type: 'dial-result'; status: DialCallStatus; bridged: boolean; dialCallSid: string; durationSeconds: number }
  | { type: 'recording'; seconds: number; endedBy: string; recordingSid: string | null; transcript?: string }
  | { type: 'callback'; purpose: RequestPurpose; method: string; path: string; status: number | null }
  | { type: 'call-ended'; reason: EndReason }
  | { type: 'application-error'; code: number; message: string; leg: LegKind; url: string }
  | { type: 'notice'; text: string };

export interface ApplicationErrorInfo {
  code: number;
  message: string;
  leg: LegKind;
  url: string;
}

export interface CallTiming {
  /** Webhook requests that returned TwiML (both legs). */
  hops: number;
  /** Hops made up to and including the one whose response held the first <Dial>; null without a Dial. */
  hopsToFirstDial: number | null;
  /** Handler time summed over those hops. */
  msToFirstDial: number | null;
  /** Handler time summed over every request. */
  totalRequestMs: number;
  /** ms of each request, in order (same order as `requests`). */
  requestMs: number[];
  /** Real time the simulation took. */
  wallClockMs: number;
  /** Simulated length of the caller's call: speech, pauses, ringing, talking. */
  simulatedCallSeconds: number;
}

export interface CallReport {
  callSid: string;
  accountSid: string;
  from: string;
  to: string;
  entryUrl: string;
  startedAt: string;
  startedAtMs: number;
  /** completed: no application error and the hop bound held. */
  outcome: 'completed' | 'application-error' | 'max-hops-exceeded';
  endReason: EndReason;
  events: TranscriptEvent[];
  /** Every number a <Dial> rang, in order (repeats included). */
  dialled: string[];
  /** The number the caller ended up talking to (the last bridge if several), or null. */
  bridgedTo: string | null;
  requests: HttpExchange[];
  applicationErrors: ApplicationErrorInfo[];
  timing: CallTiming;
}
