// A JSON reader that fails the way Go's encoding/json does. etcd 3.4's gateway decodes request bodies with Go's
// json.Decoder and answers syntax errors with Go's text ("invalid character 'x' looking for beginning of value",
// "unexpected EOF"), so the front reproduces those messages. It works on bytes, keeps numbers as their literal
// text (int64 values must not pass through a double) and keeps each string's raw bytes (jsonpb re-parses the
// inside of a quoted int64).

export type JsonNode =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'number'; readonly literal: string }
  | { readonly kind: 'string'; readonly value: string; readonly raw: Uint8Array }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  /** Duplicate keys: the last one wins, as when Go decodes into a map. */
  | { readonly kind: 'object'; readonly fields: ReadonlyMap<string, JsonNode> };

/** A JSON syntax error, message in Go's words. */
export class GoJsonSyntaxError extends Error {
  override readonly name = 'GoJsonSyntaxError';
}

/** The input ended inside a value. */
export class GoJsonEofError extends GoJsonSyntaxError {}

const utf8 = new TextDecoder('utf-8');

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Go's quoteChar: how the scanner names an offending byte. */
export function goQuoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  return `'${goQuoteRune(c)}'`;
}

// strconv.Quote of a single rune (a byte read as a Latin-1 rune, as Go's scanner does), without the quotes.
function goQuoteRune(c: number): string {
  switch (c) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
    case 0x5c:
      return '\\\\';
  }
  if (c < 0x20 || c === 0x7f) return '\\x' + c.toString(16).padStart(2, '0');
  if (c >= 0x80 && (c < 0xa1 || c === 0xad)) return '\\u' + c.toString(16).padStart(4, '0');
  return String.fromCharCode(c);
}

class Reader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    start: number,
    // Unmarshal (whole input) says "unexpected end of JSON input" where a Decoder says "unexpected EOF".
    readonly eofMessage: string,
  ) {
    this.pos = start;
  }

  eof(): never {
    throw new GoJsonEofError(this.eofMessage);
  }

  fail(c: number, context: string): never {
    throw new GoJsonSyntaxError(`invalid character ${goQuoteChar(c)} ${context}`);
  }

  skipSpace(): void {
    while (this.pos < this.buf.length && isSpace(this.buf[this.pos]!)) this.pos++;
  }

  /** Next byte after whitespace, not consumed; EOF is an error. */
  peekValueByte(): number {
    this.skipSpace();
    if (this.pos >= this.buf.length) this.eof();
    return this.buf[this.pos]!;
  }

  value(): JsonNode {
    const c = this.peekValueByte();
    switch (c) {
      case 0x7b:
        return this.object();
      case 0x5b:
        return this.array();
      case 0x22:
        return this.string('in string literal');
      case 0x74:
        this.literal('true');
        return { kind: 'bool', value: true };
      case 0x66:
        this.literal('false');
        return { kind: 'bool', value: false };
      case 0x6e:
        this.literal('null');
        return { kind: 'null' };
    }
    if (c === 0x2d || isDigit(c)) return this.number();
    return this.fail(c, 'looking for beginning of value');
  }

  object(): JsonNode {
    this.pos++; // {
    const fields = new Map<string, JsonNode>();
    this.skipSpace();
    if (this.pos >= this.buf.length) this.eof();
    if (this.buf[this.pos] === 0x7d) {
      this.pos++;
      return { kind: 'object', fields };
    }
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.buf.length) this.eof();
      const c = this.buf[this.pos]!;
      if (c !== 0x22) this.fail(c, 'looking for beginning of object key string');
      const key = this.string('in string literal');
      this.skipSpace();
      if (this.pos >= this.buf.length) this.eof();
      const colon = this.buf[this.pos]!;
      if (colon !== 0x3a) this.fail(colon, 'after object key');
      this.pos++;
      fields.set(key.value, this.value());
      this.skipSpace();
      if (this.pos >= this.buf.length) this.eof();
      const next = this.buf[this.pos++]!;
      if (next === 0x7d) return { kind: 'object', fields };
      if (next !== 0x2c) this.fail(next, 'after object key:value pair');
    }
  }

  array(): JsonNode {
    this.pos++; // [
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.pos >= this.buf.length) this.eof();
    if (this.buf[this.pos] === 0x5d) {
      this.pos++;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      if (this.pos >= this.buf.length) this.eof();
      const next = this.buf[this.pos++]!;
      if (next === 0x5d) return { kind: 'array', items };
      if (next !== 0x2c) this.fail(next, 'after array element');
    }
  }

  string(context: string): { kind: 'string'; value: string; raw: Uint8Array } {
    const start = ++this.pos; // after the opening quote
    let escaped = false;
    for (;;) {
      if (this.pos >= this.buf.length) this.eof();
      const c = this.buf[this.pos++]!;
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        if (this.pos >= this.buf.length) this.eof();
        const e = this.buf[this.pos++]!;
        if (e === 0x75) {
          for (let i = 0; i < 4; i++) {
            if (this.pos >= this.buf.length) this.eof();
            const h = this.buf[this.pos++]!;
            if (!isHex(h)) this.fail(h, 'in \\u hexadecimal character escape');
          }
        } else if (!'bfnrt\\/"'.includes(String.fromCharCode(e))) {
          this.fail(e, 'in string escape code');
        }
        continue;
      }
      if (c < 0x20) this.fail(c, context);
    }
    const raw = this.buf.subarray(start, this.pos - 1);
    return { kind: 'string', value: escaped ? unescape(raw) : utf8.decode(raw), raw };
  }

  number(): JsonNode {
    const start = this.pos;
    const b = this.buf;
    const at = (): number => (this.pos < b.length ? b[this.pos]! : -1);
    if (at() === 0x2d) {
      this.pos++;
      const c = at();
      if (c < 0) this.eof();
      if (!isDigit(c)) this.fail(c, 'in numeric literal');
    }
    if (at() === 0x30) this.pos++;
    else while (isDigit(at())) this.pos++;
    if (at() === 0x2e) {
      this.pos++;
      const c = at();
      if (c < 0) this.eof();
      if (!isDigit(c)) this.fail(c, 'after decimal point in numeric literal');
      while (isDigit(at())) this.pos++;
    }
    if (at() === 0x65 || at() === 0x45) {
      this.pos++;
      if (at() === 0x2b || at() === 0x2d) this.pos++;
      const c = at();
      if (c < 0) this.eof();
      if (!isDigit(c)) this.fail(c, 'in exponent of numeric literal');
      while (isDigit(at())) this.pos++;
    }
    return { kind: 'number', literal: String.fromCharCode(...b.subarray(start, this.pos)) };
  }

  literal(word: string): void {
    this.pos++;
    for (let i = 1; i < word.length; i++) {
      if (this.pos >= this.buf.length) this.eof();
      const c = this.buf[this.pos++]!;
      if (c !== word.charCodeAt(i)) this.fail(c, `in literal ${word} (expecting '${word[i]}')`);
    }
  }
}

