// The member's backend on LMDB (lmdb-js 3.x): one file `<dir>/db` (+ LMDB's `db-lock`), one named
// LMDB database per bucket. See backend.ts for the contract.
//
// lmdb-js writes asynchronously, and a read in this process does not see a write until its
// transaction has committed. The contract wants read-your-writes before commit, so writes never go
// to LMDB directly: they go into the open batch (a BatchOverlay). commit() freezes that batch and
// writes it, together with the consistent index it carries, in ONE LMDB write transaction; new
// writes meanwhile go into a fresh batch. Reads merge, newest first: the open batch, the frozen
// batches whose commit is in flight, then the file. A frozen batch leaves the read path only once
// LMDB has committed it, so no write is ever invisible.
//
// Durability: the environment is opened with overlappingSync off and sync on, so a transaction's
// promise resolves only after LMDB's fsync; commit() therefore resolves once the batch is on disk.
// LMDB commits are atomic, so after a crash the file holds whole batches only, and the consistent
// index in the meta bucket always describes exactly the data beside it.
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { open as openLmdb } from 'lmdb';
import type {
  Database,
  RangeOptions as LmdbRangeOptions,
  RootDatabase,
  RootDatabaseOptionsWithPath,
} from 'lmdb';
import type { Backend, BackendOptions, ConsistentIndex, KeyValuePair, RangeOptions } from './backend.ts';
import { Bucket } from './backend.ts';
import {
  BatchOverlay,
  TOMBSTONE,
  keyToString,
  mergeCursors,
  overlayCursor,
  stringToKey,
  type Cursor,
  type OverlayValue,
} from './batch-overlay.ts';

type Db = Database<Buffer, Uint8Array>;
type RootDb = RootDatabase<Buffer, Uint8Array>;

/** One open LMDB environment and its bucket databases. Replaced as a whole by defragment(). */
interface Env {
  root: RootDb;
  dbs: Map<Bucket, Db>;
}

/** Name of the backend file inside BackendOptions.dir (etcd: member/snap/db). */
export const BACKEND_FILE = 'db';
/** LMDB's largest key with its default 4 KiB pages (lmdb-js reports the same via getMaxKeySize). */
export const MAX_KEY_BYTES = 1978;
// etcd 3.5 keeps the applied index and term under these keys of the meta bucket (8-byte big endian).
export const CONSISTENT_INDEX_KEY = 'consistent_index';
export const CONSISTENT_TERM_KEY = 'term';

const DEFAULT_BATCH_INTERVAL_MS = 100;
const DEFAULT_BATCH_LIMIT = 10_000;
// The initial map; lmdb-js enlarges it by itself when a transaction needs more room.
const DEFAULT_MAP_SIZE = 1 << 30;
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
// Temporary files beside the backend file; a crash can leave them behind, open() removes them.
const TEMP_MARK = '.tmp-';
/** Names starting with this in the backend's dir are scratch copies, removed when a backend opens. */
export const BACKEND_TEMP_PREFIX = BACKEND_FILE + TEMP_MARK;

const EMPTY = Buffer.alloc(0);
const asBuffer = (b: Uint8Array): Buffer =>
  Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);

function encodeU64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

function decodeU64(b: Uint8Array | undefined): number {
  if (b === undefined || b.byteLength !== 8) return 0;
  const n = asBuffer(b).readBigUInt64BE();
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`backend: stored index ${n} exceeds 2^53`);
  return Number(n);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

let tempCounter = 0;

export class LmdbBackend implements Backend {
  /** The backend file. */
  readonly path: string;
  private readonly dir: string;
  private readonly batchLimit: number;
  private readonly mapSize: number;
  private env: Env;

