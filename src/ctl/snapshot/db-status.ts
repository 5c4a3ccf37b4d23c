// `snapshot status`: etcd's summary of a snapshot file — a CRC-32C over every bucket name, key and value in
// byte order, the revision of the newest key-bucket entry, the number of pairs in all buckets, and the
// database's size. bbolt files (from etcd) are read directly; LMDB files (from tsetcd) through a private
// copy opened with the storage layer's LmdbBackend (lmdb writes a lock file beside any file it opens).
import { crc32c } from '@node-rs/crc32';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bucket } from '../../storage/backend/backend.ts';
import { BACKEND_FILE, LmdbBackend } from '../../storage/backend/lmdb-backend.ts';
import { BboltReader } from './bbolt-reader.ts';
import { inspectSnapshotFile, type SnapshotFile } from './snapshot-file.ts';

export interface DbStatus {
  hash: number;
  revision: number;
  totalKey: number;
  totalSize: number;
}

const asBuf = (u: Uint8Array): Buffer =>
  Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);

class Summer {
  hash = 0;
  revision = 0;
  totalKey = 0;
  bucket(name: Uint8Array, each: (fn: (k: Uint8Array, v: Uint8Array) => void) => void): void {
    this.hash = crc32c(asBuf(name), this.hash);
    const isKey = asBuf(name).toString('latin1') === Bucket.key;
    each((k, v) => {
      this.hash = crc32c(asBuf(v), crc32c(asBuf(k), this.hash));
      // revision keys start with the 8-byte big-endian main revision
      if (isKey && k.byteLength >= 8) this.revision = Number(asBuf(k).readBigUInt64BE(0));
      this.totalKey++;
    });
  }
}

/** Opens a private LMDB copy of the snapshot's database and hands it to `fn`. */
export async function withLmdbCopy<T>(f: SnapshotFile, fn: (b: LmdbBackend) => T | Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcdctl-snap-'));
  try {
    const db = join(dir, BACKEND_FILE);
    copyFileSync(f.path, db);
    truncateSync(db, f.dbSize);
    const backend = new LmdbBackend({ dir });
    try {
      return await fn(backend);
    } finally {
      await backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function dbStatus(path: string): Promise<DbStatus> {
  const f = inspectSnapshotFile(path);
  const s = new Summer();
  if (f.format === 'bbolt') {
    const r = new BboltReader(readFileSync(path));
    for (const b of r.buckets()) s.bucket(b.name, (fn) => b.forEach(fn));
    return {
      hash: s.hash >>> 0,
      revision: s.revision,
      totalKey: s.totalKey,
      totalSize: Number(r.meta.pgid) * r.meta.pageSize,
    };
  }
  const names = Object.values(Bucket).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const all = new Uint8Array(0);
  await withLmdbCopy(f, (backend) => {
    for (const name of names)
      s.bucket(Buffer.from(name), (fn) => backend.forEach(name, all, all, (k, v) => fn(k, v)));
  });
  return { hash: s.hash >>> 0, revision: s.revision, totalKey: s.totalKey, totalSize: f.dbSize };
}
