// The MVCC key space (etcd's mvcc store): every write txn gets the next main revision; each change in
// it gets the next sub revision and is appended to the backend's key bucket under its revision bytes
// (a delete appends a tombstone); the in-memory TreeIndex maps keys to the revisions visible at any
// revision. Reads at a revision consult the index, then fetch the values from the backend.
//
// Persistence: only the key bucket and two meta keys (scheduledCompactRev, finishedCompactRev) are
// written. The current revision is the newest revision found in the key bucket, or the compacted
// revision if compaction removed everything newer (etcd does the same), so opening the store on the
// same backend rebuilds an identical index, revision and hash.
//
// Single-threaded by construction: a write txn is synchronous from write() to end(); at most one is
// open at a time. Physical compaction runs in batches between event-loop turns and only ever deletes
// revisions at or below the compacted revision that the index no longer needs, so it never races with
// writes (which only add newer revisions) or reads (which never ask below the compacted revision).
import { crc32c } from '@node-rs/crc32';
import { type Backend, Bucket } from '../backend/backend.ts';
import { CompactedError, FutureRevError } from './errors.ts';
import { decodeKeyValue, encodeKeyValue } from './kv-codec.ts';
import { type Revision, bytesToRev, isTombstone, mainRevPrefix, revKey, revToBytes } from './revision.ts';
import { KeyIndex } from './key-index.ts';
import { type KeyEnd, TreeIndex } from './tree-index.ts';
import {
  type CompactionRequest,
  type CompactionResponse,
  type DeleteRangeRequest,
  type DeleteRangeResponse,
  type Event,
  EventType,
  type HashKVResult,
  type KeyValue,
  type PutRequest,
  type PutResponse,
  type RangeRequest,
  type RangeResponse,
  type StoredRange,
  type TxnRequest,
  type TxnResponse,
} from './types.ts';
import {
  applyDeleteRange,
  applyPut,
  applyRange,
  applyTxn,
  rangeEndOf,
  rangeKeepsStoredOrder,
  validateDeleteRangeRequest,
  validatePutRequest,
  validateRangeRequest,
  validateTxnRequest,
} from './apply.ts';

export const SCHEDULED_COMPACT_KEY = Buffer.from('scheduledCompactRev');
export const FINISHED_COMPACT_KEY = Buffer.from('finishedCompactRev');
const KEY_BUCKET_NAME = Buffer.from('key');
const EMPTY = new Uint8Array(0);
/** rangeStored keeps a value buffer it had to grow up to this size for the next call. */
const MAX_RANGE_BUFFER = 1024 * 1024;

/** Told whenever a key's lease changes (etcd's mvcc calls the lessor's Attach/Detach the same way). */
export interface LeaseObserver {
  attach(lease: bigint, key: Uint8Array): void;
  detach(lease: bigint, key: Uint8Array): void;
}

export interface KvStoreOptions {
  /** The lessor's answer to "does this lease exist?"; without it every lease is taken as existing. */
  leaseExists?: (id: bigint) => boolean;
  leaseObserver?: LeaseObserver;
  /** etcd's --max-txn-ops. Default 128. */
  maxTxnOps?: number;
  /** Backend entries examined per physical-compaction step. Default 1000 (etcd's default). */
  compactionBatchLimit?: number;
  /** Pause between physical-compaction steps; 0 = next event-loop turn. Default 0. */
  compactionSleepMs?: number;
}

export interface RangeOptions {
  /** Stop after this many keys (0 = no limit); `count` still counts all. */
  limit?: number;
  /** Revision to read at; <= 0 = the view's revision. */
  rev?: number;
  /** Only count. */
  count?: boolean;
}

export interface RangeResult {
  kvs: KeyValue[];
  /** Keys in the range at the revision, regardless of limit. */
  count: number;
  /** The view's revision (not the revision read at). */
  rev: number;
}

