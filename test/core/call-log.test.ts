import { describeAttempts, describeReason } from '../../functions/lib/core/call-log';
import { opensIncident, type IncidentEvent } from '../../functions/lib/core/incidents';
import type { AttemptOutcome, VoicemailReason } from '../../functions/lib/core/types';
import { PLATFORM } from './builders';

describe('describeAttempts', () => {
  it('says that nobody was dialled when there were no attempts', () => {
    expect(describeAttempts([])).toBe('Nobody was dialled.');
  });

  it('numbers one line per attempt, in order, with the talk time of the accepted one', () => {
    expect(
      describeAttempts([
        { responder: 'alice', outcome: 'no-answer' },
        { responder: 'bob', outcome: 'not-accepted' },
        { responder: 'carol', outcome: 'accepted', talkSeconds: 312 },
      ]),
    ).toBe(
      [
        '1. alice did not answer',
        '2. bob answered but did not press 1 (voicemail or declined)',
        '3. carol accepted the call, talked 312 s',
      ].join('\n'),
    );
  });

  it('reports a talk time of zero seconds', () => {
    expect(describeAttempts([{ responder: 'dave', outcome: 'accepted', talkSeconds: 0 }])).toBe(
      '1. dave accepted the call, talked 0 s',
    );
  });

  it.each<[AttemptOutcome, string]>([
    ['accepted', 'accepted the call'],
    ['not-accepted', 'answered but did not press 1 (voicemail or declined)'],
    ['no-answer', 'did not answer'],
    ['busy', 'was busy'],
    ['failed', 'could not be dialled'],
    ['caller-hung-up', 'was ringing when the caller hung up'],
  ])('outcome %s reads "%s"', (outcome, words) => {
    expect(describeAttempts([{ responder: 'eve', outcome }])).toBe(`1. eve ${words}`);
  });
});

describe('describeReason', () => {
  it.each<[VoicemailReason | 'caller-hung-up', string]>([
    ['caller-chose-message', 'the caller chose to leave a message'],
    ['no-call-mode', 'live calls are switched off (NO_CALL)'],
    ['nobody-answered', 'nobody on call accepted the call'],
    ['nobody-on-call', 'nobody with a phone number was on call'],
    ['lookup-failed', 'the on-call lookup failed'],
    ['state-rejected', 'the call state was rejected'],
    ['caller-hung-up', 'the caller hung up'],
  ])('%s reads "%s"', (reason, words) => {
    expect(describeReason(reason)).toBe(words);
  });
});

describe('opensIncident', () => {
  const base = { callSid: 'CA1', team: PLATFORM, caller: '+15555550199' };
  const events: Array<[IncidentEvent, boolean]> = [
    [
      {
        ...base,
        kind: 'message-left',
        recordingUrl: 'u',
        recordingSeconds: 3,
        reason: 'nobody-answered',
        attempts: [],
      },
      true,
    ],
    [{ ...base, kind: 'missed-call', reason: 'caller-hung-up', attempts: [] }, true],
    [{ ...base, kind: 'callback-requested', callbackNumber: '5551234', reason: 'no-call-mode', attempts: [] }, true],
    [{ ...base, kind: 'transcript', text: '', recordingUrl: 'u' }, false],
    [{ ...base, kind: 'call-accepted', responder: 'alice' }, false],
    [{ ...base, kind: 'call-ended', responder: 'alice', talkSeconds: 1, attempts: [] }, false],
  ];

  it.each(events)('%o opens an incident: %p', (event, opens) => {
    expect(opensIncident(event)).toBe(opens);
  });
});
