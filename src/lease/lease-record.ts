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

// One scratch buffer for encoding, copied out by slice(): a DataView per call costs more than the encoding.
const scratch = new Uint8Array(VALUE_LENGTH);
const view = new DataView(scratch.buffer);

export function leaseKey(id: LeaseId): Uint8Array {
  view.setBigInt64(0, id);
  return scratch.slice(0, 8);
}

export function encodeLeaseRecord(r: LeaseRecord): Uint8Array {
  view.setUint8(0, FORMAT);
  view.setBigInt64(1, r.id);
  view.setBigInt64(9, BigInt(r.ttl));
  view.setBigInt64(17, BigInt(r.remainingTtl));
  return scratch.slice();
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
