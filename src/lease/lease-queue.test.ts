import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { LeaseQueue } from './lease-queue.ts';

test('pops in time order, ties by ID', () => {
  const q = new LeaseQueue();
  q.upsert(3n, 30);
  q.upsert(1n, 10);
  q.upsert(5n, 10);
  q.upsert(2n, 20);
  const out: bigint[] = [];
  for (let e = q.pop(); e; e = q.pop()) out.push(e.id);
  assert.deepEqual(out, [1n, 5n, 2n, 3n]);
  assert.equal(q.size, 0);
});

test('upsert moves an entry both ways; remove takes it out', () => {
  const q = new LeaseQueue();
  for (let i = 1; i <= 10; i++) q.upsert(BigInt(i), i * 10);
  q.upsert(10n, 1);
  assert.equal(q.peek()?.id, 10n);
  q.upsert(10n, 1000);
  assert.equal(q.peek()?.id, 1n);
  assert.equal(q.timeOf(10n), 1000);
  assert.equal(q.remove(1n), true);
  assert.equal(q.remove(1n), false);
  assert.equal(q.peek()?.id, 2n);
  assert.equal(q.size, 9);
});

test('matches a sorted model under random upserts, removes and pops', () => {
  const op = fc.oneof(
    fc.record({
      k: fc.constant('upsert' as const),
      id: fc.integer({ min: 1, max: 30 }),
      t: fc.integer({ min: 0, max: 50 }),
    }),
    fc.record({ k: fc.constant('remove' as const), id: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ k: fc.constant('pop' as const) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
      const q = new LeaseQueue();
      const model = new Map<bigint, number>();
      const modelMin = () => {
        let best: [bigint, number] | undefined;
        for (const [id, t] of model)
          if (!best || t < best[1] || (t === best[1] && id < best[0])) best = [id, t];
        return best;
      };
      for (const o of ops) {
        if (o.k === 'upsert') {
          q.upsert(BigInt(o.id), o.t);
          model.set(BigInt(o.id), o.t);
        } else if (o.k === 'remove') {
          assert.equal(q.remove(BigInt(o.id)), model.delete(BigInt(o.id)));
        } else {
          const m = modelMin();
          const got = q.pop();
          if (m === undefined) assert.equal(got, undefined);
          else {
            assert.deepEqual(got, { id: m[0], time: m[1] });
            model.delete(m[0]);
          }
        }
        assert.equal(q.size, model.size);
      }
    }),
  );
});
