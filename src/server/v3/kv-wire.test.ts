// kv-wire writes, byte for byte, what protobufjs writes for the same messages (what the gRPC front sends, and
// what propose() put in raft entries before): random headers, KeyValues, flags and 64-bit extremes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { etcdserverpb, mvccpb } from '../../api/gen/etcd.js';
import { i64ToLong, u64ToLong } from '../../api/long.ts';
import { encodeFramed } from '../../http/grpc-h2.ts';
import { encodeKeyValue } from '../../storage/mvcc/kv-codec.ts';
import type { KeyValue } from '../../storage/mvcc/types.ts';
import { kvToPb, putFromPb, putToPb, rangeToPb } from './kv-convert.ts';
import {
  decodeInternalPut,
  encodeInternalPut,
  encodeResponseHeader,
  framedPutResponse,
  framedRangeResponse,
} from './kv-wire.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

const u64Arb = fc.oneof(
  fc.constantFrom(0n, 1n, 127n, 128n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n),
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
);
const i64Arb = fc.oneof(
  fc.constantFrom(0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
);
const revArb = fc.oneof(fc.constantFrom(0, 1, 127, 128, 2 ** 31, Number.MAX_SAFE_INTEGER), fc.nat());
const bytesArb = fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 300 }));
const headerArb = fc.oneof(
  fc.constant({ cluster: 0n, member: 0n, revision: 0, term: 0 }),
  fc.record({ cluster: u64Arb, member: u64Arb, revision: revArb, term: revArb }),
);
const kvArb: fc.Arbitrary<KeyValue> = fc.record({
  key: fc.uint8Array({ minLength: 1, maxLength: 40 }),
  createRevision: revArb,
  modRevision: revArb,
  version: revArb,
  value: bytesArb,
  lease: i64Arb,
});

const pbHeader = (h: { cluster: bigint; member: bigint; revision: number; term: number }) => ({
  cluster_id: u64ToLong(h.cluster),
  member_id: u64ToLong(h.member),
  revision: i64ToLong(h.revision),
  raft_term: u64ToLong(BigInt(h.term)),
});

test('ResponseHeader bytes are protobufjs bytes', () => {
  fc.assert(
    fc.property(headerArb, (h) => {
      const want = etcdserverpb.ResponseHeader.encode(pbHeader(h)).finish();
      assert.equal(hex(encodeResponseHeader(h.cluster, h.member, h.revision, h.term)), hex(want));
    }),
    { numRuns: 500 },
  );
});

test('a framed RangeResponse from stored KeyValues is what the front would frame from rangeToPb', () => {
  fc.assert(
    fc.property(
      headerArb,
      fc.array(kvArb, { maxLength: 12 }),
      fc.boolean(),
      revArb,
      (h, kvs, more, count) => {
        const header = encodeResponseHeader(h.cluster, h.member, h.revision, h.term);
        const got = framedRangeResponse(header, {
          revision: h.revision,
          kvs: kvs.map(encodeKeyValue),
          more,
          count,
        });
        const want = encodeFramed(
          etcdserverpb.RangeResponse,
          rangeToPb({ header: { revision: h.revision }, kvs, more, count }, () => pbHeader(h)),
        );
        assert.equal(hex(got), hex(want));
      },
    ),
    { numRuns: 500 },
  );
});

test('a framed PutResponse is what the front would frame from putToPb', () => {
  fc.assert(
    fc.property(headerArb, (h) => {
      const got = framedPutResponse(encodeResponseHeader(h.cluster, h.member, h.revision, h.term));
      const want = encodeFramed(
        etcdserverpb.PutResponse,
        putToPb({ header: { revision: h.revision } }, () => pbHeader(h)),
      );
      assert.equal(hex(got), hex(want));
    }),
    { numRuns: 300 },
  );
  // An all-zero header is an empty message, still written as a field (as protobufjs and gogoproto do).
  assert.equal(hex(framedPutResponse(encodeResponseHeader(0n, 0n, 0, 0))), '00000000020a00');
});

