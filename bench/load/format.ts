// Human-readable output of load results, and parsing of the flag values they share.
import type { LoadResult } from './options.ts';

/** `5s`, `500ms`, `2m` or a bare number of seconds → milliseconds. */
export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s.trim());
  if (m === null) throw new Error(`bad duration ${s} (e.g. 5s, 500ms, 1m)`);
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
}

export const fmtNum = (n: number): string =>
  n >= 100 ? Math.round(n).toLocaleString('en-US') : n >= 10 ? n.toFixed(1) : n.toFixed(2);

export const fmtMs = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);

export function formatResult(r: LoadResult): string {
  const l = r.latency;
  const unit = r.scenario.startsWith('watch') ? 'events' : 'ops';
  const lines = [
    `${r.label}: ${fmtNum(r.opsPerSec)} ${unit}/s (${r.ops} ${unit} in ${r.elapsedS.toFixed(2)} s, ${r.errors} errors)`,
    `  latency ms: mean ${fmtMs(l.meanMs)}  p50 ${fmtMs(l.p50Ms)}  p90 ${fmtMs(l.p90Ms)}  p99 ${fmtMs(l.p99Ms)}` +
      `  p99.9 ${fmtMs(l.p999Ms)}  max ${fmtMs(l.maxMs)}`,
    `  load generator: ${r.workers} workers, ${r.clientCpuS.toFixed(2)} CPU s (${r.clientCores.toFixed(2)} cores)`,
  ];
  if (r.puts !== undefined) lines.push(`  puts: ${r.puts} (${fmtNum(r.puts / r.elapsedS)}/s)`);
  for (const e of r.errorSamples) lines.push(`  error: ${e}`);
  return lines.join('\n');
}
