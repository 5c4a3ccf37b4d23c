import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOperations } from './checker.ts';
import type { Operation } from './history.ts';
import type { Model } from './model.ts';
import { formatReport } from './report.ts';

// A single register: write(v) / read() -> v. Reads of an unknown outcome are meaningless, so an unknown
// read is accepted in any state, as the contract demands.
type RegIn = { op: 'w'; v: number } | { op: 'r' };
const register: Model<number, RegIn, number> = {
  init: () => 0,
  step: (s, i, o) => (i.op === 'w' ? [i.v] : o === undefined || o === s ? [s] : []),
  hash: (s) => String(s),
  describe: (i, o) => (i.op === 'w' ? `w(${i.v})` : `r -> ${o ?? '?'}`),
};

let clientSeq = 0;
const w = (v: number, call: number, ret: number, clientId = clientSeq++): Operation<RegIn, number> => ({
  clientId,
  input: { op: 'w', v },
  output: 0,
  call,
  return: ret,
});
const r = (v: number, call: number, ret: number, clientId = clientSeq++): Operation<RegIn, number> => ({
  clientId,
  input: { op: 'r' },
  output: v,
  call,
  return: ret,
});
const lost = (op: Operation<RegIn, number>): Operation<RegIn, number> => ({
  ...op,
  output: undefined,
  return: Infinity,
});

test('a sequential history that follows the model is linearizable', () => {
  const h = [w(1, 0, 1), r(1, 2, 3), w(2, 4, 5), r(2, 6, 7)];
  assert.equal(checkOperations(register, h).verdict, 'ok');
});

test('concurrent operations may take effect in either order', () => {
  // w(1) and w(2) overlap; readers after both may see the one linearized last, but they must agree.
  assert.equal(checkOperations(register, [w(1, 0, 10), w(2, 1, 9), r(1, 11, 12)]).verdict, 'ok');
  assert.equal(checkOperations(register, [w(1, 0, 10), w(2, 1, 9), r(2, 11, 12)]).verdict, 'ok');
  assert.equal(
    checkOperations(register, [w(1, 0, 10), w(2, 1, 9), r(2, 11, 12), r(1, 13, 14)]).verdict,
    'illegal',
  );
  // A read overlapping a write may see the old or the new value.
  assert.equal(checkOperations(register, [w(1, 0, 1), w(2, 2, 10), r(1, 3, 4), r(2, 5, 6)]).verdict, 'ok');
});

test('the classic stale read is caught', () => {
  // w(1) finished before w(2) started, and the read starts after w(2) returned: it must see 2.
  const h = [w(1, 0, 1), w(2, 2, 3), r(1, 4, 5)];
  const res = checkOperations(register, h);
  assert.equal(res.verdict, 'illegal');
  const p = res.partitions[0]!;
  assert.deepEqual(
    p.longestPrefix!.map((o) => o.input),
    [
      { op: 'w', v: 1 },
      { op: 'w', v: 2 },
    ],
  );
  assert.deepEqual(p.stuckAt, [h[2]]);
  assert.match(formatReport(register, res), /none of these can come next:\n.*r -> 1/);
});

test('reads going back in time across two readers are caught', () => {
  // The write overlaps both reads; once one read saw 1 and returned, a later read cannot see 0 again.
  const h = [w(1, 0, 100), r(1, 10, 20), r(0, 30, 40)];
  assert.equal(checkOperations(register, h).verdict, 'illegal');
  assert.equal(checkOperations(register, [w(1, 0, 100), r(0, 10, 20), r(1, 30, 40)]).verdict, 'ok');
});