function unescape(raw: Uint8Array): string {
  // The escapes were validated by the scanner; JSON.parse decodes them (invalid UTF-8 becomes U+FFFD).
  return JSON.parse('"' + utf8.decode(raw) + '"') as string;
}

/**
 * The next JSON value in `buf` from `start`, as Go's json.Decoder reads it: leading whitespace skipped, bytes
 * after the value left for the next call. Returns undefined when only whitespace remains (io.EOF). Throws
 * GoJsonEofError ("unexpected EOF") when the input ends inside a value — more bytes may complete it.
 */
export function readJsonValue(buf: Uint8Array, start = 0): { value: JsonNode; end: number } | undefined {
  const r = new Reader(buf, start, 'unexpected EOF');
  r.skipSpace();
  if (r.pos >= buf.length) return undefined;
  const value = r.value();
  return { value, end: r.pos };
}

/** The whole input as one JSON value, as Go's json.Unmarshal reads it (trailing bytes are an error). */
export function parseJsonExact(buf: Uint8Array): JsonNode {
  const r = new Reader(buf, 0, 'unexpected end of JSON input');
  const value = r.value();
  r.skipSpace();
  if (r.pos < buf.length) r.fail(buf[r.pos]!, 'after top-level value');
  return value;
}

/** Go's name for a JSON value's kind in "cannot unmarshal X into Go value of type T". */
export function goKindName(n: JsonNode): string {
  return n.kind === 'bool' ? 'bool' : n.kind;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A JSON string literal as Go's encoding/json writes it: HTML-safe (`<`, `>`, `&` as \u00XX), U+2028/2029
 * escaped, other control characters as \u00XX, lone surrogates as U+FFFD.
 */
export function goJsonString(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/["\\<>&\u0000-\u001f\u2028\u2029\ud800-\udfff]/.test(s)) return '"' + s + '"';
  let out = '"';
  for (const ch of s) {
    const e = ESCAPES[ch];
    if (e !== undefined) out += e;
    else if (ch.length === 1 && ch.charCodeAt(0) < 0x20)
      out += '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
    else if (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return out + '"';
}
