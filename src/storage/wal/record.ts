// WAL record framing and the segment decoder (pure: bytes in, records out; no I/O).
//
// A segment is a sequence of frames, each a multiple of 8 bytes, followed by zeros (preallocated space):
//
//   frame := lenWord body pad
//   lenWord (8 bytes, little endian u64):
//       bits 0..55  bodyLen = 8 + data length
//       byte 7      0x80 | padLen   (padLen 0..7 makes the frame a multiple of 8; 0x80 is always set,
//                                    so an all-zero word can only mean "never written" — end of log)
//   body := crc (u32 LE) · type (u8) · flags (u8) · 2 zero bytes · data
//   pad  := padLen zero bytes
//   flags: WRITE_START on the first frame of each write(2) the WAL makes, WRITE_SYNCED too when that write
//          was followed by fdatasync. They let recovery tell a torn last write from older damage (below).
//
// Like etcd, the length word carries the pad length, so a frame's extent is known before its body is read,
// and CRC-32C is chained: crc(record n) = crc32c(body[4..], crc(record n-1)). The CRC covers type, flags,
// reserved bytes and data; pad and reserved bytes must be zero, so any changed byte of a frame is caught.
// A CRC record (type crc) carries the running CRC instead of covering data; it opens every segment, so a
// segment can be checked against its predecessor (the chain crosses segment boundaries) and read alone.
import { crc32c } from '@node-rs/crc32';
import { WalCorruptError } from './errors.ts';

export const RecordType = {
  metadata: 1,
  entry: 2,
  state: 3,
  crc: 4,
  snapshot: 5,
} as const;
export type RecordType = (typeof RecordType)[keyof typeof RecordType];

const HEADER_BYTES = 8;
const BODY_PREFIX_BYTES = 8;
/** A length word above this is nonsense, whatever the file size: no raft entry comes near it. */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** Unit of atomic writes assumed by the torn-write check (etcd's minSectorSize). */
export const SECTOR_BYTES = 512;

/** Flag bits of a frame (body byte 5). */
export const WRITE_START = 1;
export const WRITE_SYNCED = 2;

export interface WalRecord {
  type: RecordType;
  flags: number;
  /** A view into the decoded buffer: copy it before keeping it past the buffer's life. */
  data: Buffer;
  /** Offset of the frame in its segment. */
  offset: number;
}

/** Bytes that one frame with `dataLen` bytes of data occupies. */
export function frameSize(dataLen: number): number {
  return (HEADER_BYTES + BODY_PREFIX_BYTES + dataLen + 7) & ~7;
}

/**
 * Writes one frame at `out[at..]` (which must have frameSize(data.length) bytes, zero or not) and returns
 * the record's CRC, which is the `prevCrc` of the next record.
 */
export function writeFrame(
  out: Buffer,
  at: number,
  type: RecordType,
  data: Uint8Array,
  prevCrc: number,
  flags = 0,
): number {
  const bodyLen = BODY_PREFIX_BYTES + data.length;
  // The decoder refuses such a length as absurd: never write a record that could not be read back.
  if (bodyLen > MAX_RECORD_BYTES)
    throw new RangeError(`wal: record of ${bodyLen} bytes exceeds the limit of ${MAX_RECORD_BYTES}`);
  const pad = (8 - (bodyLen % 8)) % 8;
  out.writeUInt32LE(bodyLen % 0x1_0000_0000, at);
  out.writeUInt32LE((((0x80 | pad) << 24) | Math.floor(bodyLen / 0x1_0000_0000)) >>> 0, at + 4);
  const body = at + HEADER_BYTES;
  out[body + 4] = type;
  out[body + 5] = flags;
  out[body + 6] = 0;
  out[body + 7] = 0;
  out.set(data, body + BODY_PREFIX_BYTES);
  out.fill(0, body + bodyLen, body + bodyLen + pad);
  const crc = type === RecordType.crc ? prevCrc : crc32c(out.subarray(body + 4, body + bodyLen), prevCrc);
  out.writeUInt32LE(crc >>> 0, body);
  return crc >>> 0;
}

/** One frame as a fresh buffer (tests and small writes). */
export function encodeFrame(
  type: RecordType,
  data: Uint8Array,
  prevCrc: number,
  flags = 0,
): { frame: Buffer; crc: number } {
  const frame = Buffer.alloc(frameSize(data.length));
  const crc = writeFrame(frame, 0, type, data, prevCrc, flags);
  return { frame, crc };
}

export interface DecodeOptions {
  /** Name used in errors. */
  file: string;
  /**
   * The last segment may end in a torn write (crash mid-write): then a damaged final record is reported
   * as `tornAt` instead of an error. Damage in any other segment is always corruption.
   */
  last: boolean;
  /** CRC of the previous segment's last record, to check the chain; undefined for the first one read. */
  prevCrc: number | undefined;
}

export interface DecodedSegment {
  records: WalRecord[];
  /** Offset just past the last good frame: where appending resumes. */
  end: number;
  /** CRC of the last good record (the chain value to continue from). */
  crc: number;
  /** Set when the last segment ends in a torn write: offset of the first damaged frame, and why. */
  torn?: { offset: number; reason: string };
}

const ZEROS = Buffer.alloc(64 * 1024);

/** [from, to) is all zero. Chunked memcmp: the preallocated tail of a segment is tens of MiB of zeros. */
function isZero(buf: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to; at += ZEROS.length) {
    const end = Math.min(to, at + ZEROS.length);
    if (!buf.subarray(at, end).equals(ZEROS.subarray(0, end - at))) return false;
  }
  return true;
}

