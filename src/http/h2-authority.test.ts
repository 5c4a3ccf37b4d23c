// The :authority rewriter (h2-authority.ts): Huffman decoding, HPACK representations, frame handling, and the
// filter in front of a real node:http2 server (nghttp2 decodes what we hand on, so a broken HPACK rewrite or
// frame would show up as a session error or wrong headers). etcdctl itself is tested in test/server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  connect,
  createServer as createH2Server,
  type IncomingHttpHeaders,
  type Http2Server,
  type Settings,
} from 'node:http2';
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import {
  AuthorityFilter,
  AuthorityRewriter,
  authorityFromUrl,
  ClientTable,
  encodeInt,
  gateH2,
  huffmanCode,
  huffmanDecode,
  rewriteBlock,
} from './h2-authority.ts';

// ---- encoding helpers (the test's own HPACK encoder) ----

function huffmanEncode(s: Buffer): Buffer {
  const out: number[] = [];
  let acc = 0n;
  let bits = 0;
  for (const byte of s) {
    const { code, bits: n } = huffmanCode(byte);
    acc = (acc << BigInt(n)) | BigInt(code);
    bits += n;
    while (bits >= 8) {
      out.push(Number((acc >> BigInt(bits - 8)) & 0xffn));
      bits -= 8;
    }
  }
  if (bits > 0) out.push(Number(((acc << BigInt(8 - bits)) | ((1n << BigInt(8 - bits)) - 1n)) & 0xffn));
  return Buffer.from(out);
}

function str(value: string, huffman = false): Buffer {
  const raw = Buffer.from(value, 'latin1');
  const body = huffman ? huffmanEncode(raw) : raw;
  return Buffer.concat([encodeInt(body.length, 7, huffman ? 0x80 : 0), body]);
}

/** Literal with incremental indexing, static/dynamic name index. */
const litIdx = (nameIndex: number, value: string, huff = false): Buffer =>
  Buffer.concat([encodeInt(nameIndex, 6, 0x40), str(value, huff)]);
/** Literal with a literal name; `first` picks the representation (0x40 incremental, 0x00 without, 0x10 never). */
const litName = (first: number, name: string, value: string, huff = false): Buffer =>
  Buffer.concat([Buffer.of(first), str(name, huff), str(value, huff)]);
const indexed = (i: number): Buffer => encodeInt(i, 7, 0x80);
const sizeUpdate = (n: number): Buffer => encodeInt(n, 5, 0x20);

/** POST, http, path `/` (all static indexed). */
const PSEUDO = Buffer.concat([indexed(3), indexed(6), indexed(4)]);

function frame(type: number, flags: number, streamId: number, payload: Buffer): Buffer {
  const h = Buffer.alloc(9);
  h.writeUIntBE(payload.length, 0, 3);
  h[3] = type;
  h[4] = flags;
  h.writeUInt32BE(streamId, 5);
  return Buffer.concat([h, payload]);
}
const PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const SETTINGS = frame(0x4, 0, 0, Buffer.alloc(0));
const END_STREAM = 0x1;
const END_HEADERS = 0x4;

/** Decodes a header block with a throwaway table, only for blocks made of static references and literals. */
function literalValues(block: Buffer): { first: number; value: string }[] {
  const out: { first: number; value: string }[] = [];
  let pos = 0;
  const readInt = (prefix: number): number => {
    const max = (1 << prefix) - 1;
    let v = block[pos++]! & max;
    if (v < max) return v;
    let shift = 0;
    for (;;) {
      const b = block[pos++]!;
      v += (b & 0x7f) << shift;
      shift += 7;
      if (!(b & 0x80)) return v;
    }
  };
  const readStr = (): string => {
    const huff = (block[pos]! & 0x80) !== 0;
    const n = readInt(7);
    const raw = block.subarray(pos, pos + n);
    pos += n;
    return (huff ? huffmanDecode(raw) : raw).toString('latin1');
  };
  while (pos < block.length) {
    const b = block[pos]!;
    if (b & 0x80) {
      readInt(7);
      continue;
    }
    if ((b & 0xe0) === 0x20) {
      readInt(5);
      continue;
    }
    const first = b & 0x40 ? 0x40 : b & 0xf0;
    const idx = readInt(b & 0x40 ? 6 : 4);
    if (idx === 0) readStr();
    out.push({ first, value: readStr() });
  }
  return out;
}