/** A consistent read view. */
export interface TxnRead {
  /** The revision this view reads at. */
  rev(): number;
  /** The compacted revision when the view was opened. */
  firstRev(): number;
  /** `end`: undefined = only `key`; empty = every key >= key; else [key, end). */
  range(key: Uint8Array, end: Uint8Array | undefined, opts?: RangeOptions): RangeResult;
  end(): void;
}

/** A write txn: every change in it has the same main revision, rev() + 1. */
export interface TxnWrite extends TxnRead {
  put(key: Uint8Array, value: Uint8Array, lease: bigint): number;
  /** Returns [deleted, revision]; the revision is rev() when nothing was written at all. */
  deleteRange(key: Uint8Array, end: Uint8Array | undefined): [number, number];
  changes(): readonly KeyValue[];
}

export const toKey = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
export const fromKey = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const toEnd = (end: Uint8Array | undefined): KeyEnd => (end === undefined ? undefined : toKey(end));

export class KvStore {
  readonly backend: Backend;
  readonly maxTxnOps: number;
  readonly leaseExists: (id: bigint) => boolean;
  protected readonly index = new TreeIndex();
  protected currentRev = 1;
  /** -1 until the first compaction, as in etcd. */
  protected compactMainRev = -1;
  private readonly keyLease = new Map<string, bigint>();
  private readonly leaseKeys = new Map<bigint, Set<string>>();
  private readonly leaseObserver: LeaseObserver | undefined;
  private readonly compactionBatchLimit: number;
  private readonly compactionSleepMs: number;
  /** Physical compactions run one after another, like etcd's FIFO scheduler. */
  private compactionChain: Promise<void> = Promise.resolve();
  private pendingCompactions = 0;
  private writing = false;

  constructor(backend: Backend, opts: KvStoreOptions = {}) {
    this.backend = backend;
    this.maxTxnOps = opts.maxTxnOps ?? 128;
    this.leaseExists = opts.leaseExists ?? (() => true);
    this.leaseObserver = opts.leaseObserver;
    this.compactionBatchLimit = opts.compactionBatchLimit ?? 1000;
    this.compactionSleepMs = opts.compactionSleepMs ?? 0;
    this.restore();
  }

  /** The current (latest committed) revision. Starts at 1 on an empty store, as in etcd. */
  rev(): number {
    return this.currentRev;
  }

  /** The compacted revision (-1 before any compaction). Reads below it fail. */
  compactRevision(): number {
    return this.compactMainRev;
  }

  // ---- transactions ------------------------------------------------------------------------------

  read(): TxnRead {
    return new ReadView(this, this.currentRev, this.compactMainRev);
  }

  write(): TxnWrite {
    if (this.writing) throw new Error('mvcc: a write txn is already open');
    this.writing = true;
    return new WriteTxn(this, this.currentRev);
  }

  /** @internal WriteTxn's access to the store. */
  _range(key: string, end: KeyEnd, curRev: number, ro: RangeOptions): RangeResult {
    return this.rangeKeys(key, end, curRev, ro);
  }

  /** @internal */
  _put(beginRev: number, changes: KeyValue[], key: Uint8Array, value: Uint8Array, lease: bigint): void {
    this.putKey(beginRev, changes, key, value, lease);
  }

  /** @internal */
  _delete(beginRev: number, changes: KeyValue[], key: string, end: KeyEnd): number {
    return this.deleteKeys(beginRev, changes, key, end);
  }

  /** @internal Ends a write txn: publishes its revision and notifies watchers. */
  _end(beginRev: number, changes: KeyValue[]): void {
    this.writing = false;
    if (changes.length === 0) return;
    this.currentRev = beginRev + 1;
    this.notify(this.currentRev, toEvents(this.currentRev, changes));
  }

  /** Called after each write txn that changed something, with its events in sub-revision order. */
  protected notify(_rev: number, _events: Event[]): void {}

