// The lean gRPC server's wire handling, driven by a raw node:http2 client: framing edge cases (messages split
// over DATA frames, several per frame, empty, oversize, bad flags), statuses and their encoding, deadlines,
// cancellation, back-pressure and GOAWAY. Real clients (etcdctl, etcd3) are tested in test/http and test/server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream } from 'node:http2';
import { connect as tcpConnect } from 'node:net';
import { EtcdError } from '../api/errors.ts';
import { etcdserverpb as pb, v3electionpb } from '../api/gen/etcd.js';
import { encodeFramed, encodeGrpcMessage, GRPC_OVERHEAD_BYTES, parseGrpcTimeout } from './grpc-h2.ts';
import { Framed, type AnyHandler, type CallContext } from './handlers.ts';
import { startFront, type Front } from './server.ts';

const MAX_REQUEST_BYTES = 1000;
const MAX = MAX_REQUEST_BYTES + GRPC_OVERHEAD_BYTES;

const seen: { key: string; ctx: CallContext }[] = [];
let aborted: string[] = [];
let produced = 0;
let watchTaken = 0;
let releaseWatch: (() => void) | undefined;

const handlers = new Map<string, AnyHandler>([
  [
    '/etcdserverpb.KV/Range',
    async (req: pb.RangeRequest, ctx: CallContext) => {
      const key = Buffer.from(req.key).toString();
      seen.push({ key, ctx });
      if (key === 'fail') throw EtcdError.of('KeyNotFound');
      if (key === 'weird') throw new Error('50% ü\nnext');
      if (key === 'wait') {
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        aborted.push(key);
        return {};
      }
      return { header: { revision: 5 }, count: key.length, kvs: [{ key: req.key, value: req.key }] };
    },
  ],
  [
    '/etcdserverpb.KV/Compact',
    // Not async: throws instead of returning a rejected promise.
    () => {
      throw new Error('thrown at once');
    },
  ],
  [
    '/etcdserverpb.Lease/LeaseKeepAlive',
    async function* (requests: AsyncIterable<pb.LeaseKeepAliveRequest>) {
      for await (const r of requests) yield { ID: r.ID, TTL: 10 };
    },
  ],
  [
    // Takes one request, stalls until released, then reads the rest and answers with how many came in order.
    '/etcdserverpb.Watch/Watch',
    async function* (requests: AsyncIterable<pb.WatchRequest>) {
      let inOrder = 0;
      for await (const r of requests) {
        if (Number(r.create_request!.start_revision) === watchTaken) inOrder++;
        watchTaken++;
        if (watchTaken === 1) await new Promise<void>((resolve) => (releaseWatch = resolve));
      }
      yield { watch_id: inOrder };
    },
  ],
  [
    // Plain messages around pre-encoded ones.
    '/v3electionpb.Election/Observe',
    async function* () {
      const leader = (n: number) => ({ header: { revision: n }, kv: { key: Buffer.from(`k${n}`) } });
      yield leader(1);
      const pre = [2, 3].map((n) => encodeFramed(v3electionpb.LeaderResponse, leader(n)));
      yield new Framed(Buffer.concat(pre));
      yield leader(4);
    },
  ],
  [
    '/etcdserverpb.Maintenance/Snapshot',
    async function* (_req: pb.SnapshotRequest, ctx: CallContext) {
      try {
        for (let i = 0; i < 300; i++) {
          produced = i + 1;
          yield { remaining_bytes: 300 - i - 1, blob: Buffer.alloc(64 * 1024, i) };
        }
      } finally {
        if (ctx.signal.aborted) aborted.push('snapshot');
      }
    },
  ],
]);

let front: Front;
let session: ClientHttp2Session;

before(async () => {
  front = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers,
    maxRequestBytes: MAX_REQUEST_BYTES,
    gateway: false,
    graceMs: 300,
  });
  session = connect(front.addresses[0]!.origin);
});
after(async () => {
  session.close();
  await front.close();
});

