// Drives one raft state machine: the member loop of etcd's etcdserver/raft.go, without peers'
// transport (messages are handed to `send`). One loop turn, in the order raft demands:
//   1 persist hard state + entries to the WAL (fdatasync when mustSync) and a snapshot, if any
//   2 only then send messages (a vote or an append may not leave before it is durable, Raft §5)
//   3 apply the snapshot and the committed entries to the state machine
//   4 advance
// Turns run on setImmediate after anything that may produce a Ready (tick, proposal, message), so
// all proposals made in one event-loop turn share one Ready and one fsync (group commit).
import { RawNode, type MemoryStorage, type Ready, type SoftState, type ReadState } from '../raft/index.ts';
import type { ConfChange, Entry, Message, Snapshot } from '../api/raft-types.ts';
import type { WAL } from '../storage/wal/wal.ts';
import type { Snapshotter } from '../storage/snap/snapshotter.ts';
import { FAILPOINTS, deferWalSave, failpoint } from './failpoints.ts';

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

  constructor(opts: RaftDriverOptions) {
    this.node = opts.node;
    this.storage = opts.storage;
    this.wal = opts.wal;
    this.snapshotter = opts.snapshotter;
    this.hooks = opts.hooks;
    this.tickMs = opts.tickMs;
    this.onWalSave = opts.onWalSave;
  }

  start(): void {
    this.ticker = setInterval(() => {
      this.node.tick();
      this.schedule();
    }, this.tickMs);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
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
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runTurns();
    });
  }

  /** Processes every pending Ready now (also used by tests and on shutdown). */
  runTurns(): void {
    try {
      this.flushProposals();
      while (!this.stopped && this.node.hasReady()) this.turn(this.node.ready());
    } catch (err) {
      this.stop();
      this.hooks.onFatal(err);
    }
  }

  private turn(rd: Ready): void {
    if (rd.softState) {
      this.soft = rd.softState;
      this.hooks.onSoftState?.(rd.softState);
    }
    // 1. Persist. A snapshot goes to its file before the WAL marker that names it.
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
    // 2. Send, now that everything they promise is durable.
    if (rd.messages.length > 0) this.hooks.send(rd.messages);
    // 3. Apply.
    if (rd.snapshot && rd.snapshot.metadata.index > 0) this.hooks.applySnapshot(rd.snapshot);
    if (FAILPOINTS && rd.committedEntries.length > 0) failpoint('beforeApply');
    if (rd.committedEntries.length > 0) this.hooks.applyEntries(rd.committedEntries);
    if (FAILPOINTS && rd.committedEntries.length > 0) failpoint('afterApply');
    if (rd.readStates.length > 0) this.hooks.onReadStates?.(rd.readStates);
    // 4. Advance.
    this.node.advance(rd);
  }
}
