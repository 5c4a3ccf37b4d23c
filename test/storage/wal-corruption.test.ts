// Damage to WAL files on disk: what is a torn tail gets cut off and the log goes on; anything else is a
// WalCorruptError naming the file and the offset of the damaged record.
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry } from '../../src/api/raft-types.ts';
import { WalCorruptError } from '../../src/storage/wal/errors.ts';
import { decodeSegment, encodeFrame, RecordType, SECTOR_BYTES } from '../../src/storage/wal/record.ts';
import type { WalRecord } from '../../src/storage/wal/record.ts';
import { WAL } from '../../src/storage/wal/wal.ts';

const META = Buffer.from('meta');
const SEGMENT = 64 * 1024;

function tmpWalDir(t: TestContext): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wal-corrupt-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  return path.join(root, 'wal');
}

/** Entry data that is never zero, so only our damage makes zeros. */
function ents(from: number, to: number, size = 100): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) {
    const data = Buffer.alloc(size);
    for (let j = 0; j < size; j++) data[j] = ((i * 7 + j) % 250) + 1;
    out.push({ term: 1, index: i, type: 0, data });
  }
  return out;
}

/** A log of `batches` saves of `per` entries; returns the directory and its segment paths. */
function makeLog(
  t: TestContext,
  batches: number,
  per: number,
  size = 100,
  segmentBytes = SEGMENT,
): { dir: string; files: string[] } {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META, { segmentBytes });
  for (let b = 0; b < batches; b++)
    w.save({ term: 1, vote: 1n, commit: (b + 1) * per }, ents(b * per + 1, (b + 1) * per, size), true);
  w.close();
  const files = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.wal'))
    .sort()
    .map((n) => path.join(dir, n));
  return { dir, files };
}

function recordsOf(file: string): WalRecord[] {
  return decodeSegment(fs.readFileSync(file), { file, last: true, prevCrc: undefined }).records;
}

function entryRecords(file: string): WalRecord[] {
  return recordsOf(file).filter((r) => r.type === RecordType.entry);
}

function patch(file: string, offset: number, bytes: Buffer): void {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, bytes, 0, bytes.length, offset);
  fs.closeSync(fd);
}

function readAll(dir: string) {
  const w = WAL.open(dir, { index: 0, term: 0 }, { segmentBytes: SEGMENT });
  return { w, got: w.readAll() };
}

