// Runs one call case: a fresh twilio-run (modules unloaded, every cache empty) for it, the first
// group of simultaneous calls, then the warm calls in groups of the same size.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeCall, type CallReport, type MockProviders } from '../simulator';
import { startLocalRuntime } from '../simulator/local-runtime';
import { caseName, type CallCase } from './call-cases';
import { callWaitOf, type CallWait } from './call-wait';
import { summarizePhase, type PhaseSummary } from './phase-summary';
import type { TimeWindow } from './round-trips';
import { parseRuntimeHttpLog } from './runtime-http-log';

const AUTH_TOKEN = 'bench000000000000000000000000000';
/** No function serves it: polling it leaves every function unloaded for the first call. */
const READY_PATH = '/__bench-ready';

export interface CallCaseResult {
  case: Omit<CallCase, 'script'>;
  first: PhaseSummary;
  warm: PhaseSummary;
}

export interface CallBenchSetup {
  projectDir: string;
  mock: MockProviders;
  /** dist/bench/http-probe.js, preloaded into twilio-run. */
  httpProbe: string;
}

function runtimeEnv(c: CallCase, providerUrl: string): Record<string, string> {
  return {
    AUTH_TOKEN,
    VICTOROPS_API_ID: 'bench',
    VICTOROPS_API_KEY: 'bench',
    VICTOROPS_TWILIO_SERVICE_API_KEY: 'bench',
    VICTOROPS_API_URL: providerUrl,
    VICTOROPS_ALERT_URL: providerUrl,
    TEAM_1: 'Platform',
    TEAM_2: 'Database',
    NUMBER_OF_MENUS: String(c.menus),
  };
}

interface PlacedGroup {
  waits: CallWait[];
  span: TimeWindow;
}

/** Places `count` calls, `concurrency` at a time, and reads each caller's wait. */
async function placeCalls(c: CallCase, baseUrl: string, count: number): Promise<PlacedGroup> {
  const waits: CallWait[] = [];
  const startMs = Date.now();
  for (let placed = 0; placed < count; placed += c.concurrency) {
    const size = Math.min(c.concurrency, count - placed);
    const reports = await Promise.all(
      Array.from({ length: size }, () =>
        placeCall({ baseUrl, authToken: AUTH_TOKEN, from: '+15555550150', to: '+15555550100', script: c.script }),
      ),
    );
    waits.push(...reports.map((report) => waitOf(c, report)));
  }
  return { waits, span: { startMs, endMs: Date.now() } };
}

function waitOf(c: CallCase, report: CallReport): CallWait {
  if (report.outcome !== 'completed') {
    const errors = report.applicationErrors.map((error) => `${error.code} ${error.message}`).join('; ');
    throw new Error(`${caseName(c)}: call ${report.callSid} ended with ${report.outcome}: ${errors}`);
  }
  return callWaitOf(report.requests, c.awaited, `${caseName(c)}: call ${report.callSid}`);
}

export async function runCallCase(c: CallCase, setup: CallBenchSetup): Promise<CallCaseResult> {
  const { mock } = setup;
  mock.reset();
  if (c.provider === 'hangs') {
    mock.setLatency(0);
    mock.setFault({ path: '/api-public/v2', kind: 'hang' });
  } else {
    mock.setLatency(c.provider.latencyMs);
  }
  const logDir = mkdtempSync(join(tmpdir(), 'oncall-bench-'));
  const httpLog = join(logDir, 'runtime-http.jsonl');
  try {
    const runtime = await startLocalRuntime({
      projectDir: setup.projectDir,
      env: runtimeEnv(c, mock.url),
      readyPath: READY_PATH,
      nodeArgs: ['--require', setup.httpProbe],
      processEnv: { BENCH_HTTP_LOG: httpLog },
    });
    try {
      const first = await placeCalls(c, runtime.url, c.concurrency);
      const warm = await placeCalls(c, runtime.url, c.warmCalls);
      const mockLog = mock.requests();
      const runtimeLog = parseRuntimeHttpLog(readFileSync(httpLog, 'utf8'), httpLog);
      const { script: _script, ...described } = c;
      return {
        case: described,
        first: summarizePhase({ ...first, mockLog, runtimeLog }),
        warm: summarizePhase({ ...warm, mockLog, runtimeLog }),
      };
    } finally {
      await runtime.stop();
    }
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}
