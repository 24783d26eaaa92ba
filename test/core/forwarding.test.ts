import type { CallState } from '../../functions/lib/core/call-state';
import { WHISPER_TIMEOUT_SECONDS } from '../../functions/lib/core/flow-config';
import {
  connectToChain,
  onDialResult,
  onScreen,
  onWhisper,
  type DialResult,
} from '../../functions/lib/core/forwarding';
import type { Attempt, AttemptOutcome, OnCallLookup, Responder, Team } from '../../functions/lib/core/types';
import type { Step } from '../../functions/lib/core/verbs';
import {
  ALICE,
  asReply,
  BOB,
  CALL_SID,
  CALLER,
  CAROL,
  callState,
  DATABASE,
  expectCallbackRequest,
  expectRecording,
  flowConfig,
  forwardingState,
  onlyIncident,
  onlyVerb,
  PLATFORM,
  said,
  sentence,
  SUPPORT_NUMBER,
  verbAt,
  verbKinds,
} from './builders';

const AT = new Date('2026-12-02T15:00:00Z');

const config = flowConfig();
const found = (...chain: Responder[]): OnCallLookup => ({ ok: true, steps: chain.map((responder) => [responder]) });
const failed: OnCallLookup = { ok: false, problem: 'HTTP 503' };

/** The state the lookup was asked with: a team chosen, nobody in the chain yet. */
function beforeLookup(overrides: Partial<CallState> = {}): CallState {
  return callState({ stage: 'forwarding', team: DATABASE, ...overrides });
}

function dialResult(overrides: Partial<DialResult> = {}): DialResult {
  return { status: 'no-answer', bridged: false, durationSeconds: 0, callerGone: false, at: AT, ...overrides };
}

function dialOf(step: Step) {
  return onlyVerb(step, 'dial');
}

