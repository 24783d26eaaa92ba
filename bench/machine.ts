// The machine the figures were measured on, printed above them.
import { arch, cpus, loadavg, platform } from 'node:os';

export interface Machine {
  node: string;
  cpu: string;
  cores: number;
  platform: string;
  /** 1, 5 and 15 minute load averages when the benchmark started: other work skews the figures. */
  loadAverage: number[];
}

export function describeMachine(): Machine {
  const processors = cpus();
  return {
    node: process.version,
    cpu: processors[0]?.model.trim() || 'unknown CPU',
    cores: processors.length,
    platform: `${platform()} ${arch()}`,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  };
}
