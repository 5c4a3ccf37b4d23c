// How a lease is stored in the backend's `lease` bucket. Key: the ID as a big-endian two's-complement
// int64 (etcd's key layout). Value (our own layout, 25 bytes): a format byte (1), then ID, granted TTL and
// checkpointed remaining TTL, each a big-endian int64. Expiry times are never stored: they are local clock
// readings that mean nothing after a restart or on another member.
import type { LeaseId } from './lease-id.ts';

export interface LeaseRecord {
  id: LeaseId;
  /** Granted TTL in seconds (after raising to the minimum). */
  ttl: number;
  /** Last checkpointed remaining TTL in seconds; 0 = none (use `ttl`). */
  remainingTtl: number;
}

const FORMAT = 1;
const VALUE_LENGTH = 25;

export function leaseKey(id: LeaseId): Uint8Array {
  const key = new Uint8Array(8);
  new DataView(key.buffer).setBigInt64(0, id);
  return key;
}

export function encodeLeaseRecord(r: LeaseRecord): Uint8Array {
  const out = new Uint8Array(VALUE_LENGTH);
  const v = new DataView(out.buffer);
  v.setUint8(0, FORMAT);
  v.setBigInt64(1, r.id);
  v.setBigInt64(9, BigInt(r.ttl));
  v.setBigInt64(17, BigInt(r.remainingTtl));
  return out;
}

export function decodeLeaseRecord(value: Uint8Array): LeaseRecord {
  if (value.byteLength !== VALUE_LENGTH || value[0] !== FORMAT) {
    throw new Error(`lease: corrupt lease record (${value.byteLength} bytes, format ${value[0]})`);
  }
  const v = new DataView(value.buffer, value.byteOffset, value.byteLength);
  return {
    id: v.getBigInt64(1),
    ttl: Number(v.getBigInt64(9)),
    remainingTtl: Number(v.getBigInt64(17)),
  };
}
