// The hand-written raft message codec against the protobufjs one (api/raft-codec.ts): each reads what
// the other writes, field for field, and both refuse numbers beyond 53 bits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeMessage, encodeMessage } from '../api/raft-codec.ts';
import { raftpb } from '../api/gen/raftpb.js';
import type { Entry, Message, MessageType } from '../api/raft-types.ts';
import { decodeRaftMessage, encodeRaftMessage } from './message-codec.ts';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const num = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
const bytes = fc.uint8Array({ maxLength: 40 });
const entry: fc.Arbitrary<Entry> = fc.record({
  term: num,
  index: num,
  type: fc.constantFrom(0 as const, 1 as const),
  data: bytes,
});
const snapshot = fc.record({
  data: bytes,
  metadata: fc.record({
    confState: fc.record({
      voters: fc.array(u64, { maxLength: 3 }),
      learners: fc.array(u64, { maxLength: 2 }),
    }),
    index: num,
    term: num,
  }),
});
const message: fc.Arbitrary<Message> = fc.record({
  type: fc.integer({ min: 0, max: 18 }).map((t) => t as MessageType),
  to: u64,
  from: u64,
  term: num,
  logTerm: num,
  index: num,
  entries: fc.array(entry, { maxLength: 6 }),
  commit: num,
  snapshot: fc.option(snapshot, { nil: undefined }),
  reject: fc.boolean(),
  rejectHint: num,
  context: fc.option(
    bytes.filter((b) => b.length > 0),
    { nil: undefined },
  ),
});

/** Byte arrays compared by content, whatever their class (Buffer views or Uint8Array). */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return [...v];
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  }
  return v;
}

test('hand-written raft message codec and protobufjs read each other', () => {
  fc.assert(
    fc.property(message, (m) => {
      const mine = encodeRaftMessage(m);
      const ref = encodeMessage(m);
      assert.deepEqual(plain(decodeRaftMessage(mine)), plain(m));
      assert.deepEqual(plain(decodeMessage(mine)), plain(m));
      assert.deepEqual(plain(decodeRaftMessage(ref)), plain(m));
    }),
    { numRuns: 2000 },
  );
});

test('numbers beyond 53 bits are refused, unknown fields skipped', () => {
  const big = raftpb.Message.encode({ type: 3, term: '9007199254740993' as never }).finish();
  assert.throws(() => decodeRaftMessage(big), /term does not fit in 53 bits/);
  assert.throws(
    () => encodeRaftMessage({ ...decodeRaftMessage(encodeRaftMessage(sample())), index: 2 ** 53 }),
    RangeError,
  );
  // Field 15 (varint) and field 16 (bytes) are not raftpb's: skipped, as protobuf readers do.
  const known = encodeRaftMessage(sample());
  const extra = Buffer.concat([Buffer.from([0x78, 0x96, 0x01, 0x82, 0x01, 0x02, 0xaa, 0xbb]), known]);
  assert.deepEqual(plain(decodeRaftMessage(extra)), plain(sample()));
  assert.throws(() => decodeRaftMessage(Buffer.from([0x3a, 0x05, 0x10])), RangeError, 'a field past the end');
});

function sample(): Message {
  return {
    type: 3 as MessageType,
    to: 0xfedcba9876543210n,
    from: 2n,
    term: 7,
    logTerm: 6,
    index: 41,
    entries: [{ term: 7, index: 42, type: 0, data: Uint8Array.from([1, 2, 3]) }],
    commit: 40,
    snapshot: undefined,
    reject: false,
    rejectHint: 0,
    context: undefined,
  };
}
