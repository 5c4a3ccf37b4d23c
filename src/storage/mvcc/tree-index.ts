// The in-memory key index: key → KeyIndex in an ordered B-tree, as etcd's treeIndex. Keys are latin1
// strings (one char per byte), whose order is exactly unsigned byte order. It answers "which revision of
// which keys is visible at revision R" without touching the backend.
import { BTree, compareStrings } from '../../util/btree.ts';
import { KeyIndex, type KeyRevision } from './key-index.ts';
import type { Revision } from './revision.ts';

/** Sorts after every latin1 string: the upper bound of an unbounded range. */
const AFTER_ALL_KEYS = '\u0100';

/**
 * A key range: `end` undefined = the single key `key`; `end` '' = every key >= key; otherwise
 * [key, end). (etcd: nil end, empty end, end.)
 */
export type KeyEnd = string | undefined;

export class TreeIndex {
  private tree = new BTree<string, KeyIndex>(undefined, compareStrings);

  get size(): number {
    return this.tree.size;
  }

  keyIndex(key: string): KeyIndex | undefined {
    return this.tree.get(key);
  }

  get(key: string, atRev: number): KeyRevision | undefined {
    return this.tree.get(key)?.get(atRev);
  }

  put(key: string, rev: Revision): void {
    let ki = this.tree.get(key);
    if (ki === undefined) {
      ki = new KeyIndex(key);
      this.tree.set(key, ki);
    }
    ki.put(rev);
  }

  tombstone(key: string, rev: Revision): void {
    const ki = this.tree.get(key);
    if (ki === undefined) throw new Error(`mvcc: tombstone of unknown key ${JSON.stringify(key)}`);
    ki.tombstone(rev);
  }

  insert(ki: KeyIndex): void {
    this.tree.set(ki.key, ki);
  }

  /** Calls fn for each KeyIndex in the range, in key order; fn returns false to stop. */
  visit(key: string, end: KeyEnd, fn: (ki: KeyIndex) => boolean | void): void {
    if (end === undefined) {
      const ki = this.tree.get(key);
      if (ki !== undefined) fn(ki);
      return;
    }
    const high = end === '' ? AFTER_ALL_KEYS : end;
    if (key >= high) return;
    this.tree.forRange(key, high, false, (_k, ki) => (fn(ki) === false ? { break: true } : undefined));
  }

  /**
   * Revisions visible at atRev in the range, in key order: at most `limit` of them (0 = all), and the
   * number there are in all.
   */
  revisions(
    key: string,
    end: KeyEnd,
    atRev: number,
    limit = 0,
  ): { revs: Revision[]; keys: string[]; total: number } {
    const revs: Revision[] = [];
    const keys: string[] = [];
    let total = 0;
    this.visit(key, end, (ki) => {
      const r = ki.get(atRev);
      if (r === undefined) return;
      total++;
      if (limit <= 0 || revs.length < limit) {
        revs.push(r.modified);
        keys.push(ki.key);
      }
    });
    return { revs, keys, total };
  }

  countRevisions(key: string, end: KeyEnd, atRev: number): number {
    let total = 0;
    this.visit(key, end, (ki) => {
      if (ki.get(atRev) !== undefined) total++;
    });
    return total;
  }

  /** Compacts every key at rev; returns the revisions (as revKey strings) that must stay in the backend. */
  compact(rev: number): Set<string> {
    const available = new Set<string>();
    const empty: string[] = [];
    for (const [key, ki] of this.tree.entries()) {
      ki.compact(rev, available);
      if (ki.isEmpty()) empty.push(key);
    }
    for (const key of empty) this.tree.delete(key);
    return available;
  }

  /** The revisions a compaction at rev would keep, without compacting. */
  keep(rev: number): Set<string> {
    const available = new Set<string>();
    for (const ki of this.tree.values()) ki.keep(rev, available);
    return available;
  }

  entries(): IterableIterator<[string, KeyIndex]> {
    return this.tree.entries();
  }
}