// ---- Huffman ----

test('Huffman: every symbol round-trips; bad padding and EOS are refused', () => {
  const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  assert.deepEqual(huffmanDecode(huffmanEncode(all)), all);
  // RFC 7541 C.4.1: "www.example.com" Huffman-encoded.
  assert.equal(huffmanDecode(Buffer.from('f1e3c2e5f23a6ba0ab90f4ff', 'hex')).toString(), 'www.example.com');
  const s = huffmanEncode(Buffer.from('127.0.0.1:2379'));
  assert.equal(huffmanDecode(s).toString(), '127.0.0.1:2379');
  // Padding that is not all ones, and a whole extra byte of padding.
  const zeroPad = Buffer.from(s);
  zeroPad[zeroPad.length - 1]! &= 0xfe;
  assert.throws(() => huffmanDecode(zeroPad), /padding|invalid/);
  assert.throws(() => huffmanDecode(Buffer.concat([s, Buffer.of(0xff)])), /padding/);
  // EOS (30 ones) inside a string.
  assert.throws(() => huffmanDecode(Buffer.of(0xff, 0xff, 0xff, 0xff)), /EOS/);
});

test('authorityFromUrl: scheme://host[:port][/...] → host[:port]; anything else untouched', () => {
  assert.equal(authorityFromUrl('http://127.0.0.1:2379'), '127.0.0.1:2379');
  assert.equal(authorityFromUrl('https://[::1]:2379/x?y'), '[::1]:2379');
  assert.equal(authorityFromUrl('unixs://user@host:1'), 'host:1');
  assert.equal(authorityFromUrl('127.0.0.1:2379'), undefined);
  assert.equal(authorityFromUrl('localhost'), undefined);
  assert.equal(authorityFromUrl('unix:///tmp/sock'), undefined);
});

// ---- header blocks ----

test('rewriteBlock: each literal form, plain and Huffman, keeps its representation type', () => {
  for (const huff of [false, true]) {
    const cases: [Buffer, number][] = [
      [litIdx(1, 'http://127.0.0.1:2379', huff), 0x40],
      [litName(0x40, ':authority', 'http://127.0.0.1:2379', huff), 0x40],
      [litName(0x00, ':authority', 'http://127.0.0.1:2379', huff), 0x00],
      [litName(0x10, ':authority', 'https://127.0.0.1:2379/', huff), 0x10],
      [Buffer.concat([encodeInt(1, 4, 0x00), str('http://127.0.0.1:2379', huff)]), 0x00],
      [Buffer.concat([encodeInt(1, 4, 0x10), str('http://127.0.0.1:2379', huff)]), 0x10],
    ];
    for (const [lit, first] of cases) {
      const block = Buffer.concat([PSEUDO, lit, litName(0x00, 'te', 'trailers', huff)]);
      const r = rewriteBlock(block, new ClientTable());
      assert.ok(r.rewrote && r.sawAuthority);
      assert.deepEqual(r.block.subarray(0, 3), PSEUDO);
      assert.deepEqual(literalValues(r.block), [
        { first, value: '127.0.0.1:2379' },
        { first: 0x00, value: 'trailers' },
      ]);
    }
  }
});

test('rewriteBlock: a good authority leaves the block as it is', () => {
  const block = Buffer.concat([PSEUDO, litIdx(1, '127.0.0.1:2379', true)]);
  const r = rewriteBlock(block, new ClientTable());
  assert.equal(r.block, block);
  assert.deepEqual([r.sawAuthority, r.rewrote], [true, false]);
  const none = rewriteBlock(PSEUDO, new ClientTable());
  assert.deepEqual([none.sawAuthority, none.rewrote], [false, false]);
});