describe('connectToChain', () => {
  it('when the lookup failed: explains, then records a message (lookup-failed)', () => {
    const step = connectToChain(config, beforeLookup(), ['Hello.'], failed, AT);
    const { state, sentences } = expectRecording(step);
    expect(sentences).toEqual([
      'Hello.',
      'We could not find out who is on call for the Database team.',
      sentence('teamAlerted', { team: 'Database' }),
      sentence('leaveMessage', { team: 'Database' }),
    ]);
    expect(state).toMatchObject({ stage: 'voicemail', reason: 'lookup-failed', team: DATABASE });
    expect(verbKinds(step)).not.toContain('dial');
    expect(step.notes).toBeUndefined();
  });

  it('when nobody is on call: explains, then records a message (nobody-on-call)', () => {
    const step = connectToChain(config, beforeLookup(), [], found(), AT);
    const { state, sentences } = expectRecording(step);
    expect(sentences).toEqual([
      'Nobody is on call for the Database team right now.',
      sentence('teamAlerted', { team: 'Database' }),
      sentence('leaveMessage', { team: 'Database' }),
    ]);
    expect(state).toMatchObject({ reason: 'nobody-on-call', team: DATABASE });
    expect(verbKinds(step)).not.toContain('dial');
  });

  it('with NO_VOICEMAIL a failed lookup asks for a call-back number instead', () => {
    const step = connectToChain(flowConfig({ noVoicemail: true }), beforeLookup(), ['Hello.'], failed, AT);
    const { gather, state } = expectCallbackRequest(step);
    expect(gather.prompt).toEqual([
      'Hello.',
      sentence('reasonLookupFailed', { team: 'Database' }),
      sentence('teamAlerted', { team: 'Database' }),
      sentence('callbackPrompt'),
    ]);
    expect(state).toMatchObject({ stage: 'callback', reason: 'lookup-failed' });
  });

  it('with a chain: says the prelude and who is being called, then dials the first responder', () => {
    const step = connectToChain(config, beforeLookup(), ['Hello.', 'Welcome.'], found(ALICE, BOB), AT);
    expect(verbKinds(step)).toEqual(['say', 'say', 'say', 'dial']);
    expect(said(step)).toEqual([
      'Hello.',
      'Welcome.',
      'Connecting you to alice, on call for the Database team. Please hold.',
    ]);
    const dial = dialOf(step);
    expect(dial.numbers[0].phone).toBe(ALICE.phone);
    expect(dial.timeoutSeconds).toBe(25);
    expect(dial.callerId).toBe(SUPPORT_NUMBER);
    expect(dial.action.endpoint).toBe('dial-result');
    expect(dial.numbers[0].whisper).toEqual({ endpoint: 'whisper', state: dial.action.state });
    expect(dial.action.state).toEqual(beforeLookup({ chain: [ALICE, BOB], current: 0 }));
    expect(step.incidents).toEqual([]);
    expect(step.notes).toBeUndefined();
  });

  it.each(['anonymous', 'restricted', '', '266696687'])(
    'shows the support number instead of a caller ID Twilio would refuse (%p)',
    (caller) => {
      const step = connectToChain(
        flowConfig({ callerIdMode: 'caller' }),
        beforeLookup({ caller }),
        [],
        found(ALICE),
        AT,
      );
      expect(dialOf(step).callerId).toBe(SUPPORT_NUMBER);
    },
  );

  it('shows the caller number to responders when callerIdMode is caller', () => {
    const step = connectToChain(flowConfig({ callerIdMode: 'caller' }), beforeLookup(), [], found(ALICE), AT);
    expect(dialOf(step).callerId).toBe(CALLER);
  });

  it('uses the ring timeout of the configuration', () => {
    const step = connectToChain(flowConfig({ ringTimeoutSeconds: 7 }), beforeLookup(), [], found(ALICE), AT);
    expect(dialOf(step).timeoutSeconds).toBe(7);
  });

  it('names the first team when the state has none', () => {
    const step = connectToChain(config, beforeLookup({ team: undefined }), [], found(ALICE), AT);
    expect(said(step)).toEqual([sentence('connecting', { responder: 'alice', team: 'Platform' })]);
  });

  it('resets a chain left in the state to the one just looked up', () => {
    const stale = beforeLookup({ chain: [CAROL], current: 3, stage: 'team-menu' });
    const dial = dialOf(connectToChain(config, stale, [], found(BOB), AT));
    expect(dial.action.state).toMatchObject({ stage: 'forwarding', chain: [BOB], current: 0 });
  });

  describe('fallback numbers of the team', () => {
    const withFallback: Team = { name: 'Database', fallbackPhones: ['+15555550177', '+15555550178'] };
    const fallbackState = beforeLookup({ team: withFallback });

    it.each([
      ['the lookup failed', failed, 'ringing the fallback numbers: the on-call lookup failed'],
      ['the provider named nobody', found(), 'ringing the fallback numbers: nobody the provider named can be dialled'],
    ])('are rung in order when %s', (_label, lookup, note) => {
      const step = connectToChain(config, fallbackState, [], lookup, AT);
      const dial = dialOf(step);
      expect(dial.numbers[0].phone).toBe('+15555550177');
      expect(dial.action.state.chain).toEqual([
        { name: 'the Database fallback line 1', phone: '+15555550177' },
        { name: 'the Database fallback line 2', phone: '+15555550178' },
      ]);
      expect(said(step)).toEqual([sentence('connectingTeam', { team: 'Database' })]);
      expect(step.notes).toEqual([note]);
    });

    it('are rung when ALLOWED_COUNTRY_CODES refuses everyone the provider named', () => {
      const guarded = { ...config, allowedCountryCodes: ['1'] };
      const abroad = { name: 'bruno', phone: '+442071838750' };
      const step = connectToChain(guarded, fallbackState, [], found(abroad), AT);
      expect(dialOf(step).numbers[0].phone).toBe('+15555550177');
      expect(step.notes).toEqual([
        'bruno skipped: the number is outside ALLOWED_COUNTRY_CODES',
        'ringing the fallback numbers: nobody the provider named can be dialled',
      ]);
    });

    it('are not used when the provider names someone', () => {
      const step = connectToChain(config, fallbackState, [], found(ALICE), AT);
      expect(dialOf(step).action.state.chain).toEqual([ALICE]);
      expect(step.notes).toBeUndefined();
    });
  });

  describe('ALLOWED_COUNTRY_CODES', () => {
    const ukOnly = flowConfig({ allowedCountryCodes: ['44'] });

    it('skips responders outside the allowed countries and logs why', () => {
      const step = connectToChain(ukOnly, beforeLookup(), [], found(ALICE, CAROL, BOB), AT);
      const dial = dialOf(step);
      expect(dial.numbers[0].phone).toBe(CAROL.phone);
      expect(dial.action.state.chain).toEqual([CAROL]);
      expect(said(step)).toEqual([sentence('connecting', { responder: 'carol', team: 'Database' })]);
      expect(step.notes).toEqual([
        'alice skipped: the number is outside ALLOWED_COUNTRY_CODES',
        'bob skipped: the number is outside ALLOWED_COUNTRY_CODES',
      ]);
      expect(step.notes?.join(' ')).not.toContain(ALICE.phone);
    });

    it('goes to voicemail (nobody-on-call) when every responder is refused', () => {
      const step = connectToChain(ukOnly, beforeLookup(), [], found(ALICE), AT);
      expect(expectRecording(step).state.reason).toBe('nobody-on-call');
      expect(step.notes).toEqual(['alice skipped: the number is outside ALLOWED_COUNTRY_CODES']);
    });

    it('goes to voicemail (lookup-failed) when the fallback numbers are refused too', () => {
      const team: Team = { name: 'Database', fallbackPhones: ['+15555550177'] };
      const step = connectToChain(ukOnly, beforeLookup({ team }), [], failed, AT);
      expect(expectRecording(step).state.reason).toBe('lookup-failed');
      expect(step.notes).toEqual(['the Database fallback line 1 skipped: the number is outside ALLOWED_COUNTRY_CODES']);
    });

    it('allows every country when the list is empty', () => {
      const step = connectToChain(config, beforeLookup(), [], found(CAROL, ALICE), AT);
      expect(dialOf(step).action.state.chain).toEqual([CAROL, ALICE]);
    });
  });
});

