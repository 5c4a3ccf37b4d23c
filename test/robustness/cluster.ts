// A 3-member tsetcd cluster of real processes (`node <NODE_FLAGS> bin/tsetcd.mjs`) for fault injection: SIGKILL and
// restart on the same data dir, SIGSTOP/SIGCONT, and network faults through a PeerProxy in front of every
// peer port. Member output goes to one log file per member (appended across restarts).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';
import { Client, toBig, toNum } from '../../src/client/index.ts';
import { deferredFsyncMs, deferredWalMs } from '../../src/server/failpoints.ts';
import { PeerProxy } from './peer-proxy.ts';
import { freePorts } from '../cluster/ports.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSETCD_BIN = join(REPO_ROOT, 'bin/tsetcd.mjs');

export interface ClusterOptions {
  /** Data dirs and logs go under here. */
  dir: string;
  size?: number;
  heartbeatMs?: number;
  electionMs?: number;
  /** Extra flags for every member. */
  extraFlags?: string[];
  /** Extra environment for every member (e.g. TSETCD_FAILPOINTS), on every start unless restart() says otherwise. */
  env?: Record<string, string>;
}

export interface Member {
  readonly name: string;
  readonly clientUrl: string;
  readonly dataDir: string;
  readonly logFile: string;
  child: ChildProcess | undefined;
  paused: boolean;
  /** Should be running: started, and not stopped, killed or crashed on purpose since. */
  expected: boolean;
  /** TSETCD_FAILPOINTS of the running process ('' = none). */
  failpoints: string;
}

export class ProcessCluster {
  readonly members: Member[] = [];
  readonly electionMs: number;
  private args: string[][] = [];
  private exitHook = (): void => {
    for (const m of this.members) m.child?.kill('SIGKILL');
  };

  private constructor(
    readonly opts: ClusterOptions,
    readonly proxy: PeerProxy,
  ) {
    this.electionMs = opts.electionMs ?? 500;
  }

  static async start(opts: ClusterOptions): Promise<ProcessCluster> {
    const size = opts.size ?? 3;
    const ports = await freePorts(3 * size);
    const names = Array.from({ length: size }, (_, i) => `m${i + 1}`);
    const advertise = (i: number): number => ports[3 * i]!;
    const listen = (i: number): number => ports[3 * i + 1]!;
    const clientPort = (i: number): number => ports[3 * i + 2]!;
    const holder: { cluster?: ProcessCluster } = {};
    const proxy = new PeerProxy(
      names.map((name, i) => ({ name, advertisePort: advertise(i), listenPort: listen(i) })),
      (name) => {
        const m = holder.cluster?.members.find((x) => x.name === name);
        return m?.child?.exitCode === null && m.child.signalCode === null ? m.child.pid : undefined;
      },
    );
    const cluster = new ProcessCluster(opts, proxy);
    holder.cluster = cluster;
    await proxy.start();
    const initialCluster = names.map((n, i) => `${n}=http://127.0.0.1:${advertise(i)}`).join(',');
    mkdirSync(opts.dir, { recursive: true });
    for (let i = 0; i < size; i++) {
      const clientUrl = `http://127.0.0.1:${clientPort(i)}`;
      const dataDir = join(opts.dir, `${names[i]}.etcd`);
      cluster.members.push({
        name: names[i]!,
        clientUrl,
        dataDir,
        logFile: join(opts.dir, `${names[i]}.log`),
        child: undefined,
        paused: false,
        expected: false,
        failpoints: '',
      });
      cluster.args.push([
        '--name',
        names[i]!,
        '--data-dir',
        dataDir,
        '--listen-peer-urls',
        `http://127.0.0.1:${listen(i)}`,
        '--initial-advertise-peer-urls',
        `http://127.0.0.1:${advertise(i)}`,
        '--listen-client-urls',
        clientUrl,
        '--advertise-client-urls',
        clientUrl,
        '--initial-cluster',
        initialCluster,
        '--initial-cluster-token',
        `robustness-${advertise(0)}`,
        '--heartbeat-interval',
        String(opts.heartbeatMs ?? 50),
        '--election-timeout',
        String(cluster.electionMs),
        ...(opts.extraFlags ?? []),
      ]);
    }
    process.on('exit', cluster.exitHook);
    for (let i = 0; i < size; i++) cluster.spawn(i);
    // A cluster that does not come up is stopped before the error propagates: no stray members or proxy.
    try {
      await cluster.waitHealthy(60_000);
      // A compaction commits every member's backend, so the membership is on disk before any fault even when
      // the backend commits only on demand (--backend-batch-interval 10m): a member restarted with an empty
      // backend would know no peers to elect a leader with and so never apply its conf changes again.
      const c = new Client({ endpoints: cluster.endpoints, commandTimeoutMs: 5000 });
      try {
        await c.compact((await c.get('start-probe')).header?.revision ?? 1);
      } finally {
        c.close();
      }
      // unsafeAckBeforeWalSave holds WAL writes back: a kill before that commit's entries reach the WAL would
      // leave the backend ahead of it (a member then refuses to start) instead of losing traffic's writes.
      if (opts.env?.TSETCD_FAILPOINTS?.includes('unsafeAckBeforeWalSave')) await sleep(2 * deferredWalMs);
      if (opts.env?.TSETCD_FAILPOINTS?.includes('unsafeAckBeforeFsync')) await sleep(2 * deferredFsyncMs);
    } catch (e) {
      await cluster.stop();
      throw e;
    }
    return cluster;
  }

