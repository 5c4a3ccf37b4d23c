// The write-ahead log: raft's hard state and entries, made durable before anything is sent (persist before
// send, Raft paper §5 / Figure 2). Layout and semantics follow etcd's wal package.
//
// API
//   WAL.exists(dir)                      true when dir holds at least one segment
//   WAL.create(dir, metadata, opts?)     new log (built in `${dir}.tmp`, then renamed), in append mode
//   WAL.open(dir, {index, term}, opts?)  log positioned at a snapshot; call readAll() next
//   wal.readAll()                        {metadata, hardState, entries after the snapshot, repaired?};
//                                        repairs a torn tail, then the log is in append mode
//   wal.save(hardState|undefined, entries, mustSync)   one write, and one fdatasync when mustSync
//   wal.saveAsync(hardState|undefined, entries, mustSync, done)   the same, the fdatasync off the event
//                                        loop (libuv's thread pool); one at a time; done(err) once durable
//   wal.saveSnapshot({index, term, confState?})        snapshot marker, always synced
//   wal.releaseLockTo(index)             deletes segments wholly before the one holding `index`
//   wal.sync(), wal.close()
//   WAL.readSnapshotMarkers(dir)         read-only: markers whose index <= the last commit (to pick a snap file)
//
// Segments: `<dir>/%016x-%016x.wal` (sequence, first index), preallocated to `segmentBytes` (64 MiB) with
// ftruncate, which reads back as zeros: an all-zero length word is the end of the log (see record.ts). A
// segment starts with a CRC record (the chain value of its predecessor), a metadata record and, for the
// first, the empty snapshot marker or, for later ones, the current hard state. When a save leaves the tail
// at or beyond segmentBytes, the tail is truncated to its data and synced, and the next segment is built as
// `<name>.tmp`, synced, renamed and the directory synced: a crash never leaves a half-made segment.
//
// Recovery: damage in the last segment that looks like a torn write is cut off on readAll() and reported
// in `repaired`: zeros follow the damaged frame, or the frame runs past the end with nothing valid after
// it, or it holds a never-written (all-zero) sector and no later write provably completed (record.ts: each
// write's first frame says whether it was synced; a synced write followed by another write was durable).
// Any other damage is a WalCorruptError naming file and offset. What cannot be told apart: damage to the
// last write(s) since the last completed sync, or to the very last record, is taken as a torn write, even
// if that write had been acknowledged and a disk changed it later (etcd makes the same call).
//
// Not done: no inter-process lock on the directory (Node has no flock); callers must not open one
// directory from two processes.
import fs from 'node:fs';
import path from 'node:path';
import {
  decodeEntry,
  decodeHardState,
  decodeSnapshot,
  encodeEntry,
  encodeHardState,
  encodeSnapshot,
} from '../../api/raft-codec.ts';
import type { ConfState, Entry, HardState } from '../../api/raft-types.ts';
import { emptyHardState } from '../../api/raft-types.ts';
import {
  WalCorruptError,
  WalExistsError,
  WalMetadataConflictError,
  WalNotFoundError,
  WalSnapshotMismatchError,
  WalSnapshotNotFoundError,
  WalStateError,
} from './errors.ts';
import { DIR_MODE, FILE_MODE, fsyncDir, mkdirPrivate, writeAllSync } from './file-util.ts';
import { decodeSegment, frameSize, RecordType, WRITE_START, WRITE_SYNCED, writeFrame } from './record.ts';
import type { WalRecord } from './record.ts';
import { searchIndex, segmentFileName, sortSegmentNames } from './segment-name.ts';
import type { SegmentName } from './segment-name.ts';
import { FAILPOINTS, slowFsync } from '../../server/failpoints.ts';

export const DEFAULT_SEGMENT_BYTES = 64 * 1024 * 1024;

export interface WalOptions {
  /** Size at which a segment is cut and to which new segments are preallocated. Small in tests. */
  segmentBytes?: number;
}