describe('onWhisper', () => {
  it('asks the responder to press 1, naming the team and reading the caller digit by digit', () => {
    const state = forwardingState({ team: DATABASE });
    const step = onWhisper(config, state);
    expect(verbKinds(step)).toEqual(['gather', 'say', 'hangup']);
    const gather = verbAt(step, 0, 'gather');
    expect(gather.action).toEqual({ endpoint: 'screen', state });
    expect(gather.numDigits).toBe(1);
    expect(gather.timeoutSeconds).toBe(WHISPER_TIMEOUT_SECONDS);
    expect(gather).not.toHaveProperty('speechHints');
    const whisper = 'This is a call for the Database team from 1 5 5 5 5 5 5 0 1 9 9. Press 1 to accept the call.';
    expect(gather.prompt).toEqual([whisper, whisper]);
    expect(said(step)).toEqual([sentence('whisperNoResponse')]);
    expect(step.incidents).toEqual([]);
  });

  it('names the first team when the state has none, and an anonymous caller as unknown', () => {
    const gather = verbAt(onWhisper(config, forwardingState({ team: undefined, caller: 'anonymous' })), 0, 'gather');
    expect(gather.prompt[0]).toBe(
      'This is a call for the Platform team from an unknown number. Press 1 to accept the call.',
    );
  });
});

describe('onScreen', () => {
  it('1 accepts: the call is bridged (no hangup) and the incident names the responder', () => {
    const state = forwardingState({ current: 1 });
    const step = onScreen(config, state, '1');
    expect(verbKinds(step)).toEqual(['say']);
    expect(said(step)).toEqual([sentence('whisperAccepted')]);
    expect(onlyIncident(step, 'call-accepted')).toEqual({
      kind: 'call-accepted',
      callSid: CALL_SID,
      team: PLATFORM,
      caller: CALLER,
      responder: 'bob',
    });
  });

  it('accepts 1 with surrounding blanks', () => {
    expect(onScreen(config, forwardingState(), ' 1 ').incidents).toHaveLength(1);
  });

  it('names the first team when the state has none', () => {
    expect(onlyIncident(onScreen(config, forwardingState({ team: undefined }), '1'), 'call-accepted').team).toEqual(
      PLATFORM,
    );
  });

  it.each([['2'], ['0'], ['*'], ['#'], ['11'], [''], [undefined]])(
    'anything but 1 (%p) hangs up the responder leg without an incident',
    (digits) => {
      const step = onScreen(config, forwardingState(), digits);
      expect(verbKinds(step)).toEqual(['say', 'hangup']);
      expect(said(step)).toEqual([sentence('whisperNoResponse')]);
      expect(step.incidents).toEqual([]);
    },
  );

  it('hangs up when the state points past the chain, even on 1', () => {
    const step = onScreen(config, forwardingState({ current: 3 }), '1');
    expect(verbKinds(step)).toEqual(['say', 'hangup']);
    expect(step.incidents).toEqual([]);
  });
});

