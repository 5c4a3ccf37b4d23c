// The wire form of the message stream: each raft message is its protobuf encoding (api/raft-codec.ts)
// behind a 4-byte big-endian length. Messages collected during one event-loop turn go out as one write.

/** Bytes of the length prefix in front of every frame. */
export const FRAME_HEADER_BYTES = 4;

/** Writes `payloads` as consecutive frames into one buffer (one copy, one socket write). */
export function encodeFrames(payloads: readonly Uint8Array[]): Buffer {
  let total = 0;
  for (const p of payloads) total += FRAME_HEADER_BYTES + p.length;
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const p of payloads) {
    out.writeUInt32BE(p.length, at);
    out.set(p, at + FRAME_HEADER_BYTES);
    at += FRAME_HEADER_BYTES + p.length;
  }
  return out;
}

const EMPTY = Buffer.alloc(0);

export class FrameTooLargeError extends Error {
  override name = 'FrameTooLargeError';
}

/**
 * Cuts a byte stream back into frames. Chunks may split a frame anywhere, including inside the length
 * prefix. A frame is handed out as a view into the received bytes when it lies within one chunk (the
 * common case), so decoding costs no extra copy.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the frame being assembled, once its prefix is complete; -1 before that. */
  private need = -1;

  constructor(private readonly maxFrameBytes: number) {}

  /** Bytes received that do not yet form a whole frame. */
  get pendingBytes(): number {
    return this.buffered;
  }

  /** Feeds a chunk; calls onFrame for every frame it completes. Throws FrameTooLargeError on an absurd length. */
  push(chunk: Buffer, onFrame: (payload: Buffer) => void): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < FRAME_HEADER_BYTES) return;
        const len = this.peekLength();
        if (len > this.maxFrameBytes) {
          throw new FrameTooLargeError(`frame of ${len} bytes exceeds the limit of ${this.maxFrameBytes}`);
        }
        this.consume(FRAME_HEADER_BYTES);
        this.need = len;
      }
      if (this.buffered < this.need) return;
      const payload = this.consume(this.need);
      this.need = -1;
      onFrame(payload);
    }
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= FRAME_HEADER_BYTES) return first.readUInt32BE(0);
    const head = Buffer.concat(this.chunks, FRAME_HEADER_BYTES);
    return head.readUInt32BE(0);
  }

  /** Removes and returns the next n buffered bytes (n <= buffered). */
  private consume(n: number): Buffer {
    if (n === 0) return EMPTY;
    this.buffered -= n;
    const first = this.chunks[0]!;
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    if (first.length === n) {
      this.chunks.shift();
      return first;
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const c = this.chunks[0]!;
      const take = Math.min(c.length, n - at);
      c.copy(out, at, 0, take);
      at += take;
      if (take === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(take);
    }
    return out;
  }
}
