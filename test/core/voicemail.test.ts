import { CALLBACK_TIMEOUT_SECONDS } from '../../functions/lib/core/flow-config';
import { opensIncident } from '../../functions/lib/core/incidents';
import type { Attempt, VoicemailReason } from '../../functions/lib/core/types';
import {
  enterVoicemail,
  onCallbackRequest,
  onRecording,
  onTranscription,
  teamOf,
} from '../../functions/lib/core/voicemail';
import type { AlertOutcome } from '../../functions/lib/core/alerts';
import {
  asNeedAlert,
  asReply,
  CALL_SID,
  CALLER,
  callState,
  DATABASE,
  expectCallbackRequest,
  expectRecording,
  flowConfig,
  onlyIncident,
  onlyVerb,
  PLATFORM,
  said,
  sentence,
  verbKinds,
} from './builders';

const config = flowConfig();
const attempts: Attempt[] = [
  { responder: 'alice', outcome: 'no-answer' },
  { responder: 'bob', outcome: 'not-accepted' },
];
const RECORDING_URL = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1';

describe('teamOf', () => {
  it('is the chosen team', () => {
    expect(teamOf(config, callState({ team: DATABASE }))).toEqual(DATABASE);
  });

  it('is the first configured team when none was chosen, so no message is unrouted', () => {
    expect(teamOf(config, callState())).toEqual(PLATFORM);
  });
});

describe('enterVoicemail', () => {
  const invitation = sentence('leaveMessage', { team: 'Database' });

  it.each<[VoicemailReason, string[]]>([
    ['caller-chose-message', []],
    ['no-call-mode', []],
    ['nobody-answered', ['We could not reach anyone on call for the Database team.']],
    ['nobody-on-call', ['Nobody is on call for the Database team right now.']],
    ['lookup-failed', ['We could not find out who is on call for the Database team.']],
  ])(
    '%s: opens the incident first, then says the lead, the reason (%j), that the team was alerted, and records',
    (reason, explanation) => {
      const step = asNeedAlert(enterVoicemail(config, callState({ team: DATABASE }), reason, ['Lead.']));
      expect(step.incidents.map((i) => i.kind)).toEqual(['unanswered-call']);
      const { sentences, state } = expectRecording(step);
      expect(sentences).toEqual(['Lead.', ...explanation, 'The Database team has been alerted.', invitation]);
      expect(state).toMatchObject({ reason, alert: 'alerted' });
    },
  );

  it.each<[AlertOutcome, string[]]>([
    ['alerted', ['The Database team has been alerted.']],
    ['texted', ['A message about your call has been sent to the on-call team.']],
    // The static roster without a webhook only logs: nobody was told, so nothing is claimed.
    ['recorded', []],
    ['failed', ['We could not alert the Database team just now.']],
  ])('when the incident was %s, the caller hears only that (%j) before the prompt', (outcome, status) => {
    const step = enterVoicemail(config, callState({ team: DATABASE }), 'nobody-on-call', []);
    const reply = asReply(step, outcome);
    expect(said(reply)).toEqual([sentence('reasonNobodyOnCall', { team: 'Database' }), ...status, invitation]);
    expect(reply.trace).toMatchObject({
      stage: 'voicemail',
      team: 'Database',
      incident: outcome === 'alerted' || outcome === 'recorded' ? 'open' : outcome === 'texted' ? 'texted' : 'not-open',
      answered: false,
    });
  });

  it('when the incident failed and the team has fallback numbers, rings them (once) before taking a message', () => {
    const withFallback = { ...DATABASE, fallbackPhones: ['+15555550190'] };
    const first = asReply(enterVoicemail(config, callState({ team: withFallback }), 'nobody-answered', []), 'failed');
    expect(said(first)).toEqual([
      sentence('reasonNobodyAnswered', { team: 'Database' }),
      'We could not alert the Database team just now.',
      'Trying another number for the Database team. Please hold.',
    ]);
    const dial = onlyVerb(first, 'dial');
    expect(dial.numbers[0].phone).toBe('+15555550190');
    expect(dial.action.state).toMatchObject({ fallbackRung: true, stage: 'forwarding', alert: 'failed' });
    // Nobody answers the fallback line either: voicemail, the incident tried again, no second ring.
    const again = asReply(enterVoicemail(config, dial.action.state, 'nobody-answered', []), 'failed');
    expect(verbKinds(again)).not.toContain('dial');
    expect(verbKinds(again).slice(-2)).toEqual(['record', 'redirect']);
    expect(said(again)).toContain('We could not alert the Database team just now.');
  });

  it('state-rejected: opens nothing and promises nothing: that request earned no incident', () => {
    const step = asReply(enterVoicemail(config, callState({ team: DATABASE }), 'state-rejected', ['Lead.']));
    expect(step.incidents).toEqual([]);
    expect(said(step)).toEqual(['Lead.', 'Sorry, something went wrong with this call.', invitation]);
  });

  it('records for the configured length, and the links carry the call on to /recorded and /transcribed', () => {
    const before = callState({ stage: 'forwarding', team: DATABASE, attempts, current: 1 });
    const { record, state } = expectRecording(
      enterVoicemail(flowConfig({ voicemailMaxSeconds: 300 }), before, 'nobody-answered', []),
    );
    expect(record.maxLengthSeconds).toBe(300);
    expect(state).toEqual({ ...before, stage: 'voicemail', reason: 'nobody-answered', alert: 'alerted' });
  });

  it('routes the message to the first team when none was chosen', () => {
    const { state, sentences } = expectRecording(enterVoicemail(config, callState(), 'state-rejected', []));
    expect(state.team).toEqual(PLATFORM);
    expect(sentences[1]).toBe(sentence('leaveMessage', { team: 'Platform' }));
  });

  describe('with NO_VOICEMAIL', () => {
    const noVoicemail = flowConfig({ noVoicemail: true });

    it.each<[VoicemailReason, string[]]>([
      ['caller-chose-message', []],
      ['no-call-mode', []],
      ['nobody-answered', [sentence('reasonNobodyAnswered', { team: 'Database' })]],
      ['nobody-on-call', [sentence('reasonNobodyOnCall', { team: 'Database' })]],
      ['lookup-failed', [sentence('reasonLookupFailed', { team: 'Database' })]],
    ])('%s: asks for a call-back number (no Record)', (reason, explanation) => {
      const step = enterVoicemail(noVoicemail, callState({ team: DATABASE, attempts }), reason, ['Lead.']);
      const { gather, state } = expectCallbackRequest(step);
      expect(gather.prompt).toEqual([
        'Lead.',
        ...explanation,
        'The Database team has been alerted.',
        sentence('callbackPrompt'),
      ]);
      expect(gather.timeoutSeconds).toBe(CALLBACK_TIMEOUT_SECONDS);
      expect(state).toMatchObject({ stage: 'callback', reason, team: DATABASE, attempts });
      expect(verbKinds(step)).not.toContain('record');
      expect(verbKinds(step)).not.toContain('say');
    });
  });
});

