// Drives one raft state machine: the member loop of etcd's etcdserver/raft.go, without peers'
// transport (messages are handed to `send`). One loop turn, in the order raft demands:
//   1 persist hard state + entries to the WAL (fdatasync when mustSync) and a snapshot, if any
//   2 only then send messages (a vote or an append may not leave before it is durable, Raft §5)
//   3 apply the snapshot and the committed entries to the state machine
//   4 advance
// Turns run on setImmediate after anything that may produce a Ready (tick, proposal, message), so
// all proposals made in one event-loop turn share one Ready and one fsync (group commit).
//
// A turn's WAL write that needs an fdatasync runs off the event loop (WAL.saveAsync: libuv's thread pool),
// so while the disk works the loop keeps taking requests, which queue up for the next turn's batch (a write
// that needs none, only the commit index moved, is done synchronously and holds nothing). Exception, a small
// synced write (at most INLINE_MAX_ENTRIES entries and INLINE_MAX_BYTES of entry data) in a turn that has
// released nothing yet (no leader message, no entry applied before the write, no read state: node:http2 would
// hold their bytes until the loop is free again): it is synced on the loop. That is light load, with little
// to overlap the disk with, and the pool's two thread wake-ups (hand-off, completion)
// cost about what the fdatasync does; on this machine's VM they made the 1-member put-to-watch-event p99
// 2.3-2.6 ms where the fdatasync itself was 1 ms. Under load the batches grow past the limits and the thread
// pool takes over. The price: while an inline fdatasync lasts, the whole member waits (reads, watches, lease
// keepalives, which are read only after the lessor's timer has run once the loop is back); etcd's raft
// goroutine blocks in fdatasync too, but its other goroutines go on serving. So a slow disk must not stall the
// member again and again: an inline write that took more than INLINE_SLOW_MS sends synced writes to the pool
// for INLINE_COOLDOWN_MS, then one write tries the loop again; each slow try doubles the wait (up to
// INLINE_MAX_COOLDOWN_MS), each fast one halves it (not below INLINE_COOLDOWN_MS). How long the first slow
// write after a wait blocks is up to the disk. Until durable:
// - no new Ready is taken (one write in flight; raft keeps the entries in its unstable log meanwhile),
// - a follower's or candidate's messages wait (MsgAppResp, votes promise durable state),
// - committed entries wait unless every one of them was already durable before this turn (a single
//   member commits what it appends in the same Ready; acknowledging those needs the fsync first).
// A leader's messages leave at once: the leader replicates in parallel with its own fsync (raft thesis
// §10.2.1, etcd does the same); they promise nothing about the leader's disk. When its turn also has entries
// to apply, the rest of the turn waits one loop iteration, so that node:http2 has written those messages out
// (a commit index the followers' watchers wait for) before the apply's work. Raft counts the leader's
// own copy towards a commit as soon as it appends, so what keeps an entry from being applied before the
// leader's disk has it is the rule above: committed entries are applied in this turn only if already durable,
// else once this write is, and the next turn waits for it.
// Turns with a snapshot stay fully synchronous.
import { RawNode, type MemoryStorage, type Ready, type SoftState, type ReadState } from '../raft/index.ts';
import type { ConfChange, Entry, Message, Snapshot } from '../api/raft-types.ts';
import type { WAL } from '../storage/wal/wal.ts';
import type { Snapshotter } from '../storage/snap/snapshotter.ts';
import {
  FAILPOINTS,
  deferFsync,
  deferWalSave,
  failpoint,
  walFailpointsSet,
  watchPowerLoss,
} from './failpoints.ts';

/** A synced WAL write of at most this many entries may run on the loop (light load; see the header)... */
export const INLINE_MAX_ENTRIES = 2;
/** ... and at most this many bytes of entry data. */
export const INLINE_MAX_BYTES = 64 * 1024;
/** An inline write slower than this sends synced writes back to the thread pool for a while... */
export const INLINE_SLOW_MS = 2;
/** ... first for this long, doubling on each slow try after a wait, up to INLINE_MAX_COOLDOWN_MS. */
export const INLINE_COOLDOWN_MS = 1000;
export const INLINE_MAX_COOLDOWN_MS = 60_000;

