// etcd's KV request semantics on the store, case by case: validation errors and their exact messages,
// the duplicate-key rules of Txn, nested compares, range sort/limit/count, revisions of no-op writes,
// compaction, HashKV's definition, lease bookkeeping and the KeyValue encoding.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32c } from '@node-rs/crc32';
import { MemoryBackend } from '../backend/memory-backend.ts';
import { decodeKeyValue, encodeKeyValue } from './kv-codec.ts';
import { KvStore } from './kv-store.ts';
import { bytesToRev } from './revision.ts';
import type { RequestOp } from './types.ts';

const B = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const S = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const ALL = { key: B('\0'), rangeEnd: B('\0') };
const put = (k: string, v = 'v'): RequestOp => ({ requestPut: { key: B(k), value: B(v) } });
const del = (k: string, end?: string): RequestOp => ({
  requestDeleteRange: { key: B(k), rangeEnd: end === undefined ? undefined : B(end) },
});

function store(leases: bigint[] = []): KvStore {
  return new KvStore(new MemoryBackend(), { leaseExists: (id) => leases.includes(id) });
}

function throwsEtcd(fn: () => unknown, code: string, message: string): void {
  assert.throws(fn, (e: unknown) => {
    const err = e as { code: string; message: string };
    assert.equal(err.code, code);
    assert.equal(err.message, message);
    return true;
  });
}

test('validation errors carry etcd codes and exact messages', () => {
  const s = store([1n]);
  throwsEtcd(() => s.applyPut({ key: B('') }), 'ErrGRPCEmptyKey', 'etcdserver: key is not provided');
  throwsEtcd(() => s.applyRange({ key: B('') }), 'ErrGRPCEmptyKey', 'etcdserver: key is not provided');
  throwsEtcd(
    () => s.applyPut({ key: B('a'), value: B('x'), ignoreValue: true }),
    'ErrGRPCValueProvided',
    'etcdserver: value is provided',
  );
  throwsEtcd(
    () => s.applyPut({ key: B('a'), lease: 1n, ignoreLease: true }),
    'ErrGRPCLeaseProvided',
    'etcdserver: lease is provided',
  );
  throwsEtcd(
    () => s.applyPut({ key: B('a'), ignoreValue: true }),
    'ErrGRPCKeyNotFound',
    'etcdserver: key not found',
  );
  throwsEtcd(
    () => s.applyPut({ key: B('a'), lease: 2n }),
    'ErrGRPCLeaseNotFound',
    'etcdserver: requested lease not found',
  );
  throwsEtcd(
    () => s.applyRange({ key: B('a'), revision: 5 }),
    'ErrGRPCFutureRev',
    'etcdserver: mvcc: required revision is a future revision',
  );
  throwsEtcd(() => s.applyTxn({ success: [{}] }), 'ErrGRPCKeyNotFound', 'etcdserver: key not found');
  const ops = Array.from({ length: 129 }, (_, i) => put(`k${i}`));
  throwsEtcd(
    () => s.applyTxn({ success: ops }),
    'ErrGRPCTooManyOps',
    'etcdserver: too many operations in txn request',
  );
  assert.equal(s.rev(), 1, 'no failed request wrote anything');
});

test('too many ops counts nested txns against what the parent left', () => {
  const s = new KvStore(new MemoryBackend(), { maxTxnOps: 4 });
  const nested = (n: number): RequestOp => ({
    requestTxn: { success: Array.from({ length: n }, (_, i) => put(`n${i}`)) },
  });
  s.applyTxn({ success: [nested(2), put('x')] }); // parent uses 2, leaves 2: nested 2 is fine
  assert.throws(() => s.applyTxn({ success: [nested(3), put('y')] }), /too many operations/);
});

test('duplicate keys in a txn follow etcd checkIntervals', () => {
  const s = store();
  const dup = /duplicate key given in txn request/;
  assert.throws(() => s.applyTxn({ success: [put('a'), put('a')] }), dup);
  assert.throws(() => s.applyTxn({ success: [del('a'), put('a')] }), dup);
  assert.throws(() => s.applyTxn({ success: [put('b'), del('a', 'c')] }), dup);
  assert.throws(() => s.applyTxn({ success: [del('a', 'c'), { requestTxn: { success: [put('b')] } }] }), dup);
  assert.throws(
    () =>
      s.applyTxn({
        success: [{ requestTxn: { success: [put('a')] } }, { requestTxn: { failure: [put('a')] } }],
      }),
    dup,
  );
  // Allowed: success vs failure; then vs else of one nested txn; a delete given with range_end "\0"
  // (etcd compares the raw "\0" as an ordinary end, so it overlaps nothing); a delete in a later sibling.
  s.applyTxn({ success: [put('a')], failure: [put('a')] });
  s.applyTxn({ success: [{ requestTxn: { success: [put('a')], failure: [put('a')] } }] });
  const r = s.applyTxn({ success: [del('a', '\0'), put('b')] });
  assert.equal(r.responses[0]!.responseDeleteRange!.deleted, 1);
  s.applyTxn({ success: [{ requestTxn: { success: [put('c')] } }, { requestTxn: { success: [del('c')] } }] });
  assert.equal(s.applyRange({ key: B('c') }).count, 0);
});

