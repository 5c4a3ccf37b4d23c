// The WAL and the snap files together, the way a member restarts: pick the newest snapshot file the WAL
// has a marker for, open the WAL at it, and replay the entries after it.
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry, Snapshot } from '../../src/api/raft-types.ts';
import { Snapshotter } from '../../src/storage/snap/snapshotter.ts';
import type { SnapshotWarning } from '../../src/storage/snap/snapshotter.ts';
import { WAL } from '../../src/storage/wal/wal.ts';

function dataDir(t: TestContext): { walDir: string; snapDir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'restart-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return { walDir: path.join(root, 'member', 'wal'), snapDir: path.join(root, 'member', 'snap') };
}

function ents(from: number, to: number): Entry[] {
  return Array.from({ length: to - from + 1 }, (_, k) => ({
    term: 2,
    index: from + k,
    type: 0 as const,
    data: Buffer.from(`e${from + k}`),
  }));
}

function snapAt(index: number): Snapshot {
  return {
    data: Buffer.from(`state@${index}`),
    metadata: { index, term: 2, confState: { voters: [1n], learners: [] } },
  };
}

/** etcd's order: the snap file first, then the WAL marker, so a marker never points at a missing file. */
function takeSnapshot(w: WAL, ss: Snapshotter, index: number): void {
  ss.save(snapAt(index));
  w.saveSnapshot({ index, term: 2, confState: { voters: [1n], learners: [] } });
  w.releaseLockTo(index);
}

function restart(
  walDir: string,
  ss: Snapshotter,
): { snap: Snapshot | undefined; entries: Entry[]; commit: number } {
  let snap: Snapshot | undefined;
  try {
    snap = ss.loadNewestAvailable(WAL.readSnapshotMarkers(walDir));
  } catch {
    snap = undefined;
  }
  const w = WAL.open(walDir, snap ? snap.metadata : { index: 0, term: 0 }, { segmentBytes: 4096 });
  const got = w.readAll();
  w.close();
  return { snap, entries: got.entries, commit: got.hardState.commit };
}

test('restart from the newest snapshot the WAL knows, replaying the entries after it', (t) => {
  const { walDir, snapDir } = dataDir(t);
  const ss = new Snapshotter(snapDir);
  const w = WAL.create(walDir, Buffer.from('m'), { segmentBytes: 4096 });
  for (let i = 1; i <= 400; i += 20) {
    w.save({ term: 2, vote: 1n, commit: i + 19 }, ents(i, i + 19), true);
    if (i % 100 === 1 && i > 1) takeSnapshot(w, ss, i - 1);
  }
  w.close();
  const r = restart(walDir, ss);
  assert.equal(r.snap?.metadata.index, 300);
  assert.equal(Buffer.from(r.snap!.data).toString(), 'state@300');
  assert.deepEqual(
    r.entries.map((e) => e.index),
    Array.from({ length: 100 }, (_, k) => 301 + k),
  );
  assert.equal(r.commit, 400);
});

test('a snap file whose WAL marker never got written (crash in between) is passed over', (t) => {
  const { walDir, snapDir } = dataDir(t);
  const ss = new Snapshotter(snapDir);
  const w = WAL.create(walDir, Buffer.from('m'), { segmentBytes: 4096 });
  w.save({ term: 2, vote: 1n, commit: 50 }, ents(1, 50), true);
  takeSnapshot(w, ss, 40);
  w.save({ term: 2, vote: 1n, commit: 80 }, ents(51, 80), true);
  ss.save(snapAt(70)); // the crash comes before w.saveSnapshot(70)
  w.close();
  const r = restart(walDir, ss);
  assert.equal(r.snap?.metadata.index, 40);
  assert.equal(r.entries[0]?.index, 41);
  assert.equal(r.entries.at(-1)?.index, 80);
});

test('a broken newest snap file falls back to an older one that the WAL still covers', (t) => {
  const { walDir, snapDir } = dataDir(t);
  const warnings: SnapshotWarning[] = [];
  const ss = new Snapshotter(snapDir, { onWarning: (x) => warnings.push(x) });
  const w = WAL.create(walDir, Buffer.from('m'), { segmentBytes: 1 << 20 });
  w.save({ term: 2, vote: 1n, commit: 30 }, ents(1, 30), true);
  ss.save(snapAt(10));
  w.saveSnapshot({ index: 10, term: 2 });
  ss.save(snapAt(20));
  w.saveSnapshot({ index: 20, term: 2 });
  w.close();
  const newest = path.join(snapDir, ss.names()[0]!);
  fs.writeFileSync(newest, fs.readFileSync(newest).subarray(0, 10));
  const r = restart(walDir, ss);
  assert.equal(r.snap?.metadata.index, 10);
  assert.equal(r.entries[0]?.index, 11);
  assert.equal(warnings.length, 1);
});
