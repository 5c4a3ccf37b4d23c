// Rewrites a client's HTTP/2 `:authority` of the form `scheme://host[:port][/...]` to `host[:port]` before the
// bytes reach node:http2.
//
// Why: etcdctl 3.4 (grpc-go) dials some commands (endpoint status, endpoint hashkv, snapshot save) with the whole
// endpoint URL as the gRPC target, and sends that URL as `:authority`. nghttp2, inside node:http2, validates
// `:authority` against RFC 3986's authority characters (no `/`) and resets the stream with PROTOCOL_ERROR before
// any of our code runs; Node has no option to switch that check off. etcd (Go's HTTP/2 server) accepts it.
//
// How: `AuthorityRewriter` reads the client→server byte stream frame by frame. Frames other than HEADERS and
// CONTINUATION pass through as they arrive (payloads are streamed, never buffered). A header block (HEADERS plus
// its CONTINUATIONs) is collected whole, its HPACK representations are walked (RFC 7541 §6), and each literal
// whose name is `:authority` and whose value has a `scheme://` prefix is re-encoded, same representation type,
// with the bare host[:port] as a plain (non-Huffman) string. The block is then sent again as HEADERS +
// CONTINUATION frames no larger than the largest frame the client sent (so within the server's
// SETTINGS_MAX_FRAME_SIZE); padding is dropped (it carries nothing), the priority fields are kept.
//
// HPACK dynamic table safety. The client's encoder and the server's decoder must agree on what every index
// means. We change only the VALUE of `:authority` literals, and only to a shorter string, so an entry the server
// stores is never larger than the client's entry for the same literal (entry size = name + value + 32). Both
// tables receive the same entries in the same order and apply the same size limits (size updates pass
// unchanged), so at every point the server's table holds at least the newest entries the client's holds: a table
// with entries no larger evicts no earlier. Indices count from the newest entry, and the client only references
// indices within its own table, so every index it sends names the same entry on the server: the same name, and
// the same value except for rewritten authorities. That is why indexed representations need no change. To
// resolve a literal whose name is an index into the dynamic table we keep the client's view of that table
// (names and the client's entry sizes).
//
// Who gets it: feeding node:http2 from a JS Duplex instead of the socket costs server CPU on every call, and
// nearly every client sends a plain host[:port]. So `gateH2` (end of this file) looks at each connection's first
// request before node:http2 owns the socket and hands node:http2 the socket itself when that request's authority
// needs no rewrite; only the others go through `AuthorityFilter`. How the gate gets a first request out of
// grpc-go, which sends none before the server's SETTINGS, is explained at gateH2.
//
// Inside the filter the first header block that carries a good `:authority` (grpc-go and grpc-js use one
// authority per connection) switches the rewriter to plain pass-through: no parsing from then on. A rewritten one
// keeps the connection filtered. Input we cannot parse is passed through unchanged from that point on, and
// node:http2 rejects it as it would have anyway: the session errors, the process does not.
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

const FRAME_HEADER = 9;
const PREFACE_LENGTH = 24;
const TYPE_HEADERS = 0x1;
const TYPE_PRIORITY = 0x2;
const TYPE_SETTINGS = 0x4;
const TYPE_WINDOW_UPDATE = 0x8;
const TYPE_CONTINUATION = 0x9;
const FLAG_ACK = 0x1;
const FLAG_END_HEADERS = 0x4;
const FLAG_PADDED = 0x8;
const FLAG_PRIORITY = 0x20;
/** A header block larger than this is not inspected: it is passed on as it is and the filter stops. */
const MAX_BLOCK_BYTES = 1024 * 1024;
/** The table size both sides start from (SETTINGS_HEADER_TABLE_SIZE default; node:http2's server keeps it). */
const DEFAULT_TABLE_SIZE = 4096;
const ENTRY_OVERHEAD = 32;

/** RFC 7541 Appendix A: the static table's names (index 1..61); only the names matter here. */
const STATIC_NAMES: readonly string[] = [
  ':authority',
  ':method',
  ':method',
  ':path',
  ':path',
  ':scheme',
  ':scheme',
  ':status',
  ':status',
  ':status',
  ':status',
  ':status',
  ':status',
  ':status',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'accept',
  'access-control-allow-origin',
  'age',
  'allow',
  'authorization',
  'cache-control',
  'content-disposition',
  'content-encoding',
  'content-language',
  'content-length',
  'content-location',
  'content-range',
  'content-type',
  'cookie',
  'date',
  'etag',
  'expect',
  'expires',
  'from',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'last-modified',
  'link',
  'location',
  'max-forwards',
  'proxy-authenticate',
  'proxy-authorization',
  'range',
  'referer',
  'refresh',
  'retry-after',
  'server',
  'set-cookie',
  'strict-transport-security',
  'transfer-encoding',
  'user-agent',
  'vary',
  'via',
  'www-authenticate',
];

