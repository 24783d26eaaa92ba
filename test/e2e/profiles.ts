// The deployments the end-to-end scenarios run against: each is one twilio-run with its own .env.

export type ProfileName =
  | 'static'
  | 'static-unreadable-roster'
  | 'static-routing'
  | 'static-routing-allow'
  | 'static-routing-broken'
  | 'opsgenie-step'
  | 'victorops'
  | 'victorops-broken'
  | 'victorops-menu-hangups'
  | 'victorops-two-menus'
  | 'victorops-no-voicemail'
  | 'victorops-no-call'
  | 'victorops-fallbacks'
  | 'pagerduty'
  | 'opsgenie';

export const AUTH_TOKEN = 'e2e0000000000000000000000000000a';

/** Environment for a profile; `mockUrl` is the local mock of every provider. */
export function profileEnv(profile: ProfileName, mockUrl: string): Record<string, string> {
  // Every profile keeps its calls' traces in the mock's Sync stand-in, as Twilio's cloud would
  // (it gives the functions ACCOUNT_SID and AUTH_TOKEN), for /call-status.
  return { ACCOUNT_SID: TRACE_ACCOUNT_SID, TWILIO_SYNC_URL: mockUrl, ...profileOwnEnv(profile, mockUrl) };
}

const TRACE_ACCOUNT_SID = `AC${'e2e0'.repeat(8)}`;

function profileOwnEnv(profile: ProfileName, mockUrl: string): Record<string, string> {
  // Each scenario is a call of its own: nothing one read is reused by the next (its faults would
  // not be met). test/e2e/rate-budget.test.ts runs with the cache on.
  const teamMenu = {
    AUTH_TOKEN,
    ONCALL_CACHE_SECONDS: '0',
    TEAM_1: 'Platform',
    TEAM_2: 'Database',
    TEAM_3: 'Frontend',
    NUMBER_OF_MENUS: '1',
    LOOKUP_TIMEOUT_MS: '1500',
  };
  const victorops = {
    AUTH_TOKEN,
    ONCALL_CACHE_SECONDS: '0',
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
      return { AUTH_TOKEN, NUMBER_OF_MENUS: '1', ONCALL_CACHE_SECONDS: '0' };
    case 'static-routing':
    case 'static-routing-allow':
    case 'static-routing-broken':
      return {
        AUTH_TOKEN,
        NUMBER_OF_MENUS: '1',
        ONCALL_CACHE_SECONDS: '0',
        ROUTING_ASSET: '/routing-e2e.json',
        TWILIO_API_URL: mockUrl,
        SENDGRID_API_KEY: 'SG.e2e-key',
        SENDGRID_FROM: 'oncall@example.com',
        SENDGRID_API_URL: mockUrl,
      };
    case 'opsgenie-step':
      return {
        AUTH_TOKEN,
        ONCALL_CACHE_SECONDS: '0',
        NUMBER_OF_MENUS: '1',
        ONCALL_PROVIDER: 'opsgenie',
        OPSGENIE_API_KEY: 'e2e-og-key',
        OPSGENIE_API_URL: mockUrl,
        ROUTING_ASSET: '/routing-e2e.json',
      };
    case 'static-unreadable-roster':
      return {
        AUTH_TOKEN,
        NUMBER_OF_MENUS: '1',
        ONCALL_CACHE_SECONDS: '0',
        STATIC_ROSTER_ASSET: '/missing-roster.json',
      };
    case 'victorops':
      return victorops;
    case 'victorops-broken': {
      // A credential missing: nobody can be looked up and no incident can be sent.
      const { VICTOROPS_TWILIO_SERVICE_API_KEY: _missing, ...broken } = victorops;
      return broken;
    }
    case 'victorops-menu-hangups':
      return { ...victorops, RECORD_MENU_HANGUPS: 'true' };
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
    case 'pagerduty':
      // Policy IDs as the mock derives them from its roster (simulator/README.md).
      return {
        ...teamMenu,
        ONCALL_PROVIDER: 'pagerduty',
        PAGERDUTY_API_KEY: 'e2e-pd-key',
        PAGERDUTY_API_URL: mockUrl,
        PAGERDUTY_EVENTS_URL: mockUrl,
        PAGERDUTY_ROUTING_KEY: 'e2e0routing0key00000000000000001',
        ESC_POL_1: 'PPLAT01',
        ESC_POL_2: 'PDATA01',
        ESC_POL_3: 'PFRON01',
      };
    case 'opsgenie':
      // No ESC_POL_n: each team's schedule is Opsgenie's default "<team>_schedule".
      return { ...teamMenu, ONCALL_PROVIDER: 'opsgenie', OPSGENIE_API_KEY: 'e2e-og-key', OPSGENIE_API_URL: mockUrl };
  }
}

export const PROFILES: readonly ProfileName[] = [
  'static',
  'static-unreadable-roster',
  'static-routing',
  'static-routing-allow',
  'static-routing-broken',
  'opsgenie-step',
  'victorops',
  'victorops-broken',
  'victorops-menu-hangups',
  'victorops-two-menus',
  'victorops-no-voicemail',
  'victorops-no-call',
  'victorops-fallbacks',
  'pagerduty',
  'opsgenie',
];

/**
 * The routing file a profile's runtime serves (as assets/routing-e2e.private.json), when it has
 * one. Hours that are always open or never open keep the scenarios independent of the clock; the
 * unit tests read real hours across time zones and clock changes.
 */
export function profileAssets(profile: ProfileName): Record<string, string> | undefined {
  const file = (routing: unknown): Record<string, string> => ({ 'routing-e2e.private.json': JSON.stringify(routing) });
  const alwaysOpen = { timezone: 'UTC', open: { 'mon-sun': '00:00-24:00' } };
  const neverOpen = { timezone: 'UTC', open: {} };
  switch (profile) {
    case 'static-routing':
      return file({
        numbers: {
          '+15555550100': { teams: ['Platform', 'Database', 'Closed'] },
          '+15555550111': { greeting: 'Database hotline.', teams: ['Database'] },
          '+15555550122': { teams: ['Night'] },
        },
        teams: [
          {
            name: 'Platform',
            hours: alwaysOpen,
            notify: { sms: ['+15555550170'], email: ['platform-oncall@example.com'] },
          },
          { name: 'Database' },
          { name: 'Closed', hours: { ...neverOpen, afterHours: { team: 'Database' } } },
          { name: 'Night', hours: { ...neverOpen, afterHours: { voicemail: true } } },
        ],
        callers: { block: ['+1900*'] },
        noInput: 'goodbye',
      });
    case 'static-routing-allow':
      return file({ teams: [{ name: 'Platform' }, { name: 'Database' }], callers: { allow: ['+1555555015*'] } });
    case 'static-routing-broken':
      return file({ teams: [{ name: 'Platform', hours: { timezone: 'Mars/Olympus', open: {} } }] });
    case 'opsgenie-step':
      return file({ teams: [{ name: 'Platform', ring: 'step' }, { name: 'Database' }] });
    default:
      return undefined;
  }
}
