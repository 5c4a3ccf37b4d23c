import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStorage } from './memory-storage.ts';
import { ErrCompacted, ErrSnapOutOfDate, ErrUnavailable } from './types.ts';
import type { Entry } from './types.ts';

const ent = (index: number, term: number, size = 0): Entry => ({
  index,
  term,
  type: 0,
  data: new Uint8Array(size),
});

function storage35(): MemoryStorage {
  // Snapshot at 3 (term 3), entries 4 and 5.
  const s = new MemoryStorage();
  s.append([ent(1, 1), ent(2, 2), ent(3, 3), ent(4, 4), ent(5, 5)]);
  s.createSnapshot(3, { voters: [1n], learners: [] }, new Uint8Array([9]));
  s.compact(3);
  return s;
}

test('MemoryStorage: term answers for the snapshot index and throws ErrCompacted / ErrUnavailable around it', () => {
  const s = storage35();
  assert.throws(() => s.term(2), (e) => e === ErrCompacted);
  assert.equal(s.term(3), 3);
  assert.equal(s.term(5), 5);
  assert.throws(() => s.term(6), (e) => e === ErrUnavailable);
  assert.equal(s.firstIndex(), 4);
  assert.equal(s.lastIndex(), 5);
});

test('MemoryStorage: entries respects maxSize but always returns one entry', () => {
  const s = new MemoryStorage();
  s.append([ent(1, 1, 100), ent(2, 1, 100), ent(3, 1, 100)]);
  assert.equal(s.entries(1, 4, Number.MAX_SAFE_INTEGER).length, 3);
  assert.equal(s.entries(1, 4, 0).length, 1);
  assert.equal(s.entries(1, 4, 250).length, 2);
  assert.throws(() => s.entries(0, 2, 1000), (e) => e === ErrCompacted);
  assert.throws(() => s.entries(1, 5, 1000));
  assert.throws(() => new MemoryStorage().entries(1, 1, 10), (e) => e === ErrUnavailable);
});

test('MemoryStorage: append truncates a conflicting suffix and skips compacted entries', () => {
  const s = storage35();
  s.append([ent(2, 2), ent(3, 3), ent(4, 6), ent(5, 6), ent(6, 6)]);
  assert.deepEqual(
    s.entries(4, 7, 1e9).map((e) => e.term),
    [6, 6, 6],
  );
  s.append([ent(5, 7)]);
  assert.equal(s.lastIndex(), 5);
  assert.equal(s.term(5), 7);
  assert.throws(() => s.append([ent(8, 7)]), /missing log entry/);
});

test('MemoryStorage: snapshots, compaction and ErrSnapOutOfDate', () => {
  const s = storage35();
  assert.equal(s.snapshot().metadata.index, 3);
  assert.deepEqual(s.initialState().confState, { voters: [1n], learners: [] });
  assert.throws(() => s.createSnapshot(3, undefined, new Uint8Array()), (e) => e === ErrSnapOutOfDate);
  assert.throws(() => s.compact(3), (e) => e === ErrCompacted);
  const snap = s.createSnapshot(5, undefined, new Uint8Array([1]));
  assert.equal(snap.metadata.term, 5);
  assert.deepEqual(snap.metadata.confState.voters, [1n]);
  s.applySnapshot({ data: new Uint8Array(), metadata: { index: 10, term: 8, confState: { voters: [1n, 2n], learners: [] } } });
  assert.equal(s.firstIndex(), 11);
  assert.equal(s.lastIndex(), 10);
  assert.equal(s.term(10), 8);
  assert.throws(
    () => s.applySnapshot({ data: new Uint8Array(), metadata: { index: 9, term: 8, confState: { voters: [], learners: [] } } }),
    (e) => e === ErrSnapOutOfDate,
  );
  s.setHardState({ term: 8, vote: 2n, commit: 10 });
  assert.deepEqual(s.hardState(), { term: 8, vote: 2n, commit: 10 });
});
