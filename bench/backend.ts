// Backend throughput on this machine: `npx tsx bench/backend.ts`.
// LmdbBackend puts/s with 1, 100 and 10,000 puts per commit (16-byte keys, 256-byte values, every
// commit fsynced), gets/s from the file and from the open batch, 100-key ranges/s with and without
// uncommitted writes in the range, defragment and snapshot times; then raw lmdb-js for comparison
// (putSync = one synced transaction per put, the floor of a commit) and lmdb-js's three commit modes
// (sync, overlappingSync + flushed, noSync) one put per transaction. The machine is shared: compare
// rows of one run, not runs. etcd's bbolt backend has no standalone command to time against;
// `bench/mvcc.ts` compares one layer up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open } from 'lmdb';
import type { Database, RootDatabaseOptionsWithPath } from 'lmdb';
import { LmdbBackend } from '../src/storage/backend/lmdb-backend.ts';

const VALUE = Buffer.alloc(256, 0x61);
const key = (i: number): Buffer => {
  const k = Buffer.alloc(16);
  k.write('bench/', 0, 'latin1');
  k.writeUInt32BE(i >>> 0, 12);
  k.writeUInt16BE(Math.floor(i / 2 ** 32), 10);
  return k;
};

const rows: [string, number, string][] = [];
function row(name: string, ops: number, ms: number, note = ''): void {
  rows.push([name, (ops / ms) * 1000, note]);
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Deterministic pseudo-random sequence (LCG), so every run reads the same keys. */
function* indices(n: number, max: number): Generator<number> {
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x % max;
  }
}

