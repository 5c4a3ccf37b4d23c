// WAL append throughput against the disk's own fsync rate: `npx tsx bench/wal.ts [--dir PATH] [--seconds S]`.
// For 1, 16 and 256 entries per save() (256-byte entries, mustSync, so one write + one fdatasync per save),
// saves/s (= fdatasyncs/s) and entries/s; then, in the same run and on the same filesystem, a plain loop of
// write + fdatasync of the same number of bytes into a preallocated file: the ceiling for a synced log.
// The ratio WAL / disk says what framing, CRC, protobuf encoding and segment cuts cost. The two are measured
// in alternating short rounds (medians reported), because a shared disk's fsync rate drifts within seconds.
// One row without sync shows the CPU cost alone. Real etcd's WAL has no standalone command to compare with here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Entry } from '../src/api/raft-types.ts';
import { frameSize } from '../src/storage/wal/record.ts';
import { WAL } from '../src/storage/wal/wal.ts';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}

const seconds = Number(arg('seconds', '3'));
const ROUNDS = 5;
const root = fs.mkdtempSync(path.join(arg('dir', os.tmpdir()), 'wal-bench-'));
const DATA = Buffer.alloc(256, 0x61);

/** Runs `op` for one round (seconds / ROUNDS); returns calls per second. */
function rate(op: () => void): number {
  const deadline = performance.now() + (seconds * 1000) / ROUNDS;
  const t0 = performance.now();
  let n = 0;
  while (performance.now() < deadline) {
    op();
    n++;
  }
  return (n * 1000) / (performance.now() - t0);
}

function diskRate(bytes: number): number {
  const file = path.join(root, `disk-${bytes}`);
  const fd = fs.openSync(file, 'w+', 0o600);
  fs.ftruncateSync(fd, 256 * 1024 * 1024);
  fs.fsyncSync(fd);
  const buf = Buffer.alloc(bytes, 0x62);
  let off = 0;
  const r = rate(() => {
    fs.writeSync(fd, buf, 0, bytes, off);
    fs.fdatasyncSync(fd);
    off = (off + bytes) % (200 * 1024 * 1024);
  });
  fs.closeSync(fd);
  fs.rmSync(file);
  return r;
}

function walRate(batch: number, mustSync: boolean): number {
  const dir = path.join(root, `wal-${batch}-${mustSync}`);
  const w = WAL.create(dir, Buffer.from('bench'));
  let next = 1;
  const r = rate(() => {
    const entries: Entry[] = [];
    for (let i = 0; i < batch; i++) entries.push({ term: 1, index: next + i, type: 0, data: DATA });
    next += batch;
    w.save({ term: 1, vote: 1n, commit: next - 1 }, entries, mustSync);
  });
  w.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// Bytes one save writes: the entry frames (protobuf Entry of 256 data bytes ≈ 265 bytes) and a state frame.
const ENTRY_FRAME = frameSize(265);
const STATE_FRAME = frameSize(8);

const rows: string[][] = [];
try {
  console.error(
    `wal bench in ${root}, ${seconds} s per measurement in ${ROUNDS} rounds, node ${process.version}`,
  );
  for (const batch of [1, 16, 256]) {
    const bytes = batch * ENTRY_FRAME + STATE_FRAME;
    const disks: number[] = [];
    const wals: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      disks.push(diskRate(bytes));
      wals.push(walRate(batch, true));
    }
    const disk = median(disks);
    const wal = median(wals);
    console.error(
      `  batch ${batch}: wal ${wal.toFixed(0)} saves/s, disk ${disk.toFixed(0)} write+fdatasync/s`,
    );
    rows.push([
      String(batch),
      'yes',
      wal.toFixed(0),
      (wal * batch).toFixed(0),
      ((wal * bytes) / 1e6).toFixed(1),
      disk.toFixed(0),
      (wal / disk).toFixed(2),
    ]);
  }
  const unsynced = median(Array.from({ length: ROUNDS }, () => walRate(256, false)));
  rows.push([
    '256',
    'no',
    unsynced.toFixed(0),
    (unsynced * 256).toFixed(0),
    ((unsynced * (256 * ENTRY_FRAME + STATE_FRAME)) / 1e6).toFixed(1),
    '-',
    '-',
  ]);
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}

const head = [
  'entries/save',
  'sync',
  'WAL saves/s (= fdatasyncs/s)',
  'entries/s',
  'MB/s',
  'disk write+fdatasync/s (same bytes)',
  'WAL / disk',
];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
