import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry, HardState } from '../../api/raft-types.ts';
import {
  WalCorruptError,
  WalExistsError,
  WalNotFoundError,
  WalSnapshotMismatchError,
  WalSnapshotNotFoundError,
  WalStateError,
} from './errors.ts';
import { decodeSegment, MAX_RECORD_BYTES } from './record.ts';
import { parseSegmentName } from './segment-name.ts';
import { WAL } from './wal.ts';

function tmpWalDir(t: TestContext): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wal-test-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return path.join(root, 'member', 'wal');
}

const META = Buffer.from('member=1 cluster=2');

function ents(from: number, to: number, term = 1, size = 16): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++)
    out.push({ term, index: i, type: 0, data: Buffer.alloc(size, (i * 31 + term) & 0xff) });
  return out;
}

function hs(term: number, commit: number): HardState {
  return { term, vote: 7n, commit };
}

function segFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.wal'))
    .sort();
}

test('create, save, reopen: metadata, hard state and entries round trip', (t) => {
  const dir = tmpWalDir(t);
  assert.equal(WAL.exists(dir), false);
  const w = WAL.create(dir, META);
  w.save(hs(1, 0), ents(1, 3), true);
  w.save(hs(2, 3), ents(4, 5, 2), true);
  w.save(undefined, [], true);
  w.close();
  assert.equal(WAL.exists(dir), true);

  const r = WAL.open(dir, { index: 0, term: 0 });
  const got = r.readAll();
  assert.deepEqual(Buffer.from(got.metadata), META);
  assert.deepEqual(got.hardState, hs(2, 3));
  assert.deepEqual(
    got.entries.map((e) => [e.index, e.term, Buffer.from(e.data).toString('hex')]),
    [...ents(1, 3), ...ents(4, 5, 2)].map((e) => [e.index, e.term, Buffer.from(e.data).toString('hex')]),
  );
  assert.equal(got.repaired, undefined);
  r.close();
});

test('directories are 0700, files 0600, segment name is %016x-%016x.wal, preallocated', (t) => {
  const dir = tmpWalDir(t);
  WAL.create(dir, META, { segmentBytes: 1 << 20 }).close();
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  assert.deepEqual(segFiles(dir), ['0000000000000000-0000000000000000.wal']);
  const st = fs.statSync(path.join(dir, '0000000000000000-0000000000000000.wal'));
  assert.equal(st.mode & 0o777, 0o600);
  assert.equal(st.size, 1 << 20);
  assert.deepEqual(fs.readdirSync(path.dirname(dir)), ['wal'], 'no temp dir left behind');
});

test('create refuses an existing WAL and clears a half-made one from a crashed create', (t) => {
  const dir = tmpWalDir(t);
  fs.mkdirSync(`${dir}.tmp`, { recursive: true });
  fs.writeFileSync(path.join(`${dir}.tmp`, '0000000000000000-0000000000000000.wal'), 'half');
  assert.equal(WAL.exists(dir), false, 'a temp dir is not a WAL');
  WAL.create(dir, META).close();
  assert.equal(fs.existsSync(`${dir}.tmp`), false);
  assert.throws(() => WAL.create(dir, META), WalExistsError);
});

test('open on a missing or empty directory is WalNotFoundError', (t) => {
  const dir = tmpWalDir(t);
  assert.throws(() => WAL.open(dir, { index: 0, term: 0 }), WalNotFoundError);
  fs.mkdirSync(dir, { recursive: true });
  assert.throws(() => WAL.open(dir, { index: 0, term: 0 }), WalNotFoundError);
});

test('a later write of an index replaces it and everything after (uncommitted tail rewrite)', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  w.save(hs(1, 2), ents(1, 5, 1), true);
  w.save(hs(2, 2), ents(3, 4, 2), true);
  w.close();
  const r = WAL.open(dir, { index: 0, term: 0 });
  const { entries } = r.readAll();
  assert.deepEqual(
    entries.map((e) => [e.index, e.term]),
    [
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 2],
    ],
  );
  r.close();
});

test('an entry that leaves a gap in the log is corruption', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  w.save(undefined, ents(1, 2), true);
  w.save(undefined, ents(5, 5), true);
  w.close();
  const r = WAL.open(dir, { index: 0, term: 0 });
  assert.throws(
    () => r.readAll(),
    (e: unknown) => e instanceof WalCorruptError && /gap/.test(e.message),
  );
});

