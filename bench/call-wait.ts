// What one simulated call tells about the caller's wait: which webhook answered with what the
// caller waits for (the first ring, or the voicemail prompt), how many webhooks it took after the
// key, and the stretch of time in which provider requests made the caller wait.
import type { HttpExchange } from '../simulator';
import type { TimeWindow } from './round-trips';

/** What the caller waits for: the first responder ringing, or the voicemail prompt. */
export type AwaitedAnswer = 'first ring' | 'voicemail prompt';

const ANSWER_VERB: Record<AwaitedAnswer, string> = { 'first ring': '<Dial', 'voicemail prompt': '<Record' };

export interface CallWait {
  /** Webhooks up to and including the one that answered with the awaited TwiML. */
  hopsToAnswer: number;
  /** Webhooks from the key press to that answer, both included; null when no key was pressed. */
  hopsAfterKey: number | null;
  /** Handler time summed over those webhooks, ms. */
  msToAnswer: number;
  /** The handler time of the webhook answering the key, ms; null when no key was pressed. */
  keyWebhookMs: number | null;
  /** While the key's webhook ran or, without a key, from the call's arrival to the answer. */
  window: TimeWindow;
}

export type WaitExchange = Pick<HttpExchange, 'purpose' | 'isHop' | 'at' | 'ms' | 'responseBody' | 'path'>;

/** Reads the caller's wait from a call's requests; throws naming the call when the answer never came. */
export function callWaitOf(requests: readonly WaitExchange[], awaited: AwaitedAnswer, callSid = 'call'): CallWait {
  const hops = requests.filter((request) => request.isHop);
  const answerIndex = hops.findIndex((hop) => hop.responseBody?.includes(ANSWER_VERB[awaited]));
  if (answerIndex < 0) {
    const path = hops.map((hop) => hop.path.split('?')[0]).join(' → ');
    throw new Error(`${callSid}: no webhook answered with the ${awaited} (${ANSWER_VERB[awaited]}); webhooks: ${path}`);
  }
  const upToAnswer = hops.slice(0, answerIndex + 1);
  const keyIndex = upToAnswer.map((hop) => hop.purpose).lastIndexOf('gather-action');
  const answer = upToAnswer[answerIndex];
  const windowStart = keyIndex < 0 ? upToAnswer[0] : upToAnswer[keyIndex];
  return {
    hopsToAnswer: upToAnswer.length,
    hopsAfterKey: keyIndex < 0 ? null : answerIndex - keyIndex + 1,
    msToAnswer: upToAnswer.reduce((sum, hop) => sum + hop.ms, 0),
    keyWebhookMs: keyIndex < 0 ? null : upToAnswer[keyIndex].ms,
    window: { startMs: windowStart.at, endMs: answer.at + answer.ms },
  };
}