  /** The revision a read at `rev` (<= 0: the current one) looks at, or etcd's error for it. */
  private readRevision(rev: number, curRev: number): number {
    if (rev > curRev) throw new FutureRevError();
    if (rev <= 0) rev = curRev;
    if (rev < this.compactMainRev) throw new CompactedError();
    return rev;
  }

  protected rangeKeys(key: string, end: KeyEnd, curRev: number, ro: RangeOptions): RangeResult {
    const rev = this.readRevision(ro.rev ?? 0, curRev);
    if (ro.count) return { kvs: [], count: this.index.countRevisions(key, end, rev), rev: curRev };
    const { revs, total } = this.index.revisions(key, end, rev, ro.limit ?? 0);
    const kvs = revs.map((r) => this.fetch(r));
    return { kvs, count: total, rev: curRev };
  }

  private fetch(r: Revision): KeyValue {
    const v = this.backend.get(Bucket.key, revToBytes(r));
    if (v === undefined) throw new Error(`mvcc: revision ${revKey(r)} missing from the backend`);
    return decodeKeyValue(v);
  }

  private putKey(
    beginRev: number,
    changes: KeyValue[],
    key: Uint8Array,
    value: Uint8Array,
    lease: bigint,
  ): void {
    const k = toKey(key);
    const rev = beginRev + 1;
    // One index lookup serves both the previous revision and the new one.
    let ki = this.index.keyIndex(k);
    const prev = ki?.get(rev);
    const idxRev = { main: rev, sub: changes.length };
    const kv: KeyValue = {
      key: new Uint8Array(key),
      createRevision: prev ? prev.created.main : rev,
      modRevision: rev,
      version: (prev ? prev.version : 0) + 1,
      value: new Uint8Array(value),
      lease,
    };
    this.backend.put(Bucket.key, revToBytes(idxRev), encodeKeyValue(kv));
    if (ki === undefined) {
      ki = new KeyIndex(k);
      this.index.insert(ki);
    }
    ki.put(idxRev);
    changes.push(kv);
    this.setKeyLease(k, kv.key, lease);
  }

  private deleteKeys(beginRev: number, changes: KeyValue[], key: string, end: KeyEnd): number {
    const atRev = beginRev + (changes.length > 0 ? 1 : 0);
    const { keys } = this.index.revisions(key, end, atRev);
    for (const k of keys) {
      const idxRev = { main: beginRev + 1, sub: changes.length };
      const kv: KeyValue = {
        key: fromKey(k),
        createRevision: 0,
        modRevision: 0,
        version: 0,
        value: EMPTY,
        lease: 0n,
      };
      this.backend.put(Bucket.key, revToBytes(idxRev, true), encodeKeyValue(kv));
      this.index.tombstone(k, idxRev);
      changes.push(kv);
      this.setKeyLease(k, kv.key, 0n);
    }
    return keys.length;
  }

  // ---- leases ------------------------------------------------------------------------------------

  private setKeyLease(k: string, key: Uint8Array, lease: bigint): void {
    const old = this.keyLease.get(k) ?? 0n;
    if (old === lease) return;
    if (old !== 0n) {
      const set = this.leaseKeys.get(old);
      set?.delete(k);
      if (set?.size === 0) this.leaseKeys.delete(old);
      this.keyLease.delete(k);
      this.leaseObserver?.detach(old, key);
    }
    if (lease !== 0n) {
      let set = this.leaseKeys.get(lease);
      if (!set) {
        set = new Set();
        this.leaseKeys.set(lease, set);
      }
      set.add(k);
      this.keyLease.set(k, lease);
      this.leaseObserver?.attach(lease, key);
    }
  }

  /** The keys now attached to `lease`, in byte order (revoking deletes them in this order everywhere). */
  keysOfLease(lease: bigint): Uint8Array[] {
    const set = this.leaseKeys.get(lease);
    if (!set) return [];
    return [...set].sort().map(fromKey);
  }

  /** The lease attached to `key` now, 0n for none or a missing key. */
  leaseOf(key: Uint8Array): bigint {
    return this.keyLease.get(toKey(key)) ?? 0n;
  }