test('rewriteBlock: names from the dynamic table, size updates and eviction follow the client', () => {
  const t = new ClientTable();
  // Adds `:authority: http://a:1` (index 62 next), then `x-a: 1` becomes 62 and the authority 63.
  rewriteBlock(Buffer.concat([PSEUDO, litIdx(1, 'http://a:1'), litName(0x40, 'x-a', '1')]), t);
  const r = rewriteBlock(Buffer.concat([PSEUDO, litIdx(63, 'http://b:2'), litIdx(63, 'http://c:3')]), t);
  assert.ok(r.rewrote);
  // 63 names :authority → rewritten; 62 names x-a → its value is left alone.
  assert.deepEqual(
    literalValues(r.block).map((l) => l.value),
    ['b:2', 'http://c:3'],
  );
  // An indexed reference to a stored authority does not decide anything (it may be one we rewrote).
  assert.equal(rewriteBlock(Buffer.concat([PSEUDO, indexed(63)]), t).sawAuthority, false);
  assert.throws(() => rewriteBlock(Buffer.concat([PSEUDO, indexed(66)]), t), /out of range/);
  // A size update to 0 empties the table: index 62 is then out of range, as on the server.
  assert.throws(() => rewriteBlock(Buffer.concat([sizeUpdate(0), litIdx(62, 'x')]), t), /out of range/);
  // Eviction by size: a 100-byte table holds one entry of 32 + 10 + 40 bytes, not two.
  const small = new ClientTable();
  rewriteBlock(Buffer.concat([sizeUpdate(100), litIdx(1, 'http://' + 'h'.repeat(33))]), small);
  rewriteBlock(litName(0x40, 'x-b', 'v'.repeat(40)), small);
  assert.equal(small.nameAt(62), 'x-b');
  assert.throws(() => small.nameAt(63), /out of range/);
});

test('rewriteBlock: garbage throws (the rewriter then passes bytes on unchanged)', () => {
  const bad = [
    Buffer.of(0x80), // index 0
    Buffer.of(0xff), // truncated integer
    Buffer.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), // integer too large
    Buffer.of(0x41, 0x05, 0x61), // string cut short
    Buffer.of(0xbf, 0x10), // index far out of range
  ];
  for (const b of bad) assert.throws(() => rewriteBlock(b, new ClientTable()), /hpack/);
});

// ---- frames ----

function feed(rw: AuthorityRewriter, input: Buffer, step: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < input.length; i += step) out.push(...rw.push(input.subarray(i, i + step)));
  return Buffer.concat(out);
}

test('AuthorityRewriter: padded HEADERS with priority; output identical whatever the chunking', () => {
  const block = Buffer.concat([PSEUDO, litIdx(1, 'http://127.0.0.1:2379', true)]);
  const priority = Buffer.from([0, 0, 0, 0, 15]);
  const padded = Buffer.concat([Buffer.of(4), priority, block, Buffer.alloc(4)]);
  const data = frame(0x0, END_STREAM, 1, Buffer.from('abc'));
  const input = Buffer.concat([PREFACE, SETTINGS, frame(0x1, 0x8 | 0x20 | END_HEADERS, 1, padded), data]);
  const outputs = [1, 3, 7, input.length].map((step) => feed(new AuthorityRewriter(), input, step));
  for (const o of outputs) assert.deepEqual(o, outputs[0]);
  const out = outputs[0]!;
  assert.deepEqual(out.subarray(0, PREFACE.length + 9), Buffer.concat([PREFACE, SETTINGS]));
  const h = out.subarray(PREFACE.length + 9);
  const len = h.readUIntBE(0, 3);
  assert.equal(h[3], 0x1);
  assert.equal(h[4], 0x20 | END_HEADERS, 'PADDED dropped, PRIORITY kept');
  assert.deepEqual(h.subarray(9, 14), priority);
  assert.deepEqual(literalValues(h.subarray(14, 9 + len)), [{ first: 0x40, value: '127.0.0.1:2379' }]);
  assert.deepEqual(h.subarray(9 + len), data);
});