/** True when [from, to) contains a sector-aligned, all-zero sector: a sector that a torn write never wrote. */
function hasZeroSector(buf: Buffer, from: number, to: number): boolean {
  for (let s = Math.ceil(from / SECTOR_BYTES) * SECTOR_BYTES; s + SECTOR_BYTES <= to; s += SECTOR_BYTES) {
    if (isZero(buf, s, s + SECTOR_BYTES)) return true;
  }
  return false;
}

type Frame =
  | {
      ok: true;
      type: RecordType;
      flags: number;
      storedCrc: number;
      bodyStart: number;
      bodyEnd: number;
      end: number;
    }
  | { ok: false; reason: string; end: number | undefined };

/** Parses the frame at `off` without checking its CRC. `end` is the frame's extent when it can be known. */
function parseFrame(buf: Buffer, off: number): Frame {
  if (buf.length - off < HEADER_BYTES) return { ok: false, reason: 'truncated length word', end: undefined };
  const lo = buf.readUInt32LE(off);
  const hi = buf.readUInt32LE(off + 4);
  const top = hi >>> 24;
  if ((top & 0x80) === 0 || (top & 0x78) !== 0) {
    return {
      ok: false,
      reason: `bad length word 0x${hi.toString(16)}${lo.toString(16).padStart(8, '0')}`,
      end: undefined,
    };
  }
  const pad = top & 7;
  const bodyLen = (hi & 0xffffff) * 0x1_0000_0000 + lo;
  if (bodyLen > MAX_RECORD_BYTES)
    return { ok: false, reason: `absurd record length ${bodyLen}`, end: undefined };
  if (bodyLen < BODY_PREFIX_BYTES || (bodyLen + pad) % 8 !== 0 || pad >= 8) {
    return { ok: false, reason: `bad record length ${bodyLen} with pad ${pad}`, end: undefined };
  }
  const end = off + HEADER_BYTES + bodyLen + pad;
  if (end > buf.length) {
    return {
      ok: false,
      reason: `record of ${bodyLen} bytes runs past the end of the file (${buf.length})`,
      end,
    };
  }
  const bodyStart = off + HEADER_BYTES;
  const bodyEnd = bodyStart + bodyLen;
  const type = buf[bodyStart + 4]!;
  if (type < RecordType.metadata || type > RecordType.snapshot)
    return { ok: false, reason: `unknown record type ${type}`, end };
  const flags = buf[bodyStart + 5]!;
  if (
    flags > (WRITE_START | WRITE_SYNCED) ||
    !isZero(buf, bodyStart + 6, bodyStart + 8) ||
    !isZero(buf, bodyEnd, end)
  ) {
    return { ok: false, reason: 'non-zero reserved or pad bytes', end };
  }
  // A CRC record's own CRC field holds the chain value, so nothing covers its flags: they are fixed (a
  // segment header is always one synced write).
  if (type === RecordType.crc && (bodyLen !== BODY_PREFIX_BYTES || flags !== (WRITE_START | WRITE_SYNCED)))
    return { ok: false, reason: 'malformed crc record', end };
  return {
    ok: true,
    type: type as RecordType,
    flags,
    storedCrc: buf.readUInt32LE(bodyStart),
    bodyStart,
    bodyEnd,
    end,
  };
}