export type FsyncMode = 'auto' | 'pool' | 'loop';

export interface RaftDriverHooks {
  /** Hand raft messages to the peer transport (after persistence). */
  send(messages: Message[]): void;
  /** Apply a snapshot received from the leader (state machine must reset to it). */
  applySnapshot(snapshot: Snapshot): void;
  /** Apply committed entries, in order. Synchronous: the next turn waits for it. */
  applyEntries(entries: Entry[]): void;
  /** Leadership or role changed. */
  onSoftState?(soft: SoftState): void;
  /** Linearizable read points became available. */
  onReadStates?(states: ReadState[]): void;
  /** A fatal error (disk). The member must stop. */
  onFatal(err: unknown): void;
}

export interface RaftDriverOptions {
  node: RawNode;
  storage: MemoryStorage;
  wal: WAL;
  snapshotter: Snapshotter;
  tickMs: number;
  hooks: RaftDriverHooks;
  /** Observes each WAL save (for the fsync-duration metric). */
  onWalSave?(ms: number, entries: number, synced: boolean): void;
  /**
   * Where synced WAL writes fdatasync: 'auto' (default; libuv's thread pool, small ones on the loop while the
   * disk is fast, see the header), 'pool' (always the thread pool), 'loop' (always the event loop). 'auto'
   * acts as 'pool' while a switch acknowledges before the WAL write is durable (unsafeAck*), so those keep
   * their thread-pool shape.
   */
  fsync?: FsyncMode;
  /** Clock (ms) for timing inline writes and their cool-down; tests inject one. */
  now?: () => number;
}

export class RaftDriver {
  readonly node: RawNode;
  private readonly storage: MemoryStorage;
  private readonly wal: WAL;
  private readonly snapshotter: Snapshotter;
  private readonly hooks: RaftDriverHooks;
  private readonly tickMs: number;
  private readonly onWalSave: RaftDriverOptions['onWalSave'];
  private ticker: NodeJS.Timeout | undefined;
  private scheduled = false;
  private stopped = false;
  private soft: SoftState | undefined;
  /**
   * A turn is unfinished: its WAL write is in flight, or its applies wait one loop iteration for its messages
   * to leave. No new turn starts meanwhile.
   */
  private busy = false;
  /** Run once no turn is unfinished (before the next turn): see withWalIdle. */
  private idleQueue: Array<() => void> = [];

  constructor(opts: RaftDriverOptions) {
    this.node = opts.node;
    this.storage = opts.storage;
    this.wal = opts.wal;
    this.snapshotter = opts.snapshotter;
    this.hooks = opts.hooks;
    this.tickMs = opts.tickMs;
    this.onWalSave = opts.onWalSave;
    const fsync = opts.fsync ?? 'auto';
    this.fsync = fsync === 'auto' && FAILPOINTS && walFailpointsSet() ? 'pool' : fsync;
    this.now = opts.now ?? (() => performance.now());
    if (FAILPOINTS) watchPowerLoss(() => this.wal.durableTail);
  }
  private readonly fsync: FsyncMode;
  private readonly now: () => number;
  /** No synced write goes on the loop before this time (a slow inline write was seen). */
  private inlineAfter = 0;
  /** The next cool-down's length. */
  private cooldownMs = INLINE_COOLDOWN_MS;

  /** This synced write goes on the loop rather than to the thread pool (see the header). */
  private syncInline(rd: Ready, leader: boolean, appliedEarly: boolean): boolean {
    if (this.fsync !== 'auto') return this.fsync === 'loop';
    if (rd.entries.length > INLINE_MAX_ENTRIES) return false;
    // What this turn has already released (a leader's messages, replies and watch events of entries applied
    // before the write, read states) would sit in node:http2's buffers until the loop is free again.
    if ((leader && rd.messages.length > 0) || appliedEarly || rd.readStates.length > 0) return false;
    if (this.now() < this.inlineAfter) return false;
    let bytes = 0;
    for (const e of rd.entries) bytes += e.data.length;
    return bytes <= INLINE_MAX_BYTES;
  }