/**
 * RFC 7541 Appendix B: the code length in bits of each symbol 0..255, then EOS (256). The code is canonical:
 * codes of one length are consecutive in symbol order and follow the last code of the previous length shifted
 * left, so the lengths alone define it.
 */
// prettier-ignore
const HUFFMAN_LENGTHS: readonly number[] = [
  13, 23, 28, 28, 28, 28, 28, 28, 28, 24, 30, 28, 28, 30, 28, 28,
  28, 28, 28, 28, 28, 28, 30, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  6, 10, 10, 12, 13, 6, 8, 11, 10, 10, 8, 11, 8, 6, 6, 6,
  5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 7, 8, 15, 6, 12, 10,
  13, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7,
  7, 7, 7, 7, 7, 7, 7, 7, 8, 7, 8, 13, 19, 13, 14, 6,
  15, 5, 6, 5, 6, 5, 6, 6, 6, 5, 7, 7, 6, 6, 6, 5,
  6, 7, 6, 5, 5, 6, 7, 7, 7, 7, 7, 15, 11, 14, 13, 28,
  20, 22, 20, 20, 22, 22, 22, 23, 22, 23, 23, 23, 23, 23, 24, 23,
  24, 24, 22, 23, 24, 23, 23, 23, 23, 21, 22, 23, 22, 23, 23, 24,
  22, 21, 20, 22, 22, 23, 23, 21, 23, 22, 22, 24, 21, 22, 23, 23,
  21, 21, 22, 21, 23, 22, 23, 23, 20, 22, 22, 22, 23, 22, 22, 23,
  26, 26, 20, 19, 22, 23, 22, 25, 26, 26, 26, 27, 27, 26, 24, 25,
  19, 21, 26, 27, 27, 26, 27, 24, 21, 21, 26, 26, 28, 27, 27, 27,
  20, 24, 20, 21, 22, 21, 21, 23, 22, 22, 25, 25, 24, 24, 26, 23,
  26, 27, 26, 26, 27, 27, 27, 27, 27, 28, 27, 27, 27, 27, 27, 26,
  30,
];

const EOS = 256;
const MAX_CODE_BITS = 30;

/** Canonical decoding tables: per length, the first code, how many codes, and where its symbols start. */
interface HuffmanTables {
  readonly firstCode: Int32Array;
  readonly count: Int32Array;
  readonly offset: Int32Array;
  readonly symbols: Uint16Array;
}

function buildHuffman(): HuffmanTables {
  const count = new Int32Array(MAX_CODE_BITS + 1);
  for (const len of HUFFMAN_LENGTHS) count[len]!++;
  const firstCode = new Int32Array(MAX_CODE_BITS + 1);
  const offset = new Int32Array(MAX_CODE_BITS + 1);
  let code = 0;
  let next = 0;
  for (let len = 1; len <= MAX_CODE_BITS; len++) {
    code = (code + (len > 1 ? count[len - 1]! : 0)) * (len > 1 ? 2 : 1);
    firstCode[len] = code;
    offset[len] = next;
    next += count[len]!;
  }
  const symbols = new Uint16Array(HUFFMAN_LENGTHS.length);
  const fill = new Int32Array(MAX_CODE_BITS + 1);
  for (let sym = 0; sym < HUFFMAN_LENGTHS.length; sym++) {
    const len = HUFFMAN_LENGTHS[sym]!;
    symbols[offset[len]! + fill[len]!++] = sym;
  }
  return { firstCode, count, offset, symbols };
}

let huffman: HuffmanTables | undefined;

/** The canonical code of a symbol (for tests: the encoder side of the same table). */
export function huffmanCode(sym: number): { code: number; bits: number } {
  const t = (huffman ??= buildHuffman());
  const bits = HUFFMAN_LENGTHS[sym]!;
  const rank = t.symbols.subarray(t.offset[bits]!, t.offset[bits]! + t.count[bits]!).indexOf(sym);
  return { code: t.firstCode[bits]! + rank, bits };
}

