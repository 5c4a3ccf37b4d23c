import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asEntryData, entryBytes } from './entry-arena.ts';

test('small entry data shares slabs, stays zero-filled and apart; large data and arena data are left alone', () => {
  const a = entryBytes(300);
  const b = entryBytes(300);
  assert.equal(a.buffer, b.buffer, 'one slab for both');
  assert.equal(b.byteOffset, a.byteOffset + 300);
  assert.ok(a.every((x) => x === 0) && b.every((x) => x === 0));
  a.fill(1);
  assert.ok(
    b.every((x) => x === 0),
    'writing one leaves its neighbour alone',
  );
  // A copy of foreign bytes lands in the arena, equal and independent.
  const pooled = Buffer.from('an InternalRaftRequest from the generic encoder');
  const c = asEntryData(pooled);
  assert.notEqual(c.buffer, pooled.buffer);
  assert.deepEqual(Buffer.from(c), pooled);
  pooled[0] = 0;
  assert.equal(c[0], 'a'.charCodeAt(0));
  // Already entry data: no second copy.
  assert.equal(asEntryData(c), c);
  // Large data keeps a buffer of its own.
  const big = new Uint8Array(100_000);
  assert.equal(asEntryData(big), big);
  assert.equal(entryBytes(100_000).byteLength, 100_000);
  // A full slab is followed by a fresh one.
  const first = entryBytes(1).buffer;
  let next = first;
  for (let i = 0; i < 20 && next === first; i++) next = entryBytes(8000).buffer;
  assert.notEqual(next, first);
});
