// Load: 50 simultaneous simulated calls through each of two local runtimes at once (Splunk
// On-Call and PagerDuty), with mixed outcomes. Each call must be routed as scripted, no call may
// cross into another, and every unanswered call must produce exactly one incident.
import { join } from 'node:path';
import {
  placeCall,
  startMockProviders,
  type CallReport,
  type CallScript,
  type MockIncidentState,
  type MockProviders,
  type RecordedRequest,
} from '../../simulator';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';
import { AUTH_TOKEN, profileEnv } from './profiles';

interface Mix {
  name: string;
  script: CallScript;
  dialled: string[];
  bridgedTo: string | null;
  /** Splunk On-Call message types, in order. */
  alerts: string[];
  /** PagerDuty event actions, in order, and the state they leave the call's alert in. */
  events: string[];
  state: MockIncidentState;
}

const mixes: Mix[] = [
  {
    name: 'first responder accepts',
    script: { caller: [{ digits: '1' }], responders: { '+15555550101': { behaviour: 'accept', talkSeconds: 5 } } },
    dialled: ['+15555550101'],
    bridgedTo: '+15555550101',
    alerts: ['ACKNOWLEDGEMENT', 'RECOVERY'],
    events: ['trigger', 'acknowledge', 'resolve'],
    state: 'resolved',
  },
  {
    name: 'escalates past a voicemail',
    script: {
      caller: [{ digits: '1' }],
      responders: { '+15555550101': { behaviour: 'voicemail' }, '+15555550104': { behaviour: 'accept' } },
    },
    dialled: ['+15555550101', '+15555550104'],
    bridgedTo: '+15555550104',
    alerts: ['ACKNOWLEDGEMENT', 'RECOVERY'],
    events: ['trigger', 'acknowledge', 'resolve'],
    state: 'resolved',
  },
  {
    name: 'nobody answers, voicemail',
    script: { caller: [{ digits: '2' }], voicemail: { action: 'leave-message', seconds: 8, transcript: 'Help.' } },
    dialled: ['+15555550108'],
    bridgedTo: null,
    // The unanswered call, the message, the transcript.
    alerts: ['CRITICAL', 'CRITICAL', 'CRITICAL'],
    events: ['trigger', 'trigger', 'trigger'],
    state: 'open',
  },
  {
    name: 'caller hangs up at the beep',
    script: { caller: [{ digits: '2' }], voicemail: { action: 'hang-up', seconds: 0 } },
    dialled: ['+15555550108'],
    bridgedTo: null,
    alerts: ['CRITICAL', 'CRITICAL'],
    events: ['trigger', 'trigger'],
    state: 'open',
  },
  {
    name: 'caller hangs up while ringing',
    script: { caller: [{ digits: '1' }], callerHangsUpDuringDial: true },
    dialled: ['+15555550101'],
    bridgedTo: null,
    alerts: ['CRITICAL'],
    events: ['trigger'],
    state: 'open',
  },
];

const CALLS = 50;
const PROVIDERS = ['victorops', 'pagerduty'] as const;
type Provider = (typeof PROVIDERS)[number];
let mock: MockProviders;
const runtimes = new Map<Provider, LocalRuntime>();

beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
  await Promise.all(
    PROVIDERS.map(async (provider) => {
      // As deployed: the warm cache on, so simultaneous calls for a team share one lookup (the
      // scenario profiles turn it off so that each scenario meets its own faults).
      const { ONCALL_CACHE_SECONDS: _off, ...env } = profileEnv(provider, mock.url);
      runtimes.set(provider, await startLocalRuntime({ projectDir: join(__dirname, '..', '..'), env }));
    }),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([...runtimes.values()].map((runtime) => runtime.stop()));
  await mock?.stop();
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface PlacedCall {
  provider: Provider;
  mix: Mix;
  report: CallReport;
}

/** Every incident message, by the call it names: Splunk On-Call's entity_id, PagerDuty's dedup_key. */
function incidentMessagesByCall(): Map<string, Array<Record<string, unknown>>> {
  const isIncident = (r: RecordedRequest): boolean =>
    r.method === 'POST' && (r.path.startsWith('/integrations/') || r.path === '/v2/enqueue') && isObject(r.body);
  const byCall = new Map<string, Array<Record<string, unknown>>>();
  for (const request of mock.requests().filter(isIncident)) {
    const body = request.body as Record<string, unknown>;
    const key = String(body.entity_id ?? body.dedup_key);
    const earlier = byCall.get(key) ?? [];
    // On a loaded machine an attempt can time out after the mock took it, and the retry sends
    // the same body again. Providers dedupe it by its key, so it is one message, not two.
    if (earlier.length > 0 && JSON.stringify(earlier[earlier.length - 1]) === JSON.stringify(body)) continue;
    byCall.set(key, [...earlier, body]);
  }
  return byCall;
}

test(`${CALLS} simultaneous calls per provider are each routed as scripted, with one incident per unanswered call`, async () => {
  const planned = PROVIDERS.flatMap((provider) =>
    Array.from({ length: CALLS }, (_, i) => ({ provider, mix: mixes[i % mixes.length], i })),
  );
  const calls: PlacedCall[] = await Promise.all(
    planned.map(async ({ provider, mix, i }) => {
      const runtime = runtimes.get(provider);
      if (!runtime) throw new Error(`no runtime for ${provider}`);
      const report = await placeCall({
        baseUrl: runtime.url,
        authToken: AUTH_TOKEN,
        from: `+1555555${String((provider === 'victorops' ? 2000 : 3000) + i).padStart(4, '0')}`,
        to: '+15555550100',
        script: mix.script,
      });
      return { provider, mix, report };
    }),
  );

  // Transcription callbacks may trail their calls by a moment.
  const expected = calls.reduce(
    (sum, call) => sum + (call.provider === 'victorops' ? call.mix.alerts : call.mix.events).length,
    0,
  );
  const deadline = Date.now() + 5000;
  const total = (): number => [...incidentMessagesByCall().values()].reduce((sum, list) => sum + list.length, 0);
  while (total() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  const byCall = incidentMessagesByCall();
  const incidents = mock.incidents();
  for (const [index, { provider, mix, report }] of calls.entries()) {
    const label = `${provider} call ${index} (${mix.name})`;
    expect({ label, outcome: report.outcome }).toEqual({ label, outcome: 'completed' });
    expect({ label, dialled: report.dialled, bridgedTo: report.bridgedTo }).toEqual({
      label,
      dialled: mix.dialled,
      bridgedTo: mix.bridgedTo,
    });
    const own = byCall.get(report.callSid) ?? [];
    if (provider === 'victorops') {
      expect({ label, alerts: own.map((a) => a.message_type) }).toEqual({ label, alerts: mix.alerts });
      // No crossing: every message for this call names this call's caller.
      for (const alert of own) expect({ label, caller: alert.caller }).toEqual({ label, caller: report.from });
    } else {
      expect({ label, events: own.map((e) => e.event_action) }).toEqual({ label, events: mix.events });
      const details = own.map((e) =>
        isObject(e.payload) && isObject(e.payload.custom_details) ? e.payload.custom_details : {},
      );
      for (const detail of details) expect({ label, caller: detail.caller }).toEqual({ label, caller: report.from });
      // Exactly one alert per call, as PagerDuty would hold it, in the state the call left it.
      const alerts = incidents.filter((incident) => incident.key === report.callSid);
      expect({ label, states: alerts.map((a) => a.state) }).toEqual({ label, states: [mix.state] });
    }
  }
  // Nothing was sent for a call that was never placed, and nothing was thrown away.
  expect([...byCall.keys()].sort()).toEqual(calls.map((call) => call.report.callSid).sort());
  expect(mock.discardedActions()).toEqual([]);
}, 60_000);
