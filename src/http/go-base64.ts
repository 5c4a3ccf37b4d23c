// Standard base64 (RFC 4648, padded) decoded the way Go's base64.StdEncoding does it, because etcd 3.4's gateway
// reports bad `bytes` fields with Go's text: "illegal base64 data at input byte N". Go skips \r and \n, needs
// the padding, and names the offset where decoding went wrong (the start of an unfinished quantum, the bad
// byte, or the first byte after the padding).

const DECODE = new Int16Array(256).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) {
  DECODE[c.charCodeAt(0)] = i;
}
const PAD = 0x3d;
const CR = 0x0d;
const LF = 0x0a;

export class Base64Error extends Error {
  override readonly name = 'Base64Error';
  constructor(readonly offset: number) {
    super(`illegal base64 data at input byte ${offset}`);
  }
}

/** Decodes `src` (bytes of the base64 text); throws Base64Error with Go's offset. */
export function goBase64Decode(src: Uint8Array): Uint8Array {
  if (isPlainPadded(src))
    return Buffer.from(Buffer.from(src.buffer, src.byteOffset, src.length).toString('latin1'), 'base64');
  const out = new Uint8Array(Math.floor((src.length * 3) / 4) + 3);
  let n = 0;
  let si = 0;
  const quad = [0, 0, 0, 0];
  for (;;) {
    let len = 4; // sextets in this quantum
    let j = 0;
    let done = false;
    while (j < 4) {
      if (si === src.length) {
        if (j === 0) return out.subarray(0, n);
        throw new Base64Error(si - j);
      }
      const c = src[si++]!;
      const v = DECODE[c]!;
      if (v >= 0) {
        quad[j++] = v;
        continue;
      }
      if (c === LF || c === CR) continue;
      if (c !== PAD) throw new Base64Error(si - 1);
      // Padding ends the data.
      if (j < 2) throw new Base64Error(si - 1);
      if (j === 2) {
        while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
        if (si === src.length) throw new Base64Error(src.length);
        if (src[si] !== PAD) throw new Base64Error(si - 1);
        si++;
      }
      while (si < src.length && (src[si] === LF || src[si] === CR)) si++;
      if (si < src.length) throw new Base64Error(si);
      len = j;
      done = true;
      break;
    }
    const v =
      (quad[0]! << 18) | (quad[1]! << 12) | ((len > 2 ? quad[2]! : 0) << 6) | (len > 3 ? quad[3]! : 0);
    out[n++] = (v >> 16) & 0xff;
    if (len > 2) out[n++] = (v >> 8) & 0xff;
    if (len > 3) out[n++] = v & 0xff;
    if (done) return out.subarray(0, n);
  }
}

// Well-formed input without line breaks: Node's own decoder gives the same bytes, much faster.
function isPlainPadded(src: Uint8Array): boolean {
  const n = src.length;
  if (n % 4 !== 0) return false;
  let end = n;
  if (n > 0 && src[n - 1] === PAD) end = src[n - 2] === PAD ? n - 2 : n - 1;
  for (let i = 0; i < end; i++) if (DECODE[src[i]!]! < 0) return false;
  return true;
}
