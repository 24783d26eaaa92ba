import { describeAttempts, describeReason } from '../core/call-log';
import { opensIncident, type IncidentEvent } from '../core/incidents';
import type { SmsSettings } from '../config/config';
import { isRetryable, retryAfterOf, type OnCallProvider } from '../providers/provider';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';
import { sendSms } from './sms';

/** Attempts per incident message; the provider de-duplicates on the call's id, so retries are safe. */
export const INCIDENT_ATTEMPTS = 3;
const BACKOFF_MS = 150;
/** Kept back from the webhook's budget for the last-resort SMS. */
const SMS_RESERVE_MS = 700;

export interface DeliveryOptions {
  provider: OnCallProvider;
  /** Epoch ms by which the webhook must answer. */
  deadline: number;
  sms: SmsSettings;
  /** The number the caller dialled: the SMS sender when SMS_FROM is unset. */
  supportNumber?: string;
  log: Logger;
}

/**
 * Sends the step's incident messages in parallel. Each is retried (bounded, within the
 * webhook's budget, honouring a 429's Retry-After). When an incident that should open cannot
 * be opened, the team's fallback numbers get an SMS with the caller and the recording, so a
 * provider outage never loses a voicemail.
 */
export async function deliverIncidents(incidents: IncidentEvent[], options: DeliveryOptions): Promise<void> {
  await Promise.all(incidents.map((incident) => deliverOne(incident, options)));
}

async function deliverOne(incident: IncidentEvent, options: DeliveryOptions): Promise<void> {
  const { provider, log } = options;
  const sms = opensIncident(incident) ? smsRecipe(incident, options) : undefined;
  const sendBy = sms ? options.deadline - SMS_RESERVE_MS : options.deadline;
  let lastError: unknown;
  for (let attempt = 1; attempt <= INCIDENT_ATTEMPTS; attempt++) {
    const remaining = sendBy - Date.now();
    if (remaining < 100) break;
    try {
      await withDeadline(remaining, `incident ${incident.kind}`, (signal) =>
        provider.sendIncidentEvent(incident, signal),
      );
      log.info('Incident message sent', {
        provider: provider.name,
        kind: incident.kind,
        team: incident.team.name,
        attempt,
      });
      return;
    } catch (error) {
      lastError = error;
      log.warn('Incident message failed', {
        provider: provider.name,
        kind: incident.kind,
        attempt,
        error: describeError(error),
      });
      // No back-off after the last attempt: it would only delay the caller's answer.
      if (!isRetryable(error) || attempt >= INCIDENT_ATTEMPTS) break;
      const wait = retryAfterOf(error) ?? BACKOFF_MS * attempt;
      if (Date.now() + wait + 100 >= sendBy) break;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  log.error('Incident message could not be sent', {
    provider: provider.name,
    kind: incident.kind,
    team: incident.team.name,
    caller: incident.caller,
    error: describeError(lastError),
  });
  if (!opensIncident(incident)) return;
  if (sms) await sendLastResortSms(incident, sms, options, describeError(lastError));
  else
    log.error('No last-resort SMS possible: set FALLBACK_PHONES (and credentials) so an outage cannot hide a call', {
      kind: incident.kind,
      team: incident.team.name,
    });
}

interface SmsRecipe {
  recipients: string[];
  from: string;
}

/** Who the last-resort SMS would go to, and from which number; undefined when none can be sent. */
function smsRecipe(incident: IncidentEvent, options: DeliveryOptions): SmsRecipe | undefined {
  const recipients = incident.team.fallbackPhones ?? [];
  const from = options.sms.from ?? options.supportNumber;
  if (recipients.length === 0 || !from || !options.sms.accountSid || !options.sms.authToken) return undefined;
  return { recipients, from };
}

async function sendLastResortSms(
  incident: IncidentEvent,
  { recipients, from }: SmsRecipe,
  options: DeliveryOptions,
  failure: string,
): Promise<void> {
  const { log } = options;
  const body = smsText(incident, failure);
  const remaining = Math.max(options.deadline - Date.now(), 300);
  const results = await Promise.allSettled(
    recipients.map((to) =>
      withDeadline(remaining, 'last-resort SMS', (signal) => sendSms(options.sms, from, to, body, signal)),
    ),
  );
  const sent = results.filter((r) => r.status === 'fulfilled').length;
  const errors = results.flatMap((r) => (r.status === 'rejected' ? [describeError(r.reason)] : []));
  if (sent > 0)
    log.warn('Last-resort SMS sent to the fallback numbers', { kind: incident.kind, team: incident.team.name, sent });
  else log.error('Last-resort SMS failed too', { kind: incident.kind, team: incident.team.name, errors });
}

function smsText(incident: IncidentEvent, failure: string): string {
  const parts = [`On-call line: ${incident.caller} needs the ${incident.team.name} team.`];
  if (incident.kind === 'unanswered-call') {
    parts.push(incident.awaiting === 'message' ? 'Leaving a voicemail now.' : 'Asked for a call-back number.');
  }
  if (incident.kind === 'message-left') parts.push(`Voicemail: ${incident.recordingUrl}`);
  if (incident.kind === 'callback-requested') parts.push(`Call back on ${incident.callbackNumber}.`);
  if (incident.kind === 'missed-call') parts.push('Missed call, no message.');
  if ('reason' in incident) parts.push(`Why: ${describeReason(incident.reason)}.`);
  if ('attempts' in incident && incident.attempts.length > 0) parts.push(describeAttempts(incident.attempts));
  parts.push(`The incident could not be opened: ${failure}`);
  return parts.join('\n').slice(0, 1500);
}
