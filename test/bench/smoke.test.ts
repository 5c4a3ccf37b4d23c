// A tiny run of every load scenario against a real tsetcd process (started the way bench:compare starts it),
// so the load generator and the compare machinery cannot rot unnoticed. Asserts that results are well
// formed (counts, no errors, ordered percentiles, resource figures read), never how fast anything was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaderFirst, startCluster, type Cluster } from '../../bench/load/cluster.ts';
import { DEFAULT_OPTIONS, type LoadOptions, type LoadResult } from '../../bench/load/options.ts';
import { LoadPool } from '../../bench/load/runner.ts';

const TOTAL = 200;
let root: string;
let cluster: Cluster;
let pool: LoadPool;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'tsetcd-bench-smoke-'));
  [cluster, pool] = await Promise.all([
    startCluster({ system: 'tsetcd', members: 1, root }),
    LoadPool.start(2),
  ]);
});

after(async () => {
  await pool?.close();
  await cluster?.stop();
  rmSync(root, { recursive: true, force: true });
});

function options(o: Partial<LoadOptions> & Pick<LoadOptions, 'scenario'>): LoadOptions {
  return {
    ...DEFAULT_OPTIONS,
    endpoints: cluster.endpoints,
    clients: 8,
    conns: 4,
    workers: 2,
    total: TOTAL,
    watchers: 6,
    streams: 3,
    keySpace: 1000,
    ...o,
  };
}

function assertWellFormed(r: LoadResult, expectedOps: number): void {
  assert.deepEqual(r.errorSamples, [], `errors: ${r.errorSamples.join('; ')}`);
  assert.equal(r.errors, 0);
  assert.equal(r.ops, expectedOps);
  assert.equal(r.latency.count, expectedOps);
  assert.equal(r.workers, 2);
  assert.ok(r.elapsedS > 0 && r.opsPerSec > 0);
  assert.ok(Math.abs(r.opsPerSec * r.elapsedS - r.ops) < 1e-6 * r.ops + 1e-9);
  const l = r.latency;
  assert.ok(l.p50Ms > 0, 'latencies recorded');
  assert.ok(
    l.p50Ms <= l.p90Ms && l.p90Ms <= l.p99Ms && l.p99Ms <= l.p999Ms && l.p999Ms <= l.maxMs,
    JSON.stringify(l),
  );
  assert.ok(r.clientCpuS > 0, 'load generator CPU measured');
}

const UNARY: [string, Partial<LoadOptions> & Pick<LoadOptions, 'scenario'>][] = [
  ['range-l', { scenario: 'range', consistency: 'l' }],
  ['range-s', { scenario: 'range', consistency: 's' }],
  ['range-prefix-s', { scenario: 'range', consistency: 's', prefix: true, rangeKeys: 5 }],
  ['put', { scenario: 'put' }],
  ['put-seq', { scenario: 'put', sequential: true }],
  ['txn-put', { scenario: 'txn-put', txnOps: 3 }],
  ['txn-mixed', { scenario: 'txn-mixed' }],
  ['lease-grant', { scenario: 'lease-grant' }],
  ['lease-keepalive', { scenario: 'lease-keepalive' }],
];

for (const [label, o] of UNARY) {
  test(`${label}: ${TOTAL} requests, all answered`, async () => {
    const r = await pool.run(options(o));
    assert.equal(r.label, label);
    assertWellFormed(r, TOTAL);
  });
}

test('watch: every put reaches every watcher', async () => {
  const r = await pool.run(options({ scenario: 'watch', total: 30, putClients: 2 }));
  assertWellFormed(r, 30 * 6);
  assert.equal(r.puts, 30);
});

test('watch-latency: rated puts, every event timed', async () => {
  const r = await pool.run(options({ scenario: 'watch-latency', total: 20, putRate: 200 }));
  assertWellFormed(r, 20 * 6);
  assert.equal(r.puts, 20);
});

test('duration mode counts only the measured window', async () => {
  const marks: [string, number][] = [];
  const t0 = performance.now();
  const r = await pool.run(
    options({ scenario: 'range', consistency: 's', total: null, durationMs: 400, warmupMs: 300 }),
    {
      start: () => marks.push(['start', performance.now() - t0]),
      end: () => marks.push(['end', performance.now() - t0]),
    },
  );
  // The window callbacks (bench:compare samples server CPU with them) came once each, in order, not before
  // the warm-up had passed, nor the end before warm-up + duration (timers are never early).
  assert.deepEqual(
    marks.map((m) => m[0]),
    ['start', 'end'],
  );
  assert.ok(marks[0]![1] >= 299 && marks[1]![1] >= 699, JSON.stringify(marks));
  assert.equal(r.errors, 0);
  assert.equal(r.elapsedS, 0.4);
  assert.ok(r.ops > 0);
  assert.equal(r.latency.count, r.ops);
});

test('server figures come from /proc', () => {
  assert.ok(cluster.cpuSeconds() > 0);
  const rss = cluster.rssMiB();
  assert.ok(rss > 1 && cluster.peakRssMiB() >= rss);
});

test('leaderFirst finds the leader through the JSON gateway, and keeps the order when nobody answers', async () => {
  const found = await leaderFirst(cluster.endpoints);
  assert.equal(found.leader, cluster.endpoints[0]);
  assert.deepEqual(found.endpoints, cluster.endpoints);
  // A closed port first: skipped, the leader still found and moved to the front.
  const dead = '127.0.0.1:1';
  const mixed = await leaderFirst([dead, ...cluster.endpoints]);
  assert.equal(mixed.leader, cluster.endpoints[0]);
  assert.deepEqual(mixed.endpoints, [...cluster.endpoints, dead]);
  assert.deepEqual(await leaderFirst([dead]), { endpoints: [dead] });
});