/**
 * Decodes an HPACK Huffman string (RFC 7541 §5.2). Throws on EOS inside the string, on padding longer than 7
 * bits, or on padding that is not the EOS prefix (all ones).
 */
export function huffmanDecode(src: Uint8Array): Buffer {
  const t = (huffman ??= buildHuffman());
  const out: number[] = [];
  let code = 0;
  let len = 0;
  let ones = true;
  for (const byte of src) {
    for (let bit = 7; bit >= 0; bit--) {
      const b = (byte >> bit) & 1;
      code = code * 2 + b;
      len++;
      ones &&= b === 1;
      const rank = code - t.firstCode[len]!;
      if (rank >= 0 && rank < t.count[len]!) {
        const sym = t.symbols[t.offset[len]! + rank]!;
        if (sym === EOS) throw new Error('hpack: EOS in a Huffman string');
        out.push(sym);
        code = 0;
        len = 0;
        ones = true;
      } else if (len >= MAX_CODE_BITS) {
        throw new Error('hpack: invalid Huffman code');
      }
    }
  }
  if (len > 7 || !ones) throw new Error('hpack: invalid Huffman padding');
  return Buffer.from(out);
}

/** An HPACK integer with an N-bit prefix (RFC 7541 §5.1), read at `pos`. */
function readInt(buf: Buffer, pos: number, prefixBits: number): { value: number; next: number } {
  if (pos >= buf.length) throw new Error('hpack: truncated integer');
  const max = (1 << prefixBits) - 1;
  let value = buf[pos]! & max;
  pos++;
  if (value < max) return { value, next: pos };
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('hpack: truncated integer');
    const b = buf[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (value > 0x7fffffff) throw new Error('hpack: integer too large');
    if ((b & 0x80) === 0) return { value, next: pos };
  }
}

