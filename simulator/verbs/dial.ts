// <Dial>: ring every <Number> at once, bridge the first one whose whisper ends without
// hanging up, then tell the action URL how it went (DialCallStatus, DialBridged...).
import type { DialCallStatus } from '../call-report';
import { numberAttribute } from '../speech-timing';
import { targetFrom } from '../twiml-urls';
import type { AttemptOutcome } from './dial-attempt';
import { dialRecordingParams } from './dial-recording';
import { dialTargets } from './dial-targets';
import { ringAll } from './ring-all';
import { afterFetch, CONTINUE, endWith, type VerbContext, type VerbOutcome } from './verb-context';

const DEFAULT_DIAL_TIMEOUT = 30;

/**
 * One status for the whole Dial: answered beats ringing out, which beats busy, then failed.
 * Twilio documents DialCallStatus "canceled" only for a Dial canceled through the REST API,
 * and says nothing of a caller who hangs up while it rings; that case is reported as
 * no-answer (its child legs as canceled). An answered leg whose whisper hangs up is still
 * "completed", with DialBridged false.
 */
export function dialCallStatus(attempts: AttemptOutcome[]): DialCallStatus {
  if (attempts.some((attempt) => attempt.result === 'answered')) return 'completed';
  if (attempts.some((attempt) => attempt.result === 'no-answer' || attempt.result === 'canceled')) return 'no-answer';
  if (attempts.some((attempt) => attempt.result === 'busy')) return 'busy';
  return 'failed';
}

function callerHangsUpDuring(dialIndex: number, scripted: boolean | number | undefined): boolean {
  return scripted === true ? dialIndex === 1 : scripted === dialIndex;
}

export async function runDial(ctx: VerbContext): Promise<VerbOutcome> {
  const { element, leg, session, doc } = ctx;
  const record = session.recorder;
  if (leg.kind === 'child') {
    record.add({ type: 'notice', text: '<Dial> on a responder leg is not simulated; skipped' });
    return CONTINUE;
  }
  record.noteFirstDial(doc.hop);
  session.dialsStarted += 1;
  const attributes = element.attributes;
  const timeoutSeconds = numberAttribute(attributes.timeout, DEFAULT_DIAL_TIMEOUT);
  const from = attributes.callerId ?? session.config.from;
  const targets = dialTargets(session, element, doc);
  if (targets.length === 0) record.add({ type: 'notice', text: '<Dial> has nothing to dial' });
  for (const target of targets) {
    record.dialled.push(target.number);
    record.add({ type: 'ringing', number: target.number, timeoutSeconds });
  }

  if (callerHangsUpDuring(session.dialsStarted, session.config.script.callerHangsUpDuringDial)) {
    session.callerHangsUp('a <Dial> (while ringing)');
  }

  const { attempts, winner, dialSeconds } = await ringAll(session, ctx.run, targets, { timeoutSeconds, from });
  if (session.maxHopsExceeded) return endWith('max-hops');

  const status = dialCallStatus(attempts);
  const answered = attempts.filter((attempt) => attempt.result === 'answered');
  const reported = winner ?? answered[0] ?? attempts[0];
  // timeLimit caps a bridged call (Twilio's default is four hours).
  const talkSeconds = winner ? Math.min(winner.talkSeconds, numberAttribute(attributes.timeLimit, 14_400)) : 0;
  const duration = winner ? talkSeconds : Math.round(answered[0]?.whisperSeconds ?? 0);
  if (winner) {
    record.bridgedTo = winner.number;
    record.add({ type: 'bridged', number: winner.number, talkSeconds });
    if (session.config.script.callerHangsUpAfterBridge) session.callerHangsUp('the bridged conversation');
  }
  leg.seconds += dialSeconds + duration;
  record.add({
    type: 'dial-result',
    status,
    bridged: winner !== undefined,
    dialCallSid: reported?.childCallSid ?? '',
    durationSeconds: duration,
  });
  const recording = dialRecordingParams(session, element, doc, talkSeconds);

  if (attributes.action === undefined || attributes.action.trim() === '') {
    return session.callerHungUp ? endWith('caller-hung-up') : CONTINUE;
  }
  const params: Record<string, string> = {
    DialCallStatus: status,
    DialCallDuration: String(duration),
    DialBridged: winner ? 'true' : 'false',
    ...(reported ? { DialCallSid: reported.childCallSid } : {}),
    ...recording,
  };
  const fetched = await session.fetchTwiml(
    leg,
    targetFrom(attributes.action, attributes.method, doc.url),
    params,
    'dial-action',
  );
  // After a hang-up Twilio still reports the Dial, but nobody is left to hear the answer.
  if (session.callerHungUp) return endWith(fetched.ok ? 'caller-hung-up' : fetched.reason);
  return afterFetch(fetched);
}