test('an ignore_value/ignore_lease put of a key a "\\0" delete removed earlier fails the whole txn', () => {
  // etcd 3.4.23 panics on this txn in the middle of its apply ("unexpected error during txn: etcdserver:
  // key not found", found by the random differential run); here nothing of it is applied.
  const s = store();
  s.applyPut({ key: B('c'), value: B('1') });
  s.applyPut({ key: B('d'), value: B('2') });
  const rev = s.rev();
  const ignored = (k: string, lease = false): RequestOp => ({
    requestPut: { key: B(k), ...(lease ? { ignoreLease: true, value: B('x') } : { ignoreValue: true }) },
  });
  for (const ops of [
    [del('a', '\0'), ignored('c')],
    [del('a', '\0'), ignored('d', true)],
    [del('a', '\0'), { requestTxn: { success: [ignored('c')] } }],
    [{ requestTxn: { success: [del('b', '\0')] } }, put('x'), ignored('c')],
  ]) {
    throwsEtcd(() => s.applyTxn({ success: ops }), 'ErrGRPCKeyNotFound', 'etcdserver: key not found');
    assert.equal(s.rev(), rev, 'nothing applied');
    assert.equal(s.applyRange(ALL).count, 2);
  }
  // etcd checks every put, then every range, before it applies anything: a range at a future revision in
  // the same txn is refused as such (found by the model test, seed 1785838368).
  const future: RequestOp = { requestRange: { key: B('a'), revision: rev + 1 } };
  throwsEtcd(
    () => s.applyTxn({ success: [del('a', '\0'), ignored('c'), future] }),
    'ErrGRPCFutureRev',
    'etcdserver: mvcc: required revision is a future revision',
  );
  assert.equal(s.rev(), rev, 'nothing applied');
  // Still fine: the put runs before the delete, the delete misses the key, or the branch is not taken.
  s.applyTxn({ success: [ignored('c'), del('a', '\0')] });
  s.applyPut({ key: B('c'), value: B('1') });
  s.applyTxn({ success: [del('d', '\0'), ignored('c')] });
  s.applyTxn({
    compare: [{ key: B('c'), target: 0, result: 0, version: 99 }],
    success: [del('a', '\0')],
    failure: [ignored('c')],
  });
});

test('nested txn compares all see the state before the txn; responses and headers as etcd fills them', () => {
  const s = store();
  s.applyPut({ key: B('a'), value: B('1') }); // rev 2
  const r = s.applyTxn({
    success: [
      put('a', '2'),
      {
        requestTxn: {
          compare: [{ key: B('a'), target: 3, result: 0, value: B('1') }],
          success: [{ requestRange: { key: B('a') } }],
        },
      },
    ],
  });
  const nested = r.responses[1]!.responseTxn!;
  assert.equal(nested.succeeded, true, 'compare saw value 1 although the txn already put 2');
  assert.equal(nested.header.revision, 0);
  assert.equal(S(nested.responses[0]!.responseRange!.kvs[0]!.value), '2', 'the range sees the txn write');
  assert.equal(nested.responses[0]!.responseRange!.header.revision, 3);
  assert.equal(r.header.revision, 3);
  // A missing key: VALUE compares fail whatever the operator; others compare with 0.
  const cmp = (target: 0 | 1 | 2 | 3 | 4, result: 0 | 1 | 2 | 3) =>
    s.applyTxn({ compare: [{ key: B('missing'), target, result }] }).succeeded;
  assert.deepStrictEqual(
    [cmp(3, 0), cmp(3, 3), cmp(0, 0), cmp(1, 0), cmp(2, 0), cmp(4, 0), cmp(0, 1)],
    [false, false, true, true, true, true, false],
  );
});

