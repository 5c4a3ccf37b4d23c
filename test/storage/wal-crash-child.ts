// Child process of the WAL crash tests: recovers the log in <dir> (creating it the first time), then
// appends batches of entries forever, printing `ack <last index>` after each synced save() returns (a
// fifth of the saves are unsynced and not acknowledged) and `snap <index>` after each snapshot marker.
// The parent SIGKILLs it at a random moment.
// Usage: tsx test/storage/wal-crash-child.ts <dir> <segmentBytes> <seed>
import { WAL } from '../../src/storage/wal/wal.ts';
import type { WalSnapshotMarker } from '../../src/storage/wal/wal.ts';
import { crashEntries, mulberry32 } from './wal-crash-harness.ts';

const [dir, segArg, seedArg] = process.argv.slice(2);
if (dir === undefined || segArg === undefined || seedArg === undefined)
  throw new Error('usage: <dir> <segmentBytes> <seed>');
const opts = { segmentBytes: Number(segArg) };
const rng = mulberry32(Number(seedArg));

process.stdout.write('recovering\n');
let wal: WAL;
let last: number;
if (!WAL.exists(dir)) {
  wal = WAL.create(dir, Buffer.from('crash-test'), opts);
  last = 0;
} else {
  const newest = WAL.readSnapshotMarkers(dir).reduce<WalSnapshotMarker>(
    (a, m) => (m.index > a.index ? m : a),
    { index: 0, term: 0 },
  );
  wal = WAL.open(dir, newest, opts);
  const { entries } = wal.readAll();
  last = entries.at(-1)?.index ?? newest.index;
}
// Pipes are written synchronously by Node on Linux: a line is out before the next save starts.
process.stdout.write(`ready ${last}\n`);
let sinceSnap = 0;
for (;;) {
  const n = 1 + Math.floor(rng() * 32);
  // Some saves are not synced (and so not acknowledged): the log then mixes synced and unsynced writes.
  const sync = rng() < 0.8;
  wal.save({ term: 1, vote: 1n, commit: last + n }, crashEntries(last + 1, last + n), sync);
  last += n;
  if (sync) process.stdout.write(`ack ${last}\n`);
  sinceSnap += n;
  if (sinceSnap >= 100 + rng() * 200) {
    wal.saveSnapshot({ index: last, term: 1 });
    process.stdout.write(`snap ${last}\n`);
    wal.releaseLockTo(last);
    sinceSnap = 0;
  }
}
