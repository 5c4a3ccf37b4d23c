import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EtcdError, GrpcCode } from '../api/errors.ts';
import { GRPC_METHODS } from '../api/grpc-services.ts';
import {
  handlerAt,
  statusOf,
  tokenFrom,
  unimplementedStatus,
  type BidiPath,
  type ServerStreamPath,
} from './handlers.ts';

// The type-level lists of streaming paths must name exactly the table's streaming methods.
const bidi: Record<BidiPath, true> = {
  '/etcdserverpb.Watch/Watch': true,
  '/etcdserverpb.Lease/LeaseKeepAlive': true,
};
const serverStream: Record<ServerStreamPath, true> = {
  '/etcdserverpb.Maintenance/Snapshot': true,
  '/v3electionpb.Election/Observe': true,
  '/grpc.health.v1.Health/Watch': true,
};

test('streaming path lists match the service table', () => {
  const kinds = (k: string): string[] =>
    GRPC_METHODS.filter((m) => m.kind === k)
      .map((m) => m.path)
      .sort();
  assert.deepEqual(Object.keys(bidi).sort(), kinds('bidi'));
  assert.deepEqual(Object.keys(serverStream).sort(), kinds('server-stream'));
  assert.deepEqual(kinds('client-stream'), []);
});

test('statusOf: EtcdError, grpc-style objects, aborts, anything else', () => {
  assert.deepEqual(statusOf(EtcdError.of('Compacted')), {
    code: GrpcCode.OUT_OF_RANGE,
    message: 'etcdserver: mvcc: required revision has been compacted',
  });
  assert.deepEqual(statusOf({ code: 14, details: 'gone' }), { code: 14, message: 'gone' });
  assert.deepEqual(statusOf(Object.assign(new Error('m'), { code: 5 })), { code: 5, message: 'm' });
  // Node's errno-style string codes are not gRPC codes.
  assert.deepEqual(statusOf(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })), {
    code: GrpcCode.UNKNOWN,
    message: 'refused',
  });
  assert.deepEqual(statusOf(new DOMException('stop', 'AbortError')), {
    code: GrpcCode.CANCELLED,
    message: 'context canceled',
  });
  assert.deepEqual(statusOf(new Error('boom')), { code: GrpcCode.UNKNOWN, message: 'boom' });
  assert.deepEqual(statusOf('text'), { code: GrpcCode.UNKNOWN, message: 'text' });
  assert.deepEqual(statusOf({ code: 99, message: 'x' }), { code: GrpcCode.UNKNOWN, message: 'x' });
});

test('unimplemented text, token lookup, handler lookup in maps and tables', () => {
  assert.deepEqual(unimplementedStatus({ service: 'etcdserverpb.KV', method: 'Range' }), {
    code: GrpcCode.UNIMPLEMENTED,
    message: 'unknown method Range for service etcdserverpb.KV',
  });
  assert.equal(tokenFrom(new Map([['token', 'a']])), 'a');
  assert.equal(tokenFrom(new Map([['authorization', 'b']])), 'b');
  assert.equal(tokenFrom(new Map()), undefined);
  const h = async (): Promise<object> => ({});
  assert.equal(handlerAt(new Map([['/etcdserverpb.KV/Range', h]]), '/etcdserverpb.KV/Range'), h);
  assert.equal(handlerAt({ '/etcdserverpb.KV/Range': h }, '/etcdserverpb.KV/Range'), h);
  assert.equal(handlerAt({ '/etcdserverpb.KV/Range': h }, '/etcdserverpb.KV/Put'), undefined);
});
