import type { AlertOutcome } from '../core/alerts';
import { describeAttempts, describeReason } from '../core/call-log';
import { opensIncident, type IncidentEvent } from '../core/incidents';
import type { Team } from '../core/types';
import type { SmsSettings } from '../config/config';
import { isRetryable, retryAfterOf, type OnCallProvider } from '../providers/provider';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';
import { sendSms } from './sms';

/** Attempts per incident message; the provider de-duplicates on the call's id, so retries are safe. */
export const INCIDENT_ATTEMPTS = 3;
const BACKOFF_MS = 100;
/** Shorter than this, an attempt cannot succeed against a real API: not worth starting. */
const MIN_ATTEMPT_MS = 150;
/** Kept back from the incident's attempts for the last-resort SMS, when one can be sent. */
export const SMS_RESERVE_MS = 500;

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
 * Sends the step's incident messages in parallel and says what became of each. Each is retried
 * within the webhook's budget (honouring a 429's Retry-After), and every attempt is given at most
 * half of what is left, so that one hung attempt never costs the message: a retry always fits.
 * When an incident that should open cannot be opened, the team's fallback numbers get an SMS with
 * the caller and the recording, so a provider outage never loses a voicemail.
 */
export async function deliverIncidents(incidents: IncidentEvent[], options: DeliveryOptions): Promise<AlertOutcome[]> {
  return Promise.all(incidents.map((incident) => deliverOne(incident, options)));
}

/** Whether an incident for this team that cannot be opened could still be texted to its fallback numbers. */
export function canTextTeam(team: Team, options: Pick<DeliveryOptions, 'sms' | 'supportNumber'>): boolean {
  return smsRecipe(team, options) !== undefined;
}

async function deliverOne(incident: IncidentEvent, options: DeliveryOptions): Promise<AlertOutcome> {
  const { provider, log } = options;
  const sms = opensIncident(incident) ? smsRecipe(incident.team, options) : undefined;
  const sendBy = sms ? options.deadline - SMS_RESERVE_MS : options.deadline;
  let lastError: unknown;
  for (let attempt = 1; attempt <= INCIDENT_ATTEMPTS; attempt++) {
    const remaining = sendBy - Date.now();
    if (remaining < MIN_ATTEMPT_MS) break;
    // The last attempt may use all that is left; any earlier one leaves room for another.
    const share = attempt === INCIDENT_ATTEMPTS ? remaining : Math.max(MIN_ATTEMPT_MS, (remaining - BACKOFF_MS) / 2);
    try {
      const delivery = await withDeadline(share, `incident ${incident.kind}`, (signal) =>
        provider.sendIncidentEvent(incident, signal),
      );
      log.info(delivery === 'recorded' ? 'Incident message logged (nobody paged)' : 'Incident message sent', {
        provider: provider.name,
        kind: incident.kind,
        team: incident.team.name,
        attempt,
      });
      return delivery;
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
      if (Date.now() + wait + MIN_ATTEMPT_MS >= sendBy) break;
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
  if (!opensIncident(incident)) return 'failed';
  if (sms) return (await sendLastResortSms(incident, sms, options, describeError(lastError))) ? 'texted' : 'failed';
  log.error('No last-resort SMS possible: set FALLBACK_PHONES (and credentials) so an outage cannot hide a call', {
    kind: incident.kind,
    team: incident.team.name,
  });
  return 'failed';
}

interface SmsRecipe {
  recipients: string[];
  from: string;
}

/** Who the last-resort SMS would go to, and from which number; undefined when none can be sent. */
function smsRecipe(team: Team, options: Pick<DeliveryOptions, 'sms' | 'supportNumber'>): SmsRecipe | undefined {
  const recipients = team.fallbackPhones ?? [];
  const from = options.sms.from ?? options.supportNumber;
  if (recipients.length === 0 || !from || !options.sms.accountSid || !options.sms.authToken) return undefined;
  return { recipients, from };
}

/** True when Twilio accepted the SMS for at least one fallback number. */
async function sendLastResortSms(
  incident: IncidentEvent,
  { recipients, from }: SmsRecipe,
  options: DeliveryOptions,
  failure: string,
): Promise<boolean> {
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
  return sent > 0;
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
  if ('attempts' in incident && incident.attempts && incident.attempts.length > 0)
    parts.push(describeAttempts(incident.attempts));
  parts.push(`The incident could not be opened: ${failure}`);
  return parts.join('\n').slice(0, 1500);
}
