// The log as raft sees it: persisted entries (Storage) followed by the unstable tail, with the commit
// and apply cursors. Invariant: applied <= applying <= committed <= lastIndex.
import { Unstable } from './log-unstable.ts';
import { ErrCompacted, ErrUnavailable, RaftError } from './types.ts';
import type { Entry, Snapshot, Storage } from './types.ts';
import { NO_LIMIT, NO_TERM, entrySize, limitCount } from './util.ts';

export class RaftLog {
  readonly unstable: Unstable;
  committed: number;
  /** Highest index handed to the application for applying (Ready.committedEntries). */
  applying: number;
  /** Highest index the application reported applied (advance). */
  applied: number;

  constructor(readonly storage: Storage) {
    const first = storage.firstIndex();
    const last = storage.lastIndex();
    this.unstable = new Unstable(last + 1);
    this.committed = first - 1;
    this.applying = first - 1;
    this.applied = first - 1;
  }

  firstIndex(): number {
    const i = this.unstable.maybeFirstIndex();
    return i !== -1 ? i : this.storage.firstIndex();
  }

  lastIndex(): number {
    const i = this.unstable.maybeLastIndex();
    return i !== -1 ? i : this.storage.lastIndex();
  }

  /** Term of entry i, or NO_TERM when i is compacted away or beyond the last index. */
  term(i: number): number {
    const t = this.unstable.maybeTerm(i);
    if (t !== NO_TERM) return t;
    if (i < this.firstIndex() - 1 || i > this.lastIndex()) return NO_TERM;
    try {
      return this.storage.term(i);
    } catch (err) {
      if (err === ErrCompacted || err === ErrUnavailable) return NO_TERM;
      throw err;
    }
  }

  lastTerm(): number {
    const t = this.term(this.lastIndex());
    if (t === NO_TERM) throw new RaftError('unexpected error when getting the last term');
    return t;
  }

  matchTerm(i: number, t: number): boolean {
    const ours = this.term(i);
    return ours !== NO_TERM && ours === t;
  }

  /**
   * Raft §5.4.1: a candidate's log is at least as up to date as ours when its last term is higher,
   * or equal with an index at least as large.
   */
  isUpToDate(lastIndex: number, term: number): boolean {
    const ourTerm = this.lastTerm();
    return term > ourTerm || (term === ourTerm && lastIndex >= this.lastIndex());
  }

  /**
   * The AppendEntries consistency check and append of Raft §5.3 (Figure 2, receiver rules 2–5).
   * Returns the index of the last new entry, or -1 when (index, logTerm) does not match.
   */
  maybeAppend(index: number, logTerm: number, committed: number, ents: readonly Entry[]): number {
    if (!this.matchTerm(index, logTerm)) return -1;
    const lastNew = index + ents.length;
    const ci = this.findConflict(ents);
    if (ci !== 0) {
      if (ci <= this.committed) {
        throw new RaftError(`entry ${ci} conflicts with committed entry [committed(${this.committed})]`);
      }
      this.append(ci === ents[0]!.index ? ents : ents.slice(ci - (index + 1)));
    }
    this.commitTo(Math.min(committed, lastNew));
    return lastNew;
  }

  append(ents: readonly Entry[]): number {
    if (ents.length === 0) return this.lastIndex();
    const after = ents[0]!.index - 1;
    if (after < this.committed) {
      throw new RaftError(`after(${after}) is out of range [committed(${this.committed})]`);
    }
    this.unstable.truncateAndAppend(ents);
    return this.lastIndex();
  }

  /**
   * Index of the first entry of ents that is new or conflicts (same index, other term) with ours,
   * or 0 when all of them are already present.
   */
  findConflict(ents: readonly Entry[]): number {
    for (let k = 0; k < ents.length; k++) {
      const e = ents[k]!;
      if (!this.matchTerm(e.index, e.term)) return e.index;
    }
    return 0;
  }

