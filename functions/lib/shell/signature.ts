/// <reference types="@twilio-labs/serverless-runtime-types" />
import { STATE_PARAM, header, signedParams, type TwilioEvent } from './twilio-event';

export interface RequestOrigin {
  /** context.DOMAIN_NAME: the service's host (localhost:3000 under twilio-run start). */
  domainName?: string;
  /** context.PATH: the function's path, such as /voice. */
  path?: string;
}

/**
 * Checks X-Twilio-Signature in our own code: twilio-run start checks nothing, and in the cloud
 * this backs up the gateway's check on protected functions. Twilio signs the exact URL it
 * requested; the only query string our URLs carry is the state token, so the URL is rebuilt
 * from the host, the path and that token, trying both schemes and both host sources.
 */
export function isSignedByTwilio(authToken: string | undefined, origin: RequestOrigin, event: TwilioEvent): boolean {
  const signature = header(event, 'x-twilio-signature');
  if (!authToken || !signature || !origin.path) return false;
  const token = event[STATE_PARAM];
  const query = typeof token === 'string' ? `?${STATE_PARAM}=${encodeURIComponent(token)}` : '';
  const hosts = [...new Set([header(event, 'host'), origin.domainName].filter((h): h is string => Boolean(h)))];
  const params = signedParams(event);
  return hosts.some((host) =>
    ['https', 'http'].some((scheme) =>
      // The runtime's global twilio library, so a cold start does not load a second copy.
      Twilio.validateRequest(authToken, signature, `${scheme}://${host}${origin.path}${query}`, params),
    ),
  );
}
