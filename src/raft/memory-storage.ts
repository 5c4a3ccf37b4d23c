// Storage kept in memory, with the semantics of etcd's MemoryStorage: a snapshot plus the entries that
// follow it. ents[0] is a dummy entry that holds the snapshot's index and term, so term(snapshotIndex)
// still answers after compaction (the leader needs it as prevLogTerm, Raft §5.3).
import { ErrCompacted, ErrSnapOutOfDate, ErrUnavailable, RaftError } from './types.ts';
import type { ConfState, Entry, HardState, Snapshot, Storage } from './types.ts';
import { limitSize } from './util.ts';

function emptySnapshot(): Snapshot {
  return { data: new Uint8Array(0), metadata: { confState: { voters: [], learners: [] }, index: 0, term: 0 } };
}

export class MemoryStorage implements Storage {
  private hs: HardState = { term: 0, vote: 0n, commit: 0 };
  private snap: Snapshot = emptySnapshot();
  private ents: Entry[] = [{ term: 0, index: 0, type: 0, data: new Uint8Array(0) }];

  initialState(): { hardState: HardState; confState: ConfState } {
    return { hardState: { ...this.hs }, confState: this.snap.metadata.confState };
  }

  /**
   * Sets the configuration reported by initialState() without a snapshot: for tests and for members
   * started outside bootstrap() (the configuration normally comes from snapshots and applied changes).
   */
  setConfState(cs: ConfState): void {
    this.snap = { ...this.snap, metadata: { ...this.snap.metadata, confState: cs } };
  }

  hardState(): HardState {
    return { ...this.hs };
  }

  setHardState(hs: HardState): void {
    this.hs = { term: hs.term, vote: hs.vote, commit: hs.commit };
  }

  private offset(): number {
    return this.ents[0]!.index;
  }

  entries(lo: number, hi: number, maxSize: number): Entry[] {
    const offset = this.offset();
    if (lo <= offset) throw ErrCompacted;
    if (hi > this.lastIndex() + 1) {
      throw new RaftError(`entries' hi(${hi}) is out of bound lastindex(${this.lastIndex()})`);
    }
    // Only the dummy entry: nothing to give.
    if (this.ents.length === 1) throw ErrUnavailable;
    return limitSize(this.ents.slice(lo - offset, hi - offset), maxSize);
  }

  term(i: number): number {
    const offset = this.offset();
    if (i < offset) throw ErrCompacted;
    const e = this.ents[i - offset];
    if (e === undefined) throw ErrUnavailable;
    return e.term;
  }

  lastIndex(): number {
    return this.offset() + this.ents.length - 1;
  }

  firstIndex(): number {
    return this.offset() + 1;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  /** Replaces the whole content by a snapshot received from the leader. */
  applySnapshot(snap: Snapshot): void {
    if (snap.metadata.index <= this.snap.metadata.index) throw ErrSnapOutOfDate;
    this.snap = snap;
    this.ents = [{ term: snap.metadata.term, index: snap.metadata.index, type: 0, data: new Uint8Array(0) }];
  }

  /**
   * Records a snapshot of the application state at `index` (already applied). Entries are kept;
   * call compact() to drop them. confState defaults to the previous snapshot's.
   */
  createSnapshot(index: number, confState: ConfState | undefined, data: Uint8Array): Snapshot {
    if (index <= this.snap.metadata.index) throw ErrSnapOutOfDate;
    const offset = this.offset();
    if (index > this.lastIndex()) {
      throw new RaftError(`snapshot ${index} is out of bound lastindex(${this.lastIndex()})`);
    }
    this.snap = {
      data,
      metadata: {
        index,
        term: this.ents[index - offset]!.term,
        confState: confState ?? this.snap.metadata.confState,
      },
    };
    return this.snap;
  }

  /** Drops the entries up to and including compactIndex (which must be applied and snapshotted by the caller). */
  compact(compactIndex: number): void {
    const offset = this.offset();
    if (compactIndex <= offset) throw ErrCompacted;
    if (compactIndex > this.lastIndex()) {
      throw new RaftError(`compact ${compactIndex} is out of bound lastindex(${this.lastIndex()})`);
    }
    const i = compactIndex - offset;
    const at = this.ents[i]!;
    const rest = this.ents.slice(i);
    rest[0] = { term: at.term, index: at.index, type: 0, data: new Uint8Array(0) };
    this.ents = rest;
  }

  /**
   * Appends entries handed out by Ready. Entries that overlap existing ones replace them and
   * everything after (a new leader's log wins, Raft §5.3); entries already compacted are skipped.
   */
  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const e0 = entries[0]!;
    const last = e0.index + entries.length - 1;
    if (last < first) return;
    const skip = first > e0.index ? first - e0.index : 0;
    const start = e0.index + skip;
    const offset = start - this.offset();
    if (offset > this.ents.length) {
      throw new RaftError(`missing log entry [last: ${this.lastIndex()}, append at: ${start}]`);
    }
    if (offset < this.ents.length) this.ents.length = offset;
    for (let k = skip; k < entries.length; k++) this.ents.push(entries[k]!);
  }
}