test('each save is one write and one fdatasync with mustSync, no fdatasync without', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  const calls = { write: 0, sync: 0 };
  const { writeSync, fdatasyncSync } = fs;
  t.after(() => Object.assign(fs, { writeSync, fdatasyncSync }));
  Object.assign(fs, {
    writeSync: (...a: Parameters<typeof fs.writeSync>) => (calls.write++, writeSync(...a)),
    fdatasyncSync: (fd: number) => (calls.sync++, fdatasyncSync(fd)),
  });
  w.save(hs(1, 100), ents(1, 100), true);
  assert.deepEqual(calls, { write: 1, sync: 1 });
  w.save(hs(1, 200), ents(101, 200), false);
  assert.deepEqual(calls, { write: 2, sync: 1 });
  w.sync();
  assert.deepEqual(calls, { write: 2, sync: 2 });
  Object.assign(fs, { writeSync, fdatasyncSync });
  w.close();
  const r = WAL.open(dir, { index: 0, term: 0 });
  assert.equal(r.readAll().entries.length, 200);
  r.close();
});

test('an entry too big to be read back is refused before anything is written', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  w.save(hs(1, 2), ents(1, 2), true);
  const huge: Entry = { term: 1, index: 3, type: 0, data: Buffer.alloc(MAX_RECORD_BYTES) };
  assert.throws(() => w.save(hs(1, 3), [huge], true), RangeError);
  w.save(hs(1, 3), ents(3, 3), true);
  w.close();
  const r = WAL.open(dir, { index: 0, term: 0 });
  const got = r.readAll();
  assert.deepEqual(
    got.entries.map((e) => e.index),
    [1, 2, 3],
  );
  assert.equal(got.entries[2]!.data.length, 16);
  assert.equal(got.repaired, undefined);
  r.close();
});

test('append calls before readAll, after close or a second readAll are WalStateError', (t) => {
  const dir = tmpWalDir(t);
  WAL.create(dir, META).close();
  const r = WAL.open(dir, { index: 0, term: 0 });
  assert.throws(() => r.save(hs(1, 0), ents(1, 1), true), WalStateError);
  r.readAll();
  assert.throws(() => r.readAll(), WalStateError);
  r.close();
  assert.throws(() => r.save(hs(1, 0), ents(1, 1), true), WalStateError);
  r.close();
});

test('segments are cut when full, named by sequence and first index, and read back across cuts', (t) => {
  const dir = tmpWalDir(t);
  const segmentBytes = 4096;
  const w = WAL.create(dir, META, { segmentBytes });
  for (let i = 1; i <= 300; i += 10) w.save(hs(1, i + 9), ents(i, i + 9, 1, 40), true);
  const names = w.segmentNames;
  w.close();
  assert.ok(names.length >= 5, `expected several segments, got ${names.length}`);
  assert.deepEqual(segFiles(dir), names);
  const parsed = names.map((n) => parseSegmentName(n)!);
  parsed.forEach((p, i) => assert.equal(p.seq, i));
  // A segment's first index is one past the last entry of the segment before it.
  for (let i = 1; i < parsed.length; i++) {
    const prev = decodeSegment(fs.readFileSync(path.join(dir, names[i - 1]!)), {
      file: '',
      last: false,
      prevCrc: undefined,
    });
    assert.ok(prev.records.length > 0, 'records');
    assert.equal(
      fs.statSync(path.join(dir, names[i - 1]!)).size,
      prev.end,
      'a sealed segment ends at its data',
    );
    assert.ok(prev.end >= segmentBytes, 'cut only when full');
    assert.equal((parsed[i]!.index - 1) % 10, 0, 'cuts happen between batches of 10');
  }
  assert.equal(fs.statSync(path.join(dir, names.at(-1)!)).size, segmentBytes, 'the tail is preallocated');

  const r = WAL.open(dir, { index: 0, term: 0 });
  const got = r.readAll();
  assert.deepEqual(
    got.entries.map((e) => e.index),
    ents(1, 300).map((e) => e.index),
  );
  assert.deepEqual(got.hardState, hs(1, 300));
  r.save(hs(1, 301), ents(301, 301), true);
  r.close();
  const r2 = WAL.open(dir, { index: 0, term: 0 });
  assert.equal(r2.readAll().entries.at(-1)!.index, 301);
  r2.close();
});

