// WAL.durableTail: the offset covered by the last completed fdatasync, which the test-only power cut
// (server/failpoints.ts, powerLoss) cuts the tail back to. Cutting there must keep exactly the synced writes.
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry } from '../../api/raft-types.ts';
import { WAL } from './wal.ts';

function tmpWalDir(t: TestContext): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wal-durable-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return path.join(root, 'wal');
}

function ents(from: number, to: number): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push({ term: 1, index: i, type: 0, data: Buffer.alloc(40, i) });
  return out;
}

const saveAsync = (w: WAL, e: Entry[], sync: boolean): Promise<void> =>
  new Promise((res, rej) =>
    w.saveAsync({ term: 1, vote: 0n, commit: 0 }, e, sync, (err) => (err ? rej(err) : res())),
  );

/** What a power cut does to the tail (failpoints.ts cutWalTail), then a fresh open. */
function powerCut(dir: string, w: WAL): number[] {
  const t = w.durableTail;
  const size = fs.statSync(t.file).size;
  fs.truncateSync(t.file, t.synced);
  fs.truncateSync(t.file, size);
  const r = WAL.open(dir, { index: 0, term: 0 });
  const got = r.readAll().entries.map((e) => e.index);
  r.close();
  return got;
}

test('durableTail: synced writes survive a cut at the synced offset, unsynced ones do not', async (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, Buffer.from('m'), { segmentBytes: 1 << 20 });
  const created = w.durableTail;
  assert.equal(created.synced, created.written);
  w.save(undefined, ents(1, 3), true);
  await saveAsync(w, ents(4, 6), true);
  const afterSync = w.durableTail;
  assert.equal(afterSync.synced, afterSync.written);
  await saveAsync(w, ents(7, 8), false);
  w.save(undefined, ents(9, 9), false);
  const after = w.durableTail;
  assert.equal(after.synced, afterSync.synced);
  assert.ok(after.written > after.synced);
  assert.deepEqual(powerCut(dir, w), [1, 2, 3, 4, 5, 6]);
});

test('durableTail: sync() and a segment cut make everything written durable', async (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, Buffer.from('m'), { segmentBytes: 4096 });
  await saveAsync(w, ents(1, 2), false);
  w.sync();
  assert.equal(w.durableTail.synced, w.durableTail.written);
  // 40-byte entries: enough of them fill the 4 KiB segment and cut a new one (the old tail is sealed).
  for (let i = 3; i < 120; i += 3) await saveAsync(w, ents(i, i + 2), false);
  assert.ok(w.segmentNames.length > 1);
  await saveAsync(w, ents(120, 121), false);
  const got = powerCut(dir, w);
  assert.ok(got.length < 121 && got.length >= 3, `kept ${got.length}`);
  assert.deepEqual(
    got,
    Array.from({ length: got.length }, (_, i) => i + 1),
  );
  assert.ok(!got.includes(121));
});
