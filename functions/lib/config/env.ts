// The environment variables the functions read. Names kept from
// victorops/twilio-live-call-routing work unchanged; see .env.example for each one.

export interface Env {
  [variable: string]: string | undefined;
  AUTH_TOKEN?: string;
  ACCOUNT_SID?: string;
  ONCALL_PROVIDER?: string;
  VICTOROPS_API_ID?: string;
  VICTOROPS_API_KEY?: string;
  VICTOROPS_TWILIO_SERVICE_API_KEY?: string;
  VICTOROPS_API_URL?: string;
  VICTOROPS_ALERT_URL?: string;
  API_HOST?: string;
  ALERT_HOST?: string;
  PAGERDUTY_API_KEY?: string;
  PAGERDUTY_API_URL?: string;
  PAGERDUTY_EVENTS_URL?: string;
  /** Default Events API v2 key; PAGERDUTY_ROUTING_KEY_n overrides it for TEAM_n. */
  PAGERDUTY_ROUTING_KEY?: string;
  OPSGENIE_API_KEY?: string;
  OPSGENIE_API_URL?: string;
  STATIC_WEBHOOK_URL?: string;
  NUMBER_OF_MENUS?: string;
  NO_VOICEMAIL?: string;
  NO_CALL?: string;
  voice?: string;
  LANGUAGE?: string;
  SPEECH_INPUT?: string;
  RING_TIMEOUT_SECONDS?: string;
  VOICEMAIL_MAX_SECONDS?: string;
  RESPONDER_CALLER_ID?: string;
  LOOKUP_TIMEOUT_MS?: string;
  STATE_SECRET?: string;
  STATIC_ROSTER_ASSET?: string;
  MESSAGES_ASSET?: string;
  ROUTING_ASSET?: string;
  ONCALL_CACHE_SECONDS?: string;
  FALLBACK_PHONES?: string;
  ROSTER_FALLBACK?: string;
  ALLOWED_COUNTRY_CODES?: string;
  SMS_FROM?: string;
  TWILIO_API_URL?: string;
  TWILIO_API_HOST?: string;
  WEBHOOK_BUDGET_MS?: string;
  BACKGROUND_BUDGET_MS?: string;
  RECORD_MENU_HANGUPS?: string;
  SENDGRID_API_KEY?: string;
  SENDGRID_FROM?: string;
  SENDGRID_API_URL?: string;
  CALL_TRACE?: string;
  SYNC_SERVICE_SID?: string;
  TWILIO_SYNC_URL?: string;
  // Numbered per team (TEAM_n, ESC_POL_n, FALLBACK_PHONES_n, PAGERDUTY_ROUTING_KEY_n) fall under
  // the index signature.
}