test('AuthorityRewriter: a block split over CONTINUATIONs inside the literal is re-framed', () => {
  // Pseudo-headers first (RFC 9113 §8.3), then a regular one; the authority literal cut inside its value.
  const block = Buffer.concat([PSEUDO, litIdx(1, 'http://h:1'), litName(0x00, 'x-pad', 'p'.repeat(20))]);
  const cut = PSEUDO.length + 6;
  const input = Buffer.concat([
    PREFACE,
    SETTINGS,
    frame(0x1, END_STREAM, 3, block.subarray(0, 4)),
    frame(0x9, 0, 3, block.subarray(4, cut)),
    frame(0x9, 0, 3, block.subarray(cut, cut + 8)),
    frame(0x9, END_HEADERS, 3, block.subarray(cut + 8)),
  ]);
  const largest = block.length - cut - 8;
  const rw = new AuthorityRewriter();
  const out = feed(rw, input, 5);
  assert.equal(rw.rewritten, 1);
  // Walk the frames: HEADERS then CONTINUATIONs, each no larger than the largest the client sent.
  let pos = PREFACE.length + 9;
  const frags: Buffer[] = [];
  const types: number[] = [];
  while (pos < out.length) {
    const len = out.readUIntBE(pos, 3);
    assert.ok(len <= largest);
    types.push(out[pos + 3]!);
    assert.equal(out.readUInt32BE(pos + 5), 3);
    if (pos + 9 + len === out.length) assert.equal(out[pos + 4]! & END_HEADERS, END_HEADERS);
    else assert.equal(out[pos + 4]! & END_HEADERS, 0);
    frags.push(out.subarray(pos + 9, pos + 9 + len));
    pos += 9 + len;
  }
  assert.equal(types[0], 0x1);
  assert.ok(types.slice(1).every((t) => t === 0x9));
  assert.equal(out[PREFACE.length + 9 + 4]! & END_STREAM, END_STREAM);
  assert.deepEqual(
    literalValues(Buffer.concat(frags)).map((l) => l.value),
    ['h:1', 'p'.repeat(20)],
  );
});

test('AuthorityRewriter: a good authority switches to pass-through; a bad one keeps filtering', () => {
  const good = new AuthorityRewriter();
  const first = Buffer.concat([
    PREFACE,
    SETTINGS,
    frame(0x1, END_HEADERS | END_STREAM, 1, Buffer.concat([PSEUDO, litIdx(1, 'h:1')])),
  ]);
  assert.deepEqual(feed(good, first, 4), first);
  assert.equal(good.passthrough, true);
  const later = frame(0x1, END_HEADERS | END_STREAM, 3, Buffer.concat([PSEUDO, litIdx(1, 'http://h:1')]));
  assert.deepEqual(Buffer.concat(good.push(later)), later, 'not parsed any more');

  const bad = new AuthorityRewriter();
  feed(bad, Buffer.concat([PREFACE, SETTINGS]), 100);
  for (let i = 0; i < 3; i++) {
    const b = frame(
      0x1,
      END_HEADERS | END_STREAM,
      1 + 2 * i,
      Buffer.concat([PSEUDO, litIdx(1, 'http://h:1')]),
    );
    const out = Buffer.concat(bad.push(b));
    assert.deepEqual(literalValues(out.subarray(9)), [{ first: 0x40, value: 'h:1' }]);
    assert.equal(bad.passthrough, false);
  }
  assert.equal(bad.rewritten, 3);
});

