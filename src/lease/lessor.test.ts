import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Bucket } from '../storage/backend/backend.ts';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { LeaseExistsError, LeaseNotFoundError, LeaseTtlTooLargeError, NotPrimaryError } from './errors.ts';
import { MAX_LEASE_TTL } from './lease-id.ts';
import { decodeLeaseRecord, leaseKey } from './lease-record.ts';
import { Lessor } from './lessor.ts';
import type { LessorOptions } from './lessor.ts';
import { FakeClock, FakeKeyStore } from './testing.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const dec = (b: Uint8Array) => Buffer.from(b).toString('latin1');

function setup(opts: Partial<LessorOptions> = {}) {
  const clock = new FakeClock();
  const backend = new MemoryBackend();
  const lessor = new Lessor({ backend, now: clock.now, ...opts });
  const store = new FakeKeyStore(lessor);
  lessor.setKeyStore(store);
  return { clock, backend, lessor, store };
}

/** Asserts that `p` is still pending after the microtask queue drained. */
async function assertPending(p: Promise<unknown>): Promise<void> {
  const marker = Symbol('pending');
  const r = await Promise.race([
    p.then(
      () => 'settled',
      () => 'settled',
    ),
    new Promise((res) => setImmediate(() => res(marker))),
  ]);
  assert.equal(r, marker, 'promise settled early');
}

describe('grant', () => {
  test('raises TTLs below the minimum (zero and negative too); keeps larger ones', () => {
    const { lessor } = setup({ minTtl: 2 });
    assert.deepEqual(lessor.grant(1n, 1), { id: 1n, ttl: 2 });
    assert.deepEqual(lessor.grant(2n, 0), { id: 2n, ttl: 2 });
    assert.deepEqual(lessor.grant(3n, -100), { id: 3n, ttl: 2 });
    assert.deepEqual(lessor.grant(4n, 60), { id: 4n, ttl: 60 });
    assert.deepEqual(lessor.grant(5n, MAX_LEASE_TTL), { id: 5n, ttl: 9_000_000_000 });
  });

  test('errors carry etcd messages and rpctypes codes, checked in etcd order', () => {
    const { lessor } = setup();
    assert.throws(
      () => lessor.grant(0n, 10),
      (e: unknown) =>
        e instanceof LeaseNotFoundError &&
        e.message === 'etcdserver: requested lease not found' &&
        e.code === 'ErrGRPCLeaseNotFound',
    );
    assert.throws(
      () => lessor.grant(7n, MAX_LEASE_TTL + 1),
      (e: unknown) =>
        e instanceof LeaseTtlTooLargeError &&
        e.message === 'etcdserver: too large lease TTL' &&
        e.code === 'ErrGRPCLeaseTTLTooLarge' &&
        e.etcdName === 'LeaseTTLTooLarge',
    );
    lessor.grant(7n, 10);
    assert.throws(
      () => lessor.grant(7n, 20),
      (e: unknown) =>
        e instanceof LeaseExistsError &&
        e.message === 'etcdserver: lease already exists' &&
        e.code === 'ErrGRPCLeaseExist',
    );
    // Too-large is checked before existence, as in etcd's Grant.
    assert.throws(() => lessor.grant(7n, MAX_LEASE_TTL + 1), LeaseTtlTooLargeError);
    assert.throws(() => lessor.grant(1n << 63n, 10), RangeError);
    assert.equal(lessor.timeToLive(7n).grantedTtl, 10);
  });

  test('persists id and TTL in the lease bucket under the big-endian key', () => {
    const { lessor, backend } = setup();
    lessor.grant(0x1234n, 30);
    const raw = backend.get(Bucket.lease, leaseKey(0x1234n));
    assert.ok(raw);
    assert.deepEqual(decodeLeaseRecord(raw), { id: 0x1234n, ttl: 30, remainingTtl: 0 });
  });
});