test('the CRC chain crosses segments: a segment from another log is detected', (t) => {
  const a = tmpWalDir(t);
  const b = tmpWalDir(t);
  for (const [dir, fill] of [
    [a, 1],
    [b, 2],
  ] as const) {
    const w = WAL.create(dir, META, { segmentBytes: 2048 });
    for (let i = 1; i <= 100; i += 5) w.save(hs(1, i), ents(i, i + 4, 1, 30 + fill), true);
    w.close();
  }
  const names = segFiles(a);
  assert.ok(names.length >= 3, `only ${names.length} segments`);
  assert.deepEqual(segFiles(b), names, 'same sizes, so the same names');
  // Swap the second segment: every record in it is intact on its own; only the chain can tell.
  const victim = names[1]!;
  fs.copyFileSync(path.join(b, victim), path.join(a, victim));
  const r = WAL.open(a, { index: 0, term: 0 });
  assert.throws(
    () => r.readAll(),
    (e: unknown) =>
      e instanceof WalCorruptError &&
      e.file === path.join(a, victim) &&
      e.offset === 0 &&
      /chain/.test(e.reason),
  );
});

test('a missing segment in the middle is corruption', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META, { segmentBytes: 2048 });
  for (let i = 1; i <= 100; i += 5) w.save(hs(1, i), ents(i, i + 4, 1, 40), true);
  w.close();
  const names = segFiles(dir);
  fs.rmSync(path.join(dir, names[2]!));
  assert.throws(() => WAL.open(dir, { index: 0, term: 0 }), WalCorruptError);
});

test('open from a snapshot: entries after it, marker must exist with the same term', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  w.save(hs(1, 10), ents(1, 10), true);
  w.saveSnapshot({ index: 5, term: 1, confState: { voters: [1n, 2n], learners: [3n] } });
  w.save(hs(1, 12), ents(11, 12), true);
  w.saveSnapshot({ index: 12, term: 1 });
  w.save(hs(2, 12), ents(13, 14, 2), true);
  w.close();

  const r = WAL.open(dir, { index: 5, term: 1 });
  const got = r.readAll();
  assert.deepEqual(
    got.entries.map((e) => e.index),
    [6, 7, 8, 9, 10, 11, 12, 13, 14],
  );
  assert.deepEqual(got.hardState, hs(2, 12));
  r.close();

  assert.throws(() => WAL.open(dir, { index: 5, term: 2 }).readAll(), WalSnapshotMismatchError);
  assert.throws(() => WAL.open(dir, { index: 7, term: 1 }).readAll(), WalSnapshotNotFoundError);

  // Markers are offered only up to the last commit (12): raft could still drop what is beyond.
  assert.deepEqual(
    WAL.readSnapshotMarkers(dir).map((m) => [m.index, m.term]),
    [
      [0, 0],
      [5, 1],
      [12, 1],
    ],
  );
  const w2 = WAL.open(dir, { index: 12, term: 1 });
  w2.readAll();
  w2.saveSnapshot({ index: 14, term: 2 });
  w2.close();
  assert.deepEqual(
    WAL.readSnapshotMarkers(dir).map((m) => m.index),
    [0, 5, 12],
  );
  const marker5 = WAL.readSnapshotMarkers(dir)[1]!;
  assert.deepEqual(marker5.confState, { voters: [1n, 2n], learners: [3n] });
});

test('releaseLockTo deletes segments wholly before the snapshot; the log still opens from it', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META, { segmentBytes: 2048 });
  for (let i = 1; i <= 200; i += 5) w.save(hs(1, i + 4), ents(i, i + 4, 1, 40), true);
  const before = w.segmentNames;
  assert.ok(before.length >= 6, `${before.length} segments`);
  w.saveSnapshot({ index: 150, term: 1 });
  const gone = w.releaseLockTo(150);
  assert.ok(gone.length >= 3, `released ${gone.length}`);
  assert.deepEqual(gone, before.slice(0, gone.length), 'oldest first');
  assert.deepEqual(segFiles(dir), w.segmentNames);
  const firstKept = parseSegmentName(w.segmentNames[0]!)!;
  assert.ok(firstKept.index <= 150, 'the segment holding index 150 is kept');
  assert.ok(parseSegmentName(w.segmentNames[1]!)!.index > 150 || w.segmentNames.length === 1);
  w.save(hs(1, 201), ents(201, 201), true);
  assert.deepEqual(w.releaseLockTo(1), [], 'nothing before index 1');
  w.close();

  assert.throws(() => WAL.open(dir, { index: 0, term: 0 }), WalNotFoundError);
  const r = WAL.open(dir, { index: 150, term: 1 });
  const got = r.readAll();
  assert.deepEqual(
    got.entries.map((e) => e.index),
    ents(151, 201).map((e) => e.index),
  );
  assert.deepEqual(Buffer.from(got.metadata), META, 'every segment carries the metadata');
  r.close();
});