describe('onRecording', () => {
  const atVoicemail = callState({ stage: 'voicemail', team: DATABASE, reason: 'nobody-answered', attempts });

  it('a recording with sound opens a message-left incident, then thanks and hangs up', () => {
    const step = onRecording(config, atVoicemail, { url: RECORDING_URL, seconds: 42 });
    expect(verbKinds(step)).toEqual(['say', 'hangup']);
    expect(said(step)).toEqual(['Thank you. Your message has been sent to the Database team. Goodbye.']);
    expect(onlyIncident(step, 'message-left')).toEqual({
      kind: 'message-left',
      callSid: CALL_SID,
      team: DATABASE,
      caller: CALLER,
      recordingUrl: RECORDING_URL,
      recordingSeconds: 42,
      reason: 'nobody-answered',
      attempts,
    });
  });

  it('defaults the reason to caller-chose-message and the team to the first one', () => {
    const step = onRecording(config, callState({ stage: 'voicemail' }), { url: RECORDING_URL, seconds: 3 });
    const incident = onlyIncident(step, 'message-left');
    expect(incident.reason).toBe('caller-chose-message');
    expect(incident.team).toEqual(PLATFORM);
    expect(incident.attempts).toEqual([]);
  });

  it.each([
    ['no recording URL', { seconds: 12 }],
    ['an empty recording URL', { url: '', seconds: 12 }],
    ['a zero-second recording', { url: RECORDING_URL, seconds: 0 }],
    ['nothing at all', { seconds: 0 }],
  ])('%s: a missed-call incident, then hangs up', (_label, recording) => {
    const step = onRecording(config, atVoicemail, recording);
    expect(verbKinds(step)).toEqual(['say', 'hangup']);
    expect(said(step)).toEqual([
      'We did not hear a message. The Database team has been told that you called. Goodbye.',
    ]);
    expect(onlyIncident(step, 'missed-call')).toEqual({
      kind: 'missed-call',
      callSid: CALL_SID,
      team: DATABASE,
      caller: CALLER,
      reason: 'nobody-answered',
      attempts,
    });
  });

  it('either way the incident opens (it is never an update or a close)', () => {
    for (const recording of [{ url: RECORDING_URL, seconds: 9 }, { seconds: 0 }]) {
      const [incident] = onRecording(config, atVoicemail, recording).incidents;
      expect(opensIncident(incident)).toBe(true);
    }
  });
});

