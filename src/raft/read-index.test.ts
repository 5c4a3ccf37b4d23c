// Linearizable reads through ReadIndex (Raft thesis §6.4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import { Network, dec, enc } from './test-network.ts';

const { MsgHeartbeat, MsgHeartbeatResp, MsgReadIndex, MsgReadIndexResp } = MessageType;

test('§6.4: the leader answers a read only after a majority acknowledged a heartbeat sent for it', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.node(1n).propose(enc('a'));
  net.settle();
  const commit = net.node(1n).raft.raftLog.committed;
  net.recordSent = true;
  net.filter = (m) => m.type !== MsgHeartbeatResp; // acks lost
  net.node(1n).readIndex(enc('r1'));
  net.settle();
  // The heartbeat carries the request's round id (read-only.ts), which the acks echo.
  assert.ok(net.sent.some((m) => m.type === MsgHeartbeat && (m.context?.length ?? 0) > 0));
  assert.equal(net.get(1n).readStates.length, 0, 'no answer without a quorum of acks');
  net.filter = undefined;
  net.tick(1); // the next heartbeat carries the pending ctx
  assert.deepEqual(
    net.get(1n).readStates.map((r) => [r.index, dec(r.requestCtx)]),
    [[commit, 'r1']],
  );
});

test('§6.4: a follower forwards the read to the leader and gets the read index back', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.node(1n).propose(enc('a'));
  net.settle();
  net.recordSent = true;
  net.node(2n).readIndex(enc('r2'));
  net.settle();
  assert.ok(net.sent.some((m) => m.type === MsgReadIndex && m.from === 2n && m.to === 1n));
  assert.ok(net.sent.some((m) => m.type === MsgReadIndexResp && m.to === 2n));
  assert.deepEqual(
    net.get(2n).readStates.map((r) => [r.index, dec(r.requestCtx)]),
    [[net.node(1n).raft.raftLog.committed, 'r2']],
  );
});

test('§6.4: a new leader defers reads until it has committed an entry of its own term', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  // Leader 2 of a new term cannot commit its empty entry: appends are lost.
  net.filter = (m) => m.type !== MessageType.MsgApp;
  net.elect(2n);
  assert.equal(net.node(2n).raft.state, 'leader');
  const term = net.node(2n).raft.term;
  assert.notEqual(net.node(2n).raft.raftLog.term(net.node(2n).raft.raftLog.committed), term);
  net.node(2n).readIndex(enc('r'));
  net.tick(2);
  assert.equal(net.get(2n).readStates.length, 0);
  net.filter = undefined;
  net.tick(2);
  const rs = net.get(2n).readStates;
  assert.equal(rs.length, 1);
  assert.equal(
    net.node(2n).raft.raftLog.term(rs[0]!.index),
    term,
    'read index covers the current-term entry',
  );
});

test('§6.4: a single voter answers a read at once', () => {
  const net = new Network([1n]);
  net.settle();
  net.elect(1n);
  net.node(1n).readIndex(enc('solo'));
  net.settle();
  assert.equal(net.get(1n).readStates.length, 1);
  assert.equal(net.get(1n).readStates[0]!.index, net.node(1n).raft.raftLog.committed);
});

test('§6.4 positive control: testingBugs.readIndexWithoutQuorum answers without a heartbeat round', () => {
  const net = new Network([1n, 2n, 3n], { testingBugs: { readIndexWithoutQuorum: true } });
  net.settle();
  net.elect(1n);
  net.isolate(1n);
  net.node(1n).readIndex(enc('stale'));
  net.settle();
  assert.equal(net.get(1n).readStates.length, 1);
});

test('§6.4: a late ack of an answered read confirms nothing that arrived after it, even when that ctx is asked again', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.node(1n).propose(enc('a'));
  net.settle();
  // Read 'z': its heartbeat round reaches 2 and 3; 2's ack confirms it, 3's ack is still on the way.
  net.node(1n).readIndex(enc('z'));
  net.processReady(1n);
  for (const m of net.takeQueued()) net.deliver(m);
  net.processReady(2n);
  net.processReady(3n);
  const acks = net.takeQueued().filter((m) => m.type === MsgHeartbeatResp);
  const late = acks.find((m) => m.from === 3n)!;
  net.deliver(acks.find((m) => m.from === 2n)!);
  net.settle();
  assert.deepEqual(
    net.get(1n).readStates.map((r) => dec(r.requestCtx)),
    ['z'],
  );
  // Now the leader is cut off (as while its process is paused) and another member wins an election
  // and commits a write. On resume a new read arrives, and a follower's retry of 'z' (its answer had
  // not reached it) is delivered.
  net.isolate(1n);
  net.elect(2n);
  net.node(2n).propose(enc('w'));
  net.settle();
  const newCommit = net.node(2n).raft.raftLog.committed;
  assert.ok(newCommit > net.node(1n).raft.raftLog.committed);
  assert.equal(net.node(1n).raft.state, 'leader', 'the old leader has heard nothing yet');
  net.node(1n).readIndex(enc('y'));
  net.node(1n).step({ ...late, type: MsgReadIndex, from: 2n, to: 1n, term: 0, context: enc('z') });
  net.settle();
  // The ack held back from the first round arrives: it was sent before 'y' existed.
  net.node(1n).step(late);
  net.settle();
  // Answering 'y' now would serve it at the old commit index, missing the write committed by leader 2.
  assert.deepEqual(
    net.get(1n).readStates.map((r) => dec(r.requestCtx)),
    ['z'],
    "'y' must wait for acks of a heartbeat sent after it arrived",
  );
});
