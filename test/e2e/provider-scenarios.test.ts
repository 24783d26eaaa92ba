// End-to-end scenarios for PagerDuty and Opsgenie (see scenario-suite.ts).
import { runScenarioSuite } from './scenario-suite';

runScenarioSuite((profile) => profile === 'pagerduty' || profile.startsWith('opsgenie'));