const base = mkdtempSync(join(tmpdir(), 'tsetcd-bench-backend-'));
try {
  // ---- LmdbBackend ------------------------------------------------------------------------------
  const be = new LmdbBackend({ dir: join(base, 'backend'), batchIntervalMs: 3_600_000, batchLimit: 1e9 });
  let next = 0;
  let ms: number;
  for (const [perCommit, commits] of [
    [1, 2000],
    [100, 300],
    [10_000, 20],
  ] as const) {
    const ms = await timeAsync(async () => {
      for (let c = 0; c < commits; c++) {
        for (let i = 0; i < perCommit; i++) be.put('key', key(next++), VALUE);
        await be.commit();
      }
    });
    row(
      `backend put, ${perCommit} per commit`,
      perCommit * commits,
      ms,
      `${Math.round((commits / ms) * 1000)} commits/s`,
    );
  }
  const committed = next;
  const P = 200_000;
  ms = 0;
  {
    const t0 = performance.now();
    for (let i = 0; i < P; i++) be.put('key', key(i), VALUE);
    ms = performance.now() - t0;
  }
  row('backend put into the open batch', P, ms, 'no commit: the overlay alone');
  ms = await timeAsync(() => be.commit());
  row('backend commit of that batch', P, ms, `${P.toLocaleString('en-US')} puts in one transaction`);

  const G = 200_000;
  let found = 0;
  ms = time(() => {
    for (const i of indices(G, committed)) if (be.get('key', key(i)) !== undefined) found++;
  });
  row('backend get, committed', G, ms, `${committed} keys in the file`);

  // An open batch of 10,000 uncommitted puts over existing keys.
  for (let i = 0; i < 10_000; i++) be.put('key', key(i * 7), VALUE);
  ms = time(() => {
    for (const i of indices(G, 10_000)) if (be.get('key', key(i * 7)) !== undefined) found++;
  });
  row('backend get, open batch', G, ms, '10,000 uncommitted puts');
  ms = time(() => {
    for (const i of indices(G, committed)) if (be.get('key', key(i)) !== undefined) found++;
  });
  row('backend get, file behind open batch', G, ms, 'miss the batch, hit the file');
  if (found !== 3 * G) throw new Error(`found ${found} of ${3 * G}`);
  await be.commit();

  const R = 20_000;
  let pairs = 0;
  ms = time(() => {
    for (const i of indices(R, committed - 200)) pairs += be.range('key', key(i), key(i + 100)).length;
  });
  row('backend range 100 keys, committed', R, ms, 'straight from LMDB');
  ms = time(() => {
    for (const i of indices(R, committed - 200))
      pairs += be.range('key', key(i), key(i + 100), { reverse: true }).length;
  });
  row('backend range 100 keys, reverse', R, ms);
  for (let i = 0; i < committed; i += 10) be.put('key', key(i), VALUE);
  ms = time(() => {
    for (const i of indices(R, committed - 200)) pairs += be.range('key', key(i), key(i + 100)).length;
  });
  row('backend range 100 keys, 10 uncommitted', R, ms, 'merge of open batch and file');
  if (pairs !== 3 * R * 100) throw new Error(`ranged ${pairs} pairs, expected ${3 * R * 100}`);
  await be.commit();

  for (let i = 0; i < committed; i++) if (i % 10 !== 0) be.delete('key', key(i));
  await be.commit();
  const before = be.size();
  ms = await timeAsync(() => be.defragment());
  const defragNote = `${(before / 2 ** 20).toFixed(1)} MiB -> ${(be.size() / 2 ** 20).toFixed(1)} MiB in ${ms.toFixed(0)} ms`;
  ms = await timeAsync(() => be.snapshotTo(join(base, 'snapshot.db')));
  const snapNote = `${(be.size() / 2 ** 20).toFixed(1)} MiB in ${ms.toFixed(0)} ms`;
  await be.close();

  // ---- raw lmdb-js --------------------------------------------------------------------------------
  const root = open({
    path: join(base, 'raw', 'db'),
    noSubdir: true,
    encoding: 'binary',
    keyEncoding: 'binary',
    overlappingSync: false,
  } as RootDatabaseOptionsWithPath);
  const db: Database<Buffer, Uint8Array> = root.openDB({
    name: 'key',
    encoding: 'binary',
    keyEncoding: 'binary',
  });
  const S = 2000;
  ms = time(() => {
    for (let i = 0; i < S; i++) db.putSync(key(i), VALUE);
  });
  row('raw lmdb putSync (1 synced txn each)', S, ms);
  const B = 200_000;
  ms = await timeAsync(async () => {
    for (let c = 0; c < B / 10_000; c++) {
      await root.batch(() => {
        for (let i = 0; i < 10_000; i++) void db.put(key(S + c * 10_000 + i), VALUE);
      });
    }
  });
  row('raw lmdb put, 10000 per batch', B, ms);
  let rawFound = 0;
  ms = time(() => {
    for (const i of indices(G, S + B)) if (db.get(key(i)) !== undefined) rawFound++;
  });
  row('raw lmdb get', G, ms);
  if (rawFound !== G) throw new Error(`raw found ${rawFound}`);
  let rawPairs = 0;
  ms = time(() => {
    for (const i of indices(R, S + B - 200))
      for (const _ of db.getRange({ start: key(i), end: key(i + 100) })) rawPairs++;
  });
  row('raw lmdb getRange 100 keys', R, ms);
  if (rawPairs !== R * 100) throw new Error(`raw ranged ${rawPairs}`);
  await root.close();

  // Commit modes for one put per transaction: what the backend uses (sync commit), lmdb-js's
  // default (overlappingSync: commit, then flush in the background; durable at `flushed`), and
  // noSync (never fsynced: a machine crash may lose or corrupt the file; reference only).
  for (const [name, opts, waitFlushed] of [
    ['raw lmdb batch of 1, sync commit', { overlappingSync: false }, false],
    ['raw lmdb batch of 1, overlappingSync+flushed', {}, true],
    ['raw lmdb batch of 1, noSync', { noSync: true }, false],
  ] as const) {
    const r = open({
      path: join(base, name.replace(/\W+/g, '-'), 'db'),
      noSubdir: true,
      encoding: 'binary',
      keyEncoding: 'binary',
      ...opts,
    } as RootDatabaseOptionsWithPath);
    const d: Database<Buffer, Uint8Array> = r.openDB({
      name: 'key',
      encoding: 'binary',
      keyEncoding: 'binary',
    });
    const N = 1000;
    ms = await timeAsync(async () => {
      for (let i = 0; i < N; i++) {
        await r.batch(() => void d.put(key(i), VALUE));
        if (waitFlushed) await r.flushed;
      }
    });
    row(name, N, ms, 'commits/s');
    await r.close();
  }

  console.log(`\nbackend benchmark (node ${process.version}, 16-byte keys, 256-byte values)\n`);
  console.log(`${'operation'.padEnd(42)} ${'ops/s'.padStart(12)}  note`);
  for (const [name, rate, note] of rows) {
    console.log(`${name.padEnd(42)} ${Math.round(rate).toLocaleString('en-US').padStart(12)}  ${note}`);
  }
  console.log(`${'defragment (90% deleted)'.padEnd(42)} ${''.padStart(12)}  ${defragNote}`);
  console.log(`${'snapshotTo'.padEnd(42)} ${''.padStart(12)}  ${snapNote}`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
