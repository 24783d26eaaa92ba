import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCallScript, type CallScript, type MockFault } from '../../simulator';
import { PROFILES, type ProfileName } from './profiles';

/** Which test file runs a scenario: scenarios.test.ts, or provider-scenarios.test.ts. */
export type ScenarioRunner = 'scenarios' | 'provider-scenarios';

/** A call script plus the outcome it must have: the end-to-end suite runs every one. */
export interface Scenario {
  file: string;
  description: string;
  runner: ScenarioRunner;
  profile: ProfileName;
  faults: MockFault[];
  script: CallScript;
  expect: {
    dialled: string[];
    bridgedTo: string | null;
    /** Splunk On-Call message types sent for this call, in order. */
    alerts?: string[];
    /** Incident kinds the static roster logged for this call, in order. */
    loggedIncidents?: string[];
    /** Sentences the caller hears, in this order (substrings). */
    callerHears?: string[];
    hopsToFirstDial?: number;
    /** Last-resort SMS messages sent during this scenario. */
    sms?: number;
    /**
     * The incident requests the mock recorded for this call, in order, whatever the provider:
     * "<METHOD> <path suffix>", plus PagerDuty's event_action ("POST /v2/enqueue trigger").
     */
    incidentRequests?: string[];
  };
}

const folder = join(__dirname, 'scenarios');

/** The scenarios one runner owns; a file without "runner" belongs to scenarios.test.ts. */
export function loadScenarios(runner: ScenarioRunner = 'scenarios'): Scenario[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) =>
      parseScenarioFile(file, JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>),
    )
    .filter((scenario) => scenario.runner === runner);
}

function parseScenarioFile(file: string, raw: Record<string, unknown>): Scenario {
  const profile = raw.profile as ProfileName;
  if (!PROFILES.includes(profile)) throw new Error(`${file}: unknown profile ${String(raw.profile)}`);
  const expectation = raw.expect as Scenario['expect'] | undefined;
  if (!expectation || !Array.isArray(expectation.dialled) || expectation.bridgedTo === undefined) {
    throw new Error(`${file}: expect.dialled and expect.bridgedTo are required`);
  }
  const runner = raw.runner ?? 'scenarios';
  if (runner !== 'scenarios' && runner !== 'provider-scenarios')
    throw new Error(`${file}: unknown runner ${String(runner)}`);
  return {
    file,
    description: String(raw.description ?? file),
    runner,
    profile,
    faults: (raw.faults as MockFault[] | undefined) ?? [],
    script: parseCallScript(raw.script, `${file}: script`),
    expect: expectation,
  };
}
