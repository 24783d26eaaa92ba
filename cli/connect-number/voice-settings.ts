// Reads and writes a phone number's voice settings through Twilio's IncomingPhoneNumbers API.
// fetchVoiceSettings is the one to reuse elsewhere (npm run doctor): it takes its credentials
// as arguments, throws the errors of errors.ts, and never ends the process.
import twilio from 'twilio';
import TwilioServiceException from 'twilio/lib/base/TwilioServiceException';
import type {
  IncomingPhoneNumberContextUpdateOptions,
  IncomingPhoneNumberInstance,
} from 'twilio/lib/rest/api/v2010/account/incomingPhoneNumber';
import { NumberNotFoundError, TwilioApiError, TwilioRequestError } from './errors';
import { twilioClient, type TwilioAccess } from './twilio-client';
import type { NumberVoiceSettings, VoiceSettings } from './voice-fields';

type Client = ReturnType<typeof twilioClient>;

/** Twilio answers null for some unset values and "" for others; both become "". */
export function voiceSettingsOf(instance: IncomingPhoneNumberInstance): NumberVoiceSettings {
  return {
    sid: instance.sid,
    phoneNumber: instance.phoneNumber,
    voiceUrl: instance.voiceUrl ?? '',
    voiceMethod: instance.voiceMethod ?? '',
    voiceFallbackUrl: instance.voiceFallbackUrl ?? '',
    voiceFallbackMethod: instance.voiceFallbackMethod ?? '',
    statusCallback: instance.statusCallback ?? '',
    statusCallbackMethod: instance.statusCallbackMethod ?? '',
    voiceApplicationSid: instance.voiceApplicationSid ?? '',
    trunkSid: instance.trunkSid ?? '',
  };
}

function causeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
  const text = typeof message === 'string' ? message : '';
  // Node's network errors may have an empty message (an AggregateError) but always a code.
  if (typeof code === 'string' && !text.includes(code)) return text ? `${code}: ${text}` : code;
  return text || (typeof name === 'string' ? name : 'unknown error');
}

/** Runs one API call, turning the library's errors into this command's, named after `during`. */
async function askTwilio<T>(access: TwilioAccess, during: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof twilio.RestException) {
      throw new TwilioApiError(error.status, error.code, error.message, during);
    }
    if (error instanceof TwilioServiceException) {
      throw new TwilioApiError(error.status, error.code, error.detail ?? error.title, during);
    }
    throw new TwilioRequestError(`no usable answer from ${access.apiUrl} while ${during}: ${causeOf(error)}`);
  }
}

/** The number's settings; NumberNotFoundError unless the account holds exactly that number. */
export async function findNumber(
  client: Client,
  access: TwilioAccess,
  phoneNumber: string,
): Promise<NumberVoiceSettings> {
  const found = await askTwilio(access, `looking up ${phoneNumber}`, () =>
    client.incomingPhoneNumbers.list({ phoneNumber }),
  );
  // PhoneNumber also matches part of a number, so the exact one is picked out.
  const number = found.find((candidate) => candidate.phoneNumber === phoneNumber);
  if (!number) throw new NumberNotFoundError(phoneNumber, access.accountSid);
  return voiceSettingsOf(number);
}

export async function fetchVoiceSettings(access: TwilioAccess, phoneNumber: string): Promise<NumberVoiceSettings> {
  return findNumber(twilioClient(access), access, phoneNumber);
}

export async function updateVoiceSettings(
  client: Client,
  access: TwilioAccess,
  number: NumberVoiceSettings,
  changes: Partial<VoiceSettings>,
): Promise<NumberVoiceSettings> {
  const update: IncomingPhoneNumberContextUpdateOptions = { ...changes };
  const updated = await askTwilio(access, `updating ${number.phoneNumber} (${number.sid})`, () =>
    client.incomingPhoneNumbers(number.sid).update(update),
  );
  return voiceSettingsOf(updated);
}