  get endpoints(): string[] {
    return this.members.map((m) => m.clientUrl);
  }

  isUp(i: number): boolean {
    const c = this.members[i]!.child;
    return c !== undefined && c.exitCode === null && c.signalCode === null;
  }

  private spawn(i: number, env: Record<string, string> = this.opts.env ?? {}): void {
    const m = this.members[i]!;
    const fd = openSync(m.logFile, 'a');
    m.failpoints = env.TSETCD_FAILPOINTS ?? '';
    writeSync(
      fd,
      `--- start ${new Date().toISOString()}${m.failpoints ? ` TSETCD_FAILPOINTS=${m.failpoints}` : ''} ---\n`,
    );
    const childEnv = { ...process.env, ...env };
    if (m.failpoints === '') delete childEnv.TSETCD_FAILPOINTS;
    m.child = spawn(process.execPath, [...NODE_FLAGS, TSETCD_BIN, ...this.args[i]!], {
      cwd: REPO_ROOT,
      stdio: ['ignore', fd, fd],
      env: childEnv,
    });
    closeSync(fd);
    m.paused = false;
    m.expected = true;
  }

  note(i: number, text: string): void {
    const fd = openSync(this.members[i]!.logFile, 'a');
    writeSync(fd, `--- ${new Date().toISOString()} harness: ${text} ---\n`);
    closeSync(fd);
  }

  async kill(i: number): Promise<void> {
    const c = this.members[i]!.child;
    if (c === undefined || !this.isUp(i)) return;
    this.note(i, 'SIGKILL');
    this.members[i]!.expected = false;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  }

  /** SIGKILL to every running member at the same moment (a power cut of the whole cluster). */
  async killAll(): Promise<void> {
    const up = this.members.map((_, i) => i).filter((i) => this.isUp(i));
    for (const i of up) this.note(i, 'SIGKILL (all members at once)');
    const gone = up.map((i) => new Promise((r) => this.members[i]!.child!.once('exit', r)));
    for (const i of up) this.members[i]!.expected = false;
    for (const i of up) this.members[i]!.child!.kill('SIGKILL');
    await Promise.all(gone);
  }

  /**
   * SIGUSR2 to the given running members at the same moment: with TSETCD_FAILPOINTS powerLoss each cuts its
   * WAL back to its last fdatasync and SIGKILLs itself (a simulated power cut). Returns how each exited.
   */
  async powerCut(which: number[]): Promise<string[]> {
    const up = which.filter((i) => this.isUp(i));
    for (const i of up) this.note(i, 'SIGUSR2 (power cut)');
    const gone = up.map((i) => new Promise((r) => this.members[i]!.child!.once('exit', r)));
    for (const i of up) this.members[i]!.expected = false;
    for (const i of up) this.members[i]!.child!.kill('SIGUSR2');
    await Promise.all(gone);
    return up.map((i) => this.members[i]!.child!.signalCode ?? `exit ${this.members[i]!.child!.exitCode}`);
  }

  /** SIGTERM (a clean shutdown); SIGKILL if it has not exited after `ms`. */
  async stopMember(i: number, ms = 15_000): Promise<void> {
    const c = this.members[i]!.child;
    if (c === undefined || !this.isUp(i)) return;
    this.note(i, 'SIGTERM');
    const gone = new Promise((r) => c.once('exit', r));
    this.members[i]!.expected = false;
    c.kill('SIGTERM');
    if ((await Promise.race([gone.then(() => true), sleep(ms).then(() => false)])) === false) {
      this.note(i, 'no exit after SIGTERM: SIGKILL');
      c.kill('SIGKILL');
      await gone;
    }
  }

  /**
   * Waits up to `ms` for member i to exit by itself (a failpoint crash); returns the signal or exit code, or
   * undefined if it is still running.
   */
  async waitExit(i: number, ms: number): Promise<string | undefined> {
    const c = this.members[i]!.child;
    if (c === undefined) return 'not started';
    if (this.isUp(i)) {
      const gone = new Promise((r) => c.once('exit', r));
      await Promise.race([gone, sleep(ms)]);
    }
    if (this.isUp(i)) return undefined;
    this.members[i]!.expected = false;
    return c.signalCode ?? `exit ${c.exitCode}`;
  }

