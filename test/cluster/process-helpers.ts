// Clusters of real server processes for the process-level cluster tests and the cluster soak: tsetcd
// (`node bin/tsetcd.mjs`) or real etcd 3.4 (/usr/bin/etcd) started with the same flags, so one test body can
// run against both (differential). Members can be added (started with the ETCD_* lines `etcdctl member add`
// prints), removed, killed with SIGKILL, restarted on their data dir and replaced with a fresh data dir.
// Everything is operated with the real etcdctl 3.4. Member output goes to one log file per member.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';
import { freePorts } from './ports.ts';
import { etcdctl, REPO_ROOT, TSETCD_BIN, type Run } from '../server/tsetcd-process.ts';

export const ETCD_BIN = '/usr/bin/etcd';
export const HAVE_ETCD = existsSync(ETCD_BIN) && existsSync('/usr/bin/etcdctl');
export type Impl = 'tsetcd' | 'etcd';

export interface MemberSpec {
  name: string;
  /** Advertised (and listened) peer URL. */
  peerUrl: string;
  /** Where the member listens for peers (defaults to `peerUrl`; differs when a proxy sits in front). */
  listenPeerUrl?: string;
  clientUrl: string;
  dataDir: string;
}

export class ProcMember {
  child: ChildProcess | undefined;
  private exitedP: Promise<number | string> = Promise.resolve(-1);
  private lastExit: number | string | undefined;

  constructor(
    readonly impl: Impl,
    public spec: MemberSpec,
    /** Flags besides name/urls/data dir (initial cluster, token, state, timing, TLS). */
    public flags: Record<string, string>,
    readonly logFile: string,
  ) {}

  get name(): string {
    return this.spec.name;
  }
  get clientUrl(): string {
    return this.spec.clientUrl;
  }
  get peerUrl(): string {
    return this.spec.peerUrl;
  }
  /**
   * `host:port` for etcdctl's --endpoints. Given a URL, etcdctl 3.4 sends its maintenance RPCs (endpoint
   * status, hashkv, snapshot save) with the whole URL as the HTTP/2 :authority, which Node's HTTP/2 server
   * (nghttp2) refuses with RST_STREAM PROTOCOL_ERROR; etcd's Go server takes it. See the closing report.
   */
  get endpoint(): string {
    return new URL(this.spec.clientUrl).host;
  }

  args(): string[] {
    const s = this.spec;
    const all: Record<string, string> = {
      name: s.name,
      'data-dir': s.dataDir,
      'listen-peer-urls': s.listenPeerUrl ?? s.peerUrl,
      'initial-advertise-peer-urls': s.peerUrl,
      'listen-client-urls': s.clientUrl,
      'advertise-client-urls': s.clientUrl,
      ...this.flags,
    };
    return Object.entries(all).map(([k, v]) => `--${k}=${v}`);
  }

  isUp(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Exit code or signal of the last run, undefined while running or never started. */
  exitStatus(): number | string | undefined {
    return this.isUp() ? undefined : this.lastExit;
  }

  note(text: string): void {
    const fd = openSync(this.logFile, 'a');
    writeSync(fd, `--- ${new Date().toISOString()} harness: ${text} ---\n`);
    closeSync(fd);
  }

  start(): void {
    if (this.isUp()) throw new Error(`${this.name} is already running`);
    this.note(`start ${this.args().join(' ')}`);
    const fd = openSync(this.logFile, 'a');
    const [cmd, argv] =
      this.impl === 'etcd'
        ? [ETCD_BIN, this.args()]
        : [process.execPath, [...NODE_FLAGS, TSETCD_BIN, ...this.args()]];
    const child = spawn(cmd, argv, { cwd: REPO_ROOT, stdio: ['ignore', fd, fd] });
    closeSync(fd);
    this.child = child;
    this.lastExit = undefined;
    this.exitedP = new Promise((resolve) =>
      child.once('exit', (code, sig) => {
        this.lastExit = code ?? sig ?? -1;
        resolve(this.lastExit);
      }),
    );
  }

  exited(): Promise<number | string> {
    return this.exitedP;
  }

  async kill(): Promise<void> {
    if (!this.isUp()) return;
    this.note('SIGKILL');
    this.child!.kill('SIGKILL');
    await this.exitedP;
  }

  /** SIGTERM, SIGKILL after 5 s. */
  async stop(): Promise<void> {
    if (!this.isUp()) return;
    this.child!.kill('SIGTERM');
    const t = setTimeout(() => this.child?.kill('SIGKILL'), 5000);
    await this.exitedP;
    clearTimeout(t);
  }

  wipe(): void {
    rmSync(this.spec.dataDir, { recursive: true, force: true });
  }

  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }
}

