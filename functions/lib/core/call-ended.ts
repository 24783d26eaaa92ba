import type { CallState } from './call-state';
import { newCallState } from './call-state';
import type { FlowConfig } from './flow-config';
import { callFacts, type IncidentEvent } from './incidents';
import { teamByName, teamsOffered } from './menus';
import type { CallTrace, TraceStage } from './trace';
import type { HangUpReason } from './types';
import type { NeedAlert } from './verbs';
import { needAlert } from './voicemail';

/** What the number's status callback says when a call ends, however it ends. */
export interface CallEnd {
  callSid: string;
  caller: string;
  /** The number the caller dialled. */
  to: string;
}

export type CallEndDecision = { action: 'nothing'; why: string } | { action: 'alert'; step: NeedAlert };

const HANG_UP_AT: Record<Exclude<TraceStage, 'answered' | 'menu' | 'screened' | 'ended'>, HangUpReason> = {
  'team-chosen': 'hung-up-before-ringing',
  voicemail: 'hung-up-at-prompt',
  message: 'message-not-passed-on',
};

/**
 * The call is over. A call that reached a person, or whose incident is open, gets nothing more; one
 * whose caller chose a team and was then left unheard (a hang-up during "Connecting you to …" or
 * the voicemail prompt, or an incident that every webhook failed to open) opens a missed-call
 * incident now, where nobody waits and time is ample. A caller who never chose a team gets nothing,
 * or with RECORD_MENU_HANGUPS a record that pages nobody: robocalls hang up at menus too.
 */
export function onCallEnded(config: FlowConfig, trace: CallTrace | undefined, call: CallEnd): CallEndDecision {
  if (trace?.answered) return { action: 'nothing', why: 'a responder took the call' };
  if (trace?.stage === 'ended') return { action: 'nothing', why: 'the call was ended on purpose (refused, or silent)' };
  if (trace?.stage === 'screened') return { action: 'nothing', why: 'the caller was screened and left no message' };
  if (trace?.incident === 'open') return { action: 'nothing', why: "the call's incident is open" };
  // The SMS told the team's fallback numbers already; another attempt would only text them again.
  if (trace?.incident === 'texted') return { action: 'nothing', why: 'the team was texted about the call' };
  if (!trace?.team) {
    if (!config.recordMenuHangups) return { action: 'nothing', why: 'the caller hung up before choosing a team' };
    const state: CallState = { ...newCallState(call.callSid, call.caller, call.to) };
    const team = teamsOffered(config, state)[0];
    const incident: IncidentEvent = { kind: 'menu-hang-up', callSid: call.callSid, team, caller: call.caller };
    return {
      action: 'alert',
      step: needAlert(config, { ...state, team }, [incident], { then: 'record-only', stage: 'menu' }),
    };
  }
  const team = teamByName(config, trace.team, trace.teamRef);
  const state: CallState = {
    ...newCallState(call.callSid, trace.caller, call.to),
    team,
    stage: 'voicemail',
    ...(trace.afterHours ? { afterHours: trace.afterHours } : {}),
  };
  const stage = trace.stage === 'voicemail' || trace.stage === 'message' ? trace.stage : 'team-chosen';
  const incident: IncidentEvent = {
    kind: 'missed-call',
    ...callFacts(state, team),
    reason: HANG_UP_AT[stage],
  };
  return { action: 'alert', step: needAlert(config, state, [incident], { then: 'record-only', stage }) };
}
