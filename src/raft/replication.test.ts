// Log replication (Raft §5.3), the commit rule (§5.4.2, Figure 8), fast backtracking, flow control.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import { Network, drain, enc, logTerms, msg, soloNode, storageWith } from './test-network.ts';

const { MsgApp, MsgAppResp, MsgVoteResp, MsgHeartbeat } = MessageType;

// Figure 7 of the Raft paper: the leader of term 8 and six possible follower logs.
const LEADER = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
const FIGURE7: Record<string, number[]> = {
  a: [1, 1, 1, 4, 4, 5, 5, 6, 6],
  b: [1, 1, 1, 4],
  c: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
  d: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
  e: [1, 1, 1, 4, 4, 4, 4],
  f: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
};

function figure7(follower: number[]): Network {
  const net = new Network([], {}, false);
  const voters = [1n, 2n, 3n];
  net.addMember(1n, undefined, storageWith(LEADER, voters, { term: 7 }));
  net.addMember(2n, undefined, storageWith(follower, voters, { term: 7 }));
  net.addMember(3n, undefined, storageWith(LEADER, voters, { term: 7 }));
  return net;
}

for (const [name, follower] of Object.entries(FIGURE7)) {
  test(`§5.3 Figure 7 (${name}): the leader of term 8 makes the follower's log identical to its own`, () => {
    const net = figure7(follower);
    net.elect(1n);
    assert.equal(net.leader(), 1n);
    assert.equal(net.node(1n).raft.term, 8);
    assert.deepEqual(logTerms(net.node(2n)), [...LEADER, 8]);
    assert.equal(net.node(2n).raft.raftLog.committed, 11);
  });
}

test('§5.3 fast backtracking: Figure 7 (f) and (b) cost one rejected probe each, not one per entry', () => {
  for (const follower of [FIGURE7.f!, FIGURE7.b!, FIGURE7.e!]) {
    const net = figure7(follower);
    net.recordSent = true;
    net.elect(1n);
    const rejects = net.sent.filter((m) => m.type === MsgAppResp && m.from === 2n && m.reject);
    assert.equal(rejects.length, 1, `follower ${follower.join(',')}`);
    assert.deepEqual(logTerms(net.node(2n)), [...LEADER, 8]);
  }
});

function leaderOfTerm3(bugs = {}): ReturnType<typeof soloNode> & { s: ReturnType<typeof storageWith> } {
  // Log [1, 2] from earlier terms; 1 becomes leader of term 3 and appends its empty entry at 3.
  const s = storageWith([1, 2], [1n, 2n, 3n], { term: 2 });
  const n = soloNode(1n, s, { testingBugs: bugs });
  n.campaign();
  n.step(msg({ type: MsgVoteResp, from: 2n, to: 1n, term: 3 }));
  assert.equal(n.raft.state, 'leader');
  drain(n, s);
  return Object.assign(n, { s });
}

test('§5.4.2 Figure 8: a leader does not commit an entry of an older term by counting replicas', () => {
  const n = leaderOfTerm3();
  n.step(msg({ type: MsgAppResp, from: 2n, to: 1n, term: 3, index: 2 }));
  assert.equal(n.raft.raftLog.committed, 0, 'entry 2 (term 2) is on a majority but not committed');
  n.step(msg({ type: MsgAppResp, from: 2n, to: 1n, term: 3, index: 3 }));
  assert.equal(n.raft.raftLog.committed, 3, 'entry 3 of term 3 commits, and entries 1–2 with it');
});

test('§5.4.2 positive control: testingBugs.commitOldTermByCounting commits the old-term entry', () => {
  const n = leaderOfTerm3({ commitOldTermByCounting: true });
  n.step(msg({ type: MsgAppResp, from: 2n, to: 1n, term: 3, index: 2 }));
  assert.equal(n.raft.raftLog.committed, 2);
});

test('§5.3: a follower truncates a conflicting uncommitted suffix; an append below its commit index changes nothing', () => {
  const s = storageWith([1, 1, 2, 2], [1n, 2n], { term: 2, commit: 2 });
  const n = soloNode(2n, s);
  const app = (index: number, logTerm: number, term: number) =>
    msg({ type: MsgApp, from: 1n, to: 2n, term: 3, index, logTerm, commit: 2, entries: [{ term, index: index + 1, type: 0, data: enc('x') }] });
  n.step(app(2, 1, 3));
  assert.deepEqual(logTerms(n), [1, 1, 3]);
  const rd = drain(n, s);
  assert.deepEqual(rd.entries.map((e) => [e.index, e.term]), [[3, 3]]);
  assert.deepEqual(s.entries(1, 4, 1e9).map((e) => e.term), [1, 1, 3]);
  // Entries up to the commit index are never rewritten: the answer is just the commit index.
  n.step(app(1, 1, 9));
  assert.deepEqual(logTerms(n), [1, 1, 3]);
  const r = drain(n, s).messages[0]!;
  assert.deepEqual([r.type, r.reject, r.index], [MsgAppResp, false, 2]);
});

