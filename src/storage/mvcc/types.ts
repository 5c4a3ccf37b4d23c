// Plain TypeScript shapes of etcd's mvccpb and etcdserverpb KV messages, as the MVCC layer takes and
// returns them. Field names are the proto names in camelCase; bytes are Uint8Array; revisions, versions
// and counts are numbers (safe below 2^53, checked at the wire boundary); lease IDs are bigint.
// Request objects are shaped like protobufjs' decoded messages (oneofs as optional fields) so the
// server can hand them over with little conversion.

export interface KeyValue {
  key: Uint8Array;
  /** Revision of the last creation of this key. */
  createRevision: number;
  /** Revision of the last modification of this key (for a delete event: the delete's revision). */
  modRevision: number;
  /** Writes since creation; 0 for a deleted key in a delete event. */
  version: number;
  value: Uint8Array;
  /** Attached lease, 0n for none. */
  lease: bigint;
}

export const EventType = { PUT: 0, DELETE: 1 } as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

export interface Event {
  type: EventType;
  kv: KeyValue;
  prevKv?: KeyValue;
}

export interface ResponseHeader {
  /** The store revision the response reflects; the server fills cluster/member/term. */
  revision: number;
}

export const SortOrder = { NONE: 0, ASCEND: 1, DESCEND: 2 } as const;
export type SortOrder = (typeof SortOrder)[keyof typeof SortOrder];

export const SortTarget = { KEY: 0, VERSION: 1, CREATE: 2, MOD: 3, VALUE: 4 } as const;
export type SortTarget = (typeof SortTarget)[keyof typeof SortTarget];

export interface RangeRequest {
  key: Uint8Array;
  /** Empty/absent: only `key`; "\0": every key >= key; otherwise [key, rangeEnd). */
  rangeEnd?: Uint8Array;
  limit?: number;
  /** <= 0: the current revision. */
  revision?: number;
  sortOrder?: SortOrder;
  sortTarget?: SortTarget;
  serializable?: boolean;
  keysOnly?: boolean;
  countOnly?: boolean;
  minModRevision?: number;
  maxModRevision?: number;
  minCreateRevision?: number;
  maxCreateRevision?: number;
}

export interface RangeResponse {
  header: ResponseHeader;
  kvs: KeyValue[];
  more: boolean;
  count: number;
}

/**
 * A range answered with the stored encodings of its KeyValues (etcd's mvccpb.KeyValue bytes, as the
 * backend's key bucket holds them), in key order: what a reply needs when nothing is sorted, filtered or
 * stripped, without decoding and re-encoding every KeyValue. The arrays may be views of a buffer the store
 * reuses (KvStore.rangeStored): valid until the next such range.
 */
export interface StoredRange {
  revision: number;
  kvs: Uint8Array[];
  more: boolean;
  count: number;
}

export interface PutRequest {
  key: Uint8Array;
  value?: Uint8Array;
  lease?: bigint;
  prevKv?: boolean;
  ignoreValue?: boolean;
  ignoreLease?: boolean;
}

export interface PutResponse {
  header: ResponseHeader;
  prevKv?: KeyValue;
}

export interface DeleteRangeRequest {
  key: Uint8Array;
  rangeEnd?: Uint8Array;
  prevKv?: boolean;
}

export interface DeleteRangeResponse {
  header: ResponseHeader;
  deleted: number;
  prevKvs: KeyValue[];
}

export const CompareResult = { EQUAL: 0, GREATER: 1, LESS: 2, NOT_EQUAL: 3 } as const;
export type CompareResult = (typeof CompareResult)[keyof typeof CompareResult];

export const CompareTarget = { VERSION: 0, CREATE: 1, MOD: 2, VALUE: 3, LEASE: 4 } as const;
export type CompareTarget = (typeof CompareTarget)[keyof typeof CompareTarget];

/**
 * One compare of a Txn. The operand is the field named by `target` (etcd's `target_union` oneof); an
 * absent operand compares as 0 / empty bytes, as in etcd.
 */
export interface Compare {
  result: CompareResult;
  target: CompareTarget;
  key: Uint8Array;
  rangeEnd?: Uint8Array;
  version?: number;
  createRevision?: number;
  modRevision?: number;
  value?: Uint8Array;
  lease?: bigint;
}

/** Exactly one field set; none set is the "empty op" etcd rejects with "key not found". */
export interface RequestOp {
  requestRange?: RangeRequest;
  requestPut?: PutRequest;
  requestDeleteRange?: DeleteRangeRequest;
  requestTxn?: TxnRequest;
}

export interface ResponseOp {
  responseRange?: RangeResponse;
  responsePut?: PutResponse;
  responseDeleteRange?: DeleteRangeResponse;
  responseTxn?: TxnResponse;
}

export interface TxnRequest {
  compare?: Compare[];
  success?: RequestOp[];
  failure?: RequestOp[];
}

export interface TxnResponse {
  /** For a nested txn etcd leaves this header's revision at 0. */
  header: ResponseHeader;
  succeeded: boolean;
  responses: ResponseOp[];
}

export interface CompactionRequest {
  revision: number;
  /** Wait until the compacted revisions are removed from the backend. */
  physical?: boolean;
}

export interface CompactionResponse {
  header: ResponseHeader;
}

export interface HashKVResult {
  hash: number;
  /** The store's current revision when hashed. */
  revision: number;
  compactRevision: number;
}
