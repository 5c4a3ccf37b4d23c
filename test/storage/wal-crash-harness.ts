// Shared by the crash test (a few dozen kills in `npm test`) and the soak (`npx tsx
// test/storage/wal-crash-soak.ts --iterations 500`): run the child, SIGKILL it at a random moment, then
// check that every acknowledged entry is in the log and nothing but whole, correct entries is returned.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Entry } from '../../src/api/raft-types.ts';
import {
  decodeSegment,
  encodeFrame,
  RecordType,
  WRITE_START,
  WRITE_SYNCED,
} from '../../src/storage/wal/record.ts';
import { WAL } from '../../src/storage/wal/wal.ts';
import type { WalSnapshotMarker } from '../../src/storage/wal/wal.ts';

export const CRASH_SEGMENT_BYTES = 32 * 1024;
const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(import.meta.dirname, 'wal-crash-child.ts');

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Entry `i`'s bytes are a function of i alone, so a reader can check every one: 1..700 bytes, and 2 MiB
 * for every 97th entry — a big write(2) is where a SIGKILL can land mid-copy and leave a torn tail.
 */
export function crashPayload(i: number): Buffer {
  if (i % 97 === 0) {
    const big = Buffer.alloc(2 * 1024 * 1024, i & 0xff);
    big.writeUInt32LE(i, 0);
    return big;
  }
  const b = Buffer.alloc(1 + ((i * 37) % 700));
  for (let j = 0; j < b.length; j++) b[j] = (i + j * 13) & 0xff;
  return b;
}

export function crashEntries(from: number, to: number): Entry[] {
  const out: Entry[] = [];
  for (let i = from; i <= to; i++) out.push({ term: 1, index: i, type: 0, data: crashPayload(i) });
  return out;
}

/** What the parent has seen acknowledged so far, over all iterations on one directory. */
export interface CrashState {
  maxAck: number;
  maxSnap: number;
  /** Torn tails the parent found and cut when it reopened the log (a kill inside write(2) or in recovery). */
  torn: number;
  /** Torn writes the parent added after a kill (see simulateTornWrite). */
  simulated: number;
  /** Kills that landed before the child was ready (in create, or reading and repairing the log). */
  killedInRecovery: number;
  iterations: number;
}

export interface ChildCommand {
  args: string[];
  cleanup(): void;
}

/**
 * How to start the child. Through tsx a start costs ~1 s on this busy 2-core machine; bundled once with
 * esbuild (tsx's own compiler) into <repo>/tmp/ (git-ignored, so bare imports resolve) it costs a third.
 */
export async function prepareChild(): Promise<ChildCommand> {
  try {
    const esbuild = await import('esbuild');
    const out = path.join(ROOT, 'tmp', `wal-crash-child-${process.pid}.mjs`);
    await esbuild.build({
      entryPoints: [CHILD],
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile: out,
      logLevel: 'silent',
    });
    return { args: [out], cleanup: () => fs.rmSync(out, { force: true }) };
  } catch {
    return { args: ['--import', 'tsx', CHILD], cleanup: () => {} };
  }
}

/**
 * One child run: start, wait for `ready` (or, when `duringRecovery`, for `recovering`: the kill then lands
 * in create or in the reading and repair of the log), let it run `runMs`, SIGKILL, collect acks.
 */
