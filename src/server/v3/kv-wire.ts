// Replies (and raft entries) of the busiest KV calls written straight to protobuf wire bytes, skipping
// protobufjs objects: a Range reply is the header plus each KeyValue exactly as the backend stores it (the
// key bucket holds etcd's mvccpb.KeyValue encoding, kv-codec.ts), so nothing is decoded and encoded again.
// Each function writes the bytes protobufjs writes for the same message (fields in number order, proto3
// defaults left out); kv-wire.test.ts compares them on random messages.
import type { etcdserverpb } from '../../api/gen/etcd.js';
import { longToI64 } from '../../api/long.ts';
import type { PutRequest, StoredRange } from '../../storage/mvcc/types.ts';
import { varintLen, writeVarint } from '../../api/varint.ts';
import { entryBytes } from '../entry-arena.ts';

/** gRPC's message prefix: a compressed flag byte and a 4-byte big-endian length. */
const GRPC_PREFIX = 5;

// 64-bit varints from a bigint, split once into two 32-bit halves: bigint shifts allocate, and a random
// 64-bit ID (request IDs, member IDs) takes ten 7-bit groups.
function bigVarintLen(n: bigint): number {
  if (n < 0x100000000n) return varintLen(Number(n));
  let lo = Number(n & 0xffffffffn);
  let hi = Number(n >> 32n);
  let len = 0;
  while (hi !== 0) {
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
    len++;
  }
  return len + varintLen(lo);
}

function writeBigVarint(buf: Uint8Array, pos: number, n: bigint): number {
  if (n < 0x100000000n) return writeVarint(buf, pos, Number(n));
  let lo = Number(n & 0xffffffffn);
  let hi = Number(n >> 32n);
  while (hi !== 0) {
    buf[pos++] = (lo & 0x7f) | 0x80;
    lo = ((lo >>> 7) | (hi << 25)) >>> 0;
    hi >>>= 7;
  }
  return writeVarint(buf, pos, lo);
}

/** A 64-bit varint field's value as an unsigned 64-bit bigint (int64: two's complement, as protobuf). */
const u64 = (n: bigint): bigint => BigInt.asUintN(64, n);

/** A number field (revision, count, term): a safe integer; negative ones go the bigint way. */
function numLen(n: number): number {
  return n >= 0 ? varintLen(n) : bigVarintLen(u64(BigInt(n)));
}
function writeNum(buf: Uint8Array, pos: number, n: number): number {
  return n >= 0 ? writeVarint(buf, pos, n) : writeBigVarint(buf, pos, u64(BigInt(n)));
}

/** etcdserverpb.ResponseHeader {cluster_id, member_id, revision, raft_term}, encoded. */
export function encodeResponseHeader(
  clusterId: bigint,
  memberId: bigint,
  revision: number,
  raftTerm: number,
): Uint8Array {
  return encodeResponseHeaderAfter(responseHeaderIds(clusterId, memberId), revision, raftTerm);
}

/** The cluster_id and member_id fields of a ResponseHeader, which a member can encode once. */
export function responseHeaderIds(clusterId: bigint, memberId: bigint): Uint8Array {
  const cid = u64(clusterId);
  const mid = u64(memberId);
  let size = 0;
  if (cid !== 0n) size += 1 + bigVarintLen(cid);
  if (mid !== 0n) size += 1 + bigVarintLen(mid);
  const buf = new Uint8Array(size);
  let p = 0;
  if (cid !== 0n) {
    buf[p++] = 0x08;
    p = writeBigVarint(buf, p, cid);
  }
  if (mid !== 0n) {
    buf[p++] = 0x10;
    writeBigVarint(buf, p, mid);
  }
  return buf;
}

/** A ResponseHeader: `ids` from responseHeaderIds, then revision and raft_term. */
export function encodeResponseHeaderAfter(ids: Uint8Array, revision: number, raftTerm: number): Uint8Array {
  let size = ids.byteLength;
  if (revision !== 0) size += 1 + numLen(revision);
  if (raftTerm !== 0) size += 1 + numLen(raftTerm);
  const buf = new Uint8Array(size);
  buf.set(ids);
  let p = ids.byteLength;
  if (revision !== 0) {
    buf[p++] = 0x18;
    p = writeNum(buf, p, revision);
  }
  if (raftTerm !== 0) {
    buf[p++] = 0x20;
    writeNum(buf, p, raftTerm);
  }
  return buf;
}

