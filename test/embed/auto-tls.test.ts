// --auto-tls: the member serves https with a self-signed certificate it makes and keeps in
// <data-dir>/fixtures/client; real etcdctl (with --insecure-skip-tls-verify) and https clients work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMember } from '../../src/embed/member.ts';
import { freePorts } from '../cluster/helpers.ts';

const haveEtcdctl = existsSync('/usr/bin/etcdctl');
// The member runs in this process: etcdctl must run asynchronously or it would wait on a blocked loop.
const run = promisify(execFile);

test('--auto-tls serves clients over TLS with a generated certificate that survives restarts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-autotls-'));
  const [port] = await freePorts(1);
  const url = `https://127.0.0.1:${port}`;
  const args = [
    '--data-dir',
    join(dir, 'd.etcd'),
    '--listen-client-urls',
    url,
    '--advertise-client-urls',
    url,
    '--listen-peer-urls',
    'http://127.0.0.1:0',
    '--auto-tls',
  ];
  let m = await startMember({ args, logger: false });
  try {
    const certFile = join(dir, 'd.etcd', 'fixtures', 'client', 'cert.pem');
    assert.ok(existsSync(certFile), 'certificate written to fixtures/client');
    const body = await new Promise<string>((resolve, reject) => {
      const req = request(`${url}/version`, { rejectUnauthorized: false }, (res) => {
        let s = '';
        res.on('data', (c) => (s += c));
        res.on('end', () => resolve(s));
      });
      req.on('error', reject);
      req.end();
    });
    assert.match(body, /"etcdserver":"3\.4\.23"/);
    if (haveEtcdctl) {
      const env = { ...process.env, ETCDCTL_API: '3' };
      const base = ['--endpoints', url, '--insecure-skip-tls-verify', '--insecure-transport=false'];
      await run('/usr/bin/etcdctl', [...base, 'put', 'tls', 'yes'], { env });
      const got = await run('/usr/bin/etcdctl', [...base, 'get', 'tls', '--print-value-only'], { env });
      assert.equal(got.stdout.trim(), 'yes');
    }
    // A restart keeps the same certificate.
    const before = readFileSync(certFile);
    await m.close();
    m = await startMember({ args, logger: false });
    assert.deepEqual(readFileSync(certFile), before);
  } finally {
    await m.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
