// Between the checker's model of etcd requests and the wire: builds the gRPC request for a model request,
// and reads a response back into the model's terms. Keys and values are ASCII in traffic; they travel as
// latin1 so every byte maps to one character.
import { Client, EtcdError, toNum } from '../../src/client/index.ts';
import type { etcdserverpb as pb, mvccpb } from '../../src/api/gen/etcd.js';
import type {
  Compare,
  EtcdRequest,
  EtcdResponse,
  KeyValue,
  KvRequest,
  KvResult,
} from '../../src/linearizability/index.ts';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const s = (v: Uint8Array | null | undefined): string =>
  v ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('latin1') : '';

export function toKeyValue(kv: mvccpb.KeyValue.$Properties): KeyValue {
  return {
    key: s(kv.key),
    value: s(kv.value),
    version: toNum(kv.version),
    mod: toNum(kv.mod_revision),
    create: toNum(kv.create_revision),
    lease: toNum(kv.lease),
  };
}

function rangeReq(r: Extract<KvRequest, { type: 'range' }>): pb.RangeRequest.$Properties {
  return r.end === undefined ? { key: b(r.key) } : { key: b(r.key), range_end: b(r.end) };
}

function requestOp(r: KvRequest): pb.RequestOp.$Properties {
  switch (r.type) {
    case 'range':
      return { request_range: rangeReq(r) };
    case 'put':
      return { request_put: { key: b(r.key), value: b(r.value), lease: r.lease ?? 0 } };
    case 'delete':
      return {
        request_delete_range:
          r.end === undefined ? { key: b(r.key) } : { key: b(r.key), range_end: b(r.end) },
      };
  }
}

const RESULT = { '=': 0, '>': 1, '<': 2, '!=': 3 } as const;
const TARGET = { version: 0, create: 1, mod: 2, value: 3, lease: 4 } as const;

function compare(c: Compare): pb.Compare.$Properties {
  const base = { key: b(c.key), result: RESULT[c.result], target: TARGET[c.target] };
  switch (c.target) {
    case 'value':
      return { ...base, value: b(String(c.value)) };
    case 'version':
      return { ...base, version: Number(c.value) };
    case 'mod':
      return { ...base, mod_revision: Number(c.value) };
    case 'create':
      return { ...base, create_revision: Number(c.value) };
    case 'lease':
      return { ...base, lease: Number(c.value) };
  }
}

function result(r: KvRequest, op: pb.ResponseOp.$Properties | pb.RangeResponse | undefined): KvResult {
  switch (r.type) {
    case 'range': {
      const res = (op && 'response_range' in op ? op.response_range : op) as pb.RangeResponse.$Properties;
      return { type: 'range', kvs: (res?.kvs ?? []).map(toKeyValue) };
    }
    case 'put':
      return { type: 'put' };
    case 'delete': {
      const res = (op && 'response_delete_range' in op ? op.response_delete_range : op) as
        pb.DeleteRangeResponse.$Properties | undefined;
      return { type: 'delete', deleted: toNum(res?.deleted) };
    }
  }
}

/** Lease IDs travel as int64; traffic chooses them below 2^53. */
export const TTL_SECONDS = 3600;

/**
 * Runs one model request. Resolves with the model's response; a definite etcd error the model knows
 * (lease not found / exists) is a response too; any other failure rejects (the caller decides whether
 * the outcome is unknown).
 */
export async function execute(c: Client, req: EtcdRequest, timeoutMs: number): Promise<EtcdResponse> {
  try {
    switch (req.type) {
      case 'range': {
        const r = await c.range(rangeReq(req), { timeoutMs });
        return { rev: toNum(r.header?.revision), results: [result(req, r)] };
      }
      case 'put': {
        const r = await c.call(
          '/etcdserverpb.KV/Put',
          { key: b(req.key), value: b(req.value), lease: req.lease ?? 0 },
          { timeoutMs },
        );
        return { rev: toNum(r.header?.revision), results: [{ type: 'put' }] };
      }
      case 'delete': {
        const r = await c.deleteRange(
          req.end === undefined ? { key: b(req.key) } : { key: b(req.key), range_end: b(req.end) },
          { timeoutMs },
        );
        return { rev: toNum(r.header?.revision), results: [result(req, r as unknown as pb.RangeResponse)] };
      }
      case 'txn': {
        const r = await c.txn(
          {
            compare: req.compare.map(compare),
            success: req.success.map(requestOp),
            failure: req.failure.map(requestOp),
          },
          { timeoutMs },
        );
        const branch = r.succeeded ? req.success : req.failure;
        const ops = r.responses ?? [];
        return {
          rev: toNum(r.header?.revision),
          succeeded: r.succeeded,
          results: branch.map((q, i) => result(q, ops[i] ?? undefined)),
        };
      }
      case 'leaseGrant': {
        const r = await c.call(
          '/etcdserverpb.Lease/LeaseGrant',
          { TTL: TTL_SECONDS, ID: req.id },
          { timeoutMs },
        );
        if (r.error) throw new Error(r.error);
        return { rev: toNum(r.header?.revision), results: [] };
      }
      case 'leaseRevoke': {
        const r = await c.call('/etcdserverpb.Lease/LeaseRevoke', { ID: req.id }, { timeoutMs });
        return { rev: toNum(r.header?.revision), results: [] };
      }
    }
  } catch (e) {
    if (e instanceof EtcdError && e.is('LeaseNotFound')) return { error: 'lease-not-found' };
    if (e instanceof EtcdError && e.is('LeaseExist')) return { error: 'lease-exists' };
    throw e;
  }
}

export const isRead = (req: EtcdRequest): boolean =>
  req.type === 'range' ||
  (req.type === 'txn' && [...req.success, ...req.failure].every((r) => r.type === 'range'));
