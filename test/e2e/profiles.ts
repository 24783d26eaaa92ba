// The deployments the end-to-end scenarios run against: each is one twilio-run with its own .env.

export type ProfileName =
  | 'static'
  | 'victorops'
  | 'victorops-two-menus'
  | 'victorops-no-voicemail'
  | 'victorops-no-call'
  | 'victorops-fallbacks';

export const AUTH_TOKEN = 'e2e0000000000000000000000000000a';

/** Environment for a profile; `mockUrl` is the local mock of Splunk On-Call. */
export function profileEnv(profile: ProfileName, mockUrl: string): Record<string, string> {
  const victorops = {
    AUTH_TOKEN,
    VICTOROPS_API_ID: 'e2e-api-id',
    VICTOROPS_API_KEY: 'e2e-api-key',
    VICTOROPS_TWILIO_SERVICE_API_KEY: 'e2e-alert-key',
    VICTOROPS_API_URL: mockUrl,
    VICTOROPS_ALERT_URL: mockUrl,
    TEAM_1: 'Platform',
    ESC_POL_1: 'Platform Primary',
    TEAM_2: 'Database',
    TEAM_3: 'Frontend',
    NUMBER_OF_MENUS: '1',
    LOOKUP_TIMEOUT_MS: '1500',
  };
  switch (profile) {
    case 'static':
      return { AUTH_TOKEN, NUMBER_OF_MENUS: '1' };
    case 'victorops':
      return victorops;
    case 'victorops-two-menus':
      return { ...victorops, NUMBER_OF_MENUS: '2' };
    case 'victorops-no-voicemail':
      return { ...victorops, NO_VOICEMAIL: 'true' };
    case 'victorops-no-call':
      return { ...victorops, NO_CALL: 'true', NUMBER_OF_MENUS: '2' };
    case 'victorops-fallbacks':
      return {
        ...victorops,
        FALLBACK_PHONES_1: '+15555550190',
        FALLBACK_PHONES: '+15555550191',
        ACCOUNT_SID: 'AC00000000000000000000000000000e2e',
        TWILIO_API_URL: mockUrl,
      };
  }
}

export const PROFILES: readonly ProfileName[] = [
  'static',
  'victorops',
  'victorops-two-menus',
  'victorops-no-voicemail',
  'victorops-no-call',
  'victorops-fallbacks',
];
