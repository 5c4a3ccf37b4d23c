// snapshot status and restore: status of an etcd (bbolt) snapshot compared with etcdctl 3.4's; status of a
// tsetcd (LMDB) snapshot against the server's own figures; restore's argument checks compared with
// etcdctl's; and the backup/restore round trip — data written to a tsetcd, saved, restored into a
// 3-member layout, the three members started: keys, values, revisions and versions intact, writes go on.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '../../src/client/index.ts';
import { freePort, startTsetcd, type TsetcdProcess } from '../server/tsetcd-process.ts';
import {
  etcdctl,
  haveEtcd,
  normalize,
  LeaseNames,
  startRealEtcd,
  startTsetcdServer,
  tsetcdctl,
  type Run,
  type ServerUnderTest,
} from './harness.ts';

const skip = !haveEtcd() && 'no /usr/bin/etcd';
const FORMATS = ['simple', 'json', 'fields', 'table', 'protobuf'];
const text = (r: Run): { code: number; stdout: string; stderr: string } => ({
  code: r.code,
  stdout: r.stdout.toString('latin1'),
  stderr: normalize(r.stderr, { replacements: [] }, new LeaseNames()),
});

async function seed(s: ServerUnderTest, fn: (c: Client) => Promise<void>): Promise<void> {
  const c = new Client({ endpoints: s.endpoints });
  try {
    await fn(c);
  } finally {
    c.close();
  }
}

async function ok(r: Promise<Run>): Promise<string> {
  const x = await r;
  assert.equal(x.code, 0, x.stderr);
  return x.stdout.toString('latin1');
}

