// bench:compare's results: per-scenario tsetcd/etcd ratios (medians over rounds, with the spread of the
// per-round ratios), as a terminal table, docs/PERFORMANCE.md and an SVG chart.
import type { System } from './cluster.ts';
import type { DiskSyncRate } from './disk.ts';
import { fmtMs, fmtNum } from './format.ts';
import type { LoadResult } from './options.ts';

export interface Sample {
  members: number;
  round: number;
  system: System;
  /** Matrix entry, e.g. `range-prefix-s`. */
  id: string;
  result: LoadResult;
  /** CPU seconds of all members during the scenario (setup and warm-up included). */
  serverCpuS: number;
}

export interface ServerSample {
  members: number;
  round: number;
  system: System;
  /** Largest member's RSS after start, before any load / its peak (VmHWM) after the last scenario. */
  idleRssMiB: number;
  peakRssMiB: number;
  startS: number;
  /** The leader's client endpoint, put first for the scenarios; absent if no member said it leads. */
  leader?: string;
  /** Times the leader was found changed before a scenario (the endpoints were reordered then). */
  leaderChanges?: number;
}

export interface RunInfo {
  date: string;
  command: string;
  cpuModel: string;
  cores: number;
  memGiB: number;
  kernel: string;
  node: string;
  /** node's flags for tsetcd members (bin/node-flags.mjs); absent in runs before they existed. */
  nodeFlags?: readonly string[];
  etcdVersion: string;
  commit: string;
  loadStart: number[];
  loadEnd: number[];
  diskStart: DiskSyncRate;
  diskEnd: DiskSyncRate;
  durationMs: number;
  warmupMs: number;
  rounds: number;
  clients: number;
  conns: number;
  workers: number;
  dataRoot: string;
}

