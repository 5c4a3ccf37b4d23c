import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Compactor, type CompactorTarget } from './compactor.ts';

function fakeTarget(over: Partial<CompactorTarget> = {}) {
  const compacted: number[] = [];
  let rev = 1;
  const t: CompactorTarget & { compacted: number[]; setRev(r: number): void } = {
    compacted,
    setRev: (r) => (rev = r),
    isLeader: () => true,
    revision: () => rev,
    compactRevision: () => compacted.at(-1) ?? 0,
    compact: async (r) => compacted.push(r),
    warn: () => {},
    ...over,
  };
  return t;
}

test('periodic mode keeps `retention` of history and compacts once per period', async () => {
  let now = 0;
  const target = fakeTarget();
  const c = new Compactor('periodic', 60_000, target, () => now);
  // Revisions grow by 10 every 6 s (one sample per tenth of the period).
  for (let i = 1; i <= 30; i++) {
    now = i * 6_000;
    target.setRev(i * 10);
    await c.step();
  }
  // At t=60s the oldest sample at least 60 s old is t=0? none (first sample at 6s) → nothing until t=66s;
  // compactions then happen every 60 s at the revision sampled 60 s earlier.
  assert.ok(target.compacted.length >= 2, `compacted ${target.compacted.join(',')}`);
  for (const r of target.compacted)
    assert.ok(r <= 300 - 100 + 10, 'never newer than the retention window allows');
  assert.deepEqual(
    [...target.compacted].sort((a, b) => a - b),
    target.compacted,
    'compactions only move forward',
  );
});

test('revision mode compacts at current − retention, and followers never compact', async () => {
  const target = fakeTarget();
  target.setRev(5000);
  const c = new Compactor('revision', 1000, target);
  assert.equal(await c.step(), 4000);
  assert.equal(await c.step(), undefined, 'nothing new to compact');
  const follower = fakeTarget({ isLeader: () => false });
  follower.setRev(5000);
  assert.equal(await new Compactor('revision', 1000, follower).step(), undefined);
  assert.deepEqual(follower.compacted, []);
});

test('periods: under an hour the period is the retention; at or above, one hour', () => {
  const t = fakeTarget();
  assert.equal(new Compactor('periodic', 5_000, t).interval, 5_000);
  assert.equal(new Compactor('periodic', 72 * 3_600_000, t).interval, 3_600_000);
  assert.equal(new Compactor('revision', 10, t).interval, 300_000);
});
