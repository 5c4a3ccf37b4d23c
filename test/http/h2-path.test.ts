// Which way each gRPC connection reaches node:http2 (src/http/h2-authority.ts, gateH2): the socket itself when
// its first request's :authority needs no rewrite, the :authority filter otherwise. Read from the front's debug
// log ('gRPC connection', path native | filtered), one line per connection, for the clients that matter: grpc-js,
// the etcd3 npm client, our own client, the bench's node:http2 client, and real etcdctl 3.4 (which waits for the
// server's SETTINGS before its first request) with and without a scheme in its endpoint.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { Etcd3 } from 'etcd3';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import { Client } from '../../src/client/client.ts';
import type { FrontLogger } from '../../src/http/handlers.ts';
import { GrpcConnection, grpcHeaders } from '../../bench/load/connection.ts';
import { grpcFrame } from '../../bench/load/grpc-wire.ts';
import { etcdctl, haveEtcdctl, startToy, until, type ToyFront } from './helpers.ts';

let t: ToyFront;
const paths: string[] = [];
const logger: FrontLogger = {
  debug: (o: object, msg?: string) => {
    if (msg === 'gRPC connection') paths.push((o as { path: string }).path);
  },
  info() {},
  warn() {},
  error() {},
};

before(async () => {
  t = await startToy({ logger });
});
after(async () => {
  await t.front.close();
});

/** Runs `fn` and returns the paths of the connections opened meanwhile. */
async function pathsOf(fn: () => Promise<void>, connections = 1): Promise<string[]> {
  const from = paths.length;
  await fn();
  await until(() => paths.length >= from + connections, 10_000, 'the connection handed to node:http2');
  return paths.slice(from);
}

test('grpc-js: the socket itself', async () => {
  const got = await pathsOf(async () => {
    const c = new grpc.Client(t.endpoint, grpc.credentials.createInsecure());
    try {
      const res = await new Promise<pb.PutResponse>((resolve, reject) =>
        c.makeUnaryRequest(
          '/etcdserverpb.KV/Put',
          (m: pb.IPutRequest) => Buffer.from(pb.PutRequest.encode(m).finish()),
          (b: Buffer) => pb.PutResponse.decode(b),
          { key: Buffer.from('gj'), value: Buffer.from('1') },
          (err, r) => (err ? reject(err) : resolve(r!)),
        ),
      );
      assert.ok(res.header);
    } finally {
      c.close();
    }
  });
  assert.deepEqual(got, ['native']);
});

test('etcd3 npm client (grpc-js, endpoint with http://): the socket itself', async () => {
  const got = await pathsOf(async () => {
    const c = new Etcd3({ hosts: t.url });
    try {
      await c.put('npm').value('1');
      assert.equal(await c.get('npm').string(), '1');
    } finally {
      c.close();
    }
  });
  assert.deepEqual(got, ['native']);
});

test('our client (endpoint with http://): the socket itself', async () => {
  const got = await pathsOf(async () => {
    const c = new Client({ endpoints: [t.url] });
    try {
      await c.put('ours', '1');
      const r = await c.get('ours');
      assert.equal(Buffer.from(r.kvs[0]!.value!).toString(), '1');
    } finally {
      c.close();
    }
  });
  assert.deepEqual(got, ['native']);
});

test("the bench's node:http2 client: the socket itself", async () => {
  const got = await pathsOf(async () => {
    const c = await GrpcConnection.open(t.endpoint);
    try {
      const frame = grpcFrame(pb.RangeRequest.encode({ key: Buffer.from('x') }).finish());
      for (let i = 0; i < 20; i++) {
        const res = pb.RangeResponse.decode(await c.call(grpcHeaders('/etcdserverpb.KV/Range'), frame));
        assert.ok(res.header);
      }
    } finally {
      c.close();
    }
  });
  assert.deepEqual(got, ['native']);
});

test(
  'etcdctl: host:port and http:// put/get take the socket itself; endpoint status with http:// the filter',
  {
    skip: !haveEtcdctl,
  },
  async () => {
    const run = async (endpoint: string, ...args: string[]): Promise<string> => {
      const r = await etcdctl([`--endpoints=${endpoint}`, ...args]);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout;
    };
    assert.deepEqual(await pathsOf(async () => void (await run(t.endpoint, 'put', 'ek', 'ev'))), ['native']);
    assert.deepEqual(await pathsOf(async () => assert.equal(await run(t.url, 'get', 'ek'), 'ek\nev\n')), [
      'native',
    ]);
    // etcdctl sends the whole URL as :authority here: nghttp2 would reset the stream without the rewrite.
    assert.deepEqual(
      await pathsOf(async () =>
        assert.match(await run(t.url, 'endpoint', 'status'), /^http:\/\/127\.0\.0\.1/),
      ),
      ['filtered'],
    );
    assert.deepEqual(
      await pathsOf(async () => assert.match(await run(t.endpoint, 'endpoint', 'status'), /^127\.0\.0\.1/)),
      ['native'],
    );
  },
);
