import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkOperations } from './checker.ts';
import {
  etcdModel,
  type EtcdRequest,
  type EtcdResponse,
  type KeyValue,
  type KvRequest,
  type KvResult,
} from './etcd-model.ts';
import type { Operation } from './history.ts';

type Op = Operation<EtcdRequest, EtcdResponse>;
let t = 0;
/** A sequential operation: called and returned right after the previous one. */
const seq = (input: EtcdRequest, output: EtcdResponse | undefined): Op => {
  const call = (t += 2);
  return { clientId: 0, input, output, call, return: output === undefined ? Infinity : call + 1 };
};
const at = (input: EtcdRequest, output: EtcdResponse | undefined, call: number, ret: number): Op => ({
  clientId: 1,
  input,
  output,
  call,
  return: output === undefined ? Infinity : ret,
});
const kv = (key: string, value: string, version: number, mod: number, create = mod, lease = 0): KeyValue => ({
  key,
  value,
  version,
  mod,
  create,
  lease,
});
const put = (key: string, value: string, lease?: number): KvRequest => ({ type: 'put', key, value, lease });
const get = (key: string): KvRequest => ({ type: 'range', key });
const prefix = (key: string): KvRequest => ({
  type: 'range',
  key,
  end: key.slice(0, -1) + String.fromCharCode(key.charCodeAt(key.length - 1) + 1),
});
const ok = (rev: number, ...results: KvResult[]): EtcdResponse => ({ rev, results });
const putOk = (rev: number): EtcdResponse => ok(rev, { type: 'put' });
const got = (rev: number, ...kvs: KeyValue[]): EtcdResponse => ok(rev, { type: 'range', kvs });
const verdict = (h: Op[]): string => checkOperations(etcdModel, h).verdict;

test('put then get, with exact versions and revisions', () => {
  const h = [
    seq(put('a', '1'), putOk(2)),
    seq(put('a', '2'), putOk(3)),
    seq(get('a'), got(3, kv('a', '2', 2, 3, 2))),
    seq({ type: 'delete', key: 'a' }, ok(4, { type: 'delete', deleted: 1 })),
    seq(get('a'), got(4)),
    seq({ type: 'delete', key: 'a' }, ok(4, { type: 'delete', deleted: 0 })),
    seq(put('a', '3'), putOk(5)),
    seq(get('a'), got(5, kv('a', '3', 1, 5))),
  ];
  assert.equal(verdict(h), 'ok');
});

test('stale read, wrong version, wrong revision and phantom keys are illegal', () => {
  const base = [seq(put('a', '1'), putOk(2)), seq(put('a', '2'), putOk(3))];
  assert.equal(verdict([...base, seq(get('a'), got(3, kv('a', '1', 1, 2)))]), 'illegal');
  assert.equal(verdict([...base, seq(get('a'), got(3, kv('a', '2', 1, 3, 2)))]), 'illegal');
  assert.equal(verdict([...base, seq(get('a'), got(3, kv('a', '2', 2, 4, 2)))]), 'illegal');
  assert.equal(verdict([...base, seq(get('b'), got(3, kv('b', 'x', 1, 3)))]), 'illegal');
  // A later write on the same key cannot have a smaller revision.
  assert.equal(verdict([seq(put('a', '1'), putOk(5)), seq(put('a', '2'), putOk(4))]), 'illegal');
  // A range answered before the header's revision.
  assert.equal(verdict([...base, seq(get('a'), got(2, kv('a', '2', 2, 3, 2)))]), 'illegal');
});

test('a write with an unknown outcome: revisions learnt from a later read', () => {
  const h = [
    at(put('a', '1'), putOk(2), 0, 1),
    at(put('a', '2'), undefined, 10, 0),
    at(get('a'), got(9, kv('a', '2', 2, 7, 2)), 20, 21),
    at(
      {
        type: 'txn',
        compare: [{ key: 'a', target: 'mod', result: '=', value: 7 }],
        success: [put('a', '3')],
        failure: [],
      },
      { rev: 10, succeeded: true, results: [{ type: 'put' }] },
      30,
      31,
    ),
    at(get('a'), got(10, kv('a', '3', 3, 10, 2)), 40, 41),
  ];
  assert.equal(verdict(h), 'ok');
  // Once the read showed mod 7, a compare on another revision cannot have succeeded.
  const wrong = h.slice();
  wrong[3] = {
    ...h[3]!,
    input: {
      ...(h[3]!.input as Extract<EtcdRequest, { type: 'txn' }>),
      compare: [{ key: 'a', target: 'mod', result: '=', value: 6 }],
    },
  };
  assert.equal(verdict(wrong), 'illegal');
  // Without the read, the unknown write may or may not have happened: a read of '1' is fine too.
  assert.equal(verdict([h[0]!, h[1]!, at(get('a'), got(9, kv('a', '1', 1, 2)), 20, 21)]), 'ok');
});

