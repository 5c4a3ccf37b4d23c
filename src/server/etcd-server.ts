// The member: etcd's EtcdServer. It owns the raft driver, the WAL and snapshots, the backend, the
// MVCC store, the lessor and the membership, and offers the operations the API layer calls.
//
// Writes: encode an InternalRaftRequest with a unique ID, propose it, and wait for the apply of that
// entry on this member; the apply result (or error) answers the caller. Every member applies every
// entry in log order; only the proposing member has a waiter for it.
// Linearizable reads: ReadIndex (batched: all reads that arrive while one ReadIndex is in flight share
// the next one), wait until that index is applied here, then read MVCC. Serializable reads: at once.
//
// Restart: raft state comes from the newest snapshot + the WAL (raft-storage.ts). The backend holds
// the applied state up to its consistent index; entries at or below it are not applied again (their
// effects are in the backend already), except conf changes, which raft itself must see again.
import {
  statSync,
  existsSync,
  readFileSync,
  mkdtempSync,
  rmSync,
  createReadStream,
  readdirSync,
  createWriteStream,
  renameSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { decodeConfChange } from '../api/raft-codec.ts';
import { ConfChangeType, EntryType } from '../api/raft-types.ts';
import type { ConfState, Entry, Snapshot } from '../api/raft-types.ts';
import { etcdserverpb } from '../api/gen/etcd.js';
import { EtcdError, GrpcCode, etcdErrorByMessage } from '../api/errors.ts';
import { i64ToLong, longToI64, longToSafeInt, longToU64, u64ToLong } from '../api/long.ts';
import { RawNode, ErrProposalDropped, type ReadState, type SoftState } from '../raft/index.ts';
import { LmdbBackend } from '../storage/backend/lmdb-backend.ts';
import type { Backend } from '../storage/backend/backend.ts';
import { Bucket } from '../storage/backend/backend.ts';
import { WatchableStore } from '../storage/mvcc/watchable-store.ts';
import { Lessor } from '../lease/lessor.ts';
import { LeaseNotFoundError, NotPrimaryError } from '../lease/errors.ts';
import { LessorRunner } from '../lease/lessor-runner.ts';
import { minLeaseTtlSeconds, pickLeaseId, requestIdSource, type LeaseIdSource } from '../lease/lease-id.ts';
import { RaftDriver } from './raft-driver.ts';
import { Compactor } from './compactor.ts';
import { LeaderForwarder } from './leader-forward.ts';
import { srvCluster, systemResolver } from './discovery-srv.ts';
import { discoverInitialCluster, usesDiscovery } from './discovery.ts';
import { PeerUnavailableError, Transport } from '../transport/index.ts';
import type { PeerReply, PeerTlsOptions } from '../transport/index.ts';
import { MAX_REQUEST_BYTES, PATH_LEASES, PATH_LEASES_INTERNAL } from '../transport/protocol.ts';
import { encodeFrames, FrameDecoder } from '../transport/frame.ts';
import { selfSignedCert } from './auto-tls.ts';
import { WAL } from '../storage/wal/wal.ts';
import { prepareDataDir } from '../storage/data-dir.ts';
import type { Message } from '../api/raft-types.ts';
import { MessageType } from '../api/raft-types.ts';
import { forceNewCluster, openRaftStorage, type RaftStorage } from './raft-storage.ts';
import { FAILPOINTS, failpoint, failpointOn } from './failpoints.ts';
import {
  Membership,
  clusterIdFor,
  decodeMemberContext,
  encodeMemberContext,
  idHex,
  memberIdFor,
  urlString,
  type Member,
} from './membership.ts';
import type { ServerConfig } from './config.ts';
import { toEtcdError } from './errors.ts';
import * as conv from './v3/kv-convert.ts';
import {
  decodeInternalPut,
  encodeInternalPut,
  encodeResponseHeaderAfter,
  framedPutResponse,
  framedRangeResponse,
  responseHeaderIds,
} from './v3/kv-wire.ts';
import type * as m from '../storage/mvcc/types.ts';
import { asEntryData } from './entry-arena.ts';

/** The etcd API version tsetcd speaks; clients gate features on it. */
export const ETCD_API_VERSION = '3.4.23';
export const CLUSTER_VERSION = '3.4.0';
/** etcd's HealthInterval: how long peer streams must have been up before a membership change is allowed. */
const PEER_HEALTH_MS = 5000;

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

interface Waiter {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  timer: NodeJS.Timeout;
}

/** A proposal's waiter: its deadline is kept in a FIFO with one timer for all (see EtcdServer.expireWaiters). */
interface ProposalWaiter {
  resolve(v: unknown): void;
  reject(e: unknown): void;
  /** performance.now() after which the proposal fails with etcd's request timeout. */
  deadline: number;
}

interface ReadBatch {
  ctx: Uint8Array;
  waiters: Array<{ resolve(): void; reject(e: unknown): void }>;
  timer: NodeJS.Timeout;
}

export type AlarmType = 0 | 1 | 2; // NONE | NOSPACE | CORRUPT
export interface AlarmMember {
  memberID: bigint;
  alarm: AlarmType;
}

export interface ServerHooks {
  /** Observes each WAL save (fsync duration metric). */
  onWalSave?(ms: number, entries: number, synced: boolean): void;
  onProposal?(outcome: 'committed' | 'applied' | 'failed' | 'pending', delta: number): void;
  onLeaderChange?(lead: bigint): void;
}

export class EtcdServer {
  readonly cfg: ServerConfig;
  readonly log: Logger;
  readonly id: bigint;
  backend!: Backend;
  kv!: WatchableStore;
  lessor!: Lessor;
  membership: Membership;
  readonly driver: RaftDriver;
  private readonly raftStorage: RaftStorage;
  private lessorRunner: LessorRunner | undefined;
  private readonly compactor: Compactor;
  private readonly hooks: ServerHooks;

  private appliedIndexValue = 0;
  private appliedTermValue = 0;
  private snapshotIndex = 0;
  private confState: ConfState = { voters: [], learners: [] };
  /**
   * Proposals waiting to be applied, by request ID. Every one gets the same timeout, so insertion order is
   * deadline order and one timer (armed for the oldest) serves them all: a Node timer per proposal cost more
   * than the rest of a put's bookkeeping.
   */
  private readonly waiters = new Map<bigint, ProposalWaiter>();
  private waiterTimer: NodeJS.Timeout | undefined;
  /** etcd's request-ID generator (member bits + start time + counter): proposal, read and lease IDs. */
  private readonly nextId: LeaseIdSource;
  private readBatch: ReadBatch | undefined;
  private readonly readInFlight = new Map<string, ReadBatch>();
  /** Reads waiting for the applied index to reach a read state's index. */
  private readonly appliedWaits: Array<{ index: number; resolve(): void }> = [];
  private readonly alarms = new Map<string, AlarmMember>();
  private leaderId = 0n;
  private term = 0;
  private stopping: Promise<void> | undefined;
  private stoppedResolve!: () => void;
  /** Resolves when the member has stopped (by stop(), a fatal error, or removal from the cluster). */
  readonly stopped: Promise<void>;
  private fatalError: unknown;
  /** The member stopped because the cluster removed it (etcd then exits with status 0). */
  removedFromCluster = false;
  private readonly requestTimeoutMs: number;
  private readonly startedAt = Date.now();

  private constructor(
    cfg: ServerConfig,
    log: Logger,
    hooks: ServerHooks,
    parts: {
      id: bigint;
      clusterId: bigint;
      backend: Backend;
      raftStorage: RaftStorage;
      bootstrapPeers?: Member[];
    },
  ) {
    this.cfg = cfg;
    this.log = log;
    this.hooks = hooks;
    this.id = parts.id;
    this.raftStorage = parts.raftStorage;
    this.nextId = requestIdSource(parts.id, Date.now());
    this.requestTimeoutMs = 5000 + 2 * cfg.electionMs;
    this.stopped = new Promise((r) => (this.stoppedResolve = r));

    this.openStateMachine(parts.backend);

    this.compactor = new Compactor(cfg.autoCompactionMode, cfg.autoCompactionRetention, {
      isLeader: () => this.isLeader,
      revision: () => this.kv.rev(),
      compactRevision: () => this.kv.compactRevision(),
      compact: (revision) => this.compact({ revision: i64ToLong(revision) }),
      warn: (msg, err) => this.log.warn({ err: String(err) }, msg),
    });
    this.membership = new Membership(this.backend, parts.clusterId);
    for (const a of this.backend.range(Bucket.alarm, Buffer.alloc(0), new Uint8Array(0))) {
      const rec = JSON.parse(Buffer.from(a.value).toString()) as { memberID: string; alarm: AlarmType };
      this.alarms.set(Buffer.from(a.key).toString(), {
        memberID: BigInt(`0x${rec.memberID}`),
        alarm: rec.alarm,
      });
    }

    const rs = this.raftStorage;
    this.snapshotIndex = rs.snapshot?.metadata.index ?? 0;
    if (rs.snapshot) this.confState = rs.snapshot.metadata.confState;
    // Entries up to the backend's consistent index are already applied to the backend.
    const ci = this.backend.consistentIndex();
    this.appliedIndexValue = Math.max(this.snapshotIndex, 0);
    this.appliedTermValue = rs.snapshot?.metadata.term ?? 0;
    this.consistentIndexAtStart = ci.index;

    const node = new RawNode({
      id: this.id,
      electionTick: Math.max(1, Math.round(cfg.electionMs / cfg.heartbeatMs)),
      heartbeatTick: 1,
      storage: rs.storage,
      random: { intn: (n: number) => randomInt(n) },
      applied: this.appliedIndexValue,
      preVote: cfg.preVote,
      checkQuorum: true,
      maxSizePerMsg: 1024 * 1024,
      maxInflightMsgs: 512,
      maxUncommittedEntriesSize: 1 << 30,
    });
    if (parts.bootstrapPeers) {
      for (const p of parts.bootstrapPeers) this.membership.add(p);
      this.membership.saveClusterId();
      node.bootstrap(parts.bootstrapPeers.map((p) => p.id));
    }
    this.driver = new RaftDriver({
      node,
      storage: rs.storage,
      wal: rs.wal,
      snapshotter: rs.snapshotter,
      tickMs: cfg.heartbeatMs,
      onWalSave: hooks.onWalSave,
      hooks: {
        send: (msgs) => this.sendToPeers(msgs),
        applySnapshot: (snap) => this.applySnapshot(snap),
        applyEntries: (ents) => this.applyEntries(ents),
        onSoftState: (s) => this.onSoftState(s),
        onReadStates: (rss) => this.onReadStates(rss),
        onFatal: (e) => this.fatal(e),
      },
    });
  }

  private consistentIndexAtStart: number;

  /** Opens the lessor and the MVCC store on `backend` (at start, and after installing a snapshot). */
  private openStateMachine(backend: Backend): void {
    const cfg = this.cfg;
    this.backend = backend;
    // Lessor before the store, so the store re-attaches keys to the loaded leases (etcd's order).
    const electionTicks = Math.max(1, Math.round(cfg.electionMs / cfg.heartbeatMs));
    this.lessor = new Lessor({
      backend: this.backend,
      minTtl: minLeaseTtlSeconds(electionTicks, cfg.heartbeatMs),
      ...(cfg.enableLeaseCheckpoint
        ? {
            checkpointer: (cps) =>
              this.propose({
                lease_checkpoint: {
                  checkpoints: cps.map((c) => ({
                    ID: i64ToLong(c.id),
                    remaining_TTL: i64ToLong(c.remainingTtl),
                  })),
                },
              }).then(() => undefined),
          }
        : {}),
    });
    this.kv = new WatchableStore(this.backend, {
      leaseExists: (id) => this.lessor.has(id),
      leaseObserver: {
        attach: (l, k) => this.lessor.attach(l, k),
        detach: (l, k) => this.lessor.detach(l, k),
      },
      maxTxnOps: cfg.maxTxnOps,
      compactionBatchLimit: cfg.compactionBatchLimit,
    });
    const kv = this.kv;
    this.lessor.setKeyStore({
      deleteKeys(keys) {
        const txn = kv.write();
        try {
          for (const key of keys) txn.deleteRange(key, undefined);
        } finally {
          txn.end();
        }
      },
    });
    this.lessor.restoreAttachments((fn) => {
      for (const lease of kv.leasesWithKeys()) for (const key of kv.keysOfLease(lease)) fn(key, lease);
    });
    this.lessorRunner?.stop();
    this.lessorRunner = new LessorRunner(this.lessor, {
      intervalMs: 500,
      onError: (err) => this.log.warn({ err: String(err) }, 'lease expiry round failed'),
      onExpired: (ids: bigint[]) => {
        for (const id of ids) {
          this.propose({ lease_revoke: { ID: i64ToLong(id) } }).catch((e) =>
            this.log.warn({ lease: id.toString(16), err: String(e) }, 'failed to revoke an expired lease'),
          );
        }
      },
    });
  }

  // ------------------------------------------------------------------ start and stop

  /** Opens (or creates) the member's data directory and starts raft. */
  static async start(
    cfg: ServerConfig,
    log: Logger = silentLogger,
    hooks: ServerHooks = {},
  ): Promise<EtcdServer> {
    // etcd's layout (member/wal, member/snap/db), created 0700; a foreign or loosely permitted
    // directory is refused with a message that says how to fix it.
    const { walDir, snapDir } = prepareDataDir(cfg.dataDir, cfg.walDir ? { walDir: cfg.walDir } : {});

    if (cfg.discoverySrv && !WAL.exists(walDir)) {
      cfg = { ...cfg, initialCluster: await srvCluster(cfg, systemResolver()) };
      log.info(
        {
          'initial-cluster': [...cfg.initialCluster]
            .map(([n, u]) => `${n}=${u.map(urlString).join(',')}`)
            .join(','),
        },
        'got the initial cluster from DNS SRV records',
      );
    }
    if (usesDiscovery(cfg) && !WAL.exists(walDir) && cfg.initialClusterState === 'new') {
      cfg = { ...cfg, ...(await discoverInitialCluster(cfg, log)) };
    }
    const selfPeerUrls = cfg.initialAdvertisePeerUrls.map(urlString);
    let bootstrapPeers: Member[] | undefined;
    let joined: JoinInfo | undefined;
    if (!WAL.exists(walDir) && cfg.initialClusterState === 'existing') {
      // Joining a running cluster: learn our ID (added by MemberAdd) and the cluster from a peer.
      joined = await fetchClusterFromPeers(cfg, selfPeerUrls, log);
    }
    const rs = openRaftStorage(
      walDir,
      snapDir,
      () => {
        if (joined) {
          return etcdserverpb.Metadata.encode({
            NodeID: u64ToLong(joined.id),
            ClusterID: u64ToLong(joined.clusterId),
          }).finish();
        }
        // A brand-new cluster: derive IDs from --initial-cluster as etcd does.
        const peers: Member[] = [];
        for (const [name, urls] of cfg.initialCluster) {
          const peerURLs = urls.map(urlString);
          peers.push({
            id: memberIdFor(peerURLs, cfg.initialClusterToken),
            name,
            peerURLs,
            clientURLs: [],
            isLearner: false,
          });
        }
        const self = peers.find((p) => p.name === cfg.name);
        if (!self) {
          throw new Error(`couldn't find local name "${cfg.name}" in the initial cluster configuration`);
        }
        const selfSorted = [...selfPeerUrls].sort().join(',');
        if ([...self.peerURLs].sort().join(',') !== selfSorted) {
          throw new Error(
            `--initial-cluster has ${cfg.name}=${self.peerURLs.join(',')} but missing from --initial-advertise-peer-urls=${selfPeerUrls.join(',')}`,
          );
        }
        const ids = new Set(peers.map((p) => p.id));
        if (ids.size !== peers.length) throw new Error('--initial-cluster has duplicate peer URLs');
        self.clientURLs = cfg.advertiseClientUrls.map(urlString);
        self.name = cfg.name;
        bootstrapPeers = peers;
        const md = etcdserverpb.Metadata.encode({
          NodeID: u64ToLong(self.id),
          ClusterID: u64ToLong(clusterIdFor(peers.map((p) => p.id))),
        }).finish();
        return md;
      },
      { onSnapshotWarning: (w) => log.warn({ warning: w }, 'skipped a broken snapshot file') },
    );
    if (rs.repaired) log.warn({ repaired: rs.repaired }, 'cut off a torn WAL tail');
    const md = etcdserverpb.Metadata.decode(rs.metadata);
    const id = longToU64(md.NodeID);
    const clusterId = longToU64(md.ClusterID);
    if (cfg.forceNewCluster && !rs.fresh) {
      const { removed } = forceNewCluster(rs, id);
      log.warn(
        { 'local-member-id': idHex(id), removed: removed.map(idHex), commit: rs.hardState.commit },
        "forcing a new cluster: every other member is removed from this member's configuration",
      );
    }

    let backend = new LmdbBackend({
      dir: snapDir,
      batchIntervalMs: cfg.backendBatchIntervalMs,
      batchLimit: cfg.backendBatchLimit,
    });
    // A crash while installing a leader's snapshot can leave the raft snapshot saved but the old
    // backend in place. Finish the install from the kept <index>.snap.db, or refuse to start: applying
    // the entries after the snapshot to an older state would silently diverge (etcd checks the same).
    const snapIndex = rs.snapshot?.metadata.index ?? 0;
    if (backend.consistentIndex().index < snapIndex) {
      const pending = join(snapDir, `${snapIndex.toString(16).padStart(16, '0')}.snap.db`);
      await backend.close();
      if (!existsSync(pending)) {
        throw new Error(
          `backend is older than the raft snapshot (consistent index ${backend.consistentIndex().index} < snapshot ${snapIndex}) and ${pending} is missing; restore this member from a backup or replace it`,
        );
      }
      installBackendFile(pending, snapDir);
      log.warn({ index: snapIndex }, 'finished installing a snapshot backend interrupted by a crash');
      backend = new LmdbBackend({
        dir: snapDir,
        batchIntervalMs: cfg.backendBatchIntervalMs,
        batchLimit: cfg.backendBatchLimit,
      });
    }
    // The backend may never be ahead of the log: that means acknowledged entries were lost from the WAL.
    const lastIndex = rs.storage.lastIndex();
    if (backend.consistentIndex().index > lastIndex) {
      await backend.close();
      throw new Error(
        `backend consistent index ${backend.consistentIndex().index} is beyond the last WAL index ${lastIndex}: the WAL lost entries; restore this member from a backup or replace it`,
      );
    }
    removeStaleSnapDbs(snapDir, snapIndex);
    const srv = new EtcdServer(cfg, log, hooks, {
      id,
      clusterId,
      backend,
      raftStorage: rs,
      ...(bootstrapPeers ? { bootstrapPeers } : {}),
    });
    if (joined) {
      for (const m of joined.members) srv.membership.add(m);
      srv.membership.saveClusterId();
    }
    await srv.startTransport();
    log.info(
      {
        'local-member-id': idHex(id),
        'cluster-id': idHex(clusterId),
        'data-dir': cfg.dataDir,
        fresh: rs.fresh,
        'snapshot-index': srv.snapshotIndex,
        'backend-consistent-index': srv.consistentIndexAtStart,
      },
      rs.fresh ? 'started a new member' : 'restarted a member',
    );
    srv.driver.start();
    srv.compactor.start();
    if (cfg.initialElectionTickAdvance) {
      // A single voter need not wait a whole election timeout to find out nobody else is there.
      if (srv.membership.list().filter((x) => !x.isLearner).length === 1) srv.campaignOnceApplied();
      else srv.advanceTicksOncePeersActive();
    }
    return srv;
  }

  /**
   * etcd's initial election tick advance for clusters: once streams to more than one peer are up (checked
   * every 50 ms for up to 5 s), let all but two ticks of the election timeout pass at once. A fresh
   * cluster then elects within a few ticks instead of a whole timeout or two; a member joining a
   * cluster that has a leader still has two ticks to hear its heartbeat. Ticks only move the clock
   * forward — votes, pre-votes and terms follow raft's rules as ever.
   */
  private advanceTicksOncePeersActive(deadline = Date.now() + 5000): void {
    if (this.isStopped || this.driver.isStopped) return;
    const t = this.transport;
    const active = this.membership
      .list()
      .filter((m) => m.id !== this.id && t?.activeSince(m.id) !== undefined);
    if (active.length > 1) {
      const electionTicks = Math.max(1, Math.round(this.cfg.electionMs / this.cfg.heartbeatMs));
      if (electionTicks > 2) this.driver.advanceTicks(electionTicks - 2);
      return;
    }
    if (Date.now() < deadline) setTimeout(() => this.advanceTicksOncePeersActive(deadline), 50).unref();
  }

  /**
   * Campaigns as soon as raft has applied everything committed: raft ignores a campaign while a
   * committed conf change is unapplied, and a fresh member's log starts with its bootstrap conf changes
   * (applied by the first turn, once they are durable). Gives up after the election timeout (by then
   * raft's own election timer campaigns anyway).
   */
  private campaignOnceApplied(deadline = Date.now() + this.cfg.electionMs): void {
    if (this.isStopped || this.driver.isStopped || this.leaderId !== 0n) return;
    const st = this.driver.node.status();
    if (st.applied >= st.hardState.commit) {
      this.driver.campaign();
      return;
    }
    if (Date.now() < deadline) setTimeout(() => this.campaignOnceApplied(deadline), 2).unref();
  }

  /** Stops serving: fails waiters, stops raft, syncs the WAL, commits and closes the backend. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      this.lessorRunner?.stop();
      this.compactor.stop();
      await this.driver.stop();
      if (this.readRetry) clearInterval(this.readRetry);
      await this.transport?.close().catch(() => {});
      this.forwarderValue?.close();
      const err = EtcdError.of('Stopped');
      clearTimeout(this.waiterTimer);
      this.waiterTimer = undefined;
      // Like etcd, a proposal cut off by the stop leaves the pending gauge but does not count as failed.
      const waiting = [...this.waiters.values()];
      this.waiters.clear();
      for (const w of waiting) {
        this.hooks.onProposal?.('pending', -1);
        w.reject(err);
      }
      for (const b of [this.readBatch, ...this.readInFlight.values()]) {
        if (!b) continue;
        clearTimeout(b.timer);
        for (const w of b.waiters) w.reject(err);
      }
      this.readBatch = undefined;
      this.readInFlight.clear();
      try {
        this.raftStorage.wal.sync();
        this.raftStorage.wal.close();
      } catch (e) {
        this.log.warn({ err: String(e) }, 'closing the WAL failed');
      }
      await this.kv.close().catch(() => {});
      await this.backend.close();
      this.stoppedResolve();
    })();
    return this.stopping;
  }

  // ------------------------------------------------------------------ membership changes

  private readonly confWaiters = new Map<bigint, Waiter>();

  /** Proposes a membership change and resolves once it is applied on this member. */
  private proposeMemberChange(type: ConfChangeType, member: Member): Promise<void> {
    if (this.stopping) return Promise.reject(EtcdError.of('Stopped'));
    const id = this.nextId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.confWaiters.delete(id);
        reject(EtcdError.of('Timeout'));
      }, this.requestTimeoutMs);
      this.confWaiters.set(id, { resolve: () => resolve(), reject, timer });
      try {
        this.driver.proposeConfChange({ id, type, nodeId: member.id, context: encodeMemberContext(member) });
      } catch (e) {
        clearTimeout(timer);
        this.confWaiters.delete(id);
        reject(
          e === ErrProposalDropped
            ? EtcdError.of(this.leaderId === 0n ? 'NoLeader' : 'Timeout')
            : toEtcdError(e),
        );
      }
    });
  }

  private membersPb(): etcdserverpb.IMember[] {
    return this.membership.list().map((x) => ({
      ID: u64ToLong(x.id),
      name: x.name,
      peerURLs: x.peerURLs,
      clientURLs: x.clientURLs,
      isLearner: x.isLearner,
    }));
  }

  /**
   * --strict-reconfig-check, as etcd judges it: how many voting members (this one always included) this
   * member's peer streams to have been up for at least `PEER_HEALTH_MS`.
   */
  private votersConnectedSince(): { connected: number; voters: number } {
    const before = Date.now() - PEER_HEALTH_MS;
    let connected = 0;
    let voters = 0;
    for (const m of this.membership.list()) {
      if (m.isLearner) continue;
      voters++;
      const since = m.id === this.id ? undefined : this.transport?.activeSince(m.id);
      if (m.id === this.id || (since !== undefined && since.getTime() <= before)) connected++;
    }
    return { connected, voters };
  }

  /** Voting members that have published their name (etcd's "started" members), except `except`. */
  private startedVoters(except?: bigint): { started: number; voters: number } {
    let started = 0;
    let voters = 0;
    for (const m of this.membership.list()) {
      if (m.isLearner || m.id === except) continue;
      voters++;
      if (m.name !== '') started++;
    }
    return { started, voters };
  }

  async memberAdd(req: etcdserverpb.IMemberAddRequest): Promise<etcdserverpb.IMemberAddResponse> {
    const peerURLs = req.peerURLs ?? [];
    let urls: string[];
    try {
      urls = peerURLs.map((u) => urlString(new URL(u)));
    } catch {
      throw EtcdError.of('MemberBadURLs');
    }
    if (urls.length === 0) throw EtcdError.of('MemberBadURLs');
    const taken = new Set(this.membership.list().flatMap((m) => m.peerURLs));
    if (urls.some((u) => taken.has(u))) throw EtcdError.of('PeerURLExist');
    const isLearner = req.isLearner ?? false;
    const members = this.membership.list();
    if (isLearner && members.filter((m) => m.isLearner).length >= 1) throw EtcdError.of('TooManyLearners');
    if (this.cfg.strictReconfigCheck) {
      if (!isLearner) {
        // The new voter counts toward the quorum at once: enough members must have started already
        // (etcd lets a one-member cluster take its second member).
        const { started, voters } = this.startedVoters();
        const ready = (started === 1 && voters === 1) || started >= Math.floor((voters + 1) / 2) + 1;
        if (!ready) throw EtcdError.of('MemberNotEnoughStarted');
      }
      // Any change waits until this member has been connected to every voter for a while.
      const { connected, voters } = this.votersConnectedSince();
      if (connected < voters) throw EtcdError.of('Unhealthy');
    }
    const member: Member = {
      id: memberIdFor(urls, this.cfg.initialClusterToken, Math.floor(Date.now() / 1000)),
      name: '',
      peerURLs: urls,
      clientURLs: [],
      isLearner,
    };
    if (this.membership.get(member.id)) throw EtcdError.of('MemberExist');
    await this.proposeMemberChange(
      isLearner ? ConfChangeType.AddLearnerNode : ConfChangeType.AddNode,
      member,
    );
    return {
      header: this.memberHeader(),
      member: { ID: u64ToLong(member.id), peerURLs: urls, ...(isLearner ? { isLearner: true } : {}) },
      members: this.membersPb(),
    };
  }

  async memberRemove(req: etcdserverpb.IMemberRemoveRequest): Promise<etcdserverpb.IMemberRemoveResponse> {
    const id = longToU64(req.ID);
    const m = this.membership.get(id);
    if (!m) throw EtcdError.of('MemberNotFound');
    if (this.cfg.strictReconfigCheck && !m.isLearner) {
      const { started, voters } = this.startedVoters(id);
      if (started < Math.floor(voters / 2) + 1) throw EtcdError.of('MemberNotEnoughStarted');
      // A member that is down takes no part in the quorum: removing it is always safe. Otherwise the
      // members left must still make a quorum of the members connected now.
      if (id === this.id || this.transport?.activeSince(id) !== undefined) {
        const now = this.votersConnectedSince();
        if (now.connected - 1 < 1 + Math.floor((now.voters - 1) / 2)) throw EtcdError.of('Unhealthy');
      }
    }
    await this.proposeMemberChange(ConfChangeType.RemoveNode, m);
    return { header: this.memberHeader(), members: this.membersPb() };
  }

  async memberUpdate(req: etcdserverpb.IMemberUpdateRequest): Promise<etcdserverpb.IMemberUpdateResponse> {
    const id = longToU64(req.ID);
    const m = this.membership.get(id);
    if (!m) throw EtcdError.of('MemberNotFound');
    let urls: string[];
    try {
      urls = (req.peerURLs ?? []).map((u) => urlString(new URL(u)));
    } catch {
      throw EtcdError.of('MemberBadURLs');
    }
    const taken = new Set(
      this.membership
        .list()
        .filter((x) => x.id !== id)
        .flatMap((x) => x.peerURLs),
    );
    if (urls.some((u) => taken.has(u))) throw EtcdError.of('PeerURLExist');
    await this.proposeMemberChange(ConfChangeType.UpdateNode, { ...m, peerURLs: urls });
    return { header: this.memberHeader(), members: this.membersPb() };
  }

  async memberPromote(req: etcdserverpb.IMemberPromoteRequest): Promise<etcdserverpb.IMemberPromoteResponse> {
    const id = longToU64(req.ID);
    const m = this.membership.get(id);
    if (!m) throw EtcdError.of('MemberNotFound');
    if (!m.isLearner) throw EtcdError.of('MemberNotLearner');
    // Only the leader knows how far the learner got: a follower passes the request on (etcd does so over its
    // peer port) and relays the answer.
    if (!this.isLeader) return this.forwardPromote(req);
    // etcd: a learner is ready when it has at least 90% of the leader's log.
    const st = this.driver.node.status();
    const match = st.progress?.get(id)?.match ?? 0;
    const leaderMatch = st.progress?.get(this.id)?.match ?? st.hardState.commit;
    if (match < leaderMatch * 0.9) throw EtcdError.of('LearnerNotReady');
    if (this.cfg.strictReconfigCheck) {
      // The promoted learner joins the quorum (counted as started): enough voters must have started.
      const { started, voters } = this.startedVoters();
      if (started + 1 < Math.floor((voters + 1) / 2) + 1) throw EtcdError.of('MemberNotEnoughStarted');
    }
    await this.proposeMemberChange(ConfChangeType.AddNode, { ...m, isLearner: false });
    return { header: this.memberHeader(), members: this.membersPb() };
  }

  /**
   * MemberPromote sent to the leader. As in etcd, tried again while there is no leader or the leader changes
   * (the call reaches no leader, or one that stepped down), until the request timeout; any answer from a
   * leader (success, or a refusal such as "not in sync") ends it.
   */
  private async forwardPromote(
    req: etcdserverpb.IMemberPromoteRequest,
  ): Promise<etcdserverpb.IMemberPromoteResponse> {
    const deadline = Date.now() + this.requestTimeoutMs;
    let sawLeader = false;
    for (;;) {
      if (this.stopping) throw EtcdError.of('Stopped');
      if (this.isLeader) return this.memberPromote(req); // elected meanwhile: answer here
      if (this.leaderId !== 0n) sawLeader = true;
      const urls = this.leaderId === 0n ? [] : this.leaderClientUrls();
      const left = deadline - Date.now();
      if (left <= 0) throw EtcdError.of(sawLeader ? 'Timeout' : 'NoLeader');
      if (urls.length > 0) {
        try {
          return await this.forwarder.promote(urls, req, left);
        } catch (e) {
          if (!(e instanceof EtcdError && (e.is('LeaderChanged') || e.is('NoLeader')))) throw e;
        }
      }
      await new Promise((r) => setTimeout(r, Math.min(50, Math.max(1, deadline - Date.now()))));
    }
  }

  /** Hands leadership to another voting member (etcd's MoveLeader): only the leader may, and it waits for it. */
  async moveLeader(req: etcdserverpb.IMoveLeaderRequest): Promise<etcdserverpb.IMoveLeaderResponse> {
    const target = longToU64(req.targetID);
    if (!this.isLeader) throw EtcdError.of('NotLeader');
    const m = this.membership.get(target);
    if (!m || m.isLearner) throw EtcdError.of('BadLeaderTransferee');
    if (target !== this.id) {
      this.driver.transferLeader(target);
      const deadline = Date.now() + Math.max(this.requestTimeoutMs, 5 * this.cfg.electionMs);
      while (this.leaderId !== target) {
        if (Date.now() > deadline || this.isStopped) throw EtcdError.of('TimeoutLeaderTransfer');
        await new Promise((r) => setTimeout(r, this.cfg.heartbeatMs));
      }
      this.log.info({ to: idHex(target) }, 'leadership transferred');
    }
    return { header: this.header() };
  }

  private forwarderValue: LeaderForwarder | undefined;
  private get forwarder(): LeaderForwarder {
    return (this.forwarderValue ??= new LeaderForwarder(this.cfg.client));
  }

  private leaderClientUrls(): string[] {
    return this.membership.get(this.leaderId)?.clientURLs ?? [];
  }

  private memberHeader(): etcdserverpb.IResponseHeader {
    return {
      cluster_id: u64ToLong(this.clusterId),
      member_id: u64ToLong(this.id),
      raft_term: u64ToLong(BigInt(this.term)),
    };
  }

  // ------------------------------------------------------------------ peers

  transport: Transport | undefined;
  /** Peer addresses actually bound (ports resolved). */
  peerUrls: URL[] = [];

  private async startTransport(): Promise<void> {
    const cfg = this.cfg;
    const read = (f: string) => (f ? readFileSync(f) : undefined);
    let tls: PeerTlsOptions | undefined;
    if (cfg.peer.certFile && cfg.peer.keyFile) {
      tls = {
        cert: read(cfg.peer.certFile),
        key: read(cfg.peer.keyFile),
        ca: read(cfg.peer.trustedCaFile),
        clientCertAuth: cfg.peer.clientCertAuth,
      };
    } else if (cfg.peer.autoTls && cfg.listenPeerUrls.some((u) => u.protocol === 'https:')) {
      const hosts = [...cfg.listenPeerUrls, ...cfg.initialAdvertisePeerUrls].map((u) => u.hostname);
      const pair = await selfSignedCert(join(cfg.dataDir, 'fixtures', 'peer'), hosts);
      tls = { cert: pair.cert, key: pair.key, insecureSkipVerify: true };
      this.log.info(
        { cert: pair.certFile },
        'peer traffic uses an automatically generated self-signed certificate',
      );
    }
    this.transport = new Transport({
      memberId: this.id,
      clusterId: this.clusterId,
      listenUrls: cfg.listenPeerUrls,
      tls,
      onMessage: (m) => {
        if (this.isStopped) return;
        try {
          this.driver.step(m);
        } catch (e) {
          this.log.debug({ err: String(e), type: m.type }, 'dropped a peer message');
        }
      },
      onSnapshot: (m, data) => this.receiveSnapshot(m, data),
      requestPaths: [PATH_LEASES, PATH_LEASES_INTERNAL],
      onRequest: (path, body) => this.answerLeaseRequest(path, body),
      reportUnreachable: (id) => this.driver.node.reportUnreachable(id),
      reportSnapshot: (id, failed) => {
        this.driver.node.reportSnapshot(id, failed);
        this.driver.schedule();
      },
      onRemovedFromCluster: () => {
        this.log.warn({}, 'a peer says this member was removed from the cluster; stopping');
        this.removedFromCluster = true;
        void this.stop();
      },
      members: () =>
        this.membership.list().map((m) => ({
          id: idHex(m.id),
          name: m.name,
          peerURLs: m.peerURLs,
          clientURLs: m.clientURLs,
          ...(m.isLearner ? { isLearner: true } : {}),
        })),
      version: () => ({ etcdserver: ETCD_API_VERSION, etcdcluster: CLUSTER_VERSION }),
      logger: this.log as never,
    });
    this.peerUrls = await this.transport.start();
    for (const m of this.membership.list()) {
      if (m.id !== this.id) this.transport.addPeer(m.id, m.peerURLs);
    }
  }

  private sendToPeers(msgs: Message[]): void {
    const t = this.transport;
    if (!t || msgs.length === 0) return;
    const plain: Message[] = [];
    for (const m of msgs) {
      if (m.type === MessageType.MsgSnap) this.sendSnapshot(m);
      else plain.push(m);
    }
    if (plain.length > 0) t.send(plain);
  }

  /** A follower needs a snapshot: the raft snapshot travels with a copy of the backend file. */
  private sendSnapshot(m: Message): void {
    const t = this.transport!;
    const dir = mkdtempSync(join(tmpdir(), 'tsetcd-snap-send-'));
    const file = join(dir, 'db');
    this.backend
      .commit()
      .then(() => this.backend.snapshotTo(file))
      .then(() => t.sendSnapshot(m, createReadStream(file), statSync(file).size))
      .catch((e) => {
        this.log.warn({ err: String(e), to: idHex(m.to) }, 'failed to prepare a snapshot for a follower');
        this.driver.node.reportSnapshot(m.to, true);
      })
      .finally(() => rmSync(dir, { recursive: true, force: true }));
  }

  private fatal(e: unknown): void {
    this.fatalError = e;
    this.log.error(
      { err: e instanceof Error ? e.stack : String(e) },
      'fatal error in the member loop; stopping',
    );
    void this.stop();
  }

  // ------------------------------------------------------------------ state

  get clusterId(): bigint {
    return this.membership.clusterId;
  }
  get appliedIndex(): number {
    return this.appliedIndexValue;
  }
  get raftTerm(): number {
    return this.term;
  }
  get leader(): bigint {
    return this.leaderId;
  }
  get isLeader(): boolean {
    return this.leaderId === this.id;
  }
  get isStopped(): boolean {
    return this.stopping !== undefined;
  }
  get uptimeMs(): number {
    return Date.now() - this.startedAt;
  }
  get commitIndex(): number {
    return this.driver.node.status().hardState.commit;
  }
  /** Every response's header. */
  header(revision: number = this.kv.rev()): etcdserverpb.IResponseHeader {
    // Many responses in a row carry the same header (a burst of reads, one event to many watchers):
    // the last one is reused. Headers are only read (encoded) after this, never changed.
    const last = this.lastHeader;
    if (last !== undefined && last.revision === revision && last.term === this.term) return last.pb;
    const pb: etcdserverpb.IResponseHeader = {
      cluster_id: u64ToLong(this.clusterId),
      member_id: u64ToLong(this.id),
      revision: i64ToLong(revision),
      raft_term: u64ToLong(BigInt(this.term)),
    };
    this.lastHeader = { revision, term: this.term, pb };
    return pb;
  }
  private lastHeader: { revision: number; term: number; pb: etcdserverpb.IResponseHeader } | undefined;
  /** header(revision), encoded (the last one is reused, as there). */
  headerBytes(revision: number): Uint8Array {
    const last = this.lastHeaderBytes;
    if (last !== undefined && last.revision === revision && last.term === this.term) return last.bytes;
    let ids = this.headerIds;
    if (ids === undefined || ids.clusterId !== this.clusterId || ids.memberId !== this.id) {
      ids = {
        clusterId: this.clusterId,
        memberId: this.id,
        bytes: responseHeaderIds(this.clusterId, this.id),
      };
      this.headerIds = ids;
    }
    const bytes = encodeResponseHeaderAfter(ids.bytes, revision, this.term);
    this.lastHeaderBytes = { revision, term: this.term, bytes };
    return bytes;
  }
  private headerIds: { clusterId: bigint; memberId: bigint; bytes: Uint8Array } | undefined;
  private lastHeaderBytes: { revision: number; term: number; bytes: Uint8Array } | undefined;
  alarmList(): AlarmMember[] {
    return [...this.alarms.values()];
  }

  // ------------------------------------------------------------------ proposals

  /**
   * Proposes a request through raft and resolves with its apply result on this member. `internal` requests
   * (the member's own, e.g. its attributes publish) are not held to --max-request-bytes, as in etcd.
   */
  propose(req: etcdserverpb.IInternalRaftRequest, opts?: { internal?: boolean }): Promise<unknown> {
    if (this.stopping) return Promise.reject(EtcdError.of('Stopped'));
    const uniq = this.nextId();
    const full: etcdserverpb.IInternalRaftRequest = { ...req, header: { ID: u64ToLong(uniq) } };
    // The encoder's buffer may be a slice of a shared pool: the entry gets bytes of its own kind (entry-arena.ts).
    const data = asEntryData(etcdserverpb.InternalRaftRequest.encode(full).finish());
    return this.proposeData(uniq, data, opts?.internal === true);
  }

  /** propose({put: req}), the entry written by hand (kv-wire.ts): the busiest proposal. */
  private proposePut(req: etcdserverpb.IPutRequest): Promise<unknown> {
    if (this.stopping) return Promise.reject(EtcdError.of('Stopped'));
    const uniq = this.nextId();
    return this.proposeData(uniq, encodeInternalPut(uniq, req));
  }

  /** Proposes an encoded InternalRaftRequest whose header carries the ID `uniq`. */
  private proposeData(uniq: bigint, data: Uint8Array, internal = false): Promise<unknown> {
    if (!internal && data.length > this.cfg.maxRequestBytes)
      return Promise.reject(EtcdError.of('RequestTooLarge'));
    return new Promise((resolve, reject) => {
      this.waiters.set(uniq, { resolve, reject, deadline: performance.now() + this.requestTimeoutMs });
      this.armWaiterTimer();
      this.hooks.onProposal?.('pending', 1);
      if (this.leaderId === 0n) {
        // Like etcd, a proposal made while there is no leader waits for one (up to the request timeout).
        this.parked.push({ id: uniq, data });
        return;
      }
      this.submit(uniq, data);
    });
  }

  /** Arms the proposals' timer for the oldest waiter's deadline, unless it is armed. */
  private armWaiterTimer(): void {
    if (this.waiterTimer !== undefined || this.waiters.size === 0) return;
    const oldest = this.waiters.values().next().value as ProposalWaiter;
    this.waiterTimer = setTimeout(this.expireWaiters, Math.max(0, oldest.deadline - performance.now()) + 1);
  }

  /** Fails every proposal past its deadline (etcd's "request timed out"), oldest first. */
  private readonly expireWaiters = (): void => {
    this.waiterTimer = undefined;
    const now = performance.now();
    for (const [id, w] of this.waiters) {
      if (w.deadline > now) break;
      this.waiters.delete(id);
      this.hooks.onProposal?.('pending', -1);
      this.hooks.onProposal?.('failed', 1);
      w.reject(EtcdError.of('Timeout'));
    }
    this.armWaiterTimer();
  };

  /** Proposals made while no leader was known, submitted when one appears. */
  private parked: Array<{ id: bigint; data: Uint8Array }> = [];

  private submit(id: bigint, data: Uint8Array): void {
    this.driver.proposeBuffered(data, (e) => {
      const w = this.waiters.get(id);
      if (!w) return;
      if (e === ErrProposalDropped && this.leaderId === 0n) {
        this.parked.push({ id, data });
        return;
      }
      this.waiters.delete(id);
      this.hooks.onProposal?.('pending', -1);
      this.hooks.onProposal?.('failed', 1);
      w.reject(e === ErrProposalDropped ? EtcdError.of('Timeout') : toEtcdError(e));
    });
  }

  /** Resolves once this member may serve a linearizable read (ReadIndex confirmed and applied). */
  linearizableReadNotify(): Promise<void> {
    if (this.stopping) return Promise.reject(EtcdError.of('Stopped'));
    if (FAILPOINTS && failpointOn('unsafeLocalLinearizableRead')) return Promise.resolve();
    return new Promise((resolve, reject) => {
      let batch = this.readBatch;
      if (!batch) {
        const ctx = Buffer.alloc(8);
        ctx.writeBigUInt64BE(this.nextId());
        batch = {
          ctx,
          waiters: [],
          timer: setTimeout(() => {
            const b = this.readBatch === batch ? this.readBatch : this.readInFlight.get(ctx.toString('hex'));
            if (!b) return;
            this.readInFlight.delete(ctx.toString('hex'));
            if (this.readBatch === b) this.readBatch = undefined;
            for (const w of b.waiters) w.reject(EtcdError.of('Timeout'));
          }, this.requestTimeoutMs),
        };
        this.readBatch = batch;
        // Send the ReadIndex on the next turn so every read arriving in this turn shares it.
        setImmediate(() => this.flushReadBatch());
      }
      batch.waiters.push({ resolve, reject });
    });
  }

  private flushReadBatch(): void {
    const b = this.readBatch;
    if (!b) return;
    // Without a leader a ReadIndex would be dropped: keep the batch until one is known.
    if (this.leaderId === 0n) return;
    this.readBatch = undefined;
    this.readInFlight.set(Buffer.from(b.ctx).toString('hex'), b);
    this.driver.readIndex(b.ctx);
    this.armReadRetry();
  }

  /** A ReadIndex can be lost (leader change, dropped message): ask again until answered, as etcd does. */
  private armReadRetry(): void {
    if (this.readRetry) return;
    this.readRetry = setInterval(
      () => {
        if (this.readInFlight.size === 0 || this.isStopped) {
          clearInterval(this.readRetry);
          this.readRetry = undefined;
          return;
        }
        if (this.leaderId === 0n) return;
        for (const b of this.readInFlight.values()) this.driver.readIndex(b.ctx);
      },
      Math.max(50, Math.floor(this.cfg.electionMs / 2)),
    );
    this.readRetry.unref();
  }
  private readRetry: NodeJS.Timeout | undefined;

  private onReadStates(states: ReadState[]): void {
    for (const rs of states) {
      const key = Buffer.from(rs.requestCtx).toString('hex');
      const b = this.readInFlight.get(key);
      if (!b) continue;
      this.readInFlight.delete(key);
      clearTimeout(b.timer);
      const done = () => {
        for (const w of b.waiters) w.resolve();
      };
      if (this.appliedIndexValue >= rs.index) done();
      else this.appliedWaits.push({ index: rs.index, resolve: done });
    }
  }

  // ------------------------------------------------------------------ apply

  private onSoftState(s: SoftState): void {
    const wasLeader = this.isLeader;
    this.leaderId = s.lead;
    this.term = this.driver.node.status().hardState.term;
    if (s.lead !== 0n) {
      this.hooks.onLeaderChange?.(s.lead);
      const parked = this.parked;
      this.parked = [];
      // Submit after this Ready is done: raft is in the middle of a turn.
      if (parked.length > 0 || this.readBatch) {
        setImmediate(() => {
          for (const p of parked) if (this.waiters.has(p.id)) this.submit(p.id, p.data);
          this.flushReadBatch();
        });
      }
    }
    if (!wasLeader && this.isLeader) {
      // Like etcd, the lessor is promoted once this term's first entry is applied: leases granted or
      // checkpointed by entries still being applied then count down from their final state.
      this.promoteAtIndex = this.driver.node.raft.raftLog.lastIndex();
      this.log.info({ term: this.term }, 'became leader');
      this.maybePromoteLessor();
    } else if (wasLeader && !this.isLeader) {
      this.promoteAtIndex = undefined;
      this.lessor.demote();
      this.lessorRunner?.stop();
      this.log.info({ term: this.term, leader: idHex(s.lead) }, 'lost leadership');
    }
  }

  private promoteAtIndex: number | undefined;

  private maybePromoteLessor(): void {
    if (this.promoteAtIndex === undefined || this.appliedIndexValue < this.promoteAtIndex || !this.isLeader)
      return;
    this.promoteAtIndex = undefined;
    this.lessor.promote(this.cfg.electionMs);
    this.lessorRunner?.start();
  }

  private readonly resetListeners = new Set<() => void>();
  /** `fn` runs when the state machine is replaced by a leader's snapshot (watch streams end then). */
  onStateReset(fn: () => void): () => void {
    this.resetListeners.add(fn);
    return () => this.resetListeners.delete(fn);
  }

  /** Set while a snapshot from the leader is being installed; entries wait in `applyQueue`. */
  private restoring: Promise<void> | undefined;
  private applyQueue: Entry[] = [];

  /** Where a snapshot's backend file from the leader is kept until raft installs the snapshot. */
  private snapDbPath(index: number): string {
    return join(this.raftStorage.snapshotter.dir, `${index.toString(16).padStart(16, '0')}.snap.db`);
  }

  /**
   * The leader sent a snapshot: its backend file (saved by receiveSnapshot) replaces ours, and the
   * lessor, the store and the membership are reopened on it, as etcd's applySnapshot does. Entries
   * committed meanwhile are applied once the new state is in place. Open watch streams end; clients
   * resume them from their last revision.
   */
  private applySnapshot(snap: Snapshot): void {
    const index = snap.metadata.index;
    this.appliedIndexValue = index;
    this.appliedTermValue = snap.metadata.term;
    this.snapshotIndex = index;
    this.confState = snap.metadata.confState;
    const file = this.snapDbPath(index);
    const prev = this.restoring ?? Promise.resolve();
    this.restoring = prev
      .then(async () => {
        if (!existsSync(file)) throw new Error(`snapshot ${index} arrived without its backend file ${file}`);
        const dir = this.raftStorage.snapshotter.dir;
        this.lessorRunner?.stop();
        await this.kv.close().catch(() => {});
        await this.backend.close();
        this.resetListeners.forEach((fn) => fn());
        installBackendFile(file, dir);
        const be = new LmdbBackend({
          dir,
          batchIntervalMs: this.cfg.backendBatchIntervalMs,
          batchLimit: this.cfg.backendBatchLimit,
        });
        this.openStateMachine(be);
        this.membership = new Membership(be, this.clusterId);
        this.consistentIndexAtStart = be.consistentIndex().index;
        for (const m of this.membership.list())
          if (m.id !== this.id) this.transport?.addPeer(m.id, m.peerURLs);
        if (this.isLeader) {
          this.lessor.promote(this.cfg.electionMs);
          this.lessorRunner?.start();
        }
        this.log.info(
          { index, 'backend-consistent-index': this.consistentIndexAtStart },
          'installed a snapshot from the leader',
        );
      })
      .catch((e) => this.fatal(e))
      .finally(() => {
        const queued = this.applyQueue;
        this.applyQueue = [];
        this.restoring = undefined;
        if (queued.length > 0 && !this.isStopped) this.applyEntries(queued);
      });
  }

  /** The transport received a snapshot's bulk data: keep it until raft installs the snapshot. */
  private async receiveSnapshot(m: Message, data: NodeJS.ReadableStream): Promise<void> {
    const index = m.snapshot?.metadata.index ?? 0;
    const file = this.snapDbPath(index);
    const tmp = `${file}.tmp`;
    await pipeline(data, createWriteStream(tmp, { mode: 0o600 }));
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    this.log.info({ index, from: idHex(m.from) }, 'received a snapshot backend file');
  }

  private applyEntries(ents: Entry[]): void {
    if (this.restoring) {
      this.applyQueue.push(...ents);
      return;
    }
    for (const e of ents) {
      if (e.index <= this.appliedIndexValue) continue;
      this.term = Math.max(this.term, e.term);
      if (e.type === EntryType.ConfChange) this.applyConfChange(e);
      else if (e.data.length > 0) this.applyNormal(e);
      this.appliedIndexValue = e.index;
      this.appliedTermValue = e.term;
      if (e.index > this.consistentIndexAtStart)
        this.backend.setConsistentIndex({ index: e.index, term: e.term });
    }
    this.maybePromoteLessor();
    // Wake reads waiting for this applied index.
    if (this.appliedWaits.length > 0) {
      const ready = this.appliedWaits.filter((w) => w.index <= this.appliedIndexValue);
      if (ready.length > 0) {
        for (let i = this.appliedWaits.length - 1; i >= 0; i--) {
          if (this.appliedWaits[i]!.index <= this.appliedIndexValue) this.appliedWaits.splice(i, 1);
        }
        for (const w of ready) w.resolve();
      }
    }
    this.maybeSnapshot();
  }

  private applyConfChange(e: Entry): void {
    const cc = decodeConfChange(e.data);
    this.confState = this.driver.node.applyConfChange(cc);
    const w = this.confWaiters.get(cc.id);
    if (w) {
      this.confWaiters.delete(cc.id);
      clearTimeout(w.timer);
      // Resolve after the membership below is updated.
      setImmediate(() => w.resolve(undefined));
    }
    if (e.index <= this.consistentIndexAtStart) return;
    switch (cc.type) {
      case ConfChangeType.AddNode:
      case ConfChangeType.AddLearnerNode: {
        if (cc.context.length === 0) break; // bootstrap entries: members were recorded from the config
        const mem = decodeMemberContext(cc.context);
        const existing = this.membership.get(cc.nodeId);
        if (existing && cc.type === ConfChangeType.AddNode && existing.isLearner) {
          this.membership.update(cc.nodeId, { isLearner: false });
        } else {
          this.membership.add({
            ...mem,
            id: cc.nodeId,
            isLearner: cc.type === ConfChangeType.AddLearnerNode,
          });
          if (cc.nodeId !== this.id) this.transport?.addPeer(cc.nodeId, mem.peerURLs);
        }
        this.snapshotLacksMembers = true;
        break;
      }
      case ConfChangeType.RemoveNode:
        this.membership.remove(cc.nodeId);
        if (cc.nodeId !== this.id) this.transport?.removePeer(cc.nodeId);
        if (cc.nodeId === this.id) {
          this.log.warn({}, 'this member was removed from the cluster; stopping');
          this.removedFromCluster = true;
          setImmediate(() => void this.stop());
        }
        break;
      case ConfChangeType.UpdateNode:
        if (cc.context.length > 0) {
          const mem = decodeMemberContext(cc.context);
          this.membership.update(cc.nodeId, { peerURLs: mem.peerURLs });
          if (cc.nodeId !== this.id) this.transport?.updatePeer(cc.nodeId, mem.peerURLs);
        }
        break;
    }
  }

  private applyNormal(e: Entry): void {
    // A Put's entry (most entries) is read by hand; anything else is decoded in full.
    const put = decodeInternalPut(e.data);
    let req: etcdserverpb.InternalRaftRequest | undefined;
    if (put === undefined) {
      try {
        req = etcdserverpb.InternalRaftRequest.decode(e.data);
      } catch (err) {
        this.log.error({ index: e.index, err: String(err) }, 'undecodable raft entry skipped');
        return;
      }
    }
    const id = put !== undefined ? put.id : longToU64(req!.header?.ID ?? req!.ID);
    const w = this.waiters.get(id);
    const skip = e.index <= this.consistentIndexAtStart;
    let result: unknown;
    let error: unknown;
    if (!skip) {
      try {
        result = put !== undefined ? this.applyPut(put.put) : this.applyRequest(req!);
      } catch (err) {
        error = err;
      }
    }
    if (w) {
      this.waiters.delete(id);
      this.hooks.onProposal?.('pending', -1);
      if (error !== undefined) {
        this.hooks.onProposal?.('failed', 1);
        w.reject(toEtcdError(error));
      } else {
        this.hooks.onProposal?.('applied', 1);
        w.resolve(result);
      }
    }
  }

  private hasNoSpaceAlarm(): boolean {
    return this.alarms.size > 0 && [...this.alarms.values()].some((a) => a.alarm === 1);
  }

  private applyPut(p: m.PutRequest): m.PutResponse {
    if (this.hasNoSpaceAlarm()) throw EtcdError.of('NoSpace');
    return this.kv.applyPut(p);
  }

  /** The state machine: one replicated request. Throws etcd-coded errors for client mistakes. */
  private applyRequest(r: etcdserverpb.InternalRaftRequest): unknown {
    if (r.put) return this.applyPut(conv.putFromPb(r.put));
    const noSpace = this.hasNoSpaceAlarm();
    if (r.delete_range) {
      if (noSpace) throw EtcdError.of('NoSpace');
      return this.kv.applyDeleteRange(conv.deleteRangeFromPb(r.delete_range));
    }
    if (r.txn) {
      const txn = conv.txnFromPb(r.txn);
      if (noSpace && txnWrites(txn)) throw EtcdError.of('NoSpace');
      return this.kv.applyTxn(txn);
    }
    if (r.range) return this.kv.applyRange(conv.rangeFromPb(r.range));
    if (r.compaction) return this.kv.applyCompaction(conv.compactionFromPb(r.compaction));
    if (r.lease_grant) {
      if (noSpace) throw EtcdError.of('NoSpace');
      return this.lessor.grant(longToI64(r.lease_grant.ID), longToSafeInt(r.lease_grant.TTL, 'TTL'));
    }
    if (r.lease_revoke) {
      this.lessor.revoke(longToI64(r.lease_revoke.ID));
      return { revision: this.kv.rev() };
    }
    if (r.lease_checkpoint) {
      for (const c of r.lease_checkpoint.checkpoints ?? []) {
        this.lessor.applyCheckpoint(longToI64(c.ID), longToSafeInt(c.remaining_TTL, 'remaining_TTL'));
      }
      return {};
    }
    if (r.alarm) return this.applyAlarm(r.alarm);
    if (r.v2) return this.applyV2(r.v2);
    throw new EtcdError(GrpcCode.UNIMPLEMENTED, 'etcdserver: request not supported yet');
  }

  private applyAlarm(a: etcdserverpb.IAlarmRequest): AlarmMember[] {
    const memberID = longToU64(a.memberID);
    const alarm = (a.alarm ?? 0) as AlarmType;
    const key = `${idHex(memberID)}/${alarm}`;
    switch (a.action ?? 0) {
      case 0: // GET
        return this.alarmList().filter((x) => alarm === 0 || x.alarm === alarm);
      case 1: // ACTIVATE
        if (alarm === 0) return [];
        if (!this.alarms.has(key)) {
          this.alarms.set(key, { memberID, alarm });
          this.backend.put(
            Bucket.alarm,
            Buffer.from(key),
            Buffer.from(JSON.stringify({ memberID: idHex(memberID), alarm })),
          );
          this.log.warn({ member: idHex(memberID), alarm }, 'alarm raised');
        }
        return [{ memberID, alarm }];
      case 2: {
        // DEACTIVATE
        const had = this.alarms.get(key);
        if (!had) return [];
        this.alarms.delete(key);
        this.backend.delete(Bucket.alarm, Buffer.from(key));
        this.log.info({ member: idHex(memberID), alarm }, 'alarm cleared');
        return [had];
      }
      default:
        return [];
    }
  }

  /** etcd 3.4 publishes each member's name and client URLs through a replicated v2 request. */
  private applyV2(r: etcdserverpb.IRequest): unknown {
    const m = /^\/0\/members\/([0-9a-f]+)\/attributes$/.exec(r.Path ?? '');
    if (r.Method === 'PUT' && m) {
      const attrs = JSON.parse(r.Val ?? '{}') as { name?: string; clientURLs?: string[] };
      this.membership.update(BigInt(`0x${m[1]}`), {
        name: attrs.name ?? '',
        clientURLs: attrs.clientURLs ?? [],
      });
      return {};
    }
    throw new EtcdError(GrpcCode.UNIMPLEMENTED, 'etcdserver: v2 requests are not supported yet');
  }

  private maybeSnapshot(): void {
    const due = this.appliedIndexValue - this.snapshotIndex > this.cfg.snapshotCount;
    // A member added since the last snapshot must appear in it, or raft could not catch it up by
    // snapshot once the log before it is compacted (raft ignores a snapshot that lacks the recipient).
    const stale = this.snapshotLacksMembers && this.raftStorage.storage.firstIndex() > 1;
    if (!due && !stale) return;
    if (this.snapshotting) return;
    this.snapshotting = true;
    const index = this.appliedIndexValue;
    const confState = this.confState;
    // The snapshot may only stand for state the backend has durably: commit it first.
    this.backend
      .commit()
      // The WAL takes one writer at a time: this runs between two turns' writes, never during one.
      .then(
        () =>
          new Promise<void>((resolve, reject) =>
            this.driver.withWalIdle(() => {
              try {
                this.saveSnapshotNow(index, confState);
                resolve();
              } catch (e) {
                reject(e);
              }
            }),
          ),
      )
      .catch((e) => this.log.error({ err: String(e) }, 'snapshot failed'))
      .finally(() => {
        this.snapshotting = false;
      });
  }
  private snapshotting = false;

  private saveSnapshotNow(index: number, confState: ConfState): void {
    if (this.isStopped) return;
    const rs = this.raftStorage;
    const data = Buffer.from(JSON.stringify({ members: this.membership.list().map((x) => idHex(x.id)) }));
    const snap = rs.storage.createSnapshot(index, confState, data);
    rs.snapshotter.save(snap);
    if (FAILPOINTS) failpoint('duringSnapshotSave');
    rs.wal.saveSnapshot({ index, term: snap.metadata.term, confState });
    const compactTo = index - this.cfg.snapshotCatchupEntries;
    if (compactTo > rs.storage.firstIndex()) rs.storage.compact(compactTo);
    rs.wal.releaseLockTo(Math.max(1, compactTo));
    if (this.cfg.maxSnapshots > 0) rs.snapshotter.purge(this.cfg.maxSnapshots);
    this.snapshotIndex = index;
    this.snapshotLacksMembers = false;
    this.log.info({ index }, 'saved a snapshot and released older WAL');
  }
  private snapshotLacksMembers = false;

  // ------------------------------------------------------------------ client operations (v3 API)

  async range(req: etcdserverpb.IRangeRequest): Promise<etcdserverpb.IRangeResponse> {
    const r = local(() => conv.rangeFromPb(req));
    if (!r.serializable) await this.linearizableReadNotify();
    if (this.restoring) await this.restoring;
    return local(() => conv.rangeToPb(this.kv.applyRange(r), (rev) => this.header(rev)));
  }

  /**
   * Range whose reply may come back as gRPC-framed bytes: when nothing needs sorting, filtering or
   * stripping, the reply is framed from the KeyValues' stored bytes (kv-wire.ts), else the same object as
   * range() returns.
   */
  async rangeFramed(req: etcdserverpb.IRangeRequest): Promise<Buffer | etcdserverpb.IRangeResponse> {
    const r = local(() => conv.rangeFromPb(req));
    if (!r.serializable) await this.linearizableReadNotify();
    if (this.restoring) await this.restoring;
    return local(() => {
      const stored = this.kv.rangeStored(r);
      if (stored === undefined) return conv.rangeToPb(this.kv.applyRange(r), (rev) => this.header(rev));
      return framedRangeResponse(this.headerBytes(stored.revision), stored);
    });
  }

  async put(req: etcdserverpb.IPutRequest): Promise<etcdserverpb.IPutResponse> {
    this.checkWritable();
    const res = (await this.proposePut(req)) as m.PutResponse;
    return conv.putToPb(res, (rev) => this.header(rev));
  }

  /** Put whose reply may come back as gRPC-framed bytes: one without prev_kv is framed by hand (kv-wire.ts). */
  async putFramed(req: etcdserverpb.IPutRequest): Promise<Buffer | etcdserverpb.IPutResponse> {
    this.checkWritable();
    const res = (await this.proposePut(req)) as m.PutResponse;
    if (res.prevKv) return conv.putToPb(res, (rev) => this.header(rev));
    return framedPutResponse(this.headerBytes(res.header.revision));
  }

  async deleteRange(req: etcdserverpb.IDeleteRangeRequest): Promise<etcdserverpb.IDeleteRangeResponse> {
    this.checkWritable();
    const res = (await this.propose({ delete_range: req })) as m.DeleteRangeResponse;
    return conv.deleteRangeToPb(res, (rev) => this.header(rev));
  }

  async txn(req: etcdserverpb.ITxnRequest): Promise<etcdserverpb.ITxnResponse> {
    const t = local(() => conv.txnFromPb(req));
    if (!txnWrites(t)) {
      // A read-only txn is served like a linearizable read, without going through the log.
      await this.linearizableReadNotify();
      return local(() => conv.txnToPb(this.kv.applyTxn(t), (rev) => this.header(rev)));
    }
    this.checkWritable();
    const res = (await this.propose({ txn: req })) as m.TxnResponse;
    return conv.txnToPb(res, (rev) => this.header(rev));
  }

  async compact(req: etcdserverpb.ICompactionRequest): Promise<etcdserverpb.ICompactionResponse> {
    const res = (await this.propose({ compaction: req })) as {
      response: m.CompactionResponse;
      done: Promise<void>;
    };
    if (req.physical) await res.done;
    return { header: this.header(res.response.header.revision) };
  }

  async leaseGrant(req: etcdserverpb.ILeaseGrantRequest): Promise<etcdserverpb.ILeaseGrantResponse> {
    this.checkWritable();
    let id = longToI64(req.ID);
    if (id === 0n) id = pickLeaseId(this.nextId);
    const g = (await this.propose({ lease_grant: { ID: i64ToLong(id), TTL: req.TTL ?? 0 } })) as {
      id: bigint;
      ttl: number;
    };
    return { header: this.header(), ID: i64ToLong(g.id), TTL: i64ToLong(g.ttl) };
  }

  async leaseRevoke(req: etcdserverpb.ILeaseRevokeRequest): Promise<etcdserverpb.ILeaseRevokeResponse> {
    await this.propose({ lease_revoke: req });
    return { header: this.header() };
  }

  /** One keepalive: the new TTL, or 0 when the lease is unknown (etcd answers TTL 0, not an error). */
  async leaseRenew(id: bigint): Promise<number> {
    if (this.stopping) throw EtcdError.of('Stopped');
    if (this.leaderId === 0n) throw EtcdError.of('NoLeader');
    if (this.isLeader) {
      try {
        return await this.lessor.renew(id);
      } catch (e) {
        if (e instanceof LeaseNotFoundError) return 0;
        // Leader in raft but not (yet, or any more) the primary lessor: ask whoever leads.
        if (!(e instanceof NotPrimaryError)) throw toEtcdError(e);
      }
    }
    return new Promise<number>((resolve, reject) => {
      this.renewsToForward.push({ id, resolve, reject });
      if (this.renewsToForward.length === 1) setImmediate(() => this.forwardRenews());
    });
  }

  /** Keepalives waiting to go to the leader: one peer request per event-loop turn carries them all. */
  private renewsToForward: { id: bigint; resolve(ttl: number): void; reject(e: unknown): void }[] = [];

  private forwardRenews(): void {
    const batch = this.renewsToForward;
    this.renewsToForward = [];
    const body = encodeFrames(
      batch.map((r) => etcdserverpb.LeaseKeepAliveRequest.encode({ ID: i64ToLong(r.id) }).finish()),
    );
    this.leaseViaLeader(PATH_LEASES, body).then(
      (reply) => {
        const ttls: number[] = [];
        try {
          new FrameDecoder(MAX_REQUEST_BYTES).push(Buffer.from(reply.body), (f) =>
            ttls.push(longToSafeInt(etcdserverpb.LeaseKeepAliveResponse.decode(f).TTL)),
          );
        } catch (err) {
          // An answer we cannot read fails this batch's keepalives, never the member.
          const e = new EtcdError(
            GrpcCode.INTERNAL,
            `unreadable keepalive answer from the leader: ${err instanceof Error ? err.message : String(err)}`,
          );
          for (const r of batch) r.reject(e);
          return;
        }
        if (ttls.length !== batch.length) {
          const e = new EtcdError(
            GrpcCode.INTERNAL,
            `leader answered ${ttls.length} of ${batch.length} keepalives`,
          );
          for (const r of batch) r.reject(e);
          return;
        }
        batch.forEach((r, i) => r.resolve(ttls[i]!));
      },
      (e: unknown) => {
        for (const r of batch) r.reject(e);
      },
    );
  }

  async leaseTimeToLive(
    req: etcdserverpb.ILeaseTimeToLiveRequest,
  ): Promise<etcdserverpb.ILeaseTimeToLiveResponse> {
    await this.linearizableReadNotify();
    // Only the leader knows how much time a lease has left.
    const body = etcdserverpb.LeaseTimeToLiveRequest.encode(req).finish();
    const reply = await this.leaseViaLeader(PATH_LEASES_INTERNAL, body);
    let out: etcdserverpb.LeaseTimeToLiveResponse;
    try {
      out = etcdserverpb.LeaseTimeToLiveResponse.decode(reply.body);
    } catch (err) {
      throw new EtcdError(
        GrpcCode.INTERNAL,
        `unreadable TimeToLive answer from the leader: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    // etcd fills the header in on the member the client asked, as for any answer.
    out.header = this.header();
    return out;
  }

  /**
   * A lease call only the leader's lessor can answer (keepalive, TimeToLive), answered here when this
   * member leads, else sent to the leader over the peer link (etcd's /leases). Retried, as etcd does,
   * while there is no leader, the link is down or the leader has just lost its role, until the request
   * timeout. Resolves with a status 200 answer; anything else becomes an error. A leader of this version
   * answers an unknown lease inside a 200 (TTL 0 / -1), so a 404 means the leader does not serve the path
   * at all (an older tsetcd during a rolling upgrade).
   */
  private async leaseViaLeader(path: string, body: Uint8Array): Promise<PeerReply> {
    const deadline = Date.now() + this.requestTimeoutMs;
    for (;;) {
      if (this.stopping) throw EtcdError.of('Stopped');
      const leader = this.leaderId;
      let reply: PeerReply | undefined;
      if (leader === this.id) {
        reply = await this.answerLeaseRequest(path, Buffer.from(body));
      } else if (leader !== 0n && this.transport !== undefined) {
        try {
          reply = await this.transport.request(leader, path, body, Math.max(1, deadline - Date.now()));
        } catch (e) {
          if (!(e instanceof PeerUnavailableError)) throw e;
        }
      }
      if (reply !== undefined && reply.status !== 503) {
        if (reply.status === 200) return reply;
        if (reply.status === 404) {
          throw new EtcdError(
            GrpcCode.UNAVAILABLE,
            `etcdserver: the leader does not serve ${path} (an older version?); lease requests must go to it`,
          );
        }
        const text = Buffer.from(reply.body).toString('utf8');
        const name = etcdErrorByMessage(text);
        throw name ? EtcdError.of(name) : new EtcdError(GrpcCode.UNKNOWN, text);
      }
      const left = deadline - Date.now();
      if (left <= 0) throw EtcdError.of(this.leaderId === 0n ? 'NoLeader' : 'Timeout');
      // No leader yet, the link to it is down, or it stepped down: wait a little (etcd throttles too).
      await new Promise((r) => setTimeout(r, Math.min(50, left)));
    }
  }

  /**
   * The leader's side of /leases (a batch of keepalives) and /leases/internal (TimeToLive): protobuf in,
   * protobuf out; 503 when this member is not the primary lessor (the asker retries).
   */
  private async answerLeaseRequest(path: string, body: Buffer): Promise<PeerReply> {
    const notPrimary = { status: 503, body: Buffer.from('not a primary lessor') };
    if (!this.isLeader || this.stopping) return notPrimary;
    if (path === PATH_LEASES) {
      // A batch of keepalives (length-prefixed LeaseKeepAliveRequests); the answers in the same order,
      // TTL 0 for a lease that does not exist.
      const ids: Long[] = [];
      new FrameDecoder(MAX_REQUEST_BYTES).push(body, (f) =>
        ids.push(etcdserverpb.LeaseKeepAliveRequest.decode(f).ID as Long),
      );
      try {
        const ttls = await Promise.all(
          ids.map((id) =>
            this.lessor.renew(longToI64(id)).catch((e: unknown) => {
              if (e instanceof LeaseNotFoundError) return 0;
              throw e;
            }),
          ),
        );
        const out = ttls.map((ttl, i) =>
          etcdserverpb.LeaseKeepAliveResponse.encode({ ID: ids[i]!, TTL: i64ToLong(ttl) }).finish(),
        );
        return { status: 200, body: encodeFrames(out) };
      } catch (e) {
        if (e instanceof NotPrimaryError) return notPrimary;
        return { status: 500, body: Buffer.from(toEtcdError(e).message) };
      }
    }
    if (path === PATH_LEASES_INTERNAL) {
      const req = etcdserverpb.LeaseTimeToLiveRequest.decode(body);
      const t = this.lessor.timeToLive(longToI64(req.ID), req.keys ?? false);
      const res = etcdserverpb.LeaseTimeToLiveResponse.encode({
        ID: i64ToLong(t.id),
        TTL: i64ToLong(BigInt(t.ttl)),
        grantedTTL: i64ToLong(BigInt(t.grantedTtl)),
        keys: req.keys ? t.keys : [],
      });
      return { status: 200, body: res.finish() };
    }
    return { status: 404, body: Buffer.from('404 page not found\n') };
  }

  leaseLeases(): etcdserverpb.ILeaseLeasesResponse {
    return { header: this.header(), leases: this.lessor.leases().map((id) => ({ ID: i64ToLong(id) })) };
  }

  async alarm(req: etcdserverpb.IAlarmRequest): Promise<etcdserverpb.IAlarmResponse> {
    let list: AlarmMember[];
    if ((req.action ?? 0) === 0) {
      await this.linearizableReadNotify();
      list = this.alarmList().filter((a) => !req.alarm || a.alarm === req.alarm);
    } else {
      list = (await this.propose({ alarm: req })) as AlarmMember[];
    }
    return {
      header: this.header(),
      alarms: list.map((a) => ({ memberID: u64ToLong(a.memberID), alarm: a.alarm })),
    };
  }

  memberList(): etcdserverpb.IMemberListResponse {
    return { header: this.memberHeader(), members: this.membersPb() };
  }

  status(): etcdserverpb.IStatusResponse {
    const st = this.driver.node.status();
    return {
      header: this.header(),
      version: ETCD_API_VERSION,
      dbSize: i64ToLong(this.backend.size()),
      leader: u64ToLong(this.leaderId),
      raftIndex: u64ToLong(BigInt(st.hardState.commit)),
      raftTerm: u64ToLong(BigInt(st.hardState.term)),
      raftAppliedIndex: u64ToLong(BigInt(this.appliedIndexValue)),
      errors: this.alarmList().map(
        (a) => `memberID:${a.memberID} alarm:${a.alarm === 1 ? 'NOSPACE' : 'CORRUPT'} `,
      ),
      dbSizeInUse: i64ToLong(this.backend.sizeInUse()),
      isLearner: this.membership.get(this.id)?.isLearner ?? false,
    };
  }

  async defragment(): Promise<etcdserverpb.IDefragmentResponse> {
    await this.backend.defragment();
    return { header: this.header() };
  }

  async hash(): Promise<etcdserverpb.IHashResponse> {
    const h = await this.kv.hash();
    return { header: this.header(h.revision), hash: h.hash };
  }

  async hashKV(req: etcdserverpb.IHashKVRequest): Promise<etcdserverpb.IHashKVResponse> {
    const h = await this.kv.hashKV(longToSafeInt(req.revision, 'revision'));
    return { header: this.header(h.revision), hash: h.hash, compact_revision: i64ToLong(h.compactRevision) };
  }

  /** Refuses writes while a NOSPACE alarm is raised (etcd checks before proposing too). */
  private sizeCheckedAt = -Infinity;
  private lastBackendSize = 0;

  private checkWritable(): void {
    if (this.alarms.size > 0 && [...this.alarms.values()].some((a) => a.alarm === 1))
      throw EtcdError.of('NoSpace');
    // The file size is a stat() call: look at most every 100 ms, not on every write.
    const now = performance.now();
    if (now - this.sizeCheckedAt > 100) {
      this.sizeCheckedAt = now;
      this.lastBackendSize = this.backend.size();
    }
    if (this.lastBackendSize > this.cfg.quotaBackendBytes) {
      // Over quota: raise the alarm through raft, as etcd does, then refuse.
      void this.propose({ alarm: { action: 1, memberID: u64ToLong(this.id), alarm: 1 } }).catch(() => {});
      throw EtcdError.of('NoSpace');
    }
  }

  /** For health checks: a leader exists and no alarm is raised. */
  healthProblem(): string | undefined {
    if (this.fatalError) return 'fatal error';
    if (this.leaderId === 0n) return 'RAFT NO LEADER';
    const a = this.alarmList()[0];
    if (a) return `ALARM ${a.alarm === 1 ? 'NOSPACE' : 'CORRUPT'}`;
    return undefined;
  }
}

/** Runs a local (non-replicated) step, giving its errors etcd's wire form. */
function local<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw toEtcdError(e);
  }
}

function txnWrites(t: m.TxnRequest): boolean {
  const ops = [...(t.success ?? []), ...(t.failure ?? [])];
  return ops.some(
    (op) => op.requestPut || op.requestDeleteRange || (op.requestTxn && txnWrites(op.requestTxn)),
  );
}

interface JoinInfo {
  id: bigint;
  clusterId: bigint;
  members: Member[];
}

/** Asks the members named in --initial-cluster for the membership (GET /members on their peer port). */
async function fetchClusterFromPeers(
  cfg: ServerConfig,
  selfPeerUrls: string[],
  log: Logger,
): Promise<JoinInfo> {
  const self = [...selfPeerUrls].sort().join(',');
  const errors: string[] = [];
  for (const [name, urls] of cfg.initialCluster) {
    for (const u of urls) {
      const url = urlString(u);
      if (selfPeerUrls.includes(url)) continue;
      try {
        const res = await fetch(`${url}/members`, { signal: AbortSignal.timeout(2000) });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const list = (await res.json()) as Array<{
          id: string;
          name?: string;
          peerURLs?: string[];
          clientURLs?: string[];
          isLearner?: boolean;
        }>;
        const cid = res.headers.get('x-etcd-cluster-id');
        if (!cid) throw new Error('no X-Etcd-Cluster-ID header');
        const members: Member[] = list.map((m) => ({
          id: BigInt(`0x${m.id}`),
          name: m.name ?? '',
          peerURLs: m.peerURLs ?? [],
          clientURLs: m.clientURLs ?? [],
          isLearner: m.isLearner ?? false,
        }));
        const me = members.find((m) => [...m.peerURLs].sort().join(',') === self);
        if (!me) {
          throw new Error(
            `member with peer URLs ${selfPeerUrls.join(',')} is not in the cluster; add it first with "member add"`,
          );
        }
        log.info(
          { from: name, 'cluster-id': cid, 'local-member-id': idHex(me.id) },
          'fetched cluster membership',
        );
        return { id: me.id, clusterId: BigInt(`0x${cid}`), members };
      } catch (e) {
        errors.push(`${url}: ${(e as Error).message}`);
      }
    }
  }
  throw new Error(
    `could not fetch the cluster membership from any peer in --initial-cluster (${errors.join('; ')})`,
  );
}

/** Replaces the backend file `dir/db` with `file` durably (rename, then fsync the directory). */
function installBackendFile(file: string, dir: string): void {
  renameSync(file, join(dir, 'db'));
  rmSync(join(dir, 'db-lock'), { force: true });
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Backend files received for snapshots at or below `upTo` are no longer needed. */
function removeStaleSnapDbs(dir: string, upTo: number): void {
  for (const f of readdirSync(dir)) {
    const m = /^([0-9a-f]{16})\.snap\.db(\.tmp)?$/.exec(f);
    if (m && (m[2] || Number.parseInt(m[1]!, 16) <= upTo)) rmSync(join(dir, f), { force: true });
  }
}
