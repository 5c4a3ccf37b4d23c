// Starts real etcd or tsetcd clusters (1..n members) on loopback with identical flags, data dirs under one
// root (one disk for both systems), logs to files beside them. Used by bench/compare.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from '../../test/cluster/helpers.ts';
import { ETCD_BIN } from '../../test/compat/proto-etcd-process.ts';
import { cpuSeconds, peakRssMiB, rssMiB } from './proc-stats.ts';
import { freshDist } from '../../bin/dist.mjs';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';

export const SYSTEMS = ['etcd', 'tsetcd'] as const;
export type System = (typeof SYSTEMS)[number];

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSETCD_BIN = join(REPO_ROOT, 'bin/tsetcd.mjs');

/**
 * How tsetcd runs in the bench: as a user runs it after `npm ci`, with node's NODE_FLAGS (which the bin's sh
 * header and `npm start` give), from the compiled dist/ (built here first when missing or older than src/;
 * the members then get TSETCD_RUN=dist so they can never fall back to tsx unnoticed). TSETCD_RUN=src in the
 * bench's environment runs the sources through tsx instead.
 */
let tsetcdRun: 'dist' | 'src' | undefined;
function tsetcdRunMode(): 'dist' | 'src' {
  if (tsetcdRun !== undefined) return tsetcdRun;
  if (process.env['TSETCD_RUN'] === 'src') return (tsetcdRun = 'src');
  const fresh = (): boolean => freshDist('cmd/tsetcd.js').file !== undefined;
  if (!fresh()) {
    process.stderr.write('bench: building dist/ (npm run build) so that tsetcd runs compiled\n');
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (b.status !== 0 || !fresh()) throw new Error('bench: could not build an up-to-date dist/');
  }
  return (tsetcdRun = 'dist');
}

export interface ClusterOptions {
  system: System;
  members: number;
  /** Parent dir of the members' data dirs and logs (removed on stop unless keepData). */
  root: string;
  /** tsetcd only: write a V8 CPU profile per member into this dir (`node --cpu-prof`), on exit. */
  cpuProfDir?: string;
  /** Extra etcd flags for every member, e.g. { 'snapshot-count': '10000' }. */
  flags?: Readonly<Record<string, string>>;
  readyTimeoutMs?: number;
}

export interface Member {
  readonly name: string;
  readonly pid: number;
  readonly clientAddr: string;
  readonly logFile: string;
  readonly child: ChildProcess;
}

export interface Cluster {
  readonly system: System;
  readonly members: readonly Member[];
  /** `host:port` of every member's client listener. */
  readonly endpoints: string[];
  /** CPU seconds used so far by all members together. */
  cpuSeconds(): number;
  /** Largest resident set of any member, now / at its peak, MiB. */
  rssMiB(): number;
  peakRssMiB(): number;
  /** SIGTERM every member (SIGKILL after 15 s) and remove the data unless told to keep it. */
  stop(keepData?: boolean): Promise<void>;
}

/** The flags both systems get: etcd's defaults except loopback URLs, a fresh cluster token and warn logs. */
export function memberFlags(
  system: System,
  members: number,
  i: number,
  ports: number[],
  root: string,
): Record<string, string> {
  const name = `${system}-${i}`;
  const client = `http://127.0.0.1:${ports[2 * i]}`;
  const peer = `http://127.0.0.1:${ports[2 * i + 1]}`;
  const cluster = Array.from(
    { length: members },
    (_, j) => `${system}-${j}=http://127.0.0.1:${ports[2 * j + 1]}`,
  );
  return {
    name,
    'data-dir': join(root, name),
    'listen-client-urls': client,
    'advertise-client-urls': client,
    'listen-peer-urls': peer,
    'initial-advertise-peer-urls': peer,
    'initial-cluster': cluster.join(','),
    'initial-cluster-token': `bench-${system}-${ports[0]}`,
    'initial-cluster-state': 'new',
    logger: 'zap',
    'log-level': 'warn',
  };
}

