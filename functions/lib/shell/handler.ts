/// <reference types="@twilio-labs/serverless-runtime-types" />
import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import type { Env } from '../config/env';
import { newCallState, type CallState } from '../core/call-state';
import type { AfterAlert } from '../core/alerts';
import type { CallTrace } from '../core/trace';
import { defaultMessages } from '../core/messages';
import { reply, type NeedAlert, type Reply, type Step } from '../core/verbs';
import { continueAfterAlert, enterVoicemail } from '../core/voicemail';
import { withDeadline } from './deadline';
import { isRetryable } from '../providers/provider';
import { describeError, createLogger, type Logger } from './log';
import { performStep, type StepContext } from './perform-step';
import { flowConfigOf, prepareCall, type CallSetup } from './setup';
import { createTraceStore } from './trace-store';
import { parseConfig, type Config } from '../config/config';
import { stringValue } from '../config/env-reader';
import { isSignedByTwilio } from './signature';
import { openState, sealState } from './state-seal';
import { renderTwiml } from './twiml';
import { callerHasHungUp, STATE_PARAM, stringParam, type TwilioEvent } from './twilio-event';

/**
 * Which leg of the call a webhook runs on decides how its state is bound and what a safe
 * answer is when something goes wrong:
 * - caller: the caller's leg; the safe answer is voicemail, never a hang-up.
 * - responder: a responder's leg during the whisper; the safe answer is to not bridge.
 * - background: a callback nobody listens to (transcription); the safe answer is empty TwiML.
 */
export type Leg = 'caller' | 'responder' | 'background';

export interface CallFlowRequest {
  event: TwilioEvent;
  setup: CallSetup;
  log: Logger;
  /** The opened call state; for the first webhook, a new one. */
  state: CallState;
  /** The call's trace, for an endpoint that reads it: what it holds, or why it is not known. */
  trace?: TraceRead;
  param(name: string): string | undefined;
}

export type TraceRead = { known: true; trace: CallTrace | undefined } | { known: false; why: string };

export interface EndpointSpec {
  step: string;
  leg: Leg;
  /** False only for the first webhook of a call, which starts the state. */
  stateful: boolean;
  /**
   * Whether the flow may need the team list (menus), or which configurations make it; other
   * steps never look it up.
   */
  needTeams: boolean | ((config: Config) => boolean);
  /** Whether the flow decides from the call's trace (the status callback). */
  readsTrace?: boolean;
  decide(request: CallFlowRequest): Step;
}

type Handler = (context: Context<Env>, event: TwilioEvent, callback: ServerlessCallback) => Promise<void>;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const EMPTY_TWIML = `${XML_DECLARATION}<Response/>`;
const HANGUP_TWIML = `${XML_DECLARATION}<Response><Hangup/></Response>`;
const LAST_RESORT_TWIML = `${XML_DECLARATION}<Response><Say>Sorry, we cannot take your call right now. Please try again in a few minutes.</Say><Hangup/></Response>`;

export function createCallFlowHandler(spec: EndpointSpec): Handler {
  return async (context, event, callback) => {
    // A responder's leg logs under the caller's CallSid, so that one call reads as one story.
    const legSid = stringParam(event, 'CallSid');
    const callSid = spec.leg === 'responder' ? (stringParam(event, 'ParentCallSid') ?? legSid) : legSid;
    const log = createLogger({ step: spec.step, callSid, ...(callSid !== legSid ? { legSid } : {}) });
    const started = Date.now();
    let xml: string;
    try {
      xml = await handle(spec, context, event, started, log);
    } catch (error) {
      log.error('Unexpected failure; answering with the safe path', { error: describeError(error) });
      xml = safeFallback(spec, context, event, log);
    }
    log.info('Answered', { ms: Date.now() - started });
    callback(null, twimlResponse(xml));
  };
}

async function handle(
  spec: EndpointSpec,
  context: Context<Env>,
  event: TwilioEvent,
  started: number,
  log: Logger,
): Promise<string> {
  const secret = stateSecretOf(context);
  if (
    !secret ||
    !isSignedByTwilio(context.AUTH_TOKEN, { domainName: context.DOMAIN_NAME, path: context.PATH }, event)
  ) {
    log.warn(
      context.AUTH_TOKEN
        ? 'Refused: the request does not carry a valid Twilio signature'
        : 'Refused: AUTH_TOKEN is not set, so no request can be verified',
    );
    return refusal(spec);
  }

  // The state is judged before any provider is asked anything, even for the team list.
  const opened = openRequestState(spec, event, secret);
  const setup = await prepareCall(context, log, opened.ok ? spec.needTeams : false, started);
  const render = (answer: Reply): string =>
    renderTwiml(answer.verbs, {
      voice: setup.config.voice,
      language: setup.config.language,
      seal: (link) => sealState(link.state, secret),
    });

  // A webhook nobody waits on (the caller is gone, or it is a callback) may take most of Twilio's
  // 10 s Function limit, so that its incident gets every chance; one with someone on the line may not.
  const waiting = spec.leg !== 'background' && !callerHasHungUp(event);
  const stepContext: StepContext = {
    setup,
    log,
    deadline: started + (waiting ? setup.config.webhookBudgetMs : setup.config.backgroundBudgetMs),
    callSid: opened.ok ? opened.state.callSid : '',
    waiting,
    ...(stringParam(event, 'To') ? { supportNumber: stringParam(event, 'To') } : {}),
    ...(setup.config.trace ? { trace: createTraceStore(setup.config.trace) } : {}),
  };

  if (!opened.ok) {
    log.warn('Refused the call state; nothing is dialled', { problem: opened.problem });
    return render(await performStep(stateRejected(spec, setup, event), stepContext));
  }

  const request: CallFlowRequest = {
    event,
    setup,
    log,
    state: opened.state,
    ...(spec.readsTrace ? { trace: await readTrace(stepContext) } : {}),
    param: (name) => stringParam(event, name),
  };
  return render(await performStep(spec.decide(request), stepContext));
}

