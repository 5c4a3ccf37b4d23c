// Request-level semantics of etcd's KV service on top of the store: request validation (etcd's
// v3rpc/key.go, done before proposing) and the apply step (etcd's applierV3backend Range, Put,
// DeleteRange, Txn). Every quirk visible to clients is kept, e.g. a txn's nested compares all see the
// state before the txn, and a delete whose range_end is "\0" is not checked against puts for duplicates.
import {
  DuplicateKeyError,
  EmptyKeyError,
  KeyNotFoundError,
  LeaseNotFoundError,
  LeaseProvidedError,
  TooManyOpsError,
  ValueProvidedError,
  CompactedError,
  FutureRevError,
} from './errors.ts';
import type { KvStore, TxnRead, TxnWrite } from './kv-store.ts';
import {
  type Compare,
  CompareResult,
  CompareTarget,
  type DeleteRangeRequest,
  type DeleteRangeResponse,
  type KeyValue,
  type PutRequest,
  type PutResponse,
  type RangeRequest,
  type RangeResponse,
  type RequestOp,
  type ResponseOp,
  SortOrder,
  SortTarget,
  type TxnRequest,
  type TxnResponse,
} from './types.ts';

const EMPTY = new Uint8Array(0);
const UNBOUNDED = EMPTY;

/**
 * A request's range_end as the store takes it: absent or empty = the single key; "\0" = no upper bound
 * (etcd's mkGteRange); otherwise [key, range_end).
 */
export function rangeEndOf(rangeEnd: Uint8Array | undefined): Uint8Array | undefined {
  if (rangeEnd === undefined || rangeEnd.byteLength === 0) return undefined;
  if (rangeEnd.byteLength === 1 && rangeEnd[0] === 0) return UNBOUNDED;
  return rangeEnd;
}

// ---- validation (before proposing; repeated at apply so a bad request fails the same everywhere) ----

export function validateRangeRequest(r: RangeRequest): void {
  if (!r.key || r.key.byteLength === 0) throw new EmptyKeyError();
}

export function validatePutRequest(r: PutRequest): void {
  if (!r.key || r.key.byteLength === 0) throw new EmptyKeyError();
  if (r.ignoreValue && r.value !== undefined && r.value.byteLength !== 0) throw new ValueProvidedError();
  if (r.ignoreLease && (r.lease ?? 0n) !== 0n) throw new LeaseProvidedError();
}

export function validateDeleteRangeRequest(r: DeleteRangeRequest): void {
  if (!r.key || r.key.byteLength === 0) throw new EmptyKeyError();
}

/** etcd's checkTxnRequest followed by checkIntervals on both branches. */
export function validateTxnRequest(r: TxnRequest, maxTxnOps: number): void {
  checkTxnRequest(r, maxTxnOps);
  checkIntervals(r.success ?? []);
  checkIntervals(r.failure ?? []);
}

function checkTxnRequest(r: TxnRequest, maxTxnOps: number): void {
  const compare = r.compare ?? [];
  const success = r.success ?? [];
  const failure = r.failure ?? [];
  const opc = Math.max(compare.length, success.length, failure.length);
  if (opc > maxTxnOps) throw new TooManyOpsError();
  for (const c of compare) if (!c.key || c.key.byteLength === 0) throw new EmptyKeyError();
  // Nested txns share the budget left by their parent (etcd passes maxTxnOps - opc down).
  for (const op of success) checkRequestOp(op, maxTxnOps - opc);
  for (const op of failure) checkRequestOp(op, maxTxnOps - opc);
}

function checkRequestOp(op: RequestOp, maxTxnOps: number): void {
  if (op.requestRange) validateRangeRequest(op.requestRange);
  else if (op.requestPut) validatePutRequest(op.requestPut);
  else if (op.requestDeleteRange) validateDeleteRangeRequest(op.requestDeleteRange);
  else if (op.requestTxn) checkTxnRequest(op.requestTxn, maxTxnOps);
  else throw new KeyNotFoundError();
}

const latin1 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** A delete's interval [begin, end) as etcd's duplicate check sees it (plain string order). */
interface Interval {
  begin: string;
  end: string;
}

