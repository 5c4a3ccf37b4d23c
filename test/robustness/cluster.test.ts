// The fault harness itself: a real 3-member cluster behind the peer proxy elects a leader, the proxy
// tells every peer connection's sender, isolating the leader makes the others elect a new one, and a
// killed member comes back on its data dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProcessCluster } from './cluster.ts';

async function until<T>(f: () => Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

test('proxy partitions and process faults on a real 3-member cluster', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-robustness-'));
  const cluster = await ProcessCluster.start({ dir });
  try {
    const first = await until(() => cluster.leader(), 10_000, 'a leader');
    assert.equal(cluster.proxy.unidentified, 0, 'every peer connection was traced to its member');
    const others = [0, 1, 2].filter((i) => i !== first);
    const names = cluster.members.map((m) => m.name);
    cluster.proxy.partition([[names[first]!], others.map((i) => names[i]!)]);
    const second = await until(
      async () => {
        const c = cluster.memberClient(others[0]!, 1000);
        try {
          const s = await c.status();
          const id = s.leader;
          const members = await c.memberList();
          const idx = (members.members ?? []).findIndex((m) => String(m.ID) === String(id));
          const name = (members.members ?? [])[idx]?.name;
          const i = name ? names.indexOf(name) : -1;
          return i >= 0 && i !== first ? i : undefined;
        } catch {
          return undefined;
        } finally {
          c.close();
        }
      },
      10_000,
      'a new leader on the majority side',
    );
    assert.ok(others.includes(second));
    const c = cluster.memberClient(second, 2000);
    await c.put('during-partition', 'x');
    c.close();
    cluster.proxy.heal();
    await cluster.waitHealthy(10_000);
    // The old leader catches up after the heal.
    const old = cluster.memberClient(first, 2000);
    const got = await until(
      async () => {
        try {
          const r = await old.get('during-partition');
          return r.kvs?.length === 1 ? String(r.kvs[0]!.value) : undefined;
        } catch {
          return undefined;
        }
      },
      10_000,
      'the old leader to catch up',
    );
    old.close();
    assert.equal(got, 'x');

    await cluster.kill(second);
    cluster.restart(second);
    await cluster.waitHealthy(20_000);
    const back = cluster.memberClient(second, 2000);
    assert.equal(String((await back.get('during-partition')).kvs?.[0]?.value), 'x');
    back.close();
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