/** The parsed `etcdctl endpoint status -w json` entry of one endpoint. */
export interface EndpointStatus {
  endpoint: string;
  memberId: bigint;
  leader: bigint;
  raftTerm: bigint;
  raftIndex: bigint;
  appliedIndex: bigint;
  revision: bigint;
  isLearner: boolean;
}

/** etcdctl prints 64-bit IDs in JSON as numbers beyond 2^53: keep their digits exact. */
export function parseBigJson(text: string): unknown {
  return JSON.parse(text.replace(/([:[,]\s*)(\d{16,})(?=\s*[,}\]])/g, '$1"$2"'));
}

const big = (v: unknown): bigint => BigInt((v as string | number | undefined) ?? 0);

export interface ClusterOptions {
  impl: Impl;
  /** Data dirs and logs go under here. */
  dir: string;
  size: number;
  heartbeatMs?: number;
  electionMs?: number;
  /** Extra flags for every member (e.g. snapshot-count, TLS). */
  extraFlags?: Record<string, string>;
  /** Peer URL scheme (https for peer TLS). */
  peerScheme?: 'http' | 'https';
  /** Wait for the cluster to answer a linearizable read (default true). */
  wait?: boolean;
  /** Runs before the members start (e.g. to restore a snapshot into their data dirs). */
  prepare?: (specs: readonly MemberSpec[], token: string) => Promise<void>;
}

export class ProcCluster {
  readonly members: ProcMember[] = [];
  readonly token: string;
  private exitHook = (): void => {
    for (const m of this.members) if (m.isUp()) m.child!.kill('SIGKILL');
  };

  private constructor(readonly opts: ClusterOptions) {
    this.token = `proc-${opts.impl}-${process.pid}-${Date.now() % 100000}`;
    process.on('exit', this.exitHook);
  }

  get electionMs(): number {
    return this.opts.electionMs ?? 500;
  }

  timingFlags(): Record<string, string> {
    return {
      'heartbeat-interval': String(this.opts.heartbeatMs ?? 50),
      'election-timeout': String(this.electionMs),
    };
  }

  static async start(opts: ClusterOptions): Promise<ProcCluster> {
    mkdirSync(opts.dir, { recursive: true });
    const c = new ProcCluster(opts);
    const specs: MemberSpec[] = [];
    for (let i = 0; i < opts.size; i++) specs.push(await c.newSpec(`m${i + 1}`));
    const initial = specs.map((s) => `${s.name}=${s.peerUrl}`).join(',');
    for (const s of specs) {
      const m = c.member(s, {
        'initial-cluster': initial,
        'initial-cluster-state': 'new',
      });
      c.members.push(m);
    }
    await opts.prepare?.(specs, c.token);
    for (const m of c.members) m.start();
    if (opts.wait !== false) await c.waitHealthy(60_000);
    return c;
  }

  /** Free ports and a data dir for a member named `name` (not yet part of the cluster). */
  async newSpec(name: string): Promise<MemberSpec> {
    const [p, cport] = await freePorts(2);
    return {
      name,
      peerUrl: `${this.opts.peerScheme ?? 'http'}://127.0.0.1:${p}`,
      clientUrl: `http://127.0.0.1:${cport}`,
      dataDir: join(this.opts.dir, `${name}-${cport}.etcd`),
    };
  }

  member(spec: MemberSpec, flags: Record<string, string>): ProcMember {
    return new ProcMember(
      this.opts.impl,
      spec,
      {
        'initial-cluster-token': this.token,
        ...this.timingFlags(),
        ...(this.opts.extraFlags ?? {}),
        ...flags,
      },
      join(this.opts.dir, `${spec.name}.log`),
    );
  }

  byName(name: string): ProcMember {
    const m = this.members.find((x) => x.name === name);
    if (!m) throw new Error(`no member ${name}`);
    return m;
  }

  up(): ProcMember[] {
    return this.members.filter((m) => m.isUp());
  }

  /** etcdctl against the given members (default: every running member). */
  ctl(args: readonly string[], on: readonly ProcMember[] = this.up(), timeoutMs = 20_000): Promise<Run> {
    return etcdctl([`--endpoints=${on.map((m) => m.endpoint).join(',')}`, ...args], { timeoutMs });
  }

