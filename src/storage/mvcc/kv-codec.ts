// Encodes a KeyValue as it is stored in the backend's key bucket: protobuf wire format of etcd's
// mvccpb.KeyValue (key=1, create_revision=2, mod_revision=3, version=4, value=5, lease=6), fields in
// number order, proto3 defaults omitted — the bytes gogoproto writes for the same message. Hand-written
// because it is on the hot path of every put and range, and so the layer does not depend on codegen.
import type { KeyValue } from './types.ts';
import { varintLen, writeVarint } from '../../api/varint.ts';

function bigVarintLen(n: bigint): number {
  let len = 1;
  while (n >= 0x80n) {
    n >>= 7n;
    len++;
  }
  return len;
}

function writeBigVarint(buf: Uint8Array, pos: number, n: bigint): number {
  while (n >= 0x80n) {
    buf[pos++] = Number(n & 0x7fn) | 0x80;
    n >>= 7n;
  }
  buf[pos++] = Number(n);
  return pos;
}

/** An int64 field's number, which must be a non-negative safe integer here (revisions, versions). */
function checkedUint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`kv-codec: bad int64 field ${n}`);
  return n;
}

export function encodeKeyValue(kv: KeyValue): Uint8Array {
  const create = checkedUint(kv.createRevision);
  const mod = checkedUint(kv.modRevision);
  const ver = checkedUint(kv.version);
  // int64 on the wire: a negative lease is its 64-bit two's complement (10 varint bytes).
  const lease = kv.lease === 0n ? 0n : BigInt.asUintN(64, kv.lease);
  const klen = kv.key.byteLength;
  const vlen = kv.value.byteLength;
  let size = 0;
  if (klen > 0) size += 1 + varintLen(klen) + klen;
  if (create !== 0) size += 1 + varintLen(create);
  if (mod !== 0) size += 1 + varintLen(mod);
  if (ver !== 0) size += 1 + varintLen(ver);
  if (vlen > 0) size += 1 + varintLen(vlen) + vlen;
  if (lease !== 0n) size += 1 + bigVarintLen(lease);
  const buf = new Uint8Array(size);
  let p = 0;
  if (klen > 0) {
    buf[p++] = 0x0a;
    p = writeVarint(buf, p, klen);
    buf.set(kv.key, p);
    p += klen;
  }
  if (create !== 0) {
    buf[p++] = 0x10;
    p = writeVarint(buf, p, create);
  }
  if (mod !== 0) {
    buf[p++] = 0x18;
    p = writeVarint(buf, p, mod);
  }
  if (ver !== 0) {
    buf[p++] = 0x20;
    p = writeVarint(buf, p, ver);
  }
  if (vlen > 0) {
    buf[p++] = 0x2a;
    p = writeVarint(buf, p, vlen);
    buf.set(kv.value, p);
    p += vlen;
  }
  if (lease !== 0n) {
    buf[p++] = 0x30;
    writeBigVarint(buf, p, lease);
  }
  return buf;
}

const EMPTY = new Uint8Array(0);

// Decoder cursor. Decoding is synchronous and never re-entered, so module state avoids allocating
// closures per call (the hot path of every range and of watch catch-up).
let src: Uint8Array = EMPTY;
let pos = 0;
let lim = 0;

function readVarint(): number {
  let n = 0;
  let mul = 1;
  for (;;) {
    if (pos >= lim) throw new RangeError('kv-codec: truncated varint');
    const b = src[pos++]!;
    n += (b & 0x7f) * mul;
    if (b < 0x80) return n;
    mul *= 128;
  }
}

function readBigVarint(): bigint {
  let n = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= lim) throw new RangeError('kv-codec: truncated varint');
    const b = src[pos++]!;
    n |= BigInt(b & 0x7f) << shift;
    if (b < 0x80) return BigInt.asIntN(64, n);
    shift += 7n;
  }
}

function readBytes(): Uint8Array {
  const len = readVarint();
  if (pos + len > lim) throw new RangeError('kv-codec: truncated bytes');
  // A plain copy: backends may hand out Buffers (whose slice() is a view) or reuse their memory.
  const out = new Uint8Array(len);
  out.set(src.subarray(pos, pos + len));
  pos += len;
  return out;
}

function skipField(wireType: number): void {
  if (wireType === 0) readVarint();
  else if (wireType === 2) pos += readVarint();
  else if (wireType === 1) pos += 8;
  else if (wireType === 5) pos += 4;
  else throw new RangeError(`kv-codec: unsupported wire type ${wireType}`);
}

/** Decodes a stored KeyValue; key and value are fresh copies, never views of `buf`. */
export function decodeKeyValue(buf: Uint8Array): KeyValue {
  const kv: KeyValue = { key: EMPTY, createRevision: 0, modRevision: 0, version: 0, value: EMPTY, lease: 0n };
  src = buf;
  pos = 0;
  lim = buf.byteLength;
  try {
    while (pos < lim) {
      const tag = readVarint();
      if (tag === 0x0a) kv.key = readBytes();
      else if (tag === 0x10) kv.createRevision = readVarint();
      else if (tag === 0x18) kv.modRevision = readVarint();
      else if (tag === 0x20) kv.version = readVarint();
      else if (tag === 0x2a) kv.value = readBytes();
      else if (tag === 0x30) kv.lease = readBigVarint();
      else skipField(tag & 7);
    }
  } finally {
    src = EMPTY;
  }
  return kv;
}
