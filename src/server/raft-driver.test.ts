import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawNode } from '../raft/index.ts';
import { EntryType } from '../api/raft-types.ts';
import { decodeConfChange } from '../api/raft-codec.ts';
import type { Entry } from '../api/raft-types.ts';
import { RaftDriver } from './raft-driver.ts';
import { openRaftStorage } from './raft-storage.ts';

const rng = { intn: (n: number) => Math.floor(Math.random() * n) };

function startMember(dir: string, applied: Entry[]) {
  const rs = openRaftStorage(join(dir, 'wal'), join(dir, 'snap'), () => Buffer.from('meta'), {
    segmentBytes: 64 * 1024,
  });
  const node = new RawNode({
    id: 1n,
    electionTick: 10,
    heartbeatTick: 1,
    storage: rs.storage,
    random: rng,
    preVote: true,
    checkQuorum: true,
  });
  if (rs.fresh) node.bootstrap([1n]);
  let leaderResolve!: () => void;
  const leader = new Promise<void>((r) => (leaderResolve = r));
  let fatal: unknown;
  const driver = new RaftDriver({
    node,
    storage: rs.storage,
    wal: rs.wal,
    snapshotter: rs.snapshotter,
    tickMs: 5,
    hooks: {
      send: (msgs) => assert.equal(msgs.length, 0, 'a single member sends nothing'),
      applySnapshot: () => {},
      applyEntries: (ents) => {
        for (const e of ents) {
          if (e.type === EntryType.Normal && e.data.length > 0) applied.push(e);
          // On restart raft learns the membership again by re-applying the log's conf changes.
          if (e.type === EntryType.ConfChange) node.applyConfChange(decodeConfChange(e.data));
        }
      },
      onSoftState: (s) => {
        if (s.state === 'leader') leaderResolve();
      },
      onFatal: (e) => (fatal = e),
    },
  });
  driver.start();
  const timer = setTimeout(() => leaderResolve(), 5000); // never hang the suite: the assertions below fail instead
  void leader.then(() => clearTimeout(timer));
  return { driver, rs, leader, fatal: () => fatal };
}

async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}

test('a single member elects itself, commits proposals through the WAL, and replays them after a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-driver-'));
  try {
    const applied: Entry[] = [];
    const m = startMember(dir, applied);
    await m.leader;
    assert.equal(m.driver.softState()?.state, 'leader');
    for (let i = 0; i < 200; i++) m.driver.propose(Buffer.from(`put-${i}`));
    await until(() => applied.length === 200);
    assert.deepEqual(
      applied.map((e) => Buffer.from(e.data).toString()),
      Array.from({ length: 200 }, (_, i) => `put-${i}`),
    );
    const lastIndex = applied.at(-1)!.index;
    await m.driver.stop();
    m.rs.wal.close();
    assert.equal(m.fatal(), undefined);

    // Restart: the WAL replays everything; nothing was applied yet in this new process (applied = 0).
    const again: Entry[] = [];
    const m2 = startMember(dir, again);
    assert.equal(m2.rs.fresh, false);
    await m2.leader;
    assert.equal(m2.driver.softState()?.state, 'leader');
    await until(() => again.length === 200);
    assert.equal(again.at(-1)!.index, lastIndex);
    m2.driver.propose(Buffer.from('after-restart'));
    await until(() => again.length === 201);
    assert.ok(again.at(-1)!.index > lastIndex);
    assert.ok(m2.rs.hardState.term >= 2, 'the term survived the restart');
    await m2.driver.stop();
    m2.rs.wal.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
