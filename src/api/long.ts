// 64-bit integers at the protobuf boundary. protobufjs hands out `Long` (or a plain number) for int64/uint64;
// inside tsetcd random IDs (member, cluster, lease) are bigint and counters (term, index, revision) are
// number. A value that does not fit the target exactly is rejected, never rounded.
import Long from 'long';

const MASK32 = 0xffffffffn;
const U64_MAX = 0xffffffffffffffffn;
const I64_MIN = -0x8000000000000000n;
const I64_MAX = 0x7fffffffffffffffn;

type LongLike = Long | number | null | undefined;

/** bigint (uint64) → protobufjs Long. */
export function u64ToLong(v: bigint): Long {
  if (v < 0n || v > U64_MAX) throw new RangeError(`uint64 out of range: ${v}`);
  return Long.fromBits(Number(v & MASK32), Number(v >> 32n), true);
}

/** protobufjs Long / number → bigint (uint64); a signed Long is read as its two's-complement bits. */
export function longToU64(v: LongLike): bigint {
  if (v === null || v === undefined) return 0n;
  if (typeof v === 'number') return BigInt(v);
  return (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
}

/** protobufjs Long / number → non-negative number, refusing values that do not fit exactly (uint64 fields). */
export function longToSafe(v: LongLike, field = 'value'): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  const high = v.high >>> 0;
  if (high > 0x1fffff) throw new RangeError(`${field} does not fit in 53 bits`);
  return high * 0x1_0000_0000 + (v.low >>> 0);
}

/** bigint or integer number (int64) → signed protobufjs Long. Lease IDs, revisions, watch IDs, TTLs. */
export function i64ToLong(v: bigint | number): Long {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) throw new RangeError(`int64 must be a safe integer: ${v}`);
    return Long.fromNumber(v, false);
  }
  if (v < I64_MIN || v > I64_MAX) throw new RangeError(`int64 out of range: ${v}`);
  const bits = BigInt.asUintN(64, v);
  return Long.fromBits(Number(bits & MASK32), Number(bits >> 32n), false);
}

/** protobufjs Long / number → bigint (int64), sign taken from the 64-bit pattern. */
export function longToI64(v: LongLike): bigint {
  if (v === null || v === undefined) return 0n;
  if (typeof v === 'number') return BigInt(v);
  return BigInt.asIntN(64, (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0));
}

/** protobufjs Long / number → number for int64 fields (may be negative: TTL -1, watch_id -1). */
export function longToSafeInt(v: LongLike, field = 'value'): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  const n = longToI64(v);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${field} does not fit in 53 bits`);
  }
  return Number(n);
}
