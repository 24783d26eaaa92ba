import type { Attempt, AttemptOutcome, VoicemailReason } from './types';

const OUTCOME_WORDS: Record<AttemptOutcome, string> = {
  accepted: 'accepted the call',
  'not-accepted': 'answered but did not press 1 (voicemail or declined)',
  'no-answer': 'did not answer',
  busy: 'was busy',
  failed: 'could not be dialled',
  'caller-hung-up': 'was ringing when the caller hung up',
};

const REASON_WORDS: Record<VoicemailReason | 'caller-hung-up', string> = {
  'caller-chose-message': 'the caller chose to leave a message',
  'no-call-mode': 'live calls are switched off (NO_CALL)',
  'nobody-answered': 'nobody on call accepted the call',
  'nobody-on-call': 'nobody with a phone number was on call',
  'lookup-failed': 'the on-call lookup failed',
  'state-rejected': 'the call state was rejected',
  'caller-hung-up': 'the caller hung up',
};

/** The call log an incident carries: who was tried and what happened, one line each. */
export function describeAttempts(attempts: Attempt[]): string {
  if (attempts.length === 0) return 'Nobody was dialled.';
  return attempts
    .map((attempt, i) => {
      const talk = attempt.talkSeconds !== undefined ? `, talked ${attempt.talkSeconds} s` : '';
      return `${i + 1}. ${attempt.responder} ${OUTCOME_WORDS[attempt.outcome]}${talk}`;
    })
    .join('\n');
}

export function describeReason(reason: VoicemailReason | 'caller-hung-up'): string {
  return REASON_WORDS[reason];
}