async function runChild(
  cmd: ChildCommand,
  dir: string,
  seed: number,
  runMs: number,
  duringRecovery: boolean,
): Promise<{ acks: number[]; snaps: number[]; ready: boolean }> {
  const child = spawn(process.execPath, [...cmd.args, dir, String(CRASH_SEGMENT_BYTES), String(seed)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let ready = false;
  let timer: NodeJS.Timeout | undefined;
  const trigger = duringRecovery ? 'recovering\n' : 'ready ';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    if (!ready && out.includes('ready ')) ready = true;
    if (timer === undefined && out.includes(trigger)) timer = setTimeout(() => child.kill('SIGKILL'), runMs);
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  // A child that never gets ready (it failed to recover) is killed and reported below.
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((res) =>
    child.on('exit', (c, s) => res([c, s])),
  );
  clearTimeout(guard);
  if (timer) clearTimeout(timer);
  assert.equal(signal, 'SIGKILL', `child exited by itself (code ${code}): ${err.slice(0, 2000)}`);
  assert.ok(ready || duringRecovery, `child never got ready: ${err.slice(0, 2000)}`);
  const lines = out.split('\n').slice(0, -1); // the last piece may be a line cut by the kill
  const pick = (tag: string) =>
    lines.filter((l) => l.startsWith(`${tag} `)).map((l) => Number(l.slice(tag.length + 1)));
  return { acks: pick('ack'), snaps: pick('snap'), ready };
}

/** Reopens the log the way a restarting member would and checks it against what was acknowledged. */
export function verifyLog(dir: string, st: CrashState): { last: number; repaired: boolean } {
  if (!WAL.exists(dir)) {
    // Killed inside the very first create(), before its rename: no log yet, and nothing acknowledged.
    assert.equal(st.maxAck, 0, `acknowledged up to ${st.maxAck} but there is no WAL`);
    return { last: 0, repaired: false };
  }
  const markers = WAL.readSnapshotMarkers(dir);
  const newest = markers.reduce<WalSnapshotMarker>((a, m) => (m.index > a.index ? m : a), {
    index: 0,
    term: 0,
  });
  assert.ok(
    newest.index >= st.maxSnap,
    `newest usable snapshot marker ${newest.index} < acknowledged ${st.maxSnap}`,
  );
  const w = WAL.open(dir, newest, { segmentBytes: CRASH_SEGMENT_BYTES });
  const got = w.readAll();
  w.close();
  let expect = newest.index + 1;
  for (const e of got.entries) {
    assert.equal(e.index, expect, 'entries are contiguous from the snapshot');
    assert.equal(e.term, 1);
    assert.ok(Buffer.from(e.data).equals(crashPayload(e.index)), `entry ${e.index} holds other bytes`);
    expect++;
  }
  const last = expect - 1;
  assert.ok(last >= st.maxAck, `acknowledged up to ${st.maxAck} but the log ends at ${last}`);
  assert.ok(
    got.hardState.commit >= st.maxAck,
    `hard state commit ${got.hardState.commit} < acknowledged ${st.maxAck}`,
  );
  assert.ok(
    got.hardState.commit <= last,
    `hard state commit ${got.hardState.commit} beyond the last entry ${last}`,
  );
  return { last, repaired: got.repaired !== undefined };
}

/**
 * A SIGKILL tears a write only if it lands inside write(2), which is rare; so after some kills the parent
 * appends what a torn write leaves — a prefix of a valid next frame, the rest zeros — to the tail segment,
 * past every acknowledged record. Reopening must cut exactly that off (the payload checks catch any byte of
 * it that would be returned).
 */
export function simulateTornWrite(dir: string, rng: () => number): boolean {
  if (!fs.existsSync(dir)) return false;
  const tail = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.wal'))
    .sort()
    .at(-1);
  if (tail === undefined) return false;
  const file = path.join(dir, tail);
  const seg = decodeSegment(fs.readFileSync(file), { file, last: true, prevCrc: undefined });
  if (seg.torn) return false;
  const data = Buffer.alloc(50 + Math.floor(rng() * 3000));
  for (let i = 0; i < data.length; i++) data[i] = 1 + Math.floor(rng() * 255);
  const { frame } = encodeFrame(RecordType.entry, data, seg.crc, WRITE_START | WRITE_SYNCED);
  // Stop short of the data's end: a frame missing only its zero pad is whole (the file reads zeros there).
  const keep = 1 + Math.floor(rng() * (16 + data.length - 1));
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, frame, 0, keep, seg.end);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

export async function crashIteration(
  cmd: ChildCommand,
  dir: string,
  st: CrashState,
  rng: () => number,
): Promise<void> {
  const seed = Math.floor(rng() * 2 ** 31);
  // Some tears are left for the child's own recovery to cut off (and it may be killed while it does).
  if (rng() < 0.2 && simulateTornWrite(dir, rng)) st.simulated++;
  const duringRecovery = rng() < 0.15;
  const runMs = duringRecovery ? Math.floor(rng() * 40) : Math.floor(rng() * 400);
  const run = await runChild(cmd, dir, seed, runMs, duringRecovery);
  if (duringRecovery && !run.ready) st.killedInRecovery++;
  for (const a of run.acks) st.maxAck = Math.max(st.maxAck, a);
  for (const s of run.snaps) st.maxSnap = Math.max(st.maxSnap, s);
  const tear = rng() < 0.2 && simulateTornWrite(dir, rng);
  const v = verifyLog(dir, st);
  if (tear) {
    assert.ok(v.repaired, 'a simulated torn write was not cut off');
    st.simulated++;
  } else if (v.repaired) st.torn++;
  st.iterations++;
}
