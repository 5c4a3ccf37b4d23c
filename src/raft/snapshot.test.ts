// Log compaction and InstallSnapshot (Raft §7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import { ErrSnapshotTemporarilyUnavailable } from './types.ts';
import type { Message, Snapshot } from './types.ts';
import { MemoryStorage } from './memory-storage.ts';
import { Network, enc } from './test-network.ts';

const { MsgSnap } = MessageType;

function compactedCluster(): Network {
  const net = new Network([1n, 2n, 3n]);
  net.settle();
  net.elect(1n);
  net.isolate(3n);
  for (let i = 0; i < 5; i++) net.node(1n).propose(enc(`p${i}`));
  net.settle();
  const m1 = net.get(1n);
  m1.storage.createSnapshot(m1.appliedIndex, m1.confState, enc(`state@${m1.appliedIndex}`));
  m1.storage.compact(m1.appliedIndex);
  return net;
}

test('§7: a follower that needs compacted entries gets the snapshot, restores from it, then follows the log', () => {
  const net = compactedCluster();
  const snapIndex = net.get(1n).storage.snapshot().metadata.index;
  net.recordSent = true;
  net.heal();
  net.tick(1);
  const sent = net.sent.find((m) => m.type === MsgSnap && m.to === 3n);
  assert.ok(sent !== undefined);
  net.node(1n).reportSnapshot(3n, false);
  net.settle();
  const m3 = net.get(3n);
  assert.equal(m3.storage.snapshot().metadata.index, snapIndex);
  assert.equal(m3.appliedIndex, snapIndex);
  assert.deepEqual(m3.confState.voters, [1n, 2n, 3n]);
  assert.equal(net.node(1n).status().progress?.get(3n)?.state, 'replicate');
  net.node(1n).propose(enc('after'));
  net.settle();
  assert.equal(m3.appliedIndex, net.get(1n).appliedIndex);
  assert.equal(m3.node.raft.raftLog.committed, net.node(1n).raft.raftLog.committed);
});

test('§7: the snapshot comes out in Ready.snapshot with no committed entries until it is applied', () => {
  const net = compactedCluster();
  let snapMsg: Message | undefined;
  net.filter = (m) => {
    if (m.type !== MsgSnap) return true;
    snapMsg = m;
    return false;
  };
  net.heal();
  net.tick(2);
  assert.ok(snapMsg !== undefined);
  net.node(3n).step(snapMsg);
  const n3 = net.node(3n);
  assert.equal(n3.hasReady(), true);
  const rd = n3.ready();
  assert.ok(rd.snapshot !== undefined);
  assert.equal(rd.committedEntries.length, 0);
  assert.equal(rd.hardState?.commit, rd.snapshot.metadata.index);
  assert.equal(n3.raft.promotable(), false, 'no campaign while a snapshot is pending');
});

test('§7: a failed snapshot (reportSnapshot failed) is retried after probing resumes', () => {
  const net = compactedCluster();
  net.recordSent = true;
  net.filter = (m) => m.type !== MsgSnap;
  net.heal();
  net.tick(1);
  assert.equal(net.node(1n).status().progress?.get(3n)?.state, 'snapshot');
  net.node(1n).reportSnapshot(3n, true);
  assert.equal(net.node(1n).status().progress?.get(3n)?.state, 'probe');
  net.filter = undefined;
  net.tick(2);
  assert.equal(net.sent.filter((m) => m.type === MsgSnap && m.to === 3n).length, 2);
  net.node(1n).reportSnapshot(3n, false);
  net.tick(1);
  assert.equal(net.get(3n).appliedIndex, net.get(1n).appliedIndex);
});

test('§7: ErrSnapshotTemporarilyUnavailable makes the leader retry later instead of failing', () => {
  const net = compactedCluster();
  const s1 = net.get(1n).storage;
  let unavailable = true;
  const real = s1.snapshot.bind(s1);
  s1.snapshot = (): Snapshot => {
    if (unavailable) throw ErrSnapshotTemporarilyUnavailable;
    return real();
  };
  net.heal();
  net.tick(2);
  assert.equal(net.node(1n).status().progress?.get(3n)?.state, 'probe');
  unavailable = false;
  net.tick(1);
  net.node(1n).reportSnapshot(3n, false);
  net.tick(1);
  assert.equal(net.get(3n).appliedIndex, net.get(1n).appliedIndex);
});

test('§7: a restarted member resumes from its persisted snapshot and log', () => {
  const net = compactedCluster();
  const m1 = net.get(1n);
  const before = m1.node.raft.raftLog.lastIndex();
  net.restart(1n);
  const n1 = net.node(1n);
  assert.equal(n1.raft.raftLog.firstIndex(), m1.storage.firstIndex());
  assert.equal(n1.raft.raftLog.lastIndex(), before);
  assert.equal(n1.raft.raftLog.applied, m1.appliedIndex);
  assert.equal(n1.hasReady(), false, 'nothing to re-apply: applied index passed in Config.applied');
  assert.ok(new MemoryStorage().initialState().confState.voters.length === 0);
});
