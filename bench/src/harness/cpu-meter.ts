// CPU time over a measurement: each service process's, the harness's own, and the whole machine's
// (PostgreSQL, NATS and everyone else included), read from /proc.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { ServiceProcess } from './service-process';

/** Clock ticks in /proc are USER_HZ, which Linux fixes at 100 for user space. */
const TICKS_PER_SECOND = 100;

/** utime + stime of a process so far, in seconds (fields 14 and 15 of /proc/<pid>/stat). */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** The whole machine's busy CPU time so far, every process and core (idle and iowait are not busy). */
function machineCpuSeconds(): number {
  try {
    const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return (ticks.reduce((a, b) => a + b, 0) - ticks[3]! - (ticks[4] ?? 0)) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** CPU time used between two readings: by each service process, the harness, and the whole machine. */
export interface CpuReading {
  wallSeconds: number;
  services: { name: string; seconds: number }[];
  harnessSeconds: number;
  /** Every process on the machine, PostgreSQL and NATS included, across all cores. */
  machineSeconds: number;
}

/** Starts a CPU meter over these processes; calling the result reads what they used since. */
export function cpuMeter(processes: ServiceProcess[]): () => CpuReading {
  const started = performance.now();
  const harnessBefore = process.cpuUsage();
  const before = processes.map((p) => p.cpuSeconds());
  const machineBefore = machineCpuSeconds();
  return () => {
    const harness = process.cpuUsage(harnessBefore);
    return {
      wallSeconds: (performance.now() - started) / 1000,
      services: processes.map((p, i) => ({ name: p.name, seconds: p.cpuSeconds() - before[i]! })),
      harnessSeconds: (harness.user + harness.system) / 1e6,
      machineSeconds: machineCpuSeconds() - machineBefore,
    };
  };
}

/** Each process's share in % of one core, and how busy the machine was. */
export function formatCpuShares(reading: CpuReading): string {
  const pct = (seconds: number) => `${Math.round((seconds / reading.wallSeconds) * 100)} %`;
  const busy = reading.machineSeconds / reading.wallSeconds / availableParallelism();
  return [
    ...reading.services.map((s) => `${s.name} ${pct(s.seconds)}`),
    `harness ${pct(reading.harnessSeconds)}`,
    `whole machine ${Math.round(busy * 100)} % busy (all ${availableParallelism()} cores, every process incl. PostgreSQL and other users)`,
  ].join(', ');
}

/**
 * CPU per unit of work (an answered request, an event) in ms: the services' own, each, and the
 * whole machine's, which adds PostgreSQL, NATS and the load generator. Steadier than a rate on a
 * shared machine, and what capacity is made of: N per second on C cores leaves 1000·C/N ms each.
 */
export function formatCpuPerUnit(reading: CpuReading, units: number): string {
  if (units <= 0) return 'none answered';
  const ms = (seconds: number) => ((seconds * 1000) / units).toFixed(1);
  const services = reading.services.reduce((sum, s) => sum + s.seconds, 0);
  const each = reading.services
    .filter((s) => s.seconds * 1000 >= units * 0.05)
    .map((s) => `${s.name} ${ms(s.seconds)}`)
    .join(', ');
  return `services ${ms(services)} (${each}), whole machine ${ms(reading.machineSeconds)}`;
}
