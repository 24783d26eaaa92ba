// <Dial record="record-from-answer|record-from-ringing|..."> records the bridged
// conversation: Twilio adds the recording to the Dial action and may call back later.
import type { CallSession, TwimlDocument } from '../call-session';
import type { TwimlElement } from '../twiml-parser';
import { newSid, recordingUrl } from '../twilio-sids';
import { targetFrom } from '../twiml-urls';

export function dialRecordingParams(
  session: CallSession,
  dial: TwimlElement,
  doc: TwimlDocument,
  bridgedSeconds: number,
): Record<string, string> {
  const mode = dial.attributes.record;
  if (mode === undefined || mode === 'do-not-record' || mode === 'false' || bridgedSeconds <= 0) return {};
  const { accountSid, callSid } = session.config;
  const sid = newSid('RE');
  const url = recordingUrl(accountSid, sid);
  const statusCallback = dial.attributes.recordingStatusCallback;
  if (statusCallback) {
    const target = targetFrom(statusCallback, dial.attributes.recordingStatusCallbackMethod, doc.url);
    session.afterCall.push(() =>
      session.sendCallback(
        'callback',
        target,
        {
          AccountSid: accountSid,
          CallSid: callSid,
          RecordingSid: sid,
          RecordingUrl: url,
          RecordingStatus: 'completed',
          RecordingDuration: String(bridgedSeconds),
          RecordingChannels: mode.startsWith('record-from') && mode.endsWith('dual') ? '2' : '1',
          RecordingSource: 'DialVerb',
          RecordingStartTime: new Date().toUTCString(),
        },
        'recording-status-callback',
      ),
    );
  }
  return { RecordingUrl: url, RecordingSid: sid, RecordingDuration: String(bridgedSeconds) };
}
