// Values the client's callers build requests from and read answers with: keys as bytes, prefix range ends,
// and protobufjs's 64-bit integer forms. Plain functions with no gRPC or protobuf code behind them, so a
// caller that only formats or parses (tsetcdctl's command tree, printers) loads them without the client.
import LongCtor from 'long';
import type Long from 'long';

export type Bytes = string | Uint8Array;
export type Int64 = number | bigint | Long;

export function bytes(v: Bytes): Buffer {
  return typeof v === 'string' ? Buffer.from(v) : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** Range end covering every key with this prefix (etcd's GetPrefixRangeEnd); `\0` when no such end exists. */
export function prefixEnd(key: Bytes): Buffer {
  const k = Buffer.from(bytes(key));
  for (let i = k.length - 1; i >= 0; i--) {
    if (k[i]! < 0xff) {
      k[i]! += 1;
      return k.subarray(0, i + 1);
    }
  }
  return Buffer.from([0]);
}

/** Any integer form → what protobufjs accepts for int64 fields (number when safe, else a decimal string). */
export function int64(v: Int64): number | Long {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    if (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
    return longOf(BigInt.asIntN(64, v), false);
  }
  return v;
}

export function uint64(v: Int64): number | Long {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') {
    if (v >= 0n && v <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(v);
    return longOf(BigInt.asUintN(64, v), true);
  }
  return v;
}

function longOf(v: bigint, unsigned: boolean): Long {
  const bits = BigInt.asUintN(64, v);
  return LongCtor.fromBits(Number(bits & 0xffffffffn), Number(bits >> 32n), unsigned);
}

/** int64/uint64 field as read from protobufjs → number (safe for revisions, TTLs, counts). */
export function toNum(v: number | Long | null | undefined): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/** int64/uint64 field → bigint, exact (IDs). */
export function toBig(v: number | Long | null | undefined, unsigned = false): bigint {
  if (v === null || v === undefined) return 0n;
  if (typeof v === 'number') return BigInt(v);
  const b = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return unsigned || v.unsigned ? b : BigInt.asIntN(64, b);
}