describe('snapshot status and restore', { skip }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tsetcdctl-snapshot-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('status of an etcd snapshot: same as etcdctl in every format; argument and file errors', async () => {
    const s = await startRealEtcd('snap');
    try {
      const ep = ['--endpoints', s.endpoints[0]!];
      // seeded through the client library: the commands under test are status and restore
      await seed(s, async (c) => {
        for (let i = 0; i < 30; i++) await c.put(`key-${i % 7}`, 'x'.repeat(i * 50));
        await c.delete('key-3');
        await c.leaseGrant(100);
      });
      const f = join(dir, 'etcd.db');
      await ok(etcdctl([...ep, 'snapshot', 'save', f]));
      const lines = [
        ...FORMATS.map((w) => ['-w', w, 'snapshot', 'status', f]),
        ['snapshot', 'status'],
        ['snapshot', 'status', join(dir, 'missing.db')],
      ];
      await Promise.all(
        lines.map(async (l) => {
          const [a, b] = await Promise.all([etcdctl(l), tsetcdctl(l)]);
          assert.deepEqual(text(b), text(a), l.join(' '));
        }),
      );
    } finally {
      await s.stop();
    }
  });

  it('restore: argument, cluster and data-dir errors as etcdctl reports them', async () => {
    const exists = join(dir, 'exists');
    execFileSync('mkdir', ['-p', exists]);
    const f = join(dir, 'etcd.db');
    const lines = [
      ['snapshot', 'restore'],
      ['snapshot', 'restore', f, '--data-dir', exists],
      ['snapshot', 'restore', f, '--data-dir', join(dir, 'r1'), '--name', 'zz'],
      ['snapshot', 'restore', join(dir, 'missing.db'), '--data-dir', join(dir, 'r2')],
    ];
    await Promise.all(
      lines.map(async (l) => {
        const [a, b] = await Promise.all([etcdctl(l), tsetcdctl(l)]);
        assert.deepEqual(text(b), text(a), l.join(' '));
      }),
    );
  });

  it('backup and restore round trip: tsetcd → snapshot → 3 restored members, data and revisions intact', async () => {
    const src: ServerUnderTest = await startTsetcdServer('orig');
    const f = join(dir, 'tsetcd.db');
    let before: { all: string; rev: number; hash: string };
    try {
      const ep = ['--endpoints', src.endpoints[0]!];
      await seed(src, async (c) => {
        for (let i = 0; i < 20; i++) await c.put(`k/${i % 6}`, `value ${i}`);
        await c.delete('k/2');
      });
      const lease = /lease ([0-9a-f]+) granted/.exec(
        await ok(tsetcdctl([...ep, 'lease', 'grant', '3600'])),
      )![1]!;
      await ok(tsetcdctl([...ep, 'put', 'leased', 'v', '--lease', lease]));
      await ok(tsetcdctl([...ep, 'compaction', '5']));
      const all = await ok(tsetcdctl([...ep, '-w', 'json', 'get', '', '--prefix']));
      const rev = JSON.parse(all).header.revision as number;
      // status before and after a save without writes in between: same hash, the server's revision
      const s1 = await ok(tsetcdctl([...ep, 'snapshot', 'save', f]));
      assert.equal(s1, `Snapshot saved at ${f}\n`);
      const st = JSON.parse(await ok(tsetcdctl(['-w', 'json', 'snapshot', 'status', f])));
      assert.equal(st.revision, rev);
      assert.ok(st.totalKey >= 20 && st.totalSize > 0, JSON.stringify(st));
      const again = join(dir, 'again.db');
      await ok(tsetcdctl([...ep, 'snapshot', 'save', again]));
      assert.equal(
        JSON.parse(await ok(tsetcdctl(['-w', 'json', 'snapshot', 'status', again]))).hash,
        st.hash,
      );
      before = { all, rev, hash: lease };
    } finally {
      await src.stop();
    }

    const ports = await Promise.all([0, 1, 2, 3, 4, 5].map(() => freePort()));
    const peer = (i: number): string => `http://127.0.0.1:${ports[i]}`;
    const client = (i: number): string => `127.0.0.1:${ports[3 + i]}`;
    const cluster = [0, 1, 2].map((i) => `m${i}=${peer(i)}`).join(',');
    const flags = (i: number): Record<string, string> => ({
      name: `m${i}`,
      'data-dir': join(dir, `m${i}`),
      'listen-client-urls': `http://${client(i)}`,
      'advertise-client-urls': `http://${client(i)}`,
      'listen-peer-urls': peer(i),
      'initial-advertise-peer-urls': peer(i),
      'initial-cluster': cluster,
      'initial-cluster-token': 'restored',
    });
    for (const i of [0, 1, 2]) {
      const fl = flags(i);
      const args = ['snapshot', 'restore', f, '--name', fl['name']!, '--data-dir', fl['data-dir']!];
      args.push('--initial-cluster', cluster, '--initial-cluster-token', 'restored');
      args.push('--initial-advertise-peer-urls', peer(i));
      const r = await tsetcdctl(args);
      assert.deepEqual([r.code, r.stdout.toString(), r.stderr], [0, '', '']);
    }
    const members: TsetcdProcess[] = [];
    try {
      members.push(...(await Promise.all([0, 1, 2].map((i) => startTsetcd(flags(i))))));
      const eps = [0, 1, 2].map(client);
      // the same keys, values, create/mod revisions and versions on every member (linearizable reads)
      const strip = (j: string): unknown => {
        const o = JSON.parse(j);
        return { revision: o.header.revision, kvs: o.kvs, count: o.count };
      };
      for (const e of eps) {
        assert.deepEqual(
          strip(await ok(tsetcdctl(['--endpoints', e, '-w', 'json', 'get', '', '--prefix']))),
          strip(before.all),
        );
      }
      const ml = (await ok(tsetcdctl(['--endpoints', eps[0]!, 'member', 'list']))).trim().split('\n');
      assert.equal(ml.length, 3);
      for (const i of [0, 1, 2])
        assert.ok(
          ml.some((l) => l.includes(`, m${i}, ${peer(i)}`)),
          ml.join('\n'),
        );
      // history below the compaction stays compacted; the lease survived with its key
      const old = await tsetcdctl(['--endpoints', eps[1]!, 'get', 'k/1', '--rev', '3']);
      assert.deepEqual(
        [old.code, old.stderr],
        [1, 'Error: etcdserver: mvcc: required revision has been compacted\n'],
      );
      const ttl = await ok(tsetcdctl(['--endpoints', eps[2]!, 'lease', 'timetolive', before.hash, '--keys']));
      assert.match(ttl, /granted with TTL\(3600s\), remaining\(\d+s\), attached keys\(\[leased\]\)/);
      // the restored cluster takes writes: the revision goes on from the snapshot's
      const put = JSON.parse(
        await ok(tsetcdctl(['--endpoints', eps[1]!, '-w', 'json', 'put', 'after', 'restore'])),
      );
      assert.equal(put.header.revision, before.rev + 1);
      for (const e of eps) {
        const g = JSON.parse(await ok(tsetcdctl(['--endpoints', e, '-w', 'json', 'get', 'after'])));
        assert.equal(g.kvs[0].mod_revision, before.rev + 1);
      }
    } finally {
      await Promise.all(members.map((m) => m.stop()));
    }
  });
});

