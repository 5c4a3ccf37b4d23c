// etcd's Maintenance.Hash: one CRC-32C (Castagnoli) over the whole backend, so members can compare
// their stores. Buckets in byte order of their names; for each, its name, then every key and value
// in key order. A few keys that legitimately differ between members are left out (etcd leaves out
// the meta bucket's consistent index; tsetcd also stores the term beside it).
import { crc32c } from '@node-rs/crc32';
import { Bucket } from './backend.ts';
import type { Backend } from './backend.ts';

export interface IgnoredKey {
  bucket: Bucket;
  key: string;
}

export const DEFAULT_HASH_IGNORES: readonly IgnoredKey[] = [
  { bucket: Bucket.meta, key: 'consistent_index' },
  { bucket: Bucket.meta, key: 'term' },
];

const BUCKETS_IN_BYTE_ORDER = Object.values(Bucket).sort((a, b) =>
  Buffer.compare(Buffer.from(a), Buffer.from(b)),
);
const ALL = new Uint8Array(0);
const view = (u: Uint8Array) => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

/** Commits the open batch, then hashes every bucket. Returns the unsigned 32-bit CRC. */
export async function hashBackend(
  backend: Backend,
  ignores: readonly IgnoredKey[] = DEFAULT_HASH_IGNORES,
): Promise<number> {
  await backend.commit();
  // Synchronous from here on: no write can slip in between buckets.
  const skip = new Set(ignores.map((i) => `${i.bucket}\x00${i.key}`));
  let h = 0;
  for (const bucket of BUCKETS_IN_BYTE_ORDER) {
    h = crc32c(bucket, h);
    backend.forEach(bucket, ALL, ALL, (k, v) => {
      const key = view(k);
      if (skip.size > 0 && skip.has(`${bucket}\x00${key.toString('latin1')}`)) return;
      h = crc32c(view(v), crc32c(key, h));
    });
  }
  return h >>> 0;
}
