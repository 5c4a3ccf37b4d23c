// A revision {main, sub}: `main` grows by one per write txn, `sub` numbers the changes inside it.
// In the backend's key bucket a revision is the key: 8-byte big-endian main, '_', 8-byte big-endian sub
// (17 bytes, so byte order = revision order), plus a trailing 't' when the entry is a tombstone (etcd's
// layout).

export interface Revision {
  readonly main: number;
  readonly sub: number;
}

export const REV_BYTES_LEN = 17;
export const MARKED_REV_BYTES_LEN = 18;
const TOMBSTONE_MARK = 0x74; // 't'

export function compareRev(a: Revision, b: Revision): number {
  return a.main !== b.main ? a.main - b.main : a.sub - b.sub;
}

function writeU64(buf: Buffer, off: number, n: number): void {
  buf.writeUInt32BE(Math.floor(n / 0x1_0000_0000), off);
  buf.writeUInt32BE(n >>> 0, off + 4);
}

function readU64(buf: Uint8Array, off: number): number {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return b.readUInt32BE(off) * 0x1_0000_0000 + b.readUInt32BE(off + 4);
}

export function revToBytes(rev: Revision, tombstone = false): Buffer {
  const buf = Buffer.allocUnsafe(tombstone ? MARKED_REV_BYTES_LEN : REV_BYTES_LEN);
  writeU64(buf, 0, rev.main);
  buf[8] = 0x5f; // '_'
  writeU64(buf, 9, rev.sub);
  if (tombstone) buf[17] = TOMBSTONE_MARK;
  return buf;
}

/** The 8-byte prefix that sorts before every entry of revision `main` and after all of `main - 1`. */
export function mainRevPrefix(main: number): Buffer {
  const buf = Buffer.allocUnsafe(8);
  writeU64(buf, 0, main);
  return buf;
}

export function bytesToRev(b: Uint8Array): Revision {
  return { main: readU64(b, 0), sub: readU64(b, 9) };
}

export function isTombstone(b: Uint8Array): boolean {
  return b.byteLength === MARKED_REV_BYTES_LEN && b[17] === TOMBSTONE_MARK;
}

/** A string usable as a Map/Set key for a revision. */
export function revKey(rev: Revision): string {
  return `${rev.main}_${rev.sub}`;
}