describe('snapshot restore of an etcd snapshot into tsetcd', { skip }, () => {
  it('keys, values, revisions, versions, leases and the compaction carry over; writes go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsetcdctl-migrate-'));
    try {
      const e = await startRealEtcd('migrate');
      const f = join(dir, 'etcd.db');
      let all: string;
      let lease: string;
      try {
        await seed(e, async (c) => {
          for (let i = 0; i < 12; i++) await c.put(`m/${i % 4}`, `value ${i}`);
          await c.delete('m/1');
          await c.compact(6);
        });
        const ep = ['--endpoints', e.endpoints[0]!];
        lease = /lease ([0-9a-f]+) granted/.exec(await ok(etcdctl([...ep, 'lease', 'grant', '3600'])))![1]!;
        await ok(etcdctl([...ep, 'put', 'm/leased', 'v', '--lease', lease]));
        all = await ok(etcdctl([...ep, '-w', 'json', 'get', '', '--prefix']));
        await ok(etcdctl([...ep, 'snapshot', 'save', f]));
      } finally {
        await e.stop();
      }
      const [peer, client] = await Promise.all([freePort(), freePort()]);
      const flags = {
        name: 'solo',
        'data-dir': join(dir, 'solo'),
        'listen-client-urls': `http://127.0.0.1:${client}`,
        'advertise-client-urls': `http://127.0.0.1:${client}`,
        'listen-peer-urls': `http://127.0.0.1:${peer}`,
        'initial-advertise-peer-urls': `http://127.0.0.1:${peer}`,
        'initial-cluster': `solo=http://127.0.0.1:${peer}`,
        'initial-cluster-token': 'migrated',
      };
      const r = await tsetcdctl([
        'snapshot',
        'restore',
        f,
        ...Object.entries(flags)
          .filter(([k]) =>
            [
              'name',
              'data-dir',
              'initial-cluster',
              'initial-cluster-token',
              'initial-advertise-peer-urls',
            ].includes(k),
          )
          .flatMap(([k, v]) => [`--${k}`, v]),
      ]);
      assert.deepEqual([r.code, r.stderr], [0, '']);
      const p = await startTsetcd(flags);
      try {
        const ep = ['--endpoints', `127.0.0.1:${client}`];
        const strip = (j: string): unknown => {
          const o = JSON.parse(j);
          return { revision: o.header.revision, kvs: o.kvs, count: o.count };
        };
        assert.deepEqual(
          strip(await ok(tsetcdctl([...ep, '-w', 'json', 'get', '', '--prefix']))),
          strip(all),
        );
        const ttl = await ok(tsetcdctl([...ep, 'lease', 'timetolive', lease, '--keys']));
        assert.match(ttl, /granted with TTL\(3600s\), remaining\(\d+s\), attached keys\(\[m\/leased\]\)/);
        const old = await tsetcdctl([...ep, 'get', 'm/0', '--rev', '4']);
        assert.deepEqual(
          [old.code, old.stderr],
          [1, 'Error: etcdserver: mvcc: required revision has been compacted\n'],
        );
        const put = JSON.parse(await ok(tsetcdctl([...ep, '-w', 'json', 'put', 'm/new', 'x'])));
        assert.equal(put.header.revision, JSON.parse(all).header.revision + 1);
      } finally {
        await p.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