function indexes(es: Entry[]): number[] {
  return es.map((e) => e.index);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

test('a flipped byte in the middle of the log is an error naming file and offset', (t) => {
  const { dir, files } = makeLog(t, 10, 5);
  assert.equal(files.length, 1);
  const victim = entryRecords(files[0]!)[20]!;
  const at = victim.offset + 8 + 8 + 50;
  patch(files[0]!, at, Buffer.from([fs.readFileSync(files[0]!)[at]! ^ 0x20]));
  assert.throws(
    () => readAll(dir),
    (e: unknown) =>
      e instanceof WalCorruptError &&
      e.file === files[0] &&
      e.offset === victim.offset &&
      /crc mismatch/.test(e.reason),
  );
});

test('damage in a sealed (non-last) segment is an error, even in its last record', (t) => {
  const { dir, files } = makeLog(t, 40, 10, 200, 8192);
  assert.ok(files.length >= 3, `${files.length} segments`);
  const victim = entryRecords(files[1]!).at(-1)!;
  patch(files[1]!, victim.offset + 20, Buffer.from([0]));
  assert.throws(
    () => readAll(dir),
    (e: unknown) => e instanceof WalCorruptError && e.file === files[1] && e.offset === victim.offset,
  );
});

test('a log cut off in the middle of its last record is repaired, and appending goes on', (t) => {
  const { dir, files } = makeLog(t, 4, 5);
  const last = entryRecords(files[0]!).at(-1)!;
  fs.truncateSync(files[0]!, last.offset + 40);
  const { w, got } = readAll(dir);
  assert.deepEqual(indexes(got.entries), range(1, 19));
  assert.deepEqual(got.repaired && [got.repaired.file, got.repaired.offset], [files[0], last.offset]);
  assert.equal(got.hardState.commit, 15, 'the state record after the torn entry is gone too');
  w.save({ term: 1, vote: 1n, commit: 25 }, ents(20, 25), true);
  w.close();
  const again = readAll(dir);
  assert.deepEqual(indexes(again.got.entries), range(1, 25));
  assert.equal(again.got.repaired, undefined);
  assert.equal(again.got.hardState.commit, 25);
  again.w.close();
});

test('a zero-filled tail (write that never reached the disk) is repaired', (t) => {
  const { dir, files } = makeLog(t, 4, 5);
  const recs = entryRecords(files[0]!);
  const from = recs[17]!.offset + 30; // inside entry 18: its end and the rest of the batch are zeros
  const size = fs.statSync(files[0]!).size;
  patch(files[0]!, from, Buffer.alloc(size - from));
  const { w, got } = readAll(dir);
  assert.deepEqual(indexes(got.entries), range(1, 17));
  assert.equal(got.repaired?.offset, recs[17]!.offset);
  w.close();
});

test('a torn batch with an unwritten sector but later records present is repaired (power-loss tear)', (t) => {
  // Entries of 2 KiB hold whole sectors. Zero one sector inside the first entry of the last batch,
  // leaving the rest of the batch on disk, as a disk that reorders sector writes may.
  const { dir, files } = makeLog(t, 3, 4, 2048);
  const recs = entryRecords(files[0]!);
  const victim = recs[8]!;
  const sector = Math.ceil((victim.offset + 64) / SECTOR_BYTES) * SECTOR_BYTES;
  patch(files[0]!, sector, Buffer.alloc(SECTOR_BYTES));
  const { w, got } = readAll(dir);
  assert.deepEqual(indexes(got.entries), range(1, 8));
  assert.equal(got.repaired?.offset, victim.offset);
  w.close();
});

test('a flipped byte in the very last record of the last segment counts as torn and is cut off', (t) => {
  const { dir, files } = makeLog(t, 3, 5);
  const all = recordsOf(files[0]!);
  const lastRec = all.at(-1)!;
  assert.equal(lastRec.type, RecordType.state);
  patch(files[0]!, lastRec.offset + 17, Buffer.from([0x55]));
  const { w, got } = readAll(dir);
  assert.deepEqual(indexes(got.entries), range(1, 15));
  assert.equal(got.hardState.commit, 10, 'the damaged state record is not used');
  w.close();
});

test('an absurd length word: torn at the very end, an error in the middle, never an allocation', (t) => {
  const huge = Buffer.alloc(8);
  huge.writeBigUInt64LE((1n << 55n) | (0x80n << 56n));
  const before = process.memoryUsage().arrayBuffers;

  const tail = makeLog(t, 4, 5);
  const stateRec = recordsOf(tail.files[0]!).at(-1)!;
  patch(tail.files[0]!, stateRec.offset, huge);
  const a = readAll(tail.dir);
  assert.deepEqual(indexes(a.got.entries), range(1, 20));
  assert.match(a.got.repaired?.reason ?? '', /absurd/);
  a.w.close();

  const mid = makeLog(t, 4, 5);
  const victim = entryRecords(mid.files[0]!)[7]!;
  patch(mid.files[0]!, victim.offset, huge);
  assert.throws(
    () => readAll(mid.dir),
    (e: unknown) => e instanceof WalCorruptError && e.offset === victim.offset && /absurd/.test(e.reason),
  );

  // A length that fits the limits but runs past the end of the file, in the middle: also an error.
  const mid2 = makeLog(t, 4, 5);
  const victim2 = entryRecords(mid2.files[0]!)[3]!;
  const long = Buffer.alloc(8);
  long.writeBigUInt64LE(BigInt(SEGMENT * 4) | (0x80n << 56n));
  patch(mid2.files[0]!, victim2.offset, long);
  assert.throws(
    () => readAll(mid2.dir),
    (e: unknown) => e instanceof WalCorruptError && e.offset === victim2.offset,
  );

  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 32 * 1024 * 1024, `array buffers grew by ${grown} bytes`);
});

