// Turns an etcd 3.4 snapshot (bbolt) into a tsetcd backend (LMDB), for `snapshot restore` of a file saved
// from a real etcd: a way to move a cluster's data from etcd to tsetcd.
//
// tsetcd keeps etcd's layout where it matters, so most of it carries over unchanged:
// - `key`: revision keys (8-byte main, '_', 8-byte sub, 't' for tombstones) → mvccpb.KeyValue bytes: as is;
// - `meta`: consistent_index (8-byte big endian) becomes the backend's consistent index; the compaction
//   marks scheduledCompactRev / finishedCompactRev are copied as is;
// - `lease`: etcd's leasepb.Lease {ID=1, TTL=2, RemainingTTL=3} is rewritten as tsetcd's lease record.
// Not carried over: members (the restore writes the new ones), auth (tsetcd has no auth yet), alarms, and
// the cluster version.
import { Bucket } from '../../storage/backend/backend.ts';
import type { LmdbBackend } from '../../storage/backend/lmdb-backend.ts';
import { FINISHED_COMPACT_KEY, SCHEDULED_COMPACT_KEY } from '../../storage/mvcc/kv-store.ts';
import { encodeLeaseRecord, leaseKey } from '../../lease/lease-record.ts';
import { BboltReader } from './bbolt-reader.ts';

/** The int64 fields of a protobuf message (varint wire type only), by field number. */
export function varintFields(b: Uint8Array): Map<number, bigint> {
  const out = new Map<number, bigint>();
  let i = 0;
  const varint = (): bigint => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const x = b[i++];
      if (x === undefined) throw new Error('leasepb: truncated varint');
      v |= BigInt(x & 0x7f) << shift;
      if (x < 0x80) return v;
    }
  };
  while (i < b.length) {
    const tag = Number(varint());
    if ((tag & 7) !== 0) throw new Error(`leasepb: unexpected wire type ${tag & 7}`);
    out.set(tag >> 3, BigInt.asIntN(64, varint()));
  }
  return out;
}

export interface ImportResult {
  consistentIndex: number;
  keys: number;
  leases: number;
}

/** Copies an etcd database (the bytes of a bbolt file) into an empty tsetcd backend. */
export function importBbolt(db: Buffer, backend: LmdbBackend): ImportResult {
  const r = new BboltReader(db);
  let ci = 0;
  let keys = 0;
  let leases = 0;
  for (const b of r.buckets()) {
    const name = b.name.toString('latin1');
    if (name === Bucket.key) {
      b.forEach((k, v) => {
        backend.put(Bucket.key, k, v);
        keys++;
      });
    } else if (name === Bucket.meta) {
      b.forEach((k, v) => {
        const key = k.toString('latin1');
        if (key === 'consistent_index' && v.length === 8) ci = Number(v.readBigUInt64BE(0));
        else if (k.equals(SCHEDULED_COMPACT_KEY) || k.equals(FINISHED_COMPACT_KEY))
          backend.put(Bucket.meta, k, v);
      });
    } else if (name === Bucket.lease) {
      b.forEach((_k, v) => {
        const f = varintFields(v);
        const id = f.get(1) ?? 0n;
        backend.put(
          Bucket.lease,
          leaseKey(id),
          encodeLeaseRecord({ id, ttl: Number(f.get(2) ?? 0n), remainingTtl: Number(f.get(3) ?? 0n) }),
        );
        leases++;
      });
    }
  }
  return { consistentIndex: ci, keys, leases };
}
