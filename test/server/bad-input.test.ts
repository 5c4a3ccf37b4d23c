// Bad input must get a clear error and must not hurt the server: malformed gRPC frames and protobuf bodies
// (raw HTTP/2), oversize requests (same code and message as etcd 3.4 with the same --max-request-bytes),
// unknown methods, garbage bytes on the client port, bad JSON on the gateway — each followed by a put and a
// get that must work. Then bad command-line flags, compared with the etcd binary.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { connect } from 'node:http2';
import { connect as tcpConnect } from 'node:net';
import { join } from 'node:path';
import { ETCD_BIN, haveEtcd, startEtcd, type RealEtcd } from '../compat/proto-etcd-process.ts';
import {
  etcdctl,
  removeDir,
  spawnTsetcd,
  startTsetcd,
  tempDir,
  twinFlags,
  type TsetcdProcess,
} from './tsetcd-process.ts';

const MAX_REQUEST_BYTES = 1024;

let real: RealEtcd | undefined;
let ts: TsetcdProcess | undefined;
let dir = '';
const skip = haveEtcd() ? false : 'real etcd 3.4 is not installed';

before(async () => {
  if (skip) return;
  dir = tempDir('tsetcd-bad-input-');
  real = await startEtcd('bad', 15_000, { 'max-request-bytes': String(MAX_REQUEST_BYTES) });
  ts = await startTsetcd(await twinFlags(real.flags, dir));
});

after(async () => {
  await ts?.kill();
  await real?.stop();
  if (dir) removeDir(dir);
});

interface GrpcAnswer {
  /** grpc-status, or 'RST' when the stream was reset instead. */
  code: string;
  message: string;
  /** Length of the response body (0 for errors). */
  bytes: number;
}

/** One gRPC call over a fresh HTTP/2 connection, the request body given as raw bytes. */
function rawCall(
  addr: string,
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<GrpcAnswer> {
  return new Promise((resolve, reject) => {
    const session = connect(`http://${addr}`);
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': 'application/grpc',
      te: 'trailers',
      ...headers,
    });
    let head: Record<string, unknown> = {};
    let trailers: Record<string, unknown> = {};
    let bytes = 0;
    stream.on('response', (h) => (head = h));
    stream.on('trailers', (t) => (trailers = t));
    stream.on('data', (d: Buffer) => (bytes += d.length));
    stream.on('error', () => {});
    stream.on('close', () => {
      session.close();
      const status = trailers['grpc-status'] ?? head['grpc-status'];
      const message = String(trailers['grpc-message'] ?? head['grpc-message'] ?? '');
      resolve({
        code: status === undefined ? 'RST' : String(status),
        message: decodeURIComponent(message),
        bytes,
      });
    });
    stream.end(body);
  });
}

/** A gRPC length-prefixed message; `declared` may lie about the length. */
function frame(payload: Buffer, compressed = 0, declared = payload.length): Buffer {
  const h = Buffer.alloc(5);
  h[0] = compressed;
  h.writeUInt32BE(declared, 1);
  return Buffer.concat([h, payload]);
}

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

/** A PutRequest {key, value} encoded by hand (field 1 and 2, length-delimited). */
function putRequest(key: string, value: Buffer): Buffer {
  const k = Buffer.from(key);
  return Buffer.concat([
    Buffer.from([0x0a]),
    varint(k.length),
    k,
    Buffer.from([0x12]),
    varint(value.length),
    value,
  ]);
}

const OK = '0';

/** The server still works: a put and a linearizable get through etcdctl. */
async function stillServing(p: { clientAddr: string }, tag: string): Promise<void> {
  const ep = `--endpoints=${p.clientAddr}`;
  assert.deepEqual(await etcdctl([ep, 'put', 'alive', tag]), { code: 0, stdout: 'OK\n', stderr: '' }, tag);
  assert.equal((await etcdctl([ep, 'get', 'alive', '--print-value-only'])).stdout, `${tag}\n`, tag);
}

