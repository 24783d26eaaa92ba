// The call flow under a routing file: per-number teams and greetings, caller screening, opening
// hours and what happens after them, and what silence at every prompt leads to.
import { onCallEnded } from '../../functions/lib/core/call-ended';
import { connectToChain, onDialResult, onScreen, onWhisper } from '../../functions/lib/core/forwarding';
import { parseOpeningHours, type OpeningHours } from '../../functions/lib/core/hours';
import { answerCall, onMenuInput, type IncomingCall } from '../../functions/lib/core/menus';
import { DEFAULT_ROUTING, type Routing, type TeamRules } from '../../functions/lib/core/routing';
import { onCallbackRequest, onRecording, onTranscription } from '../../functions/lib/core/voicemail';
import {
  ALICE,
  asNeedOnCall,
  asReply,
  BOB,
  CALL_SID,
  CALLER,
  DATABASE,
  expectMenu,
  expectRecording,
  flowConfig,
  onlyIncident,
  onlyVerb,
  PAYMENTS,
  PLATFORM,
  said,
  sentence,
  SUPPORT_NUMBER,
  TEAMS,
  verbKinds,
} from './builders';

// A Wednesday, 15:00 UTC: 10:00 in New York.
const WEDNESDAY_MORNING_NY = new Date('2026-12-02T15:00:00Z');
// The same Wednesday, 03:00 UTC the next day: 22:00 in New York.
const WEDNESDAY_NIGHT_NY = new Date('2026-12-03T03:00:00Z');

function hours(open: Record<string, string>, closed: string[] = []): OpeningHours {
  const parsed = parseOpeningHours({ timezone: 'America/New_York', open, closed });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.hours;
}

const OFFICE = hours({ 'mon-fri': '08:00-18:00' });
const rules = (extra: Partial<TeamRules> = {}): TeamRules => ({
  ring: 'sequential',
  notify: { sms: [], email: [] },
  ...extra,
});

function routed(routing: Partial<Routing>, menus: 0 | 1 = 1) {
  return flowConfig({ menus, routing: { ...DEFAULT_ROUTING, ...routing } });
}

const call = (overrides: Partial<IncomingCall> = {}): IncomingCall => ({
  callSid: CALL_SID,
  from: CALLER,
  to: SUPPORT_NUMBER,
  at: WEDNESDAY_MORNING_NY,
  ...overrides,
});

describe('several numbers', () => {
  const numbers = {
    [SUPPORT_NUMBER]: { teams: ['Payments', 'Platform'] },
    '+18005550111': { greeting: 'Payments hotline.', teams: ['Payments'] },
  };

  it("offers the dialled number's teams, in its menu order", () => {
    const gather = expectMenu(answerCall(routed({ numbers }), call()));
    expect(gather.prompt).toEqual([
      sentence('greeting'),
      sentence('teamMenuIntro'),
      'For Payments, press 1.',
      'For Platform, press 2.',
      sentence('repeatHint'),
    ]);
    expect(
      asNeedOnCall(onMenuInput(routed({ numbers }), gather.action.state, { digits: '1', at: WEDNESDAY_MORNING_NY }))
        .team,
    ).toEqual(PAYMENTS);
  });

  it('a number with one team has no menu, and its own greeting', () => {
    const step = asNeedOnCall(answerCall(routed({ numbers }), call({ to: '+18005550111' })));
    expect(step.team).toEqual(PAYMENTS);
    expect(step.prelude).toEqual(['Payments hotline.']);
  });

  it('a number that is not listed gets every team', () => {
    const gather = expectMenu(answerCall(routed({ numbers }), call({ to: '+15555550999' })));
    expect(gather.action.state.offered).toEqual(TEAMS.map(({ name }) => ({ name })));
  });
});

