// Units of the replication flow control: the inflight ring buffer and the Progress state machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Inflights } from './inflights.ts';
import { Progress } from './progress.ts';
import { majorityCommitted, majorityVoteResult, VoteResult } from './quorum.ts';

test('Inflights: ring buffer wraps around and frees acknowledged messages in order', () => {
  const inf = new Inflights(4);
  for (const i of [10, 20, 30, 40]) inf.add(i);
  assert.equal(inf.full(), true);
  assert.throws(() => inf.add(50));
  inf.freeLE(25);
  assert.equal(inf.length, 2);
  inf.add(50);
  inf.add(60); // wraps
  assert.equal(inf.full(), true);
  inf.freeLE(45);
  assert.equal(inf.length, 2);
  inf.freeLE(5); // nothing that old
  assert.equal(inf.length, 2);
  inf.freeLE(60);
  assert.equal(inf.length, 0);
  inf.add(70);
  assert.equal(inf.length, 1);
});

test('Progress: probe sends one message at a time; replicate pipelines up to the window', () => {
  const pr = new Progress(11, 2, false);
  assert.equal(pr.isPaused(), false);
  pr.sentEntries(3, 13);
  assert.equal(pr.isPaused(), true, 'a probe is outstanding');
  assert.equal(pr.maybeUpdate(13), true);
  pr.becomeReplicate();
  assert.equal(pr.next, 14);
  pr.sentEntries(2, 15);
  pr.sentEntries(1, 16);
  assert.equal(pr.isPaused(), true, 'window of 2 is full');
  assert.equal(pr.next, 17);
  pr.maybeUpdate(15);
  pr.inflights.freeLE(15);
  assert.equal(pr.inflights.length, 1);
});

test('Progress: maybeDecrTo ignores stale rejections and uses the match hint (fast backtracking)', () => {
  const pr = new Progress(11, 8, false);
  // Probe state: only a rejection of next-1 counts.
  assert.equal(pr.maybeDecrTo(5, 0), false);
  assert.equal(pr.maybeDecrTo(10, 3), true);
  assert.equal(pr.next, 4);
  // Replicate state: a rejection at or below match is stale; otherwise back to match+1.
  pr.match = 6;
  pr.becomeReplicate();
  pr.sentEntries(4, 11);
  assert.equal(pr.maybeDecrTo(6, 0), false);
  assert.equal(pr.maybeDecrTo(9, 0), true);
  assert.equal(pr.next, 7);
});

test('Progress: snapshot state pauses until the snapshot is reported, then probes after it', () => {
  const pr = new Progress(5, 8, false);
  pr.becomeSnapshot(100);
  assert.equal(pr.isPaused(), true);
  pr.becomeProbe();
  assert.equal(pr.next, 101);
});

test('quorum: commit index is the majority median of voter matches (Raft §5.3)', () => {
  assert.equal(majorityCommitted([5, 1, 3], 3), 3);
  assert.equal(majorityCommitted([5, 1, 3, 4], 4), 3);
  assert.equal(majorityCommitted([2, 9, 9, 1, 7], 5), 7);
  assert.equal(majorityCommitted([4], 1), 4);
  assert.equal(majorityVoteResult(3, 2, 0), VoteResult.Won);
  assert.equal(majorityVoteResult(3, 1, 1), VoteResult.Pending);
  assert.equal(majorityVoteResult(3, 1, 2), VoteResult.Lost);
  assert.equal(majorityVoteResult(4, 2, 2), VoteResult.Lost);
});