  /** etcdctl that must succeed; returns stdout. */
  async ctlOk(args: readonly string[], on?: readonly ProcMember[]): Promise<string> {
    const r = await this.ctl(args, on);
    if (r.code !== 0)
      throw new Error(`etcdctl ${args.join(' ')} failed (${r.code}): ${r.stderr.trim()} ${r.stdout.trim()}`);
    return r.stdout;
  }

  /** One member's status through `etcdctl endpoint status -w json`; undefined if it does not answer. */
  async status(m: ProcMember, timeout = '2s'): Promise<EndpointStatus | undefined> {
    const r = await etcdctl(
      [`--endpoints=${m.endpoint}`, `--command-timeout=${timeout}`, '-w', 'json', 'endpoint', 'status'],
      { timeoutMs: 10_000 },
    );
    if (r.code !== 0) return undefined;
    const [e] = parseBigJson(r.stdout) as {
      Endpoint: string;
      Status: {
        header: { member_id: string; revision: string | number; raft_term: string | number };
        leader: string;
        raftIndex: string | number;
        raftAppliedIndex: string | number;
        isLearner?: boolean;
      };
    }[];
    return {
      endpoint: e!.Endpoint,
      memberId: big(e!.Status.header.member_id),
      leader: big(e!.Status.leader),
      raftTerm: big(e!.Status.header.raft_term),
      raftIndex: big(e!.Status.raftIndex),
      appliedIndex: big(e!.Status.raftAppliedIndex),
      revision: big(e!.Status.header.revision),
      isLearner: e!.Status.isLearner === true,
    };
  }

  /** The running member every answering member names as leader (undefined while they disagree or none). */
  async leader(among: readonly ProcMember[] = this.up()): Promise<ProcMember | undefined> {
    const st = await Promise.all(among.map((m) => this.status(m)));
    const leaders = new Set(st.filter((s) => s !== undefined).map((s) => s.leader));
    if (leaders.size !== 1) return undefined;
    const [id] = leaders;
    if (id === 0n) return undefined;
    const i = st.findIndex((s) => s?.memberId === id);
    return i >= 0 ? among[i] : undefined;
  }

  async waitLeader(among: readonly ProcMember[] = this.up(), ms = 60_000): Promise<ProcMember> {
    const deadline = Date.now() + ms;
    for (;;) {
      const l = await this.leader(among);
      if (l) return l;
      if (Date.now() > deadline) throw new Error(`no agreed leader among ${among.map((m) => m.name)}`);
      await sleep(100);
    }
  }

  /** Waits until each of `among` answers a linearizable read. */
  async waitHealthy(ms = 60_000, among: readonly ProcMember[] = this.up()): Promise<void> {
    const deadline = Date.now() + ms;
    for (const m of among) {
      for (;;) {
        const r = await this.ctl(['--command-timeout=2s', 'get', 'health-probe'], [m]);
        if (r.code === 0) break;
        if (!m.isUp()) throw new Error(`${m.name} exited (${m.exitStatus()}):\n${m.log().slice(-3000)}`);
        if (Date.now() > deadline)
          throw new Error(`${m.name} not healthy: ${r.stderr.trim()}\n${m.log().slice(-3000)}`);
        await sleep(150);
      }
    }
  }

  /**
   * Waits until every member of `among` has applied at least `rev` (serializable reads), then returns each
   * one's `etcdctl endpoint hashkv --rev` answer.
   */
  async hashKVs(
    rev: number,
    among: readonly ProcMember[] = this.up(),
    ms = 60_000,
  ): Promise<{ name: string; hash: number; revision: number; compactRevision: number }[]> {
    const deadline = Date.now() + ms;
    const out = [];
    for (const m of among) {
      for (;;) {
        const r = await this.ctl(
          ['--command-timeout=2s', '--consistency=s', '-w', 'json', 'get', 'hash-probe'],
          [m],
        );
        if (r.code === 0) {
          const j = parseBigJson(r.stdout) as { header: { revision: string | number } };
          if (Number(j.header.revision) >= rev) break;
        }
        if (Date.now() > deadline) throw new Error(`${m.name} never reached revision ${rev}`);
        await sleep(150);
      }
      const h = parseBigJson(await this.ctlOk(['-w', 'json', 'endpoint', 'hashkv', `--rev=${rev}`], [m])) as {
        HashKV: { hash: number; compact_revision?: number; header: { revision: number } };
      }[];
      out.push({
        name: m.name,
        hash: Number(h[0]!.HashKV.hash),
        revision: Number(h[0]!.HashKV.header.revision),
        compactRevision: Number(h[0]!.HashKV.compact_revision ?? 0),
      });
    }
    return out;
  }