describe('caller screening', () => {
  const callers = (extra: Partial<Routing['callers']>): Partial<Routing> => ({
    callers: { ...DEFAULT_ROUTING.callers, ...extra },
  });

  it('refuses a blocked caller at once: no ring, no incident, and nothing for /call-status to open', () => {
    const reply = asReply(answerCall(routed(callers({ block: ['+1900*'] })), call({ from: '+19005550100' })));
    expect(said(reply)).toEqual([sentence('callerRejected')]);
    expect(verbKinds(reply)).toEqual(['say', 'hangup']);
    expect(reply.incidents).toEqual([]);
    expect(
      onCallEnded(routed({}), reply.trace, { callSid: CALL_SID, caller: '+19005550100', to: SUPPORT_NUMBER }),
    ).toMatchObject({ action: 'nothing' });
  });

  it.each([
    ['a withheld caller ID', callers({ anonymous: 'voicemail' }), { from: 'anonymous' }, 'caller-withheld'],
    [
      'a withheld caller ID beside an allow list',
      callers({ allow: ['+1415*'] }),
      { from: 'anonymous' },
      'caller-withheld',
    ],
    [
      'a caller ID that failed verification',
      callers({ unverified: 'voicemail' }),
      { stirVerstat: 'TN-Validation-Failed-C' },
      'caller-unverified',
    ],
  ] as const)('names the rule that screened %s, so that its message says why', (_what, routing, incoming, reason) => {
    const config = routed(routing);
    const { state } = expectRecording(asReply(answerCall(config, call(incoming))));
    expect(state).toMatchObject({ screened: true, reason });
    const message = onRecording(config, state, { url: 'https://api.twilio.com/rec/RE1', seconds: 7 });
    if (message.kind !== 'need-alert') throw new Error('expected the message to open the incident');
    expect(message.incidents[0]).toMatchObject({ kind: 'message-left', reason });
  });

  it('offers a caller not on the allow list a voicemail: no incident unless they leave a message', () => {
    const config = routed(callers({ allow: ['+1415*'] }));
    const prompt = asReply(answerCall(config, call()));
    expect(prompt.incidents).toEqual([]);
    const { state } = expectRecording(prompt);
    expect(state).toMatchObject({ screened: true, reason: 'caller-not-allowed', team: PLATFORM });
    expect(prompt.trace).toMatchObject({ stage: 'screened' });
    // Silence: a goodbye, nothing opened, nothing owed.
    const silent = asReply(onRecording(config, state, { seconds: 0 }));
    expect(silent.incidents).toEqual([]);
    expect(said(silent)).toEqual([sentence('noMessageGoodbye')]);
    expect(onCallEnded(config, silent.trace, { callSid: CALL_SID, caller: CALLER, to: SUPPORT_NUMBER }).action).toBe(
      'nothing',
    );
    // A message: the incident opens with it.
    const left = onRecording(config, state, { url: 'https://api.twilio.com/rec/RE1', seconds: 9 });
    expect(left.kind).toBe('need-alert');
    expect(asReply(left).incidents.map((i) => i.kind)).toEqual(['message-left']);
  });

  it('puts a caller on the allow list through', () => {
    expectMenu(answerCall(routed(callers({ allow: ['+1555*'] })), call({ from: '+15555550150' })));
  });

  it.each<['allow' | 'voicemail' | 'reject', string]>([
    ['allow', 'menu'],
    ['voicemail', 'screened voicemail'],
    ['reject', 'refusal'],
  ])('a withheld caller ID with anonymous: %s gets the %s', (treatment, expected) => {
    const step = answerCall(routed(callers({ anonymous: treatment })), call({ from: 'anonymous' }));
    const kinds = verbKinds(asReply(step));
    if (expected === 'menu') expect(kinds).toEqual(['gather', 'redirect']);
    if (expected === 'screened voicemail') expect(kinds.slice(-2)).toEqual(['record', 'redirect']);
    if (expected === 'refusal') expect(kinds).toEqual(['say', 'hangup']);
  });

  it('a caller ID that failed STIR/SHAKEN verification gets the unverified treatment; a passed one does not', () => {
    const config = routed(callers({ unverified: 'reject' }));
    expect(verbKinds(answerCall(config, call({ stirVerstat: 'TN-Validation-Failed-B' })))).toEqual(['say', 'hangup']);
    expect(verbKinds(answerCall(config, call({ stirVerstat: 'TN-Validation-Passed-A' })))).toEqual([
      'gather',
      'redirect',
    ]);
    expect(verbKinds(answerCall(config, call()))).toEqual(['gather', 'redirect']);
  });

  it("a block prefix does not catch Twilio's stand-in for a withheld ID: anonymous decides", () => {
    const step = answerCall(routed(callers({ block: ['+2*'], anonymous: 'allow' })), call({ from: '+266696687' }));
    expect(verbKinds(asReply(step))).toEqual(['gather', 'redirect']);
  });

  it('a block wins over an allow list', () => {
    const step = answerCall(routed(callers({ block: [CALLER], allow: ['+1555*'] })), call());
    expect(said(asReply(step))).toEqual([sentence('callerRejected')]);
  });
});