test('AuthorityRewriter: garbage never throws and is handed on byte for byte', () => {
  for (let i = 0; i < 200; i++) {
    const rw = new AuthorityRewriter();
    const garbage = Buffer.concat([
      PREFACE,
      i % 2 ? randomBytes(1 + (i % 50)) : frame(0x1, i % 16, 1, randomBytes(i % 40)),
      randomBytes(i),
    ]);
    const out = feed(rw, garbage, 1 + (i % 13));
    // Unchanged; a header block still waiting for its END_HEADERS is held back, nothing else.
    if (rw.rewritten === 0) assert.deepEqual(out, garbage.subarray(0, out.length));
    if (rw.passthrough) assert.deepEqual(out, garbage);
  }
  // HEADERS without END_HEADERS followed by a DATA frame: protocol error, passed on unchanged.
  const rw = new AuthorityRewriter();
  const bytes = Buffer.concat([
    PREFACE,
    frame(0x1, 0, 1, Buffer.concat([PSEUDO, litIdx(1, 'http://h:1')])),
    frame(0x0, 0, 1, Buffer.from('x')),
  ]);
  assert.deepEqual(feed(rw, bytes, 3), bytes);
  assert.equal(rw.passthrough, true);
});

// ---- in front of a real node:http2 server ----

interface Harness {
  readonly port: number;
  readonly got: IncomingHttpHeaders[];
  readonly filters: AuthorityFilter[];
  readonly errors: Error[];
  close(): Promise<void>;
}

async function harness(settings: Settings = {}): Promise<Harness> {
  const h2: Http2Server = createH2Server({ settings });
  const got: IncomingHttpHeaders[] = [];
  const errors: Error[] = [];
  const filters: AuthorityFilter[] = [];
  const sockets = new Set<Socket>();
  h2.on('stream', (stream, headers) => {
    got.push(headers);
    stream.respond({ ':status': 200 });
    stream.end();
  });
  h2.on('sessionError', (e) => errors.push(e));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const f = new AuthorityFilter(socket);
    filters.push(f);
    h2.emit('connection', f);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    got,
    filters,
    errors,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      h2.close();
    },
  };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const tableSize of [4096, 128]) {
  test(`node:http2 server behind the filter: 300 requests on one connection, header table ${tableSize}`, async () => {
    const h = await harness({ headerTableSize: tableSize });
    const client = connect(`http://127.0.0.1:${h.port}`);
    client.on('error', () => {});
    const sent: string[] = [];
    try {
      for (let i = 0; i < 300; i++) {
        // Values that change keep the client's encoder adding entries, so its table keeps evicting.
        const v = `${i}-${randomBytes(1 + (i % 40)).toString('hex')}`;
        sent.push(v);
        await new Promise<void>((resolve, reject) => {
          const req = client.request({
            ':authority': `http://127.0.0.1:${h.port}`,
            'x-n': v,
            'x-same': 'constant',
          });
          req.on('response', () => {});
          req.on('error', reject);
          req.on('close', () => resolve());
          req.resume();
          req.end();
        });
      }
      assert.equal(h.got.length, 300);
      for (let i = 0; i < 300; i++) {
        assert.equal(h.got[i]![':authority'], `127.0.0.1:${h.port}`);
        assert.equal(h.got[i]!['x-n'], sent[i]);
        assert.equal(h.got[i]!['x-same'], 'constant');
      }
      assert.equal(h.filters.length, 1);
      // nghttp2 stores the authority once and indexes it afterwards: at least the first was rewritten.
      assert.ok(h.filters[0]!.rewritten >= 1);
      assert.deepEqual(h.errors, []);
    } finally {
      client.close();
      await h.close();
    }
  });
}

