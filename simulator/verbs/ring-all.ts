// Simultaneous ringing: Twilio rings every <Number> of a Dial at once and connects the
// first one to be bridged; the legs still ringing at that moment are canceled.
//
// Legs are played in the order their phones would be picked up (ties in document order).
// Whispers run one at a time, so a Number picked up while an earlier one's whisper is still
// running only gets its turn if that whisper ends without a bridge.
import type { CallSession } from '../call-session';
import { answer, endUnanswered, startRinging, type AttemptOutcome, type RingingNumber } from './dial-attempt';
import type { DialTarget } from './dial-targets';
import type { RunTwiml } from './verb-context';

export interface RingResult {
  /** In the order the legs ended. */
  attempts: AttemptOutcome[];
  winner?: AttemptOutcome;
  /** Seconds from the start of the Dial until it was bridged, or until the last leg ended. */
  dialSeconds: number;
}

/** The order legs end in: busy and failed at once, then pickups by ring time, then ring-outs. */
export function ringOrder(legs: RingingNumber[]): RingingNumber[] {
  const rank = (leg: RingingNumber): number =>
    leg.unanswered === 'busy' || leg.unanswered === 'failed' ? 0 : leg.unanswered === null ? 1 : 2;
  return [...legs].sort((a, b) => rank(a) - rank(b) || (rank(a) === 1 ? a.pickupSeconds - b.pickupSeconds : 0));
}

export async function ringAll(
  session: CallSession,
  run: RunTwiml,
  targets: DialTarget[],
  dial: { timeoutSeconds: number; from: string },
): Promise<RingResult> {
  const legs: RingingNumber[] = [];
  for (const target of targets) legs.push(await startRinging(session, target, dial));

  const attempts: AttemptOutcome[] = [];
  let winner: AttemptOutcome | undefined;
  for (const leg of ringOrder(legs)) {
    // Once the Dial is over (bridged, caller gone, hop bound hit) every leg left is canceled.
    if (winner || session.callerHungUp || session.maxHopsExceeded) {
      const stoppedAt = winner ? winner.ringSeconds + winner.whisperSeconds : 0;
      attempts.push(await endUnanswered(session, leg, 'canceled', stoppedAt));
    } else if (leg.unanswered === 'busy' || leg.unanswered === 'failed') {
      attempts.push(await endUnanswered(session, leg, leg.unanswered, 0));
    } else if (leg.unanswered === 'no-answer') {
      attempts.push(await endUnanswered(session, leg, 'no-answer', dial.timeoutSeconds));
    } else {
      const attempt = await answer(session, run, leg);
      attempts.push(attempt);
      if (attempt.bridged) winner = attempt;
    }
  }

  const dialSeconds = winner
    ? winner.ringSeconds + winner.whisperSeconds
    : Math.max(0, ...attempts.map((attempt) => attempt.ringSeconds + attempt.whisperSeconds));
  return winner ? { attempts, winner, dialSeconds } : { attempts, dialSeconds };
}