describe('bad input: clear errors, and the server keeps serving', { skip }, () => {
  test('oversize requests: the same code and message as etcd (--max-request-bytes 1024)', async () => {
    for (const size of [MAX_REQUEST_BYTES * 2, 600 * 1024, 3 * 1024 * 1024]) {
      const body = frame(putRequest('big', Buffer.alloc(size, 0x61)));
      const want = await rawCall(real!.clientAddr, '/etcdserverpb.KV/Put', body);
      const got = await rawCall(ts!.clientAddr, '/etcdserverpb.KV/Put', body);
      assert.deepEqual(got, want, `put of a ${size}-byte value`);
      assert.notEqual(want.code, OK);
    }
    // Just under the limit still works on both.
    const small = frame(putRequest('big', Buffer.alloc(MAX_REQUEST_BYTES - 100, 0x61)));
    assert.equal((await rawCall(ts!.clientAddr, '/etcdserverpb.KV/Put', small)).code, OK);
    // etcdctl shows the same error text for a value over the limit.
    const value = 'v'.repeat(MAX_REQUEST_BYTES * 2);
    const [a, b] = await Promise.all(
      [real!.clientAddr, ts!.clientAddr].map((addr) =>
        etcdctl([`--endpoints=${addr}`, 'put', 'big'], { input: value }),
      ),
    );
    assert.equal(b!.code, a!.code);
    assert.equal(b!.stderr.split('\n').at(-2), a!.stderr.split('\n').at(-2));
    assert.equal(a!.stderr.split('\n').at(-2), 'Error: etcdserver: request is too large');
    await stillServing(ts!, 'after-oversize');
  });

  test('malformed protobuf in a well-formed gRPC frame: Internal "grpc: error unmarshalling request: …"', async () => {
    for (const garbage of [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.from([0x0f, 0x01])]) {
      const want = await rawCall(real!.clientAddr, '/etcdserverpb.KV/Put', frame(garbage));
      const got = await rawCall(ts!.clientAddr, '/etcdserverpb.KV/Put', frame(garbage));
      assert.equal(got.code, want.code, `code for ${garbage.toString('hex')}`);
      assert.equal(want.code, '13');
      // The detail after the prefix names the decoder's complaint, which differs between Go and protobufjs.
      const prefix = 'grpc: error unmarshalling request: ';
      assert.ok(want.message.startsWith(prefix), want.message);
      assert.ok(got.message.startsWith(prefix) && got.message.length > prefix.length, got.message);
    }
    await stillServing(ts!, 'after-bad-protobuf');
  });

  test('broken framing (truncated, empty, unknown encoding, bad timeout, bad path): an error, never OK', async () => {
    const cases: [string, string, Buffer, Record<string, string>?][] = [
      [
        'a frame shorter than its length prefix',
        '/etcdserverpb.KV/Put',
        frame(Buffer.from([1, 2, 3]), 0, 100),
      ],
      ['no message at all', '/etcdserverpb.KV/Put', Buffer.alloc(0)],
      [
        'a compression nobody offered',
        '/etcdserverpb.KV/Range',
        frame(Buffer.from('0a016b', 'hex'), 1),
        { 'grpc-encoding': 'br' },
      ],
      [
        'an unparsable grpc-timeout',
        '/etcdserverpb.KV/Range',
        frame(Buffer.from('0a016b', 'hex')),
        { 'grpc-timeout': 'xyz' },
      ],
      ['a path that is no method name', '/nonsense', frame(Buffer.alloc(0))],
    ];
    for (const [what, path, body, headers] of cases) {
      const got = await rawCall(ts!.clientAddr, path, body, headers);
      assert.notEqual(got.code, OK, `${what}: ${JSON.stringify(got)}`);
      assert.equal(got.bytes, 0, what);
      if (got.code !== 'RST') assert.ok(got.message.length > 0, `${what}: an error message`);
    }
    await stillServing(ts!, 'after-bad-frames');
  });

  test('a frame flagged compressed without a grpc-encoding is refused', async () => {
    const body = frame(putRequest('c', Buffer.from('v')), 1);
    const want = await rawCall(real!.clientAddr, '/etcdserverpb.KV/Put', body);
    const got = await rawCall(ts!.clientAddr, '/etcdserverpb.KV/Put', body);
    assert.deepEqual(got, want);
    assert.deepEqual(want, {
      code: '13',
      message: 'grpc: compressed flag set with identity or empty encoding',
      bytes: 0,
    });
    // Nothing was stored.
    const ep = `--endpoints=${ts!.clientAddr}`;
    assert.equal((await etcdctl([ep, 'get', 'c', '--print-value-only'])).stdout, '');
    await stillServing(ts!, 'after-compressed-flag');
  });

  test('unknown method and unknown service: Unimplemented with etcd’s texts', async () => {
    for (const path of ['/etcdserverpb.KV/Nope', '/foo.Bar/Baz', '/etcdserverpb.Lock/Lock']) {
      const want = await rawCall(real!.clientAddr, path, frame(Buffer.alloc(0)));
      const got = await rawCall(ts!.clientAddr, path, frame(Buffer.alloc(0)));
      assert.deepEqual(got, want, path);
    }
    await stillServing(ts!, 'after-unknown-method');
  });

  test('garbage bytes on the client port: the connection is closed, the server serves on', async () => {
    const garbage = [
      Buffer.from('8f1c2d9e00ff13370a0d0a0d', 'hex'),
      Buffer.from('HELLO THERE\r\n\r\n'),
      Buffer.from('GET / HTTP/9.9\r\nHost: x\r\n\r\n'),
      Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.alloc(12, 0xff)]),
      Buffer.from('160301002e0100002a0303', 'hex'),
    ];
    for (const bytes of garbage) {
      const outcome = await new Promise<string>((resolve) => {
        const [host, port] = ts!.clientAddr.split(':');
        const sock = tcpConnect(Number(port), host!);
        // Generous bound: the server is expected to close such a connection itself, not wait for us.
        sock.setTimeout(15_000, () => {
          resolve('left open');
          sock.destroy();
        });
        sock.on('error', () => resolve('closed'));
        sock.on('close', () => resolve('closed'));
        sock.on('data', () => {});
        sock.write(bytes);
      });
      assert.equal(outcome, 'closed', `after ${bytes.toString('hex')}`);
    }
    await stillServing(ts!, 'after-garbage');
  });

  test('JSON gateway: bad base64, bad JSON, wrong types get etcd’s 400 answers', async () => {
    const bodies = [
      JSON.stringify({ key: '!!!' }),
      '{',
      '[1,2]',
      JSON.stringify({ key: 'Zm9v', limit: 'ten' }),
      JSON.stringify({ key: { nested: true } }),
    ];
    for (const body of bodies) {
      const [want, got] = await Promise.all(
        [real!.clientUrl, ts!.clientUrl].map(async (url) => {
          const r = await fetch(`${url}/v3/kv/range`, { method: 'POST', body });
          return { status: r.status, body: await r.text() };
        }),
      );
      assert.deepEqual(got, want, body);
      assert.equal(want!.status, 400);
    }
    await stillServing(ts!, 'after-bad-json');
  });
});

