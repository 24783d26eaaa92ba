// Shared builders and narrowing helpers for the tests of the pure call flow.
import type { CallState } from '../../functions/lib/core/call-state';
import type { FlowConfig } from '../../functions/lib/core/flow-config';
import type { IncidentEvent } from '../../functions/lib/core/incidents';
import { defaultMessages, fillTemplate, type MessageKey } from '../../functions/lib/core/messages';
import type { Responder, Team } from '../../functions/lib/core/types';
import type { AlertOutcome } from '../../functions/lib/core/alerts';
import { DEFAULT_ROUTING } from '../../functions/lib/core/routing';
import type { NeedAlert, NeedOnCall, Reply, Step, Verb } from '../../functions/lib/core/verbs';

export const PLATFORM: Team = { name: 'Platform', policy: 'platform-policy' };
export const DATABASE: Team = { name: 'Database' };
export const PAYMENTS: Team = { name: 'Payments', policy: 'payments-policy' };
export const TEAMS: Team[] = [PLATFORM, DATABASE, PAYMENTS];

export const CALL_SID = 'CA00000000000000000000000000000001';
export const CALLER = '+15555550199';
export const SUPPORT_NUMBER = '+15555550100';

export const ALICE: Responder = { name: 'alice', phone: '+15555550101' };
export const BOB: Responder = { name: 'bob', phone: '+15555550102' };
export const CAROL: Responder = { name: 'carol', phone: '+447700900103' };

export function flowConfig(overrides: Partial<FlowConfig> = {}): FlowConfig {
  return {
    teams: TEAMS,
    menus: 0,
    noVoicemail: false,
    noCall: false,
    speechInput: true,
    ringTimeoutSeconds: 25,
    voicemailMaxSeconds: 90,
    callerIdMode: 'support',
    allowedCountryCodes: [],
    fallbackPhones: [],
    recordMenuHangups: false,
    routing: DEFAULT_ROUTING,
    messages: { ...defaultMessages },
    ...overrides,
  };
}

export function callState(overrides: Partial<CallState> = {}): CallState {
  return {
    callSid: CALL_SID,
    caller: CALLER,
    supportNumber: SUPPORT_NUMBER,
    stage: 'main-menu',
    intent: 'talk',
    misses: 0,
    chain: [],
    current: 0,
    attempts: [],
    ...overrides,
  };
}

/** A call being forwarded to `chain` for `team`, ringing `chain[current]`. */
export function forwardingState(overrides: Partial<CallState> = {}): CallState {
  return callState({ stage: 'forwarding', team: PLATFORM, chain: [ALICE, BOB, CAROL], current: 0, ...overrides });
}

/** The default sentence `key`, filled as the flow fills it. */
export function sentence(key: MessageKey, values: Record<string, string | number> = {}): string {
  return fillTemplate(defaultMessages[key], values);
}

/**
 * The reply a step ends in: a plain reply as it is; for one that first sends incident messages, the
 * answer for `outcome` (by default: the incident system accepted them), carrying those messages.
 */
export function asReply(step: Step, outcome: AlertOutcome = 'alerted'): Reply {
  if (step.kind === 'need-on-call') throw new Error('expected a reply, got need-on-call');
  if (step.kind === 'reply') return step;
  const answer = step.answers[outcome];
  return {
    ...answer,
    incidents: [...step.incidents, ...answer.incidents],
    notes: [...(step.notes ?? []), ...(answer.notes ?? [])],
  };
}

export function asNeedAlert(step: Step): NeedAlert {
  if (step.kind !== 'need-alert') throw new Error(`expected need-alert, got ${step.kind}`);
  return step;
}

export function asNeedOnCall(step: Step): NeedOnCall {
  if (step.kind !== 'need-on-call') throw new Error(`expected need-on-call, got ${step.kind}`);
  return step;
}

export type VerbOf<K extends Verb['verb']> = Extract<Verb, { verb: K }>;

export function verbKinds(step: Step): Verb['verb'][] {
  return asReply(step).verbs.map((v) => v.verb);
}

/** The one verb of this kind in the reply (fails when there is none or several). */
export function onlyVerb<K extends Verb['verb']>(step: Step, kind: K): VerbOf<K> {
  const found = asReply(step).verbs.filter((v): v is VerbOf<K> => v.verb === kind);
  if (found.length !== 1) throw new Error(`expected exactly one ${kind}, found ${found.length}`);
  return found[0];
}