test('an unknown outcome may or may not have happened, but not both', () => {
  const maybe = lost(w(2, 2, 3));
  assert.equal(checkOperations(register, [w(1, 0, 1), maybe, r(1, 10, 11)]).verdict, 'ok');
  assert.equal(checkOperations(register, [w(1, 0, 1), maybe, r(2, 10, 11)]).verdict, 'ok');
  assert.equal(checkOperations(register, [w(1, 0, 1), maybe, r(2, 10, 11), r(1, 12, 13)]).verdict, 'illegal');
  // It cannot take effect before it was called.
  assert.equal(checkOperations(register, [w(1, 0, 1), r(2, 1.5, 1.8), maybe]).verdict, 'illegal');
  // Only unknown operations left: done without linearizing them.
  assert.equal(checkOperations(register, [lost(w(5, 0, 1)), lost(w(6, 0, 1))]).verdict, 'ok');
});

test('operations touching at one instant count as concurrent', () => {
  assert.equal(checkOperations(register, [w(1, 0, 5), r(0, 5, 6)]).verdict, 'ok');
  assert.equal(checkOperations(register, [w(1, 0, 5), r(0, 5.001, 6)]).verdict, 'illegal');
});

test('partitions are checked independently and any illegal one fails the whole', () => {
  type In = { reg: string; inner: RegIn };
  const multi: Model<number, In, number> = {
    init: register.init,
    step: (s, i, o) => register.step(s, i.inner, o),
    hash: register.hash,
    partition: (ops) => {
      const m = new Map<string, Operation<In, number>[]>();
      for (const op of ops) m.set(op.input.reg, [...(m.get(op.input.reg) ?? []), op]);
      return [...m.values()];
    },
  };
  const on = (reg: string, op: Operation<RegIn, number>): Operation<In, number> => ({
    ...op,
    input: { reg, inner: op.input },
  });
  // Interleaved in time, but a and b are separate registers: reading b never sees a's writes.
  const good = [on('a', w(1, 0, 1)), on('b', w(7, 2, 3)), on('a', r(1, 4, 5)), on('b', r(7, 6, 7))];
  const res = checkOperations(multi, good);
  assert.equal(res.verdict, 'ok');
  assert.equal(res.partitions.length, 2);
  const bad = [...good, on('b', r(1, 8, 9))];
  const res2 = checkOperations(multi, bad);
  assert.equal(res2.verdict, 'illegal');
  assert.deepEqual(
    res2.partitions.map((p) => p.verdict),
    ['ok', 'illegal'],
  );
});

test('a non-deterministic step: every successor state is explored', () => {
  // "inc" adds 1 or 2 (the model cannot tell which); reads settle it.
  type In = { op: 'inc' } | { op: 'r' };
  const fuzzy: Model<number, In, number> = {
    init: () => 0,
    step: (s, i, o) => (i.op === 'inc' ? [s + 1, s + 2] : o === undefined || o === s ? [s] : []),
    hash: String,
  };
  const op = (input: In, output: number, call: number, ret: number): Operation<In, number> => ({
    clientId: 0,
    input,
    output,
    call,
    return: ret,
  });
  const h = (seen: number[]): Operation<In, number>[] => [
    op({ op: 'inc' }, 0, 0, 1),
    op({ op: 'inc' }, 0, 2, 3),
    ...seen.map((v, i) => op({ op: 'r' }, v, 10 + 2 * i, 11 + 2 * i)),
  ];
  assert.equal(checkOperations(fuzzy, h([3])).verdict, 'ok');
  assert.equal(checkOperations(fuzzy, h([4])).verdict, 'ok');
  assert.equal(checkOperations(fuzzy, h([5])).verdict, 'illegal');
  assert.equal(checkOperations(fuzzy, h([3, 4])).verdict, 'illegal');
});

test('past its time budget the verdict is unknown, not ok', () => {
  // Many overlapping writes and an impossible read: the search must try every subset before it can say
  // illegal, far more than the budget allows.
  const h = [...Array.from({ length: 40 }, (_, i) => w(i + 1, 0, 100)), r(-1, 50, 60)];
  const res = checkOperations(register, h, { timeoutMs: 0 });
  assert.equal(res.verdict, 'unknown');
  assert.equal(res.partitions[0]!.verdict, 'unknown');
});

test('a history whose operation returns before its call is refused', () => {
  assert.throws(() => checkOperations(register, [w(1, 5, 4)]), /returns before it is called/);
});