  /** The current revision as a linearizable read through the given members sees it. */
  async revision(on?: readonly ProcMember[]): Promise<number> {
    const j = parseBigJson(await this.ctlOk(['-w', 'json', 'get', 'rev-probe'], on)) as {
      header: { revision: string | number };
    };
    return Number(j.header.revision);
  }

  /**
   * `etcdctl member add` (through `via`), then starts the new member with the ETCD_* lines it printed:
   * ETCD_NAME, ETCD_INITIAL_CLUSTER, ETCD_INITIAL_ADVERTISE_PEER_URLS, ETCD_INITIAL_CLUSTER_STATE.
   */
  async addMember(
    name: string,
    opts: { learner?: boolean; via?: readonly ProcMember[]; start?: boolean } = {},
  ): Promise<{ member: ProcMember; out: string; env: Record<string, string> }> {
    const spec = await this.newSpec(name);
    const args = [
      'member',
      'add',
      name,
      `--peer-urls=${spec.peerUrl}`,
      ...(opts.learner ? ['--learner'] : []),
    ];
    // --strict-reconfig-check refuses changes until the peers have been connected for 5 s.
    const r = await this.retryUnhealthy(args, opts.via);
    if (r.code !== 0) throw new Error(`etcdctl ${args.join(' ')} failed: ${r.stderr.trim()}`);
    const out = r.stdout;
    const env: Record<string, string> = {};
    for (const m of out.matchAll(/^(ETCD_[A-Z_]+)="(.*)"$/gm)) env[m[1]!] = m[2]!;
    if (env.ETCD_NAME !== name || env.ETCD_INITIAL_ADVERTISE_PEER_URLS !== spec.peerUrl)
      throw new Error(`unexpected member add output:\n${out}`);
    const m = this.member(spec, {
      'initial-cluster': env.ETCD_INITIAL_CLUSTER!,
      'initial-cluster-state': env.ETCD_INITIAL_CLUSTER_STATE!,
    });
    this.members.push(m);
    if (opts.start !== false) m.start();
    return { member: m, out, env };
  }

  /** etcdctl, repeated while it fails with "etcdserver: unhealthy cluster" (for up to `ms`). */
  async retryUnhealthy(args: readonly string[], on?: readonly ProcMember[], ms = 60_000): Promise<Run> {
    const deadline = Date.now() + ms;
    for (;;) {
      const r = await this.ctl(args, on);
      if (r.code === 0 || !r.stderr.includes('etcdserver: unhealthy cluster') || Date.now() > deadline)
        return r;
      await sleep(500);
    }
  }

  /**
   * `etcdctl member remove` of `name` through the running members, as an operator would: wait for a leader
   * among them, repeat while it is refused as "unhealthy cluster" or times out (a remove that outlives
   * etcdctl's timeout may still be applied: the member list decides). Returns the last etcdctl output.
   */
  async removeMember(name: string, ms = 90_000): Promise<Run> {
    const id = (await this.memberIds()).get(name);
    if (id === undefined) throw new Error(`no member ${name} in the member list`);
    const deadline = Date.now() + ms;
    for (;;) {
      await this.waitLeader(this.up(), Math.max(1000, deadline - Date.now()));
      const r = await this.retryUnhealthy(['member', 'remove', hex(id)], undefined, deadline - Date.now());
      if (r.code === 0 || !(await this.memberIds()).has(name)) return r;
      if (Date.now() > deadline) throw new Error(`member remove ${name} failed: ${r.stderr.trim()}`);
      await sleep(500);
    }
  }

  /** Member IDs by name from `etcdctl member list -w json`. */
  async memberIds(on?: readonly ProcMember[]): Promise<Map<string, bigint>> {
    const j = parseBigJson(await this.ctlOk(['-w', 'json', 'member', 'list'], on)) as {
      members: { ID: string | number; name?: string; peerURLs: string[] }[];
    };
    const out = new Map<string, bigint>();
    for (const x of j.members) {
      const m = this.members.find((y) => x.peerURLs.includes(y.peerUrl));
      out.set(m?.name ?? x.name ?? String(x.ID), big(x.ID));
    }
    return out;
  }

  async stop(): Promise<void> {
    await Promise.all(this.members.map((m) => m.kill()));
    process.off('exit', this.exitHook);
  }
}

export const hex = (id: bigint): string => id.toString(16);

/** Polls `cond` every 100 ms; throws after `ms`. */
export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