/** etcd's interval overlap with a single key k (the point [k, k+"\0")): begin <= k < end. */
function intersectsPoint(dels: readonly Interval[], k: string): boolean {
  // Compared as raw strings: an end of "\0" is not "unbounded" here, so such deletes match nothing.
  return dels.some((iv) => iv.begin <= k && k < iv.end);
}

/**
 * etcd's checkIntervals: within one list of ops (recursing into nested txns), a put may not hit a key
 * another put or a delete of the same or an enclosing level writes; the two branches of a nested txn
 * may put the same key. Returns the puts and deletes for the enclosing level.
 */
function checkIntervals(reqs: readonly RequestOp[]): { puts: Set<string>; dels: Interval[] } {
  const dels: Interval[] = [];
  for (const op of reqs) {
    const d = op.requestDeleteRange;
    if (!d) continue;
    const begin = latin1(d.key);
    if (d.rangeEnd !== undefined && d.rangeEnd.byteLength !== 0)
      dels.push({ begin, end: latin1(d.rangeEnd) });
    else dels.push({ begin, end: begin + '\0' });
  }
  const puts = new Set<string>();
  for (const op of reqs) {
    const t = op.requestTxn;
    if (!t) continue;
    const then = checkIntervals(t.success ?? []);
    const els = checkIntervals(t.failure ?? []);
    for (const k of then.puts) {
      if (puts.has(k) || intersectsPoint(dels, k)) throw new DuplicateKeyError();
      puts.add(k);
    }
    for (const k of els.puts) {
      if (puts.has(k) && !then.puts.has(k)) throw new DuplicateKeyError();
      if (intersectsPoint(dels, k)) throw new DuplicateKeyError();
      puts.add(k);
    }
    // etcd merges only intervals overlapping ["\0", ∞); an inverted one (end <= begin) overlaps nothing.
    for (const iv of [...then.dels, ...els.dels]) if (iv.begin < iv.end) dels.push(iv);
  }
  for (const op of reqs) {
    const p = op.requestPut;
    if (!p) continue;
    const k = latin1(p.key);
    if (puts.has(k) || intersectsPoint(dels, k)) throw new DuplicateKeyError();
    puts.add(k);
  }
  return { puts, dels };
}

// ---- apply ----------------------------------------------------------------------------------------

const cmpBytes = (a: Uint8Array, b: Uint8Array): number => Buffer.compare(a, b);

function sorter(target: SortTarget): (a: KeyValue, b: KeyValue) => number {
  switch (target) {
    case SortTarget.VERSION:
      return (a, b) => a.version - b.version;
    case SortTarget.CREATE:
      return (a, b) => a.createRevision - b.createRevision;
    case SortTarget.MOD:
      return (a, b) => a.modRevision - b.modRevision;
    case SortTarget.VALUE:
      return (a, b) => cmpBytes(a.value, b.value);
    default:
      return (a, b) => cmpBytes(a.key, b.key);
  }
}

export function applyRange(store: KvStore, txn: TxnRead | undefined, r: RangeRequest): RangeResponse {
  const view = txn ?? store.read();
  const reqLimit = r.limit ?? 0;
  const sortOrder0 = r.sortOrder ?? SortOrder.NONE;
  const target = r.sortTarget ?? SortTarget.KEY;
  const minMod = r.minModRevision ?? 0;
  const maxMod = r.maxModRevision ?? 0;
  const minCreate = r.minCreateRevision ?? 0;
  const maxCreate = r.maxCreateRevision ?? 0;
  // Sorting or filtering needs everything; otherwise fetch one extra to know whether there is `more`.
  let limit = reqLimit;
  if (sortOrder0 !== SortOrder.NONE || minMod !== 0 || maxMod !== 0 || minCreate !== 0 || maxCreate !== 0)
    limit = 0;
  if (limit > 0) limit++;
  const rr = view.range(r.key, rangeEndOf(r.rangeEnd), {
    limit,
    rev: r.revision ?? 0,
    count: r.countOnly ?? false,
  });
  let kvs = rr.kvs;
  if (maxMod !== 0) kvs = kvs.filter((kv) => kv.modRevision <= maxMod);
  if (minMod !== 0) kvs = kvs.filter((kv) => kv.modRevision >= minMod);
  if (maxCreate !== 0) kvs = kvs.filter((kv) => kv.createRevision <= maxCreate);
  if (minCreate !== 0) kvs = kvs.filter((kv) => kv.createRevision >= minCreate);
  // The store returns keys in ascending order, so sorting by KEY only happens when asked explicitly;
  // any other target sorts ASCEND when no order is given. Ties keep key order (stable sort).
  let sortOrder = sortOrder0;
  if (target !== SortTarget.KEY && sortOrder === SortOrder.NONE) sortOrder = SortOrder.ASCEND;
  if (sortOrder === SortOrder.ASCEND) {
    const cmp = sorter(target);
    kvs.sort(cmp);
  } else if (sortOrder === SortOrder.DESCEND) {
    const cmp = sorter(target);
    kvs.sort((a, b) => cmp(b, a));
  }
  let more = false;
  if (reqLimit > 0 && kvs.length > reqLimit) {
    kvs = kvs.slice(0, reqLimit);
    more = true;
  }
  if (r.keysOnly) for (const kv of kvs) kv.value = EMPTY;
  return { header: { revision: rr.rev }, kvs, more, count: rr.count };
}