  /** The batch taking writes now. */
  private open = new BatchOverlay();
  /** Frozen batches, oldest first, whose LMDB transaction has not committed yet. */
  private readonly inflight: BatchOverlay[] = [];
  /** Frozen batches already committed as part of an earlier group. */
  private readonly written = new WeakSet<BatchOverlay>();
  /** Settles when every batch frozen so far has committed (rejects once one has failed). */
  private tail: Promise<void> = Promise.resolve();
  /** Set while defragment() runs: commits wait for it, writes pile up in the open batch. */
  private hold: Promise<void> | undefined;
  private ci: ConsistentIndex;
  private readonly timer: NodeJS.Timeout;
  private closing: Promise<void> | undefined;
  /** The first commit failure. The backend is fail-stop after it (etcd panics in the same place). */
  private failure: Error | undefined;
  /** Number of LMDB transactions committed by this instance (tests and metrics). */
  commits = 0;

  constructor(opts: BackendOptions) {
    this.dir = opts.dir;
    this.path = join(opts.dir, BACKEND_FILE);
    this.batchLimit = opts.batchLimit ?? DEFAULT_BATCH_LIMIT;
    this.mapSize = opts.mapSize ?? DEFAULT_MAP_SIZE;
    mkdirSync(this.dir, { recursive: true, mode: DIR_MODE });
    this.removeTempFiles();
    this.env = this.openEnv(this.path);
    const meta = this.env.dbs.get(Bucket.meta)!;
    this.ci = {
      index: decodeU64(meta.get(Buffer.from(CONSISTENT_INDEX_KEY))),
      term: decodeU64(meta.get(Buffer.from(CONSISTENT_TERM_KEY))),
    };
    const interval = opts.batchIntervalMs ?? DEFAULT_BATCH_INTERVAL_MS;
    this.timer = setInterval(() => {
      if (this.open.writes > 0 && this.hold === undefined) this.commitInBackground();
    }, interval);
    this.timer.unref();
  }

  private openEnv(path: string): Env {
    const root = openLmdb<Buffer, Uint8Array>({
      path,
      noSubdir: true,
      encoding: 'binary',
      keyEncoding: 'binary',
      // Sync commits: a commit's promise resolves after fsync, not merely when it became visible.
      overlappingSync: false,
      maxDbs: Object.keys(Bucket).length + 4,
      mapSize: this.mapSize,
      permissionsMode: FILE_MODE,
    } as RootDatabaseOptionsWithPath);
    const dbs = new Map<Bucket, Db>();
    for (const name of Object.values(Bucket)) {
      dbs.set(name, root.openDB<Buffer, Uint8Array>({ name, encoding: 'binary', keyEncoding: 'binary' }));
    }
    return { root, dbs };
  }

  private removeTempFiles(): void {
    for (const name of readdirSync(this.dir)) {
      if (name.startsWith(BACKEND_TEMP_PREFIX)) rmSync(join(this.dir, name), { force: true });
    }
  }

  private tempPath(purpose: string): string {
    return join(this.dir, `${BACKEND_TEMP_PREFIX}${purpose}-${process.pid}-${++tempCounter}`);
  }

  private db(bucket: Bucket): Db {
    const db = this.env.dbs.get(bucket);
    if (db === undefined) throw new RangeError(`backend: unknown bucket ${JSON.stringify(bucket)}`);
    return db;
  }

  private checkWritable(): void {
    if (this.failure) throw this.failure;
    if (this.closing) throw new Error('backend: closed');
  }

  // ---- reads ------------------------------------------------------------------------------------

  get(bucket: Bucket, key: Uint8Array): Uint8Array | undefined {
    if (this.open.writes > 0 || this.inflight.length > 0) {
      const k = keyToString(key);
      const v = this.lookupOverlays(bucket, k);
      if (v !== undefined) return v ?? undefined;
    }
    if (key.byteLength === 0 || key.byteLength > MAX_KEY_BYTES) return undefined;
    return this.db(bucket).get(key);
  }

