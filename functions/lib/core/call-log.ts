import type { Attempt, AttemptOutcome, HangUpReason, VoicemailReason } from './types';

const OUTCOME_WORDS: Record<AttemptOutcome, string> = {
  accepted: 'accepted the call',
  'not-accepted': 'answered but did not press 1 (voicemail or declined)',
  'no-answer': 'did not answer',
  busy: 'was busy',
  failed: 'could not be dialled',
  'caller-hung-up': 'was ringing when the caller hung up',
};

const REASON_WORDS: Record<VoicemailReason | HangUpReason, string> = {
  'caller-chose-message': 'the caller chose to leave a message',
  'no-call-mode': 'live calls are switched off (NO_CALL)',
  'nobody-answered': 'nobody on call accepted the call',
  'nobody-on-call': 'nobody with a phone number was on call',
  'lookup-failed': 'the on-call lookup failed',
  'state-rejected': 'the call state was rejected',
  'after-hours': 'the call came after hours, when the team was closed',
  'caller-not-allowed': 'the caller is not on the allow list, and was offered voicemail',
  'caller-withheld': 'the caller withheld their number, and was offered voicemail',
  'caller-unverified': "the caller's number failed verification (STIR/SHAKEN), and was offered voicemail",
  'no-choice': 'the caller chose no team',
  'caller-hung-up': 'the caller hung up',
  'hung-up-before-ringing': 'the caller chose the team, then hung up before anyone answered',
  'hung-up-at-prompt': 'the caller hung up while being asked for a message',
  'message-not-passed-on': 'the caller left a message that could not be passed on; it is in the Twilio recordings',
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

export function describeReason(reason: VoicemailReason | HangUpReason): string {
  return REASON_WORDS[reason];
}