test('a record whose CRC is right but whose entry does not decode is a typed error', (t) => {
  const { dir, files } = makeLog(t, 2, 3);
  const seg = decodeSegment(fs.readFileSync(files[0]!), { file: files[0]!, last: true, prevCrc: undefined });
  // 0xff… is a varint that never ends: protobuf refuses it.
  const { frame } = encodeFrame(RecordType.entry, Buffer.alloc(12, 0xff), seg.crc);
  patch(files[0]!, seg.end, frame);
  assert.throws(
    () => readAll(dir),
    (e: unknown) => e instanceof WalCorruptError && e.offset === seg.end && /undecodable/.test(e.reason),
  );
});

test('repair is idempotent: reopening a repaired log twice changes nothing', (t) => {
  const { dir, files } = makeLog(t, 4, 5);
  const last = entryRecords(files[0]!).at(-1)!;
  fs.truncateSync(files[0]!, last.offset + 12);
  const first = readAll(dir);
  first.w.close();
  const second = readAll(dir);
  assert.deepEqual(indexes(second.got.entries), indexes(first.got.entries));
  assert.equal(second.got.repaired, undefined);
  assert.equal(fs.statSync(files[0]!).size, SEGMENT, 'preallocated again after the cut');
  second.w.close();
});

// Write flags (record.ts): a write that follows a completed synced write proves everything before was
// durable, so a never-written sector there is damage, not a torn write.

function zeroSectorIn(file: string, rec: WalRecord): void {
  const sector = Math.ceil((rec.offset + 64) / SECTOR_BYTES) * SECTOR_BYTES;
  assert.ok(sector + SECTOR_BYTES <= rec.offset + rec.data.length, 'the record holds a whole sector');
  patch(file, sector, Buffer.alloc(SECTOR_BYTES));
}

test('a zero sector in a record followed by completed synced writes is corruption, not a tear', (t) => {
  const { dir, files } = makeLog(t, 5, 4, 2048);
  const victim = entryRecords(files[0]!)[5]!; // entry 6, in the second of five synced writes
  zeroSectorIn(files[0]!, victim);
  assert.throws(
    () => readAll(dir),
    (e: unknown) => e instanceof WalCorruptError && e.file === files[0] && e.offset === victim.offset,
  );
});

test('unsynced writes may land out of order: a hole in one, only later unfinished writes after it, is torn', (t) => {
  const dir = tmpWalDir(t);
  const w = WAL.create(dir, META, { segmentBytes: SEGMENT });
  w.save({ term: 1, vote: 1n, commit: 4 }, ents(1, 4, 2048), true);
  w.save(undefined, ents(5, 8, 2048), false); // A: not synced
  w.save(undefined, ents(9, 12, 2048), false); // B: not synced either
  w.save({ term: 1, vote: 1n, commit: 16 }, ents(13, 16, 2048), true); // C: power lost during its fdatasync
  w.close();
  const file = path.join(dir, fs.readdirSync(dir)[0]!);
  const victim = entryRecords(file)[5]!; // entry 6, in A
  zeroSectorIn(file, victim);
  const { w: r, got } = readAll(dir);
  assert.deepEqual(indexes(got.entries), range(1, 5));
  assert.equal(got.repaired?.offset, victim.offset);
  r.close();
});

test('a zeroed record header in the middle of the last segment, with later writes, is corruption', (t) => {
  const { dir, files } = makeLog(t, 6, 4, 700);
  const victim = entryRecords(files[0]!)[6]!;
  const end = (Math.floor(victim.offset / SECTOR_BYTES) + 2) * SECTOR_BYTES;
  patch(files[0]!, victim.offset, Buffer.alloc(end - victim.offset));
  assert.throws(
    () => readAll(dir),
    (e: unknown) =>
      e instanceof WalCorruptError && e.offset === victim.offset && /zero-filled/.test(e.reason),
  );
});
