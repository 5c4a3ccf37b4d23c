// Leadership transfer (Raft thesis §3.10) and proposal forwarding / dropping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import { ErrProposalDropped } from './types.ts';
import { Network, dec, enc } from './test-network.ts';

const { MsgTimeoutNow, MsgProp } = MessageType;

test('§3.10: leadership moves to an up-to-date transferee, which campaigns at once', () => {
  const net = new Network([1n, 2n, 3n], { checkQuorum: true, preVote: true });
  net.settle();
  net.elect(1n);
  const term = net.node(1n).raft.term;
  net.recordSent = true;
  net.node(1n).transferLeader(2n);
  net.settle();
  assert.ok(net.sent.some((m) => m.type === MsgTimeoutNow && m.to === 2n));
  assert.equal(net.leader(), 2n);
  assert.equal(net.node(2n).raft.term, term + 1, 'no pre-vote round, despite leases');
  assert.equal(net.node(1n).raft.lead, 2n);
});

test('§3.10: the leader first brings a lagging transferee up to date, and refuses proposals meanwhile', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.isolate(3n);
  net.node(1n).propose(enc('a'));
  net.settle();
  net.heal();
  net.filter = (m) => !(m.to === 3n && m.type === MessageType.MsgApp);
  net.node(1n).transferLeader(3n);
  net.settle();
  assert.equal(net.node(1n).raft.leadTransferee, 3n);
  assert.throws(() => net.node(1n).propose(enc('b')), (e) => e === ErrProposalDropped);
  net.filter = undefined;
  net.tick(1); // heartbeat response → append → caught up → MsgTimeoutNow
  assert.equal(net.leader(), 3n);
  assert.deepEqual(net.get(3n).applied.map((e) => dec(e.data)), ['a']);
});

test('§3.10: a transfer that does not finish within an election timeout is aborted', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.isolate(3n);
  net.node(1n).transferLeader(3n);
  net.settle();
  assert.equal(net.node(1n).raft.leadTransferee, 3n);
  net.tick(10, [1n, 2n]);
  assert.equal(net.node(1n).raft.leadTransferee, 0n);
  assert.equal(net.leader(), 1n);
  net.node(1n).propose(enc('ok again'));
});

test('proposals: a follower forwards to the leader; without a leader (or with forwarding disabled) they are dropped', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  assert.throws(() => net.node(2n).propose(enc('x')), (e) => e === ErrProposalDropped);
  net.elect(1n);
  net.recordSent = true;
  net.node(2n).propose(enc('via 2'));
  net.settle();
  assert.ok(net.sent.some((m) => m.type === MsgProp && m.from === 2n && m.to === 1n));
  for (const id of [1n, 2n, 3n]) assert.deepEqual(net.get(id).applied.map((e) => dec(e.data)), ['via 2']);

  const quiet = new Network([1n, 2n, 3n], { disableProposalForwarding: true });
  quiet.settle();
  quiet.elect(1n);
  assert.throws(() => quiet.node(2n).propose(enc('x')), (e) => e === ErrProposalDropped);
});

test('proposals: a candidate drops proposals; the uncommitted-size limit drops them at the leader', () => {
  const net = new Network([1n, 2n, 3n], { maxUncommittedEntriesSize: 100 });
  net.settle();
  net.isolate(1n);
  net.elect(1n);
  assert.equal(net.node(1n).raft.state, 'candidate');
  assert.throws(() => net.node(1n).propose(enc('x')), (e) => e === ErrProposalDropped);
  net.heal();
  net.elect(2n);
  net.isolate(2n); // nothing commits, so nothing is released
  const leader = net.node(2n);
  leader.propose(new Uint8Array(60));
  leader.propose(new Uint8Array(30));
  assert.throws(() => leader.propose(new Uint8Array(30)), (e) => e === ErrProposalDropped);
  net.heal();
  net.tick(2);
  leader.propose(new Uint8Array(30)); // committed and applied entries free the budget
});
