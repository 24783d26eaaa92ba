import { randomBytes } from 'node:crypto';

/** Twilio resource ids: a two-letter type prefix and 32 hex digits. */
export type SidPrefix = 'CA' | 'AC' | 'RE' | 'TR';

export function newSid(prefix: SidPrefix): string {
  return prefix + randomBytes(16).toString('hex');
}

export function recordingUrl(accountSid: string, recordingSid: string): string {
  return `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}`;
}

export function transcriptionUrl(accountSid: string, transcriptionSid: string): string {
  return `https://api.twilio.com/2010-04-01/Accounts/${accountSid}/Transcriptions/${transcriptionSid}`;
}