interface ExitRun {
  code: number | string;
  stderr: string;
}

/** Runs a server binary with bad flags in a scratch dir (so no default data dir lands in the repo). */
function runFlags(bin: 'etcd' | 'tsetcd', args: string[]): Promise<ExitRun> {
  const cwd = join(dir, `flags-${bin}`);
  if (bin === 'tsetcd') {
    const p = spawnTsetcd([...args, `--data-dir=${join(cwd, 'd')}`]);
    return p.exited.then((code) => ({ code, stderr: p.log() }));
  }
  return new Promise((resolve) => {
    execFile(
      ETCD_BIN,
      [...args, `--data-dir=${join(cwd, 'd')}`],
      { timeout: 10_000 },
      (err, _out, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : String(err.signal ?? err.code)) : 0;
        resolve({ code, stderr });
      },
    );
  });
}

describe('bad flags, compared with etcd', { skip }, () => {
  test('--bogus and unparsable values: exit 2 and the same first line as etcd', async () => {
    for (const args of [
      ['--bogus'],
      ['--heartbeat-interval', 'abc'],
      ['--snapshot-count=x'],
      ['--max-txn-ops', '-'],
    ]) {
      const [want, got] = await Promise.all([runFlags('etcd', args), runFlags('tsetcd', args)]);
      assert.equal(want.code, 2, `etcd ${args.join(' ')}`);
      assert.equal(got.code, 2, `tsetcd ${args.join(' ')}`);
      assert.equal(got.stderr.split('\n')[0], want.stderr.split('\n')[0], args.join(' '));
      if (args[0] === '--bogus') assert.match(got.stderr, /^flag provided but not defined: -bogus\n/);
    }
  });

  test('bad values exit non-zero and name the flag', async () => {
    for (const args of [
      ['--initial-cluster-state', 'weird'],
      ['--listen-client-urls', 'nope'],
      ['--log-level', 'chatty'],
      ['--client-cert-auth', 'true'],
    ]) {
      const got = await runFlags('tsetcd', args);
      assert.notEqual(got.code, 0, args.join(' '));
      assert.ok(
        got.stderr.includes(args[0]!.slice(2)) || got.stderr.includes(`'${args[1]}'`),
        `${args.join(' ')}: ${got.stderr.split('\n')[0]}`,
      );
    }
  });

  test('--election-timeout out of range: etcd’s text', async () => {
    for (const args of [
      ['--election-timeout', '50'],
      ['--election-timeout=50000000'],
      ['--heartbeat-interval=300'],
    ]) {
      const [want, got] = await Promise.all([runFlags('etcd', args), runFlags('tsetcd', args)]);
      const m = /error verifying flags, (.*)\. See 'etcd --help'\./.exec(want.stderr);
      assert.ok(m, `etcd ${args.join(' ')}: ${want.stderr}`);
      assert.notEqual(got.code, 0);
      assert.equal(
        got.stderr.split('\n')[0],
        `error verifying flags, ${m[1]}. See 'tsetcd --help'.`,
        args.join(' '),
      );
    }
  });

  test('flag verification errors exit 1 like etcd (not 2 as for parse errors)', async () => {
    const [want, got] = await Promise.all([
      runFlags('etcd', ['--election-timeout', '50']),
      runFlags('tsetcd', ['--election-timeout', '50']),
    ]);
    assert.equal(got.code, want.code);
  });
});