test('two compare-and-swaps from the same state cannot both succeed', () => {
  const cas = (v: string, call: number): Op =>
    at(
      {
        type: 'txn',
        compare: [{ key: 'a', target: 'value', result: '=', value: '0' }],
        success: [put('a', v)],
        failure: [get('a')],
      },
      { rev: 0, succeeded: true, results: [{ type: 'put' }] },
      call,
      call + 10,
    );
  const a = { ...cas('x', 10), output: { rev: 3, succeeded: true, results: [{ type: 'put' }] } } as Op;
  const b = { ...cas('y', 11), output: { rev: 4, succeeded: true, results: [{ type: 'put' }] } } as Op;
  const start = at(put('a', '0'), putOk(2), 0, 1);
  assert.equal(verdict([start, a, b]), 'illegal');
  const bFails = {
    ...b,
    output: { rev: 3, succeeded: false, results: [{ type: 'range', kvs: [kv('a', 'x', 2, 3, 2)] }] },
  } as Op;
  assert.equal(verdict([start, a, bFails]), 'ok');
  // A value compare on a missing key fails.
  const onMissing = at(
    {
      type: 'txn',
      compare: [{ key: 'z', target: 'value', result: '!=', value: 'q' }],
      success: [],
      failure: [],
    },
    { rev: 2, succeeded: true, results: [] },
    50,
    51,
  );
  assert.equal(verdict([start, onMissing]), 'illegal');
});

test('a multi-key txn is atomic: a range never sees half of it', () => {
  const txn = at(
    { type: 'txn', compare: [], success: [put('k/a', '1'), put('k/b', '1')], failure: [] },
    { rev: 2, succeeded: true, results: [{ type: 'put' }, { type: 'put' }] },
    0,
    100,
  );
  const half = at(prefix('k/'), got(2, kv('k/a', '1', 1, 2)), 10, 20);
  const whole = at(prefix('k/'), got(2, kv('k/a', '1', 1, 2), kv('k/b', '1', 1, 2)), 10, 20);
  const none = at(prefix('k/'), got(1), 10, 20);
  assert.equal(verdict([txn, whole]), 'ok');
  assert.equal(verdict([txn, none]), 'ok');
  assert.equal(verdict([txn, half]), 'illegal');
});

test('prefix ranges see writes on different keys in real-time order', () => {
  // b was written after a completed; a range that shows b must show a.
  const h = [
    at(put('p/a', '1'), putOk(2), 0, 1),
    at(put('p/b', '1'), putOk(3), 2, 3),
    at(prefix('p/'), got(3, kv('p/b', '1', 1, 3)), 4, 5),
  ];
  assert.equal(verdict(h), 'illegal');
  const res = checkOperations(etcdModel, [
    at(put('p/a', '1'), putOk(2), 0, 1),
    at(put('q', '1'), putOk(3), 2, 3),
  ]);
  assert.equal(res.partitions.length, 2, 'unrelated keys are separate partitions');
  const joined = checkOperations(etcdModel, h);
  assert.equal(joined.partitions.length, 1, 'a range joins the keys it covers');
});

test('leases: a put needs a live lease and a revoke deletes the attached keys', () => {
  // Each history is built in time order (seq stamps operations as they are created).
  const grant = (): Op => seq({ type: 'leaseGrant', id: 7 }, ok(1));
  const attach = (): Op => seq(put('a', '1', 7), putOk(2));
  const revoke = (rev: number): Op => seq({ type: 'leaseRevoke', id: 7 }, ok(rev));
  const withLease = kv('a', '1', 1, 2, 2, 7);
  assert.equal(
    verdict([grant(), attach(), seq(get('a'), got(2, withLease)), revoke(3), seq(get('a'), got(3))]),
    'ok',
  );
  // The key outlives its lease's revoke.
  assert.equal(verdict([grant(), attach(), revoke(3), seq(get('a'), got(3, withLease))]), 'illegal');
  // Put with a revoked lease fails; claiming success is illegal.
  assert.equal(verdict([grant(), revoke(1), seq(put('a', '2', 7), { error: 'lease-not-found' })]), 'ok');
  assert.equal(verdict([grant(), revoke(1), seq(put('a', '2', 7), putOk(3))]), 'illegal');
  assert.equal(verdict([seq({ type: 'leaseRevoke', id: 9 }, { error: 'lease-not-found' })]), 'ok');
  assert.equal(verdict([grant(), seq({ type: 'leaseGrant', id: 7 }, { error: 'lease-exists' })]), 'ok');
  // A put without a lease detaches the key: the revoke leaves it.
  assert.equal(
    verdict([
      grant(),
      attach(),
      seq(put('a', '2'), putOk(3)),
      revoke(3),
      seq(get('a'), got(3, kv('a', '2', 2, 3, 2))),
    ]),
    'ok',
  );
});

test('an unknown revoke may have deleted the key', () => {
  const h = [
    seq({ type: 'leaseGrant', id: 7 }, ok(1)),
    seq(put('a', '1', 7), putOk(2)),
    at({ type: 'leaseRevoke', id: 7 }, undefined, 100, 0),
  ];
  assert.equal(verdict([...h, at(get('a'), got(3), 200, 201)]), 'ok');
  assert.equal(verdict([...h, at(get('a'), got(2, kv('a', '1', 1, 2, 2, 7)), 200, 201)]), 'ok');
  assert.equal(
    verdict([...h, at(get('a'), got(3), 200, 201), at(get('a'), got(3, kv('a', '1', 1, 2, 2, 7)), 300, 301)]),
    'illegal',
  );
});
