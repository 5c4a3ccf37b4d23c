// Disaster recovery: two of three members are lost; the survivor restarts with --force-new-cluster as a
// one-member cluster with all of its data, then grows again with member add.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EtcdServer } from '../../src/server/etcd-server.ts';
import { longToSafeInt } from '../../src/api/long.ts';
import { freePorts, memberArgs, startInProcess, until, type ClusterSpec } from './helpers.ts';

const b = (s: string) => Buffer.from(s);

test('--force-new-cluster turns a surviving member into a one-member cluster that keeps its data', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-force-'));
  const spec: ClusterSpec = {
    names: ['m1', 'm2', 'm3'],
    peerPorts: await freePorts(3),
    dirs: ['m1', 'm2', 'm3'].map((n) => join(root, `${n}.etcd`)),
  };
  let members: EtcdServer[] = await Promise.all(
    spec.names.map((_, i) => startInProcess(memberArgs(spec, i))),
  );
  let survivor: EtcdServer | undefined;
  try {
    await until(() => members.some((m) => m.isLeader), 10_000, 'a leader');
    for (let i = 0; i < 25; i++) await members[i % 3]!.put({ key: b(`k${i}`), value: b(`v${i}`) });
    const rev = longToSafeInt((await members[0]!.range({ key: b('k0') })).header!.revision);
    await Promise.all(members.map((m) => m.stop()));
    members = [];

    survivor = await startInProcess(memberArgs(spec, 0, ['--force-new-cluster']));
    await until(() => survivor!.isLeader, 10_000, 'the survivor to lead alone');
    assert.deepEqual(
      survivor.memberList().members!.map((m) => m.name),
      ['m1'],
      'only the survivor is left',
    );
    const r = await survivor.range({ key: b('k'), range_end: b('l'), count_only: true });
    assert.equal(longToSafeInt(r.count), 25, 'all data kept');
    const p = await survivor.put({ key: b('after'), value: b('x') });
    assert.ok(longToSafeInt(p.header!.revision) > rev, 'revisions continue');

    // A plain restart afterwards stays a one-member cluster (the change is in the log, not the flag).
    await survivor.stop();
    survivor = await startInProcess(memberArgs(spec, 0));
    await until(() => survivor!.isLeader, 10_000, 'the survivor to lead after a plain restart');
    assert.equal(survivor.memberList().members!.length, 1);
    assert.equal(longToSafeInt((await survivor.range({ key: b('after') })).count), 1);
  } finally {
    await Promise.all([...members, ...(survivor ? [survivor] : [])].map((m) => m.stop()));
    rmSync(root, { recursive: true, force: true });
  }
});
