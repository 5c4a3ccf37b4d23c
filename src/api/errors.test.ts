import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ETCD_ERRORS,
  EtcdError,
  GrpcCode,
  etcdErrorByMessage,
  gatewayErrorBody,
  httpStatusFromGrpcCode,
  type EtcdErrorName,
} from './errors.ts';

test('table: unique messages, valid codes, etcd prefixes', () => {
  const names = Object.keys(ETCD_ERRORS) as EtcdErrorName[];
  const messages = names.map((n) => ETCD_ERRORS[n].message);
  assert.equal(new Set(messages).size, messages.length, 'a message names two errors');
  const codes = new Set<number>(Object.values(GrpcCode));
  for (const n of names) {
    const e = ETCD_ERRORS[n];
    assert.ok(codes.has(e.code) && (e.code as number) !== GrpcCode.OK, `${n}: bad code ${e.code}`);
    assert.match(e.message, /^(etcdserver: |election: |"leader" field)/, n);
    assert.equal(e.message, e.message.trim(), n);
  }
  assert.ok(names.length >= 55, `only ${names.length} entries`);
});

test('well-known errors: exact code and text', () => {
  const expect: [EtcdErrorName, number, string][] = [
    ['EmptyKey', GrpcCode.INVALID_ARGUMENT, 'etcdserver: key is not provided'],
    ['KeyNotFound', GrpcCode.INVALID_ARGUMENT, 'etcdserver: key not found'],
    ['TooManyOps', GrpcCode.INVALID_ARGUMENT, 'etcdserver: too many operations in txn request'],
    ['DuplicateKey', GrpcCode.INVALID_ARGUMENT, 'etcdserver: duplicate key given in txn request'],
    ['Compacted', GrpcCode.OUT_OF_RANGE, 'etcdserver: mvcc: required revision has been compacted'],
    ['FutureRev', GrpcCode.OUT_OF_RANGE, 'etcdserver: mvcc: required revision is a future revision'],
    ['NoSpace', GrpcCode.RESOURCE_EXHAUSTED, 'etcdserver: mvcc: database space exceeded'],
    ['LeaseNotFound', GrpcCode.NOT_FOUND, 'etcdserver: requested lease not found'],
    ['LeaseTTLTooLarge', GrpcCode.OUT_OF_RANGE, 'etcdserver: too large lease TTL'],
    ['MemberExist', GrpcCode.FAILED_PRECONDITION, 'etcdserver: member ID already exist'],
    ['PeerURLExist', GrpcCode.FAILED_PRECONDITION, 'etcdserver: Peer URLs already exists'],
    ['NotLeader', GrpcCode.FAILED_PRECONDITION, 'etcdserver: not leader'],
    ['NoLeader', GrpcCode.UNAVAILABLE, 'etcdserver: no leader'],
    ['LeaderChanged', GrpcCode.UNAVAILABLE, 'etcdserver: leader changed'],
    ['Corrupt', GrpcCode.DATA_LOSS, 'etcdserver: corrupt cluster'],
    ['NotSupportedForLearner', GrpcCode.UNAVAILABLE, 'etcdserver: rpc not supported for learner'],
    [
      'AuthFailed',
      GrpcCode.INVALID_ARGUMENT,
      'etcdserver: authentication failed, invalid user ID or password',
    ],
    ['PermissionDenied', GrpcCode.PERMISSION_DENIED, 'etcdserver: permission denied'],
    ['InvalidAuthToken', GrpcCode.UNAUTHENTICATED, 'etcdserver: invalid auth token'],
    ['WatchCanceled', GrpcCode.CANCELLED, 'etcdserver: watch canceled'],
  ];
  for (const [name, code, message] of expect) {
    assert.deepEqual(ETCD_ERRORS[name], { code, message }, name);
  }
});

test('lookup by message finds the entry; unknown text finds nothing', () => {
  assert.equal(etcdErrorByMessage('etcdserver: mvcc: required revision has been compacted'), 'Compacted');
  assert.equal(etcdErrorByMessage('etcdserver: request timed out'), 'Timeout');
  assert.equal(etcdErrorByMessage('etcdserver: request timed out '), undefined);
  assert.equal(etcdErrorByMessage('context deadline exceeded'), undefined);
});

test('EtcdError carries code, message, table name and gateway status', () => {
  const e = EtcdError.of('Compacted');
  assert.ok(e instanceof Error);
  assert.equal(e.code, GrpcCode.OUT_OF_RANGE);
  assert.equal(e.message, 'etcdserver: mvcc: required revision has been compacted');
  assert.equal(e.etcdName, 'Compacted');
  assert.ok(e.is('Compacted'));
  assert.ok(!e.is('FutureRev'));
  assert.equal(e.httpStatus, 400);

  const other = new EtcdError(GrpcCode.DEADLINE_EXCEEDED, 'context deadline exceeded');
  assert.equal(other.etcdName, undefined);
  assert.equal(other.httpStatus, 504);
  // Same text with another code is not the table error.
  assert.ok(!new EtcdError(GrpcCode.UNKNOWN, ETCD_ERRORS.Compacted.message).is('Compacted'));
});

test('gateway HTTP statuses follow etcd 3.4 (grpc-gateway v1)', () => {
  const expect: [number, number][] = [
    [GrpcCode.OK, 200],
    [GrpcCode.CANCELLED, 408],
    [GrpcCode.UNKNOWN, 500],
    [GrpcCode.INVALID_ARGUMENT, 400],
    [GrpcCode.DEADLINE_EXCEEDED, 504],
    [GrpcCode.NOT_FOUND, 404],
    [GrpcCode.ALREADY_EXISTS, 409],
    [GrpcCode.PERMISSION_DENIED, 403],
    [GrpcCode.RESOURCE_EXHAUSTED, 429],
    [GrpcCode.FAILED_PRECONDITION, 412],
    [GrpcCode.ABORTED, 409],
    [GrpcCode.OUT_OF_RANGE, 400],
    [GrpcCode.UNIMPLEMENTED, 501],
    [GrpcCode.INTERNAL, 500],
    [GrpcCode.UNAVAILABLE, 503],
    [GrpcCode.DATA_LOSS, 500],
    [GrpcCode.UNAUTHENTICATED, 401],
    [99, 500],
  ];
  for (const [code, status] of expect) assert.equal(httpStatusFromGrpcCode(code), status, `code ${code}`);
  assert.deepEqual(gatewayErrorBody(3, 'etcdserver: key is not provided'), {
    error: 'etcdserver: key is not provided',
    message: 'etcdserver: key is not provided',
    code: 3,
  });
});
