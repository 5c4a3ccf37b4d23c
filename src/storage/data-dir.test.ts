import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirError, checkDataDir, prepareDataDir } from './data-dir.ts';
import { LmdbBackend } from './backend/lmdb-backend.ts';

function scratch(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-datadir-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const mode = (p: string) => statSync(p).mode & 0o777;

/** A private directory with the given children (names ending in '/' are directories). */
function makeDir(path: string, children: string[] = [], perm = 0o700): string {
  mkdirSync(path, { recursive: true });
  chmodSync(path, perm);
  for (const c of children) {
    if (c.endsWith('/')) {
      mkdirSync(join(path, c), { recursive: true });
      chmodSync(join(path, c), 0o700);
    } else writeFileSync(join(path, c), 'x');
  }
  return path;
}

function assertRefused(fn: () => unknown, problem: string, ...inMessage: string[]): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof DataDirError, `expected DataDirError, got ${String(err)}`);
    assert.equal(err.problem, problem);
    for (const s of inMessage)
      assert.ok(err.message.includes(s), `message ${JSON.stringify(err.message)} lacks ${s}`);
    return true;
  });
}

test('a missing data dir is fresh; prepare creates member/{wal,snap} with mode 0700', (t) => {
  const dataDir = join(scratch(t), 'nested', 'default.etcd');
  const layout = checkDataDir(dataDir);
  assert.deepEqual(layout, {
    dataDir,
    memberDir: join(dataDir, 'member'),
    walDir: join(dataDir, 'member', 'wal'),
    snapDir: join(dataDir, 'member', 'snap'),
    backendPath: join(dataDir, 'member', 'snap', 'db'),
    fresh: true,
  });
  assert.throws(() => statSync(dataDir), /ENOENT/, 'checkDataDir does not create anything');
  const prepared = prepareDataDir(dataDir);
  assert.deepEqual(prepared, layout);
  for (const d of [join(dataDir, '..'), dataDir, layout.memberDir, layout.walDir, layout.snapDir]) {
    assert.equal(mode(d), 0o700, d);
  }
  assert.equal(checkDataDir(dataDir).fresh, true, 'empty skeleton is still fresh');
});

test('a data dir with a WAL entry or a backend file is not fresh', async (t) => {
  const dataDir = join(scratch(t), 'd');
  const layout = prepareDataDir(dataDir);
  writeFileSync(join(layout.walDir, '0000000000000000-0000000000000000.wal'), '', { mode: 0o600 });
  assert.equal(checkDataDir(dataDir).fresh, false);

  const other = prepareDataDir(join(scratch(t), 'e'));
  const be = new LmdbBackend({ dir: other.snapDir });
  await be.close();
  assert.equal(statSync(other.backendPath).isFile(), true, 'the backend lives at member/snap/db');
  assert.equal(mode(other.backendPath), 0o600);
  assert.equal(checkDataDir(other.dataDir).fresh, false);
});

test('an empty existing data dir with mode 0700 is accepted, lost+found too', (t) => {
  const dataDir = makeDir(join(scratch(t), 'd'), ['lost+found/']);
  assert.equal(checkDataDir(dataDir).fresh, true);
});

test('refuses a data dir or member dir whose mode is not 0700, naming the path and the mode', (t) => {
  const base = scratch(t);
  const loose = makeDir(join(base, 'loose'), [], 0o755);
  assertRefused(() => checkDataDir(loose), 'permission', loose, '0755', '0700');
  const groupReadable = makeDir(join(base, 'group'), [], 0o750);
  assertRefused(() => prepareDataDir(groupReadable), 'permission', groupReadable, '0750');
  const noExec = makeDir(join(base, 'noexec'), [], 0o600);
  assertRefused(() => checkDataDir(noExec), 'permission', '0600');

  const withMember = makeDir(join(base, 'm'), ['member/']);
  chmodSync(join(withMember, 'member'), 0o777);
  assertRefused(() => checkDataDir(withMember), 'permission', join(withMember, 'member'), '0777');
  chmodSync(join(withMember, 'member'), 0o700);
  makeDir(join(withMember, 'member', 'snap'), [], 0o711);
  assertRefused(() => checkDataDir(withMember), 'permission', join(withMember, 'member', 'snap'), '0711');
});

test('refuses a foreign layout: unknown top-level entries, member or wal not a directory', (t) => {
  const base = scratch(t);
  const stray = makeDir(join(base, 'stray'), ['member/', 'notes.txt', 'backup/']);
  assertRefused(() => checkDataDir(stray), 'foreign-layout', stray, '"notes.txt"', '"backup"');
  assertRefused(() => prepareDataDir(stray), 'foreign-layout');
  assert.throws(() => statSync(join(stray, 'member', 'wal')), /ENOENT/, 'nothing created on refusal');

  const home = makeDir(join(base, 'home'), ['.bashrc', 'Documents/']);
  assertRefused(() => checkDataDir(home), 'foreign-layout', '"Documents"');

  const memberFile = makeDir(join(base, 'mf'), ['member']);
  assertRefused(() => checkDataDir(memberFile), 'foreign-layout', '"member" is not a directory');

  const walFile = makeDir(join(base, 'wf'), ['member/', 'member/wal']);
  assertRefused(() => checkDataDir(walFile), 'not-directory', join(walFile, 'member', 'wal'));

  const file = join(base, 'plain-file');
  writeFileSync(file, 'x');
  assertRefused(() => checkDataDir(file), 'not-directory', file);
});

test('a data dir reached through a symlink is fine', (t) => {
  const base = scratch(t);
  const real = makeDir(join(base, 'real'), ['member/']);
  symlinkSync(real, join(base, 'link'));
  assert.equal(checkDataDir(join(base, 'link')).memberDir, join(base, 'link', 'member'));
});

test('--wal-dir: the WAL lives elsewhere, is created 0700, and its mode is checked', (t) => {
  const base = scratch(t);
  const dataDir = join(base, 'data');
  const walDir = join(base, 'fast-disk', 'wal');
  const layout = prepareDataDir(dataDir, { walDir });
  assert.equal(layout.walDir, walDir);
  assert.equal(mode(walDir), 0o700);
  assert.throws(() => statSync(join(dataDir, 'member', 'wal')), /ENOENT/, 'member/wal is not used');
  assert.equal(checkDataDir(dataDir, { walDir }).fresh, true);
  writeFileSync(join(walDir, '0000000000000000-0000000000000000.wal'), '');
  assert.equal(checkDataDir(dataDir, { walDir }).fresh, false);
  chmodSync(walDir, 0o755);
  assertRefused(() => checkDataDir(dataDir, { walDir }), 'permission', walDir, '0755');

  // A dedicated WAL directory directly inside the data directory is not a foreign entry.
  const inside = join(base, 'data2');
  prepareDataDir(inside, { walDir: join(inside, 'wal') });
  assert.equal(checkDataDir(inside, { walDir: join(inside, 'wal') }).walDir, join(inside, 'wal'));
  assertRefused(() => checkDataDir(inside), 'foreign-layout', '"wal"');
});