async function readTrace(context: StepContext): Promise<TraceRead> {
  const { trace: store, callSid } = context;
  if (!store) return { known: false, why: 'no trace store (CALL_TRACE needs ACCOUNT_SID and AUTH_TOKEN)' };
  // Half the budget at most, what the trace says may still have to be sent; within it, a read
  // that fails in a way a retry can mend (a 5xx, a timeout) gets a second try: nobody waits here.
  const until = Date.now() + (context.deadline - Date.now()) / 2;
  let why = '';
  for (const share of [0.5, 1]) {
    try {
      const ms = (until - Date.now()) * share;
      return { known: true, trace: await withDeadline(ms, 'reading the call trace', (s) => store.read(callSid, s)) };
    } catch (error) {
      why = describeError(error);
      if (!isRetryable(error)) break;
    }
  }
  return { known: false, why };
}

type OpenedRequestState = { ok: true; state: CallState } | { ok: false; problem: string };

function openRequestState(spec: EndpointSpec, event: TwilioEvent, secret: string): OpenedRequestState {
  const callSid = stringParam(event, 'CallSid') ?? '';
  if (!spec.stateful) {
    return { ok: true, state: stateOfNewCall(event) };
  }
  const token = stringParam(event, STATE_PARAM);
  if (!token) return { ok: false, problem: 'the request has no call state' };
  const opened = openState(token, secret);
  if (!opened.ok) return opened;
  // A sealed state is honoured only on the call it was issued for: the caller's leg, or a
  // responder leg whose parent is that call.
  const boundSid = spec.leg === 'responder' ? stringParam(event, 'ParentCallSid') : callSid;
  if (opened.state.callSid !== boundSid) return { ok: false, problem: 'the call state belongs to another call' };
  return opened;
}

function stateRejected(spec: EndpointSpec, setup: CallSetup, event: TwilioEvent): Reply | NeedAlert {
  if (spec.leg === 'responder') return reply([{ verb: 'hangup' }]);
  if (spec.leg === 'background') return reply([]);
  return enterVoicemail(setup.flow, stateOfNewCall(event), 'state-rejected', []);
}

/** A state for this request's call as if it had just come in: the base of every fresh path. */
function stateOfNewCall(event: TwilioEvent): CallState {
  return newCallState(
    stringParam(event, 'CallSid') ?? '',
    stringParam(event, 'From') ?? '',
    stringParam(event, 'To') ?? '',
  );
}

/** The key that seals call state: STATE_SECRET, as every variable trimmed, else the auth token. */
function stateSecretOf(context: Context<Env>): string | undefined {
  return stringValue(context, 'STATE_SECRET') ?? context.AUTH_TOKEN;
}

function refusal(spec: EndpointSpec): string {
  if (spec.leg === 'background') return EMPTY_TWIML;
  return `${XML_DECLARATION}<Response><Say>${defaultMessages.notVerified}</Say><Hangup/></Response>`;
}

/**
 * After an unexpected error: the caller still gets a voicemail when anything can be sealed,
 * and a spoken apology otherwise. Twilio's "application error" is never the answer.
 */
function safeFallback(spec: EndpointSpec, context: Context<Env>, event: TwilioEvent, log: Logger): string {
  if (spec.leg === 'responder') return HANGUP_TWIML;
  if (spec.leg === 'background') return EMPTY_TWIML;
  try {
    const secret = stateSecretOf(context);
    if (!secret) return LAST_RESORT_TWIML;
    const defaults = parseConfig({}).config;
    const flow = flowConfigOf(defaults, [], { ...defaultMessages });
    // Nothing was sent: the caller hears that the team could not be alerted, and their message
    // (the recording webhook) opens the incident.
    const after: AfterAlert = { then: 'voicemail-prompt', reason: 'lookup-failed', lead: [] };
    const voicemail = continueAfterAlert(flow, stateOfNewCall(event), after, 'failed');
    return renderTwiml(voicemail.verbs, {
      voice: defaults.voice,
      language: defaults.language,
      seal: (link) => sealState(link.state, secret),
    });
  } catch (error) {
    log.error('Even the voicemail fallback failed', { error: describeError(error) });
    return LAST_RESORT_TWIML;
  }
}

function twimlResponse(xml: string): object {
  const response = new Twilio.Response();
  response.appendHeader('Content-Type', 'text/xml');
  response.setBody(xml);
  return response;
}