  /** Every lease that has keys attached now. */
  leasesWithKeys(): bigint[] {
    return [...this.leaseKeys.keys()];
  }

  /**
   * Deletes every key attached to `lease` in one write txn (one revision), as etcd's lease revoke
   * does. Returns the store revision afterwards.
   */
  deleteLeaseKeys(lease: bigint): number {
    const txn = this.write();
    try {
      for (const key of this.keysOfLease(lease)) txn.deleteRange(key, undefined);
    } finally {
      txn.end();
    }
    return this.currentRev;
  }

  // ---- request-level API (etcd's applierV3backend) -----------------------------------------------

  applyRange(req: RangeRequest): RangeResponse {
    validateRangeRequest(req);
    return applyRange(this, undefined, req);
  }

  /**
   * The same range as applyRange (same errors, count, more and revision), its KeyValues left in their
   * stored encoding; undefined when the request sorts, filters or strips them (use applyRange then).
   * The KeyValues are views of a buffer the next call overwrites: use them before calling again.
   */
  rangeStored(req: RangeRequest): StoredRange | undefined {
    validateRangeRequest(req);
    if (!rangeKeepsStoredOrder(req)) return undefined;
    const curRev = this.currentRev;
    const rev = this.readRevision(req.revision ?? 0, curRev);
    const reqLimit = req.limit ?? 0;
    // One more than asked for tells whether there is more.
    const { revs, total } = this.index.revisions(
      toKey(req.key),
      toEnd(rangeEndOf(req.rangeEnd)),
      rev,
      reqLimit > 0 ? reqLimit + 1 : 0,
    );
    let more = false;
    if (reqLimit > 0 && revs.length > reqLimit) {
      revs.length = reqLimit;
      more = true;
    }
    // The values are copied out of the backend into one reused buffer: no allocation per KeyValue.
    const kvs: Uint8Array[] = [];
    let buf = this.rangeBuffer;
    let used = 0;
    for (const r of revs) {
      const at = revToBytes(r);
      let n = this.backend.readInto(Bucket.key, at, buf, used);
      if (n >= 0 && used + n > buf.byteLength) {
        // Full: go on in a new buffer; the views made so far keep the old one.
        buf = new Uint8Array(Math.max(2 * buf.byteLength, n));
        used = 0;
        n = this.backend.readInto(Bucket.key, at, buf, used);
      }
      if (n < 0) throw new Error(`mvcc: revision ${revKey(r)} missing from the backend`);
      kvs.push(buf.subarray(used, used + n));
      used += n;
    }
    if (buf.byteLength <= MAX_RANGE_BUFFER) this.rangeBuffer = buf;
    return { revision: curRev, kvs, more, count: total };
  }
  /** rangeStored's value buffer, reused by the next call. */
  private rangeBuffer = new Uint8Array(64 * 1024);

  applyPut(req: PutRequest): PutResponse {
    validatePutRequest(req);
    return applyPut(this, undefined, req);
  }

  applyDeleteRange(req: DeleteRangeRequest): DeleteRangeResponse {
    validateDeleteRangeRequest(req);
    return applyDeleteRange(this, undefined, req);
  }

  applyTxn(req: TxnRequest): TxnResponse {
    validateTxnRequest(req, this.maxTxnOps);
    return applyTxn(this, req);
  }

  /**
   * etcd's Compaction apply. `done` resolves once the compacted revisions are gone from the backend
   * (the `physical` wait); the response is ready at once.
   */
  applyCompaction(req: CompactionRequest): { response: CompactionResponse; done: Promise<void> } {
    const done = this.compact(req.revision);
    return { response: { header: { revision: this.currentRev } }, done };
  }

  // ---- compaction --------------------------------------------------------------------------------

