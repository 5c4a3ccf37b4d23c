// Node clients against the toy behind the front: the etcd3 npm package (grpc-js underneath) and a raw grpc-js
// client speaking the table's codecs directly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { Etcd3 } from 'etcd3';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import { methodByPath } from '../../src/api/grpc-services.ts';
import { longToSafeInt, longToU64 } from '../../src/api/long.ts';
import { startToy, until, type ToyFront } from './helpers.ts';

let t: ToyFront;
let raw: grpc.Client;

before(async () => {
  t = await startToy();
  raw = new grpc.Client(t.endpoint, grpc.credentials.createInsecure());
});
after(async () => {
  raw.close();
  await t.front.close();
});

const enc = (codec: { encode(m: any): { finish(): Uint8Array } }) => (m: unknown) =>
  Buffer.from(codec.encode(m).finish());

function unary<Res>(path: string, req: unknown, metadata = new grpc.Metadata()): Promise<Res> {
  const m = methodByPath(path)!;
  return new Promise((resolve, reject) =>
    raw.makeUnaryRequest(
      path,
      enc(m.request),
      (b: Buffer) => m.response.decode(b) as Res,
      req,
      metadata,
      {},
      (err, res) => (err ? reject(err) : resolve(res!)),
    ),
  );
}

test('etcd3 npm client: put, get, prefix get, delete', async () => {
  const client = new Etcd3({ hosts: t.url });
  try {
    await client.put('npm/a').value('1');
    await client.put('npm/b').value('2');
    assert.equal(await client.get('npm/a').string(), '1');
    assert.deepEqual(await client.getAll().prefix('npm/').strings(), { 'npm/a': '1', 'npm/b': '2' });
    assert.equal(await client.getAll().prefix('npm/').count(), 2);
    await client.delete().key('npm/a');
    assert.equal(await client.get('npm/a').string(), null);
  } finally {
    client.close();
  }
});

test('etcd3 npm client: watch sees a put', async () => {
  const client = new Etcd3({ hosts: t.url });
  try {
    const watcher = await client.watch().key('npm/w').create();
    const seen = new Promise<string>((resolve) => watcher.on('put', (kv) => resolve(kv.value.toString())));
    await client.put('npm/w').value('hello');
    assert.equal(await seen, 'hello');
    await watcher.cancel();
  } finally {
    client.close();
  }
  await until(() => t.toy.watcherCount === 0, 5000, 'watchers released');
});

test('raw grpc-js: Range returns the header with 64-bit IDs intact; token metadata reaches the handler', async () => {
  const md = new grpc.Metadata();
  md.set('token', 'tok-123');
  const res = await unary<pb.RangeResponse>('/etcdserverpb.KV/Range', { key: Buffer.from('nothing') }, md);
  assert.equal(longToU64(res.header!.cluster_id), t.toy.clusterId);
  assert.equal(longToU64(res.header!.member_id), t.toy.memberId);
  assert.equal(longToSafeInt(res.header!.raft_term), 2);
  assert.equal(t.toy.lastRangeContext?.token, 'tok-123');
  assert.equal(t.toy.lastRangeContext?.metadata.get('token'), 'tok-123');
  assert.match(t.toy.lastRangeContext?.peer ?? '', /^127\.0\.0\.1:\d+$/);
});

test('raw grpc-js: the etcd error reaches the client as code + exact message', async () => {
  await unary('/etcdserverpb.KV/Put', { key: Buffer.from('e'), value: Buffer.from('1') });
  await unary('/etcdserverpb.KV/Put', { key: Buffer.from('e'), value: Buffer.from('2') });
  await unary('/etcdserverpb.KV/Compact', { revision: t.toy.rev });
  await assert.rejects(unary('/etcdserverpb.KV/Range', { key: Buffer.from('e'), revision: 1 }), {
    code: grpc.status.OUT_OF_RANGE,
    details: 'etcdserver: mvcc: required revision has been compacted',
  });
  await assert.rejects(unary('/etcdserverpb.Lease/LeaseRevoke', { ID: 42 }), {
    code: grpc.status.NOT_FOUND,
    details: 'etcdserver: requested lease not found',
  });
});

test('raw grpc-js: a bidi keep-alive stream answers each request in order', async () => {
  const grant = await unary<pb.LeaseGrantResponse>('/etcdserverpb.Lease/LeaseGrant', { TTL: 30 });
  const m = methodByPath('/etcdserverpb.Lease/LeaseKeepAlive');
  const call = raw.makeBidiStreamRequest(m.path, enc(m.request), (b: Buffer) => m.response.decode(b));
  const got: number[] = [];
  const done = new Promise<void>((resolve, reject) => {
    call.on('data', (r: pb.LeaseKeepAliveResponse) => got.push(longToSafeInt(r.TTL)));
    call.on('end', resolve);
    call.on('error', reject);
  });
  call.write({ ID: grant.ID });
  call.write({ ID: 999 });
  call.write({ ID: grant.ID });
  call.end();
  await done;
  assert.deepEqual(got, [30, 0, 30]);
});

test('gateway watch with a request body that stays open: each new request is read as it arrives', async () => {
  let push!: (s: string) => void;
  let close!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      push = (s) => c.enqueue(new TextEncoder().encode(s));
      close = () => c.close();
    },
  });
  const ac = new AbortController();
  push('{"create_request":{"key":"Z2Ex"}}');
  const r = await fetch(t.url + '/v3/watch', {
    method: 'POST',
    body,
    signal: ac.signal,
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
  const reader = r.body!.getReader();
  let text = '';
  const lines = async (n: number): Promise<string[]> => {
    while (text.split('\n').length - 1 < n) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    return text.split('\n').slice(0, n);
  };
  try {
    assert.match((await lines(1))[0]!, /"created":true/);
    // A request split across chunks, the second half a moment later.
    push('{"create_request":');
    await new Promise((res) => setTimeout(res, 50));
    push('{"key":"Z2Ey"}}\n');
    assert.match((await lines(2))[1]!, /"watch_id":"1","created":true/);
    await fetch(t.url + '/v3/kv/put', { method: 'POST', body: '{"key":"Z2Ey","value":"dg=="}' });
    assert.match((await lines(3))[2]!, /"watch_id":"1","events":\[\{"kv":\{"key":"Z2Ey"/);
  } finally {
    close();
    ac.abort();
  }
  await until(() => t.toy.watcherCount === 0, 5000, 'watchers released after the client left');
});
