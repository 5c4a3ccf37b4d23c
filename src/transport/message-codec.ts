// raftpb.Message on the peer streams, encoded and decoded by hand. Every raft message between members
// passes here (a MsgApp per follower per Ready, the acks back), and the generic codec (api/raft-codec.ts
// over protobufjs) builds a Long object per 64-bit field and an intermediate object per entry. The bytes
// are plain proto3 (raftpb.proto): either codec reads what the other writes; raft-codec stays the
// reference, and message-codec.test.ts checks the two against each other. The snapshot field, rare and
// large, goes through raft-codec.
//
// The decoder refuses a message or entry type outside raftpb's enums (a newer or garbled peer) with a
// RangeError, like any other malformed frame: raft never steps a message it cannot interpret.
import { decodeSnapshot, encodeSnapshot } from '../api/raft-codec.ts';
import { EntryType, MessageType, type Entry, type Message } from '../api/raft-types.ts';
import { writeVarint } from '../api/varint.ts';
import { newMessage } from '../raft/util.ts';

// Field keys: (field number << 3) | wire type.
const M_TYPE = 0x08;
const M_TO = 0x10;
const M_FROM = 0x18;
const M_TERM = 0x20;
const M_LOG_TERM = 0x28;
const M_INDEX = 0x30;
const M_ENTRIES = 0x3a;
const M_COMMIT = 0x40;
const M_SNAPSHOT = 0x4a;
const M_REJECT = 0x50;
const M_REJECT_HINT = 0x58;
const M_CONTEXT = 0x62;
const E_TYPE = 0x08;
const E_TERM = 0x10;
const E_INDEX = 0x18;
const E_DATA = 0x22;

// ------------------------------------------------------------------ encode