test('node:http2 server behind the filter: good authority, CONTINUATION, garbage', async () => {
  const h = await harness();
  try {
    // A client with a good authority: served, and the filter stops parsing.
    const client = connect(`http://127.0.0.1:${h.port}`);
    // A connection reset while closing is not what this test is about (it was an uncaught exception).
    client.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      const req = client.request({ ':path': '/ok' });
      req.on('error', reject);
      req.on('close', () => resolve());
      req.resume();
      req.end();
    });
    client.close();
    assert.equal(h.got[0]![':authority'], `127.0.0.1:${h.port}`);
    assert.equal(h.filters[0]!.rewritten, 0);

    // Hand-made frames: the block (Huffman authority) in 4-byte pieces, HEADERS then CONTINUATIONs.
    const block = Buffer.concat([
      PSEUDO,
      litIdx(1, 'http://h:1', true),
      litName(0x00, 'x-pad', 'p'.repeat(20)),
    ]);
    const frames: Buffer[] = [];
    for (let i = 0; i < block.length; i += 4) {
      const last = i + 4 >= block.length;
      const type = i === 0 ? 0x1 : 0x9;
      const flags = (i === 0 ? END_STREAM : 0) | (last ? END_HEADERS : 0);
      frames.push(frame(type, flags, 1, block.subarray(i, i + 4)));
    }
    const raw = tcpConnect(h.port, '127.0.0.1');
    raw.on('error', () => {});
    raw.write(Buffer.concat([PREFACE, SETTINGS, ...frames]));
    await until(() => h.got.length === 2, 'the hand-made request');
    assert.equal(h.got[1]![':authority'], 'h:1');
    assert.equal(h.got[1]!['x-pad'], 'p'.repeat(20));
    raw.destroy();

    // Garbage HPACK: nghttp2 answers GOAWAY(COMPRESSION_ERROR), nothing throws. (Over a Duplex node:http2 does
    // not close the connection itself after that; the client does, as grpc-go and grpc-js do on GOAWAY.)
    const junk = tcpConnect(h.port, '127.0.0.1');
    junk.on('error', () => {});
    let answer = Buffer.alloc(0);
    junk.on('data', (d: Buffer) => (answer = Buffer.concat([answer, d])));
    junk.write(Buffer.concat([PREFACE, SETTINGS, frame(0x1, END_HEADERS, 1, Buffer.of(0x80, 0x41, 0xff))]));
    const goaway = (): number => {
      for (let pos = 0; pos + 9 <= answer.length; pos += 9 + answer.readUIntBE(pos, 3)) {
        if (answer[pos + 3] === 0x7 && pos + 17 <= answer.length) return answer.readUInt32BE(pos + 13);
      }
      return -1;
    };
    await until(() => goaway() !== -1, 'GOAWAY');
    assert.equal(goaway(), 0x9, 'COMPRESSION_ERROR');
    junk.destroy();

    // The server still serves.
    const again = connect(`http://127.0.0.1:${h.port}`);
    again.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      const req = again.request({ ':authority': 'https://x:9/' });
      req.on('error', reject);
      req.on('close', () => resolve());
      req.resume();
      req.end();
    });
    again.close();
    assert.equal(h.got[2]![':authority'], 'x:9');
  } finally {
    await h.close();
  }
});

// ---- gateH2: the socket itself when no rewrite is needed, the filter otherwise ----

interface GateHarness {
  readonly port: number;
  readonly got: IncomingHttpHeaders[];
  /** The path each connection took, in order. */
  readonly paths: ('native' | 'filter')[];
  readonly errors: Error[];
  /** Sockets whose connection was dropped before a decision. */
  readonly dropped: () => number;
  close(): Promise<void>;
}

async function gateHarness(timeoutMs?: number): Promise<GateHarness> {
  const h2: Http2Server = createH2Server();
  const got: IncomingHttpHeaders[] = [];
  const errors: Error[] = [];
  const paths: ('native' | 'filter')[] = [];
  const sockets = new Set<Socket>();
  let dropped = 0;
  h2.on('stream', (stream, headers) => {
    got.push(headers);
    stream.respond({ ':status': 200 });
    stream.end();
  });
  h2.on('sessionError', (e) => errors.push(e));
  h2.on('session', (session) => session.on('error', (e) => errors.push(e)));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    let decided = false;
    socket.on('close', () => {
      sockets.delete(socket);
      if (!decided) dropped++;
    });
    socket.on('error', () => {});
    gateH2(socket, {
      native: (s) => {
        decided = true;
        paths.push('native');
        h2.emit('connection', s);
      },
      filtered: (f) => {
        decided = true;
        paths.push('filter');
        h2.emit('connection', f);
      },
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as { port: number }).port,
    got,
    paths,
    errors,
    dropped: () => dropped,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
      h2.close();
    },
  };
}

