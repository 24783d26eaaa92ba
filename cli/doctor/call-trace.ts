// Whether /call-status can keep each call's trace, which it needs to tell a caller who hung up
// unheard from one who was helped.
import type { Config } from '../../functions/lib/config/config';
import { EnvReader } from '../../functions/lib/config/env-reader';

export interface CallTraceReport {
  kept: boolean;
  why: string;
}

/** `config` read with the credentials Twilio's cloud adds, as the functions get them there. */
export function callTraceOf(config: Config, env: Readonly<Record<string, string>>): CallTraceReport {
  if (config.trace) {
    return {
      kept: true,
      why: "kept: it needs ACCOUNT_SID and AUTH_TOKEN, which Twilio's cloud gives the functions (CALL_TRACE=false turns it off)",
    };
  }
  // Read as parseConfig reads it; its problems are already reported.
  if (!new EnvReader(env, []).flag('CALL_TRACE', true)) {
    return {
      kept: false,
      why: 'not kept: CALL_TRACE=false, so /call-status cannot tell who hung up unheard and opens no incident for them',
    };
  }
  return { kept: false, why: 'not kept: TWILIO_SYNC_URL is not a usable URL (see the configuration problems)' };
}