describe('opening hours', () => {
  const choosePlatform = (routing: Partial<Routing>, at: Date) => answerCall(routed(routing, 0), call({ at }));

  it('rings the team while it is open', () => {
    const step = asNeedOnCall(choosePlatform({ teams: { Platform: rules({ hours: OFFICE }) } }, WEDNESDAY_MORNING_NY));
    expect(step.team).toEqual(PLATFORM);
    expect(step.state.afterHours).toBeUndefined();
  });

  it('after hours, with no rule, takes a voicemail that pages nobody until a message is left, which says so', () => {
    const config = routed({ teams: { Platform: rules({ hours: OFFICE }) } }, 0);
    const step = answerCall(config, call({ at: WEDNESDAY_NIGHT_NY }));
    if (step.kind !== 'reply') throw new Error('expected the voicemail prompt, with no incident before it');
    expect(said(step)).toEqual([
      sentence('greeting'),
      'The Platform team is closed right now.',
      sentence('leaveMessage', { team: 'Platform' }),
    ]);
    expect(step.incidents).toEqual([]);
    expect(step.trace).toMatchObject({ stage: 'screened', team: 'Platform' });
    const record = step.verbs.find((verb) => verb.verb === 'record');
    if (record?.verb !== 'record') throw new Error('expected a Record');
    const message = onRecording(config, record.action.state, { url: 'https://api.twilio.com/rec/RE1', seconds: 9 });
    if (message.kind !== 'need-alert') throw new Error('expected the message to open the incident');
    expect(message.incidents).toEqual([
      expect.objectContaining({ kind: 'message-left', reason: 'after-hours', afterHours: 'Platform' }),
    ]);
    expect(asReply(onRecording(config, record.action.state, { seconds: 0 })).incidents).toEqual([]);
  });

  it('after hours, with a message, says it before the voicemail', () => {
    const afterHours = { message: 'Our office is closed until 8 a.m.' };
    const step = choosePlatform({ teams: { Platform: rules({ hours: OFFICE, afterHours }) } }, WEDNESDAY_NIGHT_NY);
    expect(said(asReply(step)).slice(0, 2)).toEqual([sentence('greeting'), 'Our office is closed until 8 a.m.']);
  });

  it('after hours, rings the after-hours team when it is open, and its incidents say the call came after hours', () => {
    const routing = { teams: { Platform: rules({ hours: OFFICE, afterHours: { team: 'Database' } }) } };
    const step = asNeedOnCall(choosePlatform(routing, WEDNESDAY_NIGHT_NY));
    expect(step.team).toEqual(DATABASE);
    expect(step.prelude).toEqual([
      sentence('greeting'),
      'The Platform team is closed right now, so we will put you through to the Database team.',
    ]);
    expect(step.state).toMatchObject({ team: DATABASE, afterHours: 'Platform' });
  });

  it('after hours, follows the call to the after-hours team until a responder accepts: that incident says so too', () => {
    const routing = { teams: { Platform: rules({ hours: OFFICE, afterHours: { team: 'Database' } }) } };
    const config = routed(routing, 0);
    const lookup = asNeedOnCall(choosePlatform(routing, WEDNESDAY_NIGHT_NY));
    const ringing = connectToChain(
      config,
      lookup.state,
      lookup.prelude,
      { ok: true, steps: [[ALICE], [BOB]] },
      WEDNESDAY_NIGHT_NY,
    );
    const firstDial = onlyVerb(ringing, 'dial');
    expect(firstDial.numbers.map((n) => n.phone)).toEqual([ALICE.phone]);
    // Alice does not answer; Bob is rung next.
    const next = onDialResult(config, firstDial.action.state, {
      status: 'no-answer',
      bridged: false,
      durationSeconds: 0,
      callerGone: false,
      at: WEDNESDAY_NIGHT_NY,
    });
    expect(asReply(next).incidents).toEqual([]);
    const [bob] = onlyVerb(next, 'dial').numbers;
    expect(bob.phone).toBe(BOB.phone);
    // Bob hears the whisper and presses 1.
    const whisper = onlyVerb(onWhisper(config, bob.whisper.state), 'gather');
    const accepted = onlyIncident(onScreen(config, whisper.action.state, '1'), 'call-accepted');
    expect(accepted).toEqual({
      kind: 'call-accepted',
      callSid: CALL_SID,
      team: DATABASE,
      caller: CALLER,
      responder: 'bob',
      afterHours: 'Platform',
    });
  });

  it('after hours, takes a voicemail when the after-hours team is closed too', () => {
    const routing = {
      teams: {
        Platform: rules({ hours: OFFICE, afterHours: { team: 'Database' } }),
        Database: rules({ hours: hours({}) }),
      },
    };
    const reply = asReply(choosePlatform(routing, WEDNESDAY_NIGHT_NY));
    expect(said(reply)).toContain(sentence('leaveMessage', { team: 'Platform' }));
    expect(reply.trace).toMatchObject({ stage: 'screened', team: 'Platform' });
  });

  it('holds for a message too (NO_CALL): a closed team is not paged, and its after-hours team gets the message', () => {
    const closed = { ...routed({ teams: { Platform: rules({ hours: OFFICE }) } }, 0), noCall: true };
    const screened = asReply(answerCall(closed, call({ at: WEDNESDAY_NIGHT_NY })));
    expect(screened.incidents).toEqual([]);
    expect(said(screened)).toContain('The Platform team is closed right now.');
    expect(screened.trace).toMatchObject({ stage: 'screened' });

    const handedOn = {
      ...routed({ teams: { Platform: rules({ hours: OFFICE, afterHours: { team: 'Database' } }) } }, 0),
      noCall: true,
    };
    const step = answerCall(handedOn, call({ at: WEDNESDAY_NIGHT_NY }));
    if (step.kind !== 'need-alert') throw new Error('expected the open team to be told of the message');
    expect(step.incidents).toEqual([
      expect.objectContaining({
        kind: 'unanswered-call',
        team: DATABASE,
        afterHours: 'Platform',
        reason: 'no-call-mode',
      }),
    ]);
    expect(said(asReply(step))).toContain('The Platform team is closed right now.');
  });

  it('a closed date closes the team all day', () => {
    const routing = { teams: { Platform: rules({ hours: hours({ 'mon-fri': '00:00-24:00' }, ['2026-12-02']) }) } };
    const reply = asReply(choosePlatform(routing, WEDNESDAY_MORNING_NY));
    expect(said(reply)).toContain('The Platform team is closed right now.');
    expect(reply.trace).toMatchObject({ stage: 'screened' });
  });
});