/**
 * After a damaged frame whose extent is unknown or runs past the end: is there a good frame further on
 * that chains from the damaged record's own stored CRC? If so, the damage sits inside the log (a changed
 * length word), not at its torn end.
 */
function validFrameFollows(buf: Buffer, off: number): boolean {
  if (buf.length - off < HEADER_BYTES + 4) return false;
  const chainFrom = buf.readUInt32LE(off + HEADER_BYTES);
  for (let p = off + 8; p + HEADER_BYTES + BODY_PREFIX_BYTES <= buf.length; p += 8) {
    const f = parseFrame(buf, p);
    if (!f.ok || f.type === RecordType.crc) continue;
    if (crc32c(buf.subarray(f.bodyStart + 4, f.bodyEnd), chainFrom) >>> 0 === f.storedCrc) return true;
  }
  return false;
}

/**
 * Walks good frames from `p` (each chaining from the one before, starting at `chain`) and says whether
 * they prove that a write *completed* after the damage: a write-start frame that follows a synced write.
 * `prevSynced` tells whether the write in progress at `p` was synced. The reasoning: a write is only made
 * after the previous save() returned, and a synced save() returns after fdatasync — so once a synced write
 * is followed by another write, everything before it was durable, and damage there is not a torn write.
 */
function laterWriteCompleted(buf: Buffer, p: number, chain: number, prevSynced: boolean): boolean {
  while (p + HEADER_BYTES + BODY_PREFIX_BYTES <= buf.length) {
    const f = parseFrame(buf, p);
    if (!f.ok || f.type === RecordType.crc) return false;
    const got = crc32c(buf.subarray(f.bodyStart + 4, f.bodyEnd), chain) >>> 0;
    if (got !== f.storedCrc) return false;
    if (f.flags & WRITE_START) {
      if (prevSynced) return true;
      prevSynced = (f.flags & WRITE_SYNCED) !== 0;
    }
    chain = got;
    p = f.end;
  }
  return false;
}

/**
 * Like laterWriteCompleted, when the frame boundary after the damage is unknown (zeroed header): tries
 * every 8-byte position from `from` as a frame and follows the chain from its stored CRC.
 */
function laterWriteCompletedAnywhere(buf: Buffer, from: number): boolean {
  for (let p = from; p + HEADER_BYTES + BODY_PREFIX_BYTES <= buf.length; p += 8) {
    const f = parseFrame(buf, p);
    if (!f.ok || f.type === RecordType.crc) continue;
    const synced = (f.flags & WRITE_START) !== 0 && (f.flags & WRITE_SYNCED) !== 0;
    if (laterWriteCompleted(buf, f.end, f.storedCrc, synced)) return true;
  }
  return false;
}

/**
 * Decides whether damage at `off` in the last segment is a torn write (true) or corruption (false).
 * Torn when only zeros follow the damaged frame (the write stopped there), or when the frame holds an
 * all-zero sector (sectors of one write landing out of order on power loss, etcd's test) and nothing
 * after it proves a later write completed. A frame whose extent is unknown is torn when no good frame
 * chained from its stored CRC follows. `prevSynced`: the write the damaged frame belongs to was synced.
 */