test('the hard state survives the release of the segment it was saved in (cut header carries it)', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META, { segmentBytes: 1024 });
  w.save(hs(3, 20), ents(1, 20, 3, 40), true);
  w.save(undefined, ents(21, 60, 3, 40), true);
  w.saveSnapshot({ index: 60, term: 3 });
  w.releaseLockTo(60);
  w.close();
  const r = WAL.open(dir, { index: 60, term: 3 });
  const got = r.readAll();
  assert.deepEqual(got.hardState, hs(3, 20));
  assert.deepEqual(got.entries, []);
  r.close();
});

test('a leftover segment temp file from a crashed cut is removed and ignored', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  w.save(hs(1, 1), ents(1, 1), true);
  w.close();
  fs.writeFileSync(path.join(dir, '0000000000000001-0000000000000002.wal.tmp'), Buffer.alloc(100, 9));
  const r = WAL.open(dir, { index: 0, term: 0 });
  assert.equal(r.readAll().entries.length, 1);
  r.close();
  assert.deepEqual(fs.readdirSync(dir), ['0000000000000000-0000000000000000.wal']);
});

const saveAsync = (w: WAL, h: HardState | undefined, es: Entry[], sync: boolean): Promise<void> =>
  new Promise((resolve, reject) => w.saveAsync(h, es, sync, (err) => (err ? reject(err) : resolve())));

test('saveAsync: one write at a time, in call order, mixed with save, cutting segments, read back whole', async (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META, { segmentBytes: 4096 });
  let calledBack = false;
  const first = new Promise<void>((resolve, reject) =>
    w.saveAsync(hs(1, 0), ents(1, 10, 1, 100), true, (err) => {
      calledBack = true;
      if (err) reject(err);
      else resolve();
    }),
  );
  assert.equal(calledBack, false, 'done is never called synchronously');
  assert.equal(w.saving, true);
  // Nothing else may write while the save is in flight.
  assert.throws(() => w.save(hs(1, 1), ents(11, 11), true), WalStateError);
  assert.throws(() => w.saveAsync(undefined, ents(11, 11), true, () => {}), WalStateError);
  assert.throws(() => w.sync(), WalStateError);
  await first;
  assert.equal(w.saving, false);
  w.save(hs(1, 5), ents(11, 20, 1, 100), true);
  for (let i = 21; i <= 200; i += 10) await saveAsync(w, hs(1, i), ents(i, i + 9, 1, 100), i % 20 === 1);
  assert.ok(segFiles(dir).length > 3, 'segments were cut after asynchronous saves');
  assert.equal(w.lastSavedIndex, 200);
  w.close();

  const got = WAL.open(dir, { index: 0, term: 0 }).readAll();
  assert.equal(got.repaired, undefined);
  assert.deepEqual(got.hardState, hs(1, 191));
  assert.deepEqual(
    got.entries.map((e) => e.index),
    Array.from({ length: 200 }, (_, i) => i + 1),
  );
  assert.deepEqual(got.entries, ents(1, 200, 1, 100));
});

test('saveAsync: close() during the write waits for it; the data is there on reopen', async (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  const done = saveAsync(w, hs(3, 2), ents(1, 4), true);
  w.close();
  await done;
  assert.throws(() => w.save(undefined, ents(5, 5), true), WalStateError);
  const got = WAL.open(dir, { index: 0, term: 0 }).readAll();
  assert.deepEqual(got.hardState, hs(3, 2));
  assert.deepEqual(got.entries, ents(1, 4));
});

test('saveAsync: a failed write fails the WAL', async (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META);
  // Pull the file out from under the WAL: the write gets EBADF.
  fs.closeSync((w as unknown as { fd: number }).fd);
  await assert.rejects(saveAsync(w, hs(1, 0), ents(1, 1), true));
  assert.throws(() => w.save(hs(1, 0), ents(1, 1), true), WalStateError);
});
