import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { hashBackend } from './backend-hash.ts';
import { LmdbBackend } from './lmdb-backend.ts';
import { MemoryBackend } from './memory-backend.ts';

const b = (s: string) => Buffer.from(s, 'latin1');

test('hash is CRC-32C over bucket names in byte order, then keys and values', async () => {
  const be = new MemoryBackend();
  be.put('key', b('k'), b('v'));
  const names = [
    'alarm',
    'auth',
    'authRoles',
    'authUsers',
    'cluster',
    'key',
    'lease',
    'members',
    'members_removed',
    'meta',
  ];
  let want = 0;
  for (const n of names) {
    want = crc32c(n, want);
    if (n === 'key') want = crc32c(b('v'), crc32c(b('k'), want));
  }
  assert.equal(await hashBackend(be), want >>> 0);
});

test('equal contents hash equal whatever the history, backend or consistent index', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-hash-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const lmdb = new LmdbBackend({ dir });
  lmdb.put('key', b('\x00'), b('old'));
  lmdb.put('lease', b('x'), b('1'));
  lmdb.setConsistentIndex({ index: 50, term: 3 });
  await lmdb.commit();
  lmdb.put('key', b('\x00'), b('new'));
  lmdb.put('members', b('m'), b('2'));

  const mem = new MemoryBackend();
  mem.put('members', b('m'), b('2'));
  mem.put('lease', b('x'), b('1'));
  mem.put('key', b('\x00'), b('new'));
  mem.setConsistentIndex({ index: 7, term: 1 });

  const h = await hashBackend(lmdb);
  assert.equal(await hashBackend(mem), h);
  assert.equal(lmdb.pendingWrites(), 0, 'hash commits first');
  mem.put('lease', b('x'), b('2'));
  assert.notEqual(await hashBackend(mem), h);
  mem.put('lease', b('x'), b('1'));
  mem.put('alarm', b('x'), b(''));
  assert.notEqual(await hashBackend(mem), h, 'an entry with an empty value counts');
  await lmdb.close();
  const again = new LmdbBackend({ dir });
  assert.equal(await hashBackend(again), h);
  await again.close();
});
