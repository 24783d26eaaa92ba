import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  faultFromJson,
  parseCallScript,
  type CallScript,
  type JsonValue,
  type MockFault,
  type MockIncidentState,
} from '../../simulator';
import { PROFILES, type ProfileName } from './profiles';

/** A call script plus the outcome it must have: the end-to-end suite runs every one. */
export interface Scenario {
  file: string;
  description: string;
  profile: ProfileName;
  faults: MockFault[];
  script: CallScript;
  /** How many times Twilio delivers the number's status callback (it may retry). */
  statusCallbackDeliveries: number;
  /** The caller, and the number they dial. */
  from: string;
  to: string;
  expect: ScenarioExpectation;
}

export interface ScenarioExpectation {
  dialled: string[];
  bridgedTo: string | null;
  /** Splunk On-Call message types sent for this call, in order. */
  alerts?: string[];
  /** Incident kinds the static roster logged for this call, in order. */
  loggedIncidents?: string[];
  /**
   * PagerDuty's and Opsgenie's incident requests for this call, in order: "<METHOD> <path
   * suffix>", plus PagerDuty's event_action ("POST /v2/enqueue trigger").
   */
  incidentRequests?: string[];
  /** The state the call's PagerDuty or Opsgenie alert is left in. */
  incidentState?: MockIncidentState;
  /** Sentences the caller hears, in this order (substrings). */
  callerHears?: string[];
  hopsToFirstDial?: number;
  /** SMS messages Twilio accepted during this scenario (last-resort texts and voicemail notices). */
  sms?: number;
  /** E-mails SendGrid accepted during this scenario (voicemail notices). */
  mail?: number;
  /** Text the runtime's log must contain (a configuration problem named by its path, say). */
  logIncludes?: string[];
  /** Text the bodies of this call's incident messages must contain, between them (who took it, say). */
  incidentTextIncludes?: string[];
}

const EXPECTATION_KEYS = new Set([
  'dialled',
  'bridgedTo',
  'alerts',
  'loggedIncidents',
  'incidentRequests',
  'incidentState',
  'callerHears',
  'hopsToFirstDial',
  'sms',
  'mail',
  'logIncludes',
  'incidentTextIncludes',
]);
/**
 * What a scenario must say about the incident system, by profile: every call leaves a trace there,
 * or (when the incident system is down) in the last-resort SMS.
 */
const INCIDENT_EXPECTATION: Record<string, keyof ScenarioExpectation> = {
  static: 'loggedIncidents',
  victorops: 'alerts',
  pagerduty: 'incidentRequests',
  opsgenie: 'incidentRequests',
};

const folder = join(__dirname, 'scenarios');

export function loadScenarios(): Scenario[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) =>
      parseScenarioFile(file, JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>),
    );
}

function parseScenarioFile(file: string, raw: Record<string, unknown>): Scenario {
  const profile = raw.profile as ProfileName;
  if (!PROFILES.includes(profile)) throw new Error(`${file}: unknown profile ${String(raw.profile)}`);
  const expectation = raw.expect as ScenarioExpectation | undefined;
  if (!expectation || !Array.isArray(expectation.dialled) || expectation.bridgedTo === undefined) {
    throw new Error(`${file}: expect.dialled and expect.bridgedTo are required`);
  }
  // A misspelt key would otherwise be an expectation nobody checks.
  const unknown = Object.keys(expectation).filter((key) => !EXPECTATION_KEYS.has(key));
  if (unknown.length > 0) throw new Error(`${file}: unknown expect keys ${unknown.join(', ')}`);
  const needed = INCIDENT_EXPECTATION[profile.split('-')[0]];
  if (needed && expectation[needed] === undefined && expectation.sms === undefined) {
    throw new Error(`${file}: expect.${needed} (or expect.sms) is required`);
  }
  const faults = raw.faults ?? [];
  if (!Array.isArray(faults)) throw new Error(`${file}: faults must be a list`);
  return {
    file,
    description: String(raw.description ?? file),
    profile,
    faults: faults.map((fault: JsonValue, index) => {
      try {
        return faultFromJson(fault);
      } catch (error) {
        throw new Error(`${file}: faults[${index}]: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
    script: parseCallScript(raw.script, `${file}: script`),
    statusCallbackDeliveries: typeof raw.statusCallbackDeliveries === 'number' ? raw.statusCallbackDeliveries : 1,
    from: typeof raw.from === 'string' ? raw.from : '+15555550150',
    to: typeof raw.to === 'string' ? raw.to : '+15555550100',
    expect: expectation,
  };
}