describe('expiry (primary only)', () => {
  test('reported exactly at expiry and not before', () => {
    const { lessor, clock } = setup();
    lessor.promote(0);
    lessor.grant(1n, 10);
    lessor.grant(2n, 20);
    clock.advance(9_999);
    assert.deepEqual(lessor.expiredLeases(), []);
    clock.advance(1);
    assert.deepEqual(lessor.expiredLeases(), [1n]);
    lessor.revoke(1n);
    clock.advance(10_000);
    assert.deepEqual(lessor.tick(), [2n]);
  });

  test('an unrevoked expired lease is reported again only after the retry interval', () => {
    const { lessor, clock } = setup({ expiredRetryMs: 3000 });
    lessor.promote(0);
    lessor.grant(1n, 5);
    clock.advance(5000);
    assert.deepEqual(lessor.expiredLeases(), [1n]);
    assert.deepEqual(lessor.expiredLeases(), []);
    clock.advance(2999);
    assert.deepEqual(lessor.expiredLeases(), []);
    clock.advance(1);
    assert.deepEqual(lessor.expiredLeases(), [1n]);
    lessor.revoke(1n); // the revoke came back through raft
    clock.advance(10_000);
    assert.deepEqual(lessor.expiredLeases(), []);
  });

  test('a follower never reports expiry; the lessor never revokes by itself', () => {
    const { lessor, clock } = setup();
    lessor.grant(1n, 5);
    clock.advance(1_000_000);
    assert.deepEqual(lessor.tick(), []);
    assert.deepEqual(lessor.expiredLeases(), []);
    assert.equal(lessor.has(1n), true);
    lessor.promote(0);
    clock.advance(5000);
    assert.deepEqual(lessor.tick(), [1n]);
    assert.equal(lessor.has(1n), true);
  });

  test('one round reports at most half the revoke rate, earliest first', () => {
    const { lessor, clock } = setup({ revokeRate: 100 });
    lessor.promote(0);
    for (let i = 1; i <= 120; i++) lessor.grant(BigInt(i), 10 + (i % 7));
    clock.advance(60_000);
    const first = lessor.tick();
    assert.equal(first.length, 50);
    const second = lessor.tick();
    assert.equal(second.length, 50);
    const third = lessor.tick();
    assert.equal(third.length, 20);
    const all = [...first, ...second, ...third];
    assert.equal(new Set(all).size, 120);
    const ttlOf = (id: bigint) => 10 + (Number(id) % 7);
    for (let i = 1; i < all.length; i++) assert.ok(ttlOf(all[i - 1]!) <= ttlOf(all[i]!));
  });
});

describe('renew (keepalive)', () => {
  test('extends expiry to now + TTL and returns the granted TTL', async () => {
    const { lessor, clock } = setup();
    lessor.promote(0);
    lessor.grant(1n, 10);
    clock.advance(8000);
    assert.equal(await lessor.renew(1n), 10);
    clock.advance(8000);
    assert.deepEqual(lessor.expiredLeases(), []);
    assert.equal(lessor.timeToLive(1n).ttl, 2);
    clock.advance(2000);
    assert.deepEqual(lessor.expiredLeases(), [1n]);
  });

  test('only the primary renews; unknown lease is not found', async () => {
    const { lessor } = setup();
    lessor.grant(1n, 10);
    await assert.rejects(
      lessor.renew(1n),
      (e: unknown) => e instanceof NotPrimaryError && e.code === 'ErrGRPCNotLeader',
    );
    lessor.promote(0);
    await assert.rejects(lessor.renew(99n), LeaseNotFoundError);
    assert.equal(await lessor.renew(1n), 10);
  });

  test('an expired lease waits for its revoke (→ not found) instead of coming back', async () => {
    const { lessor, clock } = setup();
    lessor.promote(0);
    lessor.grant(1n, 5);
    clock.advance(5000);
    const p = lessor.renew(1n);
    await assertPending(p);
    lessor.revoke(1n);
    await assert.rejects(p, LeaseNotFoundError);
  });

  test('an expired lease waiting to be revoked fails with NotPrimary on demote', async () => {
    const { lessor, clock } = setup();
    lessor.promote(0);
    lessor.grant(1n, 5);
    clock.advance(6000);
    const p = lessor.renew(1n);
    await assertPending(p);
    lessor.demote();
    await assert.rejects(p, NotPrimaryError);
    assert.equal(lessor.has(1n), true);
  });
});

