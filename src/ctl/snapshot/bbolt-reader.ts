// A read-only walker over a bbolt file (etcd's backend format), enough for `snapshot status` on a snapshot
// saved from a real etcd: it visits every top-level bucket and its key/value pairs in key order.
//
// bbolt's on-disk layout (little endian): every page starts with a 16-byte header {id u64, flags u16,
// count u16, overflow u32}. Pages 0 and 1 are meta pages {magic, version, pageSize, flags, root bucket
// {root pgid, sequence}, freelist pgid, high-water pgid, txid, FNV-1a-64 checksum}; the valid one with the
// higher txid is current. Branch pages hold `count` 16-byte elements {pos u32, ksize u32, pgid u64}, leaf
// pages {flags u32, pos u32, ksize u32, vsize u32}, where pos is relative to the element itself. A leaf
// element with flag 1 is a sub-bucket whose value is {root pgid u64, sequence u64}, followed by an inline
// page when root is 0.

const MAGIC = 0xed0cdaed;
const PAGE_HEADER = 16;
const ELEMENT = 16;
const BRANCH = 0x01;
const LEAF = 0x02;
const BUCKET_LEAF = 0x01;

export interface BboltMeta {
  pageSize: number;
  rootPgid: bigint;
  /** High-water page id: the file's used size is pgid × pageSize (bbolt's Tx.Size). */
  pgid: bigint;
  txid: bigint;
}

/** True when `buf` starts like a bbolt file (the first meta page's magic). */
export function isBbolt(buf: Uint8Array): boolean {
  return buf.byteLength >= 24 && Buffer.from(buf.buffer, buf.byteOffset, 24).readUInt32LE(16) === MAGIC;
}

function fnv1a64(b: Buffer): bigint {
  let h = 0xcbf29ce484222325n;
  for (const x of b) h = BigInt.asUintN(64, (h ^ BigInt(x)) * 0x100000001b3n);
  return h;
}

function readMeta(buf: Buffer, off: number): BboltMeta | undefined {
  if (off + 80 > buf.length) return undefined;
  const m = off + PAGE_HEADER;
  if (buf.readUInt32LE(m) !== MAGIC || buf.readUInt32LE(m + 4) !== 2) return undefined;
  if (fnv1a64(buf.subarray(m, m + 56)) !== buf.readBigUInt64LE(m + 56)) return undefined;
  return {
    pageSize: buf.readUInt32LE(m + 8),
    rootPgid: buf.readBigUInt64LE(m + 16),
    pgid: buf.readBigUInt64LE(m + 40),
    txid: buf.readBigUInt64LE(m + 48),
  };
}

export class BboltReader {
  readonly meta: BboltMeta;

  constructor(private readonly buf: Buffer) {
    const m0 = readMeta(buf, 0);
    const m1 = m0 ? readMeta(buf, m0.pageSize) : readMeta(buf, 4096);
    const best = m0 && m1 ? (m1.txid > m0.txid ? m1 : m0) : (m0 ?? m1);
    if (!best) throw new Error('snapshot file is not a valid bbolt database (no valid meta page)');
    this.meta = best;
  }

  /** Top-level bucket names with a walker for each, in byte order. */
  buckets(): Array<{ name: Buffer; forEach(fn: (k: Buffer, v: Buffer) => void): void }> {
    const list: Array<{ name: Buffer; forEach(fn: (k: Buffer, v: Buffer) => void): void }> = [];
    this.walkPage(this.pageAt(this.meta.rootPgid), (k, v, flags) => {
      if ((flags & BUCKET_LEAF) === 0) return;
      list.push({ name: k, forEach: (fn) => this.walkBucket(v, fn) });
    });
    return list;
  }

  private pageAt(pgid: bigint): number {
    const off = Number(pgid) * this.meta.pageSize;
    if (off + PAGE_HEADER > this.buf.length)
      throw new Error(`bbolt: page ${pgid} beyond the end of the file`);
    return off;
  }

  private walkBucket(value: Buffer, fn: (k: Buffer, v: Buffer) => void): void {
    const root = value.readBigUInt64LE(0);
    const visit = (k: Buffer, v: Buffer, flags: number): void => {
      // nested buckets hold no key/value of their own here (etcd has none)
      if ((flags & BUCKET_LEAF) === 0) fn(k, v);
    };
    if (root === 0n) this.walkPage(value.byteOffset + 16 - this.buf.byteOffset, visit, true);
    else this.walkPage(this.pageAt(root), visit);
  }

  /** In-order walk of the subtree at byte offset `off` of the file (an inline page when `inline`). */
  private walkPage(off: number, fn: (k: Buffer, v: Buffer, flags: number) => void, inline = false): void {
    const b = this.buf;
    const flags = b.readUInt16LE(off + 8);
    const count = b.readUInt16LE(off + 10);
    for (let i = 0; i < count; i++) {
      const e = off + PAGE_HEADER + i * ELEMENT;
      if (flags & BRANCH) {
        if (inline) throw new Error('bbolt: branch page inside an inline bucket');
        this.walkPage(this.pageAt(b.readBigUInt64LE(e + 8)), fn);
      } else if (flags & LEAF) {
        const eflags = b.readUInt32LE(e);
        const pos = b.readUInt32LE(e + 4);
        const ksize = b.readUInt32LE(e + 8);
        const vsize = b.readUInt32LE(e + 12);
        const k = b.subarray(e + pos, e + pos + ksize);
        const v = b.subarray(e + pos + ksize, e + pos + ksize + vsize);
        fn(k, v, eflags);
      } else {
        throw new Error(`bbolt: unexpected page flags ${flags} at offset ${off}`);
      }
    }
  }
}
