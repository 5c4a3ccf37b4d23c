// Client TLS with client-certificate auth: a CA made here with the openssl CLI, a server certificate for
// 127.0.0.1/localhost, a client certificate; tsetcd on an https client URL with --cert-file --key-file
// --trusted-ca-file --client-cert-auth. etcdctl and curl get in with the client certificate, and nothing
// gets in without one (or with one from another CA, or without trusting the CA).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import {
  etcdctl,
  removeDir,
  singleMemberFlags,
  startTsetcd,
  tempDir,
  type TsetcdProcess,
} from './tsetcd-process.ts';
import { HAVE_OPENSSL, OpensslCa } from '../helpers/openssl-ca.ts';

const CURL = '/usr/bin/curl';
const skip = HAVE_OPENSSL ? false : 'openssl CLI not installed';

let dir = '';
let ts: TsetcdProcess | undefined;
const f = (name: string): string => join(dir, name);

const ca = (name: string): void => new OpensslCa(dir).ca(name);
/** A key and a certificate for `name` signed by the CA `by`, with the given X.509 v3 extensions. */
const signed = (name: string, by: string, ext: string): void => new OpensslCa(dir).signed(name, by, ext);

/** GET over https with the given client credentials; resolves with status and body or rejects. */
function httpsGet(
  url: string,
  creds: { ca?: string; cert?: string; key?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        ...(creds.ca ? { ca: readFileSync(creds.ca) } : {}),
        ...(creds.cert ? { cert: readFileSync(creds.cert) } : {}),
        ...(creds.key ? { key: readFileSync(creds.key) } : {}),
        timeout: 5000,
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function curl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CURL, ['-sS', '--max-time', '5', ...args], (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

const serverExt = [
  'basicConstraints=CA:FALSE',
  'keyUsage=digitalSignature,keyEncipherment',
  'extendedKeyUsage=serverAuth,clientAuth',
  'subjectAltName=IP:127.0.0.1,DNS:localhost',
  '',
].join('\n');
const clientExt = [
  'basicConstraints=CA:FALSE',
  'keyUsage=digitalSignature,keyEncipherment',
  'extendedKeyUsage=clientAuth',
  '',
].join('\n');

before(async () => {
  if (skip) return;
  dir = tempDir('tsetcd-tls-');
  ca('ca');
  signed('server', 'ca', serverExt);
  signed('client', 'ca', clientExt);
  ca('other-ca');
  signed('stranger', 'other-ca', clientExt);
  const flags = {
    ...(await singleMemberFlags(dir, 'tls', 'https')),
    'cert-file': f('server.crt'),
    'key-file': f('server.key'),
    'trusted-ca-file': f('ca.crt'),
    'client-cert-auth': 'true',
  };
  ts = await startTsetcd(flags, {
    probe: async (p) => {
      const r = await httpsGet(`${p.clientUrl}/health`, {
        ca: f('ca.crt'),
        cert: f('client.crt'),
        key: f('client.key'),
      });
      return r.status === 200 && JSON.parse(r.body).health === 'true';
    },
  });
});

after(async () => {
  await ts?.kill();
  if (dir) removeDir(dir);
});

describe('client TLS with --client-cert-auth', { skip }, () => {
  const ep = (): string => `--endpoints=${ts!.clientUrl}`;
  const quick = ['--dial-timeout=2s', '--command-timeout=3s'];

  test('etcdctl with --cacert --cert --key: put, get, endpoint health', async () => {
    const creds = [`--cacert=${f('ca.crt')}`, `--cert=${f('client.crt')}`, `--key=${f('client.key')}`];
    assert.deepEqual(await etcdctl([ep(), ...creds, 'put', 'secure', 'yes']), {
      code: 0,
      stdout: 'OK\n',
      stderr: '',
    });
    assert.deepEqual(await etcdctl([ep(), ...creds, 'get', 'secure']), {
      code: 0,
      stdout: 'secure\nyes\n',
      stderr: '',
    });
    const health = await etcdctl([ep(), ...creds, 'endpoint', 'health']);
    assert.equal(health.code, 0, health.stderr);
    assert.match(health.stderr, /is healthy: successfully committed proposal/);
  });

  test('etcdctl without a client certificate, with a foreign one, or not trusting the CA: refused', async () => {
    const noCert = await etcdctl([ep(), ...quick, `--cacert=${f('ca.crt')}`, 'get', 'secure']);
    assert.notEqual(noCert.code, 0);
    assert.equal(noCert.stdout, '');
    assert.match(noCert.stderr, /Error: context deadline exceeded|bad certificate|certificate required/);

    const stranger = await etcdctl([
      ep(),
      ...quick,
      `--cacert=${f('ca.crt')}`,
      `--cert=${f('stranger.crt')}`,
      `--key=${f('stranger.key')}`,
      'get',
      'secure',
    ]);
    assert.notEqual(stranger.code, 0);
    assert.equal(stranger.stdout, '');

    const untrusted = await etcdctl([
      ep(),
      ...quick,
      `--cert=${f('client.crt')}`,
      `--key=${f('client.key')}`,
      'get',
      'secure',
    ]);
    assert.notEqual(untrusted.code, 0);
    assert.equal(untrusted.stdout, '');
  });

  test('plaintext gRPC to the TLS port is refused', async () => {
    const plain = await etcdctl([`--endpoints=${ts!.clientAddr}`, ...quick, 'get', 'secure']);
    assert.notEqual(plain.code, 0);
    assert.equal(plain.stdout, '');
  });

  test('curl /health and the JSON gateway with the client certificate; without it the handshake fails', async () => {
    const creds = ['--cacert', f('ca.crt'), '--cert', f('client.crt'), '--key', f('client.key')];
    const ok = await curl([...creds, `${ts!.clientUrl}/health`]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).health, 'true');
    const range = await curl([
      ...creds,
      '-X',
      'POST',
      '-d',
      JSON.stringify({ key: Buffer.from('secure').toString('base64') }),
      `${ts!.clientUrl}/v3/kv/range`,
    ]);
    assert.equal(range.code, 0, range.stderr);
    assert.equal(JSON.parse(range.stdout).kvs[0].value, Buffer.from('yes').toString('base64'));
    const noCert = await curl(['--cacert', f('ca.crt'), `${ts!.clientUrl}/health`]);
    assert.notEqual(noCert.code, 0);
    assert.equal(noCert.stdout, '');
    await assert.rejects(httpsGet(`${ts!.clientUrl}/health`, { ca: f('ca.crt') }));
    await assert.rejects(
      httpsGet(`${ts!.clientUrl}/health`, {
        ca: f('ca.crt'),
        cert: f('stranger.crt'),
        key: f('stranger.key'),
      }),
    );
    // The server still serves the good client afterwards.
    const again = await httpsGet(`${ts!.clientUrl}/health`, {
      ca: f('ca.crt'),
      cert: f('client.crt'),
      key: f('client.key'),
    });
    assert.equal(again.status, 200);
  });
});
