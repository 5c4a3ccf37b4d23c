// Peer TLS with a CA made on the spot by the openssl CLI (--peer-cert-file, --peer-key-file,
// --peer-trusted-ca-file, --peer-client-cert-auth).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { get as httpsGet } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PeerTlsOptions } from '../../src/transport/index.ts';
import type { Node } from './helpers.ts';
import { app, mesh, startNode, waitFor } from './helpers.ts';

const CLUSTER = 0x7157n;
let dir = '';
let ca: Buffer;
let cert: Buffer;
let key: Buffer;
const open: Node[] = [];

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsetcd-peer-tls-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-subj',
    '/CN=tsetcd test CA',
    '-days',
    '2',
  );
  openssl('req', ...ec, '-keyout', 'member.key', '-out', 'member.csr', '-subj', '/CN=member');
  writeFileSync(
    join(dir, 'ext.cnf'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\n',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'member.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'member.crt',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  );
  ca = readFileSync(join(dir, 'ca.crt'));
  cert = readFileSync(join(dir, 'member.crt'));
  key = readFileSync(join(dir, 'member.key'));
});

after(async () => {
  await Promise.all(open.map((n) => n.transport.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function node(id: bigint, tls: PeerTlsOptions): Promise<Node> {
  const n = await startNode(id, CLUSTER, { scheme: 'https', tls });
  open.push(n);
  return n;
}

test('members with certificates from the trusted CA talk over https with client-cert auth', async () => {
  const tls = { ca, cert, key, clientCertAuth: true };
  const a = await node(0xa1n, tls);
  const b = await node(0xb1n, tls);
  assert.match(a.url, /^https:/);
  mesh([a, b]);
  a.transport.send([app(a.id, b.id, 1), app(a.id, b.id, 2)]);
  b.transport.send([app(b.id, a.id, 3)]);
  await waitFor('messages both ways', () => b.rec.messages.length === 2 && a.rec.messages.length === 1);
  assert.deepEqual(
    b.rec.messages.map((m) => m.index),
    [1, 2],
  );
  assert.equal(a.rec.messages[0]!.index, 3);

  // HTTP/1.1 clients (curl, a joining member's fetch of /members) are served on the same TLS port.
  const body = await new Promise<string>((resolve, reject) => {
    const req = httpsGet(`${a.url}/version`, { ca, cert, key }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
  });
  assert.deepEqual(JSON.parse(body), { etcdserver: '3.4.23', etcdcluster: '3.4.0' });
});

test('with client-cert auth on, a peer without a certificate is refused', async () => {
  const b = await node(0xb2n, { ca, cert, key, clientCertAuth: true });
  // A member that trusts the CA but presents no certificate of its own.
  const a = await node(0xa2n, { ca, cert, key });
  const noCert = await startNode(0xc2n, CLUSTER, { tls: { ca } });
  open.push(noCert);
  b.transport.addPeer(noCert.id, [noCert.url]);
  noCert.transport.addPeer(b.id, [b.url]);
  noCert.transport.send([app(noCert.id, b.id, 1)]);
  await waitFor('handshake refusal logged', () => b.rec.hasLog('warn', 'TLS handshake failed'));
  await waitFor('sender reports it unreachable', () => noCert.rec.unreachable.includes(b.id));
  assert.equal(noCert.transport.activeSince(b.id), undefined);
  assert.equal(b.rec.messages.length, 0);

  // A bare HTTP/2 client without a certificate fails the same way, even for /version.
  const err = await new Promise<Error | undefined>((resolve) => {
    const s = connect(b.url, { ca });
    const req = s.request({ ':path': '/version' });
    req.on('response', () => resolve(undefined));
    req.on('error', (e) => resolve(e));
    s.on('error', (e) => resolve(e));
  });
  assert.ok(err instanceof Error, 'the request must fail');

  // The same member with its certificate gets through.
  b.transport.addPeer(a.id, [a.url]);
  a.transport.addPeer(b.id, [b.url]);
  a.transport.send([app(a.id, b.id, 2)]);
  await waitFor('certified sender accepted', () => b.rec.messages.length === 1);
});

test('a peer whose certificate is not signed by a trusted CA is not talked to', async () => {
  const b = await node(0xb3n, { ca, cert, key });
  // No CA configured: the system roots do not know our test CA.
  const a = await node(0xa3n, { cert, key });
  mesh([a, b]);
  a.transport.send([app(a.id, b.id, 1)]);
  await waitFor('unreachable', () => a.rec.unreachable.includes(b.id));
  assert.equal(b.rec.messages.length, 0);
  assert.equal(a.transport.activeSince(b.id), undefined);
});
