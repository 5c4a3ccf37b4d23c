// The revision history of one key, as etcd's keyIndex: a list of generations. A generation is one life
// of the key, from its creation to its deletion: the revisions that put it, ending with the tombstone
// revision when deleted. The last generation is empty while the key does not exist.
//
//   put@1 put@3 del@5 put@7  →  generations [{created 1, ver 3, revs [1,3,5]}, {created 7, ver 1, revs [7]}]
//
// Invariants: revisions only grow; every generation but the last ends with its tombstone; a generation's
// `ver` is the version at its last revision, so the version at revs[i] is ver - (revs.length - 1 - i).
import { type Revision, compareRev, revKey } from './revision.ts';

export class Generation {
  ver = 0;
  created: Revision = { main: 0, sub: 0 };
  revs: Revision[] = [];

  isEmpty(): boolean {
    return this.revs.length === 0;
  }

  /** Index of the newest revision with main <= atRev, or -1. */
  lastAtOrBefore(atRev: number): number {
    for (let i = this.revs.length - 1; i >= 0; i--) if (this.revs[i]!.main <= atRev) return i;
    return -1;
  }
}

export interface KeyRevision {
  /** The revision that wrote the key's value visible at the asked revision. */
  modified: Revision;
  created: Revision;
  version: number;
}

export class KeyIndex {
  modified: Revision = { main: 0, sub: 0 };
  generations: Generation[] = [];

  constructor(readonly key: string) {}

  isEmpty(): boolean {
    return this.generations.length === 1 && this.generations[0]!.isEmpty();
  }

  /** Whether the key exists after its latest revision. */
  isLive(): boolean {
    const g = this.generations[this.generations.length - 1];
    return g !== undefined && !g.isEmpty();
  }

  put(rev: Revision): void {
    if (this.generations.length > 0 && compareRev(rev, this.modified) <= 0) {
      throw new Error(`mvcc: put of ${this.key} at ${revKey(rev)} not after ${revKey(this.modified)}`);
    }
    let g = this.generations[this.generations.length - 1];
    if (g === undefined) {
      g = new Generation();
      this.generations.push(g);
    }
    if (g.isEmpty()) g.created = rev;
    g.revs.push(rev);
    g.ver++;
    this.modified = rev;
  }

  /** Rebuilds the index entry from the oldest revision found in the backend (the store's restore). */
  restore(created: Revision, modified: Revision, version: number): void {
    const g = new Generation();
    g.created = created;
    g.ver = version;
    g.revs = [modified];
    this.generations = [g];
    this.modified = modified;
  }

  /**
   * Rebuilds the entry of a key whose oldest revision left in the backend is its tombstone (a compaction at
   * that revision keeps it): one closed generation holding only the tombstone, then the empty one. Without it a
   * compaction redone after a restart would not know the tombstone is still needed and delete it, where members
   * that did not restart keep it (etcd-io/etcd#19179).
   */
  restoreTombstone(rev: Revision): void {
    const g = new Generation();
    g.created = rev;
    g.ver = 1;
    g.revs = [rev];
    this.generations = [g, new Generation()];
    this.modified = rev;
  }

  /** Ends the current generation at `rev`; the key must exist. */
  tombstone(rev: Revision): void {
    if (!this.isLive()) throw new Error(`mvcc: tombstone of missing key ${this.key}`);
    this.put(rev);
    this.generations.push(new Generation());
  }

  /** The generation holding the key's state at `atRev`, or undefined when it did not exist then. */
  private findGeneration(atRev: number): Generation | undefined {
    const last = this.generations.length - 1;
    for (let i = last; i >= 0; i--) {
      const g = this.generations[i]!;
      if (g.isEmpty()) continue;
      // A closed generation whose tombstone is at or before atRev: the key was deleted then.
      if (i !== last && g.revs[g.revs.length - 1]!.main <= atRev) return undefined;
      if (g.revs[0]!.main <= atRev) return g;
    }
    return undefined;
  }

  get(atRev: number): KeyRevision | undefined {
    const g = this.findGeneration(atRev);
    if (g === undefined) return undefined;
    const n = g.lastAtOrBefore(atRev);
    if (n === -1) return undefined;
    return { modified: g.revs[n]!, created: g.created, version: g.ver - (g.revs.length - 1 - n) };
  }

  /**
   * Finds, for a compaction at atRev, the first generation still needed and the newest revision of it
   * at or before atRev (which must survive); adds that revision to `available`.
   */
  private doCompact(
    atRev: number,
    available: Set<string>,
    keepTombstoneAtRev: boolean,
  ): { genIdx: number; revIdx: number } {
    let genIdx = 0;
    // Skip generations deleted at or before atRev: nothing of them is visible at or after atRev.
    while (genIdx < this.generations.length - 1) {
      const g = this.generations[genIdx]!;
      const tomb = g.revs[g.revs.length - 1]!;
      if (tomb.main > atRev) break;
      // A deletion at atRev itself is an event of a revision that is still watchable (a watch may start
      // at the compacted revision): its tombstone stays in the backend until a later compaction, as in
      // etcd since v3.4.34 (etcd-io/etcd#18089). The index forgets the generation either way, and the
      // generations after it are still walked (a key deleted and re-created in the same revision).
      if (keepTombstoneAtRev && tomb.main === atRev) available.add(revKey(tomb));
      genIdx++;
    }
    const g = this.generations[genIdx]!;
    const revIdx = g.lastAtOrBefore(atRev);
    if (revIdx !== -1) available.add(revKey(g.revs[revIdx]!));
    return { genIdx, revIdx };
  }

  /**
   * Drops every revision older than the one visible at atRev, and the whole history when the key was
   * deleted at or before atRev. Revisions that stay in use are added to `available`.
   */
  compact(atRev: number, available: Set<string>): void {
    if (this.isEmpty()) throw new Error(`mvcc: compact of empty key index ${this.key}`);
    const found = this.doCompact(atRev, available, true);
    const revIdx = found.revIdx;
    let genIdx = found.genIdx;
    const g = this.generations[genIdx]!;
    if (!g.isEmpty()) {
      if (revIdx !== -1) g.revs = g.revs.slice(revIdx);
      // Only a tombstone left of a closed generation: nothing to keep of it.
      if (g.revs.length === 1 && genIdx !== this.generations.length - 1) {
        available.delete(revKey(g.revs[0]!));
        genIdx++;
      }
    }
    this.generations = this.generations.slice(genIdx);
  }

  /**
   * Like compact, but only reports which revisions a compaction at atRev would keep, leaving out a
   * tombstone at atRev (HashKV at the compacted revision then hashes what etcd 3.4.23 keeps).
   */
  keep(atRev: number, available: Set<string>): void {
    if (this.isEmpty()) return;
    const { genIdx, revIdx } = this.doCompact(atRev, available, false);
    const g = this.generations[genIdx]!;
    if (!g.isEmpty() && revIdx === g.revs.length - 1 && genIdx !== this.generations.length - 1) {
      available.delete(revKey(g.revs[revIdx]!));
    }
  }
}