/** A PutRequest with any subset of its fields set. */
const putArb = fc.record(
  {
    key: bytesArb,
    value: bytesArb,
    lease: i64Arb.map((l) => i64ToLong(l)),
    prev_kv: fc.boolean(),
    ignore_value: fc.boolean(),
    ignore_lease: fc.boolean(),
  },
  { requiredKeys: [] },
);

test("a Put's raft entry is what protobufjs encodes for {put, header: {ID}}, decoded or plain request", () => {
  fc.assert(
    fc.property(u64Arb, putArb, fc.boolean(), (id, put, decoded) => {
      // The front hands propose() a decoded message (defaults on its prototype); other callers plain objects.
      const req = decoded
        ? etcdserverpb.PutRequest.decode(etcdserverpb.PutRequest.encode(put).finish())
        : put;
      const want = etcdserverpb.InternalRaftRequest.encode({
        put: req,
        header: { ID: u64ToLong(id) },
      }).finish();
      assert.equal(hex(encodeInternalPut(id, req)), hex(want));
    }),
    { numRuns: 500 },
  );
});

test('kvToPb of a stored KeyValue re-encodes to the stored bytes (the premise of framedRangeResponse)', () => {
  fc.assert(
    fc.property(kvArb, (kv) => {
      const stored = encodeKeyValue(kv);
      assert.equal(hex(mvccpb.KeyValue.encode(kvToPb(kv)).finish()), hex(stored));
    }),
    { numRuns: 300 },
  );
});

test("decodeInternalPut reads a Put's entry as protobufjs + putFromPb do, and declines every other entry", () => {
  const plain = (p: ReturnType<typeof putFromPb>) => ({
    ...p,
    key: hex(p.key),
    value: hex(p.value ?? new Uint8Array(0)),
  });
  fc.assert(
    fc.property(u64Arb, putArb, (id, put) => {
      for (const entry of [
        encodeInternalPut(id, put),
        etcdserverpb.InternalRaftRequest.encode({ put, header: { ID: u64ToLong(id) } }).finish(),
      ]) {
        const want = etcdserverpb.InternalRaftRequest.decode(entry);
        const got = decodeInternalPut(entry);
        assert.ok(got !== undefined);
        assert.equal(got.id, id);
        assert.deepStrictEqual(plain(got.put), plain(putFromPb(want.put!)));
      }
    }),
    { numRuns: 500 },
  );
  const declined: etcdserverpb.IInternalRaftRequest[] = [
    { delete_range: { key: Buffer.from('a') }, header: { ID: u64ToLong(1n) } },
    { txn: {}, header: { ID: u64ToLong(2n) } },
    { put: { key: Buffer.from('a') }, header: { ID: u64ToLong(3n), username: 'root' } },
    { put: { key: Buffer.from('a') }, ID: u64ToLong(4n) },
    { header: { ID: u64ToLong(5n) } },
    { lease_grant: { TTL: i64ToLong(5) }, header: { ID: u64ToLong(6n) } },
  ];
  for (const r of declined) {
    assert.equal(
      decodeInternalPut(etcdserverpb.InternalRaftRequest.encode(r).finish()),
      undefined,
      JSON.stringify(r),
    );
  }
  // Cut short anywhere: declined where protobufjs fails; where the cut leaves a valid message (at a field
  // boundary), read as protobufjs reads it.
  const whole = encodeInternalPut(0x1234567890abcdefn, {
    key: Buffer.from('key'),
    value: Buffer.alloc(200, 1),
  });
  let valid = 0;
  for (let n = 0; n < whole.length; n++) {
    const cut = whole.subarray(0, n);
    const got = decodeInternalPut(cut);
    let want: etcdserverpb.InternalRaftRequest | undefined;
    try {
      want = etcdserverpb.InternalRaftRequest.decode(cut);
    } catch {
      assert.equal(got, undefined, `cut at ${n}`);
      continue;
    }
    if (got === undefined) continue;
    valid++;
    assert.ok(want.put, `cut at ${n}`);
    assert.equal(got.id, want.header?.ID ? BigInt(want.header.ID.toString()) : 0n, `cut at ${n}`);
    assert.deepStrictEqual(plain(got.put), plain(putFromPb(want.put)), `cut at ${n}`);
  }
  assert.ok(valid > 0 && valid < 5, `${valid} cuts read as valid entries`);
});