async function healthy(clientAddr: string): Promise<boolean> {
  try {
    const r = await fetch(`http://${clientAddr}/health`, { signal: AbortSignal.timeout(2000) });
    const body = (await r.json()) as { health?: string };
    return r.ok && body.health === 'true';
  } catch {
    return false;
  }
}

/**
 * The endpoints with the leader's first (the rest in their order), so that the scenarios' first connection
 * (the putter of the watch scenarios) reaches the leader in both systems, whichever member won the election.
 * Asks each member's JSON gateway for its status (etcd 3.4 and tsetcd both serve /v3/maintenance/status).
 * Unchanged, and no leader, if no member says it leads.
 */
export async function leaderFirst(
  endpoints: readonly string[],
): Promise<{ endpoints: string[]; leader?: string }> {
  for (let i = 0; i < endpoints.length; i++) {
    try {
      const r = await fetch(`http://${endpoints[i]}/v3/maintenance/status`, {
        method: 'POST',
        body: '{}',
        signal: AbortSignal.timeout(2000),
      });
      const st = (await r.json()) as { header?: { member_id?: string }; leader?: string };
      if (r.ok && st.leader !== undefined && st.leader !== '0' && st.header?.member_id === st.leader)
        return { endpoints: [endpoints[i]!, ...endpoints.filter((_, j) => j !== i)], leader: endpoints[i]! };
    } catch {
      // this member does not answer: try the next
    }
  }
  return { endpoints: [...endpoints] };
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  mkdirSync(o.root, { recursive: true });
  const ports = await freePorts(2 * o.members);
  const members: Member[] = [];
  const onExit = (): void => {
    for (const m of members) m.child.kill('SIGKILL');
  };
  process.on('exit', onExit);
  const env = o.system === 'tsetcd' ? { ...process.env, TSETCD_RUN: tsetcdRunMode() } : process.env;
  for (let i = 0; i < o.members; i++) {
    const flags = { ...memberFlags(o.system, o.members, i, ports, o.root), ...o.flags };
    const args = Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v]);
    const logFile = join(o.root, `${flags.name}.log`);
    const log = openSync(logFile, 'a');
    const child =
      o.system === 'etcd'
        ? spawn(ETCD_BIN, args, { stdio: ['ignore', log, log] })
        : spawn(
            process.execPath,
            [
              ...NODE_FLAGS,
              ...(o.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', o.cpuProfDir] : []),
              TSETCD_BIN,
              ...args,
            ],
            { cwd: REPO_ROOT, env, stdio: ['ignore', log, log] },
          );
    closeSync(log);
    members.push({
      name: flags.name!,
      pid: child.pid!,
      clientAddr: new URL(flags['listen-client-urls']!).host,
      logFile,
      child,
    });
  }
  const alive = (m: Member): boolean => m.child.exitCode === null && m.child.signalCode === null;
  const stop = async (keepData = false): Promise<void> => {
    await Promise.all(
      members.map(async (m) => {
        if (!alive(m)) return;
        const exited = new Promise((r) => m.child.once('exit', r));
        m.child.kill('SIGTERM');
        const t = setTimeout(() => m.child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(t);
      }),
    );
    process.off('exit', onExit);
    if (!keepData) for (const m of members) rmSync(join(o.root, m.name), { recursive: true, force: true });
  };
  const deadline = Date.now() + (o.readyTimeoutMs ?? 30_000);
  for (;;) {
    const dead = members.find((m) => !alive(m));
    if (dead !== undefined) {
      await stop();
      throw new Error(
        `${dead.name} exited during start:\n${readFileSync(dead.logFile, 'utf8').slice(-4000)}`,
      );
    }
    if ((await Promise.all(members.map((m) => healthy(m.clientAddr)))).every(Boolean)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${o.system} cluster of ${o.members} not healthy in time`);
    }
    await sleep(200);
  }
  return {
    system: o.system,
    members,
    endpoints: members.map((m) => m.clientAddr),
    cpuSeconds: () => members.reduce((a, m) => a + cpuSeconds(m.pid), 0),
    rssMiB: () => Math.max(...members.map((m) => rssMiB(m.pid))),
    peakRssMiB: () => Math.max(...members.map((m) => peakRssMiB(m.pid))),
    stop,
  };
}
