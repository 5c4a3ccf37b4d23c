// The disk's own durable-write rate: a loop of small overwrites into a preallocated file, each followed by
// fdatasync — what a WAL append costs at the least (etcd's WAL also preallocates its segments). Neither
// server can commit more synced batches per second than this on the same disk.
import { closeSync, fdatasyncSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Histogram, type LatencySummary } from './histogram.ts';

export interface DiskSyncRate {
  syncsPerSec: number;
  latency: LatencySummary;
  blockBytes: number;
}

export function measureDiskSync(dir: string, durationMs = 2000, blockBytes = 4096): DiskSyncRate {
  const file = join(dir, `disk-sync-probe-${process.pid}`);
  const fileBytes = 16 << 20;
  const fd = openSync(file, 'w+');
  try {
    const zero = Buffer.alloc(1 << 20);
    for (let at = 0; at < fileBytes; at += zero.length) writeSync(fd, zero, 0, zero.length, at);
    fsyncSync(fd);
    const block = Buffer.alloc(blockBytes, 0x5a);
    const hist = new Histogram();
    const start = performance.now();
    let pos = 0;
    let n = 0;
    for (;;) {
      const t0 = performance.now();
      writeSync(fd, block, 0, blockBytes, pos);
      fdatasyncSync(fd);
      const t1 = performance.now();
      hist.recordUs((t1 - t0) * 1000);
      n++;
      pos = (pos + blockBytes) % fileBytes;
      if (t1 - start >= durationMs)
        return { syncsPerSec: n / ((t1 - start) / 1000), latency: hist.summary(), blockBytes };
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
}
