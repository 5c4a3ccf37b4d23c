// A front held until its member has published (etcd's ReadyNotify) must also hold, then serve, TLS clients on
// every path: ALPN h2 (etcdctl, grpc-go), ALPN http/1.1 (curl and other HTTPS clients) and no ALPN (first bytes
// decide). A connection that gives up while held must not disturb the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfSignedCert } from '../../src/server/auto-tls.ts';
import { etcdctl, haveEtcdctl, startToy } from '../http/helpers.ts';

test('a TLS front holds h2, http/1.1 and no-ALPN clients until ready, then serves them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-held-tls-'));
  const pair = await selfSignedCert(dir, ['127.0.0.1']);
  let setReady!: () => void;
  const ready = new Promise<void>((r) => (setReady = r));
  const t = await startToy({
    listen: [new URL('https://127.0.0.1:0')],
    tls: { cert: pair.cert, key: pair.key, clientCertAuth: false },
    ready,
  });
  const port = Number(new URL(t.url).port);
  try {
    const answered: string[] = [];
    const ctl = haveEtcdctl
      ? etcdctl(
          [
            `--endpoints=${t.url}`,
            '--insecure-transport=false',
            '--insecure-skip-tls-verify',
            '--dial-timeout=20s',
            '--command-timeout=30s',
            'put',
            'held',
            'yes',
          ],
          { timeoutMs: 40_000 },
        ).then((r) => {
          answered.push('etcdctl');
          return r;
        })
      : undefined;
    const h1 = new Promise<number>((resolve, reject) => {
      const req = https.request(
        `${t.url}/version`,
        { rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] } as https.RequestOptions,
        (res) => {
          res.resume();
          answered.push('http/1.1');
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    const noAlpn = new Promise<string>((resolve, reject) => {
      const s = tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () =>
        s.write('GET /version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      let got = '';
      s.on('data', (d: Buffer) => (got += d.toString()));
      s.on('end', () => {
        answered.push('no-alpn');
        resolve(got.split('\r\n')[0] ?? '');
      });
      s.on('error', reject);
    });
    const quitter = net.connect(port, '127.0.0.1');
    quitter.on('error', () => {});
    quitter.on('connect', () => quitter.destroy());
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(answered, [], 'answered before the member was ready');
    setReady();
    assert.equal(await h1, 200);
    assert.equal(await noAlpn, 'HTTP/1.1 200 OK');
    if (ctl) {
      const r = await ctl;
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'OK\n');
    }
  } finally {
    await t.front.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
