// `npm run bench`: how long a caller waits in silence. Places simulated calls through the real
// local runtime against the Splunk On-Call mock at several provider latencies, and reports the
// handler time up to the response that rings the first responder.
import { placeCall, startMockProviders, type CallScript } from '../simulator';
import { startLocalRuntime } from '../simulator/local-runtime';

const AUTH_TOKEN = 'bench000000000000000000000000000';
const CALLS_PER_CASE = Number(process.env.BENCH_CALLS ?? 40);

interface BenchCase {
  name: string;
  latencyMs: number;
  script: CallScript;
  hang?: boolean;
}

const pickPlatformAndAccept: CallScript = {
  caller: [{ digits: '1' }],
  responders: { '+15555550101': { behaviour: 'accept', talkSeconds: 1 } },
};

const cases: BenchCase[] = [
  { name: 'provider answers at once', latencyMs: 0, script: pickPlatformAndAccept },
  { name: 'provider latency 100 ms per request', latencyMs: 100, script: pickPlatformAndAccept },
  { name: 'provider latency 300 ms per request', latencyMs: 300, script: pickPlatformAndAccept },
  {
    name: 'provider hangs (time to the voicemail prompt)',
    latencyMs: 0,
    hang: true,
    script: { caller: [{ digits: '1' }], voicemail: { action: 'leave-message', seconds: 3 } },
  },
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const mock = await startMockProviders({ port: 0 });
  const runtime = await startLocalRuntime({
    projectDir: process.cwd(),
    env: {
      AUTH_TOKEN,
      VICTOROPS_API_ID: 'bench',
      VICTOROPS_API_KEY: 'bench',
      VICTOROPS_TWILIO_SERVICE_API_KEY: 'bench',
      VICTOROPS_API_URL: mock.url,
      VICTOROPS_ALERT_URL: mock.url,
      TEAM_1: 'Platform',
      TEAM_2: 'Database',
      NUMBER_OF_MENUS: '1',
    },
  });
  console.log(
    `first-ring benchmark: ${CALLS_PER_CASE} calls per case, twilio-run (warm, one process), node ${process.version}`,
  );
  console.log(
    'ms = handler time summed over every webhook up to the one answering with the first <Dial> (or the voicemail prompt)\n',
  );
  try {
    for (const benchCase of cases) {
      mock.reset();
      mock.setLatency(benchCase.latencyMs);
      if (benchCase.hang) mock.setFault({ path: '/api-public/v2', kind: 'hang' });
      const times: number[] = [];
      let hops = 0;
      for (let i = 0; i < CALLS_PER_CASE; i++) {
        const report = await placeCall({
          baseUrl: runtime.url,
          authToken: AUTH_TOKEN,
          from: '+15555550150',
          to: '+15555550100',
          script: benchCase.script,
        });
        if (report.outcome !== 'completed') throw new Error(`${benchCase.name}: call ended with ${report.outcome}`);
        const menuHop = report.requests.find((r) => r.purpose === 'gather-action');
        const firstRing = report.timing.msToFirstDial;
        // For the hang case there is no Dial: the wait is the menu webhook that answers with voicemail.
        times.push(firstRing ?? report.requests[0].ms + (menuHop?.ms ?? 0));
        hops = report.timing.hopsToFirstDial ?? 2;
      }
      times.sort((a, b) => a - b);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(times, p).toFixed(0));
      console.log(
        `${benchCase.name.padEnd(48)} hops ${hops}  p50 ${p50.padStart(5)} ms  p95 ${p95.padStart(5)} ms  p99 ${p99.padStart(5)} ms  max ${times[times.length - 1].toFixed(0).padStart(5)} ms`,
      );
    }
  } finally {
    await runtime.stop();
    await mock.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
