// End-to-end: every scenario file is a call placed by the simulator through the real local
// runtime (twilio-run serving the bundled functions) against the local Splunk On-Call mock.
import { join } from 'node:path';
import { formatTranscript, placeCall, startMockProviders, type CallReport, type MockProviders } from '../../simulator';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';
import { AUTH_TOKEN, profileEnv, type ProfileName } from './profiles';
import { loadScenarios, type Scenario } from './scenario-file';

const projectDir = join(__dirname, '..', '..');
const scenarios = loadScenarios();
const runtimes = new Map<ProfileName, LocalRuntime>();
let mock: MockProviders;

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

function alertsFor(report: CallReport): string[] {
  return mock
    .requests()
    .filter((r) => r.path.startsWith('/integrations/') && isObject(r.body) && r.body.entity_id === report.callSid)
    .map((r) => String(isObject(r.body) ? r.body.message_type : ''));
}

function smsSent(): string[] {
  return mock
    .requests()
    .filter((r) => r.path.endsWith('/Messages.json') && r.status === 201)
    .map((r) => r.bodyText ?? '');
}

function loggedIncidentsFor(runtime: LocalRuntime, report: CallReport): string[] {
  return runtime
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{') && line.includes('Incident (static roster') && line.includes(report.callSid))
    .map((line) => (JSON.parse(line) as { incident: { kind: string } }).incident.kind);
}

function callerHeard(report: CallReport): string {
  return report.events.flatMap((e) => (e.type === 'hears' && e.who === 'caller' ? [e.text] : [])).join(' | ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe.each(scenarios.map((s) => [s.file, s] as const))('scenario %s', (_file, scenario: Scenario) => {
  test(scenario.description, async () => {
    for (const fault of scenario.faults) mock.setFault(fault);
    const runtime = runtimes.get(scenario.profile)!;
    const report = await placeCall({
      baseUrl: runtime.url,
      authToken: AUTH_TOKEN,
      from: '+15555550150',
      to: '+15555550100',
      script: scenario.script,
    });
    // Transcripts appear only when something fails, to show what the caller went through.
    const context = `\n${formatTranscript(report, {})}`;

    expect({ outcome: report.outcome, context: report.outcome === 'completed' ? '' : context }).toEqual({
      outcome: 'completed',
      context: '',
    });
    expect(report.applicationErrors).toEqual([]);
    expect(report.dialled).toEqual(scenario.expect.dialled);
    expect(report.bridgedTo).toEqual(scenario.expect.bridgedTo);
    if (scenario.expect.alerts) {
      // The transcription callback may land just after the call; give it a moment.
      await waitFor(() => alertsFor(report).length >= scenario.expect.alerts!.length);
      expect(alertsFor(report)).toEqual(scenario.expect.alerts);
    }
    if (scenario.expect.loggedIncidents) {
      await waitFor(() => loggedIncidentsFor(runtime, report).length >= scenario.expect.loggedIncidents!.length);
      expect(loggedIncidentsFor(runtime, report)).toEqual(scenario.expect.loggedIncidents);
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
    if (scenario.expect.sms !== undefined) {
      await waitFor(() => smsSent().length >= scenario.expect.sms!);
      expect(smsSent()).toHaveLength(scenario.expect.sms);
    }
    if (scenario.expect.hopsToFirstDial !== undefined) {
      expect(report.timing.hopsToFirstDial).toBe(scenario.expect.hopsToFirstDial);
    }
    // No responder number is ever readable in a URL the functions generated.
    for (const request of report.requests) {
      expect(request.url).not.toMatch(/555555\d{4}/);
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}