  /**
   * Fast log backtracking (etcd's refinement of Raft §5.3): the largest index <= index whose term is
   * <= term, as [index, termThere]. An entry of unknown term (compacted) is a possible match: [i, 0].
   */
  findConflictByTerm(index: number, term: number): [number, number] {
    for (; index > 0; index--) {
      const ours = this.term(index);
      if (ours === NO_TERM) return [index, 0];
      if (ours <= term) return [index, ours];
    }
    return [0, 0];
  }

  commitTo(toCommit: number): void {
    if (this.committed < toCommit) {
      if (this.lastIndex() < toCommit) {
        throw new RaftError(`tocommit(${toCommit}) is out of range [lastIndex(${this.lastIndex()})]`);
      }
      this.committed = toCommit;
    }
  }

  /**
   * Raft §5.4.2: a leader only commits by counting replicas an entry of its own term; older entries
   * are committed indirectly. `anyTerm` drops the check (positive control for the simulation).
   */
  maybeCommit(maxIndex: number, term: number, anyTerm = false): boolean {
    if (maxIndex > this.committed && (anyTerm || this.term(maxIndex) === term)) {
      this.commitTo(maxIndex);
      return true;
    }
    return false;
  }

  appliedTo(i: number): void {
    if (i === 0) return;
    if (i > this.committed || i < this.applied) {
      throw new RaftError(`applied(${i}) is out of range [prevApplied(${this.applied}), committed(${this.committed})]`);
    }
    this.applied = i;
    if (this.applying < i) this.applying = i;
  }

  hasNextOrInProgressSnapshot(): boolean {
    return this.unstable.snapshot !== undefined;
  }

  hasNextCommittedEnts(): boolean {
    // While a snapshot is on its way into the state machine, nothing after it can be applied.
    if (this.hasNextOrInProgressSnapshot()) return false;
    return this.applying < this.committed;
  }

  nextCommittedEnts(maxSize = NO_LIMIT): Entry[] {
    if (!this.hasNextCommittedEnts()) return [];
    return this.slice(this.applying + 1, this.committed + 1, maxSize);
  }

  snapshot(): Snapshot {
    return this.unstable.snapshot ?? this.storage.snapshot();
  }

  restore(s: Snapshot): void {
    this.committed = s.metadata.index;
    this.unstable.restore(s);
  }

  /** Whether lo is before the first available entry (the entries were compacted into a snapshot). */
  isCompacted(lo: number): boolean {
    return lo < this.firstIndex();
  }

  /**
   * Entries [lo, hi) cut to maxSize bytes (at least one). The caller checks lo >= firstIndex and
   * hi <= lastIndex + 1. Entries come from storage first, then from the unstable tail.
   */
  slice(lo: number, hi: number, maxSize: number): Entry[] {
    if (lo >= hi) return [];
    const uOff = this.unstable.offset;
    if (lo >= uOff) {
      const ents = this.unstable.entries;
      const from = lo - uOff;
      const n = limitCount(ents, from, hi - uOff, maxSize);
      return ents.slice(from, from + n);
    }
    const stored = this.storage.entries(lo, Math.min(hi, uOff), maxSize);
    if (hi <= uOff || stored.length < Math.min(hi, uOff) - lo) return stored;
    // The storage part did not use the whole budget: continue into the unstable tail.
    let size = 0;
    for (let k = 0; k < stored.length; k++) size += entrySize(stored[k]!);
    const ents = this.unstable.entries;
    const end = hi - uOff;
    let n = 0;
    if (maxSize >= NO_LIMIT) n = end;
    else {
      for (; n < end; n++) {
        size += entrySize(ents[n]!);
        if (size > maxSize) break;
      }
    }
    if (n === 0) return stored;
    const out = stored.slice();
    for (let k = 0; k < n; k++) out.push(ents[k]!);
    return out;
  }

  /** Entries from lo to the end of the log, cut to maxSize; [] when lo > lastIndex. */
  entriesFrom(lo: number, maxSize: number): Entry[] {
    const last = this.lastIndex();
    if (lo > last) return [];
    return this.slice(lo, last + 1, maxSize);
  }
}
