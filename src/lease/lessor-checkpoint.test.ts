// Checkpoints (etcd 3.4 --experimental-enable-lease-checkpoint) across two members: A is the leader, B a
// follower. "Raft" here is the test: grants and checkpoints are applied to both lessors in the same order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryBackend } from '../storage/backend/memory-backend.ts';
import { Lessor } from './lessor.ts';
import type { Checkpointer, LeaseCheckpoint } from './lessor.ts';
import { FakeClock } from './testing.ts';

function cluster(
  opts: { checkpointer?: (cps: LeaseCheckpoint[], apply: () => void) => ReturnType<Checkpointer> } = {},
) {
  const clock = new FakeClock();
  const proposed: LeaseCheckpoint[][] = [];
  const members: Lessor[] = [];
  const applyAll = (cps: LeaseCheckpoint[]) => {
    for (const m of members) for (const c of cps) m.applyCheckpoint(c.id, c.remainingTtl);
  };
  const checkpointer: Checkpointer = (cps) => {
    proposed.push(cps);
    if (opts.checkpointer) return opts.checkpointer(cps, () => applyAll(cps));
    applyAll(cps);
  };
  const backends = [new MemoryBackend(), new MemoryBackend()] as const;
  const mk = (backend: MemoryBackend) =>
    new Lessor({ backend, now: clock.now, checkpointer, checkpointIntervalMs: 60_000 });
  const a = mk(backends[0]);
  const b = mk(backends[1]);
  members.push(a, b);
  const grant = (id: bigint, ttl: number) => {
    for (const m of members) m.grant(id, ttl);
  };
  return { clock, a, b, grant, proposed, backends, members };
}

test('the primary checkpoints long leases; a new primary counts down from the checkpoint', () => {
  const { clock, a, b, grant, proposed } = cluster();
  a.promote(0);
  grant(1n, 300);
  grant(2n, 30); // not longer than the interval: never checkpointed
  clock.advance(60_000);
  assert.deepEqual(b.tick(), []);
  assert.deepEqual(proposed, [], 'followers do not checkpoint');
  a.tick();
  assert.deepEqual(proposed, [[{ id: 1n, remainingTtl: 240 }]]);
  assert.equal(b.lookup(1n)?.remainingTtl, 240);
  assert.equal(b.lookup(2n)?.remainingTtl, 0);

  // The checkpoint apply re-armed the next one on the primary.
  clock.advance(59_999);
  a.tick();
  assert.equal(proposed.length, 1);
  clock.advance(1);
  a.tick();
  assert.deepEqual(proposed[1], [{ id: 1n, remainingTtl: 180 }]);

  // Leader change: B takes over and counts from the checkpoint, not from the full TTL.
  for (const m of [a, b]) m.revoke(2n);
  a.demote();
  clock.advance(5000);
  b.promote(1000);
  assert.equal(b.timeToLive(1n).ttl, 181);
  clock.advance(180_999);
  assert.deepEqual(b.expiredLeases(), []);
  clock.advance(1);
  assert.deepEqual(b.expiredLeases(), [1n]);
});

test('without checkpoints a new primary restarts from the full TTL', () => {
  const clock = new FakeClock();
  const a = new Lessor({ backend: new MemoryBackend(), now: clock.now });
  const b = new Lessor({ backend: new MemoryBackend(), now: clock.now });
  for (const m of [a, b]) m.grant(1n, 300);
  a.promote(0);
  clock.advance(240_000);
  a.tick();
  a.demote();
  b.promote(0);
  assert.equal(b.timeToLive(1n).ttl, 300);
});