/** n sequential requests on one node:http2 client connection with the given :authority. */
async function requests(port: number, authority: string | undefined, n: number): Promise<void> {
  const client = connect(`http://127.0.0.1:${port}`);
  client.on('error', () => {});
  try {
    for (let i = 0; i < n; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = client.request({ ...(authority ? { ':authority': authority } : {}), 'x-i': String(i) });
        let status = 0;
        req.on('response', (hd) => (status = Number(hd[':status'])));
        req.on('error', reject);
        req.on('close', () => (status === 200 ? resolve() : reject(new Error(`status ${status}`))));
        req.resume();
        req.end();
      });
    }
  } finally {
    client.close();
  }
}

test('gateH2: node:http2 clients, good authority → socket; scheme authority → filter; both served', async () => {
  const h = await gateHarness();
  try {
    await requests(h.port, undefined, 50);
    assert.deepEqual(h.paths, ['native']);
    await requests(h.port, `http://127.0.0.1:${h.port}`, 50);
    assert.deepEqual(h.paths, ['native', 'filter']);
    assert.equal(h.got.length, 100);
    assert.ok(h.got.every((g) => g[':authority'] === `127.0.0.1:${h.port}`));
    assert.deepEqual(h.errors, []);
  } finally {
    await h.close();
  }
});

/** A raw client connection: what the server sends, frame by frame. */
class RawClient {
  readonly socket: Socket;
  private buf = Buffer.alloc(0);
  readonly frames: { type: number; flags: number; stream: number; payload: Buffer }[] = [];

  constructor(port: number) {
    this.socket = tcpConnect(port, '127.0.0.1');
    this.socket.on('error', () => {});
    this.socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      while (this.buf.length >= 9 && this.buf.length >= 9 + this.buf.readUIntBE(0, 3)) {
        const len = this.buf.readUIntBE(0, 3);
        this.frames.push({
          type: this.buf[3]!,
          flags: this.buf[4]!,
          stream: this.buf.readUInt32BE(5) & 0x7fffffff,
          payload: this.buf.subarray(9, 9 + len),
        });
        this.buf = this.buf.subarray(9 + len);
      }
    });
  }

  /** Server SETTINGS frames that are not ACKs. */
  settings(): number {
    return this.frames.filter((f) => f.type === 0x4 && !(f.flags & 0x1)).length;
  }

  goaway(): number | undefined {
    const g = this.frames.find((f) => f.type === 0x7);
    return g ? g.payload.readUInt32BE(4) : undefined;
  }

  /** Whether a response HEADERS frame arrived on `stream`. */
  answered(stream: number): boolean {
    return this.frames.some((f) => f.type === 0x1 && f.stream === stream);
  }
}

const SETTINGS_ACK = frame(0x4, 0x1, 0, Buffer.alloc(0));
const request = (stream: number, authority: string): Buffer =>
  frame(
    0x1,
    END_HEADERS | END_STREAM,
    stream,
    Buffer.concat([PSEUDO, litName(0x00, ':authority', authority)]),
  );

for (const order of ['ack-then-headers', 'headers-then-ack'] as const) {
  for (const authority of ['h:1', 'http://h:1']) {
    test(`gateH2: raw client, ${order}, authority ${authority}: served, no protocol error`, async () => {
      const h = await gateHarness();
      const c = new RawClient(h.port);
      try {
        // grpc-go's order: preface and SETTINGS, then nothing until the server's SETTINGS has come.
        c.socket.write(Buffer.concat([PREFACE, SETTINGS]));
        if (order === 'headers-then-ack') c.socket.write(request(1, authority));
        await until(() => c.settings() >= 1, "the gate's SETTINGS");
        if (order === 'ack-then-headers')
          c.socket.write(Buffer.concat([SETTINGS_ACK, request(1, authority)]));
        else c.socket.write(SETTINGS_ACK);
        await until(() => c.answered(1), 'the answer to stream 1');
        // node:http2's own SETTINGS follows; acknowledging it is the ACK it expects (a stray one is a GOAWAY).
        await until(() => c.settings() >= 2, "node:http2's SETTINGS");
        c.socket.write(Buffer.concat([SETTINGS_ACK, request(3, authority)]));
        await until(() => c.answered(3), 'the answer to stream 3');
        // A PING round trip after both ACKs: the session is still sound.
        c.socket.write(frame(0x6, 0, 0, Buffer.from('12345678')));
        await until(() => c.frames.some((f) => f.type === 0x6 && f.flags & 0x1), 'PING ACK');
        assert.equal(c.goaway(), undefined);
        assert.deepEqual(h.paths, [authority === 'h:1' ? 'native' : 'filter']);
        assert.deepEqual(
          h.got.map((g) => g[':authority']),
          ['h:1', 'h:1'],
        );
        assert.deepEqual(h.errors, []);
      } finally {
        c.socket.destroy();
        await h.close();
      }
    });
  }
}

