// gRPC message framing (a 1-byte compression flag and a 4-byte big-endian length before each protobuf message)
// and a minimal protobuf walker for the few response fields the load generator must look at per message.
// Decoding whole WatchResponses with protobufjs would cost the client more CPU than counting events does.

/** One uncompressed gRPC message frame around an encoded protobuf message. */
export function grpcFrame(message: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(5 + message.length);
  frame[0] = 0;
  frame.writeUInt32BE(message.length, 1);
  frame.set(message, 5);
  return frame;
}

/**
 * Splits a byte stream (HTTP/2 DATA chunks of one gRPC call) into messages. Chunks may end anywhere, even
 * inside the 5-byte prefix; a message is passed on as a view into the chunk when it lies within one chunk.
 */
export class FrameReader {
  private pending: Buffer | null = null;

  constructor(private readonly onMessage: (message: Buffer) => void) {}

  push(chunk: Buffer): void {
    const buf = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    this.pending = null;
    let at = 0;
    while (buf.length - at >= 5) {
      const len = buf.readUInt32BE(at + 1);
      if (buf.length - at - 5 < len) break;
      if (buf[at] !== 0)
        throw new Error('compressed gRPC message received; the load generator asks for none');
      this.onMessage(buf.subarray(at + 5, at + 5 + len));
      at += 5 + len;
    }
    if (at < buf.length) this.pending = Buffer.from(buf.subarray(at));
  }

  /** Bytes received but not yet a whole message. */
  get buffered(): number {
    return this.pending?.length ?? 0;
  }
}

/** Reads a varint at `pos`; returns the value (exact below 2^53) and the position after it. */
function varint(buf: Buffer, pos: number): [number, number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++]!;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, pos];
    scale *= 128;
  }
}

/** Position after the field whose value starts at `pos`, for wire type `wt`; `len` for wire type 2. */
function skip(buf: Buffer, pos: number, wt: number): number {
  switch (wt) {
    case 0:
      return varint(buf, pos)[1];
    case 1:
      return pos + 8;
    case 2: {
      const [len, p] = varint(buf, pos);
      return p + len;
    }
    case 5:
      return pos + 4;
    default:
      throw new Error(`unsupported protobuf wire type ${wt}`);
  }
}

/**
 * Calls `fn(fieldNumber, start, end)` for each length-delimited field of the message in buf[from, to), and
 * `fn(fieldNumber, value, -1)` for each varint field. Other wire types are skipped.
 */
export function eachField(
  buf: Buffer,
  from: number,
  to: number,
  fn: (field: number, a: number, b: number) => void,
): void {
  let pos = from;
  while (pos < to) {
    const [tag, p] = varint(buf, pos);
    const field = Math.floor(tag / 8);
    const wt = tag & 7;
    if (wt === 2) {
      const [len, start] = varint(buf, p);
      fn(field, start, start + len);
      pos = start + len;
    } else if (wt === 0) {
      const [value, next] = varint(buf, p);
      fn(field, value, -1);
      pos = next;
    } else {
      pos = skip(buf, p, wt);
    }
  }
}

// Field numbers from etcd's rpc.proto / kv.proto.
const WATCH_RESPONSE_CREATED = 3;
const WATCH_RESPONSE_CANCELED = 4;
const WATCH_RESPONSE_CANCEL_REASON = 6;
const WATCH_RESPONSE_EVENTS = 11;
const EVENT_KV = 2;
const KV_VALUE = 5;

export interface WatchResponseSummary {
  created: boolean;
  canceled: boolean;
  cancelReason: string;
  /** Number of events carried. */
  events: number;
}

/**
 * Summarises a WatchResponse without decoding it; `onValue(buf, start, end)` sees each event's kv.value
 * (bytes buf[start, end)), where the watch scenarios keep the put's send time.
 */
export function scanWatchResponse(
  msg: Buffer,
  onValue?: (buf: Buffer, start: number, end: number) => void,
): WatchResponseSummary {
  const out: WatchResponseSummary = { created: false, canceled: false, cancelReason: '', events: 0 };
  eachField(msg, 0, msg.length, (field, a, b) => {
    if (field === WATCH_RESPONSE_CREATED && b < 0) out.created = a !== 0;
    else if (field === WATCH_RESPONSE_CANCELED && b < 0) out.canceled = a !== 0;
    else if (field === WATCH_RESPONSE_CANCEL_REASON && b >= 0) out.cancelReason = msg.toString('utf8', a, b);
    else if (field === WATCH_RESPONSE_EVENTS && b >= 0) {
      out.events++;
      if (onValue === undefined) return;
      eachField(msg, a, b, (ef, ea, eb) => {
        if (ef !== EVENT_KV || eb < 0) return;
        eachField(msg, ea, eb, (kf, ka, kb) => {
          if (kf === KV_VALUE && kb >= 0) onValue(msg, ka, kb);
        });
      });
    }
  });
  return out;
}