test('renewing a checkpointed lease first replicates a zero checkpoint', async () => {
  const { clock, a, b, grant, proposed } = cluster();
  a.promote(0);
  grant(1n, 300);
  clock.advance(60_000);
  a.tick();
  assert.equal(b.lookup(1n)?.remainingTtl, 240);
  assert.equal(await a.renew(1n), 300);
  assert.deepEqual(proposed.at(-1), [{ id: 1n, remainingTtl: 0 }]);
  assert.equal(b.lookup(1n)?.remainingTtl, 0);
  assert.equal(a.timeToLive(1n).ttl, 300);
  // A renewal with no checkpoint set proposes nothing.
  const n = proposed.length;
  await a.renew(1n);
  assert.equal(proposed.length, n);
  a.demote();
  b.promote(0);
  assert.equal(b.timeToLive(1n).ttl, 300);
});

test('renew waits for the zero checkpoint to be applied; a failed proposal fails the renewal', async () => {
  let release: ((ok: boolean) => void) | undefined;
  const { clock, a, grant } = cluster({
    checkpointer: (cps, apply) => {
      if (cps[0]!.remainingTtl !== 0) return apply();
      return new Promise<void>((res, rej) => {
        release = (ok) => (ok ? (apply(), res()) : rej(new Error('proposal dropped')));
      });
    },
  });
  a.promote(0);
  grant(1n, 300);
  clock.advance(60_000);
  a.tick();
  const expiryBefore = a.lookup(1n)!.expiry;
  const failing = a.renew(1n);
  await new Promise((r) => setImmediate(r));
  release!(false);
  await assert.rejects(failing, /proposal dropped/);
  assert.equal(a.lookup(1n)!.expiry, expiryBefore, 'a failed renewal does not extend');

  const ok = a.renew(1n);
  await new Promise((r) => setImmediate(r));
  assert.equal(a.lookup(1n)!.expiry, expiryBefore, 'not extended before the checkpoint is applied');
  release!(true);
  assert.equal(await ok, 300);
  assert.equal(a.lookup(1n)!.remainingTtl, 0);
  assert.equal(a.timeToLive(1n).ttl, 300);
});

test('checkpoints are persisted: a restarted member promotes from the checkpoint', () => {
  const { clock, a, grant, backends } = cluster();
  a.promote(0);
  grant(1n, 300);
  clock.advance(60_000);
  a.tick();
  const restarted = new Lessor({ backend: backends[1], now: clock.now });
  assert.equal(restarted.lookup(1n)?.remainingTtl, 240);
  restarted.promote(0);
  assert.equal(restarted.timeToLive(1n).ttl, 240);
});

test('a lease renewed within the last second is checkpointed at the next interval, not dropped', async () => {
  const { clock, a, grant, proposed } = cluster();
  a.promote(0);
  grant(1n, 300);
  clock.advance(59_500);
  await a.renew(1n);
  clock.advance(500);
  a.tick(); // remaining rounds up to the full TTL: nothing to record
  assert.deepEqual(proposed, []);
  clock.advance(60_000);
  a.tick();
  assert.deepEqual(proposed, [[{ id: 1n, remainingTtl: 240 }]]);
});

test('a checkpoint proposal that fails is retried one interval later', async () => {
  let fail = true;
  const { clock, a, grant, proposed } = cluster({
    checkpointer: (_cps, apply) => {
      if (fail) throw new Error('not leader any more');
      apply();
    },
  });
  a.promote(0);
  grant(1n, 300);
  clock.advance(60_000);
  assert.deepEqual(a.tick(), []);
  assert.equal(proposed.length, 1);
  assert.equal(a.lookup(1n)?.remainingTtl, 0);
  fail = false;
  clock.advance(60_000);
  a.tick();
  assert.deepEqual(proposed[1], [{ id: 1n, remainingTtl: 180 }]);
  assert.equal(a.lookup(1n)?.remainingTtl, 180);
});

test('checkpoints of many leases go out in batches of at most 1000', () => {
  const { clock, a, grant, proposed } = cluster();
  a.promote(0);
  for (let i = 1; i <= 2500; i++) grant(BigInt(i), 600);
  clock.advance(60_000);
  a.tick();
  assert.deepEqual(
    proposed.map((b) => b.length),
    [1000, 1000, 500],
  );
  assert.ok(proposed.flat().every((c) => c.remainingTtl === 540));
});
