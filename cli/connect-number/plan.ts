// What the number should be set to, and which of its fields that changes.
import { VOICE_FIELDS, type VoiceField, type VoiceSettings } from './voice-fields';

export interface FieldChange {
  field: VoiceField;
  from: string;
  to: string;
}

/**
 * The settings that route calls to the functions at `serviceUrl`. The fallback is a static
 * asset, fetched with GET as a CDN serves it; the application and trunk are cleared because
 * either one makes Twilio ignore VoiceUrl.
 */
export function standardSettings(serviceUrl: string): VoiceSettings {
  return {
    voiceUrl: `${serviceUrl}/voice`,
    voiceMethod: 'POST',
    voiceFallbackUrl: `${serviceUrl}/voice-fallback.xml`,
    voiceFallbackMethod: 'GET',
    statusCallback: `${serviceUrl}/call-status`,
    statusCallbackMethod: 'POST',
    voiceApplicationSid: '',
    trunkSid: '',
  };
}

/** The standard settings for `serviceUrl` if given, with the single fields on top. */
export function targetSettings(
  serviceUrl: string | undefined,
  overrides: Partial<VoiceSettings>,
): Partial<VoiceSettings> {
  return { ...(serviceUrl === undefined ? {} : standardSettings(serviceUrl)), ...overrides };
}

export function planChanges(current: VoiceSettings, target: Partial<VoiceSettings>): FieldChange[] {
  return VOICE_FIELDS.flatMap((field) => {
    const to = target[field];
    return to === undefined || to === current[field] ? [] : [{ field, from: current[field], to }];
  });
}

export function changesAsUpdate(changes: readonly FieldChange[]): Partial<VoiceSettings> {
  return Object.fromEntries(changes.map((change) => [change.field, change.to]));
}

/** The settings once `changes` are made: what a dry run shows as "after". */
export function withChanges<T extends VoiceSettings>(current: T, changes: readonly FieldChange[]): T {
  return { ...current, ...changesAsUpdate(changes) };
}
