// Ring strategies and the cap on ringing: "step" rings everyone on call at one escalation step at
// once, each with the whisper; maxRingSeconds ends the ringing and takes a message.
import { connectToChain, onDialResult, onScreen, type DialResult } from '../../functions/lib/core/forwarding';
import { DEFAULT_ROUTING, type Routing, type TeamRules } from '../../functions/lib/core/routing';
import type { Responder } from '../../functions/lib/core/types';
import {
  ALICE,
  asReply,
  BOB,
  CAROL,
  callState,
  expectRecording,
  flowConfig,
  onlyIncident,
  onlyVerb,
  PLATFORM,
  said,
} from './builders';

const AT = new Date('2026-12-02T15:00:00Z');
const DAVE: Responder = { name: 'dave', phone: '+15555550104' };
const rules = (extra: Partial<TeamRules>): TeamRules => ({
  ring: 'sequential',
  notify: { sms: [], email: [] },
  ...extra,
});
const routed = (routing: Partial<Routing>) => flowConfig({ routing: { ...DEFAULT_ROUTING, ...routing } });
const beforeLookup = () => callState({ stage: 'forwarding', team: PLATFORM });
const steps = { ok: true as const, steps: [[ALICE, BOB], [CAROL], [DAVE]] };

const dialResult = (overrides: Partial<DialResult>): DialResult => ({
  status: 'no-answer',
  bridged: false,
  durationSeconds: 0,
  callerGone: false,
  at: AT,
  ...overrides,
});

describe('ring: "step"', () => {
  const config = routed({ teams: { Platform: rules({ ring: 'step' }) } });

  it('rings everyone of the first step at once, each number with a whisper naming its own responder', () => {
    const step = connectToChain(config, beforeLookup(), [], steps, AT);
    expect(said(step)).toEqual(['Connecting you to the Platform team. Please hold.']);
    const dial = onlyVerb(step, 'dial');
    expect(dial.numbers.map((n) => n.phone)).toEqual([ALICE.phone, BOB.phone]);
    expect(dial.numbers.map((n) => n.whisper.state.chain[n.whisper.state.current].name)).toEqual(['alice', 'bob']);
    // Whoever presses 1 is the one acknowledged.
    const bob = dial.numbers[1].whisper.state;
    expect(onlyIncident(onScreen(config, bob, '1'), 'call-accepted').responder).toBe('bob');
  });

  it('nobody of a step takes it: the next step rings, with every one of them in the call log', () => {
    const first = onlyVerb(connectToChain(config, beforeLookup(), [], steps, AT), 'dial');
    const second = onlyVerb(onDialResult(config, first.action.state, dialResult({ status: 'no-answer' })), 'dial');
    expect(second.numbers.map((n) => n.phone)).toEqual([CAROL.phone]);
    expect(second.action.state.attempts).toEqual([
      { responder: 'alice', outcome: 'no-answer' },
      { responder: 'bob', outcome: 'no-answer' },
    ]);
  });

  it('names everyone of the step that took the call when the call ends, since Twilio does not say which', () => {
    const first = onlyVerb(connectToChain(config, beforeLookup(), [], steps, AT), 'dial');
    const ended = onDialResult(
      config,
      first.action.state,
      dialResult({ bridged: true, status: 'completed', durationSeconds: 30 }),
    );
    expect(onlyIncident(ended, 'call-ended').responder).toBe('alice or bob');
  });

  it('names the one who accepted when the shell still knows, and only someone who was ringing', () => {
    const first = onlyVerb(connectToChain(config, beforeLookup(), [], steps, AT), 'dial');
    const bridged = { bridged: true, status: 'completed', durationSeconds: 30 };
    const ended = onDialResult(config, first.action.state, dialResult({ ...bridged, acceptedBy: 'bob' }));
    expect(onlyIncident(ended, 'call-ended')).toMatchObject({
      responder: 'bob',
      attempts: [{ responder: 'bob', outcome: 'accepted', talkSeconds: 30 }],
    });
    const stranger = onDialResult(config, first.action.state, dialResult({ ...bridged, acceptedBy: 'carol' }));
    expect(onlyIncident(stranger, 'call-ended').responder).toBe('alice or bob');
  });

  it('the caller hangs up while a step rings: a missed call naming all of them', () => {
    const first = onlyVerb(connectToChain(config, beforeLookup(), [], steps, AT), 'dial');
    const missed = onDialResult(config, first.action.state, dialResult({ callerGone: true, status: 'canceled' }));
    expect((onlyIncident(missed, 'missed-call').attempts ?? []).map((a) => a.responder)).toEqual(['alice', 'bob']);
  });

  it('"sequential" (the default) rings one person at a time, step after step', () => {
    const dial = onlyVerb(connectToChain(flowConfig(), beforeLookup(), [], steps, AT), 'dial');
    expect(dial.numbers.map((n) => n.phone)).toEqual([ALICE.phone]);
  });
});

describe('maxRingSeconds', () => {
  it('cuts each ring to what is left of the cap, then takes a message', () => {
    const config = routed({ teams: { Platform: rules({ maxRingSeconds: 30 }) } });
    const first = onlyVerb(connectToChain(config, beforeLookup(), [], steps, AT), 'dial');
    expect(first.timeoutSeconds).toBe(25);
    // 25 s later: 5 s are left, just enough for one more short ring.
    const later = new Date(AT.getTime() + 25_000);
    const second = onlyVerb(onDialResult(config, first.action.state, dialResult({ at: later })), 'dial');
    expect(second.timeoutSeconds).toBe(5);
    // 29 s in: less than 5 s left, so the caller is asked for a message instead.
    const done = onDialResult(config, second.action.state, dialResult({ at: new Date(AT.getTime() + 29_000) }));
    expect(asReply(done).incidents[0]).toMatchObject({ kind: 'unanswered-call', reason: 'nobody-answered' });
    expectRecording(done);
  });

  it('the top-level cap applies to teams without one of their own', () => {
    const config = routed({ maxRingSeconds: 12 });
    expect(onlyVerb(connectToChain(config, beforeLookup(), [], steps, AT), 'dial').timeoutSeconds).toBe(12);
  });
});
