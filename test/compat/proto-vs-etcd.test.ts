// Wire compatibility of our generated codecs with a real etcd 3.4: gRPC calls through @grpc/grpc-js using
// gen/etcd.js as (de)serializers, etcdctl reading what we wrote (and the reverse), and the JSON gateway's
// output compared with our codecs' object mapping. Skipped when /usr/bin/etcd is not installed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as grpc from '@grpc/grpc-js';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import {
  ETCD_ERRORS,
  etcdErrorByMessage,
  gatewayErrorBody,
  httpStatusFromGrpcCode,
} from '../../src/api/errors.ts';
import { methodByPath, type GrpcMethodAt, type GrpcPath } from '../../src/api/grpc-services.ts';
import { longToI64, longToSafeInt, longToU64 } from '../../src/api/long.ts';
import { ETCDCTL_BIN, haveEtcd, startEtcd, type RealEtcd } from './proto-etcd-process.ts';

const run = promisify(execFile);
const b = (s: string): Buffer => Buffer.from(s);
const str = (u: Uint8Array | null | undefined): string => Buffer.from(u ?? []).toString();
const CALL_TIMEOUT_MS = 5000;
/** The gateway's output mapping: proto names, int64 as decimal strings, bytes base64, enums by name. */
const JSON_OPTS = { longs: String, bytes: String, enums: String } as const;

type Req<P extends GrpcPath> = Parameters<GrpcMethodAt<P>['request']['encode']>[0];
type Res<P extends GrpcPath> = ReturnType<GrpcMethodAt<P>['response']['decode']>;