describe('silence at every prompt (noInput)', () => {
  const silentThrice = (noInput: Routing['noInput'], heardOnce = false) => {
    const config = routed({ noInput });
    let state = expectMenu(answerCall(config, call())).action.state;
    for (let i = 0; i < 2; i++) {
      const input = heardOnce && i === 0 ? { digits: '9', at: WEDNESDAY_MORNING_NY } : { at: WEDNESDAY_MORNING_NY };
      state = expectMenu(onMenuInput(config, state, input)).action.state;
    }
    return { config, step: onMenuInput(config, state, { at: WEDNESDAY_MORNING_NY }) };
  };

  it('first-team (the default): rings the first team', () => {
    expect(asNeedOnCall(silentThrice('first-team').step).team).toEqual(PLATFORM);
  });

  it('goodbye: says goodbye, pages nobody, opens nothing', () => {
    const { config, step } = silentThrice('goodbye');
    const reply = asReply(step);
    expect(said(reply)).toEqual([sentence('noChoiceGoodbye')]);
    expect(reply.incidents).toEqual([]);
    expect(onCallEnded(config, reply.trace, { callSid: CALL_SID, caller: CALLER, to: SUPPORT_NUMBER }).action).toBe(
      'nothing',
    );
  });

  it('voicemail: offers a screened voicemail, opening nothing unless a message is left', () => {
    const { config, step } = silentThrice('voicemail');
    const reply = asReply(step);
    expect(reply.incidents).toEqual([]);
    const { state } = expectRecording(reply);
    expect(state).toMatchObject({ screened: true, reason: 'no-choice' });
    expect(asReply(onRecording(config, state, { seconds: 0 })).incidents).toEqual([]);
  });

  it('a caller who pressed a wrong key is a person: the first team rings whatever noInput says', () => {
    expect(asNeedOnCall(silentThrice('goodbye', true).step).team).toEqual(PLATFORM);
  });

  it('with NO_VOICEMAIL, a screened caller who stays silent is asked for nothing, and pound alone still asks to be called back', () => {
    const config = flowConfig({
      menus: 1,
      noVoicemail: true,
      routing: { ...DEFAULT_ROUTING, callers: { ...DEFAULT_ROUTING.callers, allow: ['+1415*'] } },
    });
    const prompt = asReply(answerCall(config, call()));
    const gather = prompt.verbs[0];
    if (gather.verb !== 'gather') throw new Error('expected the call-back prompt');
    expect(asReply(onCallbackRequest(config, gather.action.state, undefined)).incidents).toEqual([]);
    expect(asReply(onCallbackRequest(config, gather.action.state, '')).incidents.map((i) => i.kind)).toEqual([
      'callback-requested',
    ]);
  });
});

