// Pre-vote (Raft thesis §9.6), check-quorum and leader leases (thesis §6.2, §4.2.3), and term rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import { CAMPAIGN_TRANSFER } from './util.ts';
import { Network, drain, msg, soloNode, storageWith } from './test-network.ts';

const { MsgPreVote, MsgPreVoteResp, MsgVote, MsgVoteResp, MsgHeartbeat, MsgAppResp } = MessageType;

test('§9.6: a partitioned member rejoining does not disrupt the leader (its term does not grow)', () => {
  const net = new Network([1n, 2n, 3n], { preVote: true, checkQuorum: true });
  net.settle();
  net.elect(1n);
  const term = net.node(1n).raft.term;
  net.isolate(3n);
  net.tick(100);
  assert.equal(net.node(3n).raft.term, term, 'pre-votes failed, so no term bump');
  assert.equal(net.node(3n).raft.state, 'pre-candidate');
  net.heal();
  net.tick(5);
  assert.equal(net.leader(), 1n);
  assert.equal(net.node(1n).raft.term, term);
  assert.equal(net.node(3n).raft.lead, 1n);
});

test('§9.6 contrast: without pre-vote the isolated member keeps raising its term', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  const term = net.node(1n).raft.term;
  net.isolate(3n);
  net.tick(100);
  assert.ok(net.node(3n).raft.term > term + 2);
});

test('§9.6: a pre-candidate asks for term+1 without adopting it, and wins into a real election', () => {
  const s = storageWith([1], [1n, 2n, 3n]);
  const n = soloNode(1n, s, { preVote: true });
  n.campaign();
  assert.equal(n.raft.state, 'pre-candidate');
  assert.equal(n.raft.term, 1);
  const rd = drain(n, s);
  const pv = rd.messages.filter((m) => m.type === MsgPreVote);
  assert.equal(pv.length, 2);
  assert.ok(pv.every((m) => m.term === 2));
  n.step(msg({ type: MsgPreVoteResp, from: 2n, to: 1n, term: 2 }));
  assert.equal(n.raft.state, 'candidate');
  assert.equal(n.raft.term, 2);
  assert.ok(drain(n, s).messages.some((m) => m.type === MsgVote && m.term === 2));
});

test('§9.6: a pre-vote is refused to a candidate whose log is behind, and the voter keeps its term', () => {
  const s = storageWith([1, 2, 2], [1n, 2n, 3n], { term: 2 });
  const n = soloNode(1n, s, { preVote: true });
  n.step(msg({ type: MsgPreVote, from: 2n, to: 1n, term: 3, index: 2, logTerm: 2 }));
  n.step(msg({ type: MsgPreVote, from: 3n, to: 1n, term: 3, index: 3, logTerm: 2 }));
  const resp = drain(n, s).messages.filter((m) => m.type === MsgPreVoteResp);
  assert.deepEqual(
    resp.map((m) => [m.to, m.reject, m.term]),
    [
      [2n, true, 2],
      [3n, false, 3],
    ],
  );
  assert.equal(n.raft.term, 2);
  assert.equal(n.raft.vote, 0n);
});

test('§9.6: a pre-vote rejection from a higher term makes the pre-candidate a follower of that term', () => {
  const s = storageWith([1], [1n, 2n, 3n]);
  const n = soloNode(1n, s, { preVote: true });
  n.campaign();
  n.step(msg({ type: MsgPreVoteResp, from: 2n, to: 1n, term: 5, reject: true }));
  assert.equal(n.raft.state, 'follower');
  assert.equal(n.raft.term, 5);
});

test('§4.2.3 lease: with check-quorum a follower that hears from its leader ignores vote requests, unless forced by a transfer', () => {
  const net = new Network([1n, 2n, 3n], { checkQuorum: true });
  net.settle();
  net.elect(1n);
  const n2 = net.node(2n);
  const term = n2.raft.term;
  n2.step(msg({ type: MsgVote, from: 3n, to: 2n, term: term + 1, index: 99, logTerm: 99 }));
  assert.equal(n2.raft.term, term, 'ignored');
  assert.equal(n2.raft.msgs.filter((m) => m.type === MsgVoteResp).length, 0);
  n2.step(
    msg({
      type: MsgVote,
      from: 3n,
      to: 2n,
      term: term + 1,
      index: 99,
      logTerm: 99,
      context: CAMPAIGN_TRANSFER,
    }),
  );
  assert.equal(n2.raft.term, term + 1);
  assert.ok(n2.raft.msgs.some((m) => m.type === MsgVoteResp && !m.reject));
});