/**
 * True when applyRange would return the matching KeyValues unchanged and in key order: no revision
 * filters, no keys-only or count-only, and no sort other than by key ascending (or none).
 */
export function rangeKeepsStoredOrder(r: RangeRequest): boolean {
  const order = r.sortOrder ?? SortOrder.NONE;
  return (
    !r.keysOnly &&
    !r.countOnly &&
    (r.sortTarget ?? SortTarget.KEY) === SortTarget.KEY &&
    (order === SortOrder.NONE || order === SortOrder.ASCEND) &&
    !r.minModRevision &&
    !r.maxModRevision &&
    !r.minCreateRevision &&
    !r.maxCreateRevision
  );
}

export function applyPut(store: KvStore, txn: TxnWrite | undefined, p: PutRequest): PutResponse {
  let lease = p.lease ?? 0n;
  let own = false;
  if (txn === undefined) {
    if (lease !== 0n && !store.leaseExists(lease)) throw new LeaseNotFoundError();
    txn = store.write();
    own = true;
  }
  try {
    let prev: KeyValue | undefined;
    if (p.ignoreValue || p.ignoreLease || p.prevKv) prev = txn.range(p.key, undefined).kvs[0];
    if ((p.ignoreValue || p.ignoreLease) && prev === undefined) throw new KeyNotFoundError();
    const value = p.ignoreValue ? prev!.value : (p.value ?? EMPTY);
    if (p.ignoreLease) lease = prev!.lease;
    const resp: PutResponse = { header: { revision: 0 } };
    if (p.prevKv && prev !== undefined) resp.prevKv = prev;
    resp.header.revision = txn.put(p.key, value, lease);
    return resp;
  } finally {
    if (own) txn.end();
  }
}

export function applyDeleteRange(
  store: KvStore,
  txn: TxnWrite | undefined,
  d: DeleteRangeRequest,
): DeleteRangeResponse {
  let own = false;
  if (txn === undefined) {
    txn = store.write();
    own = true;
  }
  try {
    const end = rangeEndOf(d.rangeEnd);
    const resp: DeleteRangeResponse = { header: { revision: 0 }, deleted: 0, prevKvs: [] };
    if (d.prevKv) resp.prevKvs = txn.range(d.key, end).kvs;
    const [deleted, rev] = txn.deleteRange(d.key, end);
    resp.deleted = deleted;
    resp.header.revision = rev;
    return resp;
  } finally {
    if (own) txn.end();
  }
}

function isTxnReadonly(r: TxnRequest): boolean {
  for (const op of r.success ?? []) if (!op.requestRange) return false;
  for (const op of r.failure ?? []) if (!op.requestRange) return false;
  return true;
}

