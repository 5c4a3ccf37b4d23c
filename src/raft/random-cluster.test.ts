// A small seeded chaos run (the full simulation lives in test/raft-sim): lossy, reordering network,
// partitions and crash-restarts, checking Raft's safety properties (Figure 3): Election Safety (one
// leader per term) and State Machine Safety (members apply the same entry at each index). Also checks
// liveness once the network is healed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../api/raft-types.ts';
import { Network, dec, enc, seededRandom } from './test-network.ts';

function chaos(seed: number, cfg: { preVote: boolean; checkQuorum: boolean }): void {
  const rnd = seededRandom(seed);
  const ids = [1n, 2n, 3n, 4n, 5n];
  const net = new Network(ids, cfg, true, seed);
  const leaders = new Map<number, bigint>();
  let inFlight: Message[] = [];
  let proposals = 0;
  const step = (lossy: boolean): void => {
    for (const id of ids) net.processReady(id);
    inFlight.push(...net.takeQueued());
    const keep: Message[] = [];
    for (const m of inFlight) {
      const r = rnd.intn(100);
      if (lossy && r < 10) continue; // lost
      if (lossy && r < 30) keep.push(m); // delayed (reordered)
      else net.deliver(m);
    }
    inFlight = keep;
    for (const m of net.members.values()) {
      const r = m.node.raft;
      if (r.state === 'leader') {
        const prev = leaders.get(r.term);
        assert.ok(prev === undefined || prev === m.id, `two leaders in term ${r.term}`);
        leaders.set(r.term, m.id);
      }
    }
  };
  for (let t = 0; t < 600; t++) {
    const ev = rnd.intn(100);
    if (ev < 3) net.partition([ids[rnd.intn(5)]!], ids);
    else if (ev < 6) net.heal();
    else if (ev < 8) net.restart(ids[rnd.intn(5)]!);
    for (const id of ids) net.node(id).tick();
    const lead = net.leader();
    if (lead !== 0n && rnd.intn(2) === 0) {
      try {
        net.node(lead).propose(enc(`v${proposals++}`));
      } catch {
        /* dropped: transfer or limit */
      }
    }
    step(true);
  }
  // Heal and let it settle: a leader emerges and everyone converges.
  net.heal();
  for (let t = 0; t < 100; t++) {
    for (const id of ids) net.node(id).tick();
    step(false);
  }
  const lead = net.leader();
  assert.notEqual(lead, 0n, 'a leader after healing');
  net.node(lead).propose(enc('final'));
  for (let t = 0; t < 20; t++) {
    for (const id of ids) net.node(id).tick();
    step(false);
  }
  // State Machine Safety: every member applied the same sequence (members restarted from storage
  // re-apply from their Config.applied, so compare by index).
  const byIndex = new Map<number, string>();
  for (const m of net.members.values()) {
    for (const e of m.applied) {
      const v = `${e.term}:${dec(e.data)}`;
      const prev = byIndex.get(e.index);
      assert.ok(prev === undefined || prev === v, `index ${e.index}: ${prev} vs ${v}`);
      byIndex.set(e.index, v);
    }
  }
  for (const m of net.members.values()) {
    assert.equal(dec(m.applied[m.applied.length - 1]!.data), 'final', `member ${m.id} caught up`);
  }
}

for (const cfg of [
  { preVote: false, checkQuorum: false },
  { preVote: true, checkQuorum: false },
  { preVote: false, checkQuorum: true },
  { preVote: true, checkQuorum: true },
]) {
  test(`chaos (preVote=${cfg.preVote}, checkQuorum=${cfg.checkQuorum}): election safety, state machine safety, liveness after heal`, () => {
    for (let seed = 1; seed <= 6; seed++) chaos(seed, cfg);
  });
}
