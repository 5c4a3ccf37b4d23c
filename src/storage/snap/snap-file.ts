// The bytes of one `.snap` file (pure: no I/O). etcd wraps the raft snapshot in a protobuf with a CRC;
// we use a fixed header instead:
//
//   magic "tssnap" · version 0x00 0x01 (8 bytes) · crc32c(payload) u32 LE · payload length u32 LE · payload
//
// payload = raft Snapshot (encodeSnapshot). The length must match the file exactly, so a truncated or
// extended file is caught before the CRC, and nothing is allocated from an untrusted length.
import { crc32c } from '@node-rs/crc32';
import { decodeSnapshot, encodeSnapshot } from '../../api/raft-codec.ts';
import type { Snapshot } from '../../api/raft-types.ts';
import { SnapshotCorruptError } from './errors.ts';

const MAGIC = Buffer.from('tssnap\x00\x01', 'latin1');
const HEADER_BYTES = 16;

export function encodeSnapFile(s: Snapshot): Buffer {
  const payload = encodeSnapshot(s);
  const out = Buffer.allocUnsafe(HEADER_BYTES + payload.length);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(crc32c(payload) >>> 0, 8);
  out.writeUInt32LE(payload.length, 12);
  out.set(payload, HEADER_BYTES);
  return out;
}

/**
 * Checks and decodes a snapshot file. `expect` (from the file name) must match the snapshot's metadata.
 * Throws SnapshotCorruptError and nothing else.
 */
export function decodeSnapFile(
  buf: Uint8Array,
  file: string,
  expect?: { term: number; index: number },
): Snapshot {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.length < HEADER_BYTES) throw new SnapshotCorruptError(file, `file of ${b.length} bytes is too short`);
  if (!b.subarray(0, 8).equals(MAGIC)) throw new SnapshotCorruptError(file, 'bad magic');
  const len = b.readUInt32LE(12);
  if (len !== b.length - HEADER_BYTES) {
    throw new SnapshotCorruptError(
      file,
      `payload length ${len} but ${b.length - HEADER_BYTES} bytes follow the header`,
    );
  }
  const payload = b.subarray(HEADER_BYTES);
  const stored = b.readUInt32LE(8);
  const got = crc32c(payload) >>> 0;
  if (stored !== got) throw new SnapshotCorruptError(file, `crc mismatch: stored ${stored}, computed ${got}`);
  let snap: Snapshot;
  try {
    snap = decodeSnapshot(payload);
  } catch (err) {
    throw new SnapshotCorruptError(file, `undecodable payload: ${(err as Error).message}`);
  }
  if (expect && (snap.metadata.term !== expect.term || snap.metadata.index !== expect.index)) {
    throw new SnapshotCorruptError(
      file,
      `holds term ${snap.metadata.term} index ${snap.metadata.index}, its name says term ${expect.term} index ${expect.index}`,
    );
  }
  return snap;
}
