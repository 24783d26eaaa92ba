import type { Config } from '../config/config';
import type { VoicemailNotice } from '../core/verbs';
import { sendMail } from '../notify/sendgrid';
import { incidentTitle, incidentSentence, recordingUrlOf } from '../providers/incident-text';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';
import { sendSms } from './sms';

/** An SMS is cut here: ten segments is plenty for a caller, a team and a link. */
const SMS_MAX_CHARACTERS = 1500;

export interface NoticeOptions {
  config: Config;
  /** The number the caller dialled: the SMS sender when SMS_FROM is unset. */
  supportNumber?: string;
  /** Epoch ms by which the notices must be sent or given up. */
  until: number;
  log: Logger;
}

/**
 * Tells each notice's people of the voicemail: an SMS through Twilio, an e-mail through SendGrid,
 * all at once. A notice that fails is logged and dropped: it never holds the caller, nor the
 * incident, which has its own retries and fallbacks.
 */
export async function sendNotices(notices: VoicemailNotice[], options: NoticeOptions): Promise<void> {
  await Promise.all(notices.flatMap((notice) => [textNotice(notice, options), mailNotice(notice, options)]));
}

function words(notice: VoicemailNotice): string {
  const recording = recordingUrlOf(notice.event);
  return [
    `${incidentTitle(notice.event)}.`,
    incidentSentence(notice.event),
    ...(recording ? [`Recording: ${recording}`] : []),
  ].join('\n');
}

async function textNotice(notice: VoicemailNotice, options: NoticeOptions): Promise<void> {
  if (notice.sms.length === 0) return;
  const { config, log } = options;
  const from = config.sms.from ?? options.supportNumber;
  const team = notice.event.team.name;
  if (!from || !config.sms.accountSid || !config.sms.authToken) {
    log.warn('Voicemail notice not texted: SMS needs ACCOUNT_SID, AUTH_TOKEN and a sender', { team });
    return;
  }
  const body = words(notice).slice(0, SMS_MAX_CHARACTERS);
  const results = await Promise.allSettled(
    notice.sms.map((to) =>
      withDeadline(options.until - Date.now(), 'voicemail notice SMS', (signal) =>
        sendSms(config.sms, from, to, body, signal),
      ),
    ),
  );
  report(results, 'sms', notice, log);
}

async function mailNotice(notice: VoicemailNotice, options: NoticeOptions): Promise<void> {
  if (notice.email.length === 0) return;
  const { config, log } = options;
  if (!config.mail) {
    log.warn('Voicemail notice not e-mailed: set SENDGRID_API_KEY and SENDGRID_FROM', { team: notice.event.team.name });
    return;
  }
  const mail = config.mail;
  const message = { to: notice.email, subject: incidentTitle(notice.event), text: words(notice) };
  const result = await Promise.allSettled([
    withDeadline(options.until - Date.now(), 'voicemail notice e-mail', (signal) => sendMail(mail, message, signal)),
  ]);
  report(result, 'email', notice, log);
}

/** Counts only: the log names the team, never a recipient's number or address. */
function report(
  results: PromiseSettledResult<void>[],
  channel: 'sms' | 'email',
  notice: VoicemailNotice,
  log: Logger,
): void {
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [describeError(r.reason)] : []));
  const fields = { channel, kind: notice.event.kind, team: notice.event.team.name };
  if (failures.length === 0) log.info('Voicemail notice sent', fields);
  else
    log.warn('Voicemail notice failed', { ...fields, failed: failures.length, of: results.length, errors: failures });
}
