// Round trips through the generated etcd codecs (gen/etcd.js): field numbers, 64-bit values, oneofs, packed
// enums, and the object mapping the JSON gateway relies on (proto field names, decimal-string longs, base64
// bytes, enum names, defaults omitted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import Long from 'long';
import protobuf from 'protobufjs';
import * as gen from './gen/etcd.js';
import { etcdserverpb as pb, mvccpb } from './gen/etcd.js';
import { i64ToLong, longToI64, longToSafeInt, longToU64, u64ToLong } from './long.ts';

const b = (s: string): Uint8Array => Buffer.from(s);
const hex = (u: Uint8Array): string => Buffer.from(u).toString('hex');

test('RangeResponse with header and kvs round-trips, 64-bit values intact', () => {
  const clusterId = 0xd1cdb6e09a6b1a2an; // above 2^63: must survive as uint64
  const leaseId = 0x7fffffffffffffffn;
  const bytes = pb.RangeResponse.encode({
    header: {
      cluster_id: u64ToLong(clusterId),
      member_id: u64ToLong(1n),
      revision: 9_007_199_254_740_991,
      raft_term: 2,
    },
    kvs: [
      {
        key: b('a'),
        value: b('1'),
        create_revision: 2,
        mod_revision: 5,
        version: 3,
        lease: i64ToLong(leaseId),
      },
      { key: b('b'), value: new Uint8Array(0), create_revision: 4, mod_revision: 4, version: 1 },
    ],
    more: true,
    count: 7,
  }).finish();
  const r = pb.RangeResponse.decode(bytes);
  assert.equal(longToU64(r.header!.cluster_id), clusterId);
  assert.equal(longToSafeInt(r.header!.revision), 9_007_199_254_740_991);
  assert.equal(r.kvs.length, 2);
  assert.equal(Buffer.from(r.kvs[0]!.key!).toString(), 'a');
  assert.equal(longToI64(r.kvs[0]!.lease), leaseId);
  assert.equal(longToSafeInt(r.kvs[1]!.version), 1);
  assert.equal(r.more, true);
  assert.equal(longToSafeInt(r.count), 7);
});

test('negative int64 values (watch_id -1, TTL -1) survive', () => {
  const w = pb.WatchResponse.decode(
    pb.WatchResponse.encode({ watch_id: -1, created: true, canceled: true, cancel_reason: 'x' }).finish(),
  );
  assert.equal(longToSafeInt(w.watch_id), -1);
  const t = pb.LeaseTimeToLiveResponse.decode(pb.LeaseTimeToLiveResponse.encode({ ID: 5, TTL: -1 }).finish());
  assert.equal(longToSafeInt(t.TTL), -1);
});

test('field numbers on the wire: Compare.range_end is field 64, Put fields 1..6', () => {
  // tag = field << 3 | wire type 2 → 64<<3|2 = 514 = varint 0x82 0x04
  assert.equal(hex(pb.Compare.encode({ range_end: b('z') }).finish()), '8204017a');
  const put = pb.PutRequest.encode({
    key: b('k'),
    value: b('v'),
    lease: 1,
    prev_kv: true,
    ignore_value: true,
    ignore_lease: true,
  }).finish();
  assert.equal(hex(put), '0a016b' + '120176' + '1801' + '2001' + '2801' + '3001');
  // WatchResponse.events is field 11 (tag 0x5a), not 8.
  assert.equal(hex(pb.WatchResponse.encode({ events: [{}] }).finish()), '5a00');
});

test('Txn with nested oneofs and a nested txn round-trips', () => {
  const req = {
    compare: [
      {
        result: pb.Compare.CompareResult.NOT_EQUAL,
        target: pb.Compare.CompareTarget.LEASE,
        key: b('k'),
        lease: 3,
      },
      { target: pb.Compare.CompareTarget.VALUE, key: b('k'), value: b('v'), range_end: b('l') },
    ],
    success: [
      { request_put: { key: b('k'), value: b('w') } },
      { request_txn: { success: [{ request_range: { key: b('k') } }] } },
    ],
    failure: [{ request_delete_range: { key: b('k'), prev_kv: true } }],
  };
  const t = pb.TxnRequest.decode(pb.TxnRequest.encode(req).finish());
  assert.equal(t.compare[0]!.target_union, 'lease');
  assert.equal(longToSafeInt(t.compare[0]!.lease), 3);
  assert.equal(t.compare[1]!.target_union, 'value');
  assert.equal(Buffer.from(t.compare[1]!.range_end!).toString(), 'l');
  assert.equal(t.success[0]!.request, 'request_put');
  assert.equal(t.success[1]!.request_txn!.success![0]!.request, 'request_range');
  assert.equal(t.failure[0]!.request_delete_range!.prev_kv, true);
});