describe('onDialResult', () => {
  const earlier: Attempt[] = [{ responder: 'alice', outcome: 'no-answer' }];

  describe('bridged', () => {
    it('ends the call with the call log (accepted, talk time)', () => {
      const state = forwardingState({ current: 1, attempts: earlier });
      const step = onDialResult(
        config,
        state,
        dialResult({ status: 'completed', bridged: true, durationSeconds: 312 }),
      );
      expect(verbKinds(step)).toEqual(['say', 'hangup']);
      expect(said(step)).toEqual([sentence('calleeDisconnected')]);
      expect(onlyIncident(step, 'call-ended')).toEqual({
        kind: 'call-ended',
        callSid: CALL_SID,
        team: PLATFORM,
        caller: CALLER,
        responder: 'bob',
        talkSeconds: 312,
        attempts: [...earlier, { responder: 'bob', outcome: 'accepted', talkSeconds: 312 }],
      });
    });

    it('is a normal end even when the caller is the one who hung up', () => {
      const step = onDialResult(
        config,
        forwardingState(),
        dialResult({ bridged: true, callerGone: true, durationSeconds: 5 }),
      );
      expect(onlyIncident(step, 'call-ended').talkSeconds).toBe(5);
      expect(verbKinds(step)).not.toContain('dial');
    });
  });

  describe('not bridged: the next responder', () => {
    it.each<[string, AttemptOutcome]>([
      ['no-answer', 'no-answer'],
      ['busy', 'busy'],
      ['failed', 'failed'],
      ['canceled', 'no-answer'],
      ['completed', 'not-accepted'],
      ['answered', 'not-accepted'],
      ['', 'no-answer'],
      ['something-new', 'no-answer'],
    ])('status %p is logged as %p and the next responder is dialled', (status, outcome) => {
      const state = forwardingState({ current: 0 });
      const step = onDialResult(config, state, dialResult({ status }));
      // Nothing said in between: a hang-up during a <Say> would leave no trace of the call.
      expect(verbKinds(step)).toEqual(['dial']);
      const dial = dialOf(step);
      expect(dial.numbers[0].phone).toBe(BOB.phone);
      expect(dial.timeoutSeconds).toBe(25);
      expect(dial.callerId).toBe(SUPPORT_NUMBER);
      expect(dial.action).toEqual({
        endpoint: 'dial-result',
        state: { ...state, current: 1, attempts: [{ responder: 'alice', outcome }] },
      });
      expect(dial.numbers[0].whisper).toEqual({ endpoint: 'whisper', state: dial.action.state });
      expect(step.incidents).toEqual([]);
    });

    it('keeps the caller ID mode for the next responder', () => {
      const step = onDialResult(flowConfig({ callerIdMode: 'caller' }), forwardingState(), dialResult());
      expect(dialOf(step).callerId).toBe(CALLER);
    });

    it('after the last responder: voicemail (nobody-answered) carrying every attempt', () => {
      const c = flowConfig();
      let step: Step = onDialResult(c, forwardingState(), dialResult({ status: 'no-answer' }));
      step = onDialResult(c, dialOf(step).action.state, dialResult({ status: 'completed' }));
      step = onDialResult(c, dialOf(step).action.state, dialResult({ status: 'busy' }));
      const { state, sentences } = expectRecording(step);
      expect(sentences).toEqual([
        'We could not reach anyone on call for the Platform team.',
        sentence('teamAlerted', { team: 'Platform' }),
        sentence('leaveMessage', { team: 'Platform' }),
      ]);
      expect(state).toMatchObject({ stage: 'voicemail', reason: 'nobody-answered', team: PLATFORM, current: 2 });
      expect(state.attempts).toEqual([
        { responder: 'alice', outcome: 'no-answer' },
        { responder: 'bob', outcome: 'not-accepted' },
        { responder: 'carol', outcome: 'busy' },
      ]);
      expect(verbKinds(step)).not.toContain('dial');
    });

    it('after the last responder with NO_VOICEMAIL: the call-back prompt', () => {
      const step = onDialResult(flowConfig({ noVoicemail: true }), forwardingState({ current: 2 }), dialResult());
      const { gather, state } = expectCallbackRequest(step);
      expect(gather.prompt[0]).toBe(sentence('reasonNobodyAnswered', { team: 'Platform' }));
      expect(state).toMatchObject({
        reason: 'nobody-answered',
        attempts: [{ responder: 'carol', outcome: 'no-answer' }],
      });
    });
  });

  it('the caller hung up while ringing: missed-call incident, hangup, nobody else dialled', () => {
    const state = forwardingState({ current: 1, attempts: earlier });
    const step = onDialResult(config, state, dialResult({ status: 'canceled', callerGone: true }));
    expect(verbKinds(step)).toEqual(['hangup']);
    expect(onlyIncident(step, 'missed-call')).toEqual({
      kind: 'missed-call',
      callSid: CALL_SID,
      team: PLATFORM,
      caller: CALLER,
      reason: 'caller-hung-up',
      attempts: [...earlier, { responder: 'bob', outcome: 'caller-hung-up' }],
    });
  });

  it.each([
    ['past the end', { current: 3 }],
    ['negative', { current: -1 }],
    ['in an empty chain', { chain: [], current: 0 }],
  ])('a state whose current index is %s: voicemail (state-rejected), nothing dialled', (_label, overrides) => {
    const step = onDialResult(config, forwardingState(overrides), dialResult({ bridged: true }));
    const { state, sentences } = expectRecording(step);
    expect(sentences).toEqual([sentence('reasonStateRejected'), sentence('leaveMessage', { team: 'Platform' })]);
    expect(state.reason).toBe('state-rejected');
    expect(asReply(step).incidents).toEqual([]);
  });
});
