// tsetcd next to real etcd 3.4 on this machine: the same scenario matrix against fresh clusters of each, with
// the same flags, data on the same disk, alternating A B A B over rounds. Prints tsetcd/etcd ratios and, for
// a full run, rewrites docs/PERFORMANCE.md and its chart.
//
//   npm run bench:compare                                  # everything: 1 and 3 members, 2 rounds
//   npm run bench:compare -- --scenarios put,range --members 1 --rounds 2 --duration 5s
//   npm run bench:compare -- --systems tsetcd --scenarios put --cpu-prof /tmp/prof   # profile tsetcd
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Command } from 'commander';
import { addLoadFlags, optionsFromFlags, type LoadFlags } from './load/cli.ts';
import { REPO_ROOT, SYSTEMS, leaderFirst, startCluster, type System } from './load/cluster.ts';
import { measureDiskSync } from './load/disk.ts';
import { formatResult, parseDuration } from './load/format.ts';
import type { LoadOptions } from './load/options.ts';
import {
  keptNotesOf,
  markdown,
  svgChart,
  textTable,
  type CompareData,
  type Sample,
  type ServerSample,
} from './load/report.ts';
import { LoadPool } from './load/runner.ts';
import { DEFAULT_IDS, MATRIX, selectIds } from './load/matrix.ts';
import { NODE_FLAGS } from '../bin/node-flags.mjs';

const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

interface Flags extends LoadFlags {
  scenarios: string[];
  members: string[];
  rounds: number;
  duration: number;
  systems: string[];
  dataDir: string;
  out?: string;
  write: boolean;
  json?: string;
  cpuProf?: string;
  pause: number;
}

function machine(): Pick<
  CompareData['info'],
  'cpuModel' | 'cores' | 'memGiB' | 'kernel' | 'node' | 'nodeFlags' | 'etcdVersion' | 'commit'
> {
  const sh = (cmd: string, args: string[]): string => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', cwd: REPO_ROOT }).trim();
    } catch {
      return '?';
    }
  };
  const dirty =
    sh('git', ['status', '--porcelain', '--untracked-files=no']) !== '' ? ' + uncommitted changes' : '';
  return {
    cpuModel: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    memGiB: totalmem() / 2 ** 30,
    kernel: release(),
    node: process.version,
    nodeFlags: NODE_FLAGS,
    etcdVersion: sh('/usr/bin/etcd', ['--version']).split('\n')[0] ?? '?',
    commit: sh('git', ['rev-parse', '--short', 'HEAD']) + dirty,
  };
}

/** Unmeasured load before each scenario's measurement (the load CLI's default is 1 s). */
const COMPARE_WARMUP_MS = 3000;

