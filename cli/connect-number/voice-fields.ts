// The voice settings of a Twilio phone number that this command reads and writes, with the
// name each has in Twilio's API, in the library's update parameters and on the command line.

export const VOICE_FIELDS = [
  'voiceUrl',
  'voiceMethod',
  'voiceFallbackUrl',
  'voiceFallbackMethod',
  'statusCallback',
  'statusCallbackMethod',
  'voiceApplicationSid',
  'trunkSid',
] as const;

export type VoiceField = (typeof VOICE_FIELDS)[number];

/** Every field as a string; "" means unset (Twilio answers either null or "" for those). */
export type VoiceSettings = Record<VoiceField, string>;

export interface NumberVoiceSettings extends VoiceSettings {
  sid: string;
  phoneNumber: string;
}

export type FieldKind = 'url' | 'method' | 'application' | 'trunk';

export interface FieldInfo {
  /** Twilio's parameter name, as the console and the API docs show it. */
  twilioName: string;
  flag: string;
  kind: FieldKind;
}

export const FIELD_INFO: Record<VoiceField, FieldInfo> = {
  voiceUrl: { twilioName: 'VoiceUrl', flag: 'voice-url', kind: 'url' },
  voiceMethod: { twilioName: 'VoiceMethod', flag: 'voice-method', kind: 'method' },
  voiceFallbackUrl: { twilioName: 'VoiceFallbackUrl', flag: 'voice-fallback-url', kind: 'url' },
  voiceFallbackMethod: { twilioName: 'VoiceFallbackMethod', flag: 'voice-fallback-method', kind: 'method' },
  statusCallback: { twilioName: 'StatusCallback', flag: 'status-callback', kind: 'url' },
  statusCallbackMethod: { twilioName: 'StatusCallbackMethod', flag: 'status-callback-method', kind: 'method' },
  voiceApplicationSid: { twilioName: 'VoiceApplicationSid', flag: 'voice-application-sid', kind: 'application' },
  trunkSid: { twilioName: 'TrunkSid', flag: 'trunk-sid', kind: 'trunk' },
};

/** Either of these makes Twilio ignore VoiceUrl altogether. */
export const OVERRIDING_FIELDS: readonly VoiceField[] = ['voiceApplicationSid', 'trunkSid'];
