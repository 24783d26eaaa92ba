// A `twilio` library client whose requests can go to another base URL than Twilio's (a local
// stand-in, in tests and demos). The library still builds every request itself: paths, query,
// form body, headers and auth; only the scheme, host and port are replaced.
import twilio from 'twilio';
import RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

export const TWILIO_API_URL = 'https://api.twilio.com';

export interface TwilioAccess {
  accountSid: string;
  /** An API key sid (SK…), or the account sid itself with its auth token. */
  username: string;
  password: string;
  /** Base URL of Twilio's REST API, without a trailing slash. */
  apiUrl: string;
}

/** Sends each request to `baseUrl`, keeping the path and query the library built. */
export class BaseUrlRequestClient extends RequestClient {
  constructor(
    private readonly baseUrl: string,
    options?: RequestClient.RequestClientOptions,
  ) {
    super(options);
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request({ ...options, uri: rebase(options.uri, this.baseUrl) });
  }
}

/**
 * `uri` moved onto `baseUrl`. Every request is moved, whatever Twilio host the library picked
 * (a region or edge changes it), since a stand-in serves one origin.
 */
export function rebase(uri: string, baseUrl: string): string {
  const target = new URL(uri);
  return `${baseUrl}${target.pathname}${target.search}`;
}

export function twilioClient(access: TwilioAccess): twilio.Twilio {
  const options: twilio.ClientOpts = { accountSid: access.accountSid };
  if (access.apiUrl !== TWILIO_API_URL) options.httpClient = new BaseUrlRequestClient(access.apiUrl);
  return twilio(access.username, access.password, options);
}