describe('onTranscription', () => {
  const atVoicemail = callState({ stage: 'voicemail', team: DATABASE, alert: 'alerted' });

  it('a completed transcription adds its text to the incident', () => {
    const step = onTranscription(config, atVoicemail, {
      text: '  The database is on fire.  ',
      completed: true,
      recordingUrl: RECORDING_URL,
    });
    expect(step.verbs).toEqual([]);
    expect(onlyIncident(step, 'transcript')).toEqual({
      kind: 'transcript',
      callSid: CALL_SID,
      team: DATABASE,
      caller: CALLER,
      text: 'The database is on fire.',
      recordingUrl: RECORDING_URL,
    });
  });

  it.each<[AlertOutcome | undefined, boolean]>([
    ['alerted', false],
    ['recorded', false],
    ['texted', true],
    ['failed', true],
    [undefined, true],
  ])(
    'after an unanswered call whose incident was %s, the transcript must open the incident: %s',
    (alert, ensureOpen) => {
      const state = callState({ stage: 'voicemail', team: DATABASE, ...(alert ? { alert } : {}) });
      const incident = onlyIncident(
        onTranscription(config, state, { text: 'Help.', completed: true, recordingUrl: RECORDING_URL }),
        'transcript',
      );
      expect(incident.ensureOpen === true).toBe(ensureOpen);
    },
  );

  it.each([
    ['failed', { text: 'garbled words', completed: false }],
    ['failed without text', { text: '', completed: false }],
    ['empty', { text: '', completed: true }],
    ['blank', { text: ' \n ', completed: true }],
  ])('a %s transcription still sends a transcript with empty text, never a close', (_label, t) => {
    const step = onTranscription(config, atVoicemail, { ...t, recordingUrl: RECORDING_URL });
    expect(step.verbs).toEqual([]);
    const incident = onlyIncident(step, 'transcript');
    expect(incident.text).toBe('');
    expect(incident.recordingUrl).toBe(RECORDING_URL);
    expect(opensIncident(incident)).toBe(false);
  });

  it('names the first team when the state has none', () => {
    const step = onTranscription(config, callState(), { text: 'hi', completed: true, recordingUrl: RECORDING_URL });
    expect(onlyIncident(step, 'transcript').team).toEqual(PLATFORM);
  });
});

