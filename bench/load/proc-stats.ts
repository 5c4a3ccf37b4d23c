// Process resource figures from /proc (Linux): CPU seconds, resident memory now and at its peak.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds used so far by `pid` (its threads included). */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks(); // utime, stime (fields 14, 15)
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (m === null) throw new Error(`${field} not found for pid ${pid}`);
  return Number(m[1]);
}

/** Resident set size now, MiB. */
export const rssMiB = (pid: number): number => statusKb(pid, 'VmRSS') / 1024;
/** Peak resident set size since the process started (VmHWM), MiB. */
export const peakRssMiB = (pid: number): number => statusKb(pid, 'VmHWM') / 1024;

/** 1-minute load average. */
export const load1 = (): number => loadavg()[0]!;
