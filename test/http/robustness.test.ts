// The front under abuse: garbage on the port, undecodable messages, unknown methods, oversize requests,
// throwing handlers, clients that leave mid-stream, and shutdown with calls in flight.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import * as grpc from '@grpc/grpc-js';
import { EtcdError } from '../../src/api/errors.ts';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import { methodByPath } from '../../src/api/grpc-services.ts';
import type { AnyHandler, CallContext } from '../../src/http/handlers.ts';
import { startFront, type Front } from '../../src/http/server.ts';
import { until } from './helpers.ts';

const log: string[] = [];
let lastCtx: CallContext | undefined;
let lastAbortedDuringCall: boolean | undefined;
let putCalls = 0;
let releaseSlow: (() => void) | undefined;

const handlers = new Map<string, AnyHandler>([
  [
    '/etcdserverpb.KV/Range',
    async (req: pb.IRangeRequest, ctx: CallContext) => {
      lastCtx = ctx;
      lastAbortedDuringCall = ctx.signal.aborted;
      const key = Buffer.from(req.key ?? []).toString();
      if (key === 'boom') throw new Error('boom');
      if (key === 'string') throw 'a thrown string';
      if (key === 'bad-response') return { kvs: [null as unknown as object] };
      if (key === 'slow') await new Promise<void>((r) => (releaseSlow = r));
      return { header: { revision: 7 }, count: 1 };
    },
  ],
  [
    '/etcdserverpb.KV/Put',
    async (req: pb.IPutRequest) => {
      putCalls++;
      return { header: { revision: (req.value ?? []).length } };
    },
  ],
  [
    // Yields `n` messages then fails, or runs until the client leaves.
    '/etcdserverpb.Maintenance/Snapshot',
    async function* (_req: pb.ISnapshotRequest, ctx: CallContext) {
      log.push('snapshot:start');
      ctx.signal.addEventListener('abort', () => log.push('snapshot:aborted'));
      try {
        yield { remaining_bytes: 1, blob: Buffer.from('first') };
        if (ctx.metadata.get('mode') === 'fail') throw EtcdError.of('Corrupt');
        for (let i = 0; ; i++) {
          await new Promise((r) => setTimeout(r, 5));
          yield { remaining_bytes: 1, blob: Buffer.alloc(1000, i) };
        }
      } finally {
        log.push('snapshot:returned');
      }
    },
  ],
  [
    '/v3electionpb.Election/Observe',
    // eslint-disable-next-line require-yield
    async function* () {
      throw EtcdError.of('ElectionNoLeader');
    },
  ],
]);

let front: Front;
let client: grpc.Client;
let addr: string;
let base: string;

before(async () => {
  front = await startFront({ listen: [new URL('http://127.0.0.1:0')], handlers, graceMs: 300 });
  addr = front.addresses[0]!.host;
  base = front.addresses[0]!.origin;
  client = new grpc.Client(addr, grpc.credentials.createInsecure());
});
after(async () => {
  client.close();
  await front.close();
});

const encodeWith = (path: string) => (m: unknown) =>
  Buffer.from(
    methodByPath(path)!
      .request.encode(m as object)
      .finish(),
  );

function call<Res = any>(
  path: string,
  req: unknown,
  opts: { serialize?: (m: any) => Buffer; metadata?: grpc.Metadata; deadline?: number } = {},
): Promise<Res> {
  const m = methodByPath(path);
  const decode = (b: Buffer) => (m ? m.response.decode(b) : b) as Res;
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest(
      path,
      opts.serialize ?? encodeWith(path),
      decode,
      req,
      opts.metadata ?? new grpc.Metadata(),
      opts.deadline ? { deadline: opts.deadline } : {},
      (err, res) => (err ? reject(err) : resolve(res!)),
    ),
  );
}

async function alive(): Promise<void> {
  const r = await call<pb.RangeResponse>('/etcdserverpb.KV/Range', { key: Buffer.from('k') });
  assert.equal(Number(r.count), 1);
}

/** Sends raw bytes, returns what came back before the server closed the connection. */
function rawExchange(bytes: Buffer, endAfter = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(Number(front.addresses[0]!.port), '127.0.0.1');
    let got = '';
    s.on('data', (d) => (got += d.toString('latin1')));
    s.on('close', () => resolve(got));
    s.on('error', reject);
    s.write(bytes);
    if (endAfter) s.end();
    setTimeout(() => s.destroy(), 3000).unref();
  });
}

test('garbage bytes are answered 400 and the connection closed; the server keeps serving', async () => {
  const reply = await rawExchange(
    Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x01, 0x02, 0x0d, 0x0a, 0x0d, 0x0a]),
  );
  assert.match(reply, /^HTTP\/1\.1 400 Bad Request/);
  // Looks like the HTTP/2 preface at first, then is not.
  assert.match(
    await rawExchange(Buffer.from('PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n')),
    /^HTTP\/1\.1 400 Bad Request/,
  );
  // A preface cut short, then the client leaves.
  assert.equal(await rawExchange(Buffer.from('PRI * HTT'), true), '');
  // A real preface followed by a bogus frame: HTTP/2 answers with its own frames (GOAWAY) and closes.
  const h2 = Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.alloc(32, 0xee)]);
  await rawExchange(h2);
  await alive();
});