describe('generated codecs against real etcd 3.4', { skip: !haveEtcd() && 'etcd not installed' }, () => {
  let etcd: RealEtcd;
  let client: grpc.Client;

  async function unary<P extends GrpcPath>(path: P, req: Req<P>): Promise<Res<P>> {
    const m = methodByPath(path);
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(
        m.path,
        (v: Req<P>) => Buffer.from(m.request.encode(v as never).finish()),
        (buf: Buffer) => m.response.decode(buf) as Res<P>,
        req,
        new grpc.Metadata(),
        { deadline: Date.now() + CALL_TIMEOUT_MS },
        (err, res) => (err ? reject(err) : resolve(res!)),
      );
    });
  }
  async function unaryError<P extends GrpcPath>(path: P, req: Req<P>): Promise<grpc.ServiceError> {
    return unary(path, req).then(
      () => assert.fail(`${path} should have failed`),
      (e: grpc.ServiceError) => e,
    );
  }
  async function ctl(...args: string[]): Promise<string> {
    const { stdout } = await run(ETCDCTL_BIN, ['--endpoints', etcd.clientUrl, ...args], {
      env: { ...process.env, ETCDCTL_API: '3' },
      timeout: CALL_TIMEOUT_MS,
    });
    return stdout;
  }
  async function gateway(path: string, body: unknown): Promise<{ status: number; json: any; text: string }> {
    const res = await fetch(etcd.clientUrl + path, {
      method: 'POST',
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    const text = await res.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  }

  before(async () => {
    etcd = await startEtcd();
    client = new grpc.Client(etcd.clientAddr, grpc.credentials.createInsecure());
  });
  after(async () => {
    client?.close();
    await etcd?.stop();
  });

  test('Put and Range: headers, kvs, prev_kv, limit/more/count', async () => {
    const p1 = await unary('/etcdserverpb.KV/Put', { key: b('pfx/a'), value: b('1') });
    const rev1 = longToSafeInt(p1.header!.revision);
    assert.ok(rev1 >= 2, `revision ${rev1}`);
    assert.notEqual(longToU64(p1.header!.cluster_id), 0n);
    assert.notEqual(longToU64(p1.header!.member_id), 0n);
    assert.ok(longToSafeInt(p1.header!.raft_term) >= 1);

    const p2 = await unary('/etcdserverpb.KV/Put', { key: b('pfx/a'), value: b('2'), prev_kv: true });
    assert.equal(longToSafeInt(p2.header!.revision), rev1 + 1);
    assert.equal(str(p2.prev_kv!.value), '1');
    assert.equal(longToSafeInt(p2.prev_kv!.mod_revision), rev1);
    await unary('/etcdserverpb.KV/Put', { key: b('pfx/b'), value: b('x'.repeat(300)) });

    const r = await unary('/etcdserverpb.KV/Range', { key: b('pfx/'), range_end: b('pfx0'), limit: 1 });
    assert.equal(r.kvs.length, 1);
    assert.equal(r.more, true);
    assert.equal(longToSafeInt(r.count), 2);
    const kv = r.kvs[0]!;
    assert.equal(str(kv.key), 'pfx/a');
    assert.equal(str(kv.value), '2');
    assert.equal(longToSafeInt(kv.create_revision), rev1);
    assert.equal(longToSafeInt(kv.mod_revision), rev1 + 1);
    assert.equal(longToSafeInt(kv.version), 2);
    assert.equal(longToSafeInt(r.header!.revision), rev1 + 2);

    const all = await unary('/etcdserverpb.KV/Range', {
      key: b('pfx/'),
      range_end: b('pfx0'),
      sort_order: pb.RangeRequest.SortOrder.DESCEND,
      keys_only: true,
    });
    assert.deepEqual(
      all.kvs.map((k) => [str(k.key), str(k.value)]),
      [
        ['pfx/b', ''],
        ['pfx/a', ''],
      ],
    );
  });

  test('Txn: compares, success/failure ops, nested responses', async () => {
    const ok = await unary('/etcdserverpb.KV/Txn', {
      compare: [
        {
          key: b('pfx/a'),
          target: pb.Compare.CompareTarget.VALUE,
          result: pb.Compare.CompareResult.EQUAL,
          value: b('2'),
        },
        {
          key: b('pfx/a'),
          target: pb.Compare.CompareTarget.VERSION,
          result: pb.Compare.CompareResult.GREATER,
          version: 1,
        },
      ],
      success: [{ request_put: { key: b('txn/k'), value: b('v') } }, { request_range: { key: b('pfx/a') } }],
      failure: [{ request_delete_range: { key: b('pfx/a') } }],
    });
    assert.equal(ok.succeeded, true);
    assert.equal(ok.responses.length, 2);
    assert.ok(ok.responses[0]!.response_put);
    assert.equal(str(ok.responses[1]!.response_range!.kvs![0]!.value), '2');

    const no = await unary('/etcdserverpb.KV/Txn', {
      compare: [
        {
          key: b('txn/k'),
          target: pb.Compare.CompareTarget.MOD,
          result: pb.Compare.CompareResult.LESS,
          mod_revision: 1,
        },
      ],
      success: [],
      failure: [{ request_txn: { success: [{ request_range: { key: b('txn/k') } }] } }],
    });
    assert.equal(no.succeeded, false);
    const inner = no.responses[0]!.response_txn!;
    assert.equal(inner.succeeded, true);
    assert.equal(str(inner.responses![0]!.response_range!.kvs![0]!.value), 'v');
  });

  test('LeaseGrant / Put with lease / TimeToLive / Leases: 64-bit lease IDs', async () => {
    const g = await unary('/etcdserverpb.Lease/LeaseGrant', { TTL: 60 });
    const id = longToI64(g.ID);
    assert.ok(id > 0n, `lease id ${id}`);
    assert.equal(longToSafeInt(g.TTL), 60);
    assert.equal(g.error, '');
    await unary('/etcdserverpb.KV/Put', { key: b('leased'), value: b('v'), lease: g.ID });
    const r = await unary('/etcdserverpb.KV/Range', { key: b('leased') });
    assert.equal(longToI64(r.kvs[0]!.lease), id);
    const ttl = await unary('/etcdserverpb.Lease/LeaseTimeToLive', { ID: g.ID, keys: true });
    assert.equal(longToI64(ttl.ID), id);
    assert.equal(longToSafeInt(ttl.grantedTTL), 60);
    assert.deepEqual(ttl.keys.map(str), ['leased']);
    const missing = await unary('/etcdserverpb.Lease/LeaseTimeToLive', { ID: 12345 });
    assert.equal(longToSafeInt(missing.TTL), -1);
    const leases = await unary('/etcdserverpb.Lease/LeaseLeases', {});
    assert.ok(leases.leases.some((l) => longToI64(l.ID) === id));
    // etcdctl prints lease IDs in hex.
    assert.match(await ctl('lease', 'list'), new RegExp(id.toString(16)));
  });

  test('MemberList and Status describe the same member', async () => {
    const ml = await unary('/etcdserverpb.Cluster/MemberList', {});
    assert.equal(ml.members.length, 1);
    const me = ml.members[0]!;
    const memberId = longToU64(me.ID);
    assert.equal(longToU64(ml.header!.member_id), memberId);
    assert.equal(me.name, 'compat');
    assert.deepEqual(me.peerURLs, [etcd.peerUrl]);
    assert.deepEqual(me.clientURLs, [etcd.clientUrl]);
    assert.equal(me.isLearner, false);

    const st = await unary('/etcdserverpb.Maintenance/Status', {});
    assert.match(st.version, /^3\.4\./);
    assert.equal(longToU64(st.leader), memberId);
    assert.equal(longToU64(st.header!.cluster_id), longToU64(ml.header!.cluster_id));
    assert.ok(longToSafeInt(st.dbSize) > 0);
    assert.ok(longToSafeInt(st.dbSizeInUse) > 0);
    assert.ok(longToSafeInt(st.raftIndex) >= longToSafeInt(st.raftAppliedIndex));
    assert.ok(longToSafeInt(st.raftAppliedIndex) > 0);
    assert.equal(st.isLearner, false);
  });

  test('Watch stream: create, event, cancel', async () => {
    const m = methodByPath('/etcdserverpb.Watch/Watch');
    const call = client.makeBidiStreamRequest(
      m.path,
      (v: Parameters<typeof m.request.encode>[0]) => Buffer.from(m.request.encode(v).finish()),
      (buf: Buffer) => m.response.decode(buf),
      new grpc.Metadata(),
      { deadline: Date.now() + CALL_TIMEOUT_MS },
    );
    const responses: pb.WatchResponse[] = [];
    const waitFor = (pred: (r: pb.WatchResponse) => boolean): Promise<pb.WatchResponse> =>
      new Promise((resolve, reject) => {
        const hit = responses.find(pred);
        if (hit) return resolve(hit);
        const onData = (r: pb.WatchResponse): void => {
          if (pred(r)) {
            call.off('data', onData);
            resolve(r);
          }
        };
        call.on('data', onData);
        call.once('error', reject);
      });
    call.on('data', (r: pb.WatchResponse) => responses.push(r));
    try {
      call.write({ create_request: { key: b('w/'), range_end: b('w0'), prev_kv: true, watch_id: 7 } });
      const created = await waitFor((r) => r.created);
      assert.equal(longToSafeInt(created.watch_id), 7);
      await unary('/etcdserverpb.KV/Put', { key: b('w/x'), value: b('1') });
      await unary('/etcdserverpb.KV/DeleteRange', { key: b('w/x') });
      const del = await waitFor((r) => r.events.some((e) => e.type === 1));
      const evs = responses.flatMap((r) => r.events);
      assert.deepEqual(
        evs.map((e) => [e.type ?? 0, str(e.kv!.key)]),
        [
          [0, 'w/x'],
          [1, 'w/x'],
        ],
      );
      assert.equal(str(evs[1]!.prev_kv!.value), '1');
      assert.equal(longToSafeInt(evs[1]!.kv!.mod_revision), longToSafeInt(del.header!.revision));
      call.write({ cancel_request: { watch_id: 7 } });
      const canceled = await waitFor((r) => r.canceled);
      assert.equal(longToSafeInt(canceled.watch_id), 7);
    } finally {
      call.end();
      call.cancel();
    }
  });

  test('Health, Lock and Election services decode through the same table', async () => {
    const h = await unary('/grpc.health.v1.Health/Check', { service: '' });
    assert.equal(h.status, 1); // SERVING

    const lease = await unary('/etcdserverpb.Lease/LeaseGrant', { TTL: 30 });
    const lock = await unary('/v3lockpb.Lock/Lock', { name: b('mylock'), lease: lease.ID });
    assert.equal(str(lock.key), `mylock/${longToI64(lease.ID).toString(16)}`);
    assert.ok(longToSafeInt(lock.header!.revision) > 0);
    await unary('/v3lockpb.Lock/Unlock', { key: lock.key });

    const c = await unary('/v3electionpb.Election/Campaign', {
      name: b('elect'),
      lease: lease.ID,
      value: b('me'),
    });
    assert.equal(str(c.leader!.name), 'elect');
    assert.equal(longToI64(c.leader!.lease), longToI64(lease.ID));
    const leader = await unary('/v3electionpb.Election/Leader', { name: b('elect') });
    assert.equal(str(leader.kv!.value), 'me');
    assert.equal(longToSafeInt(leader.kv!.create_revision), longToSafeInt(c.leader!.rev));
    await unary('/v3electionpb.Election/Resign', { leader: c.leader });
    const e = await unaryError('/v3electionpb.Election/Leader', { name: b('elect') });
    assert.equal(etcdErrorByMessage(e.details), 'ElectionNoLeader');
    assert.equal(e.code, ETCD_ERRORS.ElectionNoLeader.code);
  });

  test('etcdctl reads what our client wrote, and we read what etcdctl wrote', async () => {
    await unary('/etcdserverpb.KV/Put', { key: b('ctl/ours'), value: b('héllo wörld') });
    assert.equal(await ctl('get', 'ctl/ours', '--print-value-only'), 'héllo wörld\n');
    const json = JSON.parse(await ctl('get', 'ctl/ours', '-w', 'json'));
    assert.equal(Buffer.from(json.kvs[0].key, 'base64').toString(), 'ctl/ours');

    assert.equal((await ctl('put', 'ctl/theirs', 'from etcdctl')).trim(), 'OK');
    const r = await unary('/etcdserverpb.KV/Range', { key: b('ctl/theirs') });
    assert.equal(str(r.kvs[0]!.value), 'from etcdctl');
  });

  test('gRPC errors carry the table code and exact message', async () => {
    const cases: [keyof typeof ETCD_ERRORS, () => Promise<grpc.ServiceError>][] = [
      ['EmptyKey', () => unaryError('/etcdserverpb.KV/Put', { key: b(''), value: b('v') })],
      ['FutureRev', () => unaryError('/etcdserverpb.KV/Range', { key: b('a'), revision: 1_000_000 })],
      ['LeaseNotFound', () => unaryError('/etcdserverpb.Lease/LeaseRevoke', { ID: 424242 })],
      ['LeaseTTLTooLarge', () => unaryError('/etcdserverpb.Lease/LeaseGrant', { TTL: 9_000_000_001 })],
      ['KeyNotFound', () => unaryError('/etcdserverpb.KV/Put', { key: b('nope'), ignore_value: true })],
      [
        'DuplicateKey',
        () =>
          unaryError('/etcdserverpb.KV/Txn', {
            success: [{ request_put: { key: b('d') } }, { request_put: { key: b('d') } }],
          }),
      ],
      ['UserNotFound', () => unaryError('/etcdserverpb.Auth/UserGet', { name: 'nobody' })],
      ['MemberNotFound', () => unaryError('/etcdserverpb.Cluster/MemberRemove', { ID: 1 })],
      ['BadLeaderTransferee', () => unaryError('/etcdserverpb.Maintenance/MoveLeader', { targetID: 1 })],
    ];
    for (const [name, provoke] of cases) {
      const e = await provoke();
      assert.equal(e.details, ETCD_ERRORS[name].message, name);
      assert.equal(e.code, ETCD_ERRORS[name].code, name);
      assert.equal(etcdErrorByMessage(e.details), name);
    }
    await unary('/etcdserverpb.KV/Compact', { revision: 3, physical: true });
    const compacted = await unaryError('/etcdserverpb.KV/Range', { key: b('a'), revision: 2 });
    assert.equal(etcdErrorByMessage(compacted.details), 'Compacted');
    assert.equal(compacted.code, ETCD_ERRORS.Compacted.code);
  });

  test('JSON gateway output equals our codecs’ object mapping', async () => {
    const req = { key: b('pfx/'), range_end: b('pfx0') };
    const viaGrpc = await unary('/etcdserverpb.KV/Range', req);
    const viaHttp = await gateway(
      '/v3/kv/range',
      pb.RangeRequest.toObject(pb.RangeRequest.create(req), JSON_OPTS),
    );
    assert.equal(viaHttp.status, 200);
    assert.deepEqual(viaHttp.json, JSON.parse(JSON.stringify(pb.RangeResponse.toObject(viaGrpc, JSON_OPTS))));

    const ml = await unary('/etcdserverpb.Cluster/MemberList', {});
    const mlHttp = await gateway('/v3/cluster/member/list', {});
    assert.deepEqual(mlHttp.json, JSON.parse(JSON.stringify(pb.MemberListResponse.toObject(ml, JSON_OPTS))));

    // The gateway's input side: our fromObject reads the same JSON etcd accepts (lowerCamel too).
    const put = await gateway('/v3/kv/put', { key: 'Z3cvYQ==', value: 'dg==', prevKv: true });
    assert.equal(put.status, 200);
    const back = pb.PutResponse.fromObject(put.json);
    assert.ok(longToSafeInt(back.header!.revision) > 0);
  });

  test('JSON gateway: /v3beta alias, no /v3alpha, /v3/maintenance/hash answers Hash', async () => {
    const beta = await gateway('/v3beta/kv/range', { key: 'cGZ4L2E=' });
    assert.equal(beta.status, 200);
    assert.equal(Buffer.from(beta.json.kvs[0].value, 'base64').toString(), '2');
    assert.equal((await gateway('/v3alpha/kv/range', { key: 'YQ==' })).status, 404);
    const hash = await unary('/etcdserverpb.Maintenance/Hash', {});
    const hashKV = await unary('/etcdserverpb.Maintenance/HashKV', {});
    assert.ok(longToSafeInt(hashKV.compact_revision) > 0, 'compacted earlier, so HashKV reports it');
    const viaHttp = await gateway('/v3/maintenance/hash', {});
    assert.equal(viaHttp.json.hash, hash.hash);
    assert.equal(viaHttp.json.compact_revision, undefined);
  });

  test('JSON gateway errors: HTTP status from the gRPC code, etcd body shape', async () => {
    const cases: [string, unknown, keyof typeof ETCD_ERRORS][] = [
      ['/v3/kv/put', { key: '' }, 'EmptyKey'],
      ['/v3/kv/range', { key: 'YQ==', revision: '1000000' }, 'FutureRev'],
      ['/v3/lease/revoke', { ID: '424242' }, 'LeaseNotFound'],
      ['/v3/auth/user/get', { name: 'nobody' }, 'UserNotFound'],
      ['/v3/auth/enable', {}, 'RootUserNotExist'],
    ];
    for (const [path, body, name] of cases) {
      const res = await gateway(path, body);
      const { code, message } = ETCD_ERRORS[name];
      assert.equal(res.status, httpStatusFromGrpcCode(code), `${path}: ${res.text}`);
      assert.deepEqual(res.json, gatewayErrorBody(code, message), path);
    }
  });
});
