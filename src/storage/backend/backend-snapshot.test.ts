import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackendSnapshot } from './backend-snapshot.ts';
import { hashBackend } from './backend-hash.ts';
import { LmdbBackend } from './lmdb-backend.ts';

const b = (s: string) => Buffer.from(s, 'latin1');

test('a backend snapshot streams a consistent copy in bounded chunks and cleans up', async (t) => {
  const base = mkdtempSync(join(tmpdir(), 'tsetcd-snapstream-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const dir = join(base, 'live');
  const be = new LmdbBackend({ dir });
  for (let i = 0; i < 2000; i++) be.put('key', b(`k${i}`), Buffer.alloc(100, i));
  be.setConsistentIndex({ index: 12, term: 2 });

  const snap = await openBackendSnapshot(be, dir);
  be.put('key', b('later'), b('not in the snapshot'));
  const chunks: Buffer[] = [];
  for await (const c of snap.chunks(32 * 1024)) chunks.push(c);
  assert.ok(chunks.length > 1);
  assert.ok(chunks.every((c) => c.length <= 32 * 1024));
  const bytes = Buffer.concat(chunks);
  assert.equal(bytes.length, snap.size);
  snap.close();
  snap.close();
  assert.deepEqual(readdirSync(dir).sort(), ['db', 'db-lock'], 'the temporary copy is gone');

  // What was streamed is a backend file: it opens with the contents as of the snapshot.
  const restored = join(base, 'restored');
  mkdirSync(restored, { mode: 0o700 });
  writeFileSync(join(restored, 'db'), bytes, { mode: 0o600 });
  const copy = new LmdbBackend({ dir: restored });
  assert.equal(copy.get('key', b('later')), undefined);
  be.delete('key', b('later'));
  assert.equal(await hashBackend(copy), await hashBackend(be));
  assert.deepEqual(copy.consistentIndex(), { index: 12, term: 2 });
  assert.equal(statSync(join(restored, 'db')).size, snap.size);
  await copy.close();
  await be.close();
});

test('LmdbBackend removes scratch copies left by a crash when it opens', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-snapstream-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'db.tmp-stream-1-1'), 'partial');
  writeFileSync(join(dir, 'db.tmp-defrag-1-1-lock'), 'partial');
  writeFileSync(join(dir, 'keep.snap'), 'not ours');
  const be = new LmdbBackend({ dir });
  assert.deepEqual(readdirSync(dir).sort(), ['db', 'db-lock', 'keep.snap']);
  await be.close();
});