function frame(payload: Uint8Array, flag = 0, declared = payload.length): Buffer {
  const h = Buffer.alloc(5);
  h[0] = flag;
  h.writeUInt32BE(declared, 1);
  return Buffer.concat([h, payload]);
}

const rangeReq = (key: string): Uint8Array => pb.RangeRequest.encode({ key: Buffer.from(key) }).finish();

interface Answer {
  headers: Record<string, unknown>;
  trailers: Record<string, unknown>;
  data: Buffer;
  /** RST_STREAM code seen by the client (0 when the stream ended normally). */
  rst: number;
}

/** Opens a call; the caller writes the body. */
function open(
  path: string,
  headers: Record<string, string> = {},
): { req: ClientHttp2Stream; done: Promise<Answer> } {
  const req = session.request({
    ':method': 'POST',
    ':path': path,
    'content-type': 'application/grpc',
    te: 'trailers',
    ...headers,
  });
  const done = new Promise<Answer>((resolve) => {
    const a: Answer = { headers: {}, trailers: {}, data: Buffer.alloc(0), rst: 0 };
    const chunks: Buffer[] = [];
    req.on('response', (h) => (a.headers = h));
    req.on('trailers', (t) => (a.trailers = t));
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('error', () => {});
    req.on('close', () => {
      a.data = Buffer.concat(chunks);
      a.rst = req.rstCode ?? 0;
      resolve(a);
    });
  });
  return { req, done };
}

function call(path: string, body: Buffer, headers: Record<string, string> = {}): Promise<Answer> {
  const { req, done } = open(path, headers);
  req.end(body);
  return done;
}

/** The gRPC status of an answer: trailers, or the headers of a trailers-only answer. */
const statusOf = (a: Answer): { code: string; message: string } => ({
  code: String(a.trailers['grpc-status'] ?? a.headers['grpc-status']),
  message: decodeURIComponent(String(a.trailers['grpc-message'] ?? a.headers['grpc-message'] ?? '')),
});

/** Splits a response body into its messages. */
function messages(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < data.length;) {
    assert.equal(data[at], 0, 'uncompressed');
    const n = data.readUInt32BE(at + 1);
    out.push(data.subarray(at + 5, at + 5 + n));
    at += 5 + n;
  }
  return out;
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('unary: a message split over many DATA frames is put back together', async () => {
  const body = frame(rangeReq('split-' + 'x'.repeat(100)));
  const { req, done } = open('/etcdserverpb.KV/Range');
  // One byte at a time for the prefix, then uneven pieces.
  for (let i = 0; i < 7; i++) {
    req.write(body.subarray(i, i + 1));
    await tick();
  }
  for (let i = 7; i < body.length; i += 13) {
    req.write(body.subarray(i, Math.min(body.length, i + 13)));
    await tick();
  }
  req.end();
  const a = await done;
  assert.deepEqual(statusOf(a), { code: '0', message: '' });
  assert.equal(a.headers['content-type'], 'application/grpc');
  const [m, ...rest] = messages(a.data);
  assert.equal(rest.length, 0);
  const res = pb.RangeResponse.decode(m!);
  assert.equal(Buffer.from(res.kvs[0]!.key!).toString(), 'split-' + 'x'.repeat(100));
  assert.equal(Number(res.header!.revision), 5);
});

test('bidi: several messages in one DATA frame are each answered, in order, and the stream ends OK', async () => {
  const ids = [1, 2, 3, 4, 5];
  const body = Buffer.concat(ids.map((ID) => frame(pb.LeaseKeepAliveRequest.encode({ ID }).finish())));
  const a = await call('/etcdserverpb.Lease/LeaseKeepAlive', body);
  assert.deepEqual(statusOf(a), { code: '0', message: '' });
  const got = messages(a.data).map((m) => Number(pb.LeaseKeepAliveResponse.decode(m).ID));
  assert.deepEqual(got, ids);
});