test('an undecodable request message is an error, not a crash', async () => {
  await assert.rejects(
    call('/etcdserverpb.KV/Range', {}, { serialize: () => Buffer.from([0x0a, 0xff, 0xff, 0xff]) }),
    (e: any) => {
      assert.equal(e.code, grpc.status.INTERNAL);
      assert.match(e.details, /^grpc: error unmarshalling request: /);
      return true;
    },
  );
  await alive();
});

test('unknown methods answer Unimplemented', async () => {
  await assert.rejects(call('/etcdserverpb.Auth/AuthEnable', {}), {
    code: grpc.status.UNIMPLEMENTED,
    details: 'unknown method AuthEnable for service etcdserverpb.Auth',
  });
  // Paths outside the table, in grpc-go's words.
  await assert.rejects(call('/etcdserverpb.KV/Nope', {}, { serialize: () => Buffer.alloc(0) }), {
    code: grpc.status.UNIMPLEMENTED,
    details: 'unknown method Nope for service etcdserverpb.KV',
  });
  await assert.rejects(call('/foo.Bar/Baz', {}, { serialize: () => Buffer.alloc(0) }), {
    code: grpc.status.UNIMPLEMENTED,
    details: 'unknown service foo.Bar',
  });
  const r = await fetch(base + '/v3/auth/enable', { method: 'POST', body: '{}' });
  assert.equal(r.status, 501);
  assert.equal(
    await r.text(),
    '{"error":"unknown method AuthEnable for service etcdserverpb.Auth",' +
      '"message":"unknown method AuthEnable for service etcdserverpb.Auth","code":12}',
  );
});

test('oversize requests: grpc-go text over gRPC, the same error JSON (429) over the gateway', async () => {
  const max = 1.5 * 1024 * 1024 + 512 * 1024;
  // Just under the limit passes (etcd itself would then refuse it as "request is too large"; that is the
  // member's check, after the front).
  const fits = await call<pb.PutResponse>('/etcdserverpb.KV/Put', {
    key: Buffer.from('k'),
    value: Buffer.alloc(max - 16),
  });
  assert.equal(Number(fits.header!.revision), max - 16);
  const value = Buffer.alloc(max + 100, 0x61);
  const size = pb.PutRequest.encode({ key: Buffer.from('k'), value }).finish().length;
  await assert.rejects(call('/etcdserverpb.KV/Put', { key: Buffer.from('k'), value }), {
    code: grpc.status.RESOURCE_EXHAUSTED,
    details: `grpc: received message larger than max (${size} vs. ${max})`,
  });
  const r = await fetch(base + '/v3/kv/put', {
    method: 'POST',
    body: JSON.stringify({ key: 'aw==', value: value.toString('base64') }),
  });
  assert.equal(r.status, 429);
  const msg = `grpc: received message larger than max (${size} vs. ${max})`;
  assert.equal(await r.text(), `{"error":"${msg}","message":"${msg}","code":8}`);
  // A body far beyond any acceptable message is refused while it arrives; the handler never runs.
  const before = putCalls;
  const huge = await fetch(base + '/v3/kv/put', {
    method: 'POST',
    body: `{"key":"aw==","value":"${'a'.repeat(4 * max + (2 << 20))}"}`,
  }).then(
    async (res) => ({ status: res.status, text: await res.text() }),
    () => ({ status: 0, text: 'connection closed early' }),
  );
  if (huge.status !== 0) {
    assert.equal(huge.status, 429);
    assert.match(huge.text, /"code":8\}$/);
  }
  assert.equal(putCalls, before);
  await alive();
});

test('handler failures: Unknown with the message; a bad response is Internal', async () => {
  await assert.rejects(call('/etcdserverpb.KV/Range', { key: Buffer.from('boom') }), {
    code: grpc.status.UNKNOWN,
    details: 'boom',
  });
  await assert.rejects(call('/etcdserverpb.KV/Range', { key: Buffer.from('string') }), {
    code: grpc.status.UNKNOWN,
    details: 'a thrown string',
  });
  await assert.rejects(call('/etcdserverpb.KV/Range', { key: Buffer.from('bad-response') }), {
    code: grpc.status.INTERNAL,
  });
  const r = await fetch(base + '/v3/kv/range', { method: 'POST', body: '{"key":"Ym9vbQ=="}' });
  assert.equal(r.status, 500);
  assert.equal(await r.text(), '{"error":"boom","message":"boom","code":2}');
  await alive();
});