  /**
   * Compacts at `rev`: afterwards reads below rev fail, and each key keeps only its newest revision at or
   * below rev (none if that is a tombstone, except a tombstone at rev itself, which stays in the backend
   * for watches starting at rev). The index is compacted now; the backend in batches. The promise
   * resolves when the backend is done.
   */
  compact(rev: number): Promise<void> {
    if (rev <= this.compactMainRev) throw new CompactedError();
    if (rev > this.currentRev) throw new FutureRevError();
    this.compactMainRev = rev;
    this.backend.put(Bucket.meta, SCHEDULED_COMPACT_KEY, revToBytes({ main: rev, sub: 0 }));
    return this.scheduleCompaction(rev, this.index.compact(rev));
  }

  /** Resolves when every compaction scheduled so far has finished in the backend. */
  async compactionsDone(): Promise<void> {
    while (this.pendingCompactions > 0) await this.compactionChain;
  }

  private scheduleCompaction(rev: number, keep: Set<string>): Promise<void> {
    this.pendingCompactions++;
    const run = async (): Promise<void> => {
      // etcd force-commits the scheduled revision first, so a crash mid-way redoes the compaction on open.
      await this.backend.commit();
      const end = mainRevPrefix(rev + 1);
      let last: Uint8Array = revToBytes({ main: 0, sub: 0 });
      for (;;) {
        const batch = this.backend.range(Bucket.key, last, end, { limit: this.compactionBatchLimit });
        for (const { key } of batch) {
          if (!keep.has(revKey(bytesToRev(key)))) this.backend.delete(Bucket.key, key);
        }
        if (batch.length < this.compactionBatchLimit) {
          this.backend.put(Bucket.meta, FINISHED_COMPACT_KEY, revToBytes({ main: rev, sub: 0 }));
          return;
        }
        const lastRev = bytesToRev(batch[batch.length - 1]!.key);
        last = revToBytes({ main: lastRev.main, sub: lastRev.sub + 1 });
        await this.backend.commit();
        await pause(this.compactionSleepMs);
      }
    };
    const p = this.compactionChain.then(run).finally(() => {
      this.pendingCompactions--;
    });
    this.compactionChain = p.catch(() => {});
    return p;
  }

  // ---- hashes ------------------------------------------------------------------------------------

  /**
   * etcd's HashKV: CRC-32C (Castagnoli) of the bucket name "key" followed by every key-bucket entry
   * (revision bytes, then value) with main revision <= rev, skipping entries at or below the compacted
   * revision that a compaction at rev would remove (unless it would remove them all). Waits for
   * running compactions so the answer does not depend on how far they got.
   */
  async hashKV(rev = 0): Promise<HashKVResult> {
    await this.compactionsDone();
    const compactRev = this.compactMainRev;
    const currentRev = this.currentRev;
    if (rev > 0 && rev <= compactRev) throw new CompactedError();
    if (rev > 0 && rev > currentRev) throw new FutureRevError();
    if (rev === 0) rev = currentRev;
    const keep = this.index.keep(rev);
    let h = crc32c(KEY_BUCKET_NAME);
    this.backend.forEach(Bucket.key, new Uint8Array(0), EMPTY, (k, v) => {
      const kr = bytesToRev(k);
      if (kr.main > rev) return false;
      if (kr.main <= compactRev && keep.size > 0 && !keep.has(revKey(kr))) return;
      h = crc32c(Buffer.from(k.buffer, k.byteOffset, k.byteLength), h);
      h = crc32c(Buffer.from(v.buffer, v.byteOffset, v.byteLength), h);
    });
    return { hash: h >>> 0, revision: currentRev, compactRevision: compactRev };
  }