  readInto(bucket: Bucket, key: Uint8Array, out: Uint8Array, at: number): number {
    let v: Uint8Array | undefined;
    let len: number;
    const overlay =
      this.open.writes > 0 || this.inflight.length > 0
        ? this.lookupOverlays(bucket, keyToString(key))
        : undefined;
    if (overlay !== undefined) {
      if (overlay === null) return -1;
      v = overlay;
      len = v.byteLength;
    } else {
      if (key.byteLength === 0 || key.byteLength > MAX_KEY_BYTES) return -1;
      const db = this.db(bucket);
      // lmdb's own read buffer (overwritten by its next read), or for large values a buffer of their own.
      const b = db.getBinaryFast(key as Buffer) as (Buffer & { isGlobal?: boolean }) | undefined;
      if (b === undefined) return -1;
      v = b;
      len = b.isGlobal ? (db as unknown as { lastSize: number }).lastSize : b.byteLength;
    }
    if (at + len <= out.byteLength) {
      // lmdb's read buffer is longer than the value (its `length` says the value's, its byteLength not; Buffer's
      // copy() trusts the first and overruns): copy from a plain view of the value's bytes.
      out.set(len === v.byteLength ? v : new Uint8Array(v.buffer, v.byteOffset, len), at);
    }
    return len;
  }

  private lookupOverlays(bucket: Bucket, key: string): OverlayValue | undefined {
    const v = this.open.get(bucket, key);
    if (v !== undefined) return v;
    for (let i = this.inflight.length - 1; i >= 0; i--) {
      const w = this.inflight[i]!.get(bucket, key);
      if (w !== undefined) return w;
    }
    return undefined;
  }

  range(
    bucket: Bucket,
    start: Uint8Array,
    end: Uint8Array | undefined,
    opts: RangeOptions = {},
  ): KeyValuePair[] {
    const out: KeyValuePair[] = [];
    const limit = opts.limit ?? 0;
    this.visit(bucket, start, end, opts.reverse === true, (key, value) => {
      out.push({ key, value });
      return limit <= 0 || out.length < limit;
    });
    return out;
  }

  forEach(
    bucket: Bucket,
    start: Uint8Array,
    end: Uint8Array | undefined,
    fn: (key: Uint8Array, value: Uint8Array) => boolean | void,
  ): void {
    this.visit(bucket, start, end, false, fn);
  }

  private visit(
    bucket: Bucket,
    start: Uint8Array,
    end: Uint8Array | undefined,
    reverse: boolean,
    fn: (key: Uint8Array, value: Uint8Array) => boolean | void,
  ): void {
    if (end === undefined) {
      const v = this.get(bucket, start);
      if (v !== undefined) fn(start, v);
      return;
    }
    const db = this.db(bucket);
    const lo = asBuffer(start);
    const hi = end.byteLength === 0 ? undefined : asBuffer(end);
    if (hi !== undefined && Buffer.compare(lo, hi) >= 0) return;

    const layers: BatchOverlay[] = [];
    if (this.open.writes > 0 || this.inflight.length > 0) {
      const loS = keyToString(lo);
      const hiS = hi === undefined ? undefined : keyToString(hi);
      for (const layer of [this.open, ...this.inflight.slice().reverse()]) {
        if (layer.touches(bucket, loS, hiS)) layers.push(layer);
      }
      if (layers.length > 0) {
        const cursors = layers.map((l) => overlayCursor(l.tree(bucket)!, loS, hiS, reverse));
        cursors.push(lmdbCursor(db, lo, hi, reverse));
        mergeCursors(cursors, reverse, fn);
        return;
      }
    }
    // No uncommitted write in range: stream the file directly.
    for (const { key, value } of db.getRange(rangeOptions(lo, hi, reverse))) {
      if (fn(key, value) === false) break;
    }
  }

  // ---- writes -----------------------------------------------------------------------------------

  put(bucket: Bucket, key: Uint8Array, value: Uint8Array): void {
    this.checkWritable();
    this.db(bucket);
    if (key.byteLength === 0 || key.byteLength > MAX_KEY_BYTES) {
      throw new RangeError(`backend: key length ${key.byteLength} outside 1..${MAX_KEY_BYTES}`);
    }
    this.open.set(bucket, keyToString(key), value);
    this.afterWrite();
  }

