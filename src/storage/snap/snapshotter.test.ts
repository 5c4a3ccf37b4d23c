import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { crc32c } from '@node-rs/crc32';
import type { Snapshot } from '../../api/raft-types.ts';
import { SnapshotCorruptError, SnapshotNotFoundError } from './errors.ts';
import { decodeSnapFile, encodeSnapFile } from './snap-file.ts';
import { snapFileName, Snapshotter } from './snapshotter.ts';
import type { SnapshotWarning } from './snapshotter.ts';

function tmpSnapDir(t: TestContext): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'snap-test-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return path.join(root, 'member', 'snap');
}

function snap(term: number, index: number, data = `state at ${index}`): Snapshot {
  return {
    data: Buffer.from(data),
    metadata: { term, index, confState: { voters: [1n, 0xffffffffffffffffn], learners: [2n] } },
  };
}

function summary(s: Snapshot): [number, number, string, string[]] {
  return [
    s.metadata.term,
    s.metadata.index,
    Buffer.from(s.data).toString(),
    s.metadata.confState.voters.map(String),
  ];
}

test('save then load: same snapshot, etcd file name, 0700 dir and 0600 file, no temp file left', (t) => {
  const dir = tmpSnapDir(t);
  const ss = new Snapshotter(dir);
  assert.equal(ss.save(snap(2, 0x1234)), '0000000000000002-0000000000001234.snap');
  assert.equal(ss.save(snap(0, 0)), undefined, 'an empty snapshot is not written');
  assert.deepEqual(fs.readdirSync(dir), ['0000000000000002-0000000000001234.snap']);
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  assert.equal(fs.statSync(path.join(dir, snapFileName(2, 0x1234))).mode & 0o777, 0o600);
  assert.deepEqual(summary(ss.loadNewest()), summary(snap(2, 0x1234)));
  assert.deepEqual(ss.loadNewest().metadata.confState, snap(2, 0x1234).metadata.confState);
});

test('loadNewest picks the highest (term, index) and skips a broken file with a warning', (t) => {
  const dir = tmpSnapDir(t);
  const warnings: SnapshotWarning[] = [];
  const ss = new Snapshotter(dir, { onWarning: (w) => warnings.push(w) });
  ss.save(snap(1, 100));
  ss.save(snap(2, 50));
  ss.save(snap(2, 80));
  assert.deepEqual(ss.names(), [snapFileName(2, 80), snapFileName(2, 50), snapFileName(1, 100)]);
  assert.equal(ss.loadNewest().metadata.index, 80);
  assert.equal(warnings.length, 0);

  const newest = path.join(dir, snapFileName(2, 80));
  const b = fs.readFileSync(newest);
  b[b.length - 3]! ^= 0x10;
  fs.writeFileSync(newest, b);
  assert.equal(ss.loadNewest().metadata.index, 50);
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0]!.file, newest);
  assert.match(warnings[0]!.reason, /crc mismatch/);
  assert.equal(warnings[0]!.renamedTo, `${newest}.broken`);
  assert.ok(fs.existsSync(`${newest}.broken`), 'broken file kept aside');
  assert.equal(ss.loadNewest().metadata.index, 50, 'not tried again');
  assert.equal(warnings.length, 1);
});

test('no snapshot, or only broken ones: SnapshotNotFoundError', (t) => {
  const dir = tmpSnapDir(t);
  const warnings: SnapshotWarning[] = [];
  const ss = new Snapshotter(dir, { onWarning: (w) => warnings.push(w) });
  assert.throws(() => ss.loadNewest(), SnapshotNotFoundError);
  fs.writeFileSync(path.join(dir, snapFileName(1, 5)), '');
  ss.save(snap(1, 3));
  fs.truncateSync(path.join(dir, snapFileName(1, 3)), 20);
  assert.throws(() => ss.loadNewest(), SnapshotNotFoundError);
  assert.equal(warnings.length, 2);
});

test('a file whose content does not match its name is not used', (t) => {
  const dir = tmpSnapDir(t);
  const warnings: SnapshotWarning[] = [];
  const ss = new Snapshotter(dir, { onWarning: (w) => warnings.push(w) });
  ss.save(snap(1, 10));
  fs.renameSync(path.join(dir, snapFileName(1, 10)), path.join(dir, snapFileName(1, 20)));
  assert.throws(() => ss.loadNewest(), SnapshotNotFoundError);
  assert.match(warnings[0]!.reason, /name says term 1 index 20/);
});

