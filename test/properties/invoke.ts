// Calls a Function handler the way the runtime does and returns the TwiML it answered with.
import { getExpectedTwilioSignature } from 'twilio';
import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';
import type { Env } from '../../functions/lib/config/env';
import type { TwilioEvent } from '../../functions/lib/shell/twilio-event';

export type Handler = (context: Context<Env>, event: TwilioEvent, callback: ServerlessCallback) => Promise<void>;

export const AUTH_TOKEN = 'prop0000000000000000000000000000';
export const DOMAIN = 'localhost:3000';

export function contextFor(path: string, env: Env = {}): Context<Env> {
  const getTwilioClient: Context<Env>['getTwilioClient'] = () => {
    throw new Error('no Twilio client in tests');
  };
  const context = {
    AUTH_TOKEN,
    ...env,
    DOMAIN_NAME: DOMAIN,
    PATH: path,
    SERVICE_SID: undefined,
    ENVIRONMENT_SID: undefined,
    getTwilioClient,
  };
  // Env's index signature (TEAM_n, ESC_POL_n…) cannot hold the runtime's functions, so no
  // literal satisfies Context<Env>; the runtime builds the same mix at run time.
  return context as unknown as Context<Env>;
}

/** Twilio's signature over the URL (with our `s` query parameter) and the form parameters. */
export function signFor(path: string, params: Record<string, string>, token?: string): string {
  const url = `http://${DOMAIN}${path}${token !== undefined ? `?s=${encodeURIComponent(token)}` : ''}`;
  return getExpectedTwilioSignature(AUTH_TOKEN, url, params);
}

export async function invoke(
  handler: Handler,
  context: Context<Env>,
  event: TwilioEvent,
): Promise<{ body: string; calls: number }> {
  let calls = 0;
  let body = '';
  await handler(context, event, (error, payload) => {
    calls += 1;
    if (error) throw new Error(`handler called back with an error: ${String(error)}`);
    const response = payload as { body?: unknown };
    body = String(response?.body ?? '');
  });
  return { body, calls };
}
