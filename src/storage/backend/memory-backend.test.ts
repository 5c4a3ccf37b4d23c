import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryBackend } from './memory-backend.ts';

const b = (s: string) => Buffer.from(s, 'latin1');
const s = (u: Uint8Array) => Buffer.from(u).toString('latin1');

test('range orders keys as unsigned bytes and honours end, limit and reverse', () => {
  const be = new MemoryBackend();
  for (const k of ['b', 'a', '\xff', '\x00', 'ab']) be.put('key', b(k), b(`v${k}`));
  assert.deepEqual(
    be.range('key', b(''), new Uint8Array(0)).map((p) => s(p.key)),
    ['\x00', 'a', 'ab', 'b', '\xff'],
  );
  assert.deepEqual(
    be.range('key', b('a'), b('b')).map((p) => s(p.key)),
    ['a', 'ab'],
  );
  assert.deepEqual(
    be.range('key', b('a'), new Uint8Array(0), { limit: 2 }).map((p) => s(p.key)),
    ['a', 'ab'],
  );
  assert.deepEqual(
    be.range('key', b('a'), new Uint8Array(0), { reverse: true, limit: 2 }).map((p) => s(p.key)),
    ['\xff', 'b'],
  );
  assert.deepEqual(
    be.range('key', b('ab'), undefined).map((p) => s(p.value)),
    ['vab'],
  );
  assert.equal(be.range('key', b('zz'), undefined).length, 0);
});

test('writes are visible before commit and counted as pending', async () => {
  const be = new MemoryBackend();
  be.put('meta', b('x'), b('1'));
  be.setConsistentIndex({ index: 5, term: 2 });
  assert.equal(s(be.get('meta', b('x'))!), '1');
  assert.equal(be.pendingWrites(), 2);
  await be.commit();
  assert.equal(be.pendingWrites(), 0);
  assert.deepEqual(be.consistentIndex(), { index: 5, term: 2 });
  be.delete('meta', b('x'));
  assert.equal(be.get('meta', b('x')), undefined);
});
