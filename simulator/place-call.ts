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
  /** The phone number's call status callback (path or URL), requested once the call has ended. */
  statusCallback?: string;
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

export async function placeCall(options: PlaceCallOptions): Promise<CallReport> {
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
  const legEnd = entry.ok ? await run(caller, entry.doc) : entry.reason;
  // Only a responder's leg can end with the responder hanging up; the caller's never does.
  const endReason: EndReason = legEnd === 'responder-hung-up' ? 'end-of-twiml' : legEnd;
  session.callEnded = true;
  recorder.add({ type: 'call-ended', reason: endReason });

  for (const callback of session.afterCall) await callback();
  if (options.statusCallback) {
    await session.sendCallback(
      'callback',
      { url: resolveTwimlUrl(options.statusCallback, entryUrl), method: 'POST' },
      {
        ...caller.params(),
        CallStatus: 'completed',
        CallDuration: String(Math.round(caller.seconds)),
        Timestamp: new Date().toUTCString(),
        CallbackSource: 'call-progress-events',
        SequenceNumber: '0',
      },
      'call-status-callback',
    );
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