describe('onCallbackRequest', () => {
  const noVoicemail = flowConfig({ noVoicemail: true });
  const atCallback = callState({ stage: 'callback', team: DATABASE, reason: 'nobody-on-call', attempts });

  it.each([
    ['5551234', '5551234'],
    ['15555550142', '15555550142'],
    ['442079460958', '442079460958'],
    ['123456789012345', '123456789012345'],
    ['555-1234', '5551234'],
    // Ten digits from a North American caller: a North American number, ready to dial.
    ['5555550177', '+15555550177'],
  ])('%p entered: that number is the one to call back', (digits, callbackNumber) => {
    const step = onCallbackRequest(noVoicemail, atCallback, digits);
    expect(onlyIncident(step, 'callback-requested')).toEqual({
      kind: 'callback-requested',
      callSid: CALL_SID,
      team: DATABASE,
      caller: CALLER,
      callbackNumber,
      reason: 'nobody-on-call',
      attempts,
    });
  });

  it.each([
    ['nothing', undefined],
    ['pound alone', ''],
    ['six digits', '555123'],
    ['sixteen digits', '1234567890123456'],
    ['only symbols', '*#*'],
  ])('%s entered: the caller own number', (_label, digits) => {
    const step = onCallbackRequest(noVoicemail, atCallback, digits);
    expect(onlyIncident(step, 'callback-requested').callbackNumber).toBe(CALLER);
  });

  it('keeps ten keyed digits as keyed when the caller is not North American', () => {
    const fromLondon = callState({ stage: 'callback', team: DATABASE, caller: '+442071838750' });
    expect(
      onlyIncident(onCallbackRequest(noVoicemail, fromLondon, '2071838751'), 'callback-requested').callbackNumber,
    ).toBe('2071838751');
  });

  it('confirms the number digit by digit, then hangs up', () => {
    const step = onCallbackRequest(noVoicemail, atCallback, '5551234');
    expect(verbKinds(step)).toEqual(['say', 'hangup']);
    expect(said(step)).toEqual([
      'Thank you. The Database team has been asked to call you back on 5 5 5 1 2 3 4. Goodbye.',
    ]);
  });

  it('confirms the caller own number digit by digit when nothing was entered', () => {
    expect(said(onCallbackRequest(noVoicemail, atCallback, undefined))).toEqual([
      sentence('callbackConfirmed', { team: 'Database', number: '1 5 5 5 5 5 5 0 1 9 9' }),
    ]);
  });

  it('defaults the reason to caller-chose-message and the team to the first one', () => {
    const incident = onlyIncident(onCallbackRequest(noVoicemail, callState(), '5551234'), 'callback-requested');
    expect(incident.reason).toBe('caller-chose-message');
    expect(incident.team).toEqual(PLATFORM);
    expect(opensIncident(incident)).toBe(true);
  });
});

describe('what the caller hears once the message is in: only what happened', () => {
  const atVoicemail = callState({ stage: 'voicemail', team: DATABASE, reason: 'nobody-answered', attempts });
  const recording = { url: RECORDING_URL, seconds: 20 };

  it.each<[AlertOutcome, string]>([
    ['alerted', 'Thank you. Your message has been sent to the Database team. Goodbye.'],
    ['texted', 'Thank you. A message about your call has been sent to the on-call team. Goodbye.'],
    ['recorded', 'Thank you. Your message for the Database team has been recorded. Goodbye.'],
    [
      'failed',
      'Thank you. Your message has been recorded, but we could not pass it on to the Database team yet. If it is urgent, please call again or reach them another way. Goodbye.',
    ],
  ])('a message left, the incident %s: %p', (outcome, words) => {
    const reply = asReply(onRecording(config, atVoicemail, recording), outcome);
    expect(said(reply)).toEqual([words]);
    expect(reply.trace).toMatchObject({ stage: 'message', team: 'Database' });
  });

  it.each<[AlertOutcome, string]>([
    ['alerted', 'We did not hear a message. The Database team has been told that you called. Goodbye.'],
    ['texted', 'We did not hear a message. A message about your call has been sent to the on-call team. Goodbye.'],
    ['recorded', 'We did not hear a message. Your call to the Database team has been recorded. Goodbye.'],
    [
      'failed',
      'We did not hear a message, and we could not reach the Database team. Please call again or reach them another way. Goodbye.',
    ],
  ])('no message heard, the incident %s: %p', (outcome, words) => {
    expect(said(asReply(onRecording(config, atVoicemail, { seconds: 0 }), outcome))).toEqual([words]);
  });

  it.each<[AlertOutcome, string]>([
    ['alerted', 'Thank you. The Database team has been asked to call you back on 1 5 5 5 5 5 5 0 1 7 7. Goodbye.'],
    [
      'texted',
      'Thank you. A message asking the on-call team to call you back on 1 5 5 5 5 5 5 0 1 7 7 has been sent. Goodbye.',
    ],
    [
      'recorded',
      'Thank you. Your request to be called back on 1 5 5 5 5 5 5 0 1 7 7 has been recorded for the Database team. Goodbye.',
    ],
    [
      'failed',
      'Sorry, we could not pass your request on to the Database team. Please call again or reach them another way. Goodbye.',
    ],
  ])('a call-back number given, the incident %s: %p', (outcome, words) => {
    const atCallback = callState({ stage: 'callback', team: DATABASE, caller: '+15555550199' });
    expect(said(asReply(onCallbackRequest(config, atCallback, '5555550177#'), outcome))).toEqual([words]);
  });
});
