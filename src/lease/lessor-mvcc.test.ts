// Contract test with the real MVCC store (src/storage/mvcc): the wiring documented at the top of
// lessor.ts, end to end on one backend — attach on put, detach on overwrite/delete, revoke = one revision,
// attachments rebuilt when both reopen on the same backend.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { KvStore } from '../storage/mvcc/kv-store.ts';
import { Bucket } from '../storage/backend/backend.ts';
import { leaseKey } from './lease-record.ts';
import { Lessor } from './lessor.ts';
import type { LeaseKeyStore } from './lessor.ts';
import { FakeClock } from './testing.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s));
const dec = (b: Uint8Array) => Buffer.from(b).toString();

function open(backend: MemoryBackend, clock: FakeClock) {
  // Lessor first: the store re-attaches its keys to the lessor while it opens.
  const lessor = new Lessor({ backend, now: clock.now });
  const kv = new KvStore(backend, { leaseExists: (id) => lessor.has(id), leaseObserver: lessor });
  const keyStore: LeaseKeyStore = {
    deleteKeys(keys) {
      const txn = kv.write();
      try {
        for (const k of keys) txn.deleteRange(k, undefined);
      } finally {
        txn.end();
      }
    },
  };
  lessor.setKeyStore(keyStore);
  return { lessor, kv };
}

const keysOf = (kv: KvStore) =>
  kv.applyRange({ key: enc('\0'), rangeEnd: enc('\0') }).kvs.map((x) => `${dec(x.key)}:${x.lease}`);

test('lessor + MVCC store: attach, detach, one-revision revoke, restart', () => {
  const clock = new FakeClock();
  const backend = new MemoryBackend();
  const { lessor, kv } = open(backend, clock);
  lessor.grant(1n, 60);
  lessor.grant(2n, 60);
  kv.applyPut({ key: enc('a'), value: enc('1'), lease: 1n });
  kv.applyPut({ key: enc('b'), value: enc('1'), lease: 1n });
  kv.applyPut({ key: enc('c'), value: enc('1'), lease: 1n });
  kv.applyPut({ key: enc('d'), value: enc('1'), lease: 2n });
  kv.applyPut({ key: enc('c'), value: enc('2'), lease: 2n }); // moves c to lease 2
  kv.applyDeleteRange({ key: enc('b') });
  assert.throws(() => kv.applyPut({ key: enc('x'), value: enc('1'), lease: 9n }), {
    message: 'etcdserver: requested lease not found',
  });
  assert.deepEqual(lessor.timeToLive(1n, true).keys.map(dec), ['a']);
  assert.deepEqual(lessor.timeToLive(2n, true).keys.map(dec), ['c', 'd']);

  const rev = kv.rev();
  lessor.revoke(2n);
  assert.equal(kv.rev(), rev + 1, 'revoke is one revision');
  assert.deepEqual(keysOf(kv), ['a:1']);
  assert.equal(lessor.has(2n), false);

  // Restart: both reopen on the same backend; the store re-attaches its keys to the new lessor.
  const again = open(backend, clock);
  assert.deepEqual(again.lessor.leases(), [1n]);
  assert.deepEqual(again.lessor.timeToLive(1n, true).keys.map(dec), ['a']);
  const rev2 = again.kv.rev();
  again.lessor.revoke(1n);
  assert.equal(again.kv.rev(), rev2 + 1);
  assert.deepEqual(keysOf(again.kv), []);
});

test('a key naming a lease that is gone stays unattached on restart instead of failing the open', () => {
  const clock = new FakeClock();
  const backend = new MemoryBackend();
  const { lessor, kv } = open(backend, clock);
  lessor.grant(1n, 60);
  lessor.grant(2n, 60);
  kv.applyPut({ key: enc('a'), value: enc('1'), lease: 1n });
  kv.applyPut({ key: enc('b'), value: enc('1'), lease: 2n });
  // The lease record disappears while the key still names it (etcd: "failed to attach a lease", go on).
  backend.delete(Bucket.lease, leaseKey(1n));
  const again = open(backend, clock);
  assert.deepEqual(keysOf(again.kv), ['a:1', 'b:2']);
  assert.equal(again.kv.leaseOf(enc('a')), 0n);
  assert.deepEqual(again.lessor.timeToLive(2n, true).keys.map(dec), ['b']);
  // A new lease with the old ID does not own the key: revoking it leaves the key alone.
  again.lessor.grant(1n, 60);
  const rev = again.kv.rev();
  again.lessor.revoke(1n);
  assert.equal(again.kv.rev(), rev);
  assert.deepEqual(keysOf(again.kv), ['a:1', 'b:2']);
});
