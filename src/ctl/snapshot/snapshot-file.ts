// A snapshot file as `snapshot save` writes it: the backend database (bbolt from etcd, LMDB from tsetcd),
// usually followed by the SHA-256 of the database that the Snapshot RPC appends. Database files are whole
// pages (multiples of 512 bytes), so a size 32 past such a multiple means the hash is there (etcd's rule).
import { closeSync, openSync, readSync, statSync } from 'node:fs';

export const SHA256_BYTES = 32;

export interface SnapshotFile {
  path: string;
  /** Bytes of the database itself. */
  dbSize: number;
  /** The appended SHA-256, when present. */
  sha256: Buffer | undefined;
  format: 'bbolt' | 'lmdb';
}

/** Go's text for a failed file operation (`open <path>: no such file or directory`). */
export function goPathError(op: string, path: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    EEXIST: 'file exists',
  };
  return new Error(`${op} ${path}: ${(code && why[code]) ?? (e as Error).message}`);
}

export function inspectSnapshotFile(path: string, op = 'stat'): SnapshotFile {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw goPathError(op, path, e);
  }
  const hasHash = size % 512 === SHA256_BYTES;
  const dbSize = hasHash ? size - SHA256_BYTES : size;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(24);
    readSync(fd, head, 0, 24, 0);
    let sha256: Buffer | undefined;
    if (hasHash) {
      sha256 = Buffer.alloc(SHA256_BYTES);
      readSync(fd, sha256, 0, SHA256_BYTES, dbSize);
    }
    return { path, dbSize, sha256, format: head.readUInt32LE(16) === 0xed0cdaed ? 'bbolt' : 'lmdb' };
  } finally {
    closeSync(fd);
  }
}