/** Bytes of the varint of a safe non-negative integer. */
function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x20_0000) return 3;
  if (n < 0x1000_0000) return 4;
  let size = 4;
  for (let rest = Math.floor(n / 0x1000_0000); rest > 0; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

function checkSafe(n: number, field: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a safe non-negative integer`);
}

/** Varint bytes of member IDs (a handful per cluster), computed once each. */
const idVarints = new Map<bigint, Uint8Array>();

function idVarint(id: bigint): Uint8Array {
  let b = idVarints.get(id);
  if (b !== undefined) return b;
  if (id < 0n || id >= 1n << 64n) throw new RangeError(`uint64 out of range: ${id}`);
  const bytes: number[] = [];
  let v = id;
  while (v >= 0x80n) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  b = Uint8Array.from(bytes);
  if (idVarints.size < 4096) idVarints.set(id, b);
  return b;
}

function entryBodySize(e: Entry): number {
  let n = 0;
  if (e.type !== 0) n += 1 + varintSize(e.type);
  if (e.term !== 0) n += 1 + varintSize(e.term);
  if (e.index !== 0) n += 1 + varintSize(e.index);
  if (e.data.length > 0) n += 1 + varintSize(e.data.length) + e.data.length;
  return n;
}

export function encodeRaftMessage(m: Message): Uint8Array {
  for (const [v, f] of [
    [m.term, 'term'],
    [m.logTerm, 'logTerm'],
    [m.index, 'index'],
    [m.commit, 'commit'],
    [m.rejectHint, 'rejectHint'],
  ] as const) {
    checkSafe(v, f);
  }
  const to = m.to === 0n ? undefined : idVarint(m.to);
  const from = m.from === 0n ? undefined : idVarint(m.from);
  const snapshot = m.snapshot !== undefined ? encodeSnapshot(m.snapshot) : undefined;
  const ctx = m.context !== undefined && m.context.length > 0 ? m.context : undefined;
  let size = 0;
  if (m.type !== 0) size += 1 + varintSize(m.type);
  if (to !== undefined) size += 1 + to.length;
  if (from !== undefined) size += 1 + from.length;
  if (m.term !== 0) size += 1 + varintSize(m.term);
  if (m.logTerm !== 0) size += 1 + varintSize(m.logTerm);
  if (m.index !== 0) size += 1 + varintSize(m.index);
  const ents = m.entries;
  const bodySizes = new Array<number>(ents.length);
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i]!;
    checkSafe(e.term, 'entry term');
    checkSafe(e.index, 'entry index');
    const s = entryBodySize(e);
    bodySizes[i] = s;
    size += 1 + varintSize(s) + s;
  }
  if (m.commit !== 0) size += 1 + varintSize(m.commit);
  if (snapshot !== undefined) size += 1 + varintSize(snapshot.length) + snapshot.length;
  if (m.reject) size += 2;
  if (m.rejectHint !== 0) size += 1 + varintSize(m.rejectHint);
  if (ctx !== undefined) size += 1 + varintSize(ctx.length) + ctx.length;

  const buf = Buffer.allocUnsafe(size);
  let p = 0;
  if (m.type !== 0) {
    buf[p++] = M_TYPE;
    p = writeVarint(buf, p, m.type);
  }
  if (to !== undefined) {
    buf[p++] = M_TO;
    buf.set(to, p);
    p += to.length;
  }
  if (from !== undefined) {
    buf[p++] = M_FROM;
    buf.set(from, p);
    p += from.length;
  }
  if (m.term !== 0) {
    buf[p++] = M_TERM;
    p = writeVarint(buf, p, m.term);
  }
  if (m.logTerm !== 0) {
    buf[p++] = M_LOG_TERM;
    p = writeVarint(buf, p, m.logTerm);
  }
  if (m.index !== 0) {
    buf[p++] = M_INDEX;
    p = writeVarint(buf, p, m.index);
  }
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i]!;
    buf[p++] = M_ENTRIES;
    p = writeVarint(buf, p, bodySizes[i]!);
    if (e.type !== 0) {
      buf[p++] = E_TYPE;
      p = writeVarint(buf, p, e.type);
    }
    if (e.term !== 0) {
      buf[p++] = E_TERM;
      p = writeVarint(buf, p, e.term);
    }
    if (e.index !== 0) {
      buf[p++] = E_INDEX;
      p = writeVarint(buf, p, e.index);
    }
    if (e.data.length > 0) {
      buf[p++] = E_DATA;
      p = writeVarint(buf, p, e.data.length);
      buf.set(e.data, p);
      p += e.data.length;
    }
  }
  if (m.commit !== 0) {
    buf[p++] = M_COMMIT;
    p = writeVarint(buf, p, m.commit);
  }
  if (snapshot !== undefined) {
    buf[p++] = M_SNAPSHOT;
    p = writeVarint(buf, p, snapshot.length);
    buf.set(snapshot, p);
    p += snapshot.length;
  }
  if (m.reject) {
    buf[p++] = M_REJECT;
    buf[p++] = 1;
  }
  if (m.rejectHint !== 0) {
    buf[p++] = M_REJECT_HINT;
    p = writeVarint(buf, p, m.rejectHint);
  }
  if (ctx !== undefined) {
    buf[p++] = M_CONTEXT;
    p = writeVarint(buf, p, ctx.length);
    buf.set(ctx, p);
    p += ctx.length;
  }
  if (p !== size) throw new Error(`raft message encoder wrote ${p} of ${size} bytes`);
  return buf;
}

// ------------------------------------------------------------------ decode

const EMPTY = new Uint8Array(0);

/** Largest MessageType / EntryType value raftpb defines (tsetcd, like etcd 3.4's server, never uses
 * EntryConfChangeV2 = 2: entries carry ConfChange v1 only). */
const MAX_MESSAGE_TYPE = Math.max(...Object.values(MessageType));
const MAX_ENTRY_TYPE = Math.max(...Object.values(EntryType));

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    readonly end: number,
  ) {
    this.pos = start;
  }

  /** A varint as a number; RangeError when it does not fit in 53 bits. */
  number(field: string): number {
    const buf = this.buf;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new RangeError('raft message: truncated varint');
      const b = buf[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) throw new RangeError(`${field} does not fit in 53 bits`);
        return result;
      }
      scale *= 0x80;
    }
    throw new RangeError('raft message: varint longer than 10 bytes');
  }

  /** A uint64 varint as a bigint (member IDs); the last few are remembered by their bytes. */
  id(): bigint {
    const start = this.pos;
    const buf = this.buf;
    while (true) {
      if (this.pos >= this.end || this.pos - start >= 10) throw new RangeError('raft message: bad varint');
      if (buf[this.pos++]! < 0x80) break;
    }
    const len = this.pos - start;
    for (const c of idCache) {
      if (c.bytes.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) {
        if (c.bytes[i] !== buf[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return c.id;
    }
    let v = 0n;
    for (let i = len - 1; i >= 0; i--) v = (v << 7n) | BigInt(buf[start + i]! & 0x7f);
    v &= (1n << 64n) - 1n;
    idCache.unshift({ bytes: buf.slice(start, this.pos), id: v });
    if (idCache.length > 16) idCache.pop();
    return v;
  }

  /** Start and end of a length-delimited field's bytes. */
  span(): [number, number] {
    const len = this.number('length');
    const start = this.pos;
    const end = start + len;
    if (end > this.end) throw new RangeError('raft message: field runs past the end');
    this.pos = end;
    return [start, end];
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.number('skipped varint');
        return;
      case 1:
        this.pos += 8;
        break;
      case 2:
        this.span();
        return;
      case 5:
        this.pos += 4;
        break;
      default:
        throw new RangeError(`raft message: invalid wire type ${wireType}`);
    }
    if (this.pos > this.end) throw new RangeError('raft message: field runs past the end');
  }
}

const idCache: { bytes: Uint8Array; id: bigint }[] = [];

function decodeEntry(buf: Uint8Array, start: number, end: number): Entry {
  const r = new Reader(buf, start, end);
  let type = 0;
  let term = 0;
  let index = 0;
  let data: Uint8Array = EMPTY;
  while (r.pos < end) {
    const key = r.number('key');
    switch (key) {
      case E_TYPE:
        type = r.number('entry type');
        if (type > MAX_ENTRY_TYPE) throw new RangeError(`raft message: unknown entry type ${type}`);
        break;
      case E_TERM:
        term = r.number('entry term');
        break;
      case E_INDEX:
        index = r.number('entry index');
        break;
      case E_DATA: {
        const [s, e] = r.span();
        data = buf.subarray(s, e);
        break;
      }
      default:
        r.skip(key & 7);
    }
  }
  return { term, index, type: type as EntryType, data };
}

export function decodeRaftMessage(buf: Uint8Array): Message {
  const r = new Reader(buf, 0, buf.length);
  const m = newMessage(0 as MessageType, 0n, 0n, 0);
  while (r.pos < buf.length) {
    const key = r.number('key');
    switch (key) {
      case M_TYPE: {
        const type = r.number('type');
        if (type > MAX_MESSAGE_TYPE) throw new RangeError(`raft message: unknown message type ${type}`);
        m.type = type as MessageType;
        break;
      }
      case M_TO:
        m.to = r.id();
        break;
      case M_FROM:
        m.from = r.id();
        break;
      case M_TERM:
        m.term = r.number('term');
        break;
      case M_LOG_TERM:
        m.logTerm = r.number('logTerm');
        break;
      case M_INDEX:
        m.index = r.number('index');
        break;
      case M_ENTRIES: {
        const [s, e] = r.span();
        m.entries.push(decodeEntry(buf, s, e));
        break;
      }
      case M_COMMIT:
        m.commit = r.number('commit');
        break;
      case M_SNAPSHOT: {
        const [s, e] = r.span();
        m.snapshot = decodeSnapshot(buf.subarray(s, e));
        break;
      }
      case M_REJECT:
        m.reject = r.number('reject') !== 0;
        break;
      case M_REJECT_HINT:
        m.rejectHint = r.number('rejectHint');
        break;
      case M_CONTEXT: {
        const [s, e] = r.span();
        m.context = e > s ? buf.subarray(s, e) : undefined;
        break;
      }
      default:
        r.skip(key & 7);
    }
  }
  return m;
}
