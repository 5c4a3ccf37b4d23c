import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { crc32c } from '@node-rs/crc32';
import { WalCorruptError } from './errors.ts';
import {
  decodeSegment,
  encodeFrame,
  frameSize,
  MAX_RECORD_BYTES,
  RecordType,
  WRITE_START,
  WRITE_SYNCED,
} from './record.ts';

// Test oracle: table-driven CRC-32C (Castagnoli, reflected polynomial 0x82f63b78), chained like the native one.
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32cRef(buf: Uint8Array, prev = 0): number {
  let c = ~prev >>> 0;
  for (const b of buf) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const type = fc.constantFrom(RecordType.metadata, RecordType.entry, RecordType.state, RecordType.snapshot);
const rec = fc.record({ type, data: fc.uint8Array({ maxLength: 300 }) });

function segment(records: { type: RecordType; data: Uint8Array }[], prevCrc = 0, tailZeros = 0): Buffer {
  const parts: Buffer[] = [];
  let crc = prevCrc;
  for (const r of [{ type: RecordType.crc, data: new Uint8Array(0) }, ...records]) {
    const f = encodeFrame(r.type, r.data, crc, r.type === RecordType.crc ? WRITE_START | WRITE_SYNCED : 0);
    parts.push(f.frame);
    crc = f.crc;
  }
  parts.push(Buffer.alloc(tailZeros));
  return Buffer.concat(parts);
}

test('native crc32c matches the table oracle, chained', () => {
  assert.equal(crc32cRef(Buffer.from('123456789')), 0xe3069283, 'check value of CRC-32C');
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.integer({ min: 0, max: 0xffffffff }),
      (a, b, seed) => {
        assert.equal(crc32c(b, crc32c(a, seed)) >>> 0, crc32cRef(b, crc32cRef(a, seed)));
      },
    ),
  );
});