  /**
   * CRC-32C of the whole key space as stored: every key-bucket entry and the two compaction marks.
   * (etcd's Hash covers all buckets of the backend; that belongs to the backend layer.)
   */
  async hash(): Promise<{ hash: number; revision: number }> {
    await this.compactionsDone();
    let h = crc32c(KEY_BUCKET_NAME);
    this.backend.forEach(Bucket.key, new Uint8Array(0), EMPTY, (k, v) => {
      h = crc32c(Buffer.from(k.buffer, k.byteOffset, k.byteLength), h);
      h = crc32c(Buffer.from(v.buffer, v.byteOffset, v.byteLength), h);
    });
    for (const name of [SCHEDULED_COMPACT_KEY, FINISHED_COMPACT_KEY]) {
      const v = this.backend.get(Bucket.meta, name);
      if (v !== undefined) h = crc32c(Buffer.from(v.buffer, v.byteOffset, v.byteLength), crc32c(name, h));
    }
    return { hash: h >>> 0, revision: this.currentRev };
  }

  // ---- history (for watchers) --------------------------------------------------------------------

  /**
   * Events of revisions [fromRev, toRev] read from the backend, in revision order, for keys accepted by
   * `wanted`; reads at most about `maxEntries` entries but never stops inside a revision. Returns the
   * last revision fully covered. Entries at the compacted revision that the compaction will remove are
   * skipped, so the answer does not depend on the progress of a physical compaction.
   */
  protected readHistory(
    fromRev: number,
    toRev: number,
    maxEntries: number,
    wanted: (key: string) => boolean,
  ): { events: Event[]; lastRev: number } {
    const events: Event[] = [];
    let lastRev = fromRev - 1;
    let seen = 0;
    let stopAfter = Infinity;
    const compactRev = this.compactMainRev;
    this.backend.forEach(Bucket.key, mainRevPrefix(fromRev), mainRevPrefix(toRev + 1), (k, v) => {
      const r = bytesToRev(k);
      if (r.main > stopAfter) return false;
      seen++;
      lastRev = r.main;
      if (seen >= maxEntries) stopAfter = r.main;
      const kv = decodeKeyValue(v);
      const key = toKey(kv.key);
      if (!wanted(key)) return;
      const tomb = isTombstone(k);
      if (r.main === compactRev) {
        const cur = this.index.get(key, compactRev);
        // The compaction keeps each key's visible revision and every tombstone of this revision.
        const visible = cur !== undefined && cur.modified.main === r.main && cur.modified.sub === r.sub;
        if (!tomb && !visible) return;
      }
      if (tomb) {
        kv.modRevision = r.main;
        events.push({ type: EventType.DELETE, kv });
      } else events.push({ type: EventType.PUT, kv });
    });
    if (stopAfter === Infinity) lastRev = toRev;
    return { events, lastRev };
  }

  // ---- restore -----------------------------------------------------------------------------------