function isTornTail(buf: Buffer, off: number, frameEnd: number | undefined, prevSynced: boolean): boolean {
  if (frameEnd === undefined || frameEnd > buf.length) {
    return isZero(buf, off + HEADER_BYTES, buf.length) || !validFrameFollows(buf, off);
  }
  if (isZero(buf, frameEnd, buf.length)) return true;
  if (!hasZeroSector(buf, off, frameEnd)) return false;
  const chain = buf.readUInt32LE(off + HEADER_BYTES);
  // If the damaged frame began a write of its own, the synced flag of the write before says nothing.
  if (buf[off + HEADER_BYTES + 5]! & WRITE_START) prevSynced = false;
  return (
    !laterWriteCompleted(buf, frameEnd, chain, prevSynced) && !laterWriteCompletedAnywhere(buf, frameEnd)
  );
}

/**
 * Decodes every frame of one segment, checking framing, the CRC chain and that the segment opens with a
 * CRC record. Throws WalCorruptError on damage, except a torn tail of the last segment (reported in `torn`).
 * Never allocates more than the records it returns: lengths are checked against the buffer first.
 */
export function decodeSegment(buf: Buffer, opts: DecodeOptions): DecodedSegment {
  const records: WalRecord[] = [];
  let crc = opts.prevCrc ?? 0;
  let off = 0;
  // Whether the write that the next frame continues was synced (segment headers always are).
  let writeSynced = true;
  const fail = (at: number, reason: string, frameEnd: number | undefined): DecodedSegment => {
    if (opts.last && records.length > 0 && isTornTail(buf, at, frameEnd, writeSynced)) {
      return { records, end: at, crc, torn: { offset: at, reason } };
    }
    throw new WalCorruptError(opts.file, at, reason);
  };
  while (off < buf.length) {
    if (isZero(buf, off, Math.min(off + HEADER_BYTES, buf.length))) {
      // Never-written space. Clean end of the log when only zeros follow; otherwise a torn write that
      // left an unwritten sector here, or zeros laid over good records.
      if (isZero(buf, off + 8, buf.length)) break;
      const sectorEnd = Math.min(buf.length, (Math.floor(off / SECTOR_BYTES) + 1) * SECTOR_BYTES);
      if (
        opts.last &&
        records.length > 0 &&
        isZero(buf, off, sectorEnd) &&
        !laterWriteCompletedAnywhere(buf, sectorEnd)
      ) {
        return { records, end: off, crc, torn: { offset: off, reason: 'zero-filled record header' } };
      }
      throw new WalCorruptError(opts.file, off, 'zero-filled record header before more data');
    }
    const f = parseFrame(buf, off);
    if (!f.ok) return fail(off, f.reason, f.end);
    if (records.length === 0 && f.type !== RecordType.crc) {
      throw new WalCorruptError(opts.file, off, 'segment does not start with a crc record');
    }
    if (f.type === RecordType.crc) {
      if (opts.prevCrc !== undefined || records.length > 0) {
        if (f.storedCrc !== crc)
          return fail(off, `crc chain broken: segment carries ${f.storedCrc}, expected ${crc}`, f.end);
      }
      crc = f.storedCrc;
    } else {
      const got = crc32c(buf.subarray(f.bodyStart + 4, f.bodyEnd), crc) >>> 0;
      if (got !== f.storedCrc)
        return fail(off, `crc mismatch: stored ${f.storedCrc}, computed ${got}`, f.end);
      crc = got;
    }
    if (f.flags & WRITE_START) writeSynced = (f.flags & WRITE_SYNCED) !== 0;
    records.push({
      type: f.type,
      flags: f.flags,
      data: buf.subarray(f.bodyStart + BODY_PREFIX_BYTES, f.bodyEnd),
      offset: off,
    });
    off = f.end;
  }
  if (records.length === 0) throw new WalCorruptError(opts.file, 0, 'empty segment');
  return { records, end: off, crc };
}
