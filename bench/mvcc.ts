// MVCC store throughput, in process: puts/s, ranges/s (1, 100 and 10k keys), and watch events/s fanned
// out to 100 watchers. Runs on the in-memory backend and on LMDB (unsynced batches, as the apply loop
// uses it). Usage: npx tsx bench/mvcc.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../src/storage/backend/backend.ts';
import { MemoryBackend } from '../src/storage/backend/memory-backend.ts';
import { WatchableStore } from '../src/storage/mvcc/watchable-store.ts';

const B = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const VALUE = new Uint8Array(256).fill(120);

function rate(n: number, fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  return n / s;
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US').padStart(12);

async function run(name: string, backend: Backend): Promise<void> {
  const s = new WatchableStore(backend);
  const N = 100_000;
  const puts = rate(N, () => {
    for (let i = 0; i < N; i++) s.applyPut({ key: B(`key/${String(i % 20_000).padStart(6, '0')}`), value: VALUE });
  });
  await backend.commit();
  const ranges = (width: number, iters: number): number =>
    rate(iters, () => {
      for (let i = 0; i < iters; i++) {
        const start = (i * 7919) % (20_000 - width);
        const key = B(`key/${String(start).padStart(6, '0')}`);
        const end = width === 1 ? undefined : B(`key/${String(start + width).padStart(6, '0')}`);
        s.applyRange({ key, rangeEnd: end });
      }
    });
  const r1 = ranges(1, 100_000);
  const r100 = ranges(100, 5_000);
  const r10k = ranges(10_000, 50) * 1;
  let delivered = 0;
  for (let w = 0; w < 100; w++)
    s.watch({ key: B('key/'), rangeEnd: B('key0') }, (resp) => ((delivered += resp.events.length), true));
  const W = 20_000;
  const wputs = rate(W, () => {
    for (let i = 0; i < W; i++) s.applyPut({ key: B(`key/${String(i % 20_000).padStart(6, '0')}`), value: VALUE });
  });
  console.log(`${name}:`);
  console.log(`  put (256 B values, 20k keys)        ${fmt(puts)} /s`);
  console.log(`  range 1 key                         ${fmt(r1)} /s`);
  console.log(`  range 100 keys                      ${fmt(r100)} /s  (${fmt(r100 * 100)} keys/s)`);
  console.log(`  range 10k keys                      ${fmt(r10k)} /s  (${fmt(r10k * 10_000)} keys/s)`);
  console.log(`  put with 100 prefix watchers        ${fmt(wputs)} /s  → ${fmt(wputs * 100)} events/s delivered`);
  if (delivered !== W * 100) throw new Error(`delivered ${delivered} events, expected ${W * 100}`);
  await s.close();
}

await run('memory backend', new MemoryBackend());
let LmdbBackend: (typeof import('../src/storage/backend/lmdb-backend.ts'))['LmdbBackend'] | undefined;
try {
  ({ LmdbBackend } = await import('../src/storage/backend/lmdb-backend.ts'));
} catch {
  console.log('lmdb backend: not available');
}
if (LmdbBackend) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-mvcc-'));
  const b = new LmdbBackend({ dir });
  try {
    await run('lmdb backend', b);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
