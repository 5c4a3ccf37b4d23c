import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GRPC_METHODS,
  gatewayPaths,
  methodByGatewayPath,
  methodByPath,
  type GrpcMethod,
} from './grpc-services.ts';

const methods: readonly GrpcMethod[] = GRPC_METHODS;

test('the table covers every etcd 3.4 service with unique paths', () => {
  const perService = new Map<string, number>();
  for (const m of methods) perService.set(m.service, (perService.get(m.service) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(perService), {
    'etcdserverpb.KV': 5,
    'etcdserverpb.Watch': 1,
    'etcdserverpb.Lease': 5,
    'etcdserverpb.Cluster': 5,
    'etcdserverpb.Maintenance': 7,
    'etcdserverpb.Auth': 16,
    'v3electionpb.Election': 5,
    'v3lockpb.Lock': 2,
    'grpc.health.v1.Health': 2,
  });
  const paths = methods.map((m) => m.path);
  assert.equal(new Set(paths).size, paths.length);
  for (const m of methods) assert.equal(m.path, `/${m.service}/${m.method}`);
});

test('every codec round-trips an empty message and names a type of its package', () => {
  for (const m of methods) {
    for (const [side, codec] of [
      ['request', m.request],
      ['response', m.response],
    ] as const) {
      const bytes = codec.encode(codec.fromObject({})).finish();
      assert.equal(bytes.length, 0, `${m.path} ${side}: empty message encodes to nothing`);
      const back = codec.toObject(codec.decode(bytes));
      assert.deepEqual(back, {}, `${m.path} ${side}`);
      const pkg = m.service.slice(0, m.service.lastIndexOf('.'));
      assert.ok(codec.getTypeUrl('').startsWith(`/${pkg}.`), `${m.path} ${side}: ${codec.getTypeUrl('')}`);
    }
  }
});

test('streaming kinds', () => {
  const kind = (p: string): string | undefined => methodByPath(p)?.kind;
  assert.equal(kind('/etcdserverpb.Watch/Watch'), 'bidi');
  assert.equal(kind('/etcdserverpb.Lease/LeaseKeepAlive'), 'bidi');
  assert.equal(kind('/etcdserverpb.Maintenance/Snapshot'), 'server-stream');
  assert.equal(kind('/v3electionpb.Election/Observe'), 'server-stream');
  assert.equal(kind('/grpc.health.v1.Health/Watch'), 'server-stream');
  assert.equal(kind('/etcdserverpb.KV/Range'), 'unary');
  assert.equal(methods.filter((m) => m.kind !== 'unary').length, 5);
});

test('typed lookup keeps request and response types', () => {
  const range = methodByPath('/etcdserverpb.KV/Range');
  const req = range.request.decode(range.request.encode({ key: Buffer.from('a'), limit: 1 }).finish());
  assert.equal(Buffer.from(req.key).toString(), 'a');
  assert.equal(methodByPath('/etcdserverpb.KV/Nope'), undefined);
});

test('gateway paths: /v3 and /v3beta reach the same method; /v3alpha does not', () => {
  assert.equal(methodByGatewayPath('/v3/kv/range')?.path, '/etcdserverpb.KV/Range');
  assert.equal(methodByGatewayPath('/v3beta/kv/range')?.path, '/etcdserverpb.KV/Range');
  assert.equal(methodByGatewayPath('/v3alpha/kv/range'), undefined);
  assert.equal(methodByGatewayPath('/v3/kv/lease/revoke')?.path, '/etcdserverpb.Lease/LeaseRevoke');
  assert.equal(methodByGatewayPath('/v3/lease/revoke')?.path, '/etcdserverpb.Lease/LeaseRevoke');
  assert.equal(methodByGatewayPath('/v3/maintenance/transfer-leadership')?.method, 'MoveLeader');
  assert.equal(methodByGatewayPath('/v3/watch')?.kind, 'bidi');
  // Hash and HashKV share a path in etcd 3.4's proto; etcd answers it with Hash.
  assert.equal(methodByGatewayPath('/v3/maintenance/hash')?.method, 'Hash');
  assert.deepEqual(gatewayPaths(methodByPath('/etcdserverpb.Lease/LeaseLeases')), [
    '/v3/lease/leases',
    '/v3/kv/lease/leases',
    '/v3beta/lease/leases',
    '/v3beta/kv/lease/leases',
  ]);
  const health = methods.filter((m) => m.httpPaths.length === 0).map((m) => m.path);
  assert.deepEqual(health, ['/grpc.health.v1.Health/Check', '/grpc.health.v1.Health/Watch']);
});
