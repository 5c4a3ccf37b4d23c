// Units of the load generator and the compare report: framing, the watch scanner, key templates, the
// histogram, how work is split over workers, matrix selection and the report's ratios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import { FrameReader, grpcFrame, scanWatchResponse } from '../../bench/load/grpc-wire.ts';
import { Histogram } from '../../bench/load/histogram.ts';
import { FrameTemplate, keyOf, placeholder } from '../../bench/load/keys.ts';
import { DEFAULT_IDS, selectIds } from '../../bench/load/matrix.ts';
import {
  checkOptions,
  DEFAULT_OPTIONS,
  type LoadOptions,
  type LoadResult,
} from '../../bench/load/options.ts';
import { topSelfTime } from '../../bench/load/profile-top.ts';
import { markdown, keptNotesOf, median, rows, svgChart, type CompareData } from '../../bench/load/report.ts';
import { timestampedPutTemplate, txnPutTemplate } from '../../bench/load/requests.ts';
import { merge, planWorkers, split } from '../../bench/load/runner.ts';

test('FrameReader reassembles messages cut at every byte boundary', () => {
  const msgs = [Buffer.from('a'), Buffer.alloc(0), Buffer.alloc(300, 7), Buffer.from('xyz')];
  const stream = Buffer.concat(msgs.map(grpcFrame));
  for (let cut = 0; cut <= stream.length; cut++) {
    for (const step of [1, 3, stream.length]) {
      const got: Buffer[] = [];
      const r = new FrameReader((m) => got.push(Buffer.from(m)));
      r.push(stream.subarray(0, cut));
      for (let at = cut; at < stream.length; at += step)
        r.push(stream.subarray(at, Math.min(stream.length, at + step)));
      assert.deepEqual(got, msgs, `cut ${cut} step ${step}`);
      assert.equal(r.buffered, 0);
    }
  }
});

test('FrameReader refuses compressed messages', () => {
  const f = grpcFrame(Buffer.from('z'));
  f[0] = 1;
  assert.throws(() => new FrameReader(() => {}).push(f), /compressed/);
});

test('scanWatchResponse counts events and reads values like the decoder does', () => {
  const value = Buffer.alloc(16);
  value.writeDoubleLE(123456789.5, 0);
  const msg = Buffer.from(
    pb.WatchResponse.encode({
      header: { revision: 9, cluster_id: 2 },
      watch_id: 3,
      events: [
        { type: 0, kv: { key: Buffer.from('w1'), value, mod_revision: 8, create_revision: 7, version: 2 } },
        {
          type: 1,
          kv: { key: Buffer.from('w2'), mod_revision: 9 },
          prev_kv: { key: Buffer.from('w2'), value: Buffer.from('old') },
        },
      ],
    }).finish(),
  );
  const values: Buffer[] = [];
  const s = scanWatchResponse(msg, (b, from, to) => values.push(b.subarray(from, to)));
  assert.deepEqual(s, { created: false, canceled: false, cancelReason: '', events: 2 });
  assert.equal(values.length, 1, 'the delete event has no kv value; prev_kv is not read');
  assert.equal(values[0]!.readDoubleLE(0), 123456789.5);

  const created = Buffer.from(pb.WatchResponse.encode({ watch_id: 0, created: true }).finish());
  assert.equal(scanWatchResponse(created).created, true);
  const failed = Buffer.from(
    pb.WatchResponse.encode({ watch_id: -1, created: true, canceled: true, cancel_reason: 'no' }).finish(),
  );
  assert.deepEqual(scanWatchResponse(failed), {
    created: true,
    canceled: true,
    cancelReason: 'no',
    events: 0,
  });
});

test('FrameTemplate patches keys into a frame that decodes to the intended request', () => {
  const o = { keySize: 8, valSize: 32, txnOps: 3 };
  const t = txnPutTemplate(o);
  const frame = t.make([5, 42, 99999]);
  assert.equal(frame.readUInt32BE(1), frame.length - 5);
  const txn = pb.TxnRequest.decode(frame.subarray(5));
  assert.deepEqual(
    txn.success.map((op) => Buffer.from(op.request_put!.key!).toString()),
    ['k0000005', 'k0000042', 'k0099999'],
  );
  assert.equal(txn.success[0]!.request_put!.value!.length, 32);

  const { template, valueOffset } = timestampedPutTemplate({ keySize: 6, valSize: 20 });
  const f = template.make1(7);
  f.writeDoubleLE(42.25, valueOffset);
  const put = pb.PutRequest.decode(f.subarray(5));
  assert.equal(Buffer.from(put.key).toString(), 'w00007');
  assert.equal(Buffer.from(put.value).readDoubleLE(0), 42.25);
  assert.equal(keyOf('r', 4, 12).toString(), 'r012');
  assert.throws(() => FrameTemplate.of(Buffer.from('nothing here'), 4, 1, 'k'), /placeholder 0/);
  assert.equal(placeholder(1, 4).length, 4);
});

