// An IncomingPhoneNumber, and a page of them, in Twilio's JSON shape (snake_case, RFC 2822
// dates, URIs relative to https://api.twilio.com).
import type { JsonObject } from './json';
import type { MockPhoneNumber } from './twilio-number-book';

export const API_VERSION = '2010-04-01';

/** "Wed, 01 Jan 2025 12:00:01 +0000", as Twilio writes dates. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

export function numbersUri(accountSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/IncomingPhoneNumbers`;
}

export function phoneNumberJson(accountSid: string, number: MockPhoneNumber): JsonObject {
  return {
    account_sid: accountSid,
    address_requirements: 'none',
    address_sid: null,
    api_version: API_VERSION,
    beta: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: rfc2822(number.dateCreated),
    date_updated: rfc2822(number.dateUpdated),
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    friendly_name: number.friendlyName,
    identity_sid: null,
    origin: 'twilio',
    phone_number: number.phoneNumber,
    sid: number.sid,
    sms_application_sid: null,
    sms_fallback_method: 'POST',
    sms_fallback_url: null,
    sms_method: 'POST',
    sms_url: null,
    status_callback: number.statusCallback,
    status_callback_method: number.statusCallbackMethod,
    trunk_sid: number.trunkSid,
    uri: `${numbersUri(accountSid)}/${number.sid}.json`,
    voice_application_sid: number.voiceApplicationSid,
    voice_caller_id_lookup: false,
    voice_fallback_method: number.voiceFallbackMethod,
    voice_fallback_url: number.voiceFallbackUrl,
    voice_method: number.voiceMethod,
    voice_url: number.voiceUrl,
    voice_receive_mode: 'voice',
    bundle_sid: null,
    status: 'in-use',
    type: 'local',
  };
}

export interface PageRequest {
  /** The filters as received, kept in every page URI. */
  filters: Record<string, string>;
  page: number;
  pageSize: number;
}

/** One page of a list, with Twilio's paging fields around the items. */
export function numbersPageJson(
  accountSid: string,
  matching: readonly MockPhoneNumber[],
  { filters, page, pageSize }: PageRequest,
): JsonObject {
  const start = page * pageSize;
  const items = matching.slice(start, start + pageSize);
  const pageUri = (index: number): string =>
    `${numbersUri(accountSid)}.json?${new URLSearchParams({ ...filters, PageSize: String(pageSize), Page: String(index) }).toString()}`;
  return {
    first_page_uri: pageUri(0),
    end: Math.max(start, start + items.length - 1),
    next_page_uri: start + pageSize < matching.length ? pageUri(page + 1) : null,
    page,
    page_size: pageSize,
    previous_page_uri: page > 0 ? pageUri(page - 1) : null,
    start,
    uri: pageUri(page),
    incoming_phone_numbers: items.map((number) => phoneNumberJson(accountSid, number)),
  };
}
