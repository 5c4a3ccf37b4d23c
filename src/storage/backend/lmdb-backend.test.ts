// What only a real file can show: reopen, batching by itself, sizes, defragment, snapshot copies.
// The shared read/write behaviour is in backend-contract.ts; crashes in test/storage/backend-crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bucket } from './backend.ts';
import type { Backend } from './backend.ts';
import { LmdbBackend, MAX_KEY_BYTES } from './lmdb-backend.ts';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const str = (u: Uint8Array | undefined) => (u === undefined ? undefined : Buffer.from(u).toString('latin1'));
const ALL = new Uint8Array(0);

function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-lmdb-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Waits (bounded) for a condition the backend reaches by itself; fails the test if it never does. */
async function eventually(what: string, cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`never happened: ${what}`);
}

/** Every pair of every bucket, as printable strings. */
function dump(be: Backend): Record<string, [string, string][]> {
  const out: Record<string, [string, string][]> = {};
  for (const bucket of Object.values(Bucket)) {
    out[bucket] = be.range(bucket, ALL, ALL).map((p) => [str(p.key)!, str(p.value)!]);
  }
  return out;
}

test('committed data and its consistent index survive close and reopen', async (t) => {
  const dir = tempDir(t);
  const be = new LmdbBackend({ dir });
  be.put('key', b('\x00a'), b('1'));
  be.put('lease', b('\xff'), b('2'));
  be.setConsistentIndex({ index: 42, term: 7 });
  await be.commit();
  be.delete('key', b('\x00a'));
  be.put('key', b('b'), b('3'));
  be.setConsistentIndex({ index: 43, term: 7 });
  await be.close(); // commits the open batch
  assert.throws(() => be.put('key', b('x'), b('y')), /closed/);

  const again = new LmdbBackend({ dir });
  assert.deepEqual(again.consistentIndex(), { index: 43, term: 7 });
  assert.deepEqual(dump(again).key, [['b', '3']]);
  assert.deepEqual(dump(again).lease, [['\xff', '2']]);
  await again.close();
});

test('a fresh backend has consistent index 0 and private files', async (t) => {
  const dir = join(tempDir(t), 'member', 'snap');
  const be = new LmdbBackend({ dir });
  assert.deepEqual(be.consistentIndex(), { index: 0, term: 0 });
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  assert.equal(statSync(join(dir, 'db')).mode & 0o777, 0o600);
  assert.equal(statSync(join(dir, 'db-lock')).mode & 0o777, 0o600);
  assert.ok(be.size() > 0);
  assert.ok(be.sizeInUse() > 0 && be.sizeInUse() <= be.size());
  await be.close();
});

test('keys must be 1..1978 bytes (LMDB), checked at put time, not at commit', async (t) => {
  const be = new LmdbBackend({ dir: tempDir(t) });
  assert.throws(() => be.put('key', new Uint8Array(0), b('v')), RangeError);
  assert.throws(() => be.put('key', Buffer.alloc(MAX_KEY_BYTES + 1), b('v')), RangeError);
  be.put('key', Buffer.alloc(MAX_KEY_BYTES, 0xff), b('longest'));
  assert.equal(be.pendingWrites(), 1);
  await be.commit();
  assert.equal(str(be.get('key', Buffer.alloc(MAX_KEY_BYTES, 0xff))), 'longest');
  assert.equal(be.get('key', new Uint8Array(0)), undefined);
  await be.close();
});

test('the batch commits by itself after batchLimit writes', async (t) => {
  const be = new LmdbBackend({ dir: tempDir(t), batchLimit: 5, batchIntervalMs: 60_000 });
  for (let i = 0; i < 4; i++) be.put('key', b(`k${i}`), b('v'));
  assert.equal(be.pendingWrites(), 4);
  be.put('key', b('k4'), b('v'));
  assert.equal(be.pendingWrites(), 5, 'not in the middle of a synchronous run');
  await Promise.resolve();
  assert.equal(be.pendingWrites(), 0, 'the fifth write froze the batch once the run ended');
  await eventually('a commit', () => be.commits === 1);
  be.put('key', b('k5'), b('v'));
  assert.equal(be.pendingWrites(), 1);
  assert.equal(be.range('key', ALL, ALL).length, 6);
  await be.close();
});

test('the batch limit never splits one synchronous run: an entry and its consistent index commit together', async (t) => {
  const dir = tempDir(t);
  const be = new LmdbBackend({ dir, batchLimit: 4, batchIntervalMs: 60_000 });
  // Entry 1: one put. Entry 2: three puts, crossing the limit in the middle, then its index.
  be.put('key', b('a'), b('1'));
  be.setConsistentIndex({ index: 1, term: 1 });
  for (const k of ['x', 'y', 'z']) be.put('key', b(k), b('2'));
  be.setConsistentIndex({ index: 2, term: 1 });
  await eventually('a commit', () => be.commits === 1 && be.pendingWrites() === 0);
  await be.close();
  assert.equal(be.commits, 1, 'one LMDB transaction held both entries');
  const again = new LmdbBackend({ dir });
  t.after(() => again.close());
  assert.deepEqual(again.consistentIndex(), { index: 2, term: 1 });
  assert.deepEqual(dump(again).key, [
    ['a', '1'],
    ['x', '2'],
    ['y', '2'],
    ['z', '2'],
  ]);
});

