// rangeStored on both backends with values large enough to outgrow its reused buffer (64 KiB) several times
// in one range: every KeyValue is the stored encoding of exactly what applyRange returns, and a later call
// does not disturb a reply already framed from an earlier one.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Backend } from '../backend/backend.ts';
import { LmdbBackend } from '../backend/lmdb-backend.ts';
import { MemoryBackend } from '../backend/memory-backend.ts';
import { encodeKeyValue } from './kv-codec.ts';
import { KvStore } from './kv-store.ts';

const B = (s: string): Buffer => Buffer.from(s, 'latin1');
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

async function check(backend: Backend): Promise<void> {
  const s = new KvStore(backend);
  // 40 KiB .. 200 KiB values, then small ones: the buffer fills, grows, and small values follow big ones.
  const sizes = [40_000, 50_000, 1, 200_000, 30_000, 70_000, 5, 0, 90_000, 12];
  sizes.forEach((n, i) => s.applyPut({ key: B(`p${i}`), value: Buffer.alloc(n, 65 + i) }));
  const all = { key: B('p'), rangeEnd: B('q') };
  for (const phase of ['uncommitted', 'committed']) {
    if (phase === 'committed') await backend.commit();
    const want = s.applyRange(all);
    const got = s.rangeStored(all)!;
    assert.equal(got.kvs.length, sizes.length, phase);
    assert.deepEqual(
      got.kvs.map(hex),
      want.kvs.map((kv) => hex(encodeKeyValue(kv))),
      phase,
    );
    const copy = got.kvs.map(hex);
    // A later range may reuse the buffer; what the first one returned was used before it, as the server does.
    const again = s.rangeStored({ key: B('p1') })!;
    assert.equal(hex(again.kvs[0]!), copy[1], phase);
    // A limit: the first keys, `more`, and the count of all.
    for (const limit of [1, 3, 9, 10, 11]) {
      const req = { ...all, limit };
      const w = s.applyRange(req);
      const g = s.rangeStored(req)!;
      assert.deepEqual(
        { kvs: g.kvs.map(hex), more: g.more, count: g.count },
        { kvs: w.kvs.map((kv) => hex(encodeKeyValue(kv))), more: w.more, count: w.count },
      );
      assert.equal(g.more, limit < sizes.length);
      assert.equal(g.count, sizes.length);
    }
  }
  await s.close();
}

test('rangeStored across buffer growth: memory backend', async () => {
  await check(new MemoryBackend());
});

test('rangeStored across buffer growth: LMDB backend', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'range-stored-'));
  const be = new LmdbBackend({ dir });
  try {
    await check(be);
  } finally {
    await be.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
