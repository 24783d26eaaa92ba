// Twilio's REST API spec (2010-04-01), the vendored subset (MIT, test/contract/vendored/), loaded
// for validation. Each fix-up answers one defect found by the validator or by Twilio's own
// examples, touches only the parsed copy, and throws once the spec no longer has the defect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpecCheck, type FormatCheck, type SpecCheck } from './openapi-check';
import { isJsonObject, objectAt, type JsonObject } from './spec-files';

export const LIST_NUMBERS = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json';
export const ONE_NUMBER = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json';

/** The string formats Twilio's spec names beyond the common ones. */
export const TWILIO_FORMATS: Record<string, FormatCheck> = {
  'phone-number': /^\+[1-9]\d{1,14}$/,
  'http-method': /^(GET|POST|PUT|PATCH|DELETE|HEAD)$/,
  'date-time-rfc-2822':
    /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/,
  currency: /^[A-Z]{3}$/,
  // Twilio also gives these names to objects; Ajv checks formats on strings only, and the
  // objects' `properties` already say their shape.
  'phone-number-capabilities': () => true,
  'uri-map': () => true,
};

export function readVendoredTwilioSpec(): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(join(__dirname, 'vendored', 'twilio_api_v2010.subset.json'), 'utf8'));
  if (!isJsonObject(parsed)) throw new Error('twilio_api_v2010.subset.json is not a JSON object');
  return parsed;
}

export async function loadTwilioApiSpec(): Promise<{ check: SpecCheck; spec: JsonObject }> {
  const spec = readVendoredTwilioSpec();
  relativePageUris(spec);
  emptyValuesClear(spec);
  return { check: await loadSpecCheck(spec, '/', TWILIO_FORMATS), spec };
}

/**
 * Found by the validator: a list's first_page_uri, next_page_uri, previous_page_uri and uri are
 * typed format "uri" (absolute), but Twilio sends paths relative to https://api.twilio.com, as
 * the spec's own examples show and the library expects (it prefixes them itself). They are
 * checked as such paths instead.
 */
function relativePageUris(spec: JsonObject): void {
  const properties = objectAt(
    spec,
    'paths',
    LIST_NUMBERS,
    'get',
    'responses',
    '200',
    'content',
    'application/json',
    'schema',
    'properties',
  );
  for (const name of ['first_page_uri', 'next_page_uri', 'previous_page_uri', 'uri']) {
    const property = objectAt(properties, name);
    if (property.format !== 'uri') throw new Error(`${name} is no longer format "uri": drop this fix-up`);
    delete property.format;
    property.pattern = '^/2010-04-01/';
  }
}

/**
 * Found by the validator: an update clears a URL, an application or a trunk by sending it empty
 * (the command clears VoiceApplicationSid and TrunkSid, and its undo command clears what was
 * unset before), but the request schema allows only a full URL or sid. Twilio itself writes
 * unset values as "" in its examples (voice_application_sid, status_callback). The empty value
 * is allowed beside the declared one.
 */
function emptyValuesClear(spec: JsonObject): void {
  const properties = objectAt(
    spec,
    'paths',
    ONE_NUMBER,
    'post',
    'requestBody',
    'content',
    'application/x-www-form-urlencoded',
    'schema',
    'properties',
  );
  for (const name of ['VoiceUrl', 'VoiceFallbackUrl', 'StatusCallback', 'VoiceApplicationSid', 'TrunkSid']) {
    const declared = objectAt(properties, name);
    if ('anyOf' in declared) throw new Error(`${name} already has alternatives: check this fix-up`);
    properties[name] = { anyOf: [declared, { type: 'string', maxLength: 0 }] };
  }
}
