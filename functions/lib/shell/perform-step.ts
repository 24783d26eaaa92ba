import { bestOutcome } from '../core/alerts';
import { connectToChain } from '../core/forwarding';
import type { NeedAlert, NeedOnCall, Reply, Step } from '../core/verbs';
import { canTextTeam, deliverIncidents, SMS_RESERVE_MS, type DeliveryOptions } from './incident-delivery';
import type { Logger } from './log';
import { lookUpOnCall } from './lookup';
import type { CallSetup } from './setup';
import { sendNotices, type NoticeOptions } from './notices';
import type { CallTrace } from '../core/trace';
import { recordTrace, type TraceStore } from './trace-store';

/**
 * Kept back from a lookup for the unanswered call's incident, should the lookup fail: its first
 * attempt and one retry (each gets half, see incident-delivery.ts).
 */
export const INCIDENT_RESERVE_MS = 1000;
/**
 * Once the lookup is done, how long the first ring may still wait for the trace write started
 * with it. A lookup that asks the provider takes longer than the write and hides it; one served
 * from the warm cache does not, and the ring must not wait a whole round trip for the trace.
 */
const TRACE_GRACE_MS = 100;

export interface StepContext {
  setup: CallSetup;
  log: Logger;
  /** Epoch ms by which the webhook must answer. */
  deadline: number;
  /** The caller's CallSid: the key of the call's trace. */
  callSid: string;
  /** The number the caller dialled: the SMS sender when SMS_FROM is unset. */
  supportNumber?: string;
  trace?: TraceStore;
  /** Someone is on the line waiting for this answer. */
  waiting: boolean;
}

/** With a caller waiting, voicemail notices get at most this long: they must never hold the caller. */
const NOTICE_BUDGET_MS = 1000;

/**
 * Runs the I/O a step asks for, within the webhook's budget, until the flow has its answer: the
 * on-call lookup, then the incident messages (and, where the words depend on them, the flow's
 * answer once it knows what became of them), and the call's trace for /call-status.
 */
export async function performStep(step: Step, context: StepContext): Promise<Reply> {
  const traces = new TraceWriter(context);
  let next: Step = step;
  if (next.kind === 'need-on-call') next = await lookUpAndConnect(next, context, traces);
  if (next.kind === 'need-alert') next = await alertThenAnswer(next, context, traces);
  logNotes(next, context.log);
  await Promise.all([
    deliverIncidents(next.incidents, deliveryOptions(context)),
    traces.write(next.trace, context.deadline),
    sendNotices(next.notices ?? [], noticeOptions(context)),
  ]);
  return next;
}

/**
 * The call's trace, written in order (a later write never lands before an earlier one), and never
 * the same trace twice.
 */
class TraceWriter {
  private last: Promise<void> = Promise.resolve();
  private written: string | undefined;
  constructor(private readonly context: StepContext) {}

  write(trace: CallTrace | undefined, until: number): Promise<void> {
    // Nothing new to write: the first ring never waits on an earlier write beyond its grace.
    if (!trace) return Promise.resolve();
    const text = JSON.stringify(trace);
    if (text === this.written) return this.last;
    this.written = text;
    const { trace: store, callSid, log } = this.context;
    this.last = this.last.then(() => recordTrace(store, callSid, trace, until - Date.now(), log));
    return this.last;
  }
}

async function lookUpAndConnect(
  step: NeedOnCall,
  context: StepContext,
  traces: TraceWriter,
): Promise<Reply | NeedAlert> {
  const { setup, log, deadline } = context;
  logNotes(step, log);
  const reserve = INCIDENT_RESERVE_MS + (canTextTeam(step.team, deliveryOptions(context)) ? SMS_RESERVE_MS : 0);
  const tracing = traces.write(step.trace, deadline - reserve);
  const lookup = await lookUpOnCall(setup, step.team, deadline - reserve, log);
  await Promise.race([tracing, new Promise((resolve) => setTimeout(resolve, TRACE_GRACE_MS))]);
  return connectToChain(setup.flow, step.state, step.prelude, lookup, new Date());
}

/**
 * Sends the incidents, then answers as their outcome says, and the caller's trace follows. A
 * delivery still running at half the budget may spend all of it: the trace of the worst outcome
 * (nothing opened) is then written beside it, so that /call-status does not lose the call. A
 * quick delivery costs only the one write of its real outcome.
 */
async function alertThenAnswer(step: NeedAlert, context: StepContext, traces: TraceWriter): Promise<Reply> {
  const slow = setTimeout(
    () => void traces.write(step.answers.failed.trace, context.deadline),
    Math.max(0, (context.deadline - Date.now()) / 2),
  );
  const [outcomes] = await Promise.all([
    deliverIncidents(step.incidents, deliveryOptions(context)),
    sendNotices(step.notices ?? [], noticeOptions(context)),
  ]).finally(() => clearTimeout(slow));
  const answer = step.answers[bestOutcome(outcomes)];
  return { ...answer, notes: [...(step.notes ?? []), ...(answer.notes ?? [])] };
}

function deliveryOptions(context: StepContext): DeliveryOptions {
  return {
    provider: context.setup.provider,
    deadline: context.deadline,
    sms: context.setup.config.sms,
    ...(context.supportNumber ? { supportNumber: context.supportNumber } : {}),
    log: context.log,
  };
}

function noticeOptions(context: StepContext): NoticeOptions {
  const until = context.waiting ? Math.min(context.deadline, Date.now() + NOTICE_BUDGET_MS) : context.deadline;
  return {
    config: context.setup.config,
    ...(context.supportNumber ? { supportNumber: context.supportNumber } : {}),
    until,
    log: context.log,
  };
}

function logNotes(step: Step, log: Logger): void {
  for (const note of step.notes ?? []) log.warn(note);
}