function compareInt(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareKV(c: Compare, kv: KeyValue): boolean {
  let result: number;
  switch (c.target) {
    case CompareTarget.VALUE:
      result = cmpBytes(kv.value, c.value ?? EMPTY);
      break;
    case CompareTarget.CREATE:
      result = compareInt(kv.createRevision, c.createRevision ?? 0);
      break;
    case CompareTarget.MOD:
      result = compareInt(kv.modRevision, c.modRevision ?? 0);
      break;
    case CompareTarget.VERSION:
      result = compareInt(kv.version, c.version ?? 0);
      break;
    case CompareTarget.LEASE:
      result = compareInt(kv.lease, c.lease ?? 0n);
      break;
    default:
      result = 0;
  }
  switch (c.result) {
    case CompareResult.EQUAL:
      return result === 0;
    case CompareResult.NOT_EQUAL:
      return result !== 0;
    case CompareResult.GREATER:
      return result > 0;
    case CompareResult.LESS:
      return result < 0;
    default:
      return true;
  }
}

const ABSENT: KeyValue = {
  key: EMPTY,
  createRevision: 0,
  modRevision: 0,
  version: 0,
  value: EMPTY,
  lease: 0n,
};

function applyCompare(rv: TxnRead, c: Compare): boolean {
  let kvs: KeyValue[];
  try {
    kvs = rv.range(c.key, rangeEndOf(c.rangeEnd)).kvs;
  } catch {
    return false;
  }
  // A missing key has no value to compare (gRPC cannot tell an empty value from none): VALUE fails;
  // the other targets compare against 0.
  if (kvs.length === 0) return c.target === CompareTarget.VALUE ? false : compareKV(c, ABSENT);
  return kvs.every((kv) => compareKV(c, kv));
}

/**
 * The branch taken by the txn and, depth first, by each nested txn on the taken branches — all decided
 * against the state before the txn (etcd's compareToPath).
 */
function compareToPath(rv: TxnRead, rt: TxnRequest): boolean[] {
  const ok = (rt.compare ?? []).every((c) => applyCompare(rv, c));
  const path = [ok];
  for (const op of (ok ? rt.success : rt.failure) ?? [])
    if (op.requestTxn) path.push(...compareToPath(rv, op.requestTxn));
  return path;
}

/** Runs `check` on every op of the taken branches; returns how many path entries nested txns used. */
function checkRequests(
  rv: TxnRead,
  rt: TxnRequest,
  path: boolean[],
  check: (rv: TxnRead, op: RequestOp) => void,
): number {
  let used = 0;
  let rest = path;
  for (const op of (rest[0] ? rt.success : rt.failure) ?? []) {
    if (op.requestTxn) {
      const n = checkRequests(rv, op.requestTxn, rest.slice(1), check);
      used += n + 1;
      rest = rest.slice(n + 1);
      continue;
    }
    check(rv, op);
  }
  return used;
}

function checkRequestPut(store: KvStore): (rv: TxnRead, op: RequestOp) => void {
  return (rv, op) => {
    const p = op.requestPut;
    if (!p) return;
    if ((p.ignoreValue || p.ignoreLease) && rv.range(p.key, undefined).kvs.length === 0)
      throw new KeyNotFoundError();
    const lease = p.lease ?? 0n;
    if (lease !== 0n && !store.leaseExists(lease)) throw new LeaseNotFoundError();
  };
}

/**
 * A put with ignore_value / ignore_lease needs its key to exist when it runs. The duplicate check lets a
 * delete whose range_end is "\0" (every key >= key) come before such a put of a key it removes; etcd 3.4
 * then fails in the middle of the apply (it panics, "unexpected error during txn: etcdserver: key not
 * found", on every member and again at each restart). Found here, before anything is written, the txn
 * fails as a whole with that error instead of being applied in part. (checkRequestPut has already made
 * sure the key exists before the txn; the duplicate check rules out a put of it in between.)
 */
function checkIgnoredPutsAfterDeletes(rt: TxnRequest, path: boolean[]): void {
  const dels: { begin: string; end: Uint8Array | undefined }[] = [];
  const removed = (key: Uint8Array): boolean => {
    const k = latin1(key);
    return dels.some((d) =>
      d.end === undefined ? k === d.begin : k >= d.begin && (d.end.byteLength === 0 || k < latin1(d.end)),
    );
  };
  const walk = (t: TxnRequest, p: boolean[]): number => {
    let used = 0;
    let rest = p;
    for (const op of (rest[0] ? t.success : t.failure) ?? []) {
      if (op.requestTxn) {
        const n = walk(op.requestTxn, rest.slice(1));
        used += n + 1;
        rest = rest.slice(n + 1);
      } else if (op.requestDeleteRange) {
        const d = op.requestDeleteRange;
        dels.push({ begin: latin1(d.key), end: rangeEndOf(d.rangeEnd) });
      } else if (op.requestPut) {
        const put = op.requestPut;
        if ((put.ignoreValue || put.ignoreLease) && removed(put.key)) throw new KeyNotFoundError();
      }
    }
    return used;
  };
  walk(rt, path);
}

function checkRequestRange(rv: TxnRead, op: RequestOp): void {
  const r = op.requestRange;
  if (!r) return;
  const rev = r.revision ?? 0;
  if (rev === 0) return;
  if (rev > rv.rev()) throw new FutureRevError();
  if (rev < rv.firstRev()) throw new CompactedError();
}

/** Allocates the response tree for the taken path; nested txn headers stay at revision 0 as in etcd. */
function newTxnResp(rt: TxnRequest, path: boolean[]): { resp: TxnResponse; used: number } {
  const reqs = (path[0] ? rt.success : rt.failure) ?? [];
  const responses: ResponseOp[] = [];
  let used = 0;
  let rest = path;
  for (const op of reqs) {
    if (op.requestTxn) {
      const nested = newTxnResp(op.requestTxn, rest.slice(1));
      responses.push({ responseTxn: nested.resp });
      rest = rest.slice(1 + nested.used);
      used += nested.used + 1;
    } else responses.push({});
  }
  return { resp: { header: { revision: 0 }, succeeded: path[0]!, responses }, used };
}

function applyTxnOps(
  store: KvStore,
  txn: TxnWrite,
  rt: TxnRequest,
  path: boolean[],
  tresp: TxnResponse,
): number {
  const reqs = (path[0] ? rt.success : rt.failure) ?? [];
  let used = 0;
  let rest = path;
  reqs.forEach((op, i) => {
    const out = tresp.responses[i]!;
    if (op.requestRange) out.responseRange = applyRange(store, txn, op.requestRange);
    else if (op.requestPut) out.responsePut = applyPut(store, txn, op.requestPut);
    else if (op.requestDeleteRange)
      out.responseDeleteRange = applyDeleteRange(store, txn, op.requestDeleteRange);
    else if (op.requestTxn) {
      const n = applyTxnOps(store, txn, op.requestTxn, rest.slice(1), out.responseTxn!);
      used += n + 1;
      rest = rest.slice(n + 1);
    }
  });
  return used;
}

/** A read view dressed as a write txn, for read-only txns (which never write). */
function readOnlyWrite(rv: TxnRead): TxnWrite {
  const refuse = (): never => {
    throw new Error('mvcc: write in a read-only txn');
  };
  return {
    rev: () => rv.rev(),
    firstRev: () => rv.firstRev(),
    range: (key, end, opts) => rv.range(key, end, opts),
    end: () => rv.end(),
    put: refuse,
    deleteRange: refuse,
    changes: () => [],
  };
}

export function applyTxn(store: KvStore, rt: TxnRequest): TxnResponse {
  const isWrite = !isTxnReadonly(rt);
  const rv = store.read();
  const path = compareToPath(rv, rt);
  if (isWrite) checkRequests(rv, rt, path, checkRequestPut(store));
  checkRequests(rv, rt, path, checkRequestRange);
  // Last: it stands for etcd's failure in the middle of the apply, which comes after both of etcd's checks
  // (a range at a future revision in the same txn is refused as such, before anything runs).
  if (isWrite) checkIgnoredPutsAfterDeletes(rt, path);
  const { resp } = newTxnResp(rt, path);
  const txn = isWrite ? store.write() : readOnlyWrite(rv);
  let rev: number;
  try {
    applyTxnOps(store, txn, rt, path, resp);
    rev = txn.rev() + (txn.changes().length > 0 ? 1 : 0);
  } finally {
    txn.end();
  }
  resp.header.revision = rev;
  return resp;
}
