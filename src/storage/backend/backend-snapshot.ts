// A consistent copy of the backend as a byte stream, for etcd's Maintenance.Snapshot RPC (which
// sends the file in ~32 KiB chunks, then its SHA-256) and for `snapshot save`. The copy is a
// temporary file beside the backend (same file system, same 0600 mode); LmdbBackend removes
// leftovers of a crash when it opens.
import { createReadStream, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from './backend.ts';
import { BACKEND_TEMP_PREFIX } from './lmdb-backend.ts';

export interface BackendSnapshot {
  /** Bytes in the copy (etcd's Snapshot response counts remaining_bytes down from this). */
  readonly size: number;
  /** The copy, in chunks of at most `chunkSize` bytes, in order. Read it once. */
  chunks(chunkSize?: number): AsyncIterable<Buffer>;
  /** Deletes the copy. Call it when the stream is done or abandoned; calling twice is fine. */
  close(): void;
}

export const SNAPSHOT_CHUNK_BYTES = 32 * 1024;

let counter = 0;

/** Commits the open batch and copies the backend to a temporary file in `dir` (the backend's dir). */
export async function openBackendSnapshot(backend: Backend, dir: string): Promise<BackendSnapshot> {
  const path = join(dir, `${BACKEND_TEMP_PREFIX}stream-${process.pid}-${++counter}`);
  await backend.snapshotTo(path);
  const size = statSync(path).size;
  let closed = false;
  return {
    size,
    async *chunks(chunkSize = SNAPSHOT_CHUNK_BYTES) {
      if (closed) throw new Error('backend snapshot: already closed');
      for await (const chunk of createReadStream(path, { highWaterMark: chunkSize })) yield chunk as Buffer;
    },
    close() {
      if (closed) return;
      closed = true;
      rmSync(path, { force: true });
    },
  };
}
