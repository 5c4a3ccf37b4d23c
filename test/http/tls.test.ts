// TLS on the shared port: a CA made here with the openssl CLI, a server certificate for 127.0.0.1/localhost,
// client certificates required. etcdctl (gRPC over h2) and HTTPS clients (gateway over HTTP/1.1) both work; a
// client without a certificate is refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { etcdserverpb as pb } from '../../src/api/gen/etcd.js';
import { etcdctl, haveEtcdctl, startToy, type ToyFront } from './helpers.ts';

const haveOpenssl = existsSync('/usr/bin/openssl');
let dir: string;
let t: ToyFront;
const file = (name: string): string => join(dir, name);
const read = (name: string): Buffer => readFileSync(file(name));

function openssl(args: string[]): void {
  execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A key and a certificate signed by the test CA, with the given extensions. */
function issue(name: string, cn: string, ext: string): void {
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(['req', ...key, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
  writeFileSync(file(`${name}.ext`), ext);
  openssl([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-extfile',
    `${name}.ext`,
  ]);
}

before(async () => {
  if (!haveOpenssl) return;
  dir = mkdtempSync(join(tmpdir(), 'tsetcd-http-tls-'));
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=tsetcd test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  issue('server', 'server', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  issue('client', 'client', 'extendedKeyUsage=clientAuth\n');
  t = await startToy({
    listen: [new URL('https://127.0.0.1:0')],
    tls: { cert: read('server.crt'), key: read('server.key'), ca: read('ca.crt'), clientCertAuth: true },
  });
});
after(async () => {
  await t?.front.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tlsFlags = (): string[] => [`--endpoints=${t.url}`, `--cacert=${file('ca.crt')}`];
const clientFlags = (): string[] => [`--cert=${file('client.crt')}`, `--key=${file('client.key')}`];

test(
  'etcdctl with a client certificate: put and get over TLS',
  { skip: !haveOpenssl || !haveEtcdctl },
  async () => {
    assert.equal(t.url.startsWith('https://127.0.0.1:'), true);
    const put = await etcdctl([...tlsFlags(), ...clientFlags(), 'put', 'secure', 'yes']);
    assert.deepEqual(put, { code: 0, stdout: 'OK\n', stderr: '' });
    assert.equal((await etcdctl([...tlsFlags(), ...clientFlags(), 'get', 'secure'])).stdout, 'secure\nyes\n');
  },
);

test('etcdctl without a client certificate is refused', { skip: !haveOpenssl || !haveEtcdctl }, async () => {
  const r = await etcdctl([...tlsFlags(), '--dial-timeout=2s', '--command-timeout=3s', 'get', 'secure']);
  assert.notEqual(r.code, 0);
  assert.equal(r.stdout, '');
});

function httpsPost(
  path: string,
  body: string,
  withCert: boolean,
  alpn?: string[],
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(new URL(t.url).port),
        path,
        method: path === '/health' ? 'GET' : 'POST',
        ca: read('ca.crt'),
        ...(withCert ? { cert: read('client.crt'), key: read('client.key') } : {}),
        ...(alpn ? { ALPNProtocols: alpn } : {}),
        agent: false,
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

test('HTTPS gateway and /health, with and without ALPN', { skip: !haveOpenssl }, async () => {
  const put = await httpsPost('/v3/kv/put', '{"key":"Z3c=","value":"MQ=="}', true);
  assert.equal(put.status, 200);
  // No ALPN offered (node's default): routed by the first bytes.
  const range = await httpsPost('/v3/kv/range', '{"key":"Z3c="}', true);
  assert.equal(range.status, 200);
  assert.match(range.text, /"kvs":\[\{"key":"Z3c=",.*"value":"MQ=="\}\]/);
  // ALPN offering h2 and http/1.1 (as curl and browsers do): HTTP/1.1 is chosen.
  const health = await httpsPost('/health', '', true, ['h2', 'http/1.1']);
  assert.deepEqual(health, { status: 200, text: '{"health":"true"}' });
  await assert.rejects(httpsPost('/health', '', false));
});

test('grpc-js client over TLS with a client certificate', { skip: !haveOpenssl }, async () => {
  const creds = grpc.credentials.createSsl(read('ca.crt'), read('client.key'), read('client.crt'));
  const c = new grpc.Client(`127.0.0.1:${new URL(t.url).port}`, creds);
  try {
    const res = await new Promise<pb.RangeResponse>((resolve, reject) =>
      c.makeUnaryRequest(
        '/etcdserverpb.KV/Range',
        (m: pb.IRangeRequest) => Buffer.from(pb.RangeRequest.encode(m).finish()),
        (b: Buffer) => pb.RangeResponse.decode(b),
        { key: Buffer.from('gw') },
        (err, r) => (err ? reject(err) : resolve(r!)),
      ),
    );
    assert.equal(Buffer.from(res.kvs[0]!.value ?? []).toString(), '1');
  } finally {
    c.close();
  }
});

test(
  'garbage and plain HTTP on the TLS port are dropped; the port keeps serving',
  { skip: !haveOpenssl },
  async () => {
    const { connect } = await import('node:net');
    for (const bytes of ['GET /health HTTP/1.1\r\nHost: x\r\n\r\n', '\x00\x01\x02 not a TLS record']) {
      const closed = await new Promise<boolean>((resolve) => {
        const s = connect(Number(new URL(t.url).port), '127.0.0.1');
        s.on('error', () => {});
        s.on('close', () => resolve(true));
        s.write(bytes);
        setTimeout(() => {
          s.destroy();
          resolve(false);
        }, 3000).unref();
      });
      assert.equal(closed, true, JSON.stringify(bytes));
    }
    const health = await httpsPost('/health', '', true);
    assert.equal(health.status, 200);
  },
);
