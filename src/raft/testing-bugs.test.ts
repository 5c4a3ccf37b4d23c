// Each Config.testingBugs switch changes behaviour exactly as described in types.ts (the simulation
// relies on them as positive controls). The commit and ReadIndex switches are covered in
// replication.test.ts and read-index.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType } from '../api/raft-types.ts';
import type { TestingBugs } from './types.ts';
import { drain, msg, soloNode, storageWith } from './test-network.ts';

const { MsgVote, MsgVoteResp, MsgPreVote, MsgPreVoteResp } = MessageType;

function voter(bugs: TestingBugs, terms = [1, 1, 2]) {
  const s = storageWith(terms, [1n, 2n, 3n], { term: 2 });
  return { s, n: soloNode(1n, s, { testingBugs: bugs, preVote: true }) };
}

test('voteNotPersisted: the Ready hard state loses the vote, so a restart forgets it (§5.2 broken)', () => {
  for (const bug of [false, true]) {
    const { s, n } = voter({ voteNotPersisted: bug });
    n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 3, index: 3, logTerm: 2 }));
    const rd = drain(n, s);
    assert.equal(rd.hardState?.vote, bug ? 0n : 2n);
    const again = soloNode(1n, s);
    again.step(msg({ type: MsgVote, from: 3n, to: 1n, term: 3, index: 3, logTerm: 2 }));
    const resp = drain(again, s).messages.find((m) => m.type === MsgVoteResp)!;
    assert.equal(resp.reject, !bug);
  }
});

test('grantTwoVotesPerTerm: a second candidate of the same term also gets the vote', () => {
  for (const bug of [false, true]) {
    const { s, n } = voter({ grantTwoVotesPerTerm: bug });
    n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 3, index: 3, logTerm: 2 }));
    n.step(msg({ type: MsgVote, from: 3n, to: 1n, term: 3, index: 3, logTerm: 2 }));
    const resp = drain(n, s).messages.filter((m) => m.type === MsgVoteResp);
    assert.deepEqual(
      resp.map((m) => m.reject),
      [false, !bug],
    );
  }
});

test('voteSkipsLogCheck: a candidate with a stale log gets the vote (§5.4.1 broken)', () => {
  for (const bug of [false, true]) {
    const { s, n } = voter({ voteSkipsLogCheck: bug });
    n.step(msg({ type: MsgVote, from: 2n, to: 1n, term: 3, index: 5, logTerm: 1 }));
    const resp = drain(n, s).messages.find((m) => m.type === MsgVoteResp)!;
    assert.equal(resp.reject, !bug);
  }
});

test('preVoteSkipsLogCheck: a pre-candidate with a stale log gets the pre-vote (§9.6 broken); real votes unaffected', () => {
  for (const bug of [false, true]) {
    const { s, n } = voter({ preVoteSkipsLogCheck: bug });
    n.step(msg({ type: MsgPreVote, from: 2n, to: 1n, term: 3, index: 5, logTerm: 1 }));
    n.step(msg({ type: MsgVote, from: 3n, to: 1n, term: 3, index: 5, logTerm: 1 }));
    const rd = drain(n, s);
    assert.equal(rd.messages.find((m) => m.type === MsgPreVoteResp)!.reject, !bug);
    assert.equal(rd.messages.find((m) => m.type === MsgVoteResp)!.reject, true);
  }
});
