// Watch responses built as protobuf bytes by hand, for the hot path of the Watch service.
//
// One store event usually goes to many watchers: it is encoded once (as a complete `events` field of
// etcdserverpb.WatchResponse: tag, length, mvccpb.Event) and the same bytes are reused by every response that
// carries it. A response is then its head (gRPC frame prefix, the header field, watch_id, fragment) followed by
// those event bytes, written by PendingResponse.writeTo into the stream's outgoing buffer: repeated fields of a
// protobuf message may simply be concatenated. Fields are written in
// field-number order and zero values are left out, as protobufjs and Go's encoder do; decoding the bytes gives
// the same message as encoding the equivalent object with the generated codec (watch-encode.test.ts checks it).
import type * as m from '../storage/mvcc/types.ts';

// Tags: (field number << 3) | wire type (0 varint, 2 length-delimited).
const TAG_HEADER = 0x0a; // WatchResponse.header = 1
const TAG_WATCH_ID = 0x10; // WatchResponse.watch_id = 2
const TAG_FRAGMENT = 0x38; // WatchResponse.fragment = 7
const TAG_EVENTS = 0x5a; // WatchResponse.events = 11
const TAG_EV_TYPE = 0x08; // Event.type = 1
const TAG_EV_KV = 0x12; // Event.kv = 2
const TAG_EV_PREV_KV = 0x1a; // Event.prev_kv = 3
const TAG_KV_KEY = 0x0a; // KeyValue.key = 1
const TAG_KV_CREATE = 0x10; // KeyValue.create_revision = 2
const TAG_KV_MOD = 0x18; // KeyValue.mod_revision = 3
const TAG_KV_VERSION = 0x20; // KeyValue.version = 4
const TAG_KV_VALUE = 0x2a; // KeyValue.value = 5
const TAG_KV_LEASE = 0x30; // KeyValue.lease = 6

/** Bytes of a varint holding `v`, a non-negative safe integer. */
function varintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 0x80);
    n++;
  }
  return n;
}