export function verbAt<K extends Verb['verb']>(step: Step, index: number, kind: K): VerbOf<K> {
  const verb = asReply(step).verbs[index];
  if (!verb || verb.verb !== kind) throw new Error(`expected ${kind} at ${index}, got ${verb?.verb ?? 'nothing'}`);
  return verb as VerbOf<K>;
}

/** Every sentence of the reply's Say verbs, in order (Gather prompts excluded). */
export function said(step: Step): string[] {
  return asReply(step).verbs.flatMap((v) => (v.verb === 'say' ? [v.text] : []));
}

export function onlyIncident<K extends IncidentEvent['kind']>(
  step: Step,
  kind: K,
): Extract<IncidentEvent, { kind: K }> {
  const incidents = asReply(step).incidents;
  expect(incidents).toHaveLength(1);
  const [incident] = incidents;
  if (incident.kind !== kind) throw new Error(`expected a ${kind} incident, got ${incident.kind}`);
  return incident as Extract<IncidentEvent, { kind: K }>;
}

/** Asserts a menu reply: a Gather back to /menu, then a Redirect to the same place. */
export function expectMenu(step: Step): VerbOf<'gather'> {
  expect(verbKinds(step)).toEqual(['gather', 'redirect']);
  const gather = verbAt(step, 0, 'gather');
  const redirect = verbAt(step, 1, 'redirect');
  expect(gather.action.endpoint).toBe('menu');
  expect(redirect.to).toEqual(gather.action);
  return gather;
}

/** Asserts a voicemail reply: Says, Record to /recorded (+ /transcribed), Redirect to /recorded. */
export function expectRecording(step: Step): { record: VerbOf<'record'>; state: CallState; sentences: string[] } {
  const kinds = verbKinds(step);
  expect(kinds.slice(-2)).toEqual(['record', 'redirect']);
  expect(kinds.slice(0, -2).every((k) => k === 'say')).toBe(true);
  const record = verbAt(step, kinds.length - 2, 'record');
  const redirect = verbAt(step, kinds.length - 1, 'redirect');
  expect(record.action.endpoint).toBe('recorded');
  expect(record.transcribeCallback).toEqual({ endpoint: 'transcribed', state: record.action.state });
  expect(redirect.to).toEqual(record.action);
  expectUnansweredCall(step, record.action.state, 'message');
  return { record, state: record.action.state, sentences: said(step) };
}

/**
 * The one incident of a reply that takes a message or a call-back number: the unanswered call,
 * opened before the prompt, naming the state's team, reason and call log. None for a rejected
 * state (that request earned no incident), nor for a screened caller (only a message opens one).
 */
function expectUnansweredCall(step: Step, state: CallState, awaiting: 'message' | 'callback-number'): void {
  if (state.reason === 'state-rejected' || state.screened) {
    expect(asReply(step).incidents).toEqual([]);
    return;
  }
  expect(asReply(step).incidents).toEqual([
    {
      kind: 'unanswered-call',
      callSid: state.callSid,
      team: state.team,
      caller: state.caller,
      awaiting,
      reason: state.reason,
      attempts: state.attempts,
    },
  ]);
}

/** The incident kinds a reply must carry: one unanswered call when it takes a message, else none. */
export function expectedIncidentKinds(step: Reply): Array<IncidentEvent['kind']> {
  const takesMessage = step.verbs.some(
    (v) => v.verb === 'record' || (v.verb === 'gather' && v.action.endpoint === 'callback-request'),
  );
  return takesMessage ? ['unanswered-call'] : [];
}

/** Asserts a NO_VOICEMAIL reply: a call-back Gather, then a Redirect to /callback-request. */
export function expectCallbackRequest(step: Step): { gather: VerbOf<'gather'>; state: CallState } {
  expect(verbKinds(step)).toEqual(['gather', 'redirect']);
  const gather = verbAt(step, 0, 'gather');
  const redirect = verbAt(step, 1, 'redirect');
  expect(gather.action.endpoint).toBe('callback-request');
  expect(gather.finishOnKey).toBe('#');
  expect(gather.numDigits).toBeUndefined();
  expect(redirect.to).toEqual(gather.action);
  expectUnansweredCall(step, gather.action.state, 'callback-number');
  return { gather, state: gather.action.state };
}
