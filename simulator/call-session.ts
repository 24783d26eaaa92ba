// State shared by every verb of one simulated call, and the two ways the call talks to
// the application: TwiML webhooks (which steer the call) and callbacks (which don't).
import type { LegKind, RequestPurpose } from './call-report';
import type { CallScript } from './call-script';
import type { CallLeg } from './call-leg';
import type { CallerInputQueue } from './caller-inputs';
import type { ReportRecorder } from './report-recorder';
import { childElements, type TwimlElement } from './twiml-parser';
import { judgeTwimlResponse, TWILIO_ERROR } from './twiml-response';
import { pathOf, urlLengthProblem, type WebhookTarget } from './twiml-urls';
import { sendWebhook, type WebhookResult } from './webhook-client';

export interface SessionConfig {
  authToken: string;
  script: CallScript;
  maxHops: number;
  requestTimeoutMs: number;
  callSid: string;
  accountSid: string;
  from: string;
  to: string;
  stirVerstat?: string;
  callerName?: string;
}

/** A TwiML document being executed, remembered with where it came from. */
export interface TwimlDocument {
  url: string;
  verbs: TwimlElement[];
  /** Which hop (1-based) fetched it. */
  hop: number;
}

export type FetchOutcome = { ok: true; doc: TwimlDocument } | { ok: false; reason: 'application-error' | 'max-hops' };

const RESPONSE_BODY_LIMIT = 4000;

export class CallSession {
  hops = 0;
  callerHungUp = false;
  /** Set once the TwiML is done; callbacks sent afterwards describe a finished call. */
  callEnded = false;
  maxHopsExceeded = false;
  dialsStarted = 0;
  recordsStarted = 0;
  /** Work Twilio does after the call is over (recording and transcription callbacks). */
  readonly afterCall: Array<() => Promise<void>> = [];

  constructor(
    readonly config: SessionConfig,
    readonly recorder: ReportRecorder,
    readonly callerInputs: CallerInputQueue,
  ) {}

  callerHangsUp(during: string): void {
    if (this.callerHungUp) return;
    this.callerHungUp = true;
    this.recorder.add({ type: 'hang-up', who: 'caller', during });
  }

  /** Requests TwiML for a leg; any failure is recorded as Twilio would report it. */
  async fetchTwiml(
    leg: CallLeg,
    target: WebhookTarget,
    extraParams: Record<string, string>,
    purpose: RequestPurpose,
  ): Promise<FetchOutcome> {
    if (this.hops >= this.config.maxHops) {
      this.maxHopsExceeded = true;
      this.recorder.add({
        type: 'notice',
        text: `stopped: more than ${this.config.maxHops} webhook requests (maxHops)`,
      });
      return { ok: false, reason: 'max-hops' };
    }
    const tooLong = urlLengthProblem(target.url);
    if (tooLong) return this.failFetch(leg, { code: TWILIO_ERROR.urlTooLong, message: tooLong }, target.url);
    const params = { ...leg.params(), ...extraParams };
    this.hops += 1;
    const hop = this.hops;
    const result = await sendWebhook({
      ...target,
      params,
      authToken: this.config.authToken,
      timeoutMs: this.config.requestTimeoutMs,
    });
    this.recordExchange(leg.kind, leg.responder?.number, purpose, target, params, result, true);

    const verdict = judgeTwimlResponse(result, this.config.requestTimeoutMs);
    if (!verdict.ok) return this.failFetch(leg, verdict, target.url);
    if (verdict.notice) this.recorder.add({ type: 'notice', text: `${pathOf(target.url)}: ${verdict.notice}` });
    if (this.config.script.callerHangsUpAtHop === hop) this.callerHangsUp(`the response to request ${hop}`);
    return { ok: true, doc: { url: target.url, verbs: childElements(verdict.root), hop } };
  }

  private failFetch(leg: CallLeg, error: { code: number; message: string }, url: string): FetchOutcome {
    this.recorder.applicationError({ code: error.code, message: error.message, leg: leg.kind, url });
    this.recorder.add({
      type: 'hears',
      ...leg.party,
      what: 'say',
      text: 'We are sorry, an application error has occurred. Goodbye.',
    });
    return { ok: false, reason: 'application-error' };
  }

  /** Notifies the application; the answer steers nothing but must still be a success. */
  async sendCallback(
    leg: LegKind,
    target: WebhookTarget,
    params: Record<string, string>,
    purpose: RequestPurpose,
    responder?: string,
  ): Promise<void> {
    const tooLong = urlLengthProblem(target.url);
    if (tooLong) {
      const message = `${purpose}: ${tooLong}`;
      this.recorder.applicationError({ code: TWILIO_ERROR.urlTooLong, message, leg: 'callback', url: target.url });
      return;
    }
    const result = await sendWebhook({
      ...target,
      params,
      authToken: this.config.authToken,
      timeoutMs: this.config.requestTimeoutMs,
    });
    const status = this.recordExchange(leg, responder, purpose, target, params, result, false);
    this.recorder.add({ type: 'callback', purpose, method: target.method, path: pathOf(target.url), status });
    if (result.kind === 'response' && result.status >= 200 && result.status < 300) return;
    const message =
      result.kind === 'timeout'
        ? `no response within ${this.config.requestTimeoutMs} ms`
        : result.kind === 'network-error'
          ? `request failed: ${result.message}`
          : `HTTP ${result.status}`;
    const code = result.kind === 'timeout' ? TWILIO_ERROR.httpTimeout : TWILIO_ERROR.httpRetrievalFailure;
    this.recorder.applicationError({ code, message: `${purpose}: ${message}`, leg: 'callback', url: target.url });
  }

  private recordExchange(
    leg: LegKind,
    responder: string | undefined,
    purpose: RequestPurpose,
    target: WebhookTarget,
    params: Record<string, string>,
    result: WebhookResult,
    isHop: boolean,
  ): number | null {
    const status = result.kind === 'response' ? result.status : null;
    const path = pathOf(result.url);
    this.recorder.addRequest({
      leg,
      purpose,
      method: target.method,
      url: result.url,
      path,
      params,
      status,
      at: result.sentAt,
      ms: result.ms,
      isHop,
      ...(responder !== undefined ? { responder } : {}),
      ...(result.kind === 'timeout' ? { error: 'timeout' } : {}),
      ...(result.kind === 'network-error' ? { error: result.message } : {}),
      ...(result.kind === 'response' ? { responseBody: result.body.slice(0, RESPONSE_BODY_LIMIT) } : {}),
    });
    if (isHop) {
      const seq = this.recorder.requests.length;
      this.recorder.add({ type: 'webhook', seq, leg, purpose, method: target.method, path, status, ms: result.ms });
    }
    return status;
  }
}