/** Writes `v` (non-negative safe integer) as a varint at `at`; returns the offset after it. */
function putVarint(buf: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    buf[at++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  buf[at++] = v;
  return at;
}

/** An int64 as the varint protobuf writes for it: negative values as their 64-bit two's complement. */
function int64Varint(v: number | bigint): bigint | number {
  if (typeof v === 'number') {
    if (v >= 0) return v;
    return BigInt.asUintN(64, BigInt(v));
  }
  const u = BigInt.asUintN(64, v);
  return u <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(u) : u;
}

function bigVarintSize(v: bigint): number {
  let n = 1;
  while (v >= 0x80n) {
    v >>= 7n;
    n++;
  }
  return n;
}

function putBigVarint(buf: Uint8Array, at: number, v: bigint): number {
  while (v >= 0x80n) {
    buf[at++] = Number(v & 0x7fn) | 0x80;
    v >>= 7n;
  }
  buf[at++] = Number(v);
  return at;
}

function anyVarintSize(v: number | bigint): number {
  return typeof v === 'number' ? varintSize(v) : bigVarintSize(v);
}

function putAnyVarint(buf: Uint8Array, at: number, v: number | bigint): number {
  return typeof v === 'number' ? putVarint(buf, at, v) : putBigVarint(buf, at, v);
}

/** A length-delimited field: tag, length, bytes. Returns the offset after it. */
function putBytesField(buf: Uint8Array, at: number, tag: number, bytes: Uint8Array): number {
  buf[at++] = tag;
  at = putVarint(buf, at, bytes.length);
  buf.set(bytes, at);
  return at + bytes.length;
}

/** An int64 varint field. Returns the offset after it. */
function putInt64Field(buf: Uint8Array, at: number, tag: number, v: number): number {
  buf[at++] = tag;
  return putAnyVarint(buf, at, int64Varint(v));
}

/** Size of an mvccpb.KeyValue's fields (without its own tag and length). */
function kvSize(kv: m.KeyValue, lease: number | bigint): number {
  let n = 0;
  if (kv.key.length > 0) n += 1 + varintSize(kv.key.length) + kv.key.length;
  if (kv.createRevision !== 0) n += 1 + anyVarintSize(int64Varint(kv.createRevision));
  if (kv.modRevision !== 0) n += 1 + anyVarintSize(int64Varint(kv.modRevision));
  if (kv.version !== 0) n += 1 + anyVarintSize(int64Varint(kv.version));
  if (kv.value.length > 0) n += 1 + varintSize(kv.value.length) + kv.value.length;
  if (lease !== 0) n += 1 + anyVarintSize(lease);
  return n;
}

function putKv(buf: Buffer, at: number, kv: m.KeyValue, lease: number | bigint): number {
  if (kv.key.length > 0) at = putBytesField(buf, at, TAG_KV_KEY, kv.key);
  if (kv.createRevision !== 0) at = putInt64Field(buf, at, TAG_KV_CREATE, kv.createRevision);
  if (kv.modRevision !== 0) at = putInt64Field(buf, at, TAG_KV_MOD, kv.modRevision);
  if (kv.version !== 0) at = putInt64Field(buf, at, TAG_KV_VERSION, kv.version);
  if (kv.value.length > 0) at = putBytesField(buf, at, TAG_KV_VALUE, kv.value);
  if (lease !== 0) {
    buf[at++] = TAG_KV_LEASE;
    at = putAnyVarint(buf, at, lease);
  }
  return at;
}

/**
 * A store event as one complete `events` field of a WatchResponse (tag 11, length, the mvccpb.Event). Pieces
 * like this may follow a response head in any number.
 */
export function encodeEventField(ev: m.Event): Buffer {
  const lease = int64Varint(ev.kv.lease);
  const kvLen = kvSize(ev.kv, lease);
  let evLen = 1 + varintSize(kvLen) + kvLen;
  if (ev.type !== 0) evLen += 2;
  let prevLease: number | bigint = 0;
  let prevLen = 0;
  if (ev.prevKv) {
    prevLease = int64Varint(ev.prevKv.lease);
    prevLen = kvSize(ev.prevKv, prevLease);
    evLen += 1 + varintSize(prevLen) + prevLen;
  }
  const buf = Buffer.allocUnsafe(1 + varintSize(evLen) + evLen);
  let at = 0;
  buf[at++] = TAG_EVENTS;
  at = putVarint(buf, at, evLen);
  if (ev.type !== 0) {
    buf[at++] = TAG_EV_TYPE;
    buf[at++] = ev.type;
  }
  buf[at++] = TAG_EV_KV;
  at = putVarint(buf, at, kvLen);
  at = putKv(buf, at, ev.kv, lease);
  if (ev.prevKv) {
    buf[at++] = TAG_EV_PREV_KV;
    at = putVarint(buf, at, prevLen);
    at = putKv(buf, at, ev.prevKv, prevLease);
  }
  if (at !== buf.length) throw new Error(`watch-encode: event size ${buf.length} but wrote ${at}`);
  return buf;
}

/** The encoded event field of `ev`, made once per event object however many watchers send it. */
const fieldOfEvent = new WeakMap<m.Event, Buffer>();
export function eventField(ev: m.Event): Buffer {
  let b = fieldOfEvent.get(ev);
  if (b === undefined) {
    b = encodeEventField(ev);
    fieldOfEvent.set(ev, b);
  }
  return b;
}

/** Bytes of a WatchResponse's fields before its events: header, watch_id, fragment. */
function headSize(header: Uint8Array, watchId: number, fragment: boolean): number {
  let n = 1 + varintSize(header.length) + header.length;
  if (watchId !== 0) n += 1 + anyVarintSize(int64Varint(watchId));
  if (fragment) n += 2;
  return n;
}

/**
 * One WatchResponse (header, watch_id, events, optionally fragment) waiting in a stream's queue. It holds the
 * shared pieces only; its bytes are written straight into the stream's next write (joinFrames), so a delivery to
 * many watchers allocates no buffer per watcher. `header` is an encoded etcdserverpb.ResponseHeader.
 */
export class PendingResponse {
  /** Bytes of the fields before the events. */
  readonly headSize: number;
  /** The gRPC frame's size: 5-byte prefix and message. */
  readonly frameSize: number;

  constructor(
    readonly header: Uint8Array,
    readonly watchId: number,
    readonly events: readonly Buffer[],
    readonly fragment: boolean,
  ) {
    this.headSize = headSize(header, watchId, fragment);
    let len = this.headSize;
    for (const e of events) len += e.length;
    this.frameSize = 5 + len;
  }

  /** Writes the frame at `at`; returns the offset after it. */
  writeTo(buf: Buffer, at: number): number {
    const end = at + this.frameSize;
    buf[at] = 0;
    buf.writeUInt32BE(this.frameSize - 5, at + 1);
    at += 5;
    at = putBytesField(buf, at, TAG_HEADER, this.header);
    if (this.watchId !== 0) at = putInt64Field(buf, at, TAG_WATCH_ID, this.watchId);
    if (this.fragment) {
      buf[at++] = TAG_FRAGMENT;
      buf[at++] = 1;
    }
    for (const e of this.events) {
      buf.set(e, at);
      at += e.length;
    }
    if (at !== end)
      throw new Error(`watch-encode: frame size ${this.frameSize} but wrote ${at - (end - this.frameSize)}`);
    return at;
  }
}

/** What a watch stream queues: a response to build at write time, or a frame already encoded. */
export type QueuedFrame = PendingResponse | Buffer;

export function frameSize(f: QueuedFrame): number {
  return f instanceof PendingResponse ? f.frameSize : f.length;
}

/** The frames, in order, as one buffer (one transport write). */
export function joinFrames(frames: readonly QueuedFrame[]): Buffer {
  if (frames.length === 1 && !(frames[0] instanceof PendingResponse)) return frames[0]!;
  let n = 0;
  for (const f of frames) n += frameSize(f);
  const out = Buffer.allocUnsafe(n);
  let at = 0;
  for (const f of frames) {
    if (f instanceof PendingResponse) at = f.writeTo(out, at);
    else {
      out.set(f, at);
      at += f.length;
    }
  }
  return out;
}

export function watchResponseFrame(
  header: Uint8Array,
  watchId: number,
  events: readonly Buffer[],
  fragment = false,
): PendingResponse {
  return new PendingResponse(header, watchId, events, fragment);
}

/**
 * The responses of one delivery to a watcher. Without `fragment`, one response. With it, as etcd's watch server
 * does: a response of `maxBytes` or more with two events or more is split into responses that each stay under
 * `maxBytes` (a single event may exceed it), every one but the last marked fragment.
 */
export function watchResponseFrames(
  header: Uint8Array,
  watchId: number,
  events: readonly Buffer[],
  fragment: boolean,
  maxBytes: number,
): PendingResponse[] {
  if (!fragment || events.length < 2) return [watchResponseFrame(header, watchId, events)];
  let total = headSize(header, watchId, false);
  for (const e of events) total += e.length;
  if (total < maxBytes) return [watchResponseFrame(header, watchId, events)];
  const base = headSize(header, watchId, true);
  const out: PendingResponse[] = [];
  let cur: Buffer[] = [];
  let size = base;
  for (const e of events) {
    if (cur.length > 0 && size + e.length >= maxBytes) {
      out.push(watchResponseFrame(header, watchId, cur, true));
      cur = [];
      size = base;
    }
    cur.push(e);
    size += e.length;
  }
  out.push(watchResponseFrame(header, watchId, cur, false));
  return out;
}