async function main(): Promise<void> {
  const program = addLoadFlags(
    new Command('bench:compare')
      .description('tsetcd vs real etcd 3.4, scenario by scenario, on this machine')
      .option(
        '--scenarios <list>',
        `matrix entries or scenario names (${Object.keys(MATRIX).join(', ')})`,
        list,
        DEFAULT_IDS,
      )
      .option('--members <list>', 'cluster sizes', list, ['1', '3'])
      .option('--rounds <n>', 'rounds (each: every system once, in order)', Number, 2)
      .option('--duration <d>', 'measured time per scenario', parseDuration, 5000)
      .option('--systems <list>', 'systems, in run order', list, [...SYSTEMS])
      .option('--data-dir <dir>', 'parent of the data dirs (one disk for both)', tmpdir())
      .option('--out <file>', 'write the report page here (default: docs/PERFORMANCE.md for a full run)')
      .option('--no-write', 'write no report page')
      .option('--json <file>', 'also write the raw results as JSON')
      .option('--cpu-prof <dir>', 'start tsetcd members with node --cpu-prof, profiles into <dir>')
      .option('--pause <d>', 'idle time between scenarios', parseDuration, 1000),
    // Steady state is what a long-running member serves: tsetcd's JIT needs a few seconds of a new kind of
    // load (the first write scenario after the reads, say) before its code is optimized. Start-up is
    // reported on its own (start until healthy).
    COMPARE_WARMUP_MS,
  );
  program.parse();
  const f = program.opts<Flags>();
  const ids = selectIds(f.scenarios);
  const membersList = f.members.map(Number);
  const systems = f.systems as System[];
  for (const s of systems)
    if (!(SYSTEMS as readonly string[]).includes(s)) throw new Error(`unknown system ${s}`);
  if (membersList.some((m) => !Number.isInteger(m) || m < 1)) throw new Error('--members: positive integers');
  const full =
    ids.join() === DEFAULT_IDS.join() &&
    membersList.includes(1) &&
    membersList.includes(3) &&
    f.rounds >= 2 &&
    systems.length === 2;
  const outFile = !f.write ? null : (f.out ?? (full ? join(REPO_ROOT, 'docs/PERFORMANCE.md') : null));

  const root = mkdtempSync(join(f.dataDir, 'tsetcd-bench-'));
  if (f.cpuProf) mkdirSync(f.cpuProf, { recursive: true });
  process.on('SIGINT', () => process.exit(130)); // 'exit' hooks kill the servers
  const log = (s: string): void => void process.stdout.write(`${s}\n`);
  const loadStart = loadavg();
  log(`load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}; data under ${root}`);
  const diskStart = measureDiskSync(root);
  log(
    `disk: ${diskStart.syncsPerSec.toFixed(0)} write+fdatasync/s (p99 ${diskStart.latency.p99Ms.toFixed(2)} ms)`,
  );

  const pool = await LoadPool.start(f.workers);
  const samples: Sample[] = [];
  const servers: ServerSample[] = [];
  try {
    for (const members of membersList) {
      for (let round = 0; round < f.rounds; round++) {
        for (const system of systems) {
          const t0 = performance.now();
          const cluster = await startCluster({
            system,
            members,
            root,
            ...(system === 'tsetcd' && f.cpuProf ? { cpuProfDir: f.cpuProf } : {}),
          });
          const startS = (performance.now() - t0) / 1000;
          try {
            await sleep(1000);
            const idleRssMiB = cluster.rssMiB();
            let { endpoints, leader } = await leaderFirst(cluster.endpoints);
            let leaderChanges = 0;
            log(
              `\n== ${system}, ${members} member(s), round ${round + 1}: healthy in ${startS.toFixed(1)} s, RSS ${idleRssMiB.toFixed(0)} MiB` +
                (members > 1 ? `, leader ${leader ?? 'unknown (endpoints in start order)'}` : ''),
            );
            for (const id of ids) {
              if (members > 1) {
                // Asked again before each scenario: a leader change mid-round would otherwise go unnoticed.
                const now = await leaderFirst(cluster.endpoints);
                if (now.leader !== leader) {
                  log(`  leader changed before ${id}: ${leader ?? 'unknown'} -> ${now.leader ?? 'unknown'}`);
                  leaderChanges++;
                  ({ endpoints, leader } = now);
                }
              }
              const o: LoadOptions = {
                ...optionsFromFlags(f, MATRIX[id]!.scenario, endpoints),
                ...MATRIX[id],
                total: null,
                durationMs: f.duration,
              };
              // Server CPU over the measured window only (not the setup nor the warm-up).
              let cpu0 = NaN;
              let cpu1 = NaN;
              const result = await pool.run(o, {
                start: () => (cpu0 = cluster.cpuSeconds()),
                end: () => (cpu1 = cluster.cpuSeconds()),
              });
              const serverCpuS = cpu1 - cpu0;
              samples.push({ members, round, system, id, result, serverCpuS });
              log(`${formatResult({ ...result, label: id })}\n  server CPU: ${serverCpuS.toFixed(2)} s`);
              await sleep(f.pause);
            }
            servers.push({
              members,
              round,
              system,
              idleRssMiB,
              peakRssMiB: cluster.peakRssMiB(),
              startS,
              ...(leader !== undefined ? { leader } : {}),
              leaderChanges,
            });
          } finally {
            await cluster.stop();
          }
        }
      }
    }
  } finally {
    await pool.close();
  }
  const diskEnd = measureDiskSync(root);
  const loadEnd = loadavg();
  rmSync(root, { recursive: true, force: true });

  const data: CompareData = {
    info: {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      command: `npm run bench:compare${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      ...machine(),
      loadStart,
      loadEnd,
      diskStart,
      diskEnd,
      durationMs: f.duration,
      warmupMs: f.warmup,
      rounds: f.rounds,
      clients: f.clients,
      conns: f.conns,
      workers: f.workers,
      dataRoot: f.dataDir,
    },
    ids,
    membersList,
    samples,
    servers,
  };
  log('');
  for (const m of membersList) log(`${textTable(data, m)}\n`);
  log(
    `load average at end ${loadEnd.map((x) => x.toFixed(2)).join(' ')}; disk ${diskEnd.syncsPerSec.toFixed(0)} syncs/s`,
  );
  if (f.json) writeFileSync(f.json, JSON.stringify(data, null, 1));
  if (outFile !== null) {
    // The chart goes beside the page: docs/performance.svg for the default page, `<out>.svg` for another.
    const defaultPage = join(REPO_ROOT, 'docs/PERFORMANCE.md');
    const chart =
      resolve(outFile) === defaultPage
        ? join(REPO_ROOT, 'docs/performance.svg')
        : `${resolve(outFile).replace(/\.md$/i, '')}.svg`;
    writeFileSync(chart, svgChart(data));
    const kept = existsSync(outFile) ? keptNotesOf(readFileSync(outFile, 'utf8')) : null;
    writeFileSync(outFile, markdown(data, relative(join(outFile, '..'), chart), kept));
    log(`wrote ${relative(REPO_ROOT, outFile)} and ${relative(REPO_ROOT, chart)}`);
  } else if (f.write) {
    log('(a subset run: no report page written; pass --out <file> to write one)');
  }
}

main().catch((e: Error) => {
  process.stderr.write(`${e.stack ?? e.message}\n`);
  process.exit(1);
});