describe('revoke', () => {
  test('deletes every attached key in one call and one revision, then the lease and its record', () => {
    const { lessor, store, backend } = setup();
    lessor.grant(1n, 60);
    lessor.grant(2n, 60);
    store.put('b', 'v', 1n);
    store.put('a', 'v', 1n);
    store.put('c', 'v', 1n);
    store.put('other', 'v', 2n);
    store.put('plain', 'v');
    const revBefore = store.revision;
    lessor.revoke(1n);
    assert.deepEqual(store.deleteCalls, [['a', 'b', 'c']]);
    assert.equal(store.revision, revBefore + 1);
    assert.deepEqual(
      store.deleteEvents.map((e) => [e.key, e.revision]),
      [
        ['a', revBefore + 1],
        ['b', revBefore + 1],
        ['c', revBefore + 1],
      ],
    );
    assert.deepEqual([...store.keys.keys()].sort(), ['other', 'plain']);
    assert.equal(lessor.has(1n), false);
    assert.equal(backend.get(Bucket.lease, leaseKey(1n)), undefined);
    assert.equal(lessor.leaseOfKey(enc('a')), 0n);
    assert.equal(lessor.leaseOfKey(enc('other')), 2n);
    assert.throws(() => lessor.revoke(1n), LeaseNotFoundError);
  });

  test('a lease without keys makes no store call and no revision', () => {
    const { lessor, store } = setup();
    lessor.grant(1n, 60);
    const rev = store.revision;
    lessor.revoke(1n);
    assert.equal(store.deleteCalls.length, 0);
    assert.equal(store.revision, rev);
  });

  test('keys detached or moved before the revoke are not deleted by it', () => {
    const { lessor, store } = setup();
    lessor.grant(1n, 60);
    lessor.grant(2n, 60);
    store.put('k1', 'v', 1n);
    store.put('k2', 'v', 1n);
    store.put('k3', 'v', 1n);
    store.put('k2', 'v2', 2n); // overwrite moves k2 to lease 2
    store.put('k3', 'v3'); // overwrite without lease
    store.delete('k1');
    assert.equal(lessor.lookup(1n)?.keyCount, 0);
    lessor.revoke(1n);
    assert.deepEqual(store.deleteCalls, []);
    assert.deepEqual([...store.keys.keys()].sort(), ['k2', 'k3']);
  });
});

describe('TimeToLive and Leases', () => {
  test('remaining TTL truncates like etcd; keys listed in byte order when asked', () => {
    const { lessor, store, clock } = setup();
    lessor.promote(0);
    lessor.grant(5n, 10);
    store.put('zeta', 'v', 5n);
    store.put('\u00ffhigh', 'v', 5n);
    store.put('alpha', 'v', 5n);
    clock.advance(2500);
    const ttl = lessor.timeToLive(5n, true);
    assert.equal(ttl.ttl, 7);
    assert.equal(ttl.grantedTtl, 10);
    assert.deepEqual(ttl.keys.map(dec), ['alpha', 'zeta', '\u00ffhigh']);
    assert.ok(ttl.keys.every((k) => Object.getPrototypeOf(k) === Uint8Array.prototype));
    assert.deepEqual(lessor.timeToLive(5n).keys, []);
    clock.advance(7400);
    assert.equal(lessor.timeToLive(5n).ttl, 0);
    clock.advance(200); // expired, not yet revoked: -0.1 s truncates to 0
    assert.ok(Object.is(lessor.timeToLive(5n).ttl, 0));
  });

  test('missing lease reports TTL -1', () => {
    const { lessor } = setup();
    assert.deepEqual(lessor.timeToLive(42n, true), { id: 42n, ttl: -1, grantedTtl: 0, keys: [] });
  });

  test('leases() lists every ID, soonest expiry first', () => {
    const { lessor } = setup();
    lessor.promote(0);
    lessor.grant(3n, 30);
    lessor.grant(1n, 10);
    lessor.grant(2n, 20);
    assert.deepEqual(lessor.leases(), [1n, 2n, 3n]);
    lessor.revoke(2n);
    assert.deepEqual(lessor.leases(), [1n, 3n]);
  });
});

describe('attach / detach', () => {
  test('attach to an unknown lease fails; detach from a gone lease is a no-op', () => {
    const { lessor } = setup();
    assert.throws(() => lessor.attach(9n, enc('k')), LeaseNotFoundError);
    assert.equal(lessor.detach(9n, enc('k')), false);
    lessor.grant(1n, 10);
    lessor.grant(2n, 10);
    lessor.attach(1n, enc('k'));
    lessor.attach(2n, enc('k')); // attach moves the key by itself
    assert.equal(lessor.leaseOfKey(enc('k')), 2n);
    assert.deepEqual(lessor.timeToLive(1n, true).keys, []);
    assert.equal(lessor.detach(1n, enc('k')), false);
    assert.equal(lessor.detach(2n, enc('k')), true);
    assert.equal(lessor.leaseOfKey(enc('k')), 0n);
  });
});

