// The tail of the log that is not yet known to be persisted: entries from `offset` on, and perhaps an
// incoming snapshot. Entries before offsetInProgress were already handed out (Ready) for persisting.
import type { Entry, Snapshot } from './types.ts';
import { NO_TERM } from './util.ts';

export class Unstable {
  snapshot: Snapshot | undefined = undefined;
  snapshotInProgress = false;
  entries: Entry[] = [];
  /** Index of entries[0]. */
  offset: number;
  /** First index not yet handed out for persistence. Invariant: offset <= offsetInProgress. */
  offsetInProgress: number;

  constructor(offset: number) {
    this.offset = offset;
    this.offsetInProgress = offset;
  }

  /** First index of the log if a snapshot is pending, else -1 (ask storage). */
  maybeFirstIndex(): number {
    return this.snapshot !== undefined ? this.snapshot.metadata.index + 1 : -1;
  }

  /** Last index held here, or -1 (ask storage). */
  maybeLastIndex(): number {
    if (this.entries.length > 0) return this.offset + this.entries.length - 1;
    if (this.snapshot !== undefined) return this.snapshot.metadata.index;
    return -1;
  }

  /** Term of entry i if held here, else NO_TERM. */
  maybeTerm(i: number): number {
    if (i < this.offset) {
      const s = this.snapshot;
      return s !== undefined && s.metadata.index === i ? s.metadata.term : NO_TERM;
    }
    const e = this.entries[i - this.offset];
    return e === undefined ? NO_TERM : e.term;
  }

  hasNextEntries(): boolean {
    return this.offsetInProgress - this.offset < this.entries.length;
  }

  /** Entries not yet handed out for persistence. */
  nextEntries(): Entry[] {
    const from = this.offsetInProgress - this.offset;
    if (from >= this.entries.length) return [];
    return this.entries.slice(from);
  }

  nextSnapshot(): Snapshot | undefined {
    return this.snapshotInProgress ? undefined : this.snapshot;
  }

  /** Everything currently held was handed out in a Ready. */
  acceptInProgress(): void {
    if (this.entries.length > 0) this.offsetInProgress = this.offset + this.entries.length;
    if (this.snapshot !== undefined) this.snapshotInProgress = true;
  }

  /**
   * Entries up to (i, t) are persisted. Ignored when entry i was since replaced by one of another
   * term (the persisted one is stale) or is not held here.
   */
  stableTo(i: number, t: number): void {
    if (i < this.offset) return;
    const gt = this.maybeTerm(i);
    if (gt === NO_TERM || gt !== t) return;
    const n = i + 1 - this.offset;
    this.entries = n === this.entries.length ? [] : this.entries.slice(n);
    this.offset = i + 1;
    if (this.offsetInProgress < this.offset) this.offsetInProgress = this.offset;
  }

  stableSnapTo(i: number): void {
    if (this.snapshot !== undefined && this.snapshot.metadata.index === i) {
      this.snapshot = undefined;
      this.snapshotInProgress = false;
    }
  }

  restore(s: Snapshot): void {
    this.offset = s.metadata.index + 1;
    this.offsetInProgress = this.offset;
    this.entries = [];
    this.snapshot = s;
    this.snapshotInProgress = false;
  }

  /** Appends ents, first dropping whatever they overwrite (Raft §5.3: the leader's log wins). */
  truncateAndAppend(ents: readonly Entry[]): void {
    const from = ents[0]!.index;
    const end = this.offset + this.entries.length;
    if (from === end) {
      for (let k = 0; k < ents.length; k++) this.entries.push(ents[k]!);
    } else if (from <= this.offset) {
      // Replaces everything held here; storage truncates its own copy when these are persisted.
      this.entries = ents.slice();
      this.offset = from;
      this.offsetInProgress = from;
    } else {
      this.entries.length = from - this.offset;
      for (let k = 0; k < ents.length; k++) this.entries.push(ents[k]!);
      if (this.offsetInProgress > from) this.offsetInProgress = from;
    }
  }

  /** Entries [lo, hi) held here; caller checks bounds. */
  slice(lo: number, hi: number): Entry[] {
    return this.entries.slice(lo - this.offset, hi - this.offset);
  }
}
