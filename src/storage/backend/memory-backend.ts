// An in-memory Backend for unit tests of the layers above (MVCC, lease, auth). Same contract as
// the LMDB backend except that nothing survives the process; commit() only counts batches.
// Keys are held as latin1 strings, whose UTF-16 code units order exactly like unsigned bytes.
import { BTree, compareStrings } from '../../util/btree.ts';
import type { Backend, Bucket, ConsistentIndex, KeyValuePair, RangeOptions } from './backend.ts';

const toKey = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
const fromKey = (s: string): Uint8Array => Buffer.from(s, 'latin1');

export class MemoryBackend implements Backend {
  private readonly buckets = new Map<Bucket, BTree<string, Uint8Array>>();
  private ci: ConsistentIndex = { index: 0, term: 0 };
  private pending = 0;
  /** Number of commits so far (tests use it to see batching). */
  commits = 0;

  private tree(bucket: Bucket) {
    let t = this.buckets.get(bucket);
    if (!t) {
      t = new BTree<string, Uint8Array>(undefined, compareStrings);
      this.buckets.set(bucket, t);
    }
    return t;
  }

  get(bucket: Bucket, key: Uint8Array): Uint8Array | undefined {
    return this.buckets.get(bucket)?.get(toKey(key));
  }

  readInto(bucket: Bucket, key: Uint8Array, out: Uint8Array, at: number): number {
    const v = this.get(bucket, key);
    if (v === undefined) return -1;
    if (at + v.byteLength <= out.byteLength) out.set(v, at);
    return v.byteLength;
  }

  range(
    bucket: Bucket,
    start: Uint8Array,
    end: Uint8Array | undefined,
    opts: RangeOptions = {},
  ): KeyValuePair[] {
    const out: KeyValuePair[] = [];
    if (opts.reverse) {
      const all: KeyValuePair[] = [];
      this.forEach(bucket, start, end, (key, value) => {
        all.push({ key, value });
      });
      all.reverse();
      return opts.limit ? all.slice(0, opts.limit) : all;
    }
    this.forEach(bucket, start, end, (key, value) => {
      out.push({ key, value });
      return !(opts.limit && out.length >= opts.limit);
    });
    return out;
  }

  forEach(
    bucket: Bucket,
    start: Uint8Array,
    end: Uint8Array | undefined,
    fn: (key: Uint8Array, value: Uint8Array) => boolean | void,
  ): void {
    const t = this.buckets.get(bucket);
    if (!t) return;
    if (end === undefined) {
      const v = t.get(toKey(start));
      if (v !== undefined) fn(start, v);
      return;
    }
    const lo = toKey(start);
    const hi = end.length === 0 ? undefined : toKey(end);
    for (const [k, v] of t.entries(lo)) {
      if (hi !== undefined && k >= hi) break;
      if (fn(fromKey(k), v) === false) break;
    }
  }

  put(bucket: Bucket, key: Uint8Array, value: Uint8Array): void {
    this.tree(bucket).set(toKey(key), value);
    this.pending++;
  }

  delete(bucket: Bucket, key: Uint8Array): void {
    this.buckets.get(bucket)?.delete(toKey(key));
    this.pending++;
  }

  setConsistentIndex(ci: ConsistentIndex): void {
    this.ci = { ...ci };
    this.pending++;
  }

  consistentIndex(): ConsistentIndex {
    return { ...this.ci };
  }

  pendingWrites(): number {
    return this.pending;
  }

  async commit(): Promise<void> {
    this.pending = 0;
    this.commits++;
  }

  size(): number {
    let n = 0;
    for (const t of this.buckets.values()) for (const [k, v] of t.entries()) n += k.length + v.byteLength;
    return n;
  }

  sizeInUse(): number {
    return this.size();
  }

  async defragment(): Promise<void> {}

  async snapshotTo(_path: string): Promise<void> {
    throw new Error('MemoryBackend cannot write a snapshot file');
  }

  async close(): Promise<void> {
    await this.commit();
  }
}