/** Writes an HPACK integer; `firstBits` are the representation's pattern bits above the prefix. */
export function encodeInt(value: number, prefixBits: number, firstBits: number): Buffer {
  const max = (1 << prefixBits) - 1;
  if (value < max) return Buffer.of(firstBits | value);
  const bytes = [firstBits | max];
  value -= max;
  while (value >= 0x80) {
    bytes.push((value % 0x80) | 0x80);
    value = Math.floor(value / 0x80);
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

/** A string literal (RFC 7541 §5.2) at `pos`: its decoded bytes and where the next field starts. */
function readString(buf: Buffer, pos: number): { value: Buffer; next: number } {
  if (pos >= buf.length) throw new Error('hpack: truncated string');
  const huff = (buf[pos]! & 0x80) !== 0;
  const { value: len, next } = readInt(buf, pos, 7);
  if (next + len > buf.length) throw new Error('hpack: truncated string');
  const raw = buf.subarray(next, next + len);
  return { value: huff ? huffmanDecode(raw) : raw, next: next + len };
}

/** `scheme://host[:port][/...]` → `host[:port]`; undefined when the value has no scheme or no host. */
export function authorityFromUrl(value: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(value);
  if (!m) return undefined;
  // Credentials before `@` are not part of what the server routes on.
  const host = m[1]!.slice(m[1]!.lastIndexOf('@') + 1);
  return host === '' ? undefined : host;
}

/** The client's dynamic table as far as this filter needs it: each entry's name and size, newest first. */
export class ClientTable {
  private names: string[] = [];
  private sizes: number[] = [];
  private size = 0;
  private max = DEFAULT_TABLE_SIZE;

  nameAt(index: number): string {
    if (index >= 1 && index <= STATIC_NAMES.length) return STATIC_NAMES[index - 1]!;
    const i = index - STATIC_NAMES.length - 1;
    if (i < 0 || i >= this.names.length) throw new Error(`hpack: index ${index} out of range`);
    return this.names[i]!;
  }

  add(name: string, valueBytes: number): void {
    const entry = Buffer.byteLength(name) + valueBytes + ENTRY_OVERHEAD;
    this.size += entry;
    this.names.unshift(name);
    this.sizes.unshift(entry);
    this.evict();
  }

  resize(max: number): void {
    this.max = max;
    this.evict();
  }

  private evict(): void {
    while (this.size > this.max && this.sizes.length > 0) {
      this.size -= this.sizes.pop()!;
      this.names.pop();
    }
  }
}

export interface BlockResult {
  /** The header block to send on (the input itself when nothing changed). */
  readonly block: Buffer;
  /** Whether the block carried an `:authority` literal, and whether one was rewritten. */
  readonly sawAuthority: boolean;
  readonly rewrote: boolean;
}

/** Walks one HPACK header block, updating the client's table, and rewrites `scheme://` authorities. */
export function rewriteBlock(block: Buffer, table: ClientTable): BlockResult {
  const parts: Buffer[] = [];
  let copied = 0;
  let pos = 0;
  let sawAuthority = false;
  let rewrote = false;
  while (pos < block.length) {
    const b = block[pos]!;
    if (b & 0x80) {
      // Indexed field: refers to an entry the server already holds; nothing to do (see the file header). It
      // does not count as seeing an authority: the entry may hold one we rewrote, which says nothing about the
      // next literal the client sends once its entry is evicted.
      const { value, next } = readInt(block, pos, 7);
      if (value === 0) throw new Error('hpack: index 0');
      table.nameAt(value);
      pos = next;
      continue;
    }
    if ((b & 0xe0) === 0x20) {
      const { value, next } = readInt(block, pos, 5);
      table.resize(value);
      pos = next;
      continue;
    }
    // Literal: 01 = with incremental indexing (6-bit name index), 0000 = without, 0001 = never indexed (4-bit).
    const indexing = (b & 0xc0) === 0x40;
    const { value: nameIndex, next: afterIndex } = readInt(block, pos, indexing ? 6 : 4);
    let name: string;
    let valueStart: number;
    if (nameIndex === 0) {
      const n = readString(block, afterIndex);
      name = n.value.toString('latin1');
      valueStart = n.next;
    } else {
      name = table.nameAt(nameIndex);
      valueStart = afterIndex;
    }
    const v = readString(block, valueStart);
    pos = v.next;
    // The table tracked is the client's: it stores the original value, whose size governs its evictions.
    const valueBytes = v.value.length;
    if (name === ':authority') {
      sawAuthority = true;
      const host = authorityFromUrl(v.value.toString('latin1'));
      if (host !== undefined) {
        const plain = Buffer.from(host, 'latin1');
        parts.push(block.subarray(copied, valueStart), encodeInt(plain.length, 7, 0x00), plain);
        copied = pos;
        rewrote = true;
      }
    }
    if (indexing) table.add(name, valueBytes);
  }
  if (!rewrote) return { block, sawAuthority, rewrote };
  parts.push(block.subarray(copied));
  return { block: Buffer.concat(parts), sawAuthority, rewrote };
}

interface HeadersStart {
  readonly flags: number;
  readonly streamId: number;
  readonly priority: Buffer | undefined;
}

type State = 'preface' | 'header' | 'skip' | 'collect' | 'pass';

/**
 * What a connection needs, as far as the bytes seen so far tell: `pending` (no header block yet), `native` (the
 * first header block carried an authority that needed no rewrite, nothing was rewritten, and the SETTINGS ACK
 * to drop, if any, has been dropped: node:http2 may take the socket itself from here), or `filter` (anything
 * else: a rewrite, a block without an authority, another frame before the first block, or unparseable input).
 */
export type Verdict = 'pending' | 'native' | 'filter';

export interface RewriterOptions {
  /**
   * Drop the first SETTINGS ACK the client sends: it acknowledges the SETTINGS frame `gateH2` sent itself, which
   * node:http2 never sent and would refuse an acknowledgement of.
   */
  readonly dropSettingsAck?: boolean;
}

/**
 * The client→server half of a connection as a push parser: `push(chunk)` returns the bytes to hand on.
 * Once `passthrough` is true the caller may stop calling it and forward bytes directly.
 */
export class AuthorityRewriter {
  private state: State = 'preface';
  private ackPending: boolean;
  private goodSeen = false;
  verdict: Verdict = 'pending';
  private need = PREFACE_LENGTH;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private header: Buffer | undefined;
  /** The frames of a header block held until END_HEADERS (raw, for pass-through on error). */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private heldLargest = 0;
  private fragments: Buffer[] = [];
  private first: HeadersStart | undefined;
  private readonly table = new ClientTable();
  /** How many authorities were rewritten (tests and logs). */
  rewritten = 0;

  constructor(opts: RewriterOptions = {}) {
    this.ackPending = opts.dropSettingsAck === true;
  }

  get passthrough(): boolean {
    return this.state === 'pass';
  }

  push(chunk: Buffer): Buffer[] {
    if (this.state === 'pass') return [chunk];
    const out: Buffer[] = [];
    let pos = 0;
    while (pos < chunk.length && !this.passthrough) {
      if (this.state === 'preface' || this.state === 'skip') {
        const n = Math.min(this.need, chunk.length - pos);
        out.push(chunk.subarray(pos, pos + n));
        pos += n;
        this.need -= n;
        if (this.need === 0) this.expectHeader();
        continue;
      }
      // 'header' or 'collect': gather `need` bytes.
      const n = Math.min(this.need, chunk.length - pos);
      this.pending.push(chunk.subarray(pos, pos + n));
      this.pendingBytes += n;
      pos += n;
      this.need -= n;
      if (this.need > 0) continue;
      const got =
        this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
      this.pending = [];
      this.pendingBytes = 0;
      if (this.state === 'header') this.onFrameHeader(got, out);
      else this.onFramePayload(got, out);
    }
    if (pos < chunk.length) out.push(chunk.subarray(pos));
    return out;
  }

  private expectHeader(): void {
    this.state = 'header';
    this.need = FRAME_HEADER;
  }

  private onFrameHeader(h: Buffer, out: Buffer[]): void {
    const length = h.readUIntBE(0, 3);
    const type = h[3]!;
    const expectingContinuation = this.first !== undefined;
    if (type === TYPE_HEADERS || type === TYPE_CONTINUATION) {
      if ((type === TYPE_HEADERS) === expectingContinuation || this.heldBytes + length > MAX_BLOCK_BYTES) {
        this.giveUp(out, h);
        return;
      }
      this.header = h;
      this.state = 'collect';
      this.need = length;
      if (length === 0) this.onFramePayload(Buffer.alloc(0), out);
      return;
    }
    if (expectingContinuation) {
      // Only CONTINUATION may follow a HEADERS without END_HEADERS; let node:http2 say so.
      this.giveUp(out, h);
      return;
    }
    if (type === TYPE_SETTINGS && h[4]! & FLAG_ACK && length === 0 && this.ackPending) {
      // The acknowledgement of our own SETTINGS (see gateH2): node:http2 must not see it.
      this.ackPending = false;
      if (this.goodSeen) this.pass();
      else this.expectHeader();
      return;
    }
    if (
      this.verdict === 'pending' &&
      !this.goodSeen &&
      type !== TYPE_SETTINGS &&
      type !== TYPE_WINDOW_UPDATE &&
      type !== TYPE_PRIORITY
    ) {
      // PING, DATA, RST_STREAM, GOAWAY, ... before the first request: not the usual start of a gRPC
      // connection, and a PING may be waiting for its answer. The filter handles whatever follows.
      this.verdict = 'filter';
    }
    out.push(h);
    this.state = 'skip';
    this.need = length;
    if (length === 0) this.expectHeader();
  }

  /** Pass-through from here (the SETTINGS ACK to drop, if any, is gone). */
  private pass(): void {
    this.state = 'pass';
    if (this.verdict === 'pending') this.verdict = 'native';
  }

  private onFramePayload(payload: Buffer, out: Buffer[]): void {
    const h = this.header!;
    this.header = undefined;
    const type = h[3]!;
    const flags = h[4]!;
    this.held.push(h, payload);
    this.heldBytes += payload.length;
    this.heldLargest = Math.max(this.heldLargest, payload.length);
    let fragment = payload;
    if (type === TYPE_HEADERS) {
      let start = 0;
      let end = payload.length;
      if (flags & FLAG_PADDED) {
        if (payload.length < 1) return this.giveUp(out);
        start = 1;
        end -= payload[0]!;
      }
      let priority: Buffer | undefined;
      if (flags & FLAG_PRIORITY) {
        priority = payload.subarray(start, start + 5);
        start += 5;
      }
      if (end < start) return this.giveUp(out);
      fragment = payload.subarray(start, end);
      this.first = { flags, streamId: h.readUInt32BE(5) & 0x7fffffff, priority };
    }
    this.fragments.push(fragment);
    if (!(flags & FLAG_END_HEADERS)) {
      this.expectHeader();
      return;
    }
    const first = this.first!;
    let result: BlockResult;
    try {
      result = rewriteBlock(
        this.fragments.length === 1 ? this.fragments[0]! : Buffer.concat(this.fragments),
        this.table,
      );
    } catch {
      return this.giveUp(out);
    }
    if (!result.rewrote) {
      for (const b of this.held) out.push(b);
    } else {
      this.rewritten++;
      this.emitBlock(result.block, first, out);
    }
    const goodAuthority = result.sawAuthority && !result.rewrote;
    this.resetBlock();
    if (this.verdict === 'pending' && !this.goodSeen && !goodAuthority) this.verdict = 'filter';
    if (this.rewritten > 0) this.verdict = 'filter';
    if (goodAuthority && !this.goodSeen) {
      this.goodSeen = true;
      if (!this.ackPending) return this.pass();
    }
    this.expectHeader();
  }

  /**
   * Sends a header block as HEADERS + CONTINUATION frames whose payloads are no larger than the largest payload
   * the client sent in this block (so within the server's SETTINGS_MAX_FRAME_SIZE).
   */
  private emitBlock(block: Buffer, first: HeadersStart, out: Buffer[]): void {
    const limit = Math.max(this.heldLargest, (first.priority ? 5 : 0) + 1);
    let pos = 0;
    let isFirst = true;
    do {
      const prefix = isFirst ? first.priority : undefined;
      const n = Math.min(block.length - pos, limit - (prefix ? prefix.length : 0));
      const last = pos + n >= block.length;
      const h = Buffer.alloc(FRAME_HEADER);
      h.writeUIntBE(n + (prefix ? prefix.length : 0), 0, 3);
      h[3] = isFirst ? TYPE_HEADERS : TYPE_CONTINUATION;
      // HEADERS keeps END_STREAM and PRIORITY; padding is dropped; END_HEADERS goes on the last frame.
      h[4] = (isFirst ? first.flags & ~(FLAG_PADDED | FLAG_END_HEADERS) : 0) | (last ? FLAG_END_HEADERS : 0);
      h.writeUInt32BE(first.streamId, 5);
      out.push(h);
      if (prefix) out.push(prefix);
      out.push(block.subarray(pos, pos + n));
      pos += n;
      isFirst = false;
    } while (pos < block.length);
  }

  private resetBlock(): void {
    this.held = [];
    this.heldBytes = 0;
    this.heldLargest = 0;
    this.fragments = [];
    this.first = undefined;
  }

  /** Unparseable input: hand on what is held, unchanged, and stop filtering. */
  private giveUp(out: Buffer[], extra?: Buffer): void {
    for (const b of this.held) out.push(b);
    if (this.header) out.push(this.header);
    if (extra) out.push(extra);
    for (const b of this.pending) out.push(b);
    this.header = undefined;
    this.pending = [];
    this.pendingBytes = 0;
    this.resetBlock();
    this.state = 'pass';
    this.verdict = 'filter';
  }
}

/**
 * A Duplex between a client connection (plain or TLS, already decrypted) and node:http2: what the client sends
 * goes through an AuthorityRewriter until it switches to pass-through; what the server sends is written as is.
 */
export class AuthorityFilter extends Duplex {
  /**
   * `rewriter` and `initial` continue where gateH2 stopped: the rewriter's state, and what it has already
   * produced from the bytes the gate read.
   */
  constructor(
    private readonly socket: Socket,
    private readonly rewriter = new AuthorityRewriter(),
    initial: readonly Buffer[] = [],
  ) {
    super({ allowHalfOpen: false });
    for (const b of initial) this.push(b);
    socket.on('data', (chunk: Buffer) => {
      let more = true;
      if (this.rewriter.passthrough) more = this.push(chunk);
      else for (const b of this.rewriter.push(chunk)) more = this.push(b) && more;
      if (!more) socket.pause();
    });
    socket.on('end', () => this.push(null));
    // The socket's error is the socket owner's to report; passed on here it could surface as an uncaught
    // 'error' on this Duplex once node:http2 has let go of it. node:http2 sees the connection close.
    socket.on('error', () => this.destroy());
    socket.on('close', () => {
      if (!this.destroyed) this.destroy();
    });
    socket.on('drain', () => {
      const cb = this.writeDone;
      this.writeDone = undefined;
      cb?.();
    });
  }

  private writeDone: (() => void) | undefined;

  get rewritten(): number {
    return this.rewriter.rewritten;
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  get remotePort(): number | undefined {
    return this.socket.remotePort;
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.socket.write(chunk)) cb();
    else this.writeDone = cb;
  }

  override _writev(chunks: { chunk: Buffer }[], cb: (err?: Error | null) => void): void {
    this.socket.cork();
    let ok = true;
    for (const { chunk } of chunks) ok = this.socket.write(chunk);
    this.socket.uncork();
    if (ok) cb();
    else this.writeDone = cb;
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.socket.end();
    cb();
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    const done = this.writeDone;
    this.writeDone = undefined;
    done?.();
    this.socket.destroy();
    cb(err);
  }
}

/** An empty SETTINGS frame: the client takes the defaults it already assumes, and acknowledges it. */
const EMPTY_SETTINGS = Buffer.from([0, 0, 0, TYPE_SETTINGS, 0, 0, 0, 0, 0]);
/** The gate gives up waiting for a decision after this many bytes (flow control keeps a client well below). */
const GATE_MAX_BYTES = 2 * 1024 * 1024;
/** …or after this long without one (a client that connects and stays idle): it then gets the filter. */
export const GATE_TIMEOUT_MS = 30_000;

export interface GateOptions {
  /** The connection needs no rewrite: give node:http2 this socket (the bytes read are back in its buffer). */
  readonly native: (socket: Socket) => void;
  /** It does, or we cannot tell: give node:http2 this filter. */
  readonly filtered: (filter: AuthorityFilter) => void;
  readonly timeoutMs?: number;
}

/**
 * Decides, per connection, between handing node:http2 the socket itself and the AuthorityFilter. The socket
 * must be positioned at the client's connection preface (already-read bytes unshifted back).
 *
 * grpc-go sends no request before it has the server's SETTINGS, and node:http2 sends its SETTINGS only once it
 * owns the socket. So the gate first writes an empty SETTINGS frame itself (legal: a peer may send SETTINGS any
 * time; empty changes nothing, and nghttp2's own follows once it has the socket), then reads the client's frames
 * through an AuthorityRewriter until it has both the first header block and the client's ACK of that frame. The
 * ACK is removed from the bytes (node:http2 never sent that SETTINGS and would fail the connection with
 * PROTOCOL_ERROR on an unexpected ACK). If the block's authority needs no rewrite, what was read is unshifted
 * back onto the socket, which node:http2 then takes natively (it processes a socket's buffered bytes first).
 * Otherwise the rewriter, with its state and output so far, goes on inside an AuthorityFilter, dropping the ACK
 * there if it comes later. A client that says nothing more within `timeoutMs` or sends more than GATE_MAX_BYTES
 * gets the filter too; one that closes the connection first is dropped.
 */
export function gateH2(socket: Socket, opts: GateOptions): void {
  const rewriter = new AuthorityRewriter({ dropSettingsAck: true });
  const out: Buffer[] = [];
  let outBytes = 0;
  let done = false;
  let settingsWritten = false;
  let afterSettings: (() => void) | undefined;
  const finish = (verdict: 'native' | 'filter'): void => {
    done = true;
    clearTimeout(timer);
    socket.removeListener('readable', onReadable);
    socket.removeListener('end', onGone);
    socket.removeListener('close', onGone);
    if (verdict === 'native') {
      if (outBytes > 0) socket.unshift(out.length === 1 ? out[0]! : Buffer.concat(out, outBytes));
      // node:http2 writes to a TLS socket's native handle without looking at writes still in flight from JS; a
      // TLS handle takes one write at a time (a second one aborts the process). Hand over once ours is done.
      if (settingsWritten) opts.native(socket);
      else
        afterSettings = () => {
          if (!socket.destroyed) opts.native(socket);
        };
    } else {
      opts.filtered(new AuthorityFilter(socket, rewriter, out));
    }
  };
  const onReadable = (): void => {
    let chunk: Buffer | null;
    while (!done && (chunk = socket.read() as Buffer | null) !== null) {
      for (const b of rewriter.push(chunk)) {
        out.push(b);
        outBytes += b.length;
      }
      if (rewriter.verdict !== 'pending') finish(rewriter.verdict);
      else if (outBytes > GATE_MAX_BYTES) finish('filter');
    }
  };
  const onGone = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(() => {
    if (!done) finish('filter');
  }, opts.timeoutMs ?? GATE_TIMEOUT_MS).unref();
  socket.on('readable', onReadable);
  socket.once('end', onGone);
  socket.once('close', onGone);
  socket.write(EMPTY_SETTINGS, () => {
    settingsWritten = true;
    afterSettings?.();
  });
}