test('Histogram: percentiles within 2% and merging equals recording together', () => {
  const a = new Histogram();
  const b = new Histogram();
  const both = new Histogram();
  for (let i = 1; i <= 20_000; i++) {
    const us = i * 3.7;
    (i % 2 ? a : b).recordUs(us);
    both.recordUs(us);
  }
  a.merge(b.toJSON());
  assert.deepEqual(a.summary(), both.summary());
  const s = both.summary();
  const near = (got: number, want: number): void =>
    assert.ok(Math.abs(got - want) / want < 0.02, `${got} vs ${want}`);
  near(s.p50Ms, 37);
  near(s.p99Ms, 73.26);
  assert.equal(s.maxMs, 74);
  assert.ok(s.p999Ms <= s.maxMs);
  assert.equal(new Histogram().summary().p99Ms, 0);
});

const opts = (o: Partial<LoadOptions> & Pick<LoadOptions, 'scenario'>): LoadOptions => ({
  ...DEFAULT_OPTIONS,
  endpoints: ['a:1', 'b:2', 'c:3'],
  ...o,
});

test('planWorkers spreads clients, connections, endpoints and quotas over workers', () => {
  assert.deepEqual(split(10, 3), [4, 3, 3]);
  const plans = planWorkers(opts({ scenario: 'put', clients: 7, conns: 5, workers: 2, total: 100 }), 4);
  assert.equal(plans.length, 2);
  assert.deepEqual(plans[0]!.conns, ['a:1', 'c:3', 'b:2']);
  assert.deepEqual(plans[1]!.conns, ['b:2', 'a:1']);
  assert.equal(plans[0]!.quotas.length + plans[1]!.quotas.length, 7);
  assert.equal(
    [...plans[0]!.quotas, ...plans[1]!.quotas].reduce((x, y) => x + y),
    100,
  );
  // never more workers than the pool, connections or clients
  assert.equal(planWorkers(opts({ scenario: 'put', clients: 1, conns: 5, workers: 4 }), 4).length, 1);
  assert.equal(planWorkers(opts({ scenario: 'put', clients: 9, conns: 9, workers: 4 }), 2).length, 2);
  const w = planWorkers(opts({ scenario: 'watch', watchers: 5, streams: 3, workers: 2, conns: 2 }), 2);
  assert.deepEqual(
    w.map((p) => [p.watchers, p.streams, p.putter]),
    [
      [3, 2, true],
      [2, 1, false],
    ],
  );
});

test('checkOptions refuses what the generator cannot honour', () => {
  assert.doesNotThrow(() => checkOptions(opts({ scenario: 'put' })));
  assert.throws(() => checkOptions(opts({ scenario: 'put', keySpace: 10_000_001 })), /key space/);
  assert.throws(() => checkOptions(opts({ scenario: 'watch', valSize: 4 })), /timestamp/);
  assert.throws(() => checkOptions(opts({ scenario: 'put', clients: 0 })), /clients/);
});

test('selectIds: ids, scenario names for their variants, reads first', () => {
  assert.deepEqual(selectIds(['put', 'range']), [
    'range-s',
    'range-l',
    'range-prefix-s',
    'range-prefix-l',
    'put',
  ]);
  assert.deepEqual(selectIds(['lease-grant', 'put-seq', 'watch']), ['watch', 'put-seq', 'lease-grant']);
  assert.ok(!DEFAULT_IDS.includes('put-seq'));
  assert.throws(() => selectIds(['nope']), /unknown scenario/);
});

function result(opsPerSec: number, p99Ms: number): LoadResult {
  const h = new Histogram();
  h.recordUs(p99Ms * 1000);
  return {
    ...merge(opts({ scenario: 'put', total: null, durationMs: 1000 }), []),
    ops: opsPerSec,
    opsPerSec,
    latency: { ...h.summary(), p99Ms },
  };
}

