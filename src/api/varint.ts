// Protobuf base-128 varints of safe non-negative integers (JS numbers up to 2^53 - 1), shared by the
// hand-written encoders on hot paths (raft entries, stored KeyValues, KV replies, peer messages).

/** Bytes the varint of `n` takes. */
export function varintLen(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    len++;
  }
  return len;
}

/** Writes the varint of `n` at `pos`; returns the position after it. */
export function writeVarint(buf: Uint8Array, pos: number, n: number): number {
  while (n >= 0x80) {
    buf[pos++] = (n % 0x80) | 0x80;
    n = Math.floor(n / 0x80);
  }
  buf[pos++] = n;
  return pos;
}
