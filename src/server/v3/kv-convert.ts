// KV messages between the wire (protobufjs objects: etcd's snake_case names, 64-bit fields as Long)
// and the MVCC layer (camelCase, revisions as number, lease IDs as bigint). The only place that
// knows both shapes.
import type { etcdserverpb, mvccpb } from '../../api/gen/etcd.js';
import { i64ToLong, longToI64, longToSafeInt } from '../../api/long.ts';
import type * as m from '../../storage/mvcc/types.ts';

type Pb<T> = T & { [k: string]: unknown };
const bytes = (b: Uint8Array | null | undefined): Uint8Array => b ?? EMPTY;
const EMPTY = new Uint8Array(0);
const num = (v: Parameters<typeof longToSafeInt>[0], field: string) => longToSafeInt(v, field);

export function rangeFromPb(r: etcdserverpb.IRangeRequest): m.RangeRequest {
  return {
    key: bytes(r.key),
    rangeEnd: bytes(r.range_end),
    limit: num(r.limit, 'limit'),
    revision: num(r.revision, 'revision'),
    sortOrder: (r.sort_order ?? 0) as m.SortOrder,
    sortTarget: (r.sort_target ?? 0) as m.SortTarget,
    serializable: r.serializable ?? false,
    keysOnly: r.keys_only ?? false,
    countOnly: r.count_only ?? false,
    minModRevision: num(r.min_mod_revision, 'min_mod_revision'),
    maxModRevision: num(r.max_mod_revision, 'max_mod_revision'),
    minCreateRevision: num(r.min_create_revision, 'min_create_revision'),
    maxCreateRevision: num(r.max_create_revision, 'max_create_revision'),
  };
}

export function putFromPb(r: etcdserverpb.IPutRequest): m.PutRequest {
  return {
    key: bytes(r.key),
    value: bytes(r.value),
    lease: longToI64(r.lease),
    prevKv: r.prev_kv ?? false,
    ignoreValue: r.ignore_value ?? false,
    ignoreLease: r.ignore_lease ?? false,
  };
}

export function deleteRangeFromPb(r: etcdserverpb.IDeleteRangeRequest): m.DeleteRangeRequest {
  return { key: bytes(r.key), rangeEnd: bytes(r.range_end), prevKv: r.prev_kv ?? false };
}

function compareFromPb(c: etcdserverpb.ICompare): m.Compare {
  const out: m.Compare = {
    result: (c.result ?? 0) as m.CompareResult,
    target: (c.target ?? 0) as m.CompareTarget,
    key: bytes(c.key),
    rangeEnd: bytes(c.range_end),
  };
  if (c.version !== null && c.version !== undefined) out.version = num(c.version, 'version');
  if (c.create_revision !== null && c.create_revision !== undefined)
    out.createRevision = num(c.create_revision, 'create_revision');
  if (c.mod_revision !== null && c.mod_revision !== undefined)
    out.modRevision = num(c.mod_revision, 'mod_revision');
  if (c.value !== null && c.value !== undefined) out.value = c.value;
  if (c.lease !== null && c.lease !== undefined) out.lease = longToI64(c.lease);
  return out;
}

function opFromPb(op: etcdserverpb.IRequestOp): m.RequestOp {
  if (op.request_range) return { requestRange: rangeFromPb(op.request_range) };
  if (op.request_put) return { requestPut: putFromPb(op.request_put) };
  if (op.request_delete_range) return { requestDeleteRange: deleteRangeFromPb(op.request_delete_range) };
  if (op.request_txn) return { requestTxn: txnFromPb(op.request_txn) };
  return {};
}

export function txnFromPb(t: etcdserverpb.ITxnRequest): m.TxnRequest {
  return {
    compare: (t.compare ?? []).map(compareFromPb),
    success: (t.success ?? []).map(opFromPb),
    failure: (t.failure ?? []).map(opFromPb),
  };
}

export function compactionFromPb(c: etcdserverpb.ICompactionRequest): m.CompactionRequest {
  return { revision: num(c.revision, 'revision'), physical: c.physical ?? false };
}

// ---- responses ----

/** Fills cluster/member/term around an MVCC revision. */
export type HeaderFn = (revision: number) => etcdserverpb.IResponseHeader;

export function kvToPb(kv: m.KeyValue): mvccpb.IKeyValue {
  const out: Pb<mvccpb.IKeyValue> = { key: kv.key };
  if (kv.createRevision) out.create_revision = i64ToLong(kv.createRevision);
  if (kv.modRevision) out.mod_revision = i64ToLong(kv.modRevision);
  if (kv.version) out.version = i64ToLong(kv.version);
  if (kv.value.length > 0) out.value = kv.value;
  if (kv.lease) out.lease = i64ToLong(kv.lease);
  return out;
}

export function rangeToPb(r: m.RangeResponse, header: HeaderFn): etcdserverpb.IRangeResponse {
  const out: etcdserverpb.IRangeResponse = { header: header(r.header.revision), kvs: r.kvs.map(kvToPb) };
  if (r.more) out.more = true;
  if (r.count) out.count = i64ToLong(r.count);
  return out;
}

export function putToPb(r: m.PutResponse, header: HeaderFn): etcdserverpb.IPutResponse {
  const out: etcdserverpb.IPutResponse = { header: header(r.header.revision) };
  if (r.prevKv) out.prev_kv = kvToPb(r.prevKv);
  return out;
}

export function deleteRangeToPb(
  r: m.DeleteRangeResponse,
  header: HeaderFn,
): etcdserverpb.IDeleteRangeResponse {
  const out: etcdserverpb.IDeleteRangeResponse = {
    header: header(r.header.revision),
    prev_kvs: r.prevKvs.map(kvToPb),
  };
  if (r.deleted) out.deleted = i64ToLong(r.deleted);
  return out;
}

/** Headers of responses nested in a txn carry only the revision (etcd fills the rest at the top). */
const innerHeader: HeaderFn = (revision) => (revision ? { revision: i64ToLong(revision) } : {});

export function txnToPb(r: m.TxnResponse, header: HeaderFn): etcdserverpb.ITxnResponse {
  const inner = innerHeader;
  return {
    header: header(r.header.revision),
    succeeded: r.succeeded,
    responses: r.responses.map((op): etcdserverpb.IResponseOp => {
      if (op.responseRange) return { response_range: rangeToPb(op.responseRange, inner) };
      if (op.responsePut) return { response_put: putToPb(op.responsePut, inner) };
      if (op.responseDeleteRange)
        return { response_delete_range: deleteRangeToPb(op.responseDeleteRange, inner) };
      if (op.responseTxn) return { response_txn: txnToPb(op.responseTxn, inner) };
      return {};
    }),
  };
}

export function eventToPb(e: m.Event): mvccpb.IEvent {
  const out: mvccpb.IEvent = { kv: kvToPb(e.kv) };
  if (e.type) out.type = e.type as unknown as mvccpb.Event.EventType;
  if (e.prevKv) out.prev_kv = kvToPb(e.prevKv);
  return out;
}
