// End-to-end scenarios for Splunk On-Call and the static roster (see scenario-suite.ts).
import { runScenarioSuite } from './scenario-suite';

runScenarioSuite((profile) => profile !== 'pagerduty' && !profile.startsWith('opsgenie'));
