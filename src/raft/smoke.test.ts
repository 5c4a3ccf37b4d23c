import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Network, dec, enc } from './test-network.ts';

test('smoke: 3 members elect a leader and commit a proposal', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  assert.equal(net.leader(), 1n);
  net.node(1n).propose(enc('hello'));
  net.settle();
  for (const id of [1n, 2n, 3n]) assert.deepEqual(net.get(id).applied.map((e) => dec(e.data)), ['hello']);
});