test('context: metadata, token, deadline reach the handler', async () => {
  const md = new grpc.Metadata();
  md.set('token', 't0k');
  md.set('x-extra', 'v');
  const deadline = Date.now() + 60_000;
  await call('/etcdserverpb.KV/Range', { key: Buffer.from('k') }, { metadata: md, deadline });
  assert.equal(lastCtx?.token, 't0k');
  assert.equal(lastCtx?.metadata.get('x-extra'), 'v');
  assert.ok(lastCtx?.deadline !== undefined && Math.abs(lastCtx.deadline - deadline) < 1000);
  assert.equal(lastAbortedDuringCall, false);
  await fetch(base + '/v3/kv/range', {
    method: 'POST',
    body: '{"key":"aw=="}',
    headers: { Authorization: 'gw-token', 'Grpc-Metadata-Foo': 'bar' },
  });
  assert.equal(lastCtx?.token, 'gw-token');
  assert.equal(lastCtx?.metadata.get('foo'), 'bar');
});

test('a stream that fails after a message: status over gRPC, error chunk over the gateway', async () => {
  const m = methodByPath('/etcdserverpb.Maintenance/Snapshot');
  const md = new grpc.Metadata();
  md.set('mode', 'fail');
  const s = client.makeServerStreamRequest(
    m.path,
    encodeWith(m.path),
    (b: Buffer) => m.response.decode(b),
    {},
    md,
  );
  const blobs: string[] = [];
  s.on('data', (r: pb.SnapshotResponse) => blobs.push(Buffer.from(r.blob).toString()));
  const err = await new Promise<any>((resolve) => s.on('error', resolve));
  assert.deepEqual(blobs, ['first']);
  assert.equal(err.code, grpc.status.DATA_LOSS);
  assert.equal(err.details, 'etcdserver: corrupt cluster');

  const r = await fetch(base + '/v3/maintenance/snapshot', {
    method: 'POST',
    body: '{}',
    headers: { 'Grpc-Metadata-Mode': 'fail' },
  });
  assert.equal(r.status, 200);
  assert.equal(
    await r.text(),
    '{"result":{"remaining_bytes":"1","blob":"Zmlyc3Q="}}\n' +
      '{"error":{"grpc_code":15,"http_code":500,"message":"etcdserver: corrupt cluster","http_status":"Internal Server Error"}}',
  );
  // Failing before the first message: the HTTP status follows the code (etcd: auth error on snapshot → 500).
  const r2 = await fetch(base + '/v3/election/observe', { method: 'POST', body: '{}' });
  assert.equal(r2.status, 500);
  assert.equal(
    await r2.text(),
    '{"error":{"grpc_code":2,"http_code":500,"message":"election: no leader","http_status":"Internal Server Error"}}',
  );
});

test('client leaving mid-stream: the handler signal aborts and its iterator is returned (gRPC and gateway)', async () => {
  const m = methodByPath('/etcdserverpb.Maintenance/Snapshot');
  log.length = 0;
  const s = client.makeServerStreamRequest(
    m.path,
    encodeWith(m.path),
    (b: Buffer) => m.response.decode(b),
    {},
  );
  let n = 0;
  s.on('data', () => n++);
  s.on('error', () => {});
  await until(() => n >= 3, 5000, 'some stream messages');
  s.cancel();
  await until(() => log.includes('snapshot:returned'), 5000, 'iterator returned');
  assert.deepEqual(log, ['snapshot:start', 'snapshot:aborted', 'snapshot:returned']);

  log.length = 0;
  const ac = new AbortController();
  const r = await fetch(base + '/v3/maintenance/snapshot', { method: 'POST', body: '{}', signal: ac.signal });
  const reader = r.body!.getReader();
  await reader.read();
  ac.abort();
  await until(() => log.includes('snapshot:returned'), 5000, 'gateway iterator returned');
  assert.deepEqual(log, ['snapshot:start', 'snapshot:aborted', 'snapshot:returned']);
  await alive();
});

test('close(): in-flight unary calls finish, streams are cut after the grace period, new connections refused', async () => {
  const f = await startFront({ listen: [new URL('http://127.0.0.1:0')], handlers, graceMs: 300 });
  const c = new grpc.Client(f.addresses[0]!.host, grpc.credentials.createInsecure());
  try {
    const slowPath = '/etcdserverpb.KV/Range';
    const slow = new Promise<pb.RangeResponse>((resolve, reject) =>
      c.makeUnaryRequest(
        slowPath,
        encodeWith(slowPath),
        (b: Buffer) => pb.RangeResponse.decode(b),
        { key: Buffer.from('slow') },
        (err, res) => (err ? reject(err) : resolve(res!)),
      ),
    );
    await until(() => releaseSlow !== undefined, 5000, 'slow call started');
    const m = methodByPath('/etcdserverpb.Maintenance/Snapshot');
    log.length = 0;
    const s = c.makeServerStreamRequest(m.path, encodeWith(m.path), (b: Buffer) => m.response.decode(b), {});
    s.on('data', () => {});
    s.on('error', () => {});
    await until(() => log.includes('snapshot:start'), 5000, 'stream started');
    const closing = f.close();
    setTimeout(() => releaseSlow!(), 50);
    const res = await slow;
    assert.equal(Number(res.count), 1);
    await closing;
    assert.ok(log.includes('snapshot:aborted') && log.includes('snapshot:returned'), log.join());
    await assert.rejects(fetch(f.addresses[0]!.origin + '/v3/kv/range', { method: 'POST', body: '{}' }));
  } finally {
    releaseSlow = undefined;
    c.close();
  }
});
