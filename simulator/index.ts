// The simulator's public surface, for tests and tools.
export { placeCall, DEFAULT_MAX_HOPS, TWILIO_WEBHOOK_TIMEOUT_MS, type PlaceCallOptions } from './place-call';
export type * from './call-report';
export type * from './call-script';
export { parseCallScript, parseScenario, ScriptError } from './call-script-parser';
export { isStirVerstat, STIR_VERSTAT_VALUES } from './stir-verstat';
export type { InputPrompt, InteractiveInput } from './caller-inputs';
export { formatEvent, formatSummary, formatTranscript, type TranscriptFormat } from './format-transcript';
export { computeTwilioSignature } from './twilio-signature';
export {
  childElements,
  parseTwiml,
  parseXml,
  textContent,
  TwimlParseError,
  type TwimlElement,
  type TwimlNode,
  type TwimlText,
} from './twiml-parser';
export { resolveTwimlUrl } from './twiml-urls';
export {
  defaultMockRoster,
  faultFromJson,
  faultFromSpec,
  startMockProviders,
  type DiscardedAction,
  type JsonValue,
  type MockIncident,
  type MockIncidentState,
  type MockFault,
  type MockProviders,
  type MockProvidersOptions,
  type MockRoster,
  type RecordedRequest,
} from './mock-providers';