test('commits requested while one is in flight share one LMDB transaction (group commit)', async (t) => {
  const dir = tempDir(t);
  const be = new LmdbBackend({ dir });
  const commits: Promise<void>[] = [];
  for (let i = 0; i < 50; i++) {
    be.put('key', b(`k${i}`), b(String(i)));
    be.put('key', b('last'), b(String(i)));
    be.setConsistentIndex({ index: i + 1, term: 1 });
    commits.push(be.commit());
  }
  await Promise.all(commits);
  assert.equal(be.commits, 1, 'the first write found all 50 batches frozen and took them together');
  await be.close();
  const again = new LmdbBackend({ dir });
  assert.equal(str(again.get('key', b('last'))), '49', 'batches applied in order: the latest write wins');
  assert.equal(again.range('key', ALL, ALL).length, 51);
  assert.deepEqual(again.consistentIndex(), { index: 50, term: 1 });
  await again.close();
});

test('the batch commits by itself every batchIntervalMs', async (t) => {
  const be = new LmdbBackend({ dir: tempDir(t), batchIntervalMs: 20 });
  be.put('key', b('k'), b('v'));
  assert.equal(be.commits, 0);
  await eventually('an interval commit', () => be.commits === 1 && be.pendingWrites() === 0);
  assert.equal(str(be.get('key', b('k'))), 'v');
  await be.close();
});

test('defragment shrinks the file after most data is deleted and keeps every pair', async (t) => {
  const dir = tempDir(t);
  const be = new LmdbBackend({ dir });
  const key = (i: number) => b(`k${String(i).padStart(6, '0')}`);
  const value = Buffer.alloc(256, 0x5a);
  for (let i = 0; i < 20_000; i++) be.put('key', key(i), value);
  be.setConsistentIndex({ index: 100, term: 2 });
  await be.commit();
  for (let i = 0; i < 20_000; i++) if (i % 20 !== 0) be.delete('key', key(i));
  await be.commit();
  const before = be.size();
  const inUse = be.sizeInUse();
  assert.ok(inUse < before / 4, `in use ${inUse} should be far below the file size ${before}`);

  const defrag = be.defragment();
  // Writes and reads go on while it runs; the writes wait in the open batch.
  be.put('key', b('during'), b('defrag'));
  assert.equal(str(be.get('key', b('during'))), 'defrag');
  await defrag;
  const after = be.size();
  assert.ok(after < before / 4, `file ${after} bytes after defragment, ${before} before`);
  assert.ok(be.sizeInUse() <= after);
  assert.deepEqual(readdirSync(dir).sort(), ['db', 'db-lock'], 'the compact copy replaced the file');
  const keys = be.range('key', ALL, ALL).map((p) => str(p.key));
  assert.equal(keys.length, 1001);
  assert.equal(keys[0], 'during');
  assert.equal(keys[1], 'k000000');
  assert.equal(keys[1000], 'k019980');
  assert.deepEqual(be.get('key', key(19_980)), value);
  await be.commit();
  await be.defragment(); // again, on the environment the first one opened
  assert.equal(be.range('key', ALL, ALL).length, 1001);
  await be.close();

  const again = new LmdbBackend({ dir });
  assert.equal(again.range('key', ALL, ALL).length, 1001);
  assert.deepEqual(again.consistentIndex(), { index: 100, term: 2 });
  await again.close();
});

test('snapshotTo writes a private, consistent copy that opens as an identical backend', async (t) => {
  const dir = tempDir(t);
  const be = new LmdbBackend({ dir: join(dir, 'live') });
  for (const bucket of Object.values(Bucket)) be.put(bucket, b(`${bucket}\x00\xff`), b(bucket));
  await be.commit();
  be.put('key', b('uncommitted'), b('is committed by snapshotTo'));
  be.delete('alarm', b('alarm\x00\xff'));
  be.setConsistentIndex({ index: 9, term: 1 });
  const copyDir = join(dir, 'copy');
  await be.snapshotTo(join(copyDir, 'db'));
  // Writes after the snapshot do not reach the copy.
  be.put('key', b('after'), b('x'));
  assert.equal(statSync(join(copyDir, 'db')).mode & 0o777, 0o600);

  const copy = new LmdbBackend({ dir: copyDir });
  const want = dump(be);
  want.key = want.key!.filter(([k]) => k !== 'after');
  assert.deepEqual(dump(copy), want);
  assert.equal(str(copy.get('key', b('uncommitted'))), 'is committed by snapshotTo');
  assert.deepEqual(copy.consistentIndex(), { index: 9, term: 1 });
  await copy.close();
  await be.close();
});