test('no revision for a read-only txn, a delete of nothing, or a txn that changed nothing', () => {
  const s = store();
  s.applyPut({ key: B('a') });
  assert.equal(s.applyTxn({ success: [{ requestRange: { key: B('a') } }] }).header.revision, 2);
  assert.deepStrictEqual(s.applyDeleteRange({ key: B('zz') }), {
    header: { revision: 2 },
    deleted: 0,
    prevKvs: [],
  });
  assert.equal(s.applyTxn({ success: [del('zz'), { requestTxn: {} }] }).header.revision, 2);
  assert.equal(s.rev(), 2);
});

test('range: sort before limit, count ignores limit and filters, keys_only, count_only, old revisions', () => {
  const s = store();
  for (const [k, v] of [
    ['a', '3'],
    ['b', '1'],
    ['c', '2'],
    ['b', '4'],
  ])
    s.applyPut({ key: B(k!), value: B(v!) });
  const keys = (r: { kvs: { key: Uint8Array }[] }) => r.kvs.map((kv) => S(kv.key));
  const desc = s.applyRange({ ...ALL, sortOrder: 2, sortTarget: 3, limit: 2 });
  assert.deepStrictEqual([keys(desc), desc.more, desc.count], [['b', 'c'], true, 3]);
  // A target other than KEY with no order sorts ascending.
  assert.deepStrictEqual(keys(s.applyRange({ ...ALL, sortTarget: 4 })), ['c', 'a', 'b']);
  const filtered = s.applyRange({ ...ALL, minModRevision: 4, limit: 1 });
  assert.deepStrictEqual([keys(filtered), filtered.more, filtered.count], [['b'], true, 3]);
  assert.deepStrictEqual(s.applyRange({ ...ALL, countOnly: true, limit: 1 }), {
    header: { revision: 5 },
    kvs: [],
    more: false,
    count: 3,
  });
  assert.equal(s.applyRange({ key: B('a'), keysOnly: true }).kvs[0]!.value.byteLength, 0);
  const old = s.applyRange({ key: B('b'), revision: 3 });
  assert.deepStrictEqual([S(old.kvs[0]!.value), old.header.revision], ['1', 5]);
  assert.deepStrictEqual(keys(s.applyRange({ key: B('b'), rangeEnd: B('a') })), []);
});

test('put: prev_kv, ignore_value and ignore_lease keep what the key has; versions restart after delete', () => {
  const s = store([7n]);
  s.applyPut({ key: B('k'), value: B('v1'), lease: 7n });
  const r = s.applyPut({ key: B('k'), ignoreValue: true, ignoreLease: true, prevKv: true });
  assert.equal(S(r.prevKv!.value), 'v1');
  const kv = s.applyRange({ key: B('k') }).kvs[0]!;
  assert.deepStrictEqual([S(kv.value), kv.lease, kv.version, kv.createRevision], ['v1', 7n, 2, 2]);
  s.applyDeleteRange({ key: B('k') });
  s.applyPut({ key: B('k'), value: B('v2') });
  const again = s.applyRange({ key: B('k') }).kvs[0]!;
  assert.deepStrictEqual([again.version, again.createRevision, again.modRevision], [1, 5, 5]);
});

test('compaction keeps the newest revision per key at or below it, drops older tombstones, and errors like etcd', async () => {
  const b = new MemoryBackend();
  const s = new KvStore(b, { compactionBatchLimit: 2 });
  s.applyPut({ key: B('a'), value: B('1') }); // 2
  s.applyPut({ key: B('a'), value: B('2') }); // 3
  s.applyPut({ key: B('b'), value: B('1') }); // 4
  s.applyDeleteRange({ key: B('b') }); // 5
  s.applyPut({ key: B('a'), value: B('3') }); // 6
  const { response, done } = s.applyCompaction({ revision: 5 });
  assert.equal(response.header.revision, 6);
  await done;
  const left = b.range('key', new Uint8Array(0), new Uint8Array(0)).map((p) => bytesToRev(p.key).main);
  // b's tombstone at the compacted revision 5 stays (a watch may start at 5); b@4 goes.
  assert.deepStrictEqual(left, [3, 5, 6]);
  assert.equal(S(s.applyRange({ key: B('a'), revision: 5 }).kvs[0]!.value), '2');
  assert.equal(s.applyRange({ key: B('b'), revision: 5 }).kvs.length, 0);
  assert.throws(() => s.applyRange({ key: B('a'), revision: 4 }), /has been compacted/);
  assert.throws(() => s.compact(5), /has been compacted/);
  assert.throws(() => s.compact(7), /future revision/);
  // A txn range below the compacted revision fails the whole txn before anything is written.
  assert.throws(
    () => s.applyTxn({ success: [put('z'), { requestRange: { key: B('a'), revision: 4 } }] }),
    /compacted/,
  );
  assert.equal(s.rev(), 6);
  // The next compaction drops that tombstone.
  s.applyPut({ key: B('a'), value: B('4') }); // 7
  await s.applyCompaction({ revision: 6 }).done;
  const after = b.range('key', new Uint8Array(0), new Uint8Array(0)).map((p) => bytesToRev(p.key).main);
  assert.deepStrictEqual(after, [6, 7]);
});