  /**
   * Starts a stopped member again on its data dir, with the cluster's environment or, when given, `env`
   * instead (e.g. { TSETCD_FAILPOINTS: 'beforeApply=crash@20' }; {} for none).
   */
  restart(i: number, env?: Record<string, string>): void {
    if (this.isUp(i)) throw new Error(`${this.members[i]!.name} is still running`);
    this.spawn(i, env);
  }

  pause(i: number): void {
    this.note(i, 'SIGSTOP');
    this.members[i]!.child?.kill('SIGSTOP');
    this.members[i]!.paused = true;
  }

  resume(i: number): void {
    this.members[i]!.child?.kill('SIGCONT');
    this.members[i]!.paused = false;
    this.note(i, 'SIGCONT');
  }

  /** A client bound to member i only (no failover). */
  memberClient(i: number, commandTimeoutMs = 2000): Client {
    return new Client({ endpoints: [this.members[i]!.clientUrl], commandTimeoutMs, dialTimeoutMs: 1000 });
  }

  /** Index of the member every reachable member names as leader, if they agree. */
  async leader(): Promise<number | undefined> {
    const ids = await Promise.all(
      this.members.map(async (_, i) => {
        if (!this.isUp(i) || this.members[i]!.paused) return undefined;
        const c = this.memberClient(i, 1000);
        try {
          const s = await c.status();
          return { leader: toBig(s.leader, true), self: toBig(s.header?.member_id, true) };
        } catch {
          return undefined;
        } finally {
          c.close();
        }
      }),
    );
    const leaderId = ids.find((x) => x !== undefined && x.leader !== 0n)?.leader;
    if (leaderId === undefined) return undefined;
    const idx = ids.findIndex((x) => x?.self === leaderId);
    return idx >= 0 ? idx : undefined;
  }

  /** Waits until every running member answers a linearizable read. */
  /**
   * Waits until every running member answers a linearizable read, and checks they are this cluster's: a
   * member that should run but exited (a crash, or EADDRINUSE because another process took its port between
   * freePorts() and the listen) fails, and so does an endpoint that answers for another cluster.
   */
  async waitHealthy(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    const clusterIds = new Map<string, string>();
    const exited = (i: number): Error => {
      const m = this.members[i]!;
      const how = m.child?.signalCode ?? `exit code ${m.child?.exitCode}`;
      return new Error(`${m.name} exited unexpectedly (${how}); see ${m.logFile}`);
    };
    for (let i = 0; i < this.members.length; i++) {
      if (!this.isUp(i)) {
        if (this.members[i]!.expected) throw exited(i);
        continue;
      }
      for (;;) {
        const c = this.memberClient(i, 2000);
        try {
          await c.get('health-probe');
          const s = await c.status();
          if (!this.isUp(i)) throw exited(i);
          clusterIds.set(this.members[i]!.name, String(toBig(s.header?.cluster_id, true)));
          break;
        } catch (e) {
          if (this.members[i]!.expected && !this.isUp(i)) throw exited(i);
          if (Date.now() > deadline)
            throw new Error(`${this.members[i]!.name} not healthy: ${String(e)}`, { cause: e });
          await sleep(100);
        } finally {
          c.close();
        }
      }
    }
    if (new Set(clusterIds.values()).size > 1) {
      throw new Error(
        `members answer for different clusters (a port taken by another process?): ${[...clusterIds].map(([n, id]) => `${n}=${id}`).join(' ')}`,
      );
    }
  }

  /** Waits until every member has applied up to `rev`, then returns each member's HashKV at `rev`. */
  async hashKVs(
    rev: number,
    ms = 15_000,
  ): Promise<{ hash: number; compactRevision: number; revision: number }[]> {
    const deadline = Date.now() + ms;
    const out = [];
    for (let i = 0; i < this.members.length; i++) {
      const c = this.memberClient(i, 2000);
      try {
        for (;;) {
          try {
            const r = await c.get('hash-probe', { serializable: true });
            if (toNum(r.header?.revision) >= rev) break;
          } catch {
            // not up yet
          }
          if (Date.now() > deadline)
            throw new Error(`${this.members[i]!.name} never reached revision ${rev}`);
          await sleep(100);
        }
        const h = await c.hashKV(rev);
        out.push({
          hash: h.hash,
          compactRevision: toNum(h.compact_revision),
          revision: toNum(h.header?.revision),
        });
      } finally {
        c.close();
      }
    }
    return out;
  }

  async stop(): Promise<void> {
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[i]!;
      if (m.paused) this.resume(i);
      await this.kill(i);
    }
    process.off('exit', this.exitHook);
    await this.proxy.close();
  }
}