describe('leader change', () => {
  test('promote after demote extends: nothing expires early', () => {
    const { lessor, clock } = setup();
    lessor.promote(0);
    lessor.grant(1n, 10);
    clock.advance(6000);
    lessor.demote();
    assert.deepEqual(lessor.expiredLeases(), []);
    clock.advance(100_000); // no leader for a long time: nobody counts down
    assert.deepEqual(lessor.tick(), []);
    lessor.promote(1000); // new term, extend by the election timeout
    assert.equal(lessor.timeToLive(1n).ttl, 11);
    clock.advance(10_999);
    assert.deepEqual(lessor.expiredLeases(), []);
    clock.advance(1);
    assert.deepEqual(lessor.expiredLeases(), [1n]);
  });

  test('a lease granted on a follower starts counting when it becomes primary', () => {
    const { lessor, clock } = setup();
    lessor.grant(1n, 10);
    assert.equal(lessor.lookup(1n)?.expiry, Infinity);
    clock.advance(50_000);
    lessor.promote(0);
    clock.advance(9_999);
    assert.deepEqual(lessor.expiredLeases(), []);
    clock.advance(1);
    assert.deepEqual(lessor.expiredLeases(), [1n]);
  });

  test('promote spreads a pile-up so at most 3/4 of the revoke rate expire per second', () => {
    const { lessor, clock } = setup({ revokeRate: 100 });
    for (let i = 1; i <= 400; i++) lessor.grant(BigInt(i), 10);
    lessor.promote(0);
    const t0 = clock.ms;
    const expiries = lessor.leases().map((id) => lessor.lookup(id)!.expiry);
    assert.ok(
      expiries.every((e) => e >= t0 + 10_000),
      'never earlier than the TTL',
    );
    // Count per one-second window starting at the first expiry.
    const perSecond = new Map<number, number>();
    for (const e of expiries) {
      const s = Math.floor((e - (t0 + 10_000)) / 1000);
      perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
    }
    for (const n of perSecond.values()) assert.ok(n <= 75, `window with ${n} expiries`);
    assert.equal(Math.max(...perSecond.keys()), Math.ceil(400 / 75) - 1);
  });
});

describe('restart and recover', () => {
  test('a new lessor on the same backend restores leases, TTLs, checkpoints and attachments', () => {
    const { lessor, store, backend, clock } = setup();
    lessor.grant(1n, 30);
    lessor.grant(-2n, 60);
    lessor.grant(3n, 90);
    lessor.applyCheckpoint(3n, 40);
    store.put('a', 'v', 1n);
    store.put('b', 'v', -2n);
    store.put('c', 'v', -2n);
    store.put('d', 'v');
    lessor.revoke(1n);

    const again = new Lessor({ backend, now: clock.now });
    assert.deepEqual(again.leases().sort(), [-2n, 3n]);
    assert.equal(again.timeToLive(-2n).grantedTtl, 60);
    assert.equal(again.lookup(3n)?.remainingTtl, 40);
    // Rebuild attachments from the store, as the MVCC store does on open.
    const store2 = store.reopen(again);
    again.setKeyStore(store2);
    assert.equal(again.restoreAttachments(store2.forEachKeyWithLease), 0);
    assert.deepEqual(again.timeToLive(-2n, true).keys.map(dec), ['b', 'c']);
    assert.equal(again.leaseOfKey(enc('d')), 0n);
    again.promote(0);
    assert.equal(again.timeToLive(3n).ttl, 40, 'checkpointed remaining TTL used on promote');
    again.revoke(-2n);
    assert.deepEqual(store2.deleteCalls.at(-1), ['b', 'c']);
  });

  test('a stored TTL below a raised minimum is raised on load; orphan keys are counted', () => {
    const { lessor, backend } = setup({ minTtl: 2 });
    lessor.grant(1n, 3);
    const again = new Lessor({ backend, minTtl: 5 });
    assert.equal(again.timeToLive(1n).grantedTtl, 5);
    const orphans = again.restoreAttachments((fn) => {
      fn(enc('x'), 1n);
      fn(enc('y'), 77n);
      fn(enc('z'), 0n);
    });
    assert.equal(orphans, 1);
    assert.equal(again.leaseOfKey(enc('x')), 1n);
  });

  test('recover() replaces state from another backend and counts down at once on the primary', () => {
    const { lessor, clock } = setup();
    lessor.grant(1n, 10);
    lessor.attach(1n, enc('k'));
    const other = new MemoryBackend();
    const donor = new Lessor({ backend: other, now: clock.now });
    donor.grant(5n, 20);
    lessor.promote(0);
    lessor.recover(other);
    assert.deepEqual(lessor.leases(), [5n]);
    assert.equal(lessor.leaseOfKey(enc('k')), 0n);
    clock.advance(20_000);
    assert.deepEqual(lessor.expiredLeases(), [5n]);
  });
});
