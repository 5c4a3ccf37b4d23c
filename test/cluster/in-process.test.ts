// Three members in one process over real peer transports on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtcdServer } from '../../src/server/etcd-server.ts';
import { longToSafeInt, u64ToLong } from '../../src/api/long.ts';
import { freePorts, memberArgs, startInProcess, until, type ClusterSpec } from './helpers.ts';

const b = (s: string) => Buffer.from(s);
const str = (u: Uint8Array | null | undefined) => Buffer.from(u ?? []).toString();

test('three members elect one leader, replicate writes, survive the leader stopping, and a restarted member catches up', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-cluster-'));
  const spec: ClusterSpec = {
    names: ['m1', 'm2', 'm3'],
    peerPorts: await freePorts(3),
    dirs: ['m1', 'm2', 'm3'].map((n) => join(root, `${n}.etcd`)),
  };
  const members: (EtcdServer | undefined)[] = await Promise.all(
    spec.names.map((_, i) => startInProcess(memberArgs(spec, i))),
  );
  try {
    const live = () => members.filter((m): m is EtcdServer => m !== undefined && !m.isStopped);
    await until(() => live().some((m) => m.isLeader), 10_000, 'a leader');
    const ids = new Set(live().map((m) => m.clusterId));
    assert.equal(ids.size, 1, 'one cluster ID');
    await until(
      () => live().every((m) => m.leader !== 0n && m.leader === live()[0]!.leader),
      10_000,
      'agreement on the leader',
    );

    // Writes through a follower are forwarded by raft to the leader.
    const follower = live().find((m) => !m.isLeader)!;
    for (let i = 0; i < 20; i++) await follower.put({ key: b(`k${i}`), value: b(`v${i}`) });
    for (const m of live()) {
      const r = await m.range({ key: b('k'), range_end: b('l'), count_only: true });
      assert.equal(longToSafeInt(r.count), 20, 'a linearizable read on every member sees every write');
    }

    // MoveLeader hands leadership to a chosen voter; a follower may not ask.
    const from = live().find((m) => m.isLeader)!;
    const to = live().find((m) => !m.isLeader)!;
    await assert.rejects(to.moveLeader({ targetID: u64ToLong(from.id) }), /etcdserver: not leader/);
    await from.moveLeader({ targetID: u64ToLong(to.id) });
    assert.equal(to.isLeader, true, 'the chosen member leads');
    await until(() => live().every((m) => m.leader === to.id), 5000, 'everyone to follow the new leader');

    // Stop the leader: the other two elect a new one and go on.
    const leaderIdx = members.findIndex((m) => m?.isLeader);
    await members[leaderIdx]!.stop();
    members[leaderIdx] = undefined;
    await until(() => live().some((m) => m.isLeader), 10_000, 'a new leader');
    await live()[0]!.put({ key: b('after'), value: b('failover') });
    assert.equal(str((await live()[1]!.range({ key: b('after') })).kvs![0]!.value), 'failover');

    // Restart the old leader from its data: it catches up by the log.
    members[leaderIdx] = await startInProcess(memberArgs(spec, leaderIdx));
    const back = members[leaderIdx]!;
    await until(() => back.leader !== 0n, 10_000, 'the restarted member to find the leader');
    const r = await back.range({ key: b('after') });
    assert.equal(str(r.kvs![0]!.value), 'failover');
    const hashes = await Promise.all(live().map(async (m) => (await m.hashKV({ revision: 0 })).hash));
    assert.equal(new Set(hashes).size, 1, `every member has the same hashKV: ${hashes.join(',')}`);
  } finally {
    await Promise.all(members.map((m) => m?.stop()));
    rmSync(root, { recursive: true, force: true });
  }
});
