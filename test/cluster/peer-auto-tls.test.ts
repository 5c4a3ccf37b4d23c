// --peer-auto-tls: members encrypt peer traffic with self-signed certificates they generate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtcdServer } from '../../src/server/etcd-server.ts';
import { freePorts, startInProcess, until } from './helpers.ts';

test('three members form a cluster over https peer URLs with --peer-auto-tls', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-peertls-'));
  const ports = await freePorts(3);
  const cluster = ports.map((p, i) => `t${i}=https://127.0.0.1:${p}`).join(',');
  const members: EtcdServer[] = [];
  try {
    members.push(
      ...(await Promise.all(
        ports.map((p, i) =>
          startInProcess([
            '--name',
            `t${i}`,
            '--data-dir',
            join(root, `t${i}.etcd`),
            '--listen-peer-urls',
            `https://127.0.0.1:${p}`,
            '--initial-advertise-peer-urls',
            `https://127.0.0.1:${p}`,
            '--initial-cluster',
            cluster,
            '--peer-auto-tls',
            '--heartbeat-interval',
            '20',
            '--election-timeout',
            '200',
          ]),
        ),
      )),
    );
    await until(() => members.some((m) => m.isLeader), 15_000, 'a leader over TLS');
    assert.ok(existsSync(join(root, 't0.etcd', 'fixtures', 'peer', 'cert.pem')));
    await members[0]!.put({ key: Buffer.from('tls'), value: Buffer.from('peer') });
    const r = await members[2]!.range({ key: Buffer.from('tls') });
    assert.equal(Buffer.from(r.kvs![0]!.value!).toString(), 'peer');
  } finally {
    await Promise.all(members.map((m) => m.stop()));
    rmSync(root, { recursive: true, force: true });
  }
});