/** A Buffer with room for the gRPC prefix, filled in; the message goes from offset 5. */
function framed(messageBytes: number): Buffer {
  const buf = Buffer.allocUnsafe(GRPC_PREFIX + messageBytes);
  buf[0] = 0;
  buf.writeUInt32BE(messageBytes, 1);
  return buf;
}

/** An embedded message field (tag, length, bytes) at `p`; returns the position after it. */
function writeEmbedded(buf: Uint8Array, p: number, tag: number, bytes: Uint8Array): number {
  buf[p++] = tag;
  p = writeVarint(buf, p, bytes.byteLength);
  buf.set(bytes, p);
  return p + bytes.byteLength;
}

const embeddedLen = (bytes: Uint8Array): number => 1 + varintLen(bytes.byteLength) + bytes.byteLength;

/**
 * A framed etcdserverpb.RangeResponse {header, kvs, more, count} (as the gRPC front sends it) from the
 * encoded header and the stored KeyValues.
 */
export function framedRangeResponse(header: Uint8Array, r: StoredRange): Buffer {
  // The header is always there, even when empty (a set message field is written, as protobufjs and gogoproto do).
  let size = embeddedLen(header);
  for (const kv of r.kvs) size += embeddedLen(kv);
  if (r.more) size += 2;
  if (r.count !== 0) size += 1 + numLen(r.count);
  const buf = framed(size);
  let p = GRPC_PREFIX;
  p = writeEmbedded(buf, p, 0x0a, header);
  for (const kv of r.kvs) p = writeEmbedded(buf, p, 0x12, kv);
  if (r.more) {
    buf[p++] = 0x18;
    buf[p++] = 1;
  }
  if (r.count !== 0) {
    buf[p++] = 0x20;
    writeNum(buf, p, r.count);
  }
  return buf;
}

/** A framed etcdserverpb.PutResponse without prev_kv: only the header. */
export function framedPutResponse(header: Uint8Array): Buffer {
  const buf = framed(embeddedLen(header));
  writeEmbedded(buf, GRPC_PREFIX, 0x0a, header);
  return buf;
}

const bytesLen = (b: Uint8Array | null | undefined): number => (b ? b.byteLength : 0);

/**
 * etcdserverpb.InternalRaftRequest {put, header: {ID}} — the raft entry of a Put — encoded as protobufjs
 * encodes `{put, header: {ID: id}}` (field 4, then field 100).
 */
export function encodeInternalPut(id: bigint, put: etcdserverpb.IPutRequest): Uint8Array {
  const klen = bytesLen(put.key);
  const vlen = bytesLen(put.value);
  const lease = put.lease == null ? 0n : u64(longToI64(put.lease));
  let putSize = 0;
  if (klen > 0) putSize += 1 + varintLen(klen) + klen;
  if (vlen > 0) putSize += 1 + varintLen(vlen) + vlen;
  if (lease !== 0n) putSize += 1 + bigVarintLen(lease);
  if (put.prev_kv) putSize += 2;
  if (put.ignore_value) putSize += 2;
  if (put.ignore_lease) putSize += 2;
  const uid = u64(id);
  const headerSize = uid !== 0n ? 1 + bigVarintLen(uid) : 0;
  // put: tag 0x22; header: field 100, wire type 2 = varint 802 = 0xa2 0x06.
  const size = 1 + varintLen(putSize) + putSize + 2 + varintLen(headerSize) + headerSize;
  const buf = entryBytes(size);
  let p = 0;
  buf[p++] = 0x22;
  p = writeVarint(buf, p, putSize);
  if (klen > 0) {
    buf[p++] = 0x0a;
    p = writeVarint(buf, p, klen);
    buf.set(put.key!, p);
    p += klen;
  }
  if (vlen > 0) {
    buf[p++] = 0x12;
    p = writeVarint(buf, p, vlen);
    buf.set(put.value!, p);
    p += vlen;
  }
  if (lease !== 0n) {
    buf[p++] = 0x18;
    p = writeBigVarint(buf, p, lease);
  }
  if (put.prev_kv) {
    buf[p++] = 0x20;
    buf[p++] = 1;
  }
  if (put.ignore_value) {
    buf[p++] = 0x28;
    buf[p++] = 1;
  }
  if (put.ignore_lease) {
    buf[p++] = 0x30;
    buf[p++] = 1;
  }
  buf[p++] = 0xa2;
  buf[p++] = 0x06;
  p = writeVarint(buf, p, headerSize);
  if (uid !== 0n) {
    buf[p++] = 0x08;
    writeBigVarint(buf, p, uid);
  }
  return buf;
}