test('§5.3 (Figure 2, AppendEntries rule 5): a follower commits at most up to the last entry the append vouches for', () => {
  // The follower's tail 4..5 (term 2) was never confirmed by the leader of term 3, whose entry 4 has term 3.
  // Commit = min(leaderCommit, index of last new entry): committing 4 here would apply a stale entry.
  const s = storageWith([1, 1, 2, 2, 2], [1n, 2n], { term: 3 });
  const n = soloNode(2n, s);
  n.step(msg({ type: MsgApp, from: 1n, to: 2n, term: 3, index: 2, logTerm: 1, commit: 4, entries: [{ term: 2, index: 3, type: 0, data: enc('') }] }));
  assert.equal(n.raft.raftLog.committed, 3);
  n.step(msg({ type: MsgApp, from: 1n, to: 2n, term: 3, index: 3, logTerm: 2, commit: 4 }));
  assert.equal(n.raft.raftLog.committed, 3, 'an empty append vouches only for its previous entry');
  assert.deepEqual(logTerms(n), [1, 1, 2, 2, 2]);
});

test('§5.3: a follower rejects an append whose previous entry does not match, with a term hint', () => {
  const s = storageWith([1, 1, 2, 2, 2], [1n, 2n], { term: 2 });
  const n = soloNode(2n, s);
  n.step(msg({ type: MsgApp, from: 1n, to: 2n, term: 4, index: 5, logTerm: 4 }));
  const r = drain(n, s).messages[0]!;
  assert.equal(r.type, MsgAppResp);
  assert.equal(r.reject, true);
  assert.equal(r.index, 5);
  assert.deepEqual([r.rejectHint, r.logTerm], [5, 2]);
});

test('flow control: in Replicate state at most maxInflightMsgs appends are in flight per follower', () => {
  const net = new Network([1n, 2n, 3n], { maxInflightMsgs: 2, maxSizePerMsg: 0 });
  net.settle();
  net.elect(1n);
  assert.equal(net.node(1n).status().progress?.get(2n)?.state, 'replicate');
  for (let i = 0; i < 5; i++) net.node(1n).propose(enc(`p${i}`));
  net.processReady(1n);
  const q = net.takeQueued();
  const toTwo = q.filter((m) => m.type === MsgApp && m.to === 2n);
  assert.equal(toTwo.length, 2);
  assert.ok(toTwo.every((m) => m.entries.length === 1), 'maxSizePerMsg 0 means one entry per message');
  for (const m of q) net.deliver(m);
  net.settle();
  for (const id of [1n, 2n, 3n]) assert.equal(net.get(id).applied.length, 5);
});

test('flow control: a window filled by lost appends is cleared by the empty append after a heartbeat', () => {
  const net = new Network([1n, 2n, 3n], { maxInflightMsgs: 2, maxSizePerMsg: 0 });
  net.settle();
  net.elect(1n);
  net.filter = (m) => !(m.type === MsgApp && m.to === 2n && m.entries.length > 0);
  for (let i = 0; i < 4; i++) net.node(1n).propose(enc(`p${i}`));
  net.settle();
  net.filter = undefined;
  assert.equal(net.get(2n).applied.length, 0);
  net.tick(3);
  assert.equal(net.get(2n).applied.length, 4);
});

test('batching: proposals made while a follower is probed travel together in one append', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.recordSent = true;
  net.node(1n).campaign();
  // Win the election, but do not yet answer the first (probing) append.
  for (let i = 0; i < 3; i++) {
    net.processReady(1n);
    for (const m of net.takeQueued()) if (m.type !== MsgApp) net.deliver(m);
    for (const id of [2n, 3n]) net.processReady(id);
    for (const m of net.takeQueued()) net.deliver(m);
  }
  assert.equal(net.node(1n).raft.state, 'leader');
  for (let i = 0; i < 10; i++) net.node(1n).propose(enc(`p${i}`));
  net.settle();
  assert.equal(net.sent.filter((m) => m.type === MsgApp && m.to === 2n).length, 1, 'only the lost probe so far');
  // The heartbeat response lets the leader probe again, with everything appended meanwhile.
  net.tick(1);
  const big = net.sent.filter((m) => m.type === MsgApp && m.to === 2n && m.entries.length >= 10);
  assert.ok(big.length >= 1, 'one append carried the 10 proposals');
  assert.equal(net.get(2n).applied.length, 10);
});

test('§5.3: heartbeats carry min(match, commit), and a lagging follower catches up on heartbeat responses', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.isolate(3n);
  for (let i = 0; i < 3; i++) net.node(1n).propose(enc(`p${i}`));
  net.settle();
  const commit = net.node(1n).raft.raftLog.committed;
  const match3 = net.node(1n).raft.trk.progress.get(3n)!.match;
  assert.ok(match3 < commit);
  net.recordSent = true;
  net.heal();
  net.tick(1);
  const hb = net.sent.find((m) => m.type === MsgHeartbeat && m.to === 3n)!;
  assert.equal(hb.commit, match3);
  net.tick(2);
  assert.equal(net.get(3n).applied.length, 3);
  assert.equal(net.node(3n).raft.raftLog.committed, net.node(1n).raft.raftLog.committed);
});
