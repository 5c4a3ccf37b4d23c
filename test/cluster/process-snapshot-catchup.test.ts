// A tsetcd member killed with -9 and restarted after the leader compacted its raft log past the member's last
// entry catches up by snapshot over real processes: members snapshot every 20 applied entries and keep only 5
// entries after a snapshot (--experimental-snapshot-catchup-entries), 150 puts land while the member is down,
// and after the restart its log says it received a snapshot's backend file and every member's HashKV is equal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '../../src/client/index.ts';
import { ProcCluster } from './process-helpers.ts';

test('a member restarted after the log was compacted past it catches up by snapshot', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-proc-snap-catchup-'));
  const c = await ProcCluster.start({
    impl: 'tsetcd',
    dir: root,
    size: 3,
    heartbeatMs: 100,
    electionMs: 1000,
    extraFlags: { 'snapshot-count': '20', 'experimental-snapshot-catchup-entries': '5' },
  });
  let ok = false;
  try {
    await c.ctlOk(['put', 'before', 'x']);
    const leader = await c.waitLeader();
    const down = c.members.find((m) => m !== leader)!;
    await down.kill();
    const client = new Client({ endpoints: c.up().map((m) => m.clientUrl), commandTimeoutMs: 10_000 });
    try {
      for (let i = 0; i < 150; i++) await client.put(`while-down-${i}`, `v${i}`);
    } finally {
      client.close();
    }
    const logBefore = down.log().length;
    down.start();
    await c.waitHealthy(90_000);
    await c.ctlOk(['put', 'after', 'y']);
    const rev = await c.revision();
    const hashes = await c.hashKVs(rev);
    console.log(`HashKV at rev ${rev}: ${JSON.stringify(hashes)}`);
    assert.equal(hashes.length, 3);
    assert.equal(new Set(hashes.map((h) => h.hash)).size, 1, `HashKV: ${JSON.stringify(hashes)}`);
    const since = down.log().slice(logBefore);
    const line = since.split('\n').find((l) => l.includes('received a snapshot backend file'));
    console.log(`${down.name} after its restart: ${line ?? '(no snapshot received)'}`);
    assert.ok(line !== undefined, `${down.name} caught up by snapshot:\n${since.slice(-3000)}`);
    const got = await c.ctlOk(['--consistency=s', 'get', 'while-down-149'], [down]);
    assert.equal(got, 'while-down-149\nv149\n');
    ok = true;
  } finally {
    await c.stop();
    if (ok) rmSync(root, { recursive: true, force: true });
  }
});
