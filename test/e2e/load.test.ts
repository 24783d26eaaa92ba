// Load: 50 simultaneous simulated calls through one local runtime, with mixed outcomes. Each
// call must be routed as scripted, no call may cross into another, and every unanswered call
// must produce exactly one incident.
import { join } from 'node:path';
import { placeCall, startMockProviders, type CallReport, type CallScript, type MockProviders } from '../../simulator';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';
import { AUTH_TOKEN, profileEnv } from './profiles';

interface Mix {
  name: string;
  script: CallScript;
  dialled: string[];
  bridgedTo: string | null;
  alerts: string[];
}

const mixes: Mix[] = [
  {
    name: 'first responder accepts',
    script: { caller: [{ digits: '1' }], responders: { '+15555550101': { behaviour: 'accept', talkSeconds: 5 } } },
    dialled: ['+15555550101'],
    bridgedTo: '+15555550101',
    alerts: ['ACKNOWLEDGEMENT', 'RECOVERY'],
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
  },
  {
    name: 'nobody answers, voicemail',
    script: { caller: [{ digits: '2' }], voicemail: { action: 'leave-message', seconds: 8, transcript: 'Help.' } },
    dialled: ['+15555550108'],
    bridgedTo: null,
    alerts: ['CRITICAL', 'CRITICAL'],
  },
  {
    name: 'caller hangs up at the beep',
    script: { caller: [{ digits: '2' }], voicemail: { action: 'hang-up', seconds: 0 } },
    dialled: ['+15555550108'],
    bridgedTo: null,
    alerts: ['CRITICAL'],
  },
  {
    name: 'caller hangs up while ringing',
    script: { caller: [{ digits: '1' }], callerHangsUpDuringDial: true },
    dialled: ['+15555550101'],
    bridgedTo: null,
    alerts: ['CRITICAL'],
  },
];

const CALLS = 50;
let mock: MockProviders;
let runtime: LocalRuntime;

beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
  runtime = await startLocalRuntime({
    projectDir: join(__dirname, '..', '..'),
    env: profileEnv('victorops', mock.url),
  });
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await mock?.stop();
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

test(`${CALLS} simultaneous calls are each routed as scripted, with one incident per unanswered call`, async () => {
  const planned = Array.from({ length: CALLS }, (_, i) => mixes[i % mixes.length]);
  const reports: CallReport[] = await Promise.all(
    planned.map((mix, i) =>
      placeCall({
        baseUrl: runtime.url,
        authToken: AUTH_TOKEN,
        from: `+1555555${String(2000 + i).padStart(4, '0')}`,
        to: '+15555550100',
        script: mix.script,
      }),
    ),
  );

  // Transcription callbacks may trail their calls by a moment.
  const expectedAlerts = planned.reduce((sum, mix) => sum + mix.alerts.length, 0);
  const deadline = Date.now() + 5000;
  const alerts = () => mock.requests().filter((r) => r.path.startsWith('/integrations/') && isObject(r.body));
  while (alerts().length < expectedAlerts && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  const byCall = new Map<string, Array<Record<string, unknown>>>();
  for (const request of alerts()) {
    const body = request.body as Record<string, unknown>;
    const list = byCall.get(String(body.entity_id)) ?? [];
    list.push(body);
    byCall.set(String(body.entity_id), list);
  }

  reports.forEach((report, i) => {
    const mix = planned[i];
    const label = `call ${i} (${mix.name})`;
    expect({ label, outcome: report.outcome }).toEqual({ label, outcome: 'completed' });
    expect({ label, dialled: report.dialled, bridgedTo: report.bridgedTo }).toEqual({
      label,
      dialled: mix.dialled,
      bridgedTo: mix.bridgedTo,
    });
    const own = byCall.get(report.callSid) ?? [];
    expect({ label, alerts: own.map((a) => a.message_type) }).toEqual({ label, alerts: mix.alerts });
    // No crossing: every message for this call names this call's caller.
    for (const alert of own) expect({ label, caller: alert.caller }).toEqual({ label, caller: report.from });
    if (mix.bridgedTo === null) {
      const openings = own.filter(
        (a) =>
          !String(a.state_message).startsWith('Transcript') && !String(a.state_message).startsWith('Twilio could not'),
      );
      expect({ label, openings: openings.length }).toEqual({ label, openings: 1 });
    }
  });
  // And nothing was sent for a call that was never placed.
  expect([...byCall.keys()].sort()).toEqual(reports.map((r) => r.callSid).sort());
}, 60_000);