test('report: medians, per-round ratio spread, page with kept notes, chart', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  const disk = { syncsPerSec: 500, latency: new Histogram().summary(), blockBytes: 4096 };
  const d: CompareData = {
    info: {
      date: 'now',
      command: 'cmd',
      cpuModel: 'cpu',
      cores: 2,
      memGiB: 8,
      kernel: 'k',
      node: 'v20',
      nodeFlags: ['--min-semi-space-size=16'],
      etcdVersion: 'etcd',
      commit: 'abc',
      loadStart: [1, 2, 3],
      loadEnd: [1, 2, 3],
      diskStart: disk,
      diskEnd: disk,
      durationMs: 5000,
      warmupMs: 1000,
      rounds: 2,
      clients: 100,
      conns: 10,
      workers: 2,
      dataRoot: '/tmp',
    },
    ids: ['put'],
    membersList: [1],
    samples: [
      { members: 1, round: 0, system: 'etcd', id: 'put', result: result(1000, 10), serverCpuS: 1 },
      { members: 1, round: 0, system: 'tsetcd', id: 'put', result: result(500, 30), serverCpuS: 2 },
      { members: 1, round: 1, system: 'etcd', id: 'put', result: result(2000, 10), serverCpuS: 1 },
      { members: 1, round: 1, system: 'tsetcd', id: 'put', result: result(1500, 10), serverCpuS: 2 },
    ],
    servers: [{ members: 1, round: 0, system: 'etcd', idleRssMiB: 20, peakRssMiB: 40, startS: 1 }],
  };
  const [r] = rows(d, 1);
  assert.equal(r!.etcdOps, 1500);
  assert.equal(r!.tsOps, 1000);
  assert.equal(r!.ratio, 1000 / 1500);
  assert.equal(r!.ratioMin, 0.5);
  assert.equal(r!.ratioMax, 0.75);
  assert.equal(r!.p99Ratio, 2);
  const page = markdown(d, 'chart.svg', '\n## Notes\nmine\n');
  assert.match(page, /\| put \| 1,500 \| 1,000 \| 0\.67 \| 0\.50–0\.75 \|/);
  assert.match(page, /tsetcd members run as a user's do: `node --min-semi-space-size=16 bin\/tsetcd\.mjs`/);
  assert.equal(keptNotesOf(page), '\n## Notes\nmine\n');
  assert.match(svgChart(d), /^<svg[\s\S]*0\.67[\s\S]*<\/svg>\n$/);
  assert.doesNotMatch(page, /leader's endpoint/, 'no word of a leader with 1 member');
  // With more members the page says how often the leader was found and how often it changed.
  const three: CompareData = {
    ...d,
    servers: [
      {
        members: 3,
        round: 0,
        system: 'etcd',
        idleRssMiB: 20,
        peakRssMiB: 40,
        startS: 1,
        leader: 'a:1',
        leaderChanges: 1,
      },
      { members: 3, round: 0, system: 'tsetcd', idleRssMiB: 20, peakRssMiB: 40, startS: 1, leaderChanges: 0 },
    ],
  };
  assert.match(
    markdown(three, 'chart.svg', ''),
    /leader was found in 1 of 2 such clusters, the others kept the start order, and changed 1 time during the runs/,
  );
});

test('profile summary: self time per function from samples and time deltas', () => {
  const frame = (functionName: string, url = 'file:///x/src/a.ts', lineNumber = 0) => ({
    functionName,
    url,
    lineNumber,
  });
  const prof = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4] },
      { id: 2, callFrame: frame('hot'), children: [] },
      { id: 3, callFrame: frame('cold', 'file:///x/src/b.ts', 9) },
      { id: 4, callFrame: frame('(idle)', '') },
    ],
    startTime: 0,
    endTime: 1000,
    samples: [2, 2, 3, 4, 2],
    timeDeltas: [0, 100, 100, 100, 100],
  };
  const { functions, busyMs } = topSelfTime(prof);
  assert.equal(busyMs, 0.3);
  assert.deepEqual(
    functions.map((f) => [f.name, f.where, f.ms]),
    [
      ['hot', 'src/a.ts:1', 0.2],
      ['cold', 'src/b.ts:10', 0.1],
    ],
  );
});
