import type { TraceSettings } from '../config/config';
import type { CallTrace, TraceStage } from '../core/trace';
import { readSyncDocument, writeSyncDocument } from '../trace/sync-documents';
import { withDeadline } from './deadline';
import { describeError, type Logger } from './log';

/** A call's trace outlives the call by far: /call-status is requested at its end. */
const TRACE_TTL_SECONDS = 6 * 60 * 60;

const STAGES: readonly TraceStage[] = ['menu', 'team-chosen', 'voicemail', 'message', 'answered', 'screened', 'ended'];
const INCIDENT_STATES: ReadonlyArray<CallTrace['incident']> = ['open', 'texted', 'not-open'];

/** Where the functions keep each call's trace: one small Twilio Sync Document per call. */
export interface TraceStore {
  read(callSid: string, signal: AbortSignal): Promise<CallTrace | undefined>;
  write(callSid: string, trace: CallTrace, signal: AbortSignal): Promise<void>;
}

export function createTraceStore(settings: TraceSettings | undefined): TraceStore | undefined {
  if (!settings) return undefined;
  const name = (callSid: string): string => `call-trace-${callSid}`;
  return {
    async read(callSid, signal) {
      const data = await readSyncDocument(settings, name(callSid), signal);
      return data === undefined ? undefined : parseTrace(data);
    },
    write: (callSid, trace, signal) =>
      writeSyncDocument(settings, name(callSid), { ...trace }, TRACE_TTL_SECONDS, signal),
  };
}

/**
 * Records the trace within `ms`. A failure is logged, never thrown: the call goes on, and only
 * /call-status loses what this write would have told it.
 */
export async function recordTrace(
  store: TraceStore | undefined,
  callSid: string,
  trace: CallTrace | undefined,
  ms: number,
  log: Logger,
): Promise<void> {
  if (!store || !trace || !callSid) return;
  try {
    await withDeadline(Math.max(ms, 1), 'call trace', (signal) => store.write(callSid, trace, signal));
  } catch (error) {
    log.warn('Could not record the call trace; /call-status will know less of this call', {
      stage: trace.stage,
      error: describeError(error),
    });
  }
}

/** A trace as stored; anything else (an older layout, a hand-edited document) reads as none. */
function parseTrace(data: Record<string, unknown>): CallTrace | undefined {
  const { caller, team, teamRef, stage, incident, answered, afterHours } = data;
  if (typeof caller !== 'string' || typeof answered !== 'boolean') return undefined;
  if (!STAGES.includes(stage as TraceStage) || !INCIDENT_STATES.includes(incident as CallTrace['incident'])) {
    return undefined;
  }
  return {
    caller,
    ...(typeof team === 'string' ? { team } : {}),
    ...(typeof teamRef === 'string' ? { teamRef } : {}),
    stage: stage as TraceStage,
    incident: incident as CallTrace['incident'],
    answered,
    ...(typeof afterHours === 'string' ? { afterHours } : {}),
  };
}