test('§9.6 + lease: a pre-vote is refused while the voter heard from a leader within the election timeout', () => {
  const net = new Network([1n, 2n, 3n], { checkQuorum: true, preVote: true });
  net.settle();
  net.elect(1n);
  const n2 = net.node(2n);
  const term = n2.raft.term;
  n2.step(msg({ type: MsgPreVote, from: 3n, to: 2n, term: term + 1, index: 99, logTerm: 99 }));
  assert.equal(n2.raft.msgs.filter((m) => m.type === MsgPreVoteResp && !m.reject).length, 0);
  // After an election timeout without the leader, the same request is granted.
  net.isolate(1n);
  for (let i = 0; i < 10; i++) n2.tick();
  n2.step(msg({ type: MsgPreVote, from: 3n, to: 2n, term: term + 1, index: 99, logTerm: 99 }));
  assert.ok(n2.raft.msgs.some((m) => m.type === MsgPreVoteResp && !m.reject && m.term === term + 1));
  assert.equal(n2.raft.term, term, 'a pre-vote never changes the voter term');
});

test('§6.2 check-quorum: a leader that hears from no majority for an election timeout steps down', () => {
  const net = new Network([1n, 2n, 3n], { checkQuorum: true });
  net.settle();
  net.elect(1n);
  net.isolate(1n);
  net.tick(9, [1n]);
  assert.equal(net.node(1n).raft.state, 'leader');
  net.tick(12, [1n]);
  assert.equal(net.node(1n).raft.state, 'follower');
  assert.equal(net.node(1n).raft.lead, 0n);
});

test('§6.2 check-quorum: a leader that hears from a majority stays leader', () => {
  const net = new Network([1n, 2n, 3n], { checkQuorum: true });
  net.settle();
  net.elect(1n);
  net.isolate(3n);
  net.tick(50, [1n, 2n]);
  assert.equal(net.leader(), 1n);
});

test('terms: a stale leader gets an answer carrying the newer term and steps down (check-quorum on)', () => {
  const s = storageWith([1], [1n, 2n, 3n], { term: 5 });
  const n = soloNode(2n, s, { checkQuorum: true });
  n.step(msg({ type: MsgHeartbeat, from: 1n, to: 2n, term: 3 }));
  const resp = drain(n, s).messages.find((m) => m.to === 1n)!;
  assert.equal(resp.type, MsgAppResp);
  assert.equal(resp.term, 5);
  // Without check-quorum or pre-vote the stale message is just ignored.
  const s2 = storageWith([1], [1n, 2n, 3n], { term: 5 });
  const n2 = soloNode(2n, s2);
  n2.step(msg({ type: MsgHeartbeat, from: 1n, to: 2n, term: 3 }));
  assert.equal(drain(n2, s2).messages.length, 0);
});

test('§9.6: a late pre-vote grant from an earlier pre-campaign (our current term) is not counted', () => {
  // Member 1 is at term 2 and pre-campaigns for term 3. A grant for term 2 answers the pre-campaign it
  // made at term 1: it is stale and must not win the pre-vote.
  const s = storageWith([1, 2], [1n, 2n, 3n], { term: 2 });
  const n = soloNode(1n, s, { preVote: true });
  n.campaign();
  assert.equal(n.raft.state, 'pre-candidate');
  assert.equal(n.raft.term, 2);
  drain(n, s);
  n.step(msg({ type: MsgPreVoteResp, from: 2n, to: 1n, term: 2 }));
  assert.equal(n.raft.state, 'pre-candidate', 'the stale grant is ignored');
  assert.equal(n.raft.term, 2);
  n.step(msg({ type: MsgPreVoteResp, from: 3n, to: 1n, term: 3 }));
  assert.equal(n.raft.state, 'candidate', 'a current grant still wins');
  assert.equal(n.raft.term, 3);
});