test('WatchRequest create with filters (packed), fragment and watch_id', () => {
  const bytes = pb.WatchRequest.encode({
    create_request: {
      key: b('a'),
      range_end: b('b'),
      start_revision: 10,
      filters: [pb.WatchCreateRequest.FilterType.NOPUT, pb.WatchCreateRequest.FilterType.NODELETE],
      prev_kv: true,
      watch_id: 42,
      fragment: true,
      progress_notify: true,
    },
  }).finish();
  const w = pb.WatchRequest.decode(bytes);
  assert.equal(w.request_union, 'create_request');
  const c = w.create_request!;
  assert.deepEqual(c.filters, [0, 1]);
  assert.equal(c.fragment, true);
  assert.equal(longToSafeInt(c.watch_id), 42);
  assert.equal(longToSafeInt(c.start_revision), 10);
  // Progress request: an empty message in the oneof still selects it.
  assert.equal(
    pb.WatchRequest.decode(pb.WatchRequest.encode({ progress_request: {} }).finish()).request_union,
    'progress_request',
  );
});

test('toObject gives the gateway JSON shape: proto names, string longs, base64 bytes, enum names', () => {
  const msg = pb.RangeResponse.decode(
    pb.RangeResponse.encode({
      header: { cluster_id: Long.fromString('15118495548433857066', true), revision: 3, raft_term: 2 },
      kvs: [{ key: b('foo'), value: b('bar'), create_revision: 2, mod_revision: 3, version: 2 }],
    }).finish(),
  );
  const json = pb.RangeResponse.toObject(msg, { longs: String, bytes: String, enums: String });
  assert.deepEqual(JSON.parse(JSON.stringify(json)), {
    header: { cluster_id: '15118495548433857066', revision: '3', raft_term: '2' },
    kvs: [{ key: 'Zm9v', create_revision: '2', mod_revision: '3', version: '2', value: 'YmFy' }],
  });
  const ev = mvccpb.Event.toObject(mvccpb.Event.decode(mvccpb.Event.encode({ type: 1 }).finish()), {
    enums: String,
    defaults: true,
  });
  assert.equal(ev.type, 'DELETE');
  // etcd's camelCase-in-proto names stay as written.
  const st = pb.StatusResponse.toObject(
    pb.StatusResponse.decode(pb.StatusResponse.encode({ dbSize: 20480, isLearner: true }).finish()),
    {
      longs: String,
    },
  );
  assert.deepEqual(st, { dbSize: '20480', isLearner: true });
});

test('fromObject reads gateway JSON (string longs, base64 bytes, enum names)', () => {
  const r = pb.RangeRequest.fromObject({
    key: 'YQ==',
    range_end: 'Yg==',
    limit: '5',
    sort_order: 'DESCEND',
    revision: 0,
  });
  assert.equal(Buffer.from(r.key).toString(), 'a');
  assert.equal(Buffer.from(r.range_end).toString(), 'b');
  assert.equal(longToSafeInt(r.limit), 5);
  assert.equal(r.sort_order, pb.RangeRequest.SortOrder.DESCEND);
  const g = pb.LeaseGrantRequest.fromObject({ TTL: '9000000001', ID: '7587869390785880843' });
  assert.equal(longToI64(g.ID), 7587869390785880843n);
});

test('gen/etcd.js is in sync with proto/etcd/*.proto (run `npm run gen` after editing a .proto)', () => {
  const dir = join(import.meta.dirname, 'proto');
  const root = new protobuf.Root();
  root.resolvePath = (_o, target) => (isAbsolute(target) ? target : join(dir, target));
  root
    .loadSync(
      readdirSync(join(dir, 'etcd')).map((f) => `etcd/${f}`),
      { keepCase: true },
    )
    .resolveAll();

  const sample = (t: protobuf.Type, depth: number): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (const f of t.fieldsArray) {
      let v: unknown;
      if (f.resolvedType instanceof protobuf.Type) {
        if (depth === 0) continue;
        v = sample(f.resolvedType, depth - 1);
      } else if (f.resolvedType instanceof protobuf.Enum)
        v = Math.max(...Object.values(f.resolvedType.values));
      else if (f.type === 'string') v = `s-${f.name}`;
      else if (f.type === 'bytes') v = Buffer.from(f.name);
      else if (f.type === 'bool') v = true;
      else v = f.id + 100;
      o[f.name] = f.repeated ? [v, v] : v;
    }
    return o;
  };
  let checked = 0;
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const t of ns.nestedArray) {
      if (t instanceof protobuf.Type) {
        let cls: any = gen;
        for (const part of t.fullName.slice(1).split('.')) cls = cls?.[part];
        assert.ok(cls?.encode, `${t.fullName} missing from gen/etcd.js`);
        const obj = sample(t, 2);
        const want = Buffer.from(t.encode(t.fromObject(obj)).finish()).toString('hex');
        const got = Buffer.from(cls.encode(cls.fromObject(obj)).finish()).toString('hex');
        assert.equal(got, want, t.fullName);
        checked++;
      }
      if (t instanceof protobuf.Namespace || t instanceof protobuf.Type) walk(t);
    }
  };
  walk(root);
  assert.ok(checked >= 110, `only ${checked} messages checked`);
});