export interface WalSnapshotMarker {
  index: number;
  term: number;
  confState?: ConfState;
}

export interface WalContents {
  metadata: Uint8Array;
  hardState: HardState;
  /** Entries after the snapshot index, contiguous, later writes of an index replacing earlier ones. */
  entries: Entry[];
  /** Set when a torn tail was cut off: where, and what was wrong with it. */
  repaired?: { file: string; offset: number; reason: string };
}

type Mode = 'read' | 'append' | 'closed' | 'failed';

const EMPTY_CONF: ConfState = { voters: [], learners: [] };

function encodeMarker(m: WalSnapshotMarker): Uint8Array {
  return encodeSnapshot({
    data: new Uint8Array(0),
    metadata: { index: m.index, term: m.term, confState: m.confState ?? EMPTY_CONF },
  });
}

function decodeMarker(data: Uint8Array): WalSnapshotMarker {
  const s = decodeSnapshot(data);
  return { index: s.metadata.index, term: s.metadata.term, confState: s.metadata.confState };
}

/** Runs a codec on CRC-checked bytes; a failure there is still corruption, reported with its place. */
function decodeChecked<T>(file: string, rec: WalRecord, decode: (b: Uint8Array) => T): T {
  try {
    // A copy, so decoded values do not pin the whole segment buffer.
    return decode(Uint8Array.prototype.slice.call(rec.data));
  } catch (err) {
    throw new WalCorruptError(file, rec.offset, `undecodable record: ${(err as Error).message}`);
  }
}

function listSegments(dir: string): SegmentName[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return sortSegmentNames(names);
}

function checkContiguous(dir: string, segs: readonly SegmentName[]): void {
  for (let i = 1; i < segs.length; i++) {
    if (segs[i]!.seq !== segs[i - 1]!.seq + 1) {
      throw new WalCorruptError(
        path.join(dir, segs[i]!.name),
        0,
        `segment sequence gap after ${segs[i - 1]!.name}`,
      );
    }
  }
}

export class WAL {
  private mode: Mode;
  private readonly segmentBytes: number;
  /** Every segment in the directory, oldest first; the last is the tail being appended to. */
  private segments: SegmentName[];
  /** The segments readAll() reads: from the one holding the snapshot index to the tail. */
  private readonly readFrom: number;
  private readonly start: { index: number; term: number };
  private fd = -1;
  private offset = 0;
  /** The tail's bytes below this offset are durable: covered by a completed fdatasync (or read at open). */
  private syncedOffset = 0;
  private crc = 0;
  private lastIndex = 0;
  private metadata: Uint8Array = new Uint8Array(0);
  private hardState: HardState = { ...emptyHardState };
  /** A saveAsync is in flight: nothing else may write, and close() is deferred to its end. */
  private writing = false;
  private closeAfterWrite = false;

  private constructor(
    readonly dir: string,
    segments: SegmentName[],
    readFrom: number,
    start: { index: number; term: number },
    opts: WalOptions,
  ) {
    this.segmentBytes = opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.segments = segments;
    this.readFrom = readFrom;
    this.start = start;
    this.mode = 'read';
  }

  static exists(dir: string): boolean {
    return listSegments(dir).length > 0;
  }