test('loadNewestAvailable: the newest snapshot the WAL has a marker for', (t) => {
  const dir = tmpSnapDir(t);
  const ss = new Snapshotter(dir);
  ss.save(snap(1, 10));
  ss.save(snap(1, 20));
  ss.save(snap(2, 30));
  const markers = [
    { index: 0, term: 0 },
    { index: 10, term: 1 },
    { index: 20, term: 1 },
    { index: 30, term: 1 },
  ];
  // 30 is known with term 1 only, so the file of term 2 does not match; 20 does.
  assert.equal(ss.loadNewestAvailable(markers).metadata.index, 20);
  assert.equal(ss.loadNewestAvailable([...markers, { index: 30, term: 2 }]).metadata.index, 30);
  assert.throws(() => ss.loadNewestAvailable([{ index: 0, term: 0 }]), SnapshotNotFoundError);
  assert.equal(fs.readdirSync(dir).length, 3, 'files not matched are left alone');
});

test('purge keeps the newest files; a leftover temp file is removed on start', (t) => {
  const dir = tmpSnapDir(t);
  const ss = new Snapshotter(dir);
  for (let i = 1; i <= 7; i++) ss.save(snap(1, i * 10));
  assert.deepEqual(ss.purge(3), [
    snapFileName(1, 40),
    snapFileName(1, 30),
    snapFileName(1, 20),
    snapFileName(1, 10),
  ]);
  assert.deepEqual(ss.names(), [snapFileName(1, 70), snapFileName(1, 60), snapFileName(1, 50)]);
  fs.writeFileSync(path.join(dir, `${snapFileName(1, 80)}.tmp`), 'half written');
  const again = new Snapshotter(dir);
  assert.deepEqual(fs.readdirSync(dir).sort(), again.names().sort());
  assert.equal(again.loadNewest().metadata.index, 70);
});

test('every single changed byte of a snapshot file is detected', () => {
  const good = encodeSnapFile(snap(3, 77, 'x'.repeat(50)));
  assert.deepEqual(
    summary(decodeSnapFile(good, 'f', { term: 3, index: 77 })),
    summary(snap(3, 77, 'x'.repeat(50))),
  );
  for (let i = 0; i < good.length; i++) {
    const bad = Buffer.from(good);
    bad[i]! ^= 0x04;
    assert.throws(() => decodeSnapFile(bad, 'f'), SnapshotCorruptError, `byte ${i}`);
  }
});

// Fuzz: SnapshotCorruptError is the only failure, whatever the bytes (10,000 cases in all).
function checkDecode(bytes: Uint8Array): void {
  try {
    const s = decodeSnapFile(bytes, 'fuzz');
    assert.ok(s.data.length <= bytes.length, 'no data beyond the file');
  } catch (err) {
    if (!(err instanceof SnapshotCorruptError)) throw err;
  }
}

test('fuzz: random bytes and random payloads behind a valid header', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => checkDecode(bytes)),
    { numRuns: 4000 },
  );
  // A valid header and CRC over random bytes reaches the protobuf decoder itself.
  const header = encodeSnapFile(snap(1, 1)).subarray(0, 8);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 512 }), (payload) => {
      const b = Buffer.alloc(16 + payload.length);
      header.copy(b, 0);
      b.writeUInt32LE(crc32c(payload) >>> 0, 8);
      b.writeUInt32LE(payload.length, 12);
      b.set(payload, 16);
      checkDecode(b);
    }),
    { numRuns: 3000 },
  );
});

test('fuzz: mutated valid files', () => {
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 200 }),
      fc.array(fc.record({ at: fc.nat(), v: fc.integer({ min: 0, max: 255 }), cut: fc.boolean() }), {
        minLength: 1,
        maxLength: 4,
      }),
      (data, muts) => {
        let b: Buffer = encodeSnapFile({
          data,
          metadata: { term: 5, index: 9, confState: { voters: [3n], learners: [] } },
        });
        for (const m of muts) {
          if (m.cut) b = b.subarray(0, m.at % (b.length + 1));
          else if (b.length > 0) b = Buffer.from(b).fill(m.v, m.at % b.length, (m.at % b.length) + 1);
        }
        checkDecode(b);
      },
    ),
    { numRuns: 3000 },
  );
});
