// Plays Twilio's part in one inbound call against a running app: the entry webhook,
// the verbs of every TwiML answer, the dialled legs, and the callbacks after hang-up.
import { performance } from 'node:perf_hooks';
import type { CallReport, EndReason, TranscriptEvent } from './call-report';
import type { CallerInput, CallScript } from './call-script';
import { parentLegParams, type CallLeg, type LegInput } from './call-leg';
import { CallSession } from './call-session';
import { CallerInputQueue, type InteractiveInput } from './caller-inputs';
import { ReportRecorder } from './report-recorder';
import { newSid } from './twilio-sids';
import { createRunner } from './twiml-runner';
import { resolveTwimlUrl } from './twiml-urls';

export interface PlaceCallOptions {
  /** Where the Functions run, e.g. http://localhost:3000. */
  baseUrl: string;
  /** The phone number's voice webhook; default /voice. */
  entryPath?: string;
  /** Signs every request (X-Twilio-Signature). */
  authToken: string;
  /** The caller's number (E.164). */
  from: string;
  /** The support number that was called (E.164). */
  to: string;
  script: CallScript;
  /** Safety bound on TwiML requests across all legs; default 40. */
  maxHops?: number;
  /** Twilio waits 15 s for a webhook before error 11205. */
  requestTimeoutMs?: number;
  /** Asked for the caller's input when the script runs out; null means silence. */
  onInputNeeded?: InteractiveInput;
  /** Sees each transcript event as it happens (the CLI prints them live). */
  onEvent?: (event: TranscriptEvent) => void;
  /**
   * The phone number's call status callback (path or URL), requested once the call has ended.
   * Its CallStatus is "completed" for a call Twilio answered (it had TwiML to run) and
   * "canceled" when the caller hung up before that, while the first webhook was still running.
   */
  statusCallback?: string;
  /** How many times the status callback is delivered, identically (Twilio may retry it); default 1. */
  statusCallbackDeliveries?: number;
  /**
   * Twilio's SHAKEN/STIR verdict (StirVerstat), sent with every webhook of the caller's leg; any
   * text, so tests can send what Twilio never would. Absent by default, as for an unsigned call.
   */
  stirVerstat?: string;
  /** CallerName (CNAM), sent with every webhook of the caller's leg; absent by default. */
  callerName?: string;
  /** Fixed ids make reports reproducible; random by default. */
  callSid?: string;
  accountSid?: string;
}

export const DEFAULT_MAX_HOPS = 40;
export const TWILIO_WEBHOOK_TIMEOUT_MS = 15_000;

function toLegInput(input: CallerInput): LegInput {
  if ('digits' in input) return { kind: 'digits', digits: input.digits };
  if ('speech' in input) return { kind: 'speech', text: input.speech };
  if ('hangUp' in input) return { kind: 'hang-up' };
  return { kind: 'silence' };
}

function createCallerLeg(session: CallSession): CallLeg {
  const { accountSid, callSid, from, to, stirVerstat, callerName } = session.config;
  return {
    kind: 'parent',
    party: { who: 'caller' },
    callSid,
    seconds: 0,
    params: () =>
      parentLegParams({
        accountSid,
        callSid,
        from,
        to,
        ...(stirVerstat !== undefined ? { stirVerstat } : {}),
        ...(callerName !== undefined ? { callerName } : {}),
        callStatus:
          session.callerHungUp || session.callEnded ? 'completed' : session.hops === 0 ? 'ringing' : 'in-progress',
      }),
    nextInput: async (prompt) => {
      const taken = await session.callerInputs.take(prompt);
      if (taken === null)
        return { kind: 'silence', note: `no input for ${prompt.timeoutSeconds} s (script has no more input)` };
      return toLegInput(taken.input);
    },
  };
}

function deliveriesOf(options: PlaceCallOptions): number {
  const deliveries = options.statusCallbackDeliveries ?? 1;
  if (!Number.isInteger(deliveries) || deliveries < 1) {
    throw new Error(`placeCall: statusCallbackDeliveries must be a whole number, 1 or more; got ${deliveries}`);
  }
  return deliveries;
}

export async function placeCall(options: PlaceCallOptions): Promise<CallReport> {
  const statusCallbackDeliveries = deliveriesOf(options);
  const startedAtMs = Date.now();
  const startedAt = performance.now();
  const entryUrl = resolveTwimlUrl(options.entryPath ?? '/voice', options.baseUrl);
  const recorder = new ReportRecorder(options.onEvent);
  const config = {
    authToken: options.authToken,
    script: options.script,
    maxHops: options.maxHops ?? DEFAULT_MAX_HOPS,
    requestTimeoutMs: options.requestTimeoutMs ?? TWILIO_WEBHOOK_TIMEOUT_MS,
    callSid: options.callSid ?? newSid('CA'),
    accountSid: options.accountSid ?? newSid('AC'),
    from: options.from,
    to: options.to,
    ...(options.stirVerstat !== undefined ? { stirVerstat: options.stirVerstat } : {}),
    ...(options.callerName !== undefined ? { callerName: options.callerName } : {}),
  };
  const session = new CallSession(config, recorder, new CallerInputQueue(options.script.caller, options.onInputNeeded));
  const caller = createCallerLeg(session);
  const run = createRunner(session);

  const entry = await session.fetchTwiml(caller, { url: entryUrl, method: 'POST' }, {}, 'incoming-call');
  // Twilio answers an incoming call once it has TwiML to run (an application error's message
  // included); a caller who hung up while the first webhook ran was never answered.
  const answered = !session.callerHungUp;
  const legEnd = entry.ok ? await run(caller, entry.doc) : entry.reason;
  // Only a responder's leg can end with the responder hanging up; the caller's never does.
  const endReason: EndReason = legEnd === 'responder-hung-up' ? 'end-of-twiml' : legEnd;
  session.callEnded = true;
  recorder.add({ type: 'call-ended', reason: endReason });

  for (const callback of session.afterCall) await callback();
  if (options.statusCallback) {
    const target = { url: resolveTwimlUrl(options.statusCallback, entryUrl), method: 'POST' } as const;
    const params = {
      ...caller.params(),
      CallStatus: answered ? 'completed' : 'canceled',
      CallDuration: answered ? String(Math.round(caller.seconds)) : '0',
      Timestamp: new Date().toUTCString(),
      CallbackSource: 'call-progress-events',
      SequenceNumber: '0',
    };
    // A retry repeats the same request, Timestamp and signature included.
    for (let delivery = 0; delivery < statusCallbackDeliveries; delivery += 1) {
      await session.sendCallback('callback', target, params, 'call-status-callback');
    }
  }

  return recorder.build({
    callSid: config.callSid,
    accountSid: config.accountSid,
    from: config.from,
    to: config.to,
    entryUrl,
    startedAtMs,
    endReason,
    maxHopsExceeded: session.maxHopsExceeded,
    hops: session.hops,
    wallClockMs: performance.now() - startedAt,
    simulatedCallSeconds: caller.seconds,
  });
}