  /** An inline synced write took `ms`: a slow one starts a cool-down, a fast one halves the next one's length. */
  private inlineTook(ms: number): void {
    if (ms <= INLINE_SLOW_MS) {
      this.cooldownMs = Math.max(INLINE_COOLDOWN_MS, this.cooldownMs / 2);
      return;
    }
    this.inlineAfter = this.now() + this.cooldownMs;
    this.cooldownMs = Math.min(this.cooldownMs * 2, INLINE_MAX_COOLDOWN_MS);
  }

  start(): void {
    this.ticker = setInterval(() => {
      this.node.tick();
      this.schedule();
    }, this.tickMs);
    this.schedule();
  }

  /** Lets `n` ticks pass at once (etcd's initial election tick advance). */
  advanceTicks(n: number): void {
    if (this.stopped) return;
    for (let i = 0; i < n; i++) this.node.tick();
    this.schedule();
  }

  /** Stops ticking and turning; resolves once no turn is unfinished (then the WAL may be closed). */
  stop(): Promise<void> {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    return new Promise((resolve) => this.withWalIdle(resolve));
  }

  /**
   * Runs `fn` when no turn is unfinished (no WAL write in flight): now, or as soon as the turn ends, before
   * the next one starts. For other writers of the WAL (a snapshot marker, releasing segments).
   */
  withWalIdle(fn: () => void): void {
    if (!this.busy) fn();
    else this.idleQueue.push(fn);
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  softState(): SoftState | undefined {
    return this.soft;
  }

  /** Throws ErrProposalDropped when raft cannot take it (no leader, transfer in progress…). */
  propose(data: Uint8Array): void {
    this.node.propose(data);
    this.schedule();
  }

  /**
   * Queues a proposal; all proposals queued in one event-loop turn enter raft as one batch (one
   * message, one append) at the start of the next turn. `onDropped` hears if raft refuses the batch.
   */
  proposeBuffered(data: Uint8Array, onDropped: (err: unknown) => void): void {
    this.pendingData.push(data);
    this.pendingDrop.push(onDropped);
    this.schedule();
  }
  private pendingData: Uint8Array[] = [];
  private pendingDrop: Array<(err: unknown) => void> = [];

  private flushProposals(): void {
    if (this.pendingData.length === 0) return;
    const datas = this.pendingData;
    const drops = this.pendingDrop;
    this.pendingData = [];
    this.pendingDrop = [];
    try {
      this.node.proposeBatch(datas);
    } catch (e) {
      for (const d of drops) d(e);
    }
  }

  proposeConfChange(cc: ConfChange): void {
    this.node.proposeConfChange(cc);
    this.schedule();
  }

  readIndex(ctx: Uint8Array): void {
    this.node.readIndex(ctx);
    this.schedule();
  }

  step(m: Message): void {
    this.node.step(m);
    this.schedule();
  }

  transferLeader(to: bigint): void {
    this.node.transferLeader(to);
    this.schedule();
  }

  campaign(): void {
    this.node.campaign();
    this.schedule();
  }

  /** Runs a turn soon; many calls in one event-loop turn make one turn. */
  schedule(): void {
    if (this.scheduled || this.stopped || this.busy) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runTurns();
    });
  }

  /**
   * Processes pending Readys now, up to the first that leaves the turn unfinished: a WAL write off the loop, or
   * a leader's applies after its messages (tests, shutdown).
   */
  runTurns(): void {
    if (this.busy) return;
    try {
      this.flushProposals();
      while (!this.stopped && !this.busy && this.node.hasReady()) this.turn(this.node.ready());
    } catch (err) {
      this.fail(err);
    }
  }

  /**
   * A turn failed: fatal for the member. Nothing of it is in flight any more (a write that threw never
   * started), so stop() and the WAL's other writers need not wait.
   */
  private fail(err: unknown): void {
    this.busy = false;
    this.runIdle();
    this.stop().catch(() => {});
    this.hooks.onFatal(err);
  }

  private turn(rd: Ready): void {
    if (rd.softState) {
      this.soft = rd.softState;
      this.hooks.onSoftState?.(rd.softState);
    }
    const hasSnapshot = rd.snapshot !== undefined && rd.snapshot.metadata.index > 0;
    const toSave = rd.hardState !== undefined || rd.entries.length > 0;
    if (hasSnapshot || !toSave) {
      this.persistSync(rd);
      this.finish(rd, rd.committedEntries.length > 0);
      return;
    }
    // 1. Persist, off the loop. What may go before the write is durable goes now.
    const leader = this.soft?.state === 'leader';
    if (leader && rd.messages.length > 0) {
      this.hooks.send(rd.messages);
      // node:http2 writes them out from its next native immediate, which runs before our next setImmediate.
      // With entries to apply in this turn (replies, watch events: up to milliseconds of work), the rest of
      // the turn, its WAL write included, waits for that: the followers learn of the commit while this member
      // applies, as in etcd, whose apply runs beside its raft loop. Requests and messages are taken as usual
      // meanwhile; only the next turn waits.
      if (rd.committedEntries.length > 0) {
        this.busy = true;
        setImmediate(() => this.finishDeferred(rd));
        return;
      }
    }
    this.persistApply(rd, leader);
  }

  /**
   * The rest of a leader's turn, one loop iteration after its messages (see turn()). If the driver stopped
   * meanwhile, the turn is dropped as a crash would drop it: its entries may have reached followers without
   * reaching this WAL, which raft allows (a leader replicates before its own write); nothing is applied.
   */
  private finishDeferred(rd: Ready): void {
    this.busy = false;
    if (this.stopped) {
      this.runIdle();
      return;
    }
    try {
      this.persistApply(rd, true);
    } catch (e) {
      this.fail(e);
      return;
    }
    if (!this.busy) {
      this.runIdle();
      this.schedule();
    }
  }

  /** The rest of a turn that has a WAL write: a leader's messages are out already. */
  private persistApply(rd: Ready, leader: boolean): void {
    const committed = rd.committedEntries;
    // Durable already: up to the WAL's last index, short of what this Ready writes again (a follower may
    // replace an uncommitted tail and learn in the same Ready that the replacement is committed).
    const durable = Math.min(
      this.wal.lastSavedIndex,
      rd.entries.length > 0 ? rd.entries[0]!.index - 1 : Infinity,
    );
    const applyEarly = committed.length > 0 && committed[committed.length - 1]!.index <= durable;
    if (applyEarly) this.apply(committed);
    if (rd.readStates.length > 0) this.hooks.onReadStates?.(rd.readStates);
    if (FAILPOINTS) failpoint('beforeWalSave');
    const t0 = performance.now();
    // Test-only positive controls: the fdatasync is left for later / the write is held back, and everything
    // below runs as if it were done.
    const mustSync =
      rd.mustSync &&
      !(
        FAILPOINTS &&
        deferFsync(
          (f) => this.withWalIdle(f),
          () => this.wal.sync(),
        )
      );
    const held = FAILPOINTS && deferWalSave(() => this.wal.save(rd.hardState, rd.entries, mustSync));
    // A write raft needs no fdatasync for (only the commit index moved: etcd's MustSync is false) is finished
    // when write(2) returns, so the turn goes on at once: it does not hold the next Ready for a loop iteration
    // as an async save would (saveAsync completes even a write without fdatasync on a later tick).
    if (held || !rd.mustSync || this.syncInline(rd, leader, applyEarly)) {
      // The same order with the disk time spent on the loop (a failure throws to runTurns).
      const w0 = this.now();
      if (FAILPOINTS && mustSync) failpoint('walFsync'); // a sleep here is a slow disk, timed as one
      if (!held) this.wal.save(rd.hardState, rd.entries, mustSync);
      if (this.fsync === 'auto' && mustSync && !held) this.inlineTook(this.now() - w0);
      this.onWalSave?.(performance.now() - t0, rd.entries.length, mustSync);
      if (FAILPOINTS) failpoint('afterWalSave');
      if (rd.hardState) this.storage.setHardState(rd.hardState);
      if (rd.entries.length > 0) this.storage.append(rd.entries);
      if (!leader && rd.messages.length > 0) this.hooks.send(rd.messages);
      if (!applyEarly && committed.length > 0) this.apply(committed);
      this.node.advance(rd);
      return;
    }
    this.busy = true;
    this.wal.saveAsync(rd.hardState, rd.entries, mustSync, (err) => {
      this.busy = false;
      if (err) {
        this.fail(err);
        return;
      }
      try {
        this.onWalSave?.(performance.now() - t0, rd.entries.length, mustSync);
        if (FAILPOINTS) failpoint('afterWalSave');
        if (rd.hardState) this.storage.setHardState(rd.hardState);
        if (rd.entries.length > 0) this.storage.append(rd.entries);
        // 2. Send, now that everything they promise is durable.
        if (!leader && rd.messages.length > 0) this.hooks.send(rd.messages);
        // 3. Apply. 4. Advance.
        if (!applyEarly && committed.length > 0) this.apply(committed);
        this.node.advance(rd);
      } catch (e) {
        this.fail(e);
        return;
      }
      this.runIdle();
      this.schedule();
    });
  }

  /** Applies committed entries, between the apply failpoints (test only). */
  private apply(committed: Entry[]): void {
    if (FAILPOINTS) failpoint('beforeApply');
    this.hooks.applyEntries(committed);
    if (FAILPOINTS) failpoint('afterApply');
  }

  private runIdle(): void {
    const fns = this.idleQueue;
    this.idleQueue = [];
    for (const fn of fns) fn();
  }

  /** The synchronous turn: a snapshot, or only messages / commits / read states (nothing to write). */
  private persistSync(rd: Ready): void {
    // A snapshot goes to its file before the WAL marker that names it.
    if (rd.snapshot && rd.snapshot.metadata.index > 0) {
      this.snapshotter.save(rd.snapshot);
      this.wal.saveSnapshot({
        index: rd.snapshot.metadata.index,
        term: rd.snapshot.metadata.term,
        confState: rd.snapshot.metadata.confState,
      });
      this.storage.applySnapshot(rd.snapshot);
    }
    if (rd.hardState || rd.entries.length > 0) {
      if (FAILPOINTS) failpoint('beforeWalSave');
      const t0 = performance.now();
      if (FAILPOINTS && rd.mustSync) failpoint('walFsync');
      if (!(FAILPOINTS && deferWalSave(() => this.wal.save(rd.hardState, rd.entries, rd.mustSync))))
        this.wal.save(rd.hardState, rd.entries, rd.mustSync);
      this.onWalSave?.(performance.now() - t0, rd.entries.length, rd.mustSync);
      if (FAILPOINTS) failpoint('afterWalSave');
    }
    if (rd.hardState) this.storage.setHardState(rd.hardState);
    if (rd.entries.length > 0) this.storage.append(rd.entries);
  }

  /** Steps 2-4 of a synchronous turn. */
  private finish(rd: Ready, apply: boolean): void {
    if (rd.messages.length > 0) this.hooks.send(rd.messages);
    if (rd.snapshot && rd.snapshot.metadata.index > 0) this.hooks.applySnapshot(rd.snapshot);
    if (apply) this.apply(rd.committedEntries);
    if (rd.readStates.length > 0) this.hooks.onReadStates?.(rd.readStates);
    this.node.advance(rd);
  }
}
