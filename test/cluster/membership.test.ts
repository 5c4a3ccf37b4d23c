// Membership changes on a running 3-member cluster, as the operations guide does them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtcdServer } from '../../src/server/etcd-server.ts';
import { EtcdError } from '../../src/api/errors.ts';
import { longToU64, u64ToLong } from '../../src/api/long.ts';
import { freePorts, memberArgs, startInProcess, until, type ClusterSpec } from './helpers.ts';

const b = (s: string) => Buffer.from(s);
const str = (u: Uint8Array | null | undefined) => Buffer.from(u ?? []).toString();

test('add a learner, let it catch up, promote it, remove a voter; errors for bad changes', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-members-'));
  const ports = await freePorts(4);
  const spec: ClusterSpec = {
    names: ['m1', 'm2', 'm3'],
    peerPorts: ports.slice(0, 3),
    dirs: ['m1', 'm2', 'm3'].map((n) => join(root, `${n}.etcd`)),
  };
  const members: EtcdServer[] = await Promise.all(
    spec.names.map((_, i) => startInProcess(memberArgs(spec, i))),
  );
  let learner: EtcdServer | undefined;
  try {
    await until(() => members.some((m) => m.isLeader), 10_000, 'a leader');
    const leader = () => [...members, ...(learner ? [learner] : [])].find((m) => m.isLeader && !m.isStopped)!;
    for (let i = 0; i < 30; i++) await leader().put({ key: b(`k${i}`), value: b(`v${i}`) });

    // Errors first: a taken peer URL, removing an unknown member, promoting a voter.
    await assert.rejects(
      leader().memberAdd({ peerURLs: [`http://127.0.0.1:${ports[0]}`] }),
      (e: unknown) => e instanceof EtcdError && e.message === 'etcdserver: Peer URLs already exists',
    );
    await assert.rejects(leader().memberRemove({ ID: 12345 }), /etcdserver: member not found/);
    await assert.rejects(
      leader().memberPromote({ ID: u64ToLong(leader().membership.list()[0]!.id) }),
      (e: unknown) => e instanceof EtcdError && e.message === 'etcdserver: can only promote a learner member',
    );

    // Add m4 as a learner, then start it joining the existing cluster.
    const url4 = `http://127.0.0.1:${ports[3]}`;
    // --strict-reconfig-check: etcd refuses changes until the peers have been connected for 5 s.
    let added: Awaited<ReturnType<EtcdServer['memberAdd']>> | undefined;
    const addBy = Date.now() + 20_000;
    while (!added) {
      try {
        added = await leader().memberAdd({ peerURLs: [url4], isLearner: true });
      } catch (e) {
        if (!(e instanceof EtcdError && e.message === 'etcdserver: unhealthy cluster') || Date.now() > addBy)
          throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const id4 = longToU64(added.member!.ID);
    assert.equal(added.members!.length, 4);
    assert.equal(added.member!.isLearner, true);
    await assert.rejects(
      leader().memberAdd({ peerURLs: ['http://127.0.0.1:1'], isLearner: true }),
      /too many learner/,
    );
    const cluster4 = [...spec.names.map((n, j) => `${n}=http://127.0.0.1:${ports[j]}`), `m4=${url4}`].join(
      ',',
    );
    learner = await startInProcess([
      '--name',
      'm4',
      '--data-dir',
      join(root, 'm4.etcd'),
      '--listen-peer-urls',
      url4,
      '--initial-advertise-peer-urls',
      url4,
      '--initial-cluster',
      cluster4,
      '--initial-cluster-state',
      'existing',
      '--initial-cluster-token',
      'test-cluster',
      '--heartbeat-interval',
      '20',
      '--election-timeout',
      '200',
    ]);
    assert.equal(learner.id, id4, 'the joining member learned the ID the cluster gave it');
    await until(() => learner!.appliedIndex >= leader().appliedIndex, 10_000, 'the learner to catch up');
    const onLearner = await learner.range({ key: b('k29'), serializable: true });
    assert.equal(str(onLearner.kvs![0]!.value), 'v29');

    // Promote it to a voter.
    // The leader judges readiness from its own view of the learner's log (it may lag the learner by a heartbeat).
    await until(
      () => (leader().driver.node.status().progress?.get(id4)?.match ?? 0) >= leader().commitIndex,
      5000,
      "the leader to see the learner's log",
    );
    await leader().memberPromote({ ID: added.member!.ID });
    await until(() => leader().membership.get(id4)?.isLearner === false, 5000, 'promotion applied');
    await until(() => learner!.membership.get(id4)?.isLearner === false, 5000, 'promotion seen by m4');

    // Remove m1 (possibly the leader); the remaining three keep working.
    const m1 = members[0]!;
    await leader().memberRemove({ ID: u64ToLong(m1.id) });
    await until(() => m1.isStopped, 10_000, 'the removed member to stop');
    await until(
      () => [members[1]!, members[2]!, learner!].some((m) => m.isLeader),
      10_000,
      'a leader among the rest',
    );
    await leader().put({ key: b('after-remove'), value: b('ok') });
    const r = await learner.range({ key: b('after-remove') });
    assert.equal(str(r.kvs![0]!.value), 'ok');
    assert.equal(leader().memberList().members!.length, 3);
  } finally {
    await Promise.all([...members, ...(learner ? [learner] : [])].map((m) => m.stop()));
    rmSync(root, { recursive: true, force: true });
  }
});
