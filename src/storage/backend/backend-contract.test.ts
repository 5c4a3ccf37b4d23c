// Runs the shared Backend contract against every implementation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendContract } from './backend-contract.ts';
import { LmdbBackend } from './lmdb-backend.ts';
import { MemoryBackend } from './memory-backend.ts';

backendContract({ name: 'MemoryBackend', create: () => new MemoryBackend() });

const dirs = new WeakMap<object, string>();
backendContract({
  name: 'LmdbBackend',
  create: () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsetcd-backend-'));
    const be = new LmdbBackend({ dir, batchIntervalMs: 60_000 });
    dirs.set(be, dir);
    return be;
  },
  dispose: (be) => rmSync(dirs.get(be)!, { recursive: true, force: true }),
});