test('a zero-length message is a request with every field at its default', async () => {
  seen.length = 0;
  const a = await call('/etcdserverpb.KV/Range', frame(Buffer.alloc(0)));
  assert.deepEqual(statusOf(a), { code: '0', message: '' });
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.key, '');
});

test('no message, or a cut-short one: Unknown "EOF" / "unexpected EOF" (grpc-go\'s words), handler not run', async () => {
  seen.length = 0;
  assert.deepEqual(statusOf(await call('/etcdserverpb.KV/Range', Buffer.alloc(0))), {
    code: '2',
    message: 'EOF',
  });
  assert.deepEqual(statusOf(await call('/etcdserverpb.KV/Range', frame(rangeReq('k'), 0, 50))), {
    code: '2',
    message: 'unexpected EOF',
  });
  assert.deepEqual(statusOf(await call('/etcdserverpb.KV/Range', Buffer.from([0, 0, 0]))), {
    code: '2',
    message: 'unexpected EOF',
  });
  assert.equal(seen.length, 0);
});

test("oversize: Resource exhausted with grpc-go's text as soon as the prefix is read, handler not run", async () => {
  seen.length = 0;
  // Only the prefix is sent, and the request side stays open: the answer must not wait for the body.
  const { req, done } = open('/etcdserverpb.KV/Range');
  const head = Buffer.alloc(5);
  head.writeUInt32BE(MAX + 1, 1);
  req.write(head);
  const a = await done;
  assert.deepEqual(statusOf(a), {
    code: '8',
    message: `grpc: received message larger than max (${MAX + 1} vs. ${MAX})`,
  });
  assert.equal(a.headers['grpc-status'], '8', 'trailers-only');
  assert.equal(a.data.length, 0);
  // Exactly the limit is fine.
  const fits = pb.RangeRequest.encode({ key: Buffer.from('k'), range_end: Buffer.alloc(MAX - 7) }).finish();
  assert.equal(fits.length, MAX);
  assert.equal(statusOf(await call('/etcdserverpb.KV/Range', frame(fits))).code, '0');
  assert.equal(seen.length, 1);
});

test('compression: a compressed flag without grpc-encoding, an unknown flag, an encoding we lack', async () => {
  seen.length = 0;
  assert.deepEqual(statusOf(await call('/etcdserverpb.KV/Range', frame(rangeReq('k'), 1))), {
    code: '13',
    message: 'grpc: compressed flag set with identity or empty encoding',
  });
  assert.deepEqual(
    statusOf(await call('/etcdserverpb.KV/Range', frame(rangeReq('k'), 1), { 'grpc-encoding': 'identity' })),
    { code: '13', message: 'grpc: compressed flag set with identity or empty encoding' },
  );
  assert.deepEqual(statusOf(await call('/etcdserverpb.KV/Range', frame(rangeReq('k'), 2))), {
    code: '13',
    message: 'grpc: received unexpected payload format 2',
  });
  assert.deepEqual(
    statusOf(await call('/etcdserverpb.KV/Range', frame(rangeReq('k'), 1), { 'grpc-encoding': 'gzip' })),
    { code: '12', message: 'grpc: Decompressor is not installed for grpc-encoding "gzip"' },
  );
  // On a bidi stream the bad message ends the call with the same status.
  const a = await call(
    '/etcdserverpb.Lease/LeaseKeepAlive',
    Buffer.concat([
      frame(pb.LeaseKeepAliveRequest.encode({ ID: 7 }).finish()),
      frame(Buffer.from([8, 1]), 1),
    ]),
  );
  assert.deepEqual(statusOf(a), {
    code: '13',
    message: 'grpc: compressed flag set with identity or empty encoding',
  });
  assert.equal(seen.length, 0);
});