export interface CompareData {
  info: RunInfo;
  ids: string[];
  membersList: number[];
  samples: Sample[];
  servers: ServerSample[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Row {
  id: string;
  members: number;
  etcdOps: number;
  tsOps: number;
  ratio: number;
  ratioMin: number;
  ratioMax: number;
  etcdP99: number;
  tsP99: number;
  p99Ratio: number;
  /** Server CPU µs per operation (all members). */
  etcdCpuUs: number;
  tsCpuUs: number;
  clientCoresMax: number;
  errors: number;
  rounds: number;
}

export function rows(d: CompareData, members: number): Row[] {
  const out: Row[] = [];
  for (const id of d.ids) {
    const of = (sys: System): Sample[] =>
      d.samples.filter((s) => s.members === members && s.id === id && s.system === sys);
    const e = of('etcd');
    const t = of('tsetcd');
    if (e.length === 0 && t.length === 0) continue;
    const perRound: number[] = [];
    for (const te of t) {
      const ee = e.find((x) => x.round === te.round);
      if (ee && ee.result.opsPerSec > 0) perRound.push(te.result.opsPerSec / ee.result.opsPerSec);
    }
    const ops = (xs: Sample[]): number => median(xs.map((x) => x.result.opsPerSec));
    const p99 = (xs: Sample[]): number => median(xs.map((x) => x.result.latency.p99Ms));
    const cpu = (xs: Sample[]): number =>
      median(xs.map((x) => (x.result.ops > 0 ? (x.serverCpuS * 1e6) / x.result.ops : NaN)));
    const all = [...e, ...t];
    out.push({
      id,
      members,
      etcdOps: ops(e),
      tsOps: ops(t),
      ratio: ops(t) / ops(e),
      ratioMin: Math.min(...perRound),
      ratioMax: Math.max(...perRound),
      etcdP99: p99(e),
      tsP99: p99(t),
      p99Ratio: p99(t) / p99(e),
      etcdCpuUs: cpu(e),
      tsCpuUs: cpu(t),
      clientCoresMax: Math.max(...all.map((x) => x.result.clientCores)),
      errors: all.reduce((a, x) => a + x.result.errors, 0),
      rounds: Math.min(e.length, t.length),
    });
  }
  return out;
}

const r2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '–');
const spread = (r: Row): string =>
  Number.isFinite(r.ratioMin) ? `${r2(r.ratioMin)}–${r2(r.ratioMax)}` : '–';
const num = (x: number): string => (Number.isFinite(x) ? fmtNum(x) : '–');
const ms = (x: number): string => (Number.isFinite(x) ? fmtMs(x) : '–');

const HEAD = [
  'scenario',
  'etcd ops/s',
  'tsetcd ops/s',
  'ratio',
  'spread',
  'etcd p99 ms',
  'tsetcd p99 ms',
  'p99 ratio',
  'etcd CPU µs/op',
  'tsetcd CPU µs/op',
  'loadgen cores',
  'errors',
];

function cells(r: Row): string[] {
  return [
    r.id,
    num(r.etcdOps),
    num(r.tsOps),
    r2(r.ratio),
    spread(r),
    ms(r.etcdP99),
    ms(r.tsP99),
    r2(r.p99Ratio),
    num(r.etcdCpuUs),
    num(r.tsCpuUs),
    r.clientCoresMax.toFixed(2),
    String(r.errors),
  ];
}

function memoryCells(d: CompareData, members: number): string[][] {
  const of = (sys: System, f: (s: ServerSample) => number): number =>
    median(d.servers.filter((s) => s.members === members && s.system === sys).map(f));
  const line = (label: string, f: (s: ServerSample) => number, unit: string): string[] => {
    const e = of('etcd', f);
    const t = of('tsetcd', f);
    return [label, `${num(e)} ${unit}`, `${num(t)} ${unit}`, r2(t / e)];
  };
  return [
    line('RSS idle (largest member)', (s) => s.idleRssMiB, 'MiB'),
    line('RSS peak (largest member)', (s) => s.peakRssMiB, 'MiB'),
    line('start until healthy', (s) => s.startS, 's'),
  ];
}

/** Plain-text table for the terminal. */
export function textTable(d: CompareData, members: number): string {
  const body = rows(d, members).map(cells);
  const mem = memoryCells(d, members);
  const all = [HEAD, ...body];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const lines = [
    `${members} member${members > 1 ? 's' : ''} (tsetcd/etcd; median of rounds)`,
    fmt(HEAD),
    ...body.map(fmt),
  ];
  for (const m of mem) lines.push(`${m[0]}: etcd ${m[1]}, tsetcd ${m[2]}, ratio ${m[3]}`);
  return lines.join('\n');
}

function mdTable(head: string[], body: string[][]): string {
  const line = (r: string[]): string => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n');
}

function loadText(l: number[]): string {
  return l.map((x) => x.toFixed(2)).join(' / ');
}

const NOTES_MARK = '<!-- Everything below this line is kept when bench:compare rewrites the page. -->';

/** How the scenarios' endpoints were ordered in the clusters of more than one member. */
function leaderNote(d: CompareData): string {
  const multi = d.servers.filter((s) => s.members > 1);
  if (multi.length === 0) return '';
  const found = multi.filter((s) => s.leader !== undefined).length;
  const changes = multi.reduce((a, s) => a + (s.leaderChanges ?? 0), 0);
  return (
    ` (with more than one member the leader's endpoint comes first, asked again before each scenario, so the ` +
    `watch putter reaches the leader; ` +
    (found === multi.length
      ? `the leader was found in all ${found} such clusters`
      : `the leader was found in ${found} of ${multi.length} such clusters, the others kept the start order`) +
    `, and changed ${changes} time${changes === 1 ? '' : 's'} during the runs)`
  );
}

export function markdown(d: CompareData, chartFile: string | null, keptNotes: string | null): string {
  const i = d.info;
  const out: string[] = [];
  out.push('# Performance: tsetcd next to etcd 3.4');
  out.push('');
  out.push(
    `Generated by \`npm run bench:compare\` on ${i.date} (tsetcd ${i.commit}). Ratios are tsetcd ÷ etcd: ` +
      'above 1 means tsetcd is faster (throughput) or slower (latency, CPU per op). The page is rewritten by each ' +
      'full run; the notes at the end are kept.',
  );
  out.push('');
  out.push('## How it was run');
  out.push('');
  out.push(`- Command: \`${i.command}\``);
  out.push(
    `- Machine: ${i.cpuModel}, ${i.cores} cores, ${i.memGiB.toFixed(0)} GiB RAM, Linux ${i.kernel}, Node ${i.node}, ${i.etcdVersion}.`,
  );
  if (i.nodeFlags !== undefined) {
    out.push(
      `- tsetcd members run as a user's do: \`node ${[...i.nodeFlags, 'bin/tsetcd.mjs'].join(' ')}\` (\`bin/node-flags.mjs\`), ` +
        'etcd with its defaults.',
    );
  }
  out.push(
    `- Noise: the machine is shared. Load average (1/5/15 min) at start ${loadText(i.loadStart)}, at end ${loadText(i.loadEnd)}.`,
  );
  out.push(
    `- Disk (data dirs of both systems under \`${i.dataRoot}\`): ${fmtNum(i.diskStart.syncsPerSec)} ` +
      `${i.diskStart.blockBytes / 1024} KiB write+fdatasync/s at start (p99 ${fmtMs(i.diskStart.latency.p99Ms)} ms), ` +
      `${fmtNum(i.diskEnd.syncsPerSec)}/s at end (p99 ${fmtMs(i.diskEnd.latency.p99Ms)} ms): the ceiling for synced ` +
      'commits (each commit may carry many requests).',
  );
  out.push(
    `- Load: ${i.clients} clients (one request in flight each) over ${i.conns} HTTP/2 connections spread round-robin over ` +
      `the members${leaderNote(d)}, ${i.workers} load generator processes (bench/load, gRPC over node:http2 with pre-encoded frames), ` +
      `${i.warmupMs / 1000} s warm-up then ${i.durationMs / 1000} s measured per scenario, ${i.rounds} rounds ` +
      'alternating etcd and tsetcd (A B A B), a fresh cluster for each system and round, reads first (etcd 3.4 ' +
      'reads slow down after a burst of puts). Keys 8 bytes, values 256 bytes, key space 100,000.',
  );
  out.push(
    '- Watch: 100 watchers on 10 streams watching one prefix; `watch` has 1 putter with one put in flight ' +
      '(ops/s = events delivered per second), `watch-latency` puts 100/s (the figure that matters is the ' +
      'latency from put sent to event received). The putter uses the first connection.',
  );
  out.push(
    '- Columns: ops/s and p99 are medians over rounds; spread = lowest and highest per-round ratio; CPU µs/op = ' +
      'server CPU (all members, /proc/<pid>/stat) in the measured window (no setup, no warm-up) per completed operation; loadgen cores = most CPU the load ' +
      'generator used in any run (of ' +
      `${i.cores} cores; it shares them with the servers).`,
  );
  for (const m of d.membersList) {
    out.push('');
    out.push(`## ${m} member${m > 1 ? 's' : ''}`);
    out.push('');
    out.push(mdTable(HEAD, rows(d, m).map(cells)));
    out.push('');
    out.push(mdTable(['memory / start', 'etcd', 'tsetcd', 'ratio'], memoryCells(d, m)));
  }
  if (chartFile !== null) {
    out.push('');
    out.push(`![throughput ratio tsetcd/etcd per scenario](${chartFile})`);
  }
  out.push('');
  out.push('## Every round');
  out.push('');
  const raw = d.samples.map((s) => [
    String(s.members),
    String(s.round + 1),
    s.system,
    s.id,
    num(s.result.opsPerSec),
    ms(s.result.latency.p50Ms),
    ms(s.result.latency.p90Ms),
    ms(s.result.latency.p99Ms),
    ms(s.result.latency.p999Ms),
    ms(s.result.latency.maxMs),
    s.serverCpuS.toFixed(2),
    s.result.clientCores.toFixed(2),
    String(s.result.errors),
  ]);
  out.push(
    mdTable(
      [
        'members',
        'round',
        'system',
        'scenario',
        'ops/s',
        'p50 ms',
        'p90',
        'p99',
        'p99.9',
        'max',
        'server CPU s',
        'loadgen cores',
        'errors',
      ],
      raw,
    ),
  );
  out.push('');
  out.push(NOTES_MARK + (keptNotes ?? '\n\n## Notes\n'));
  return `${out.join('\n').trimEnd()}\n`;
}

/** The hand-written part of an existing page (after the mark), if any. */
export function keptNotesOf(page: string): string | null {
  const at = page.indexOf(NOTES_MARK);
  return at < 0 ? null : page.slice(at + NOTES_MARK.length);
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Horizontal bars of the throughput ratio per scenario (log scale), one bar per cluster size, with spread. */
export function svgChart(d: CompareData): string {
  const series = d.membersList.map((m) => ({ m, rows: rows(d, m) }));
  const colors = ['#3b6fb6', '#e08a2c', '#5a9e4b'];
  const ratios = series
    .flatMap((s) => s.rows.flatMap((r) => [r.ratio, r.ratioMin, r.ratioMax]))
    .filter((x) => Number.isFinite(x) && x > 0);
  const lo = Math.min(1 / 8, ...ratios) * 0.9;
  const hi = Math.max(2, ...ratios) * 1.1;
  const left = 150;
  const width = 720;
  const plotW = width - left - 30;
  const barH = 12;
  const groupH = series.length * (barH + 2) + 10;
  const top = 50;
  const height = top + d.ids.length * groupH + 50;
  const x = (v: number): number =>
    left + ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * plotW;
  const el: string[] = [];
  el.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
  );
  el.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  el.push(
    `<text x="${left}" y="20" font-size="14" font-weight="bold">Throughput, tsetcd ÷ etcd 3.4 (log scale; whiskers: per-round spread)</text>`,
  );
  const ticks: number[] = [];
  for (let t = 2 ** Math.ceil(Math.log2(lo)); t <= hi; t *= 2) ticks.push(t);
  for (const t of ticks) {
    const strong = t === 1 || t === 0.5;
    el.push(
      `<line x1="${x(t)}" y1="${top - 8}" x2="${x(t)}" y2="${height - 40}" stroke="${strong ? '#888' : '#ddd'}" ${t === 0.5 ? 'stroke-dasharray="4 3"' : ''}/>`,
    );
    el.push(`<text x="${x(t)}" y="${height - 26}" text-anchor="middle">${t >= 1 ? t : `1/${1 / t}`}</text>`);
  }
  d.ids.forEach((id, gi) => {
    const gy = top + gi * groupH;
    el.push(
      `<text x="${left - 8}" y="${gy + groupH / 2}" text-anchor="end" dominant-baseline="middle">${esc(id)}</text>`,
    );
    series.forEach((s, si) => {
      const r = s.rows.find((q) => q.id === id);
      if (r === undefined || !Number.isFinite(r.ratio) || r.ratio <= 0) return;
      const y = gy + si * (barH + 2);
      el.push(
        `<rect x="${x(lo)}" y="${y}" width="${Math.max(1, x(r.ratio) - x(lo))}" height="${barH}" fill="${colors[si % colors.length]}"/>`,
      );
      if (Number.isFinite(r.ratioMin)) {
        const cy = y + barH / 2;
        el.push(`<line x1="${x(r.ratioMin)}" y1="${cy}" x2="${x(r.ratioMax)}" y2="${cy}" stroke="black"/>`);
        for (const v of [r.ratioMin, r.ratioMax])
          el.push(`<line x1="${x(v)}" y1="${cy - 4}" x2="${x(v)}" y2="${cy + 4}" stroke="black"/>`);
      }
      el.push(
        `<text x="${x(Math.max(r.ratio, r.ratioMax || 0)) + 6}" y="${y + barH - 2}" font-size="10">${r.ratio.toFixed(2)}</text>`,
      );
    });
  });
  series.forEach((s, si) => {
    const lx = left + si * 120;
    el.push(
      `<rect x="${lx}" y="${height - 16}" width="12" height="10" fill="${colors[si % colors.length]}"/>`,
    );
    el.push(`<text x="${lx + 16}" y="${height - 7}">${s.m} member${s.m > 1 ? 's' : ''}</text>`);
  });
  el.push(
    `<text x="${width - 30}" y="${height - 7}" text-anchor="end" fill="#666">dashed: 0.5 (floor), solid: 1</text>`,
  );
  el.push('</svg>');
  return `${el.join('\n')}\n`;
}
