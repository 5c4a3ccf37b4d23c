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
