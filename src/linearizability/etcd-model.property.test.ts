// Property tests: histories produced by running requests one at a time on an independent sequential etcd
// (SequentialEtcd), then spread out into overlapping call/return windows around their real order, must
// always be linearizable, also with lost acknowledgements; changing one value a read returned must make
// them non-linearizable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkOperations } from './checker.ts';
import { etcdModel, type EtcdRequest, type EtcdResponse, type KvRequest } from './etcd-model.ts';
import type { Operation } from './history.ts';
import { formatReport } from './report.ts';
import { SequentialEtcd } from './sequential-etcd.ts';

type Op = Operation<EtcdRequest, EtcdResponse>;
const KEYS = ['k/0', 'k/1', 'k/2', 'j'];
const key = fc.constantFrom(...KEYS);
const lease = fc.integer({ min: 1, max: 2 });

/** Requests with a value slot filled in later (values are unique per history, as in real traffic). */
const kvReq: fc.Arbitrary<KvRequest> = fc.oneof(
  { arbitrary: key.map((k): KvRequest => ({ type: 'put', key: k, value: '' })), weight: 2 },
  {
    arbitrary: fc
      .tuple(key, lease)
      .map(([k, l]): KvRequest => ({ type: 'put', key: k, value: '', lease: l })),
    weight: 2,
  },
  { arbitrary: key.map((k): KvRequest => ({ type: 'range', key: k })), weight: 2 },
  { arbitrary: fc.constant<KvRequest>({ type: 'range', key: 'k/', end: 'k0' }), weight: 1 },
  { arbitrary: key.map((k): KvRequest => ({ type: 'delete', key: k })), weight: 1 },
);
const request: fc.Arbitrary<EtcdRequest> = fc.oneof(
  { arbitrary: kvReq, weight: 6 },
  {
    arbitrary: fc.record({
      type: fc.constant('txn' as const),
      compare: fc.array(
        fc.record({
          key,
          target: fc.constantFrom('value' as const, 'version' as const, 'mod' as const, 'create' as const),
          result: fc.constantFrom('=' as const, '!=' as const, '<' as const, '>' as const),
          value: fc.integer({ min: 0, max: 8 }),
        }),
        { maxLength: 2 },
      ),
      success: fc.uniqueArray(kvReq, { maxLength: 2, selector: (r) => r.key }),
      failure: fc.uniqueArray(kvReq, { maxLength: 2, selector: (r) => r.key }),
    }),
    weight: 2,
  },
  { arbitrary: lease.map((id): EtcdRequest => ({ type: 'leaseGrant', id })), weight: 2 },
  { arbitrary: lease.map((id): EtcdRequest => ({ type: 'leaseRevoke', id })), weight: 1 },
);

interface Spread {
  req: EtcdRequest;
  before: number;
  after: number;
  /** 0: answered; 1: answer lost (it happened); 2: never happened and never answered. */
  fate: number;
}
const spread: fc.Arbitrary<Spread> = fc.record({
  req: request,
  before: fc.integer({ min: 0, max: 30 }),
  after: fc.integer({ min: 0, max: 30 }),
  fate: fc.integer({ min: 0, max: 12 }).map((n) => (n < 11 ? 0 : n - 10)),
});

/** Runs the requests in order on the reference; request i takes effect at time 10·i, inside its window. */
function history(items: Spread[]): Op[] {
  const etcd = new SequentialEtcd();
  let unique = 0;
  const fill = (r: KvRequest): KvRequest => (r.type === 'put' ? { ...r, value: `v${unique++}` } : r);
  const ops: Op[] = [];
  items.forEach((it, i) => {
    const req: EtcdRequest =
      it.req.type === 'txn'
        ? { ...it.req, success: it.req.success.map(fill), failure: it.req.failure.map(fill) }
        : it.req.type === 'put'
          ? fill(it.req)
          : it.req;
    const t = 100 + 10 * i;
    const output = it.fate === 2 ? undefined : etcd.apply(req);
    const known = it.fate === 0;
    ops.push({
      clientId: i,
      input: req,
      output: known ? output : undefined,
      call: t - it.before,
      return: known ? t + it.after : Infinity,
    });
  });
  return ops;
}

test('histories of a sequential run are linearizable, also with lost answers', () => {
  fc.assert(
    fc.property(fc.array(spread, { minLength: 1, maxLength: 60 }), (items) => {
      const h = history(items);
      const res = checkOperations(etcdModel, h, { timeoutMs: 10_000 });
      assert.equal(res.verdict, 'ok', formatReport(etcdModel, res));
    }),
    { numRuns: 300 },
  );
});

test('changing one value a read returned makes the history non-linearizable', () => {
  fc.assert(
    fc.property(fc.array(spread, { minLength: 1, maxLength: 60 }), fc.nat(), (items, pick) => {
      const h = history(items);
      const reads: [number, number, number][] = [];
      h.forEach((op, i) => {
        if (op.output === undefined || 'error' in op.output) return;
        op.output.results.forEach((r, j) => {
          if (r.type === 'range') r.kvs.forEach((_, k) => reads.push([i, j, k]));
        });
      });
      fc.pre(reads.length > 0);
      const [i, j, k] = reads[pick % reads.length]!;
      const op = h[i]!;
      const out = op.output as Extract<EtcdResponse, { results: unknown }>;
      const results = out.results.map((r, jj) =>
        jj === j && r.type === 'range'
          ? { ...r, kvs: r.kvs.map((kv, kk) => (kk === k ? { ...kv, value: 'never-written' } : kv)) }
          : r,
      );
      const mutated = h.slice();
      mutated[i] = { ...op, output: { ...out, results } };
      assert.equal(checkOperations(etcdModel, mutated, { timeoutMs: 10_000 }).verdict, 'illegal');
    }),
    { numRuns: 300 },
  );
});
