// 100k leases through the expiry queue: every lease is reported once, in expiry order, never early,
// including leases moved by renewals while the clock runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { Lessor } from './lessor.ts';
import { FakeClock } from './testing.ts';

/** Seeded PRNG (mulberry32) so the run is repeatable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('100k leases expire in order, each once, none early', async () => {
  const N = 100_000;
  const rand = rng(42);
  const clock = new FakeClock();
  const lessor = new Lessor({ backend: new MemoryBackend(), now: clock.now, revokeRate: 1_000_000 });
  lessor.promote(0);
  const expiryOf = new Map<bigint, number>();
  for (let i = 1; i <= N; i++) {
    const id = BigInt(i);
    const { ttl } = lessor.grant(id, 2 + Math.floor(rand() * 3600));
    expiryOf.set(id, clock.ms + ttl * 1000);
  }
  let reported = 0;
  let lastExpiry = -Infinity;
  let renewedAt = 0;
  while (expiryOf.size > 0) {
    clock.advance(1 + Math.floor(rand() * 60_000));
    // Renew a few random live leases now and then: their expiry moves later.
    if (clock.ms - renewedAt > 300_000) {
      renewedAt = clock.ms;
      for (let j = 0; j < 100; j++) {
        const id = BigInt(1 + Math.floor(rand() * N));
        const e = expiryOf.get(id);
        if (e === undefined || e <= clock.ms) continue;
        const ttl = await lessor.renew(id);
        expiryOf.set(id, clock.ms + ttl * 1000);
      }
      lastExpiry = -Infinity; // order is checked within one sweep of the clock
    }
    for (;;) {
      const round = lessor.tick();
      if (round.length === 0) break;
      assert.ok(round.length <= 500_000);
      for (const id of round) {
        const e = expiryOf.get(id);
        assert.ok(e !== undefined, `lease ${id} reported twice`);
        assert.ok(e <= clock.ms, `lease ${id} reported early`);
        assert.ok(e >= lastExpiry, 'out of order');
        lastExpiry = e;
        expiryOf.delete(id);
        lessor.revoke(id);
        reported++;
      }
    }
    for (const e of expiryOf.values()) if (e <= clock.ms) assert.fail('an expired lease was not reported');
  }
  assert.equal(reported, N);
  assert.equal(lessor.size, 0);
});