test('errors: trailers-only, code and percent-encoded message', async () => {
  const a = await call('/etcdserverpb.KV/Range', frame(rangeReq('fail')));
  assert.equal(a.headers['grpc-status'], '3');
  assert.equal(a.headers['grpc-message'], 'etcdserver: key not found');
  assert.deepEqual(a.trailers, {});
  const b = await call('/etcdserverpb.KV/Range', frame(rangeReq('weird')));
  assert.equal(b.headers['grpc-status'], '2');
  assert.equal(b.headers['grpc-message'], '50%25 %C3%BC%0Anext');
  assert.equal(statusOf(b).message, '50% ü\nnext');
  assert.equal(encodeGrpcMessage('plain text: ok'), 'plain text: ok');
  // A handler that throws synchronously is the same as one that rejects.
  const c = await call('/etcdserverpb.KV/Compact', frame(Buffer.alloc(0)));
  assert.deepEqual(statusOf(c), { code: '2', message: 'thrown at once' });
});

test("unknown paths: grpc-go's texts; methods left out of the table answer Unimplemented", async () => {
  const cases: [string, string, string][] = [
    ['/etcdserverpb.KV/Nope', '12', 'unknown method Nope for service etcdserverpb.KV'],
    ['/foo.Bar/Baz', '12', 'unknown service foo.Bar'],
    ['/etcdserverpb.KV/Put', '12', 'unknown method Put for service etcdserverpb.KV'],
    ['/nonsense', '8', 'malformed method name: "/nonsense"'],
  ];
  for (const [path, code, message] of cases) {
    assert.deepEqual(statusOf(await call(path, frame(Buffer.alloc(0)))), { code, message }, path);
  }
});

test('content-type other than application/grpc, or an unreadable grpc-timeout: the stream is reset', async () => {
  const a = await call('/etcdserverpb.KV/Range', frame(rangeReq('k')), { 'content-type': 'text/plain' });
  assert.equal(a.rst, constants.NGHTTP2_PROTOCOL_ERROR);
  for (const t of ['xyz', '123456789S', '10']) {
    const b = await call('/etcdserverpb.KV/Range', frame(rangeReq('k')), { 'grpc-timeout': t });
    assert.equal(b.rst, constants.NGHTTP2_PROTOCOL_ERROR, t);
  }
  // application/grpc+proto is gRPC too.
  const c = await call('/etcdserverpb.KV/Range', frame(rangeReq('k')), {
    'content-type': 'application/grpc+proto',
  });
  assert.equal(statusOf(c).code, '0');
  assert.equal(parseGrpcTimeout('5S'), 5000);
  assert.equal(parseGrpcTimeout('250m'), 250);
  assert.equal(parseGrpcTimeout('1H'), 3_600_000);
  assert.equal(parseGrpcTimeout('1000u'), 1);
  assert.equal(parseGrpcTimeout('-1S'), undefined);
});

test('metadata: token and other headers reach the handler; transport headers do not', async () => {
  seen.length = 0;
  await call('/etcdserverpb.KV/Range', frame(rangeReq('md')), { token: 'tok', 'x-thing': 'v' });
  const ctx = seen[0]!.ctx;
  assert.equal(ctx.token, 'tok');
  assert.equal(ctx.metadata.get('x-thing'), 'v');
  assert.equal(ctx.metadata.get('content-type'), undefined);
  assert.equal(ctx.deadline, undefined);
  assert.match(ctx.peer, /^127\.0\.0\.1:\d+$/);
});

test('deadline: grpc-timeout aborts the handler and the call ends Deadline exceeded', async () => {
  aborted = [];
  seen.length = 0;
  const a = await call('/etcdserverpb.KV/Range', frame(rangeReq('wait')), { 'grpc-timeout': '200m' });
  assert.deepEqual(statusOf(a), { code: '4', message: 'context deadline exceeded' });
  const ctx = seen[0]!.ctx;
  assert.ok(ctx.deadline !== undefined && Math.abs(ctx.deadline - Date.now()) < 60_000);
  assert.ok(ctx.signal.aborted);
  assert.deepEqual(aborted, ['wait']);
  // A zero timeout is over before the handler runs.
  assert.deepEqual(
    statusOf(await call('/etcdserverpb.KV/Range', frame(rangeReq('k')), { 'grpc-timeout': '0n' })),
    {
      code: '4',
      message: 'context deadline exceeded',
    },
  );
});

