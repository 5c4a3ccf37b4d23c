import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OutQueue } from './out-queue.ts';

async function drain<T>(q: OutQueue<T>): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const x of q) items.push(x);
  } catch (error) {
    return { items, error };
  }
  return { items };
}

test('deferWake: a waiting consumer gets the pushes of this turn after work resolved in the same turn', async () => {
  const q = new OutQueue<number>(64, { deferWake: true });
  const seen: string[] = [];
  const it = q[Symbol.asyncIterator]();
  const first = it.next().then((r) => seen.push(`item ${String(r.value)}`));
  await new Promise((r) => setImmediate(r)); // the consumer is now waiting
  q.push(1);
  q.push(2);
  void Promise.resolve().then(() => seen.push('response'));
  await first;
  assert.deepEqual(seen, ['response', 'item 1']);
  assert.deepEqual(await it.next(), { value: 2, done: false });
  q.end();
  assert.deepEqual(await it.next(), { value: undefined, done: true });
});

test('deferWake: end() and fail() right after pushes still deliver every item first, in order', async () => {
  const a = new OutQueue<number>(64, { deferWake: true });
  const da = drain(a);
  await new Promise((r) => setImmediate(r));
  a.push(1);
  a.push(2);
  a.end();
  assert.deepEqual(await da, { items: [1, 2] });

  const b = new OutQueue<number>(64, { deferWake: true });
  const db = drain(b);
  await new Promise((r) => setImmediate(r));
  b.push(1);
  b.push(2);
  const err = new Error('gone');
  b.fail(err);
  assert.deepEqual(await db, { items: [1, 2], error: err });
});

test('without deferWake a waiting consumer is woken at once (before later microtasks)', async () => {
  const q = new OutQueue<number>();
  const seen: string[] = [];
  const it = q[Symbol.asyncIterator]();
  const first = it.next().then((r) => seen.push(`item ${String(r.value)}`));
  await new Promise((r) => setImmediate(r));
  q.push(1);
  void Promise.resolve().then(() => seen.push('response'));
  await first;
  assert.deepEqual(seen, ['item 1', 'response']);
});

test('batch: every item buffered comes in one step, merged; the weight cap splits, keeping order', async () => {
  const q = new OutQueue<string, string>(2, {
    deferWake: true,
    batch: (items) => items.join(''),
    weight: (s) => s.length,
    maxBatchWeight: 4,
  });
  const it = q[Symbol.asyncIterator]();
  const first = it.next();
  await new Promise((r) => setImmediate(r)); // the consumer waits
  for (const s of ['a', 'b', 'c']) q.push(s);
  assert.deepEqual(await first, { value: 'abc', done: false });
  // Buffered while nobody waits: the cap (4) splits; a single item over the cap still goes alone.
  for (const s of ['dd', 'ee', 'f', 'gggggg', 'h']) q.push(s);
  let drained = false;
  q.onDrain(() => (drained = true));
  assert.deepEqual(await it.next(), { value: 'ddee', done: false });
  assert.equal(drained, false); // 3 items left, low water 2
  assert.deepEqual(await it.next(), { value: 'f', done: false });
  assert.equal(drained, true);
  assert.deepEqual(await it.next(), { value: 'gggggg', done: false });
  q.push('i');
  q.end();
  assert.deepEqual(await it.next(), { value: 'hi', done: false });
  assert.deepEqual(await it.next(), { value: undefined, done: true });
});
