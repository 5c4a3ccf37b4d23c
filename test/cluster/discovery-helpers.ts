// Shared pieces of the discovery process tests: real etcd 3.4 processes (the discovery service, and
// members for side-by-side comparisons) and tsetcd members started with discovery flags.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { spawnTsetcd, type TsetcdProcess } from '../server/tsetcd-process.ts';
import { freePorts } from './ports.ts';

/** Polls `cond` until true; throws after `ms`. */
export { waitFor } from './process-helpers.ts';

export const ETCD = '/usr/bin/etcd';
export const haveEtcd = existsSync(ETCD) && existsSync('/usr/bin/etcdctl');

export interface Proc {
  /** Everything printed so far. */
  log(): string;
  exited: Promise<number | string>;
  alive(): boolean;
  kill(): Promise<void>;
}

/** Spawns a real etcd with `--flag=value` arguments; killed when the test process exits. */
export function spawnEtcd(flags: Record<string, string>): Proc {
  const child = spawn(
    ETCD,
    Object.entries(flags).map(([k, v]) => `--${k}=${v}`),
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-65536)));
  child.stderr.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-65536)));
  const onExit = (): void => void child.kill('SIGKILL');
  process.on('exit', onExit);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, sig) => {
      process.off('exit', onExit);
      resolve(code ?? sig ?? -1);
    }),
  );
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  return {
    log: () => out,
    exited,
    alive,
    kill: async () => {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface Service {
  clientUrl: string;
  /** host:port */
  clientAddr: string;
  stop(): Promise<void>;
}

/** A single-member real etcd 3.4 with the v2 API on: the discovery service. */
export async function startEtcdService(root: string): Promise<Service> {
  const [client, peer] = await freePorts(2);
  const clientUrl = `http://127.0.0.1:${client}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  const p = spawnEtcd({
    name: 'disco',
    'data-dir': join(root, 'disco.etcd'),
    'enable-v2': 'true',
    'listen-client-urls': clientUrl,
    'advertise-client-urls': clientUrl,
    'listen-peer-urls': peerUrl,
    'initial-advertise-peer-urls': peerUrl,
    'initial-cluster': `disco=${peerUrl}`,
  });
  await waitHealthy(clientUrl, p);
  return { clientUrl, clientAddr: `127.0.0.1:${client}`, stop: p.kill };
}

/** Waits until `/health` says true; throws with the process output if it exits or never gets there. */
export async function waitHealthy(
  clientUrl: string,
  p: Pick<Proc, 'alive' | 'log'>,
  ms = 90_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!p.alive()) throw new Error(`exited before it was healthy:\n${p.log()}`);
    try {
      const r = await fetch(`${clientUrl}/health`, { signal: AbortSignal.timeout(2000) });
      const body = (await r.json()) as { health?: string };
      if (body.health === 'true') return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`not healthy after ${ms} ms:\n${p.log()}`);
    await sleep(100);
  }
}

export interface MemberPorts {
  name: string;
  client: number;
  peer: number;
}

export async function memberPorts(names: string[]): Promise<MemberPorts[]> {
  const ports = await freePorts(2 * names.length);
  return names.map((name, i) => ({ name, client: ports[2 * i]!, peer: ports[2 * i + 1]! }));
}

/** The member flags both etcd and tsetcd take, plus the given discovery flags. */
export function memberFlags(
  m: MemberPorts,
  dataDir: string,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    name: m.name,
    'data-dir': dataDir,
    'listen-client-urls': `http://127.0.0.1:${m.client}`,
    'advertise-client-urls': `http://127.0.0.1:${m.client}`,
    'listen-peer-urls': `http://127.0.0.1:${m.peer}`,
    'initial-advertise-peer-urls': `http://127.0.0.1:${m.peer}`,
    'heartbeat-interval': '50',
    'election-timeout': '500',
    ...extra,
  };
}

export function tsetcdMember(flags: Record<string, string>): TsetcdProcess {
  return spawnTsetcd(Object.entries(flags).map(([k, v]) => `--${k}=${v}`));
}

export const asProc = (p: TsetcdProcess): Proc => ({
  log: p.log,
  exited: p.exited,
  alive: () => p.child.exitCode === null && p.child.signalCode === null,
  kill: p.kill,
});

/** The error a tsetcd start-up failed with (its "failed to start" log line). */
export function tsetcdStartError(log: string): string | undefined {
  for (const line of log.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const o = JSON.parse(line) as { msg?: string; err?: string };
      if (o.msg === 'failed to start') return o.err;
    } catch {
      // not a log line
    }
  }
  return undefined;
}

/** The reason in etcd's "failed to join discovery cluster (<reason>)" line. */
export function etcdJoinError(log: string): string | undefined {
  return /failed to join discovery cluster \(.*\)$/m.exec(log)?.[0];
}

export function tempRoot(prefix: string): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), prefix));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
