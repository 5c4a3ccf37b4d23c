import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  decodeConfChange,
  decodeEntry,
  decodeHardState,
  decodeMessage,
  decodeSnapshot,
  encodeConfChange,
  encodeEntry,
  encodeHardState,
  encodeMessage,
  encodeSnapshot,
  longToSafe,
} from './raft-codec.ts';
import type { Entry, Message } from './raft-types.ts';
import Long from 'long';
import { raftpb } from './gen/raftpb.js';

const u64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const idx = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const entry = fc.record({
  term: idx,
  index: idx,
  type: fc.constantFrom(0 as const, 1 as const),
  data: fc.uint8Array({ maxLength: 64 }),
});

test('entry, hard state and conf change survive a round trip', () => {
  fc.assert(
    fc.property(entry, (e: Entry) => {
      const back = decodeEntry(encodeEntry(e));
      assert.deepEqual({ ...back, data: Array.from(back.data) }, { ...e, data: Array.from(e.data) });
    }),
  );
  fc.assert(
    fc.property(idx, u64, idx, (term, vote, commit) => {
      assert.deepEqual(decodeHardState(encodeHardState({ term, vote, commit })), { term, vote, commit });
    }),
  );
  fc.assert(
    fc.property(u64, u64, (id, nodeId) => {
      const cc = { id, type: 3 as const, nodeId, context: new Uint8Array([1, 2, 3]) };
      const back = decodeConfChange(encodeConfChange(cc));
      assert.deepEqual({ ...back, context: Array.from(back.context) }, { ...cc, context: [1, 2, 3] });
    }),
  );
});

test('encodeEntry writes the bytes protobufjs writes for the same entry', () => {
  const anyEntry = fc.record({
    term: fc.oneof(idx, fc.constantFrom(0, 1, 127, 128, 2 ** 32)),
    index: fc.oneof(idx, fc.constantFrom(0, 1, 127, 128, 2 ** 32)),
    type: fc.constantFrom(0 as const, 1 as const),
    data: fc.oneof(fc.constant(new Uint8Array(0)), fc.uint8Array({ maxLength: 300 })),
  });
  fc.assert(
    fc.property(anyEntry, (e: Entry) => {
      const want = raftpb.Entry.encode({ Term: e.term, Index: e.index, Type: e.type, Data: e.data }).finish();
      assert.equal(Buffer.from(encodeEntry(e)).toString('hex'), Buffer.from(want).toString('hex'));
    }),
    { numRuns: 500 },
  );
});

test('message with entries and snapshot survives a round trip', () => {
  fc.assert(
    fc.property(
      u64,
      u64,
      idx,
      fc.array(entry, { maxLength: 5 }),
      fc.boolean(),
      (to, from, term, entries, reject) => {
        const m: Message = {
          type: 3,
          to,
          from,
          term,
          logTerm: term,
          index: 7,
          entries,
          commit: 3,
          snapshot: {
            data: new Uint8Array([9]),
            metadata: { confState: { voters: [to, from], learners: [1n] }, index: 4, term: 2 },
          },
          reject,
          rejectHint: 2,
          context: new Uint8Array([5]),
        };
        const back = decodeMessage(encodeMessage(m));
        assert.equal(back.to, to);
        assert.equal(back.from, from);
        assert.equal(back.term, term);
        assert.equal(back.reject, reject);
        assert.equal(back.entries.length, entries.length);
        assert.deepEqual(back.snapshot?.metadata.confState.voters, [to, from]);
        assert.deepEqual(Array.from(back.context ?? []), [5]);
      },
    ),
  );
});

test('snapshot round trip keeps metadata', () => {
  const s = {
    data: new Uint8Array([1, 2]),
    metadata: { confState: { voters: [1n, 2n], learners: [] }, index: 10, term: 3 },
  };
  const back = decodeSnapshot(encodeSnapshot(s));
  assert.equal(back.metadata.index, 10);
  assert.equal(back.metadata.term, 3);
  assert.deepEqual(back.metadata.confState.voters, [1n, 2n]);
});

test('an index beyond 2^53 is refused, not rounded', () => {
  assert.throws(() => longToSafe(Long.fromBits(0, 0x200000, true)), /53 bits/);
  assert.equal(longToSafe(Long.fromBits(0xffffffff, 0x1fffff, true)), Number.MAX_SAFE_INTEGER);
});