test('cancel: RST_STREAM from the client aborts the handler signal', async () => {
  aborted = [];
  seen.length = 0;
  const { req, done } = open('/etcdserverpb.KV/Range');
  req.write(frame(rangeReq('wait')));
  const deadline = Date.now() + 10_000;
  while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(seen.length, 1, 'handler started');
  req.close(constants.NGHTTP2_CANCEL);
  await done;
  while (aborted.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(aborted, ['wait']);
  assert.ok(seen[0]!.ctx.signal.aborted);
});

test('back-pressure: a client that stops reading stops the handler; all messages arrive once it reads', async () => {
  produced = 0;
  const { req, done } = open('/etcdserverpb.Maintenance/Snapshot');
  req.pause();
  req.end(frame(Buffer.alloc(0)));
  // Wait until production stalls (the value stops changing), then check it stalled far short of the end.
  let last = -1;
  for (let i = 0; i < 200 && produced !== last; i++) {
    last = produced;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(produced > 0 && produced < 60, `handler ran ahead of an unread stream: ${produced} of 300`);
  req.resume();
  const a = await done;
  assert.deepEqual(statusOf(a), { code: '0', message: '' });
  const ms = messages(a.data).map((m) => pb.SnapshotResponse.decode(m));
  assert.equal(ms.length, 300);
  ms.forEach((m, i) => assert.equal(m.blob[0], i & 0xff));
  assert.equal(produced, 300);
});

test('encodeFramed: one buffer, prefix then the message as the codec encodes it', () => {
  const msg = { header: { revision: 9 }, count: 3 };
  const f = encodeFramed(pb.RangeResponse, msg);
  const plain = pb.RangeResponse.encode(msg).finish();
  assert.equal(f[0], 0);
  assert.equal(f.readUInt32BE(1), plain.length);
  assert.deepEqual(f.subarray(5), Buffer.from(plain));
  const empty = encodeFramed(pb.RangeResponse, {});
  assert.deepEqual(empty, Buffer.from([0, 0, 0, 0, 0]));
});

test('close(): GOAWAY to open connections, a call in flight still completes', async () => {
  const f = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers,
    gateway: false,
    graceMs: 2000,
  });
  const s = connect(f.addresses[0]!.origin);
  try {
    let goaway = false;
    s.on('goaway', () => (goaway = true));
    s.on('error', () => {});
    aborted = [];
    seen.length = 0;
    const req = s.request({
      ':method': 'POST',
      ':path': '/etcdserverpb.KV/Range',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    let trailers: Record<string, unknown> = {};
    const chunks: Buffer[] = [];
    req.on('trailers', (t) => (trailers = t));
    req.on('data', (d: Buffer) => chunks.push(d));
    const closedStream = new Promise((r) => req.on('close', r));
    req.end(frame(rangeReq('inflight')));
    await closedStream;
    assert.equal(trailers['grpc-status'], '0');
    // A slow call: started, then the front closes; the handler is aborted only after the grace period.
    const req2 = s.request({
      ':method': 'POST',
      ':path': '/etcdserverpb.KV/Range',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    req2.on('error', () => {});
    req2.end(frame(rangeReq('wait')));
    const deadline = Date.now() + 10_000;
    while (!seen.some((x) => x.key === 'wait') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    const closing = f.close();
    while (!goaway && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.ok(goaway, 'GOAWAY received');
    assert.deepEqual(aborted, [], 'not aborted during the grace period');
    await closing;
    assert.deepEqual(aborted, ['wait']);
  } finally {
    s.destroy();
  }
});

test('keepalive: the server pings each connection at the configured interval', async () => {
  const f = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers,
    gateway: false,
    keepaliveTimeMs: 50,
    keepaliveTimeoutMs: 5000,
  });
  const s = connect(f.addresses[0]!.origin);
  try {
    let pings = 0;
    s.on('ping', () => pings++);
    s.on('error', () => {});
    // A call makes sure the connection is up and served.
    const req = s.request({
      ':method': 'POST',
      ':path': '/etcdserverpb.KV/Range',
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    req.on('data', () => {});
    await new Promise((r) => {
      req.on('close', r);
      req.end(frame(rangeReq('k')));
    });
    const deadline = Date.now() + 10_000;
    while (pings < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.ok(pings >= 3, `pings received: ${pings}`);
    assert.equal(s.destroyed, false, 'answered pings keep the connection');
  } finally {
    s.destroy();
    await f.close();
  }
});

test('a stream handler may yield Framed: its frames go out as they are, in order with the other messages', async () => {
  const a = await call(
    '/v3electionpb.Election/Observe',
    frame(v3electionpb.LeaderRequest.encode({ name: Buffer.from('e') }).finish()),
  );
  assert.deepEqual(statusOf(a), { code: '0', message: '' });
  const got = messages(a.data).map((m) => {
    const r = v3electionpb.LeaderResponse.decode(m);
    return `${Number(r.header!.revision)}:${Buffer.from(r.kv!.key!).toString()}`;
  });
  assert.deepEqual(got, ['1:k1', '2:k2', '3:k3', '4:k4']);
});

test('back-pressure on requests: a handler that stops reading stops the socket reads, nothing is lost', async () => {
  watchTaken = 0;
  releaseWatch = undefined;
  const { req, done } = open('/etcdserverpb.Watch/Watch');
  const n = 1000;
  const filler = Buffer.alloc(4096, 0x61);
  for (let i = 0; i < n; i++) {
    const m = pb.WatchRequest.encode({ create_request: { key: filler, start_revision: i } }).finish();
    req.write(frame(m));
  }
  req.end();
  const deadline = Date.now() + 10_000;
  while (releaseWatch === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.ok(releaseWatch, 'handler took the first request');
  // Wait until the client's unsent bytes stop shrinking: HTTP/2 flow control holds them on its side.
  let last = -1;
  for (let i = 0; i < 100 && req.writableLength !== last; i++) {
    last = req.writableLength;
    await new Promise((r) => setTimeout(r, 100));
  }
  const total = n * (filler.length + 20);
  assert.ok(
    req.writableLength > total / 2,
    `the server read on although its handler did not: ${req.writableLength} of ~${total} bytes still unsent`,
  );
  releaseWatch!();
  const a = await done;
  assert.deepEqual(statusOf(a), { code: '0', message: '' });
  const [m] = messages(a.data);
  assert.equal(Number(pb.WatchResponse.decode(m!).watch_id), n, 'every request, in order');
  assert.equal(watchTaken, n);
});

test("keepalive: a connection that leaves the server's ping unanswered is closed", async () => {
  /** A raw client: preface and an empty SETTINGS frame, then it answers nothing (what it receives is dropped). */
  const deafClient = async (keepaliveTimeMs: number, waitMs: number): Promise<boolean> => {
    const f = await startFront({
      listen: [new URL('http://127.0.0.1:0')],
      handlers,
      gateway: false,
      keepaliveTimeMs,
      keepaliveTimeoutMs: 200,
    });
    const sock = tcpConnect(Number(f.addresses[0]!.port), '127.0.0.1');
    try {
      const closed = new Promise<boolean>((resolve) => {
        sock.on('close', () => resolve(true));
        sock.on('error', () => {});
        sock.resume();
        setTimeout(() => resolve(false), waitMs);
      });
      sock.write(Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1'));
      sock.write(Buffer.from([0, 0, 0, 4, 0, 0, 0, 0, 0]));
      return await closed;
    } finally {
      sock.destroy();
      await f.close();
    }
  };
  assert.equal(await deafClient(100, 10_000), true, 'closed after the unanswered ping');
  // Control: the same client with keepalive off stays connected.
  assert.equal(await deafClient(0, 1000), false, 'open without keepalive');
});
