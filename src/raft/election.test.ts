// Leader election (Raft §5.2) and the election restriction (§5.4.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import { Network, drain, msg, soloNode, storageWith } from './test-network.ts';

const { MsgVote, MsgVoteResp, MsgApp, MsgPreVote } = MessageType;

test('§5.2: ticking alone elects exactly one leader that every member follows', () => {
  const net = new Network([1n, 2n, 3n, 4n, 5n]);
  net.settle();
  net.tick(25);
  const leaders = [...net.members.values()].filter((m) => m.node.raft.state === 'leader');
  assert.equal(leaders.length, 1);
  const lead = leaders[0]!.node.raft;
  for (const m of net.members.values()) {
    assert.equal(m.node.raft.lead, lead.id);
    assert.equal(m.node.raft.term, lead.term);
  }
});

test('§5.2: randomized election timeouts lie in [electionTick, 2*electionTick) and differ between members', () => {
  const net = new Network([1n, 2n, 3n, 4n, 5n]);
  const seen = new Set<number>();
  for (const m of net.members.values()) {
    const t = m.node.raft.randomizedElectionTimeout;
    assert.ok(t >= 10 && t < 20, `timeout ${t}`);
    seen.add(t);
  }
  assert.ok(seen.size > 1, 'timeouts are not all equal');
});

test('§5.2: a split vote ends without leader, and randomized timeouts resolve it in a later term', () => {
  const net = new Network([1n, 2n, 3n, 4n]);
  net.settle();
  // 1 can only reach 3, 2 can only reach 4: each candidate gets 2 of 4 votes.
  net.partition([1n, 3n], [2n, 4n]);
  net.node(1n).campaign();
  net.node(2n).campaign();
  net.settle();
  assert.equal(net.leader(), 0n);
  assert.equal(net.node(1n).raft.state, 'candidate');
  assert.equal(net.node(2n).raft.state, 'candidate');
  assert.equal(net.node(1n).raft.term, 2);
  net.heal();
  net.tick(40);
  const lead = net.leader();
  assert.notEqual(lead, 0n);
  assert.ok(net.node(lead).raft.term > 2);
  for (const m of net.members.values()) assert.equal(m.node.raft.lead, lead);
});

test('§5.2: at most one vote per term; a repeated request from the same candidate is granted again', () => {
  const s = storageWith([1], [1n, 2n, 3n]);
  const n = soloNode(1n, s);
  n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 2, index: 1, logTerm: 1 }));
  n.step(msg({ type: MsgVote, from: 3n, to: 1n, term: 2, index: 1, logTerm: 1 }));
  n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 2, index: 1, logTerm: 1 }));
  const rd = drain(n, s);
  const resp = rd.messages.filter((m) => m.type === MsgVoteResp).map((m) => [m.to, m.reject]);
  assert.deepEqual(resp, [
    [2n, false],
    [3n, true],
    [2n, false],
  ]);
});

test('§5.4.1: a vote is granted only to a candidate whose log is at least as up to date', () => {
  // Our log: terms [1, 1, 2] (last term 2, last index 3).
  const cases: [number, number, boolean][] = [
    [1, 5, false], // older last term, longer log
    [2, 2, false], // same last term, shorter log
    [2, 3, true], // same
    [2, 4, true], // same term, longer
    [3, 1, true], // newer last term
  ];
  for (const [logTerm, index, granted] of cases) {
    const s = storageWith([1, 1, 2], [1n, 2n, 3n]);
    const n = soloNode(1n, s);
    n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 3, index, logTerm }));
    const resp = drain(n, s).messages.find((m) => m.type === MsgVoteResp)!;
    assert.equal(!resp.reject, granted, `candidate (${logTerm}, ${index})`);
  }
});

test('§5.2: the vote is in the hard state of the Ready that carries the response, and survives a restart', () => {
  const s = storageWith([1], [1n, 2n, 3n]);
  const n = soloNode(1n, s);
  n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 2, index: 1, logTerm: 1 }));
  const rd = drain(n, s);
  assert.equal(rd.hardState?.vote, 2n);
  assert.equal(rd.hardState?.term, 2);
  assert.equal(rd.mustSync, true);
  assert.equal(rd.messages[0]?.type, MsgVoteResp);
  // Crash and restart from storage: the vote is remembered, so 3 is refused in term 2.
  const again = soloNode(1n, s);
  again.step(msg({ type: MsgVote, from: 3n, to: 1n, term: 2, index: 1, logTerm: 1 }));
  const resp = drain(again, s).messages.find((m) => m.type === MsgVoteResp)!;
  assert.equal(resp.reject, true);
});

test('§5.2: a candidate that hears from a leader of its term returns to follower', () => {
  const s = storageWith([1], [1n, 2n, 3n]);
  const n = soloNode(1n, s);
  n.campaign();
  assert.equal(n.raft.state, 'candidate');
  n.step(msg({ type: MsgApp, from: 2n, to: 1n, term: 2, index: 1, logTerm: 1 }));
  assert.equal(n.raft.state, 'follower');
  assert.equal(n.raft.lead, 2n);
});

test('§5.1: a message with a higher term turns a leader into a follower of that term', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  const n = net.node(1n);
  n.step(msg({ type: MsgApp, from: 2n, to: 1n, term: 9, index: 0, logTerm: 0 }));
  assert.equal(n.raft.state, 'follower');
  assert.equal(n.raft.term, 9);
});

test('§4.2.1 learners: a learner never campaigns and its vote does not count', () => {
  const net = new Network([], {}, false);
  for (const id of [1n, 2n, 3n]) net.addMember(id, undefined, storageWith([1], [1n, 2n], {}, [3n]));
  net.cut.add('2>1'); // 1 can only get 3's answer
  net.cut.add('1>2');
  net.recordSent = true;
  for (let i = 0; i < 50; i++) {
    net.get(3n).node.tick();
    net.settle();
  }
  assert.equal(net.sent.filter((m) => m.from === 3n && (m.type === MsgVote || m.type === MsgPreVote)).length, 0);
  net.elect(1n);
  assert.notEqual(net.node(1n).raft.state, 'leader');
  net.heal();
  net.elect(1n);
  assert.equal(net.node(1n).raft.state, 'leader');
});
