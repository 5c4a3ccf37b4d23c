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

/** Protobuf varint bytes of a non-negative integer (any size a JS number holds exactly). */
function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

test("a message or entry type outside raftpb's enums is refused, the highest known ones decode", () => {
  // MsgPreVoteResp (18) is the last MessageType; 19 and above would reach raft.step with no case for it.
  const last = encodeRaftMessage({ ...sample(), type: 18 as MessageType });
  assert.equal(decodeRaftMessage(last).type, 18);
  const untyped = encodeRaftMessage({ ...sample(), type: 0 as MessageType }); // type 0 is not written
  for (const t of [19, 127, 300, 2 ** 40]) {
    const bad = Buffer.concat([untyped, Buffer.from([0x08, ...varint(t)])]);
    assert.throws(() => decodeRaftMessage(bad), {
      name: 'RangeError',
      message: `raft message: unknown message type ${t}`,
    });
  }
  // Entry types: EntryNormal (0) and EntryConfChange (1) decode; anything above is refused, also after a
  // good entry in an otherwise well-formed message (protobufjs writes these, as a peer's encoder would).
  const conf = encodeRaftMessage({
    ...sample(),
    entries: [{ term: 7, index: 42, type: 1, data: Uint8Array.from([9]) }],
  });
  assert.equal(decodeRaftMessage(conf).entries[0]!.type, 1);
  for (const t of [2, 3, 1000]) {
    const bad = raftpb.Message.encode({
      type: 3,
      to: 1,
      from: 2,
      entries: [
        { Type: 0, Term: 1, Index: 1 },
        { Type: t, Term: 1, Index: 2 },
      ],
    } as never).finish();
    assert.throws(() => decodeRaftMessage(bad), {
      name: 'RangeError',
      message: `raft message: unknown entry type ${t}`,
    });
  }
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
