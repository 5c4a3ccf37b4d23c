// Recovery procedures from etcd's operations guide on clusters of real tsetcd processes, with real etcdctl:
// - replacing a member whose data is lost: `member remove`, `member add`, start a fresh member with
//   --initial-cluster-state existing; it catches up by snapshot (the log is compacted) and every member's
//   HashKV agrees;
// - disaster recovery from a backup: `etcdctl snapshot save` from a member, `tsetcdctl snapshot restore` into
//   three new data dirs, the restored cluster starts and serves the data; and what a data dir restored by
//   etcd's own `etcdctl snapshot restore` does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, type Run } from '../server/tsetcd-process.ts';
import { HAVE_ETCD, ProcCluster, ProcMember, hex, waitFor } from './process-helpers.ts';

const TSETCDCTL = join(REPO_ROOT, 'bin/tsetcdctl.mjs');

function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, [...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

describe('recovery procedures on tsetcd processes', { skip: !HAVE_ETCD && 'etcdctl not installed' }, () => {
  let root = '';
  let c: ProcCluster | undefined;
  let restored: ProcCluster | undefined;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'tsetcd-proc-recovery-'));
    // A small --snapshot-count and few catch-up entries: the leader's log is soon compacted past a new member.
    c = await ProcCluster.start({
      impl: 'tsetcd',
      dir: join(root, 'a'),
      size: 3,
      extraFlags: { 'snapshot-count': '20', 'experimental-snapshot-catchup-entries': '5' },
    });
  });
  after(async () => {
    await c?.stop();
    await restored?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('replace a member whose data is lost: remove, add, start fresh with state existing', async () => {
    const cl = c!;
    for (let i = 0; i < 60; i++) await cl.ctlOk(['put', `key-${i}`, `before-${i}`]);
    // m3's disk is gone.
    const m3 = cl.byName('m3');
    await m3.kill();
    m3.wipe();
    const id3 = (await cl.memberIds()).get('m3')!;
    await cl.removeMember('m3');
    assert.ok(!(await cl.memberIds()).has('m3'), 'm3 is out of the member list');
    cl.members.splice(cl.members.indexOf(m3), 1);
    for (let i = 60; i < 120; i++) await cl.ctlOk(['put', `key-${i}`, `during-${i}`]);

    const { member: fresh, env } = await cl.addMember('m3r');
    assert.equal(env.ETCD_INITIAL_CLUSTER_STATE, 'existing');
    await cl.waitHealthy(90_000, [fresh]);
    for (let i = 120; i < 130; i++) await cl.ctlOk(['put', `key-${i}`, `after-${i}`], [fresh]);
    const rev = await cl.revision();
    const hashes = await cl.hashKVs(rev);
    assert.equal(hashes.length, 3);
    assert.equal(new Set(hashes.map((h) => h.hash)).size, 1, `HashKV: ${JSON.stringify(hashes)}`);
    assert.match(fresh.log(), /received a snapshot backend file/, 'the new member caught up by snapshot');
    const got = await cl.ctlOk(['get', 'key-5', '--consistency=s'], [fresh]);
    assert.equal(got, 'key-5\nbefore-5\n');
    const list = await cl.ctlOk(['member', 'list']);
    assert.equal(list.trim().split('\n').length, 3);
    assert.doesNotMatch(list, new RegExp(hex(id3)));
  });

  test('restore from backup: etcdctl snapshot save, tsetcdctl snapshot restore into three data dirs', async () => {
    const cl = c!;
    const file = join(root, 'backup.db');
    const saved = await cl.ctl(['snapshot', 'save', file], [cl.up()[0]!]);
    assert.equal(saved.code, 0, saved.stderr);
    assert.match(saved.stdout, /Snapshot saved at/);
    const rev = await cl.revision();
    await cl.stop();

    // Three new members restored from the file, then started as a new cluster.
    restored = await ProcCluster.start({
      impl: 'tsetcd',
      dir: join(root, 'b'),
      size: 3,
      prepare: async (specs, token) => {
        const initial = specs.map((s) => `${s.name}=${s.peerUrl}`).join(',');
        for (const s of specs) {
          const r = await run(process.execPath, [
            TSETCDCTL,
            'snapshot',
            'restore',
            file,
            `--name=${s.name}`,
            `--data-dir=${s.dataDir}`,
            `--initial-cluster=${initial}`,
            `--initial-cluster-token=${token}`,
            `--initial-advertise-peer-urls=${s.peerUrl}`,
          ]);
          assert.equal(r.code, 0, `tsetcdctl snapshot restore: ${r.stderr}`);
        }
      },
    });
    const r = restored;
    const got = await r.ctlOk(['get', 'key-', '--prefix', '--keys-only']);
    assert.equal(got.split('\n').filter((l) => l.startsWith('key-')).length, 130);
    assert.equal(await r.ctlOk(['get', 'key-125']), 'key-125\nafter-125\n');
    await r.ctlOk(['put', 'after-restore', 'yes']);
    const now = await r.revision();
    assert.ok(now > rev, `the restored cluster goes on from revision ${rev} (now ${now})`);
    const hashes = await r.hashKVs(now);
    assert.equal(new Set(hashes.map((h) => h.hash)).size, 1, `HashKV: ${JSON.stringify(hashes)}`);
    const ids = await r.memberIds();
    assert.deepEqual([...ids.keys()].sort(), ['m1', 'm2', 'm3']);

    // etcd's own `etcdctl snapshot restore` cannot read a tsetcd snapshot: the file is tsetcd's LMDB
    // backend, not a bbolt database.
    const foreign = await run(
      '/usr/bin/etcdctl',
      ['snapshot', 'restore', file, `--data-dir=${join(root, 'etcd-restore-of-tsetcd')}`],
      { ETCDCTL_API: '3' },
    );
    assert.notEqual(foreign.code, 0);
    assert.match(foreign.stderr, /cannot open database .* \(invalid database\)/);
  });

  test("tsetcd started on a data dir that etcd's etcdctl restored from an etcd snapshot", async () => {
    // A real etcd makes the snapshot; etcd's etcdctl restores it in etcd's layout (bbolt db, etcd WAL).
    const e = await ProcCluster.start({ impl: 'etcd', dir: join(root, 'etcd-src'), size: 1 });
    const file = join(root, 'etcd-backup.db');
    try {
      for (let i = 0; i < 10; i++) await e.ctlOk(['put', `ek-${i}`, `ev-${i}`]);
      await e.ctlOk(['snapshot', 'save', file]);
    } finally {
      await e.stop();
    }
    const etcdDir = join(root, 'etcd-restored');
    const one = await e.newSpec('solo');
    const er = await run(
      '/usr/bin/etcdctl',
      [
        'snapshot',
        'restore',
        file,
        '--name=solo',
        `--data-dir=${etcdDir}`,
        `--initial-cluster=solo=${one.peerUrl}`,
        `--initial-advertise-peer-urls=${one.peerUrl}`,
      ],
      { ETCDCTL_API: '3' },
    );
    assert.equal(er.code, 0, er.stderr);
    assert.ok(existsSync(join(etcdDir, 'member/snap/db')));
    const solo = new ProcMember(
      'tsetcd',
      { ...one, dataDir: etcdDir },
      { 'initial-cluster': `solo=${one.peerUrl}` },
      join(root, 'solo.log'),
    );
    solo.start();
    try {
      // Documented (test/cluster/README.md): tsetcd refuses etcd's data dir layout at start. It must exit with
      // a non-zero status and say which file it could not read, not serve anything from it.
      let served = '';
      await waitFor(
        async () => {
          if (!solo.isUp()) return true;
          const g = await e.ctl(['--command-timeout=2s', '--consistency=s', 'get', 'ek-7'], [solo]);
          if (g.code === 0) served = g.stdout;
          return g.code === 0;
        },
        60_000,
        'tsetcd on a data dir restored by etcdctl to exit',
      );
      const status = solo.exitStatus();
      const why = solo
        .log()
        .split('\n')
        .filter((l) => l.includes('"level":"error"'))
        .join('\n');
      console.log(`tsetcd on a data dir restored by etcd's etcdctl: exit ${status}\n${why}`);
      assert.equal(served, '', "tsetcd served keys from etcd's data dir");
      assert.ok(typeof status === 'number' && status !== 0, `exit status ${status}`);
      assert.match(
        why,
        /"err":"wal: corrupt record in [^"]*\/etcd-restored\/member\/wal\/0{16}-0{16}\.wal at offset 0: [^"]+","msg":"failed to start"/,
      );
    } finally {
      await solo.kill();
    }
  });
});
