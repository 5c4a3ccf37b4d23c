// The lessor: owns every lease of the member — grant, revoke, keepalive (renew), TimeToLive, expiry and
// checkpoints — with etcd 3.4's semantics (lease/lessor.go).
//
// ─── How the server and the MVCC store wire it up ─────────────────────────────────────────────────────
// Start-up, in this order (as etcd: lessor before kv, so the store re-attaches keys to loaded leases):
//   1. `const lessor = new Lessor({ backend, minTtl: minLeaseTtlSeconds(electionTicks, heartbeatMs), … })`
//      loads every lease from the backend `lease` bucket. No lease counts down yet (expiry = forever).
//   2. The MVCC store opens with the lessor as its lease observer and existence check, and the lessor gets
//      the store for revokes (see lessor-mvcc.test.ts):
//        const kv = new KvStore(backend, { leaseExists: (id) => lessor.has(id), leaseObserver: lessor });
//        lessor.setKeyStore({ deleteKeys(keys) { const t = kv.write(); try { for (const k of keys)
//          t.deleteRange(k, undefined); } finally { t.end(); } } });
//      While it opens, the store attaches every live key that carries a lease (`attach(lease, key)`). A store
//      without that can instead offer `forEachKeyWithLease` to `lessor.restoreAttachments(...)`, which also
//      skips and counts keys naming a missing lease.
//   The same pair of steps follows `lessor.recover(backend)` after a snapshot is installed.
//
// Raft apply (every member, in log order; these are the only calls that change replicated state):
//   - LeaseGrant     → `grant(id, ttl)`; the response carries the returned `{ id, ttl }` (TTL raised to the
//                      minimum). ID 0 is rejected here: the server must pick the ID BEFORE proposing
//                      (`pickLeaseId(source)`), so that every member applies the same one.
//   - LeaseRevoke    → `revoke(id)`: calls `store.deleteKeys(sortedKeys)` once, which must delete them all in
//                      ONE write txn (one revision; no txn and no revision when the lease has no keys), then
//                      deletes the lease record. Both land in the same backend batch because nothing between
//                      them yields to the event loop.
//   - LeaseCheckpoint→ `applyCheckpoint(id, remainingTtl)` for each record.
//   - Put with lease L≠0: the apply layer first checks `has(L)` (else "requested lease not found"); the store
//                      calls `attach(L, key)` after the write. Overwriting a key that had another lease:
//                      `detach(old, key)` then `attach(new, key)` (attach also moves a key by itself).
//                      Put with `ignore_lease` keeps the attachment as it is.
//   - Delete of a key that had a lease (DeleteRange, txn delete, and the deletes made by revoke itself):
//                      `detach(L, key)`; detaching from a lease that is already gone is a harmless no-op.
//
// Leadership (only the primary — the raft leader — counts down, renews and reports expiry):
//   - on becoming leader: `promote(extendMs)` with extendMs = the election timeout; every lease then expires
//     at now + remaining TTL (the checkpointed one if any, else the full TTL) + extendMs, so a leader change
//     never expires a lease early. On losing leadership: `demote()` (all expiries back to forever; pending
//     renewals fail with NotPrimaryError so clients retry against the new leader).
//   - every ~500 ms on the leader: `tick()` (or run a `LessorRunner`). It returns the IDs of expired leases;
//     the server proposes a LeaseRevoke for each. The lessor never revokes by itself: the revoke comes back
//     through raft apply. A reported lease that is still there after `expiredRetryMs` is reported again.
//     When a `checkpointer` is configured, tick() also hands it due checkpoint records to propose.
//
// Client requests that do not go through raft:
//   - LeaseKeepAlive → `await renew(id)` on the leader → granted TTL. LeaseNotFoundError → answer TTL 0 on
//     the stream; NotPrimaryError → forward to the leader (etcd: peer HTTP /leases), or "not leader".
//   - LeaseTimeToLive → `timeToLive(id, keys)` on the leader (etcd forwards it there): TTL −1 when missing.
//   - LeaseLeases → `leases()` (any member).
//
// Times are milliseconds of the injected `now()` clock; TTLs are whole seconds. The lessor owns no timers.
import { Bucket } from '../storage/backend/backend.ts';
import type { Backend } from '../storage/backend/backend.ts';
import { LeaseExistsError, LeaseNotFoundError, LeaseTtlTooLargeError, NotPrimaryError } from './errors.ts';
import { isInt64, MAX_LEASE_TTL, NO_LEASE } from './lease-id.ts';
import type { LeaseId } from './lease-id.ts';
import { LeaseQueue } from './lease-queue.ts';
import { decodeLeaseRecord, encodeLeaseRecord, leaseKey } from './lease-record.ts';