  private restore(): void {
    const finished = this.backend.get(Bucket.meta, FINISHED_COMPACT_KEY);
    if (finished !== undefined) this.compactMainRev = bytesToRev(finished).main;
    const scheduledBytes = this.backend.get(Bucket.meta, SCHEDULED_COMPACT_KEY);
    let scheduled = scheduledBytes === undefined ? 0 : bytesToRev(scheduledBytes).main;
    const keyToLease = new Map<string, bigint>();
    let maxRev = 0;
    this.backend.forEach(Bucket.key, new Uint8Array(0), EMPTY, (k, v) => {
      const r = bytesToRev(k);
      maxRev = r.main;
      const kv = decodeKeyValue(v);
      const key = toKey(kv.key);
      const ki = this.index.keyIndex(key);
      if (isTombstone(k)) {
        if (ki === undefined) {
          // The key's puts were compacted away and its tombstone kept (it sits at a compaction's revision, or a
          // compaction was cut short): the index still holds it, so a redone or later compaction decides about
          // it as it does on members that never restarted.
          const fresh = new KeyIndex(key);
          fresh.restoreTombstone(r);
          this.index.insert(fresh);
        } else if (ki.isLive()) ki.tombstone(r);
        keyToLease.delete(key);
        return;
      }
      if (ki !== undefined) ki.put(r);
      else {
        const fresh = new KeyIndex(key);
        fresh.restore({ main: kv.createRevision, sub: 0 }, r, kv.version);
        this.index.insert(fresh);
      }
      if (kv.lease !== 0n) keyToLease.set(key, kv.lease);
      else keyToLease.delete(key);
    });
    // Compactions remove tombstones below their revision: when the newest revisions were deletes that an
    // earlier compaction dropped, no stored key holds them. The revision cannot be below a compaction that was
    // accepted (the compact revision is checked against the current one at apply), finished or only
    // scheduled, so it is at least both; taking only the finished one let a store restored mid-compaction
    // reuse revisions and answer every read at the current revision with "required revision has been
    // compacted". (etcd-io/etcd#17780, fixed in etcd 3.4.32; the 3.4.23 reference still has it.)
    this.currentRev = Math.max(maxRev, this.compactMainRev, scheduled, 1);
    // A key naming a lease the lessor does not have stays unattached (etcd logs "failed to attach a
    // lease" and goes on): its stored `lease` field is kept, but no revoke will delete it.
    for (const [k, lease] of keyToLease) if (this.leaseExists(lease)) this.setKeyLease(k, fromKey(k), lease);
    if (scheduled <= this.compactMainRev) scheduled = 0;
    if (scheduled !== 0) {
      // A compaction was scheduled but not finished before the stop: redo it.
      this.compactMainRev = scheduled;
      void this.scheduleCompaction(scheduled, this.index.compact(scheduled)).catch(() => {});
    }
  }

  /** Waits for compactions, then commits the backend (does not close it). */
  async close(): Promise<void> {
    await this.compactionsDone();
    await this.backend.commit();
  }

  /** Compactions not finished yet (for metrics and tests). */
  compactionsPending(): number {
    return this.pendingCompactions;
  }
}

function toEvents(rev: number, changes: readonly KeyValue[]): Event[] {
  return changes.map((kv) => {
    if (kv.createRevision === 0) {
      kv.modRevision = rev;
      return { type: EventType.DELETE, kv };
    }
    return { type: EventType.PUT, kv };
  });
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}

class ReadView implements TxnRead {
  constructor(
    private readonly store: KvStore,
    private readonly viewRev: number,
    private readonly compactRev: number,
  ) {}
  rev(): number {
    return this.viewRev;
  }
  firstRev(): number {
    return this.compactRev;
  }
  range(key: Uint8Array, end: Uint8Array | undefined, opts?: RangeOptions): RangeResult {
    return this.store._range(toKey(key), toEnd(end), this.viewRev, opts ?? {});
  }
  end(): void {}
}

class WriteTxn implements TxnWrite {
  private readonly changed: KeyValue[] = [];
  private ended = false;
  constructor(
    private readonly store: KvStore,
    private readonly beginRev: number,
  ) {}
  private check(): void {
    if (this.ended) throw new Error('mvcc: write txn already ended');
  }
  rev(): number {
    return this.beginRev;
  }
  firstRev(): number {
    return this.store.compactRevision();
  }
  range(key: Uint8Array, end: Uint8Array | undefined, opts?: RangeOptions): RangeResult {
    this.check();
    const rev = this.beginRev + (this.changed.length > 0 ? 1 : 0);
    return this.store._range(toKey(key), toEnd(end), rev, opts ?? {});
  }
  put(key: Uint8Array, value: Uint8Array, lease: bigint): number {
    this.check();
    this.store._put(this.beginRev, this.changed, key, value, lease);
    return this.beginRev + 1;
  }
  deleteRange(key: Uint8Array, end: Uint8Array | undefined): [number, number] {
    this.check();
    const n = this.store._delete(this.beginRev, this.changed, toKey(key), toEnd(end));
    return n !== 0 || this.changed.length > 0 ? [n, this.beginRev + 1] : [0, this.beginRev];
  }
  changes(): readonly KeyValue[] {
    return this.changed;
  }
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.store._end(this.beginRev, this.changed);
  }
}