test('gateH2: a PING before the first request gets the filter, and its answer', async () => {
  const h = await gateHarness();
  const c = new RawClient(h.port);
  try {
    c.socket.write(Buffer.concat([PREFACE, SETTINGS, frame(0x6, 0, 0, Buffer.from('abcdefgh'))]));
    await until(() => c.frames.some((f) => f.type === 0x6 && f.flags & 0x1), 'PING ACK');
    assert.deepEqual(h.paths, ['filter']);
    // The ACK of the gate's SETTINGS still has to go (the filter drops it), then requests are served.
    await until(() => c.settings() >= 2, 'both SETTINGS');
    c.socket.write(Buffer.concat([SETTINGS_ACK, SETTINGS_ACK, request(1, 'h:1')]));
    await until(() => c.answered(1), 'the answer to stream 1');
    assert.equal(c.goaway(), undefined);
    assert.deepEqual(h.errors, []);
  } finally {
    c.socket.destroy();
    await h.close();
  }
});

test('gateH2: a silent client gets the filter after the timeout and is served later', async () => {
  const h = await gateHarness(300);
  const c = new RawClient(h.port);
  try {
    c.socket.write(Buffer.concat([PREFACE, SETTINGS]));
    await until(() => h.paths.length === 1, 'the timeout');
    assert.deepEqual(h.paths, ['filter']);
    await until(() => c.settings() >= 2, 'both SETTINGS');
    c.socket.write(Buffer.concat([SETTINGS_ACK, SETTINGS_ACK, request(1, 'h:1')]));
    await until(() => c.answered(1), 'the answer to stream 1');
    assert.equal(c.goaway(), undefined);
  } finally {
    c.socket.destroy();
    await h.close();
  }
});

test('gateH2: a client that leaves before its first request is dropped, never handed on', async () => {
  const h = await gateHarness();
  try {
    const c = new RawClient(h.port);
    c.socket.end(Buffer.concat([PREFACE, SETTINGS]));
    await until(() => h.dropped() === 1, 'the connection dropped');
    assert.deepEqual(h.paths, []);
  } finally {
    await h.close();
  }
});

test('gateH2: garbage after the preface is refused by node:http2 with a GOAWAY', async () => {
  const h = await gateHarness();
  try {
    // Bad HPACK in the first HEADERS, and a frame of an unknown layout in place of SETTINGS.
    for (const bytes of [
      Buffer.concat([PREFACE, SETTINGS, frame(0x1, END_HEADERS, 1, Buffer.of(0x80, 0x41, 0xff))]),
      Buffer.concat([PREFACE, Buffer.from('this is not a frame at all, not even close')]),
    ]) {
      const c = new RawClient(h.port);
      c.socket.write(bytes);
      await until(() => c.goaway() !== undefined, 'GOAWAY');
      assert.notEqual(c.goaway(), 0, 'an error code');
      c.socket.destroy();
    }
    assert.deepEqual(h.paths, ['filter', 'filter']);
    await requests(h.port, undefined, 1);
    assert.deepEqual(h.paths, ['filter', 'filter', 'native']);
  } finally {
    await h.close();
  }
});
