// <Record>: the caller leaves a message, stays silent, or hangs up. Twilio requests the
// action at once, but the recording and transcription callbacks only after the call.
import type { VoicemailScript } from '../call-script';
import type { CallLeg } from '../call-leg';
import type { CallSession, TwimlDocument } from '../call-session';
import { numberAttribute } from '../speech-timing';
import type { TwimlElement } from '../twiml-parser';
import { newSid, recordingUrl, transcriptionUrl } from '../twilio-sids';
import { targetFrom } from '../twiml-urls';
import { afterFetch, CONTINUE, endWith, type VerbContext, type VerbOutcome } from './verb-context';

/** Twilio only transcribes recordings of 2 to 120 seconds. */
export function transcriptionFails(seconds: number, scriptedFailure: boolean): boolean {
  return scriptedFailure || seconds < 2 || seconds > 120;
}

function planFor(session: CallSession): VoicemailScript {
  const index = session.recordsStarted;
  session.recordsStarted += 1;
  const scripted = session.config.script.voicemail;
  const plan = Array.isArray(scripted) ? scripted[index] : index === 0 ? scripted : undefined;
  return plan ?? { action: 'silence' };
}

/** Which key a caller who finishes normally presses: "#" when allowed, else the first finish key. */
function finishingKey(finishOnKey: string): string | undefined {
  if (finishOnKey === '') return undefined;
  return finishOnKey.includes('#') ? '#' : finishOnKey.charAt(0);
}

interface Recording {
  sid: string;
  url: string;
  seconds: number;
}

function scheduleCallbacks(
  session: CallSession,
  leg: CallLeg,
  element: TwimlElement,
  doc: TwimlDocument,
  recording: Recording,
  plan: { transcript?: string; transcriptionFails?: boolean },
): void {
  const attributes = element.attributes;
  const { accountSid, callSid } = session.config;
  if (attributes.recordingStatusCallback) {
    const target = targetFrom(attributes.recordingStatusCallback, attributes.recordingStatusCallbackMethod, doc.url);
    session.afterCall.push(() =>
      session.sendCallback(
        'callback',
        target,
        {
          AccountSid: accountSid,
          CallSid: callSid,
          RecordingSid: recording.sid,
          RecordingUrl: recording.url,
          RecordingStatus: 'completed',
          RecordingDuration: String(recording.seconds),
          RecordingChannels: '1',
          RecordingSource: 'RecordVerb',
          RecordingStartTime: new Date().toUTCString(),
        },
        'recording-status-callback',
      ),
    );
  }

  const wantsTranscript = attributes.transcribe === 'true' || attributes.transcribeCallback !== undefined;
  if (!wantsTranscript) return;
  if (!attributes.transcribeCallback) {
    session.recorder.add({
      type: 'notice',
      text: 'transcribe="true" without transcribeCallback: nobody is told the text',
    });
    return;
  }
  const failed = transcriptionFails(recording.seconds, plan.transcriptionFails === true);
  const transcriptionSid = newSid('TR');
  const target = targetFrom(attributes.transcribeCallback, undefined, doc.url);
  session.afterCall.push(() =>
    session.sendCallback(
      'callback',
      target,
      {
        ...leg.params(),
        TranscriptionSid: transcriptionSid,
        TranscriptionStatus: failed ? 'failed' : 'completed',
        ...(failed ? {} : { TranscriptionText: plan.transcript ?? '(simulated transcript)' }),
        TranscriptionType: 'fast',
        TranscriptionUrl: transcriptionUrl(accountSid, transcriptionSid),
        RecordingSid: recording.sid,
        RecordingUrl: recording.url,
      },
      'transcribe-callback',
    ),
  );
}

function newRecording(accountSid: string, seconds: number): Recording {
  const sid = newSid('RE');
  return { sid, url: recordingUrl(accountSid, sid), seconds };
}

export async function runRecord(ctx: VerbContext): Promise<VerbOutcome> {
  const { element, leg, session, doc } = ctx;
  const attributes = element.attributes;
  const record = session.recorder;
  if (leg.kind === 'child') {
    record.add({ type: 'notice', text: '<Record> on a responder leg: the responder says nothing' });
    return CONTINUE;
  }
  const plan = planFor(session);
  if (attributes.playBeep !== 'false') record.add({ type: 'hears', ...leg.party, what: 'beep', text: 'beep' });
  const maxLength = numberAttribute(attributes.maxLength, 3600);
  const action = targetFrom(attributes.action, attributes.method, doc.url);
  const { accountSid } = session.config;

  if (plan.action === 'silence') {
    const timeout = numberAttribute(attributes.timeout, 5);
    record.add({ type: 'recording', seconds: 0, endedBy: `silence (${timeout} s timeout)`, recordingSid: null });
    leg.seconds += timeout;
    return CONTINUE;
  }

  if (plan.action === 'hang-up') {
    const seconds = Math.min(plan.seconds ?? 0, maxLength);
    const recording = seconds > 0 ? newRecording(accountSid, seconds) : null;
    leg.seconds += seconds;
    record.add({ type: 'recording', seconds, endedBy: 'hangup', recordingSid: recording?.sid ?? null });
    session.callerHangsUp('a <Record>');
    const params: Record<string, string> = { RecordingDuration: String(seconds), Digits: 'hangup' };
    if (recording) Object.assign(params, { RecordingUrl: recording.url, RecordingSid: recording.sid });
    // The caller is gone: Twilio still reports the recording, and ignores the answer.
    await session.fetchTwiml(leg, action, params, 'record-action');
    if (recording) scheduleCallbacks(session, leg, element, doc, recording, {});
    return endWith('caller-hung-up');
  }

  const seconds = Math.min(plan.seconds, maxLength);
  const reachedMaxLength = plan.seconds > maxLength;
  const digits = plan.thenHangsUp
    ? 'hangup'
    : reachedMaxLength
      ? undefined
      : finishingKey(attributes.finishOnKey ?? '1234567890*#');
  const recording = newRecording(accountSid, seconds);
  leg.seconds += seconds;
  record.add({
    type: 'recording',
    seconds,
    endedBy:
      digits === undefined
        ? reachedMaxLength
          ? 'maxLength'
          : 'timeout'
        : digits === 'hangup'
          ? 'hangup'
          : `key ${digits}`,
    recordingSid: recording.sid,
    ...(plan.transcript !== undefined ? { transcript: plan.transcript } : {}),
  });
  if (plan.thenHangsUp) session.callerHangsUp('after leaving a message');
  const params: Record<string, string> = {
    RecordingUrl: recording.url,
    RecordingSid: recording.sid,
    RecordingDuration: String(seconds),
    ...(digits !== undefined ? { Digits: digits } : {}),
  };
  const fetched = await session.fetchTwiml(leg, action, params, 'record-action');
  scheduleCallbacks(session, leg, element, doc, recording, plan);
  return plan.thenHangsUp ? endWith('caller-hung-up') : afterFetch(fetched);
}
