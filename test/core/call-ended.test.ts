import { onCallEnded, type CallEnd } from '../../functions/lib/core/call-ended';
import type { CallTrace } from '../../functions/lib/core/trace';
import { asNeedAlert, asReply, CALL_SID, CALLER, DATABASE, flowConfig, PLATFORM, SUPPORT_NUMBER } from './builders';

const END: CallEnd = { callSid: CALL_SID, caller: CALLER, to: SUPPORT_NUMBER };
const config = flowConfig({ teams: [PLATFORM, { ...DATABASE, fallbackPhones: ['+15555550190'] }] });

function trace(overrides: Partial<CallTrace> = {}): CallTrace {
  return {
    caller: CALLER,
    team: 'Database',
    stage: 'team-chosen',
    incident: 'not-open',
    answered: false,
    ...overrides,
  };
}

describe('onCallEnded: the number status callback, when the call is over', () => {
  it('does nothing for a call a responder took', () => {
    expect(onCallEnded(config, trace({ stage: 'answered', answered: true }), END)).toEqual({
      action: 'nothing',
      why: 'a responder took the call',
    });
  });

  it('does nothing for a call whose incident is open: delivered twice, it opens nothing twice', () => {
    expect(onCallEnded(config, trace({ stage: 'voicemail', incident: 'open' }), END).action).toBe('nothing');
  });

  it("keeps the after-hours context: the missed call says the caller's team was closed", () => {
    const decision = onCallEnded(config, trace({ stage: 'team-chosen', afterHours: 'Platform' }), END);
    if (decision.action !== 'alert') throw new Error('expected an alert');
    expect(decision.step.incidents[0]).toMatchObject({ kind: 'missed-call', afterHours: 'Platform' });
  });

  it('does nothing for a call the team was texted about: a second text would only repeat it', () => {
    expect(onCallEnded(config, trace({ stage: 'message', incident: 'texted' }), END)).toEqual({
      action: 'nothing',
      why: 'the team was texted about the call',
    });
  });

  it.each<[CallTrace['stage'], string]>([
    ['team-chosen', 'hung-up-before-ringing'],
    ['voicemail', 'hung-up-at-prompt'],
    ['message', 'message-not-passed-on'],
  ])('opens a missed-call incident for a caller left unheard at stage %s (%s)', (stage, reason) => {
    const decision = onCallEnded(config, trace({ stage, teamRef: 'team-d4t4b4se' }), END);
    if (decision.action !== 'alert') throw new Error('expected an alert');
    expect(decision.step.incidents).toEqual([
      {
        kind: 'missed-call',
        callSid: CALL_SID,
        team: { ...DATABASE, fallbackPhones: ['+15555550190'], ref: 'team-d4t4b4se' },
        caller: CALLER,
        reason,
        // No call log: the trace says how far the call got, not who was rung.
      },
    ]);
    // Nobody is on the line: no words, and the trace records what became of the incident.
    expect(asReply(decision.step, 'alerted')).toMatchObject({
      verbs: [],
      trace: { incident: 'open', team: 'Database' },
    });
    expect(asReply(decision.step, 'failed').trace).toMatchObject({ incident: 'not-open' });
  });

  it('does nothing for a caller who never chose a team, by default: robocalls hang up at menus', () => {
    expect(onCallEnded(config, undefined, END)).toEqual({
      action: 'nothing',
      why: 'the caller hung up before choosing a team',
    });
    expect(onCallEnded(config, trace({ team: undefined, stage: 'menu' }), END).action).toBe('nothing');
  });

  it('with RECORD_MENU_HANGUPS leaves a record that pages nobody, for the first team offered', () => {
    const decision = onCallEnded(flowConfig({ recordMenuHangups: true }), undefined, END);
    if (decision.action !== 'alert') throw new Error('expected an alert');
    const step = asNeedAlert(decision.step);
    expect(step.incidents).toEqual([{ kind: 'menu-hang-up', callSid: CALL_SID, team: PLATFORM, caller: CALLER }]);
    expect(asReply(step).trace).toMatchObject({ stage: 'menu', incident: 'open' });
  });

  it('names a team no longer configured as the trace has it, with FALLBACK_PHONES', () => {
    const withDefault = flowConfig({ teams: [PLATFORM], fallbackPhones: ['+15555550191'] });
    const decision = onCallEnded(withDefault, trace({ team: 'Gone' }), END);
    if (decision.action !== 'alert') throw new Error('expected an alert');
    expect(decision.step.incidents[0].team).toEqual({ name: 'Gone', fallbackPhones: ['+15555550191'] });
  });
});
