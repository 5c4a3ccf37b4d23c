import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConfig } from './config.ts';
import { parseArgs } from './flags.ts';
import { EtcdServer } from './etcd-server.ts';
import { EtcdError } from '../api/errors.ts';
import { longToSafeInt, longToI64 } from '../api/long.ts';

const b = (s: string) => Buffer.from(s);
const str = (u: Uint8Array | null | undefined) => Buffer.from(u ?? []).toString();

function config(dir: string, extra: string[] = []) {
  return buildConfig(
    parseArgs(
      [
        '--data-dir',
        dir,
        '--listen-peer-urls',
        'http://127.0.0.1:0',
        '--heartbeat-interval',
        '10',
        '--election-timeout',
        '100',
        ...extra,
      ],
      {},
    ),
  );
}

async function withServer<T>(
  dir: string,
  fn: (s: EtcdServer) => Promise<T>,
  extra: string[] = [],
): Promise<T> {
  const s = await EtcdServer.start(config(dir, extra));
  try {
    return await fn(s);
  } finally {
    await s.stop();
  }
}

test('a single member serves puts, ranges, txns, deletes, compaction and leases, and keeps them across restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-srv-'));
  try {
    const firstRev = await withServer(dir, async (s) => {
      assert.equal(s.id.toString(16), '8e9e05c52164694d');
      assert.equal(s.clusterId.toString(16), 'cdf818194e3a8c32');
      const p1 = await s.put({ key: b('foo'), value: b('bar') });
      assert.equal(longToSafeInt(p1.header!.revision), 2);
      const p2 = await s.put({ key: b('foo'), value: b('baz'), prev_kv: true });
      assert.equal(str(p2.prev_kv?.value), 'bar');
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          s.put({ key: b(`k/${String(i).padStart(2, '0')}`), value: b(`${i}`) }),
        ),
      );

      const r = await s.range({ key: b('k/'), range_end: b('k0'), limit: 5 });
      assert.equal(r.kvs!.length, 5);
      assert.equal(r.more, true);
      assert.equal(longToSafeInt(r.count), 50);
      const ser = await s.range({ key: b('foo'), serializable: true });
      assert.equal(str(ser.kvs![0]!.value), 'baz');

      const t = await s.txn({
        compare: [{ key: b('foo'), target: 3, result: 0, value: b('baz') }],
        success: [{ request_put: { key: b('foo'), value: b('qux') } }, { request_range: { key: b('foo') } }],
        failure: [],
      });
      assert.equal(t.succeeded, true);
      assert.equal(str(t.responses![1]!.response_range!.kvs![0]!.value), 'qux');

      const d = await s.deleteRange({ key: b('k/'), range_end: b('k0') });
      assert.equal(longToSafeInt(d.deleted), 50);

      await assert.rejects(
        s.put({ key: b('') }),
        (e: unknown) => e instanceof EtcdError && e.message === 'etcdserver: key is not provided',
      );

      const g = await s.leaseGrant({ TTL: 60 });
      const leaseId = longToI64(g.ID);
      assert.ok(leaseId > 0n);
      await s.put({ key: b('leased'), value: b('v'), lease: g.ID });
      const ttl = await s.leaseTimeToLive({ ID: g.ID, keys: true });
      assert.equal(longToSafeInt(ttl.grantedTTL), 60);
      assert.deepEqual(ttl.keys!.map(str), ['leased']);
      assert.equal(await s.leaseRenew(leaseId), 60);
      assert.equal(await s.leaseRenew(12345n), 0, 'an unknown lease renews to TTL 0');

      const rev = longToSafeInt((await s.range({ key: b('foo') })).header!.revision);
      await s.compact({ revision: 3, physical: true });
      await assert.rejects(
        s.range({ key: b('foo'), revision: 2 }),
        (e: unknown) =>
          e instanceof EtcdError && e.message === 'etcdserver: mvcc: required revision has been compacted',
      );
      assert.equal(s.memberList().members!.length, 1);
      assert.equal(s.status().version, '3.4.23');
      return rev;
    });

    await withServer(dir, async (s) => {
      const r = await s.range({ key: b('foo') });
      assert.equal(str(r.kvs![0]!.value), 'qux');
      assert.equal(longToSafeInt(r.header!.revision), firstRev, 'the revision continues where it was');
      const l = await s.range({ key: b('leased') });
      assert.equal(l.kvs!.length, 1);
      assert.equal(s.leaseLeases().leases!.length, 1);
      const p = await s.put({ key: b('after'), value: b('restart') });
      assert.equal(longToSafeInt(p.header!.revision), firstRev + 1);
      await assert.rejects(s.range({ key: b('foo'), revision: 2 }), /compacted/);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('snapshots are taken every --snapshot-count entries and a restart still sees everything', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-srv-snap-'));
  try {
    await withServer(
      dir,
      async (s) => {
        for (let i = 0; i < 120; i++) await s.put({ key: b(`s${i}`), value: b(`${i}`) });
        await new Promise((r) => setTimeout(r, 100));
      },
      ['--snapshot-count', '25'],
    );
    await withServer(dir, async (s) => {
      const r = await s.range({ key: b('s'), range_end: b('t'), count_only: true });
      assert.equal(longToSafeInt(r.count), 120);
      await s.put({ key: b('x'), value: b('y') });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('proposals without a leader fail with the request timeout, each on its own deadline; the gauges follow', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-srv-'));
  // One member of three whose peers never start: no quorum, so no leader and nothing commits.
  const cfg = config(dir, [
    '--name',
    'a',
    '--initial-advertise-peer-urls',
    'http://127.0.0.1:1',
    '--initial-cluster',
    'a=http://127.0.0.1:1,b=http://127.0.0.1:2,c=http://127.0.0.1:3',
  ]);
  const counts = { pending: 0, failed: 0 };
  const s = await EtcdServer.start(cfg, undefined, {
    onProposal: (outcome, delta) => {
      if (outcome === 'pending' || outcome === 'failed') counts[outcome] += delta;
    },
  });
  // etcd's request timeout: 5 s plus two election timeouts.
  const timeoutMs = 5000 + 2 * 100;
  let stopped = false;
  try {
    const settled = (p: Promise<unknown>) =>
      p.then(
        () => ({ ok: true, at: performance.now(), msg: '' }),
        (e: Error) => ({ ok: false, at: performance.now(), msg: e.message }),
      );
    const t1 = performance.now();
    const first = settled(s.put({ key: b('a'), value: b('1') }));
    await new Promise((r) => setTimeout(r, 1000));
    const t2 = performance.now();
    const second = settled(s.put({ key: b('b'), value: b('2') }));
    assert.deepEqual(counts, { pending: 2, failed: 0 });
    const r1 = await first;
    assert.deepEqual([r1.ok, r1.msg], [false, 'etcdserver: request timed out']);
    assert.ok(r1.at - t1 >= timeoutMs, `first failed after ${r1.at - t1} ms`);
    const r2 = await second;
    assert.deepEqual([r2.ok, r2.msg], [false, 'etcdserver: request timed out']);
    // Each waited its own timeout, not the first one's.
    assert.ok(r2.at - t2 >= timeoutMs, `second failed after ${r2.at - t2} ms`);
    assert.deepEqual(counts, { pending: 0, failed: 2 });
    // A proposal cut off by the stop fails with "server stopped": it leaves the pending gauge, not failed.
    const third = settled(s.put({ key: b('c'), value: b('3') }));
    assert.equal(counts.pending, 1);
    await s.stop();
    stopped = true;
    const r3 = await third;
    assert.deepEqual([r3.ok, r3.msg], [false, 'etcdserver: server stopped']);
    assert.deepEqual(counts, { pending: 0, failed: 2 });
  } finally {
    if (!stopped) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