  static create(dir: string, metadata: Uint8Array, opts: WalOptions = {}): WAL {
    if (WAL.exists(dir)) throw new WalExistsError(`wal: ${dir} already holds a WAL`);
    const tmpDir = `${dir}.tmp`;
    fs.rmSync(tmpDir, { recursive: true, force: true });
    mkdirPrivate(tmpDir);
    fs.chmodSync(tmpDir, DIR_MODE);
    const first = { name: segmentFileName(0, 0), seq: 0, index: 0 };
    const segmentBytes = opts.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    const fd = fs.openSync(path.join(tmpDir, first.name), 'w+', FILE_MODE);
    let header: { buf: Buffer; crc: number };
    try {
      fs.ftruncateSync(fd, segmentBytes);
      header = buildFrames(
        [
          [RecordType.crc, new Uint8Array(0)],
          [RecordType.metadata, metadata],
          [RecordType.snapshot, encodeMarker({ index: 0, term: 0 })],
        ],
        0,
        true,
      );
      writeAllSync(fd, header.buf, 0);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fsyncDir(tmpDir);
    // rename(2) replaces an empty directory, so a data-dir helper may have made `dir` already.
    mkdirPrivate(path.dirname(dir));
    fs.renameSync(tmpDir, dir);
    fsyncDir(path.dirname(dir));

    const wal = new WAL(dir, [first], 0, { index: 0, term: 0 }, opts);
    wal.metadata = Uint8Array.prototype.slice.call(metadata);
    wal.fd = fs.openSync(path.join(dir, first.name), 'r+');
    wal.offset = wal.syncedOffset = header.buf.length;
    wal.crc = header.crc;
    wal.mode = 'append';
    return wal;
  }

  /** Positions a WAL at snapshot `from` ({index: 0, term: 0} when there is none). Reads nothing yet. */
  static open(dir: string, from: { index: number; term: number }, opts: WalOptions = {}): WAL {
    const segs = listSegments(dir);
    if (segs.length === 0) throw new WalNotFoundError(`wal: no WAL in ${dir}`);
    const i = searchIndex(segs, from.index);
    if (i < 0) throw new WalNotFoundError(`wal: no segment in ${dir} covers snapshot index ${from.index}`);
    checkContiguous(dir, segs.slice(i));
    // Leftovers of a cut that crashed before its rename; never part of the log.
    for (const n of fs.readdirSync(dir))
      if (n.endsWith('.wal.tmp')) fs.rmSync(path.join(dir, n), { force: true });
    return new WAL(dir, segs, i, { index: from.index, term: from.term }, opts);
  }

  /**
   * Snapshot markers that are safe to load a snapshot file for: index <= the last hard state's commit
   * (a marker beyond it may belong to a log that raft would still truncate). Read-only; a torn tail is
   * simply where reading stops.
   */
  static readSnapshotMarkers(dir: string): WalSnapshotMarker[] {
    const segs = listSegments(dir);
    if (segs.length === 0) throw new WalNotFoundError(`wal: no WAL in ${dir}`);
    checkContiguous(dir, segs);
    const markers: WalSnapshotMarker[] = [];
    let hs: HardState = emptyHardState;
    let prevCrc: number | undefined;
    segs.forEach((s, i) => {
      const file = path.join(dir, s.name);
      const seg = decodeSegment(fs.readFileSync(file), { file, last: i === segs.length - 1, prevCrc });
      prevCrc = seg.crc;
      for (const rec of seg.records) {
        if (rec.type === RecordType.snapshot) markers.push(decodeChecked(file, rec, decodeMarker));
        else if (rec.type === RecordType.state) hs = decodeChecked(file, rec, decodeHardState);
      }
    });
    return markers.filter((m) => m.index <= hs.commit);
  }

  /** Reads the log from the snapshot on, repairs a torn tail, and switches to append mode. */
  readAll(): WalContents {
    if (this.mode !== 'read') throw new WalStateError(`wal: readAll() in ${this.mode} mode`);
    const segs = this.segments.slice(this.readFrom);
    const entries: Entry[] = [];
    let metadata: Uint8Array | undefined;
    let hs: HardState = { ...emptyHardState };
    let matched = false;
    let prevCrc: number | undefined;
    let torn: WalContents['repaired'];
    let tailEnd = 0;
    for (let i = 0; i < segs.length; i++) {
      const file = path.join(this.dir, segs[i]!.name);
      const last = i === segs.length - 1;
      const seg = decodeSegment(fs.readFileSync(file), { file, last, prevCrc });
      prevCrc = seg.crc;
      if (seg.torn) torn = { file, ...seg.torn };
      if (last) tailEnd = seg.end;
      for (const rec of seg.records) {
        switch (rec.type) {
          case RecordType.metadata:
            if (metadata !== undefined && Buffer.compare(metadata, rec.data) !== 0) {
              throw new WalMetadataConflictError(
                `wal: conflicting metadata in ${file} at offset ${rec.offset}`,
              );
            }
            metadata ??= Uint8Array.prototype.slice.call(rec.data);
            break;
          case RecordType.entry: {
            const e = decodeChecked(file, rec, decodeEntry);
            if (e.index <= this.start.index) break;
            // Raft may rewrite an uncommitted tail (§5.3): a later record for index i replaces i and after.
            const at = e.index - this.start.index - 1;
            if (at > entries.length) {
              const want = this.start.index + entries.length + 1;
              throw new WalCorruptError(
                file,
                rec.offset,
                `entry index ${e.index} leaves a gap (expected <= ${want})`,
              );
            }
            entries.length = at;
            entries.push(e);
            break;
          }
          case RecordType.state:
            hs = decodeChecked(file, rec, decodeHardState);
            break;
          case RecordType.snapshot: {
            const m = decodeChecked(file, rec, decodeMarker);
            if (m.index === this.start.index) {
              if (m.term !== this.start.term) {
                throw new WalSnapshotMismatchError(
                  `wal: snapshot at index ${m.index} has term ${m.term} in the log, ${this.start.term} asked`,
                );
              }
              matched = true;
            }
            break;
          }
          case RecordType.crc:
            break;
        }
      }
    }
    if (metadata === undefined) throw new WalCorruptError(this.dir, 0, 'no metadata record');
    if (!matched) {
      throw new WalSnapshotNotFoundError(
        `wal: no snapshot marker for index ${this.start.index} term ${this.start.term} in ${this.dir}`,
      );
    }

    const tail = this.segments[this.segments.length - 1]!;
    const tailPath = path.join(this.dir, tail.name);
    this.fd = fs.openSync(tailPath, 'r+');
    // Truncating then extending zero-fills whatever a torn write left after the good records.
    if (torn) fs.ftruncateSync(this.fd, tailEnd);
    if (fs.fstatSync(this.fd).size < this.segmentBytes) fs.ftruncateSync(this.fd, this.segmentBytes);
    if (torn) fs.fsyncSync(this.fd);
    this.offset = this.syncedOffset = tailEnd;
    this.crc = prevCrc ?? 0;
    this.metadata = metadata;
    this.hardState = hs;
    this.lastIndex = entries.length > 0 ? entries[entries.length - 1]!.index : this.start.index;
    this.mode = 'append';
    const out: WalContents = { metadata, hardState: hs, entries };
    if (torn) out.repaired = torn;
    return out;
  }

  /**
   * Appends `entries` (then `hardState`, so a torn batch never has a commit beyond its entries) with one
   * write, and makes it durable with one fdatasync when `mustSync` — group commit: the server calls this
   * once per raft Ready. Returns only when the data is on disk (mustSync) or in the page cache.
   */
  save(hardState: HardState | undefined, entries: readonly Entry[], mustSync: boolean): void {
    this.mustAppend();
    if (hardState === undefined && entries.length === 0) return;
    this.append(saveItems(hardState, entries), mustSync);
    if (entries.length > 0) this.lastIndex = entries[entries.length - 1]!.index;
    if (hardState !== undefined) this.hardState = { ...hardState };
    this.cutIfFull();
  }

  /**
   * save() without blocking the event loop on the disk: the fdatasync runs on libuv's thread pool, and
   * `done` is called (never synchronously) once the data is durable (mustSync) or in the page cache, or
   * with the error that failed the WAL. One save at a time: nothing may write until `done` ran. The bytes
   * and their place are fixed now, so the log's order is the order of the calls.
   */
  saveAsync(
    hardState: HardState | undefined,
    entries: readonly Entry[],
    mustSync: boolean,
    done: (err: Error | null) => void,
  ): void {
    this.mustAppend();
    if (hardState === undefined && entries.length === 0) {
      process.nextTick(done, null);
      return;
    }
    const { buf, crc } = buildFrames(saveItems(hardState, entries), this.crc, mustSync);
    const fd = this.fd;
    const pos = this.offset;
    this.writing = true;
    this.offset += buf.length;
    this.crc = crc;
    if (entries.length > 0) this.lastIndex = entries[entries.length - 1]!.index;
    if (hardState !== undefined) this.hardState = { ...hardState };
    const finish = (err: Error | null): void => {
      this.writing = false;
      if (!err && mustSync && this.fd === fd) this.syncedOffset = pos + buf.length;
      if (err) {
        if (this.mode === 'append') this.mode = 'failed';
      } else if (this.mode === 'append') {
        try {
          this.cutIfFull();
        } catch (e) {
          err = e as Error;
        }
      }
      if (this.closeAfterWrite) {
        this.closeAfterWrite = false;
        this.closeFd(fd, err === null);
      }
      done(err);
    };
    // The write(2) itself only copies into the page cache: done here, it saves a thread-pool round trip
    // (on a loaded machine each hop waits for a core). The fdatasync is what takes the disk's time.
    try {
      writeAllSync(fd, buf, pos);
    } catch (err) {
      process.nextTick(finish, err as Error);
      return;
    }
    if (mustSync) fs.fdatasync(fd, FAILPOINTS ? slowFsync(finish) : finish);
    else process.nextTick(finish, null);
  }

  /** True while a saveAsync has not finished. */
  get saving(): boolean {
    return this.writing;
  }

  /** Records that a snapshot at (index, term) exists; always synced (etcd does the same). */
  saveSnapshot(marker: WalSnapshotMarker): void {
    this.mustAppend();
    this.append([[RecordType.snapshot, encodeMarker(marker)]], true);
    if (marker.index > this.lastIndex) this.lastIndex = marker.index;
    this.cutIfFull();
  }

  /**
   * Deletes the segments that hold nothing at or after `index` (etcd's ReleaseLockTo + purge): the
   * segments before the last one whose first index is below `index`. The tail is always kept. Call it with
   * the index of a snapshot whose marker is saved. Returns the names deleted.
   */
  releaseLockTo(index: number): string[] {
    this.mustAppend();
    let keepFrom = this.segments.findIndex((s) => s.index >= index) - 1;
    if (keepFrom < -1) keepFrom = this.segments.length - 1;
    if (keepFrom <= 0) return [];
    const gone = this.segments.slice(0, keepFrom);
    // Oldest first, so a crash midway leaves a contiguous run of segments.
    for (const s of gone) fs.rmSync(path.join(this.dir, s.name), { force: true });
    fsyncDir(this.dir);
    this.segments = this.segments.slice(keepFrom);
    return gone.map((s) => s.name);
  }

  /** fdatasync of the tail. */
  sync(): void {
    this.mustAppend();
    this.guard(() => fs.fdatasyncSync(this.fd));
    this.syncedOffset = this.offset;
  }

  /**
   * The tail segment's path, the offset its last completed fdatasync covers and the offset written to: what
   * a power cut now would keep and lose (test-only failpoint powerLoss).
   */
  get durableTail(): { file: string; synced: number; written: number } {
    const tail = this.segments[this.segments.length - 1]!;
    return { file: path.join(this.dir, tail.name), synced: this.syncedOffset, written: this.offset };
  }

  /** Syncs and closes; with a saveAsync in flight, the file is synced and closed when it ends. */
  close(): void {
    if (this.mode === 'closed') return;
    const fd = this.fd;
    const wasAppending = this.mode === 'append';
    this.mode = 'closed';
    this.fd = -1;
    if (this.writing) {
      this.closeAfterWrite = true;
      return;
    }
    this.closeFd(fd, wasAppending);
  }

  private closeFd(fd: number, sync: boolean): void {
    if (fd < 0) return;
    try {
      if (sync) fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Index of the last entry or snapshot marker saved; a new segment is named after lastIndex + 1. */
  get lastSavedIndex(): number {
    return this.lastIndex;
  }

  /** Names of the live segments, oldest first. */
  get segmentNames(): string[] {
    return this.segments.map((s) => s.name);
  }

  private mustAppend(): void {
    if (this.writing) throw new WalStateError('wal: a saveAsync is still in flight');
    if (this.mode !== 'append') {
      throw new WalStateError(
        this.mode === 'read' ? 'wal: call readAll() before appending' : `wal: the WAL is ${this.mode}`,
      );
    }
  }

  /**
   * After a failed write or fsync the page cache state is unknown (an fsync error may have dropped dirty
   * pages), so the WAL refuses further use; the member must restart and recover from disk.
   */
  private guard(op: () => void): void {
    try {
      op();
    } catch (err) {
      this.mode = 'failed';
      throw err;
    }
  }

  private append(items: [RecordType, Uint8Array][], mustSync: boolean): void {
    const { buf, crc } = buildFrames(items, this.crc, mustSync);
    this.guard(() => {
      writeAllSync(this.fd, buf, this.offset);
      if (mustSync) fs.fdatasyncSync(this.fd);
    });
    this.offset += buf.length;
    if (mustSync) this.syncedOffset = this.offset;
    this.crc = crc;
  }

  private cutIfFull(): void {
    if (this.offset < this.segmentBytes) return;
    this.guard(() => this.cut());
  }

  private cut(): void {
    // Seal the tail at its data, so only the last segment can ever end in preallocated zeros.
    fs.ftruncateSync(this.fd, this.offset);
    fs.fsyncSync(this.fd);
    const prev = this.segments[this.segments.length - 1]!;
    const next: SegmentName = {
      name: segmentFileName(prev.seq + 1, this.lastIndex + 1),
      seq: prev.seq + 1,
      index: this.lastIndex + 1,
    };
    const finalPath = path.join(this.dir, next.name);
    const tmpPath = `${finalPath}.tmp`;
    const fd = fs.openSync(tmpPath, 'w+', FILE_MODE);
    let header: { buf: Buffer; crc: number };
    try {
      fs.ftruncateSync(fd, this.segmentBytes);
      header = buildFrames(
        [
          [RecordType.crc, new Uint8Array(0)],
          [RecordType.metadata, this.metadata],
          [RecordType.state, encodeHardState(this.hardState)],
        ],
        this.crc,
        true,
      );
      writeAllSync(fd, header.buf, 0);
      fs.fsyncSync(fd);
      fs.renameSync(tmpPath, finalPath);
      fsyncDir(this.dir);
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
    fs.closeSync(this.fd);
    this.fd = fd;
    this.offset = this.syncedOffset = header.buf.length;
    this.crc = header.crc;
    this.segments.push(next);
  }
}

function saveItems(hardState: HardState | undefined, entries: readonly Entry[]): [RecordType, Uint8Array][] {
  const items: [RecordType, Uint8Array][] = entries.map((e) => [RecordType.entry, encodeEntry(e)]);
  if (hardState !== undefined) items.push([RecordType.state, encodeHardState(hardState)]);
  return items;
}

/**
 * Frames `items` back to back in one buffer, chaining CRCs from `prevCrc`. The buffer is written with one
 * write(2); its first frame is flagged as a write start, and as synced when fdatasync follows the write.
 */
function buildFrames(
  items: readonly [RecordType, Uint8Array][],
  prevCrc: number,
  synced: boolean,
): { buf: Buffer; crc: number } {
  let size = 0;
  for (const [, data] of items) size += frameSize(data.length);
  // Every byte is written by writeFrame (header, body, pad), so unsafe allocation leaks nothing.
  const buf = Buffer.allocUnsafe(size);
  let at = 0;
  let crc = prevCrc;
  let flags = WRITE_START | (synced ? WRITE_SYNCED : 0);
  for (const [type, data] of items) {
    crc = writeFrame(buf, at, type, data, crc, flags);
    flags = 0;
    at += frameSize(data.length);
  }
  return { buf, crc };
}
