// Go's text formats that etcdctl's output is made of: strconv.Quote (%q), encoding/json, time.Duration's
// String, go-humanize's Bytes, fmt's %x. Each reproduces Go's bytes exactly for the values etcdctl prints.

const HEX = '0123456789abcdef';

function isPrintableRune(cp: number): boolean {
  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  if (cp === 0x20) return true;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** Go's strconv.Quote of a byte string (invalid UTF-8 bytes become \xNN). */
export function goQuote(input: string | Uint8Array): string {
  const b = typeof input === 'string' ? Buffer.from(input) : Buffer.from(input);
  let out = '"';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      if (c === 0x22) out += '\\"';
      else if (c === 0x5c) out += '\\\\';
      else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
      else if (c === 7) out += '\\a';
      else if (c === 8) out += '\\b';
      else if (c === 0xc) out += '\\f';
      else if (c === 0xa) out += '\\n';
      else if (c === 0xd) out += '\\r';
      else if (c === 9) out += '\\t';
      else if (c === 0xb) out += '\\v';
      else out += '\\x' + HEX[c >> 4] + HEX[c & 15];
      continue;
    }
    const [cp, size] = decodeRune(b, i);
    if (cp < 0) {
      out += '\\x' + HEX[c >> 4] + HEX[c & 15];
      i++;
      continue;
    }
    i += size;
    if (isPrintableRune(cp)) out += String.fromCodePoint(cp);
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** One UTF-8 sequence at b[i]: [code point, length], or [-1, 1] if invalid (Go's utf8.DecodeRune). */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c = b[i]!;
  const cont = (k: number): number => {
    const x = b[i + k];
    return x !== undefined && (x & 0xc0) === 0x80 ? x & 0x3f : -1;
  };
  if (c >= 0xc2 && c <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? [-1, 1] : [((c & 0x1f) << 6) | c1, 2];
  }
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return [-1, 1];
    const cp = ((c & 0x0f) << 12) | (c1 << 6) | c2;
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return [-1, 1];
    return [cp, 3];
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return [-1, 1];
    const cp = ((c & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (cp < 0x10000 || cp > 0x10ffff) return [-1, 1];
    return [cp, 4];
  }
  return [-1, 1];
}

/** Go's encoding/json string: HTML-safe escapes, invalid UTF-8 as U+FFFD. */
export function goJsonString(input: string | Uint8Array): string {
  const s = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += '\\u' + cp.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/**
 * A value as Go's json.Marshal prints it. bigint → number digits, Uint8Array → base64 (Go's []byte),
 * undefined object fields are skipped (the caller drops omitempty zero values), null → null.
 */
export function goJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return goJsonString(v);
  if (v instanceof Uint8Array) return '"' + Buffer.from(v).toString('base64') + '"';
  if (Array.isArray(v)) return '[' + v.map(goJson).join(',') + ']';
  const parts: string[] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined) continue;
    parts.push(goJsonString(k) + ':' + goJson(x));
  }
  return '{' + parts.join(',') + '}';
}

/** Go's %x of an unsigned integer. */
export function hex(v: bigint | number): string {
  return BigInt.asUintN(64, BigInt(v)).toString(16);
}

/** Go's %016x of an int64 lease ID. */
export function hex16(v: bigint | number): string {
  return BigInt.asUintN(64, BigInt(v)).toString(16).padStart(16, '0');
}

/** Go's %.Nf: rounds the exact binary value, ties to even (JS toFixed rounds ties away from zero). */
export function goFixed(v: number, digits: number): string {
  const s = v.toFixed(digits);
  const scaled = v * 10 ** digits;
  if (
    Number.isFinite(scaled) &&
    Math.abs(scaled - Math.trunc(scaled)) === 0.5 &&
    Number.isSafeInteger(Math.trunc(scaled))
  ) {
    const down = Math.trunc(scaled);
    const even = down % 2 === 0 ? down : down + Math.sign(scaled);
    return (even / 10 ** digits).toFixed(digits);
  }
  return s;
}

/** go-humanize's Bytes (SI units): 20480 → "20 kB". */
export function humanizeBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const sizes = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const val = Math.floor((n / 1000 ** e) * 10 + 0.5) / 10;
  return `${goFixed(val, val < 10 ? 1 : 0)} ${sizes[e]}`;
}

/** Go's time.Duration.String of a duration in nanoseconds: "1.5s", "2.535507ms", "1m30s". */
export function goDuration(ns: number): string {
  ns = Math.round(ns);
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let u = Math.abs(ns);
  const frac = (v: number, prec: number): string => {
    const whole = Math.floor(v / 10 ** prec);
    let f = String(v % 10 ** prec)
      .padStart(prec, '0')
      .replace(/0+$/, '');
    if (f) f = '.' + f;
    return `${whole}${f}`;
  };
  let s: string;
  if (u < 1000) s = `${u}ns`;
  else if (u < 1e6) s = `${frac(u, 3)}µs`;
  else if (u < 1e9) s = `${frac(u, 6)}ms`;
  else {
    const h = Math.floor(u / 3.6e12);
    u -= h * 3.6e12;
    const m = Math.floor(u / 6e10);
    u -= m * 6e10;
    s = `${frac(u, 9)}s`;
    if (h > 0) s = `${h}h${m}m${s}`;
    else if (m > 0) s = `${m}m${s}`;
  }
  return neg ? '-' + s : s;
}

/** Go's time.ParseDuration for the forms flags use ("5s", "1m30s", "500ms", "2h"). */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  const unit: Record<string, number> = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1e3,
    m: 6e4,
    h: 3.6e6,
  };
  let body = s;
  let sign = 1;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body[0] === '-') sign = -1;
    body = body.slice(1);
  }
  if (body === '') return undefined;
  let ms = 0;
  let pos = 0;
  re.lastIndex = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m) return undefined;
    ms += parseFloat(m[1]!) * unit[m[2]!]!;
    pos = re.lastIndex;
  }
  return sign * ms;
}

/** Go's strconv.ParseInt(s, 10, 64) accepting what Go accepts ("+5", "-1"), as bigint. */
export function parseGoInt(s: string, base = 10): bigint | undefined {
  const re = base === 16 ? /^[+-]?[0-9a-fA-F]+$/ : /^[+-]?[0-9]+$/;
  if (!re.test(s)) return undefined;
  const neg = s.startsWith('-');
  const digits = s.replace(/^[+-]/, '');
  const v = BigInt((base === 16 ? '0x' : '') + digits) * (neg ? -1n : 1n);
  if (v > 0x7fffffffffffffffn || v < -0x8000000000000000n) return undefined;
  return v;
}
