// End-to-end for PagerDuty and Opsgenie: each scenario file with "runner": "provider-scenarios"
// is a call placed by the simulator through the real local runtime (twilio-run serving the
// bundled functions) against the local mock, which serves both providers from the same roster.
// Besides who was dialled, it checks the incident requests the call produced, provider-neutrally.
import { join } from 'node:path';
import {
  formatTranscript,
  placeCall,
  startMockProviders,
  type CallReport,
  type MockProviders,
  type RecordedRequest,
} from '../../simulator';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';
import { AUTH_TOKEN, profileEnv, type ProfileName } from './profiles';
import { loadScenarios, type Scenario } from './scenario-file';

const projectDir = join(__dirname, '..', '..');
const scenarios = loadScenarios('provider-scenarios');
const runtimes = new Map<ProfileName, LocalRuntime>();
let mock: MockProviders;

/** The mock APIs a profile's calls may reach: anything else means the wrong provider was asked. */
const PROVIDER_APIS: Partial<Record<ProfileName, string[]>> = {
  pagerduty: ['pagerduty', 'pagerduty-events'],
  opsgenie: ['opsgenie'],
};

beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
  const needed = [...new Set(scenarios.map((s) => s.profile))];
  const started = await Promise.all(
    needed.map(
      async (profile) =>
        [profile, await startLocalRuntime({ projectDir, env: profileEnv(profile, mock.url) })] as const,
    ),
  );
  for (const [profile, runtime] of started) runtimes.set(profile, runtime);
}, 60_000);

afterAll(async () => {
  await Promise.all([...runtimes.values()].map((runtime) => runtime.stop()));
  await mock?.stop();
});

afterEach(() => mock.reset());

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** PagerDuty names the call in dedup_key, Opsgenie in alias (in the body or the path). */
function isAboutCall(request: RecordedRequest, callSid: string): boolean {
  const body = isObject(request.body) ? request.body : {};
  return body.dedup_key === callSid || body.alias === callSid || request.path.includes(`/${callSid}/`);
}

/** "<METHOD> <path>" plus PagerDuty's event_action, for every incident request about the call. */
function incidentRequestsFor(report: CallReport): string[] {
  return mock
    .requests()
    .filter((request) => request.method === 'POST' && isAboutCall(request, report.callSid))
    .map((request) => {
      const action = isObject(request.body) ? request.body.event_action : undefined;
      return [request.method, request.path, ...(typeof action === 'string' ? [action] : [])].join(' ');
    });
}

/** Expected entries name a path suffix ("POST /close"); recorded ones the whole path. */
function matches(recorded: string[], expected: string[]): boolean {
  if (recorded.length !== expected.length) return false;
  return expected.every((entry, index) => {
    const [method, suffix, action] = entry.split(' ');
    const [gotMethod, gotPath, gotAction] = (recorded[index] ?? '').split(' ');
    return gotMethod === method && gotPath.endsWith(suffix) && gotAction === action;
  });
}

function callerHeard(report: CallReport): string {
  return report.events.flatMap((e) => (e.type === 'hears' && e.who === 'caller' ? [e.text] : [])).join(' | ');
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

it('finds scenarios for both providers', () => {
  expect(new Set(scenarios.map((s) => s.profile))).toEqual(new Set(['pagerduty', 'opsgenie']));
});

describe.each(scenarios.map((s) => [s.file, s] as const))('scenario %s', (_file, scenario: Scenario) => {
  test(scenario.description, async () => {
    for (const fault of scenario.faults) mock.setFault(fault);
    const runtime = runtimes.get(scenario.profile);
    if (!runtime) throw new Error(`no runtime for ${scenario.profile}`);
    const report = await placeCall({
      baseUrl: runtime.url,
      authToken: AUTH_TOKEN,
      from: '+15555550150',
      to: '+15555550100',
      script: scenario.script,
    });
    const context = `\n${formatTranscript(report, {})}`;

    expect({ outcome: report.outcome, context: report.outcome === 'completed' ? '' : context }).toEqual({
      outcome: 'completed',
      context: '',
    });
    expect(report.applicationErrors).toEqual([]);
    expect(report.dialled).toEqual(scenario.expect.dialled);
    expect(report.bridgedTo).toEqual(scenario.expect.bridgedTo);
    const expected = scenario.expect.incidentRequests;
    if (expected) {
      // The transcription callback may land just after the call; give it a moment.
      await waitFor(() => matches(incidentRequestsFor(report), expected));
      const recorded = incidentRequestsFor(report);
      expect({ recorded, expected, matching: matches(recorded, expected) }).toEqual({
        recorded,
        expected,
        matching: true,
      });
    }
    if (scenario.expect.callerHears) {
      const heard = callerHeard(report);
      let from = 0;
      for (const sentence of scenario.expect.callerHears) {
        const at = heard.indexOf(sentence, from);
        expect({ sentence, found: at >= 0, heard }).toMatchObject({ sentence, found: true });
        from = at + sentence.length;
      }
    }
    if (scenario.expect.hopsToFirstDial !== undefined) {
      expect(report.timing.hopsToFirstDial).toBe(scenario.expect.hopsToFirstDial);
    }
    const allowed = PROVIDER_APIS[scenario.profile] ?? [];
    expect(mock.requests().filter((request) => !allowed.includes(request.provider))).toEqual([]);
    for (const request of report.requests) expect(request.url).not.toMatch(/555555\d{4}/);
  });
});
