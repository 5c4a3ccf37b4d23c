// The backend: the member's embedded, ordered, durable key-value file (LMDB here, bbolt in etcd).
// MVCC, the lessor, auth and membership keep their state in named buckets of one backend.
//
// Contract (the same model as etcd's backend batch transaction):
// - Writes go into the current *batch*. Every read made through this backend — get, range —
//   sees all writes issued so far, committed or not (read-your-writes within the member).
// - A batch becomes durable and atomic on commit(): all of its writes land together or none do.
//   The backend also commits by itself every `batchIntervalMs` or after `batchLimit` writes, but
//   never in the middle of a synchronous run of writes: a caller that writes one raft entry's data
//   and its consistent index without yielding to the event loop gets them in the same commit.
// - The applied raft index ("consistent index") is written into the same batch as the data it
//   covers, so after a crash the backend's consistent index tells exactly which WAL entries must
//   be applied again. Nothing acknowledged depends on the backend alone: the WAL is fsynced first.
// - Keys and values are bytes; range order is unsigned byte order (like etcd). Keys must be 1..1978
//   bytes (LMDB's limit with 4 KiB pages; bbolt also refuses empty keys): LmdbBackend's put()
//   throws RangeError otherwise, so a bad key fails its writer instead of a later commit.
// - put() keeps a reference to `value` until the batch is committed, and reads may hand out the
//   same arrays: neither side mutates a value after handing it over (keys are copied).

export const Bucket = {
  key: 'key',
  meta: 'meta',
  lease: 'lease',
  authUsers: 'authUsers',
  authRoles: 'authRoles',
  auth: 'auth',
  members: 'members',
  membersRemoved: 'members_removed',
  cluster: 'cluster',
  alarm: 'alarm',
} as const;
export type Bucket = (typeof Bucket)[keyof typeof Bucket];

export interface KeyValuePair {
  key: Uint8Array;
  value: Uint8Array;
}

export interface RangeOptions {
  /** Stop after this many pairs; 0 or undefined = no limit. */
  limit?: number;
  /** Iterate from the highest key down. */
  reverse?: boolean;
}

export interface ConsistentIndex {
  index: number;
  term: number;
}

export interface Backend {
  /** The value at `key` in `bucket`, or undefined. Sees uncommitted writes of the current batch. */
  get(bucket: Bucket, key: Uint8Array): Uint8Array | undefined;
  /**
   * get() without allocating: copies the value into `out` at `at` when it fits there and returns its length
   * (a caller whose buffer was too small grows it and asks again), or -1 when there is no value.
   */
  readInto(bucket: Bucket, key: Uint8Array, out: Uint8Array, at: number): number;
  /**
   * Pairs with start <= key < end in byte order (end undefined = only `start` itself; end of
   * length 0 = no upper bound). Sees uncommitted writes of the current batch.
   */
  range(bucket: Bucket, start: Uint8Array, end: Uint8Array | undefined, opts?: RangeOptions): KeyValuePair[];
  /** Visits pairs in order without building an array; return false from `fn` to stop. */
  forEach(
    bucket: Bucket,
    start: Uint8Array,
    end: Uint8Array | undefined,
    fn: (key: Uint8Array, value: Uint8Array) => boolean | void,
  ): void;
  put(bucket: Bucket, key: Uint8Array, value: Uint8Array): void;
  delete(bucket: Bucket, key: Uint8Array): void;

  /** Records the applied raft index/term in the current batch (stored with the data it covers). */
  setConsistentIndex(ci: ConsistentIndex): void;
  /** The consistent index as of the latest write (committed or not). */
  consistentIndex(): ConsistentIndex;

  /** Writes not yet committed. */
  pendingWrites(): number;
  /** Commits the current batch; resolves once it is durable on disk. */
  commit(): Promise<void>;

  /** Bytes the backend file takes on disk. */
  size(): number;
  /** Bytes actually holding data (size minus free pages). */
  sizeInUse(): number;
  /**
   * Rewrites the file compactly (copy to a fresh file, swap); size drops to about sizeInUse.
   * Reads go on meanwhile; writes go into the open batch, whose commit waits for the swap.
   */
  defragment(): Promise<void>;
  /** Writes a consistent copy of the whole backend to `path` (after committing the batch). */
  snapshotTo(path: string): Promise<void>;
  /** Commits, then closes. Calling it again returns the same promise; LmdbBackend then refuses writes. */
  close(): Promise<void>;
}

export interface BackendOptions {
  /** Directory (etcd: <data-dir>/member/snap) holding the backend file `db`. */
  dir: string;
  /** Commit the batch at least this often. Default 100 ms (etcd's default). */
  batchIntervalMs?: number;
  /** Commit the batch after this many writes. Default 10000 (etcd's default). */
  batchLimit?: number;
  /** Initial LMDB map size in bytes; lmdb-js enlarges the map when a commit needs more. Default 1 GiB. */
  mapSize?: number;
}