/** What the lessor needs from the MVCC store to revoke a lease. */
export interface LeaseKeyStore {
  /**
   * Deletes `keys` (sorted, in unsigned byte order) in one write txn: one new revision for all of them, a
   * delete event per key. The store detaches each deleted key as for any delete.
   */
  deleteKeys(keys: Uint8Array[]): void;
}

/** The store's iteration over live keys that carry a lease, used to rebuild attachments on start-up. */
export type ForEachKeyWithLease = (fn: (key: Uint8Array, leaseId: LeaseId) => void) => void;

/** A lease's remaining TTL as replicated through raft (etcd's LeaseCheckpoint). */
export interface LeaseCheckpoint {
  id: LeaseId;
  /** Seconds; 0 clears the checkpoint (the full TTL applies again). */
  remainingTtl: number;
}

/**
 * Proposes checkpoint records through raft (etcd's Checkpointer). When renew() needs it, renew waits for
 * the returned promise (etcd waits for the proposal to be applied); a rejection fails that renewal.
 */
export type Checkpointer = (checkpoints: LeaseCheckpoint[]) => void | Promise<void>;

export interface LessorOptions {
  backend: Backend;
  /** Milliseconds on any monotonic scale. Default `performance.now()`. */
  now?: () => number;
  /** Minimum TTL in seconds; shorter grants are raised to it. Default 2 (etcd with 10 ticks of 100 ms). */
  minTtl?: number;
  /** Leases reported as expired per second at most (etcd's leaseRevokeRate); tick() reports half. */
  revokeRate?: number;
  /** How long after reporting an expired lease it is reported again if still not revoked. Default 3 s. */
  expiredRetryMs?: number;
  /** Enables checkpoints (etcd's --experimental-enable-lease-checkpoint). */
  checkpointer?: Checkpointer;
  /** Leases whose remaining TTL exceeds this are checkpointed this often. Default 5 min. */
  checkpointIntervalMs?: number;
  /** Checkpoint batches per tick are limited to checkpointRate/2 (etcd's leaseCheckpointRate, 1000). */
  checkpointRate?: number;
}

export interface GrantedLease {
  id: LeaseId;
  /** The TTL actually granted, in seconds (raised to the minimum). */
  ttl: number;
}

export interface LeaseTimeToLive {
  id: LeaseId;
  /** Remaining seconds, truncated as etcd does (int64 of seconds); −1 when the lease does not exist. */
  ttl: number;
  /** Granted TTL in seconds; 0 when the lease does not exist. */
  grantedTtl: number;
  /** Attached keys in byte order (only when asked for). */
  keys: Uint8Array[];
}

export interface LeaseInfo {
  id: LeaseId;
  ttl: number;
  /** Last checkpointed remaining TTL in seconds, 0 if none. */
  remainingTtl: number;
  /** Expiry on the `now()` scale; Infinity when this member is not the primary. */
  expiry: number;
  keyCount: number;
}

interface Lease {
  readonly id: LeaseId;
  readonly ttl: number;
  remainingTtl: number;
  /** Infinity unless this member is the primary. */
  expiry: number;
  /** Attached keys as latin1 strings (one char per byte: orders like unsigned bytes). */
  readonly keys: Set<string>;
  /** Renewals of this lease waiting because it expired: settled by revoke (not found) or demote. */
  waiters: ((err: Error) => void)[] | undefined;
}

const DEFAULT_MIN_TTL = 2;
const DEFAULT_REVOKE_RATE = 1000;
const DEFAULT_EXPIRED_RETRY_MS = 3000;
const DEFAULT_CHECKPOINT_INTERVAL_MS = 5 * 60 * 1000;
const DEFAULT_CHECKPOINT_RATE = 1000;
/** Checkpoint records per proposal at most (etcd's maxLeaseCheckpointBatchSize). */
const MAX_CHECKPOINT_BATCH = 1000;