describe('voicemail notices', () => {
  const notify = { sms: ['+15555550170'], email: ['oncall@example.com'] };
  const config = routed({ teams: { Platform: rules({ notify }) } });
  const atVoicemail = {
    callSid: CALL_SID,
    caller: CALLER,
    supportNumber: SUPPORT_NUMBER,
    stage: 'voicemail' as const,
    intent: 'talk' as const,
    misses: 0,
    chain: [],
    current: 0,
    attempts: [],
    team: PLATFORM,
    alert: 'alerted' as const,
  };

  it("go to the team's notify list with the message, beside the incident", () => {
    const step = onRecording(config, atVoicemail, { url: 'https://api.twilio.com/rec/RE1', seconds: 12 });
    if (step.kind !== 'need-alert') throw new Error('expected the message to be sent');
    expect(step.notices).toEqual([{ ...notify, event: step.incidents[0] }]);
  });

  it('and again with the transcript', () => {
    const reply = onTranscription(config, atVoicemail, {
      text: 'Help.',
      completed: true,
      recordingUrl: 'https://api.twilio.com/rec/RE1',
    });
    expect(reply.notices).toEqual([{ ...notify, event: reply.incidents[0] }]);
  });

  it('and for a call-back request (NO_VOICEMAIL), with the number to call back', () => {
    const step = onCallbackRequest(config, { ...atVoicemail, stage: 'callback' }, '4155550123');
    if (step.kind !== 'need-alert') throw new Error('expected the request to be sent');
    expect(step.notices).toEqual([{ ...notify, event: step.incidents[0] }]);
    expect(step.incidents[0]).toMatchObject({ kind: 'callback-requested', callbackNumber: '+14155550123' });
  });

  it('not for a team without a notify list, nor when no message was left', () => {
    expect(
      onRecording(routed({}), atVoicemail, { url: 'https://api.twilio.com/rec/RE1', seconds: 12 }).notices,
    ).toBeUndefined();
    expect(onRecording(config, atVoicemail, { seconds: 0 }).notices).toBeUndefined();
  });
});