  delete(bucket: Bucket, key: Uint8Array): void {
    this.checkWritable();
    this.db(bucket);
    if (key.byteLength === 0 || key.byteLength > MAX_KEY_BYTES) return;
    this.open.set(bucket, keyToString(key), TOMBSTONE);
    this.afterWrite();
  }

  setConsistentIndex(ci: ConsistentIndex): void {
    this.checkWritable();
    if (!Number.isSafeInteger(ci.index) || ci.index < 0 || !Number.isSafeInteger(ci.term) || ci.term < 0) {
      throw new RangeError(`backend: bad consistent index ${ci.index}/${ci.term}`);
    }
    this.ci = { index: ci.index, term: ci.term };
    // One write in the batch's count (like MemoryBackend), two keys in the meta bucket.
    this.open.set(Bucket.meta, CONSISTENT_INDEX_KEY, encodeU64(ci.index));
    this.open.set(Bucket.meta, CONSISTENT_TERM_KEY, encodeU64(ci.term));
    this.open.writes--;
    this.afterWrite();
  }

  consistentIndex(): ConsistentIndex {
    return { ...this.ci };
  }

  pendingWrites(): number {
    return this.open.writes;
  }

  /**
   * The batch limit never commits right away: the write may sit in the middle of one raft entry (a txn,
   * a large delete) whose consistent index comes after its data, and committing then would make half
   * an entry durable under the previous index, applied a second time after a crash. The commit waits
   * for the end of the current synchronous run (a microtask), as the interval timer does; etcd holds
   * the batch lock for a whole entry for the same reason.
   */
  private afterWrite(): void {
    if (this.open.writes < this.batchLimit || this.limitCommitQueued) return;
    this.limitCommitQueued = true;
    queueMicrotask(() => {
      this.limitCommitQueued = false;
      if (this.open.writes >= this.batchLimit && this.hold === undefined && !this.closing) {
        this.commitInBackground();
      }
    });
  }
  private limitCommitQueued = false;

  private commitInBackground(): void {
    // A failure is kept in this.failure and surfaces on the next write, commit or close.
    this.commit().catch(() => {});
  }