// ---- reading a Put's raft entry ----

/** Reader state for decodeInternalPut: synchronous and never re-entered, so module variables, no closures. */
let src: Uint8Array = new Uint8Array(0);
let pos = 0;
/** The high 32 bits of the last varint read by readVarint64 (its low 32 bits are returned). */
let hi32 = 0;

/** A varint of up to 64 bits: returns the low 32 bits (unsigned), leaves the high ones in hi32; -1 if cut short. */
function readVarint64(end: number): number {
  let lo = 0;
  let hi = 0;
  for (let shift = 0; shift < 70; shift += 7) {
    if (pos >= end) return -1;
    const b = src[pos++]!;
    if (shift < 28) lo |= (b & 0x7f) << shift;
    else if (shift === 28) {
      lo |= (b & 0x0f) << 28;
      hi |= (b & 0x7f) >> 4;
    } else hi |= (b & 0x7f) << (shift - 32);
    if (b < 0x80) {
      hi32 = hi >>> 0;
      return lo >>> 0;
    }
  }
  return -1;
}

/** A length-delimited field's length, or -1 when cut short or running past `end`. */
function readLength(end: number): number {
  const n = readVarint64(end);
  if (n < 0 || hi32 !== 0 || pos + n > end) return -1;
  return n;
}

const u64Of = (lo: number, hi: number): bigint => (hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo));

const EMPTY = new Uint8Array(0);

/**
 * The ID and request of an entry holding exactly `{put, header: {ID}}` (what proposePut writes; etcd's own
 * entries have the same shape), read without protobufjs; undefined for any other entry or any field this
 * reader does not know, which the caller then decodes in full. Key and value are views of `data`.
 */
export function decodeInternalPut(data: Uint8Array): { id: bigint; put: PutRequest } | undefined {
  src = data;
  pos = 0;
  try {
    const end = data.byteLength;
    let id = 0n;
    let putAt = -1;
    let putEnd = -1;
    while (pos < end) {
      const tag = readVarint64(end);
      if (tag < 0 || hi32 !== 0) return undefined;
      if (tag === 0x22) {
        const n = readLength(end);
        if (n < 0) return undefined;
        putAt = pos;
        putEnd = pos + n;
        pos = putEnd;
      } else if (tag === 802) {
        const n = readLength(end);
        if (n < 0) return undefined;
        const hEnd = pos + n;
        while (pos < hEnd) {
          if (readVarint64(hEnd) !== 0x08 || hi32 !== 0) return undefined;
          const lo = readVarint64(hEnd);
          if (lo < 0) return undefined;
          id = u64Of(lo, hi32);
        }
      } else return undefined;
    }
    if (putAt < 0) return undefined;
    const put: PutRequest = {
      key: EMPTY,
      value: EMPTY,
      lease: 0n,
      prevKv: false,
      ignoreValue: false,
      ignoreLease: false,
    };
    pos = putAt;
    while (pos < putEnd) {
      const tag = readVarint64(putEnd);
      if (tag < 0 || hi32 !== 0) return undefined;
      if (tag === 0x0a || tag === 0x12) {
        const n = readLength(putEnd);
        if (n < 0) return undefined;
        const bytes = data.subarray(pos, pos + n);
        pos += n;
        if (tag === 0x0a) put.key = bytes;
        else put.value = bytes;
        continue;
      }
      const v = readVarint64(putEnd);
      if (v < 0) return undefined;
      if (tag === 0x18) put.lease = BigInt.asIntN(64, u64Of(v, hi32));
      else if (tag === 0x20) put.prevKv = v !== 0 || hi32 !== 0;
      else if (tag === 0x28) put.ignoreValue = v !== 0 || hi32 !== 0;
      else if (tag === 0x30) put.ignoreLease = v !== 0 || hi32 !== 0;
      else return undefined;
    }
    return { id, put };
  } finally {
    src = EMPTY;
  }
}
