// The not-yet-committed writes of one batch, per bucket, in key order, and the merge of several
// such layers over the committed data of the file. LmdbBackend keeps one open batch plus the
// batches whose commit is in flight; every read goes through mergeRange/lookup so that a write is
// visible from the moment put() returns (the contract's read-your-writes) until long after it lands.
//
// Keys are latin1 strings: one UTF-16 code unit per byte, so JavaScript string order is exactly
// unsigned byte order, and the string is a private copy of the caller's key bytes.
import { BTree, compareStrings } from '../../util/btree.ts';
import type { Bucket } from './backend.ts';

/** A deleted key: hides whatever older layers or the file hold for it. */
export const TOMBSTONE = null;
export type OverlayValue = Uint8Array | typeof TOMBSTONE;

export const keyToString = (b: Uint8Array): string =>
  // Wrapping a plain Uint8Array in a Buffer view costs more than the conversion; skip it for Buffers.
  (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength)).toString('latin1');
export const stringToKey = (s: string): Buffer => Buffer.from(s, 'latin1');

export class BatchOverlay {
  private readonly trees = new Map<Bucket, BTree<string, OverlayValue>>();
  /** put/delete/setConsistentIndex calls recorded (a key written twice counts twice, like etcd). */
  writes = 0;

  set(bucket: Bucket, key: string, value: OverlayValue): void {
    let t = this.trees.get(bucket);
    if (!t) {
      t = new BTree<string, OverlayValue>(undefined, compareStrings);
      this.trees.set(bucket, t);
    }
    t.set(key, value);
    this.writes++;
  }

  /** The layer's entry for `key`: a value, TOMBSTONE, or undefined when this layer never wrote it. */
  get(bucket: Bucket, key: string): OverlayValue | undefined {
    return this.trees.get(bucket)?.get(key);
  }

  tree(bucket: Bucket): BTree<string, OverlayValue> | undefined {
    return this.trees.get(bucket);
  }

  /** True when the layer holds an entry with lo <= key < hi (hi undefined = no upper bound). */
  touches(bucket: Bucket, lo: string, hi: string | undefined): boolean {
    const t = this.trees.get(bucket);
    if (!t || t.size === 0) return false;
    const first = t.getPairOrNextHigher(lo);
    return first !== undefined && (hi === undefined || first[0] < hi);
  }

  /** Every (bucket, key, value) in bucket and key order. */
  *entries(): IterableIterator<[Bucket, string, OverlayValue]> {
    for (const [bucket, t] of this.trees) for (const [k, v] of t.entries()) yield [bucket, k, v];
  }
}

/** A sorted source of entries already restricted to the requested range and direction. */
export interface Cursor {
  /** Current key, undefined once exhausted. */
  key: string | undefined;
  /** The key's bytes when the source already has them (saves re-encoding the string). */
  keyBytes: Uint8Array | undefined;
  value: OverlayValue;
  next(): void;
  close(): void;
}

/** A cursor over one overlay bucket for lo <= key < hi, ascending or descending. */
export function overlayCursor(
  tree: BTree<string, OverlayValue>,
  lo: string,
  hi: string | undefined,
  reverse: boolean,
): Cursor {
  // entriesReversed(hi, _, true) starts strictly below hi, which is what a half-open range needs.
  const it = reverse ? tree.entriesReversed(hi, undefined, hi !== undefined) : tree.entries(lo);
  const c: Cursor = {
    key: undefined,
    keyBytes: undefined,
    value: TOMBSTONE,
    next() {
      const r = it.next();
      if (r.done) {
        c.key = undefined;
        return;
      }
      const [k, v] = r.value;
      if (reverse ? k < lo : hi !== undefined && k >= hi) {
        c.key = undefined;
        return;
      }
      c.key = k;
      c.value = v;
    },
    close() {
      c.key = undefined;
    },
  };
  c.next();
  return c;
}

/**
 * Visits the union of the cursors in order; when several hold the same key the one earliest in
 * `cursors` wins (callers list the newest layer first, the file last). Tombstones hide the key.
 * Stops when `fn` returns false. Always closes every cursor.
 */
export function mergeCursors(
  cursors: Cursor[],
  reverse: boolean,
  fn: (key: Uint8Array, value: Uint8Array) => boolean | void,
): void {
  try {
    for (;;) {
      let best: Cursor | undefined;
      for (const c of cursors) {
        if (c.key === undefined) continue;
        if (best === undefined || (reverse ? c.key > best.key! : c.key < best.key!)) best = c;
      }
      if (best === undefined) return;
      const key = best.key!;
      const value = best.value;
      const keyBytes = best.keyBytes ?? stringToKey(key);
      for (const c of cursors) if (c.key === key) c.next();
      if (value === TOMBSTONE) continue;
      if (fn(keyBytes, value) === false) return;
    }
  } finally {
    for (const c of cursors) c.close();
  }
}
