// MemberMetrics counts in plain numbers and builds its prom-client registry on the first scrape: the text
// must be what prom-client's own metrics would have printed for the same events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import client from 'prom-client';
import { MemberMetrics, PlainHistogram } from './metrics.ts';

const BOUNDS = [0.001, 0.002, 0.004, 0.008, 0.016, 0.032];
const VALUES = [0, 0.0005, 0.001, 0.0011, 0.003, 0.004, 0.03, 0.032, 0.5, 7, 0.002];

test('PlainHistogram prints exactly what a prom-client Histogram prints', async () => {
  const name = 'x_fsync_duration_seconds';
  const help = 'The latency distributions of fsync called by WAL.';
  for (const values of [[], VALUES]) {
    const theirs = new client.Registry();
    const h = new client.Histogram({ name, help, buckets: BOUNDS, registers: [theirs] });
    const ours = new client.Registry();
    const p = new PlainHistogram(name, help, BOUNDS);
    ours.registerMetric(p.metric());
    for (const v of values) {
      h.observe(v);
      p.observe(v);
    }
    const want = await theirs.metrics();
    assert.match(want, new RegExp(`${name}_count ${values.length}`));
    assert.equal(await ours.metrics(), want);
  }
});

test('MemberMetrics: hook counts appear on the first and later scrapes, with the Prometheus content type', async () => {
  const m = new MemberMetrics();
  const hooks = m.serverHooks();
  hooks.onLeaderChange!(1n);
  hooks.onLeaderChange!(2n);
  hooks.onLeaderChange!(2n);
  hooks.onLeaderChange!(3n);
  hooks.onProposal!('pending', 3);
  hooks.onProposal!('pending', -1);
  hooks.onProposal!('failed', 1);
  hooks.onWalSave!(3, 1, true);
  hooks.onWalSave!(5, 1, false); // not synced: no fsync to time
  const line = (text: string, name: string): string | undefined =>
    text.split('\n').find((l) => l.startsWith(`${name} `));

  const first = await m.registry.metrics();
  assert.equal(m.registry.contentType, client.Registry.PROMETHEUS_CONTENT_TYPE);
  assert.equal(
    line(first, 'etcd_server_leader_changes_seen_total'),
    'etcd_server_leader_changes_seen_total 2',
  );
  assert.equal(line(first, 'etcd_server_proposals_pending'), 'etcd_server_proposals_pending 2');
  assert.equal(line(first, 'etcd_server_proposals_failed_total'), 'etcd_server_proposals_failed_total 1');
  assert.equal(
    line(first, 'etcd_disk_wal_fsync_duration_seconds_count'),
    'etcd_disk_wal_fsync_duration_seconds_count 1',
  );
  assert.equal(
    line(first, 'etcd_disk_wal_fsync_duration_seconds_sum'),
    'etcd_disk_wal_fsync_duration_seconds_sum 0.003',
  );
  assert.match(first, /^# TYPE etcd_server_leader_changes_seen_total counter$/m);
  assert.match(first, /^# TYPE etcd_disk_wal_fsync_duration_seconds histogram$/m);
  assert.match(first, /^# TYPE process_cpu_user_seconds_total counter$/m);

  hooks.onLeaderChange!(4n);
  hooks.onProposal!('failed', 2);
  const second = await m.registry.metrics();
  assert.equal(
    line(second, 'etcd_server_leader_changes_seen_total'),
    'etcd_server_leader_changes_seen_total 3',
  );
  assert.equal(line(second, 'etcd_server_proposals_failed_total'), 'etcd_server_proposals_failed_total 3');
});
