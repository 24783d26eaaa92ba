// The end-to-end suite: each scenario file is a call placed by the simulator through the real
// local runtime (twilio-run serving the bundled functions) against the local mock of every
// provider. Two test files run it over separate profiles so that jest spreads the twilio-run
// start-ups over both cores.
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
import { isIncidentMessage } from '../../simulator/mock-incidents';
import { AUTH_TOKEN, profileAssets, profileEnv, type ProfileName } from './profiles';
import { loadScenarios, type Scenario } from './scenario-file';

const projectDir = join(__dirname, '..', '..');

/** The mock APIs a profile's calls may reach: anything else means the wrong provider was asked. */
function allowedApis(profile: ProfileName): string[] {
  const own = (): string[] => {
    if (profile.startsWith('static')) return [];
    if (profile === 'pagerduty') return ['pagerduty', 'pagerduty-events'];
    if (profile.startsWith('opsgenie')) return ['opsgenie'];
    return ['splunk-oncall', 'splunk-oncall-alerts'];
  };
  // Every profile keeps its calls' traces in Sync; SMS and e-mail go out where configured.
  return [...own(), 'twilio-sync', 'twilio-messages', 'sendgrid'];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each provider names the call its own way: entity_id, dedup_key, or alias (in the body or the path). */
function isAboutCall(request: RecordedRequest, callSid: string): boolean {
  const body = isObject(request.body) ? request.body : {};
  return (
    body.entity_id === callSid ||
    body.dedup_key === callSid ||
    body.alias === callSid ||
    request.path.includes(`/${callSid}/`)
  );
}

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/** Where an expected list is empty, nothing ends the wait early: give late callbacks their moment. */
async function settle(expected: unknown[] | undefined, condition: () => boolean): Promise<void> {
  if (expected && expected.length === 0) await new Promise((r) => setTimeout(r, 300));
  else await waitFor(condition);
}

/** Expected entries name a path suffix ("POST /close"); recorded ones the whole path. */
function matchesRequests(recorded: string[], expected: string[]): boolean {
  if (recorded.length !== expected.length) return false;
  return expected.every((entry, index) => {
    const [method, suffix, action] = entry.split(' ');
    const [gotMethod, gotPath, gotAction] = (recorded[index] ?? '').split(' ');
    return gotMethod === method && gotPath.endsWith(suffix) && gotAction === action;
  });
}

export function runScenarioSuite(include: (profile: ProfileName) => boolean): void {
  const scenarios = loadScenarios().filter((scenario) => include(scenario.profile));
  const runtimes = new Map<ProfileName, LocalRuntime>();
  let mock: MockProviders;
  const RUNTIMES_STARTED_TOGETHER = 3;

  beforeAll(async () => {
    mock = await startMockProviders({ port: 0 });
    const needed = [...new Set(scenarios.map((s) => s.profile))];
    // A dozen twilio-run processes starting at once on a 2-core CI machine can each take longer
    // than a start timeout; a few at a time start as fast in all, and each within its timeout.
    for (let i = 0; i < needed.length; i += RUNTIMES_STARTED_TOGETHER) {
      const started = await Promise.allSettled(
        needed.slice(i, i + RUNTIMES_STARTED_TOGETHER).map(
          async (profile) =>
            [
              profile,
              await startLocalRuntime({
                projectDir,
                env: profileEnv(profile, mock.url),
                startTimeoutMs: 45_000,
                ...(profileAssets(profile) ? { assets: profileAssets(profile) } : {}),
              }),
            ] as const,
        ),
      );
      // Every runtime that did start is kept, so that afterAll stops it even when another failed.
      for (const result of started) if (result.status === 'fulfilled') runtimes.set(...result.value);
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all([...runtimes.values()].map((runtime) => runtime.stop()));
    await mock?.stop();
  });

  afterEach(() => mock.reset());

  const incidentRequests = (): RecordedRequest[] => mock.requests().filter(isIncidentMessage);

  const alertsFor = (report: CallReport): string[] =>
    incidentRequests()
      .filter((r) => r.path.startsWith('/integrations/') && isAboutCall(r, report.callSid))
      .map((r) => String(isObject(r.body) ? r.body.message_type : ''));

  /** "<METHOD> <path>" plus PagerDuty's event_action, for every PagerDuty or Opsgenie incident request. */
  const providerRequestsFor = (report: CallReport): string[] =>
    incidentRequests()
      .filter((r) => !r.path.startsWith('/integrations/') && isAboutCall(r, report.callSid))
      .map((r) => {
        const action = isObject(r.body) ? r.body.event_action : undefined;
        return [r.method, r.path, ...(typeof action === 'string' ? [action] : [])].join(' ');
      });

  const smsSent = (): string[] =>
    mock
      .requests()
      .filter((r) => r.path.endsWith('/Messages.json') && r.status === 201)
      .map((r) => r.bodyText ?? '');

  const loggedIncidentsFor = (runtime: LocalRuntime, report: CallReport): string[] =>
    runtime
      .output()
      .split('\n')
      .filter(
        (line) => line.startsWith('{') && line.includes('Incident (static roster') && line.includes(report.callSid),
      )
      .map((line) => (JSON.parse(line) as { incident: { kind: string } }).incident.kind);

  const callerHeard = (report: CallReport): string =>
    report.events.flatMap((e) => (e.type === 'hears' && e.who === 'caller' ? [e.text] : [])).join(' | ');

  async function checkIncidents(scenario: Scenario, runtime: LocalRuntime, report: CallReport): Promise<void> {
    const { alerts, loggedIncidents, incidentRequests: requests, incidentState } = scenario.expect;
    if (alerts) {
      // The transcription callback may land just after the call; give it a moment.
      await settle(alerts, () => alertsFor(report).length >= alerts.length);
      expect(alertsFor(report)).toEqual(alerts);
    }
    if (loggedIncidents) {
      await settle(loggedIncidents, () => loggedIncidentsFor(runtime, report).length >= loggedIncidents.length);
      expect(loggedIncidentsFor(runtime, report)).toEqual(loggedIncidents);
    }
    if (requests) {
      await settle(requests, () => matchesRequests(providerRequestsFor(report), requests));
      const recorded = providerRequestsFor(report);
      expect({ recorded, matching: matchesRequests(recorded, requests) }).toEqual({ recorded, matching: true });
    }
    const own = mock.incidents().filter((incident) => incident.key === report.callSid);
    if (incidentState) expect(own.map((incident) => incident.state)).toEqual([incidentState]);
    const bodies = JSON.stringify(
      incidentRequests()
        .filter((r) => isAboutCall(r, report.callSid))
        .map((r) => r.body),
    );
    for (const text of scenario.expect.incidentTextIncludes ?? []) expect(bodies).toContain(text);
    // Nothing the live service would have taken and then thrown away, and nothing about another call.
    expect(mock.discardedActions()).toEqual([]);
    expect(incidentRequests().filter((r) => !isAboutCall(r, report.callSid))).toEqual([]);
  }

  it('has scenarios to run', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  describe.each(scenarios.map((s) => [s.file, s] as const))('scenario %s', (_file, scenario: Scenario) => {
    test(scenario.description, async () => {
      for (const fault of scenario.faults) mock.setFault(fault);
      const runtime = runtimes.get(scenario.profile);
      if (!runtime) throw new Error(`no runtime for ${scenario.profile}`);
      const report = await placeCall({
        baseUrl: runtime.url,
        authToken: AUTH_TOKEN,
        from: scenario.from,
        to: scenario.to,
        script: scenario.script,
        // Like a number connected with `npm run connect-number`: its status callback is requested
        // when the call ends, however it ends (as often as the scenario says Twilio delivers it).
        statusCallback: '/call-status',
        statusCallbackDeliveries: scenario.statusCallbackDeliveries,
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
      await checkIncidents(scenario, runtime, report);
      if (scenario.expect.callerHears) {
        const heard = callerHeard(report);
        let from = 0;
        for (const sentence of scenario.expect.callerHears) {
          const at = heard.indexOf(sentence, from);
          expect({ sentence, found: at >= 0, heard }).toMatchObject({ sentence, found: true });
          from = at + sentence.length;
        }
      }
      const { sms, mail, logIncludes } = scenario.expect;
      if (sms !== undefined) {
        await waitFor(() => smsSent().length >= sms);
        expect(smsSent()).toHaveLength(sms);
      }
      if (mail !== undefined) {
        await waitFor(() => mock.sentMail().length >= mail);
        expect(mock.sentMail()).toHaveLength(mail);
      }
      for (const line of logIncludes ?? []) expect(runtime.output()).toContain(line);
      if (scenario.expect.hopsToFirstDial !== undefined) {
        expect(report.timing.hopsToFirstDial).toBe(scenario.expect.hopsToFirstDial);
      }
      const allowed = allowedApis(scenario.profile);
      expect(mock.requests().filter((request) => !allowed.includes(request.provider))).toEqual([]);
      // No responder number is ever readable in a URL the functions generated.
      for (const request of report.requests) expect(request.url).not.toMatch(/555555\d{4}/);
    });
  });
}