const toKey = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
function fromKey(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function checkId(id: LeaseId): void {
  if (!isInt64(id)) throw new RangeError(`lease: ID ${id} is outside int64`);
}

export class Lessor {
  readonly minTtl: number;
  private backend: Backend;
  private readonly now: () => number;
  private readonly revokeRate: number;
  private readonly expiredRetryMs: number;
  private readonly checkpointer: Checkpointer | undefined;
  private readonly checkpointIntervalMs: number;
  private readonly checkpointRate: number;
  private keyStore: LeaseKeyStore | undefined;

  private readonly leaseMap = new Map<LeaseId, Lease>();
  private readonly keyMap = new Map<string, LeaseId>();
  /** Primary only: every lease by expiry (or by the time to report it again). */
  private readonly expiryQueue = new LeaseQueue();
  /** Primary with checkpointer only: leases by next checkpoint time. */
  private readonly checkpointQueue = new LeaseQueue();
  private primary = false;

  constructor(opts: LessorOptions) {
    this.backend = opts.backend;
    this.now = opts.now ?? (() => performance.now());
    this.minTtl = opts.minTtl ?? DEFAULT_MIN_TTL;
    this.revokeRate = opts.revokeRate ?? DEFAULT_REVOKE_RATE;
    this.expiredRetryMs = opts.expiredRetryMs ?? DEFAULT_EXPIRED_RETRY_MS;
    this.checkpointer = opts.checkpointer;
    this.checkpointIntervalMs = opts.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    this.checkpointRate = opts.checkpointRate ?? DEFAULT_CHECKPOINT_RATE;
    this.load();
  }

  /** The store that revoke() deletes attached keys through (etcd's SetRangeDeleter). */
  setKeyStore(store: LeaseKeyStore): void {
    this.keyStore = store;
  }

  get isPrimary(): boolean {
    return this.primary;
  }

  /** Number of leases. */
  get size(): number {
    return this.leaseMap.size;
  }

  has(id: LeaseId): boolean {
    return this.leaseMap.has(id);
  }

  lookup(id: LeaseId): LeaseInfo | undefined {
    const l = this.leaseMap.get(id);
    if (l === undefined) return undefined;
    return { id, ttl: l.ttl, remainingTtl: l.remainingTtl, expiry: l.expiry, keyCount: l.keys.size };
  }

  // ─── Replicated operations (raft apply) ───────────────────────────────────────────────────────────

  /**
   * Creates lease `id` with `ttl` seconds. Checks in etcd's order: ID 0 → LeaseNotFoundError; TTL above
   * MAX_LEASE_TTL → LeaseTtlTooLargeError; existing ID → LeaseExistsError. A TTL below the minimum —
   * zero and negative included — is raised to the minimum.
   */
  grant(id: LeaseId, ttl: number): GrantedLease {
    if (id === NO_LEASE) throw new LeaseNotFoundError();
    checkId(id);
    if (Number.isNaN(ttl)) throw new RangeError('lease: TTL is not a number');
    if (ttl > MAX_LEASE_TTL) throw new LeaseTtlTooLargeError();
    if (this.leaseMap.has(id)) throw new LeaseExistsError();
    const l: Lease = {
      id,
      ttl: Math.max(Math.trunc(ttl), this.minTtl),
      remainingTtl: 0,
      expiry: Infinity,
      keys: new Set(),
      waiters: undefined,
    };
    this.leaseMap.set(id, l);
    this.persist(l);
    if (this.primary) {
      const now = this.now();
      this.refresh(l, 0, now);
      this.scheduleCheckpoint(l, now);
    }
    return { id, ttl: l.ttl };
  }

  /**
   * Deletes every key attached to `id` through the key store (one call, one revision), then the lease.
   * Unknown lease → LeaseNotFoundError. Renewals waiting on this lease fail with LeaseNotFoundError.
   */
  revoke(id: LeaseId): void {
    const l = this.leaseMap.get(id);
    if (l === undefined) throw new LeaseNotFoundError();
    if (l.keys.size > 0) {
      if (this.keyStore === undefined) throw new Error('lease: revoke needs a key store (setKeyStore)');
      // Sorted so that every member deletes in the same order (the backend hash must agree).
      const keys = [...l.keys].sort();
      this.keyStore.deleteKeys(keys.map(fromKey));
    }
    this.leaseMap.delete(id);
    for (const k of l.keys) if (this.keyMap.get(k) === id) this.keyMap.delete(k);
    l.keys.clear();
    this.backend.delete(Bucket.lease, leaseKey(id));
    this.expiryQueue.remove(id);
    this.checkpointQueue.remove(id);
    this.settleWaiters(l, () => new LeaseNotFoundError());
  }

  /**
   * Stores a replicated checkpoint: the lease's remaining TTL, used by the next promote() instead of the
   * full TTL. Persisted, so it also survives a restart. Unknown leases are ignored (as etcd).
   */
  applyCheckpoint(id: LeaseId, remainingTtl: number): void {
    const l = this.leaseMap.get(id);
    if (l === undefined) return;
    l.remainingTtl = remainingTtl;
    this.persist(l);
    if (this.primary) this.scheduleCheckpoint(l, this.now());
  }

  /** Attaches `key` to lease `id` (moving it from any other lease). Unknown lease → LeaseNotFoundError. */
  attach(id: LeaseId, key: Uint8Array): void {
    const l = this.leaseMap.get(id);
    if (l === undefined) throw new LeaseNotFoundError();
    const k = toKey(key);
    const prev = this.keyMap.get(k);
    if (prev !== undefined && prev !== id) this.leaseMap.get(prev)?.keys.delete(k);
    l.keys.add(k);
    this.keyMap.set(k, id);
  }

  /** Detaches `key` from lease `id`; false when the lease is gone or the key was not attached to it. */
  detach(id: LeaseId, key: Uint8Array): boolean {
    const l = this.leaseMap.get(id);
    if (l === undefined) return false;
    const k = toKey(key);
    if (!l.keys.delete(k)) return false;
    if (this.keyMap.get(k) === id) this.keyMap.delete(k);
    return true;
  }

  /** The lease `key` is attached to, or NO_LEASE. */
  leaseOfKey(key: Uint8Array): LeaseId {
    return this.keyMap.get(toKey(key)) ?? NO_LEASE;
  }

  /**
   * Re-attaches keys after start-up or recover(), from the store. Returns how many keys named a lease that
   * does not exist (etcd logs and skips them; they should not exist).
   */
  restoreAttachments(forEachKeyWithLease: ForEachKeyWithLease): number {
    let orphans = 0;
    forEachKeyWithLease((key, id) => {
      if (id === NO_LEASE) return;
      if (!this.leaseMap.has(id)) {
        orphans++;
        return;
      }
      this.attach(id, key);
    });
    return orphans;
  }

  /**
   * Reloads every lease from `backend` (after a snapshot replaced it): in-memory state and attachments are
   * dropped — call restoreAttachments() next. Pending renewals fail with NotPrimaryError (clients retry).
   * On the primary the reloaded leases count down from their remaining TTL at once.
   */
  recover(backend: Backend = this.backend): void {
    for (const l of this.leaseMap.values()) this.settleWaiters(l, () => new NotPrimaryError());
    this.backend = backend;
    this.leaseMap.clear();
    this.keyMap.clear();
    this.expiryQueue.clear();
    this.checkpointQueue.clear();
    this.load();
    if (this.primary) {
      const now = this.now();
      for (const l of this.leaseMap.values()) {
        this.refresh(l, 0, now);
        this.scheduleCheckpoint(l, now);
      }
    }
  }

  // ─── Leadership ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Makes this lessor the primary: every lease expires at now + its remaining TTL (checkpointed, else full)
   * + `extendMs`. With at least `revokeRate` leases, leases bunched into the same second are spread out so
   * that no more than 3/4 of the revoke rate expire per second (etcd's rule against revoke pile-ups).
   */
  promote(extendMs: number): void {
    this.primary = true;
    const now = this.now();
    for (const l of this.leaseMap.values()) {
      this.refresh(l, extendMs, now);
      this.scheduleCheckpoint(l, now);
    }
    if (this.leaseMap.size < this.revokeRate) return;

    const sorted = [...this.leaseMap.values()].sort((a, b) => a.expiry - b.expiry);
    const target = Math.floor((3 * this.revokeRate) / 4);
    // A window opens at the first lease not yet covered; within it at most `target` leases keep their
    // expiry, the n-th one after that moves to windowStart + n/target seconds.
    let windowStart = sorted[0]!.expiry;
    let windowEnd = windowStart + 1000;
    let count = 0;
    for (const l of sorted) {
      if (l.expiry > windowEnd) {
        windowStart = l.expiry;
        windowEnd = windowStart + 1000;
        count = 1;
        continue;
      }
      count++;
      if (count <= target) continue;
      const spread = windowStart + (1000 * count) / target;
      windowEnd = spread;
      l.expiry = spread;
      this.expiryQueue.upsert(l.id, spread);
    }
  }

  /** Stops counting down: every expiry becomes forever; pending renewals fail with NotPrimaryError. */
  demote(): void {
    this.primary = false;
    for (const l of this.leaseMap.values()) {
      l.expiry = Infinity;
      this.settleWaiters(l, () => new NotPrimaryError());
    }
    this.expiryQueue.clear();
    this.checkpointQueue.clear();
  }

  /** Same as demote(): the member is stopping; nothing may wait on it any more. */
  stop(): void {
    this.demote();
  }

  // ─── Primary-only operations ────────────────────────────────────────────────────────────────────

  /**
   * Keepalive: the lease now expires at now + its granted TTL, which is returned. Only the primary renews
   * (else NotPrimaryError). Unknown lease → LeaseNotFoundError. A lease that has expired but is not yet
   * revoked is not renewed: the call waits until the revoke is applied (→ LeaseNotFoundError) or this
   * member is demoted (→ NotPrimaryError), as etcd does; the server bounds that wait with its request
   * timeout, as etcd's context does. With checkpoints on, a renewal of a lease that has
   * a checkpointed remaining TTL first replicates a checkpoint of 0, so a later leader uses the full TTL.
   */
  async renew(id: LeaseId): Promise<number> {
    if (!this.primary) throw new NotPrimaryError();
    const l = this.leaseMap.get(id);
    if (l === undefined) throw new LeaseNotFoundError();
    if (l.expiry <= this.now()) {
      await new Promise<never>((_, reject) => (l.waiters ??= []).push(reject));
    }
    if (this.checkpointer !== undefined && l.remainingTtl > 0) {
      await this.checkpointer([{ id, remainingTtl: 0 }]);
      if (!this.primary) throw new NotPrimaryError();
      if (this.leaseMap.get(id) !== l) throw new LeaseNotFoundError();
    }
    const now = this.now();
    l.expiry = now + l.ttl * 1000;
    this.expiryQueue.upsert(id, l.expiry);
    return l.ttl;
  }

  /**
   * IDs of expired leases for the server to revoke through raft, earliest first, at most `limit` (default:
   * half the revoke rate, one round of 500 ms). Each reported lease is reported again after
   * `expiredRetryMs` if its revoke has not been applied by then. Empty unless primary.
   */
  expiredLeases(limit: number = Math.max(1, Math.floor(this.revokeRate / 2))): LeaseId[] {
    const out: LeaseId[] = [];
    if (!this.primary) return out;
    const now = this.now();
    while (out.length < limit) {
      const top = this.expiryQueue.peek();
      if (top === undefined || now < top.time) break;
      const l = this.leaseMap.get(top.id);
      if (l === undefined) {
        this.expiryQueue.remove(top.id);
        continue;
      }
      this.expiryQueue.upsert(l.id, now + this.expiredRetryMs);
      if (l.expiry <= now) out.push(l.id);
    }
    return out;
  }

  /**
   * One round of the primary's duties (etcd's runLoop, every 500 ms): returns the expired leases to revoke
   * (see expiredLeases) and hands due checkpoint records to the checkpointer. No-op unless primary.
   */
  tick(): LeaseId[] {
    if (!this.primary) return [];
    const expired = this.expiredLeases();
    this.sendDueCheckpoints();
    return expired;
  }

  // ─── Reads ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * LeaseTimeToLive. Accurate on the primary (etcd forwards this request to the leader); elsewhere the
   * remaining TTL reported is the checkpointed one, else the granted TTL.
   */
  timeToLive(id: LeaseId, withKeys = false): LeaseTimeToLive {
    const l = this.leaseMap.get(id);
    if (l === undefined) return { id, ttl: -1, grantedTtl: 0, keys: [] };
    const ttl =
      l.expiry === Infinity ? this.remainingOrTtl(l) : Math.trunc((l.expiry - this.now()) / 1000) + 0;
    const keys = withKeys ? [...l.keys].sort().map(fromKey) : [];
    return { id, ttl, grantedTtl: l.ttl, keys };
  }

  /** Every lease ID, soonest expiry first (as etcd's LeaseLeases), then by ID. */
  leases(): LeaseId[] {
    const all = [...this.leaseMap.values()];
    all.sort((a, b) =>
      a.expiry !== b.expiry ? a.expiry - b.expiry : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    return all.map((l) => l.id);
  }

  // ─── Internals ──────────────────────────────────────────────────────────────────────────────────

  private load(): void {
    const empty = new Uint8Array(0);
    this.backend.forEach(Bucket.lease, empty, empty, (_key, value) => {
      const r = decodeLeaseRecord(value);
      this.leaseMap.set(r.id, {
        id: r.id,
        ttl: Math.max(r.ttl, this.minTtl),
        remainingTtl: r.remainingTtl,
        expiry: Infinity,
        keys: new Set(),
        waiters: undefined,
      });
    });
  }

  private persist(l: Lease): void {
    this.backend.put(
      Bucket.lease,
      leaseKey(l.id),
      encodeLeaseRecord({ id: l.id, ttl: l.ttl, remainingTtl: l.remainingTtl }),
    );
  }

  private remainingOrTtl(l: Lease): number {
    return l.remainingTtl > 0 ? l.remainingTtl : l.ttl;
  }

  private refresh(l: Lease, extendMs: number, now: number): void {
    l.expiry = now + extendMs + this.remainingOrTtl(l) * 1000;
    this.expiryQueue.upsert(l.id, l.expiry);
  }

  /** `err` is a factory: building an Error (its stack) costs more than the rest of a revoke. */
  private settleWaiters(l: Lease, err: () => Error): void {
    const waiters = l.waiters;
    if (waiters === undefined) return;
    l.waiters = undefined;
    for (const reject of waiters) reject(err());
  }

  private scheduleCheckpoint(l: Lease, now: number): void {
    if (this.checkpointer === undefined) return;
    if (this.remainingOrTtl(l) * 1000 > this.checkpointIntervalMs) {
      this.checkpointQueue.upsert(l.id, now + this.checkpointIntervalMs);
    }
  }

  private findDueCheckpoints(limit: number): LeaseCheckpoint[] {
    const out: LeaseCheckpoint[] = [];
    const now = this.now();
    while (out.length < limit) {
      const top = this.checkpointQueue.peek();
      if (top === undefined || top.time > now) break;
      this.checkpointQueue.pop();
      const l = this.leaseMap.get(top.id);
      if (l === undefined || now >= l.expiry) continue;
      const remainingTtl = Math.ceil((l.expiry - now) / 1000);
      if (remainingTtl >= l.ttl) {
        // Renewed within the last second: nothing to record yet. etcd drops the lease from the schedule
        // here (until the next promote); we keep checkpointing it.
        this.scheduleCheckpoint(l, now);
        continue;
      }
      out.push({ id: l.id, remainingTtl });
    }
    return out;
  }

  private sendDueCheckpoints(): void {
    const cp = this.checkpointer;
    if (cp === undefined) return;
    const batches = Math.max(1, Math.floor(this.checkpointRate / 2));
    for (let i = 0; i < batches; i++) {
      const cps = this.findDueCheckpoints(MAX_CHECKPOINT_BATCH);
      if (cps.length > 0) {
        // A failed proposal (e.g. leadership lost meanwhile) puts its leases back on the schedule.
        const retry = () => {
          if (!this.primary) return;
          const now = this.now();
          for (const c of cps) {
            const l = this.leaseMap.get(c.id);
            if (l !== undefined) this.scheduleCheckpoint(l, now);
          }
        };
        try {
          const r = cp(cps);
          if (r instanceof Promise) r.catch(retry);
        } catch {
          retry();
          return;
        }
      }
      if (cps.length < MAX_CHECKPOINT_BATCH) return;
    }
  }
}
