// Collects events and requests as the call runs and turns them into a CallReport.
import type { ApplicationErrorInfo, CallReport, EndReason, HttpExchange, TranscriptEvent } from './call-report';

export type EventListener = (event: TranscriptEvent) => void;

export class ReportRecorder {
  readonly events: TranscriptEvent[] = [];
  readonly requests: HttpExchange[] = [];
  readonly applicationErrors: ApplicationErrorInfo[] = [];
  readonly dialled: string[] = [];
  bridgedTo: string | null = null;
  /** The hop whose response held the first <Dial>. */
  firstDialHop: number | null = null;

  constructor(private readonly listener?: EventListener) {}

  add(event: TranscriptEvent): void {
    this.events.push(event);
    this.listener?.(event);
  }

  addRequest(exchange: Omit<HttpExchange, 'seq'>): HttpExchange {
    const recorded: HttpExchange = { seq: this.requests.length + 1, ...exchange };
    this.requests.push(recorded);
    return recorded;
  }

  applicationError(error: ApplicationErrorInfo): void {
    this.applicationErrors.push(error);
    this.add({ type: 'application-error', ...error });
  }

  noteFirstDial(hop: number): void {
    if (this.firstDialHop === null) this.firstDialHop = hop;
  }

  build(fields: {
    callSid: string;
    accountSid: string;
    from: string;
    to: string;
    entryUrl: string;
    startedAtMs: number;
    endReason: EndReason;
    maxHopsExceeded: boolean;
    hops: number;
    wallClockMs: number;
    simulatedCallSeconds: number;
  }): CallReport {
    const hopRequests = this.requests.filter((request) => request.isHop);
    const sum = (requests: HttpExchange[]): number =>
      Math.round(requests.reduce((total, request) => total + request.ms, 0) * 10) / 10;
    const firstDialHop = this.firstDialHop;
    const outcome = fields.maxHopsExceeded
      ? 'max-hops-exceeded'
      : this.applicationErrors.length > 0
        ? 'application-error'
        : 'completed';
    return {
      callSid: fields.callSid,
      accountSid: fields.accountSid,
      from: fields.from,
      to: fields.to,
      entryUrl: fields.entryUrl,
      startedAt: new Date(fields.startedAtMs).toISOString(),
      startedAtMs: fields.startedAtMs,
      outcome,
      endReason: fields.endReason,
      events: this.events,
      dialled: this.dialled,
      bridgedTo: this.bridgedTo,
      requests: this.requests,
      applicationErrors: this.applicationErrors,
      timing: {
        hops: fields.hops,
        hopsToFirstDial: firstDialHop,
        msToFirstDial: firstDialHop === null ? null : sum(hopRequests.slice(0, firstDialHop)),
        totalRequestMs: sum(this.requests),
        requestMs: this.requests.map((request) => request.ms),
        wallClockMs: Math.round(fields.wallClockMs),
        simulatedCallSeconds: Math.round(fields.simulatedCallSeconds),
      },
    };
  }
}
