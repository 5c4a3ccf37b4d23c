// A member that fell far behind (its log entries compacted away on the leader) catches up by snapshot:
// the leader streams its backend file over the peer transport and the follower installs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtcdServer } from '../../src/server/etcd-server.ts';
import { longToSafeInt } from '../../src/api/long.ts';
import { freePorts, memberArgs, startInProcess, until, type ClusterSpec } from './helpers.ts';

const b = (s: string) => Buffer.from(s);

test('a restarted member far behind catches up by snapshot and ends with the same hash', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-snapcatch-'));
  const spec: ClusterSpec = {
    names: ['m1', 'm2', 'm3'],
    peerPorts: await freePorts(3),
    dirs: ['m1', 'm2', 'm3'].map((n) => join(root, `${n}.etcd`)),
  };
  const extra = ['--snapshot-count', '20', '--experimental-snapshot-catchup-entries', '5'];
  const members: (EtcdServer | undefined)[] = await Promise.all(
    spec.names.map((_, i) => startInProcess(memberArgs(spec, i, extra))),
  );
  try {
    const live = () => members.filter((m): m is EtcdServer => m !== undefined && !m.isStopped);
    await until(() => live().some((m) => m.isLeader), 10_000, 'a leader');
    // Stop a follower, then write enough for the others to snapshot and compact their logs past it.
    const idx = members.findIndex((m) => m !== undefined && !m.isLeader);
    await members[idx]!.stop();
    members[idx] = undefined;
    // Under load leadership can move; measure progress against the most advanced member instead.
    const top = () => Math.max(...live().filter((m) => m !== members[idx]).map((m) => m.appliedIndex));
    await until(() => live().some((m) => m.isLeader), 10_000, 'a leader');
    // Writes go to either live member (a follower forwards to the leader), so a leader change under
    // load does not break the loop.
    const others = live();
    for (let i = 0; i < 150; i++) {
      await others[i % others.length]!.put({ key: b(`k${String(i).padStart(3, '0')}`), value: b(`v${i}`) });
    }

    members[idx] = await startInProcess(memberArgs(spec, idx, extra));
    const back = members[idx]!;
    await until(() => back.appliedIndex >= top(), 15_000, 'the member to catch up');
    const snapDir = join(spec.dirs[idx]!, 'member', 'snap');
    assert.ok(
      readdirSync(snapDir).some((f) => f.endsWith('.snap')),
      `the member received a raft snapshot (${readdirSync(snapDir).join(',')})`,
    );
    const r = await back.range({ key: b('k'), range_end: b('l'), count_only: true });
    assert.equal(longToSafeInt(r.count), 150);
    await back.put({ key: b('after'), value: b('x') });
    await until(() => live().every((m) => m.appliedIndex >= top()), 5000, 'the next write everywhere');
    const hashes = await Promise.all(live().map(async (m) => (await m.hashKV({ revision: 0 })).hash));
    assert.equal(new Set(hashes).size, 1, `same hashKV everywhere: ${hashes.join(',')}`);
  } finally {
    await Promise.all(members.map((m) => m?.stop()));
    rmSync(root, { recursive: true, force: true });
  }
});
