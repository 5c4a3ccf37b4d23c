// Single-server membership changes (Raft thesis §4.1) and learners (§4.2.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfChangeType, EntryType } from '../api/raft-types.ts';
import type { ConfChange } from '../api/raft-types.ts';
import { MemoryStorage } from './memory-storage.ts';
import { Network, dec, enc } from './test-network.ts';

const cc = (type: ConfChangeType, nodeId: bigint): ConfChange => ({ id: 0n, type, nodeId, context: new Uint8Array() });

function cluster(ids: bigint[]): Network {
  const net = new Network(ids);
  net.settle();
  net.elect(ids[0]!);
  return net;
}

test('§4.1: adding a voter: the new member (empty storage) receives the whole log and counts in the quorum', () => {
  const net = cluster([1n, 2n, 3n]);
  net.node(1n).propose(enc('before'));
  net.settle();
  net.addMember(4n, undefined, new MemoryStorage());
  net.node(1n).proposeConfChange(cc(ConfChangeType.AddNode, 4n));
  net.tick(3);
  assert.deepEqual(net.get(1n).confState.voters, [1n, 2n, 3n, 4n]);
  assert.deepEqual(net.get(4n).confState.voters, [1n, 2n, 3n, 4n]);
  assert.deepEqual(net.get(4n).applied.map((e) => dec(e.data)), ['before']);
  // With 4 voters the quorum is 3: two members down block commits.
  net.isolate(3n);
  net.isolate(4n);
  net.node(1n).propose(enc('blocked'));
  net.tick(2, [1n, 2n]);
  assert.equal(net.get(2n).applied.length, 1);
  net.heal();
  net.tick(2);
  assert.equal(net.get(2n).applied.length, 2);
});

test('§4.1: removing a voter lets the rest commit without it, and the commit index is recomputed at once', () => {
  const net = cluster([1n, 2n, 3n, 4n]);
  net.isolate(3n);
  net.isolate(4n);
  // 1+2 of 4 is no quorum: this entry waits.
  net.node(1n).propose(enc('waiting'));
  net.settle();
  assert.equal(net.get(1n).applied.length, 0);
  // Let 3 through once so the removal of 4 can commit (1,2,3 of 4).
  net.heal();
  net.isolate(4n);
  net.node(1n).proposeConfChange(cc(ConfChangeType.RemoveNode, 4n));
  net.settle();
  assert.deepEqual(net.get(1n).confState.voters, [1n, 2n, 3n]);
  net.isolate(3n);
  net.node(1n).propose(enc('after'));
  net.settle();
  assert.deepEqual(net.get(2n).applied.map((e) => dec(e.data)), ['waiting', 'after'], '1+2 of 3 is a quorum');
});

test('§4.1: only one membership change at a time: a second one before the first is applied becomes an empty entry', () => {
  const net = cluster([1n, 2n, 3n]);
  const leader = net.node(1n);
  leader.proposeConfChange(cc(ConfChangeType.AddLearnerNode, 4n));
  leader.proposeConfChange(cc(ConfChangeType.AddLearnerNode, 5n)); // the first is not applied yet
  const log = leader.raft.raftLog;
  const ents = log.slice(log.lastIndex() - 1, log.lastIndex() + 1, 1e9);
  assert.deepEqual(
    ents.map((e) => e.type),
    [EntryType.ConfChange, EntryType.Normal],
  );
  assert.equal(ents[1]!.data.length, 0);
  net.settle();
  assert.deepEqual(net.get(1n).confState.learners, [4n]);
  // Once the first change is applied, the next one is accepted.
  leader.proposeConfChange(cc(ConfChangeType.AddLearnerNode, 5n));
  net.settle();
  assert.deepEqual(net.get(2n).confState.learners, [4n, 5n]);
});

test('§4.2.1: a learner receives the log but does not count in the quorum; AddNode promotes it', () => {
  const net = cluster([1n, 2n, 3n]);
  net.addMember(4n, undefined, new MemoryStorage());
  net.node(1n).proposeConfChange(cc(ConfChangeType.AddLearnerNode, 4n));
  net.tick(3);
  assert.deepEqual(net.get(1n).confState, { voters: [1n, 2n, 3n], learners: [4n] });
  net.isolate(2n);
  net.isolate(3n);
  net.node(1n).propose(enc('x'));
  net.tick(2, [1n, 4n]);
  assert.equal(net.node(4n).raft.raftLog.lastIndex(), net.node(1n).raft.raftLog.lastIndex(), 'replicated to the learner');
  assert.equal(net.get(1n).applied.length, 0, 'leader + learner is not a quorum');
  assert.equal(net.node(4n).raft.isLearner, true);
  net.heal();
  net.tick(2);
  net.node(1n).proposeConfChange(cc(ConfChangeType.AddNode, 4n));
  net.tick(2);
  assert.deepEqual(net.get(4n).confState, { voters: [1n, 2n, 3n, 4n], learners: [] });
  assert.equal(net.node(4n).raft.isLearner, false);
  assert.equal(net.node(1n).status().progress?.get(4n)?.match, net.node(1n).raft.raftLog.lastIndex(), 'promotion keeps progress');
});

test('§4.2.1: learners never count in the commit quorum, even when leader + learners would be a majority of all members', () => {
  // Voters 1..3, learners 4 and 5: with 2 and 3 cut off, 1 + 4 + 5 are three of five members but one of three voters.
  const net = cluster([1n, 2n, 3n]);
  for (const id of [4n, 5n]) {
    net.addMember(id, undefined, new MemoryStorage());
    net.node(1n).proposeConfChange(cc(ConfChangeType.AddLearnerNode, id));
    net.tick(3);
  }
  assert.deepEqual(net.get(1n).confState, { voters: [1n, 2n, 3n], learners: [4n, 5n] });
  const committed = net.node(1n).raft.raftLog.committed;
  net.isolate(2n);
  net.isolate(3n);
  net.node(1n).propose(enc('x'));
  net.tick(2, [1n, 4n, 5n]);
  for (const id of [4n, 5n]) assert.equal(net.node(id).raft.raftLog.lastIndex(), net.node(1n).raft.raftLog.lastIndex());
  assert.equal(net.node(1n).raft.raftLog.committed, committed, 'leader + two learners is not a quorum');
  net.heal();
  net.tick(2);
  assert.equal(net.node(1n).raft.raftLog.committed, net.node(1n).raft.raftLog.lastIndex());
});

test('§4.2.2: a leader that applies its own removal steps down and the others elect a new leader', () => {
  const net = cluster([1n, 2n, 3n]);
  net.node(1n).proposeConfChange(cc(ConfChangeType.RemoveNode, 1n));
  net.settle();
  assert.equal(net.node(1n).raft.state, 'follower');
  net.tick(30, [2n, 3n]);
  const lead = net.leader();
  assert.ok(lead === 2n || lead === 3n);
  net.tick(30);
  assert.notEqual(net.node(1n).raft.state, 'leader', 'a removed member never campaigns');
  net.node(lead).propose(enc('after'));
  net.settle();
  assert.deepEqual(net.get(lead === 2n ? 3n : 2n).applied.map((e) => dec(e.data)), ['after']);
});

test('membership: UpdateNode changes nothing for raft; removing the last voter is refused', () => {
  const net = cluster([1n]);
  const cs = net.node(1n).applyConfChange(cc(ConfChangeType.UpdateNode, 1n));
  assert.deepEqual(cs, { voters: [1n], learners: [] });
  assert.deepEqual(net.node(1n).applyConfChange(cc(ConfChangeType.RemoveNode, 1n)), { voters: [1n], learners: [] });
});
