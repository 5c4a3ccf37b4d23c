// Property test: random sequences of grant / renew / revoke / put / delete / clock moves / leader changes
// against a plain model of etcd's lease rules. The "server" revokes every lease the primary reports as
// expired right after each clock move, as its proposed revokes would be applied.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { LeaseError } from './errors.ts';
import { MAX_LEASE_TTL } from './lease-id.ts';
import { Lessor } from './lessor.ts';
import { FakeClock, FakeKeyStore } from './testing.ts';

const MIN_TTL = 2;
const IDS = [1n, 2n, 3n, 4n, 5n, -6n];
const KEYS = ['a', 'b', 'c', 'd', 'e'];

type Op =
  | { k: 'grant'; id: bigint; ttl: number }
  | { k: 'revoke'; id: bigint }
  | { k: 'renew'; id: bigint }
  | { k: 'put'; key: string; id: bigint }
  | { k: 'del'; key: string }
  | { k: 'advance'; ms: number }
  | { k: 'promote'; extend: number }
  | { k: 'demote' };

const id = fc.constantFrom(...IDS);
const key = fc.constantFrom(...KEYS);
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      k: fc.constant('grant' as const),
      id,
      ttl: fc.oneof(fc.integer({ min: -3, max: 30 }), fc.constant(MAX_LEASE_TTL + 1)),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ k: fc.constant('revoke' as const), id }), weight: 1 },
  { arbitrary: fc.record({ k: fc.constant('renew' as const), id }), weight: 3 },
  {
    arbitrary: fc.record({ k: fc.constant('put' as const), key, id: fc.constantFrom(0n, ...IDS) }),
    weight: 3,
  },
  { arbitrary: fc.record({ k: fc.constant('del' as const), key }), weight: 1 },
  {
    arbitrary: fc.record({
      k: fc.constant('advance' as const),
      // Whole seconds often, so that expiries land exactly on the clock.
      ms: fc.oneof(fc.integer({ min: 0, max: 12_000 }), fc.constantFrom(1000, 2000, 5000)),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ k: fc.constant('promote' as const), extend: fc.integer({ min: 0, max: 2000 }) }),
    weight: 1,
  },
  { arbitrary: fc.constant({ k: 'demote' as const }), weight: 1 },
);

interface ModelLease {
  ttl: number;
  expiry: number;
}

const errName = (e: unknown) => (e instanceof LeaseError ? e.code : `unexpected ${String(e)}`);

test('lessor matches a model of grant/renew/revoke/expire/leader changes', async () => {
  await fc.assert(
    fc.asyncProperty(fc.boolean(), fc.array(op, { maxLength: 60 }), async (startPrimary, ops) => {
      const clock = new FakeClock();
      const lessor = new Lessor({ backend: new MemoryBackend(), now: clock.now, minTtl: MIN_TTL });
      const store = new FakeKeyStore(lessor);
      lessor.setKeyStore(store);
      let primary = false;
      const leases = new Map<bigint, ModelLease>();
      const keys = new Map<string, bigint>(); // key → lease (0n = none)
      let revision = store.revision;

      const modelRevoke = (lid: bigint) => {
        const attached = [...keys].filter(([, l]) => l === lid).map(([k]) => k);
        for (const k of attached) keys.delete(k);
        if (attached.length > 0) revision++;
        leases.delete(lid);
      };
      const doPromote = (extend: number) => {
        primary = true;
        for (const l of leases.values()) l.expiry = clock.ms + l.ttl * 1000 + extend;
        lessor.promote(extend);
      };
      if (startPrimary) doPromote(0);

      for (const o of ops) {
        switch (o.k) {
          case 'grant': {
            let want: string | number;
            if (o.ttl > MAX_LEASE_TTL) want = 'ErrGRPCLeaseTTLTooLarge';
            else if (leases.has(o.id)) want = 'ErrGRPCLeaseExist';
            else {
              const ttl = Math.max(o.ttl, MIN_TTL);
              leases.set(o.id, { ttl, expiry: primary ? clock.ms + ttl * 1000 : Infinity });
              want = ttl;
            }
            let got: string | number;
            try {
              got = lessor.grant(o.id, o.ttl).ttl;
            } catch (e) {
              got = errName(e);
            }
            assert.equal(got, want, `grant ${o.id} ${o.ttl}`);
            break;
          }
          case 'revoke': {
            const want = leases.has(o.id) ? 'ok' : 'ErrGRPCLeaseNotFound';
            if (leases.has(o.id)) modelRevoke(o.id);
            let got = 'ok';
            try {
              lessor.revoke(o.id);
            } catch (e) {
              got = errName(e);
            }
            assert.equal(got, want, `revoke ${o.id}`);
            break;
          }
          case 'renew': {
            const l = leases.get(o.id);
            let want: string | number;
            if (!primary) want = 'ErrGRPCNotLeader';
            else if (l === undefined) want = 'ErrGRPCLeaseNotFound';
            else {
              l.expiry = clock.ms + l.ttl * 1000;
              want = l.ttl;
            }
            let got: string | number;
            try {
              got = await lessor.renew(o.id);
            } catch (e) {
              got = errName(e);
            }
            assert.equal(got, want, `renew ${o.id}`);
            break;
          }
          case 'put': {
            if (o.id !== 0n && !leases.has(o.id)) {
              assert.throws(() => store.put(o.key, 'v', o.id));
              break;
            }
            store.put(o.key, 'v', o.id);
            revision++;
            keys.set(o.key, o.id);
            break;
          }
          case 'del': {
            if (keys.has(o.key)) revision++;
            keys.delete(o.key);
            store.delete(o.key);
            break;
          }
          case 'advance': {
            clock.advance(o.ms);
            const due = [...leases]
              .filter(([, l]) => l.expiry <= clock.ms)
              .sort(([ia, a], [ib, b]) => a.expiry - b.expiry || (ia < ib ? -1 : 1))
              .map(([lid]) => lid);
            const reported = lessor.expiredLeases(Infinity);
            assert.deepEqual(reported, due, 'expired leases, earliest first');
            for (const lid of reported) {
              lessor.revoke(lid);
              modelRevoke(lid);
            }
            break;
          }
          case 'promote':
            doPromote(o.extend);
            break;
          case 'demote':
            primary = false;
            for (const l of leases.values()) l.expiry = Infinity;
            lessor.demote();
            break;
        }

        // Whole-state comparison after every step.
        assert.equal(store.revision, revision, 'revisions');
        assert.deepEqual(new Set(lessor.leases()), new Set(leases.keys()));
        for (const lid of IDS) {
          const l = leases.get(lid);
          const got = lessor.timeToLive(lid, true);
          if (l === undefined) {
            assert.equal(got.ttl, -1);
            continue;
          }
          assert.equal(got.grantedTtl, l.ttl);
          const remaining = l.expiry === Infinity ? l.ttl : Math.trunc((l.expiry - clock.ms) / 1000);
          assert.equal(got.ttl, remaining, `remaining of ${lid}`);
          const want = [...keys]
            .filter(([, x]) => x === lid)
            .map(([k]) => k)
            .sort();
          assert.deepEqual(
            got.keys.map((b) => Buffer.from(b).toString('latin1')),
            want,
          );
        }
        assert.deepEqual(new Set(store.keys.keys()), new Set(keys.keys()));
      }
    }),
    { numRuns: 300 },
  );
});
