// Child process for backend-crash.test.ts: writes batches to an LmdbBackend and reports on stdout
// what is durable, so the parent can SIGKILL it at a chosen or random moment.
//   node --import tsx backend-crash-child.ts <dir> pending   one committed batch, then an uncommitted one
//   node --import tsx backend-crash-child.ts <dir> loop <n>  batches of n keys, forever
import { LmdbBackend } from '../../src/storage/backend/lmdb-backend.ts';

const [dir, mode, n] = process.argv.slice(2);
if (dir === undefined) throw new Error('usage: backend-crash-child.ts <dir> pending|loop <n>');
const be = new LmdbBackend({ dir, batchIntervalMs: 3_600_000, batchLimit: Number.MAX_SAFE_INTEGER });
const b = (s: string) => Buffer.from(s, 'latin1');

if (mode === 'pending') {
  for (let i = 0; i < 100; i++) be.put('key', b(`a${i}`), b('batch A'));
  be.setConsistentIndex({ index: 10, term: 1 });
  await be.commit();
  for (let i = 0; i < 100; i++) be.put('key', b(`b${i}`), b('batch B'));
  be.delete('key', b('a0'));
  be.setConsistentIndex({ index: 20, term: 1 });
  process.stdout.write('ready\n');
  setInterval(() => {}, 1000); // stay alive, batch B uncommitted, until killed
} else if (mode === 'loop') {
  const perBatch = Number(n);
  for (let batch = 1; ; batch++) {
    for (let i = 0; i < perBatch; i++) be.put('key', b(`${batch}/${i}`), Buffer.alloc(200, batch));
    // Each batch also rewrites one shared key, so a torn batch would show a mismatch.
    be.put('meta', b('last'), b(String(batch)));
    be.setConsistentIndex({ index: batch, term: 1 });
    await be.commit();
    process.stdout.write(`${batch}\n`);
  }
}
