// The Ready contract (types.ts): persist → send → apply → advance; nothing handed out twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConfChange } from '../api/raft-codec.ts';
import { EntryType, MessageType } from '../api/raft-types.ts';
import { MemoryStorage } from './memory-storage.ts';
import { ErrStepLocalMsg } from './types.ts';
import { Network, drain, enc, msg, soloNode } from './test-network.ts';

test('bootstrap: the first Ready persists and applies one AddNode entry per peer at term 1', () => {
  const s = new MemoryStorage();
  const n = soloNode(1n, s);
  n.bootstrap([1n, 2n, 3n]);
  assert.throws(() => n.bootstrap([1n]));
  const rd = drain(n, s);
  assert.deepEqual(rd.entries.map((e) => [e.index, e.term, e.type]), [
    [1, 1, EntryType.ConfChange],
    [2, 1, EntryType.ConfChange],
    [3, 1, EntryType.ConfChange],
  ]);
  assert.deepEqual(rd.committedEntries.map((e) => decodeConfChange(e.data).nodeId), [1n, 2n, 3n]);
  assert.deepEqual(rd.hardState, { term: 1, vote: 0n, commit: 3 });
  assert.equal(rd.mustSync, true);
  assert.deepEqual(n.raft.trk.voters, [1n, 2n, 3n], 'membership applied at once');
  assert.equal(n.hasReady(), false);
});

test('Ready: entries are handed out once and committed entries once', () => {
  const net = new Network([1n]);
  net.settle();
  net.elect(1n);
  const n = net.node(1n);
  n.propose(enc('a'));
  const rd1 = n.ready();
  // Index 1: bootstrap entry, 2: the leader's empty entry.
  assert.deepEqual(rd1.entries.map((e) => e.index), [3]);
  assert.deepEqual(rd1.committedEntries.map((e) => e.index), [3], 'a single voter commits at once');
  n.propose(enc('b'));
  const rd2 = n.ready();
  assert.deepEqual(rd2.entries.map((e) => e.index), [4]);
  assert.deepEqual(rd2.committedEntries.map((e) => e.index), [4]);
  net.get(1n).storage.append(rd1.entries);
  net.get(1n).storage.append(rd2.entries);
  n.advance(rd1);
  n.advance(rd2);
  assert.equal(n.hasReady(), false);
  assert.equal(n.raft.raftLog.applied, 4);
});

test('Ready: mustSync only when term, vote or entries change; a commit-only change does not need fsync', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  const n2 = net.node(2n);
  const m = net.get(2n);
  net.node(1n).propose(enc('x'));
  net.processReady(1n);
  const apps = net.takeQueued().filter((x) => x.to === 2n);
  for (const a of apps) n2.step(a);
  const rd = drain(n2, m.storage);
  assert.equal(rd.entries.length, 1);
  assert.equal(rd.mustSync, true);
  // A heartbeat that only moves the commit index.
  n2.step(msg({ type: MessageType.MsgHeartbeat, from: 1n, to: 2n, term: n2.raft.term, commit: rd.entries[0]!.index }));
  const rd2 = drain(n2, m.storage);
  assert.equal(rd2.hardState?.commit, rd.entries[0]!.index);
  assert.equal(rd2.mustSync, false);
  assert.equal(rd2.committedEntries.length, 1);
});

test('Ready: softState reports leader and role changes once', () => {
  const net = new Network([1n]);
  const n = net.node(1n);
  const rd0 = n.ready();
  assert.equal(rd0.softState, undefined);
  net.get(1n).storage.append(rd0.entries);
  n.advance(rd0);
  n.campaign();
  const rd = n.ready();
  assert.deepEqual(rd.softState, { lead: 1n, state: 'leader' });
  n.advance(rd);
  assert.equal(n.ready().softState, undefined);
});

test('step: local-only message types from the network are rejected; responses from strangers are ignored', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  const n = net.node(1n);
  for (const type of [MessageType.MsgHup, MessageType.MsgBeat, MessageType.MsgCheckQuorum, MessageType.MsgUnreachable, MessageType.MsgSnapStatus]) {
    assert.throws(() => n.step(msg({ type, from: 2n, to: 1n })), (e) => e === ErrStepLocalMsg);
  }
  const before = n.raft.term;
  n.step(msg({ type: MessageType.MsgAppResp, from: 99n, to: 1n, term: before + 5, index: 1 }));
  assert.equal(n.raft.term, before);
  assert.equal(n.raft.state, 'leader');
});

test('restart: term, vote and commit come from the hard state, membership from the conf state', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(2n);
  net.node(2n).propose(enc('x'));
  net.settle();
  const hs = net.get(3n).storage.hardState();
  net.restart(3n);
  const n3 = net.node(3n);
  assert.deepEqual(n3.raft.hardState(), hs);
  assert.equal(n3.raft.state, 'follower');
  net.tick(3);
  assert.equal(net.node(3n).raft.lead, 2n);
});

test('proposeBatch: many entries go into one log append and one MsgApp per follower', () => {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.recordSent = true;
  net.node(1n).proposeBatch([enc('a'), enc('b'), enc('c')]);
  net.settle();
  const apps = net.sent.filter((m) => m.type === MessageType.MsgApp && m.entries.length > 0);
  assert.deepEqual(apps.map((m) => [m.to, m.entries.length]), [[2n, 3], [3n, 3]]);
  for (const id of [1n, 2n, 3n]) assert.equal(net.get(id).applied.length, 3);
});