test('compaction at a revision that deleted and re-created a key keeps both and the live value', async () => {
  const b = new MemoryBackend();
  const s = new KvStore(b);
  s.applyPut({ key: B('k'), value: B('1') }); // 2
  // "\0" as range end escapes the duplicate-key check, as in etcd: delete and re-create in revision 3.
  s.applyTxn({
    success: [
      { requestDeleteRange: { key: B('k'), rangeEnd: B('\0') } },
      { requestPut: { key: B('k'), value: B('2') } },
    ],
  }); // 3
  await s.applyCompaction({ revision: 3 }).done;
  const left = b.range('key', new Uint8Array(0), new Uint8Array(0)).map((p) => bytesToRev(p.key));
  assert.deepStrictEqual(
    left.map((r) => [r.main, r.sub]),
    [
      [3, 0],
      [3, 1],
    ],
  );
  const kv = s.applyRange({ key: B('k') }).kvs[0]!;
  assert.deepStrictEqual([S(kv.value), kv.createRevision, kv.modRevision], ['2', 3, 3]);
});

test('hashKV skips revisions at or below the compacted one that a compaction at rev would drop', async () => {
  const b = new MemoryBackend();
  const s = new KvStore(b);
  s.applyPut({ key: B('a'), value: B('1') }); // 2
  s.applyPut({ key: B('b'), value: B('1') }); // 3
  await s.compact(3);
  s.applyPut({ key: B('a'), value: B('2') }); // 4: supersedes a@2, which is kept in the backend
  const entries = b.range('key', new Uint8Array(0), new Uint8Array(0));
  assert.equal(entries.length, 3);
  let want = crc32c(Buffer.from('key'));
  for (const e of entries.slice(1)) want = crc32c(Buffer.from(e.value), crc32c(Buffer.from(e.key), want));
  assert.deepStrictEqual(await s.hashKV(0), { hash: want >>> 0, revision: 4, compactRevision: 3 });
  await assert.rejects(s.hashKV(3), /compacted/);
  await assert.rejects(s.hashKV(9), /future/);
});

test('lease bookkeeping: keys per lease, observer, and revoke deletes all keys in one revision', () => {
  const seen: string[] = [];
  const s = new KvStore(new MemoryBackend(), {
    leaseObserver: {
      attach: (id, key) => seen.push(`+${id}:${S(key)}`),
      detach: (id, key) => seen.push(`-${id}:${S(key)}`),
    },
  });
  s.applyPut({ key: B('b'), lease: 1n });
  s.applyPut({ key: B('a'), lease: 1n });
  s.applyPut({ key: B('c'), lease: 2n });
  s.applyPut({ key: B('c'), lease: 1n });
  assert.deepStrictEqual(s.keysOfLease(1n).map(S), ['a', 'b', 'c']);
  assert.equal(s.leaseOf(B('c')), 1n);
  const rev = s.deleteLeaseKeys(1n);
  assert.equal(rev, 6);
  assert.equal(s.applyRange(ALL).count, 0);
  assert.deepStrictEqual(s.keysOfLease(1n), []);
  assert.deepStrictEqual(seen, ['+1:b', '+1:a', '+2:c', '-2:c', '+1:c', '-1:a', '-1:b', '-1:c']);
  assert.equal(s.deleteLeaseKeys(1n), 6, 'nothing to delete: no new revision');
});

test('KeyValue encoding is mvccpb.KeyValue protobuf wire format', () => {
  const kv = { key: B('a'), createRevision: 2, modRevision: 3, version: 1, value: B('v'), lease: 5n };
  assert.deepStrictEqual(Buffer.from(encodeKeyValue(kv)).toString('hex'), '0a01611002180320012a01763005');
  const big = {
    ...kv,
    key: new Uint8Array([0, 255]),
    value: new Uint8Array([7]),
    createRevision: 2 ** 40,
    lease: -3n,
  };
  assert.deepStrictEqual(decodeKeyValue(encodeKeyValue(big)), big);
  assert.equal(
    Buffer.from(encodeKeyValue({ ...kv, key: B(''), value: B(''), lease: 0n, version: 0 })).toString('hex'),
    '10021803',
  );
});