test('frames are multiples of 8 bytes and decode back to the same records', () => {
  fc.assert(
    fc.property(
      fc.array(rec, { maxLength: 20 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.boolean(),
      (records, zeros, last) => {
        const buf = segment(records, 0, zeros);
        const out = decodeSegment(buf, { file: 'f', last, prevCrc: undefined });
        assert.equal(out.torn, undefined);
        assert.equal(out.end, buf.length - zeros);
        assert.equal(out.end % 8, 0);
        assert.deepEqual(
          out.records.slice(1).map((r) => [r.type, Buffer.from(r.data).toString('hex')]),
          records.map((r) => [r.type, Buffer.from(r.data).toString('hex')]),
        );
        for (const r of records) assert.equal(frameSize(r.data.length) % 8, 0);
      },
    ),
  );
});

test('a segment must start with a crc record that continues the chain', () => {
  const buf = segment([{ type: RecordType.entry, data: Buffer.from('x') }], 1234);
  assert.doesNotThrow(() => decodeSegment(buf, { file: 'f', last: false, prevCrc: 1234 }));
  assert.doesNotThrow(() => decodeSegment(buf, { file: 'f', last: false, prevCrc: undefined }));
  assert.throws(() => decodeSegment(buf, { file: 'f', last: false, prevCrc: 99 }), WalCorruptError);
  const noCrc = encodeFrame(RecordType.entry, Buffer.from('x'), 0).frame;
  assert.throws(
    () => decodeSegment(noCrc, { file: 'f', last: true, prevCrc: undefined }),
    /does not start with a crc record/,
  );
  assert.throws(
    () => decodeSegment(Buffer.alloc(64), { file: 'f', last: true, prevCrc: undefined }),
    /empty segment/,
  );
});

test('every single changed byte inside the records is detected', () => {
  const records = [
    { type: RecordType.metadata, data: Buffer.from('meta') },
    { type: RecordType.entry, data: Buffer.from('entry one, some bytes') },
    { type: RecordType.entry, data: Buffer.from('entry two') },
    { type: RecordType.state, data: Buffer.from('hs') },
  ];
  const good = segment(records);
  for (let i = 0; i < good.length; i++) {
    for (const x of [0x01, 0x80, 0xff]) {
      const bad = Buffer.from(good);
      bad[i]! ^= x;
      // Not last: every damage must be an error. Last: an error, or a cut before the damaged frame.
      assert.throws(
        () => decodeSegment(bad, { file: 'f', last: false, prevCrc: undefined }),
        WalCorruptError,
        `byte ${i}`,
      );
      try {
        const out = decodeSegment(bad, { file: 'f', last: true, prevCrc: undefined });
        assert.ok(out.torn !== undefined && out.end <= i, `byte ${i} ^ ${x}: cut at ${out.end}`);
      } catch (err) {
        assert.ok(err instanceof WalCorruptError, `byte ${i}: ${String(err)}`);
      }
    }
  }
});

// Fuzz: the decoder's only failure mode is WalCorruptError, and it never copies or allocates from a length
// field (every record it returns is a view into the input).
function checkDecode(buf: Buffer, last: boolean, prevCrc: number | undefined): void {
  try {
    const out = decodeSegment(buf, { file: 'fuzz', last, prevCrc });
    assert.ok(out.end <= buf.length, 'end inside the buffer');
    for (const r of out.records) {
      assert.equal(r.data.buffer, buf.buffer, 'records are views, not copies');
      assert.ok(r.offset + r.data.length <= buf.length, 'record inside the buffer');
    }
  } catch (err) {
    if (!(err instanceof WalCorruptError)) throw err;
  }
}

test('fuzz: random bytes (5,000 cases)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), (bytes, last) => {
      checkDecode(Buffer.from(bytes), last, undefined);
    }),
    { numRuns: 5000 },
  );
});

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('zero' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 600 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  // A length word claiming up to 2^56 bytes: must be refused, never allocated.
  fc.record({
    kind: fc.constant('length' as const),
    at: fc.nat(),
    len: fc.bigInt({ min: 0n, max: (1n << 56n) - 1n }),
    pad: fc.integer({ min: 0, max: 255 }),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(buf: Buffer, m: Mutation): Buffer {
  const at = buf.length === 0 ? 0 : m.at % buf.length;
  switch (m.kind) {
    case 'flip': {
      const b = Buffer.from(buf);
      if (b.length > 0) b[at]! ^= m.bits;
      return b;
    }
    case 'truncate':
      return buf.subarray(0, at);
    case 'zero':
      return Buffer.from(buf).fill(0, at, Math.min(buf.length, at + m.len));
    case 'insert':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
    case 'length': {
      const b = Buffer.from(buf);
      const word = at & ~7;
      if (word + 8 <= b.length) b.writeBigUInt64LE(m.len | (BigInt(m.pad) << 56n), word);
      return b;
    }
  }
}

test('fuzz: mutated valid segments (6,000 cases)', () => {
  fc.assert(
    fc.property(
      fc.array(rec, { minLength: 1, maxLength: 12 }),
      fc.array(mutation, { minLength: 1, maxLength: 3 }),
      fc.integer({ min: 0, max: 1024 }),
      fc.boolean(),
      (records, muts, zeros, last) => {
        let buf = segment(records, 0, zeros);
        for (const m of muts) buf = mutate(buf, m);
        checkDecode(buf, last, undefined);
        checkDecode(buf, last, 0);
      },
    ),
    { numRuns: 6000 },
  );
});

test('an absurd length is refused whatever the file size', () => {
  const good = segment([{ type: RecordType.entry, data: Buffer.alloc(40, 1) }]);
  const bad = Buffer.concat([good, Buffer.alloc(MAX_RECORD_BYTES + 64)]);
  const off = good.length - frameSize(40);
  bad.writeBigUInt64LE(BigInt(MAX_RECORD_BYTES + 16) | (0x80n << 56n), off);
  assert.throws(
    () => decodeSegment(bad, { file: 'f', last: false, prevCrc: undefined }),
    (e: unknown) => e instanceof WalCorruptError && e.offset === off && /absurd/.test(e.reason),
  );
});
