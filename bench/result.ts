// Everything one benchmark run measured: what --json prints and the tables are made from.
import type { CallCaseResult } from './call-bench';
import type { Machine } from './machine';
import type { ModuleLoadResult } from './module-load';

export interface BenchResult {
  machine: Machine;
  settings: { warmCalls: number; hangCalls: number; loadRuns: number };
  calls: CallCaseResult[];
  moduleLoad: ModuleLoadResult[];
  /** How long the whole run took. */
  seconds: number;
}