  // ---- commit -----------------------------------------------------------------------------------

  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.hold) return this.hold.then(() => this.commit());
    if (this.open.writes > 0) {
      const layer = this.open;
      this.open = new BatchOverlay();
      this.inflight.push(layer);
      this.tail = this.tail.then(() => this.writeBatch(layer));
      this.tail.catch(() => {}); // the failure is recorded; callers of commit() still see it
    }
    return this.tail;
  }

  /**
   * Writes `layer` and every batch frozen after it in one LMDB transaction (group commit: while one
   * fsync runs, any number of commit() calls queue up and share the next), and resolves after the
   * fsync. Batches go in freeze order, so a later write of a key wins, and each stays whole.
   */
  private async writeBatch(layer: BatchOverlay): Promise<void> {
    if (this.written.has(layer)) return; // went out with an earlier group
    if (this.inflight[0] !== layer) throw new Error('backend: batches written out of order');
    const group = this.inflight.slice();
    const { root, dbs } = this.env;
    try {
      await root.batch(() => {
        for (const l of group) {
          for (const [bucket, key, value] of l.entries()) {
            const db = dbs.get(bucket)!;
            if (value === TOMBSTONE) void db.remove(stringToKey(key));
            else void db.put(stringToKey(key), asBuffer(value));
          }
        }
      });
    } catch (err) {
      this.failure ??= err instanceof Error ? err : new Error(String(err));
      throw this.failure;
    }
    this.commits++;
    // lmdb-js renews its read snapshot after a commit too; doing it here makes the hand-over from
    // overlay to file independent of that detail.
    root.resetReadTxn();
    for (const l of group) this.written.add(l);
    this.inflight.splice(0, group.length);
  }

  // ---- sizes, defragment, snapshot ---------------------------------------------------------------

  size(): number {
    return statSync(this.path).size;
  }

  /**
   * Pages reachable from the current meta page, times the page size: LMDB's two meta pages, the
   * main database (which names the buckets), every bucket's B+tree (branch, leaf and overflow
   * pages) and the free-list tree. The rest of the file is free pages (etcd: size - free pages).
   */
  sizeInUse(): number {
    type Stat = {
      pageSize: number;
      treeBranchPageCount: number;
      treeLeafPageCount: number;
      overflowPages: number;
    };
    const pages = (s: Stat) => s.treeBranchPageCount + s.treeLeafPageCount + s.overflowPages;
    let used = 2;
    let pageSize = 0;
    let first = true;
    for (const db of this.env.dbs.values()) {
      const s = db.getStats() as Stat & { root: Stat; free: Stat };
      if (first) {
        used += pages(s.root) + pages(s.free);
        pageSize = s.pageSize;
        first = false;
      }
      used += pages(s);
    }
    return used * pageSize;
  }

  async defragment(): Promise<void> {
    while (this.hold) await this.hold;
    this.checkWritable();
    await this.commit();
    let release!: () => void;
    this.hold = new Promise((r) => (release = r));
    try {
      await this.tail; // commits started between the commit above and the hold
      const tmp = this.tempPath('defrag');
      await this.env.root.backup(tmp, true);
      chmodSync(tmp, FILE_MODE);
      fsyncPath(tmp);
      // Swap without a moment where reads have no environment: open the compact copy, switch
      // reads to it (same contents: commits are held), then close the old one and rename.
      const old = this.env;
      this.env = this.openEnv(tmp);
      await old.root.close();
      renameSync(tmp, this.path);
      renameSync(`${tmp}-lock`, `${this.path}-lock`);
      fsyncPath(this.dir);
    } finally {
      this.hold = undefined;
      release();
    }
  }

  async snapshotTo(path: string): Promise<void> {
    this.checkWritable();
    await this.commit();
    while (this.hold) await this.hold;
    // Write beside the target and rename, so `path` only ever holds a complete copy.
    const part = `${path}.part-${process.pid}-${++tempCounter}`;
    rmSync(part, { force: true });
    try {
      // LMDB copies from a read transaction: a consistent state even while commits continue.
      await this.env.root.backup(part, false);
      chmodSync(part, FILE_MODE);
      fsyncPath(part);
      renameSync(part, path);
      fsyncPath(dirname(path));
    } catch (err) {
      rmSync(part, { force: true });
      throw err;
    }
  }

  close(): Promise<void> {
    if (this.closing) return this.closing;
    clearInterval(this.timer);
    const committed = this.failure ? Promise.resolve() : this.commitForClose();
    this.closing = committed.finally(async () => {
      await this.env.root.close();
    });
    return this.closing;
  }

  private async commitForClose(): Promise<void> {
    while (this.hold) await this.hold;
    await this.commit();
  }
}

function rangeOptions(lo: Buffer, hi: Buffer | undefined, reverse: boolean): LmdbRangeOptions {
  if (!reverse) return hi === undefined ? { start: lo } : { start: lo, end: hi };
  // Reverse: start is the upper bound, end the lower. lmdb-js's default lower bound would skip the
  // key 0x00, so always give it, inclusive.
  const o: LmdbRangeOptions = { reverse: true, end: lo.byteLength === 0 ? EMPTY : lo, inclusiveEnd: true };
  if (hi !== undefined) {
    o.start = hi;
    o.exclusiveStart = true;
  }
  return o;
}

function lmdbCursor(db: Db, lo: Buffer, hi: Buffer | undefined, reverse: boolean): Cursor {
  const it = db.getRange(rangeOptions(lo, hi, reverse))[Symbol.iterator]();
  let open = true;
  const c: Cursor = {
    key: undefined,
    keyBytes: undefined,
    value: TOMBSTONE,
    next() {
      const r = it.next();
      if (r.done) {
        open = false;
        c.key = undefined;
        return;
      }
      c.keyBytes = r.value.key as Buffer;
      c.key = (r.value.key as Buffer).toString('latin1');
      c.value = r.value.value;
    },
    close() {
      c.key = undefined;
      if (open) {
        open = false;
        it.return?.();
      }
    },
  };
  c.next();
  return c;
}
