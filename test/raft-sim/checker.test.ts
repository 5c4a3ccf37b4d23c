// The checkers must be able to fail: each one is fed a hand-made history that breaks its property
// (and a harmless one that must pass), without any raft involved.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Entry } from '../../src/api/raft-types.ts';
import { SafetyChecker, SafetyViolation, chainHash } from './checker.ts';
import type { CheckName, LogView } from './checker.ts';

const A = 0xan;
const B = 0xbn;
const C = 0xcn;

const ent = (index: number, term: number, data = `e${index}t${term}`): Entry => ({
  index,
  term,
  type: 0,
  data: new TextEncoder().encode(data),
});

/** A log given as the terms of entries 1..n, optionally compacted up to `snapIndex`. */
function log(terms: number[], snapIndex = 0, snapTerm = 0): LogView {
  return {
    firstIndex: () => snapIndex + 1,
    lastIndex: () => terms.length,
    term: (i) => (i === snapIndex ? (snapIndex === 0 ? 0 : snapTerm) : i > snapIndex ? terms[i - 1] : undefined),
  };
}

function fires(check: CheckName, f: () => void): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof SafetyViolation, `expected a SafetyViolation, got ${String(e)}`);
    assert.equal(e.check, check, e.message);
    return true;
  });
}

/** Applies entries 1..n of `terms` on `member` with a correct running digest. */
function applyAll(c: SafetyChecker, member: bigint, entries: Entry[]): void {
  let chain = 0;
  for (const e of entries) c.entryApplied(member, e, (chain = chainHash(chain, e)));
}

describe('election safety', () => {
  it('fires on two leaders in one term, not on one leader per term', () => {
    const c = new SafetyChecker();
    c.leaderElected(A, 2, log([1, 2]));
    c.leaderElected(A, 2, log([1, 2]));
    c.leaderElected(B, 3, log([1, 2, 3]));
    fires('election-safety', () => c.leaderElected(C, 3, log([1, 2, 3])));
  });
});

describe('log matching', () => {
  it('fires when one (index, term) follows different histories', () => {
    const c = new SafetyChecker();
    c.entriesPersisted(A, [ent(1, 1), ent(2, 2), ent(3, 2)], log([]), 2);
    c.entriesPersisted(B, [ent(1, 1), ent(2, 2)], log([]), 2);
    // C has entry 3 of term 2 after an entry 2 of term 1: impossible if logs match.
    fires('log-matching', () => c.entriesPersisted(C, [ent(3, 2)], log([1, 1]), 2));
  });
  it('fires when one (index, term) carries two different commands', () => {
    const c = new SafetyChecker();
    c.entriesPersisted(A, [ent(1, 1, 'x')], log([]), 1);
    fires('log-matching', () => c.entriesPersisted(B, [ent(1, 1, 'y')], log([]), 1));
  });
  it('accepts the first entry after a snapshot', () => {
    const c = new SafetyChecker();
    c.entriesPersisted(A, [ent(1, 1), ent(2, 1), ent(3, 2)], log([]), 2);
    c.entriesPersisted(B, [ent(3, 2)], log([1, 1], 2, 1), 2);
  });
});

describe('leader completeness', () => {
  it('fires when a new leader lacks an entry committed in an earlier term', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 2)]);
    c.leaderCommitted(2, 2);
    c.leaderElected(B, 3, log([1, 2, 3]));
    fires('leader-completeness', () => c.leaderElected(C, 4, log([1, 3])));
    fires('leader-completeness', () => c.leaderElected(C, 4, log([1])));
  });
  it('lets a leader of an older term win late with votes granted before the commit', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 4)]);
    c.leaderCommitted(4, 2);
    c.leaderElected(B, 3, log([1, 3]));
  });
  it('trusts the snapshot for compacted committed entries', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 2), ent(3, 2)]);
    c.leaderCommitted(2, 3);
    c.leaderElected(B, 3, log([1, 2, 2, 3], 3, 2));
  });
});

describe('state machine safety', () => {
  it('fires when two members apply different entries at one index', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 1, 'x')]);
    fires('state-machine-safety', () => applyAll(c, B, [ent(1, 1), ent(2, 1, 'y')]));
  });
  it('fires when two members reach different configurations at one index', () => {
    const c = new SafetyChecker();
    c.confApplied(A, 3, { voters: [A, B, C], learners: [] });
    c.confApplied(B, 3, { voters: [C, B, A], learners: [] });
    fires('state-machine-safety', () => c.confApplied(C, 3, { voters: [A, B], learners: [C] }));
  });
  it('fires when a snapshot holds a different state than the applied entries', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 1)]);
    c.snapshotApplied(B, 2, chainHash(chainHash(0, ent(1, 1)), ent(2, 1)));
    fires('state-machine-safety', () => c.snapshotApplied(C, 2, 12345));
  });
});

describe('committed entries are never lost', () => {
  it('fires when a leader of the committing term or later makes a member drop a committed entry', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 1)]);
    c.leaderCommitted(3, 2);
    // Overwriting an uncommitted suffix is normal.
    c.entriesPersisted(B, [ent(3, 3)], log([1, 1, 2]), 3);
    fires('committed-entry-lost', () => c.entriesPersisted(B, [ent(2, 4)], log([1, 1, 3]), 4));
  });
  it('lets a stale leader of an older term overwrite it on a member outside the committing quorum', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 1)]);
    c.leaderCommitted(5, 2);
    c.entriesPersisted(B, [ent(2, 3)], log([1, 1]), 3);
  });
  it('lets a stale entry at a committed index be replaced', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 3)]);
    c.leaderCommitted(3, 2);
    c.entriesPersisted(B, [ent(2, 3)], log([1, 2]), 3);
  });
});

describe('durability and votes', () => {
  it('fires when the hard state goes back or a vote changes within a term', () => {
    const c = new SafetyChecker();
    c.hardStatePersisted(A, { term: 3, vote: B, commit: 5 });
    c.hardStatePersisted(A, { term: 4, vote: 0n, commit: 5 });
    fires('durability', () => c.hardStatePersisted(A, { term: 3, vote: 0n, commit: 5 }));
    fires('durability', () => c.hardStatePersisted(A, { term: 4, vote: 0n, commit: 4 }));
    c.hardStatePersisted(A, { term: 4, vote: C, commit: 5 });
    fires('durability', () => c.hardStatePersisted(A, { term: 4, vote: B, commit: 5 }));
  });
  it('fires when an entry is applied beyond the durable commit', () => {
    const c = new SafetyChecker();
    c.hardStatePersisted(A, { term: 2, vote: 0n, commit: 3 });
    c.applying(A, 3);
    fires('durability', () => c.applying(A, 4));
  });
  it('fires when a vote is sent before it is durable', () => {
    const c = new SafetyChecker();
    c.hardStatePersisted(A, { term: 2, vote: 0n, commit: 0 });
    fires('durability', () => c.voteGranted({ voter: A, candidate: B, term: 2, preVote: false, voterLog: log([]) }));
    fires('durability', () => c.campaignStarted(A, 3));
    // Requests of an abandoned election may leave once a later term is durable.
    c.hardStatePersisted(A, { term: 4, vote: A, commit: 0 });
    c.campaignStarted(A, 3);
    c.campaignStarted(A, 4);
  });
  it('fires when a member votes twice in a term (self-vote included), even if its hard state says otherwise', () => {
    const c = new SafetyChecker({ disabled: ['durability'] });
    c.campaignStarted(A, 5);
    fires('double-vote', () => c.voteGranted({ voter: A, candidate: B, term: 5, preVote: false, voterLog: log([]) }));
    c.voteGranted({ voter: C, candidate: B, term: 6, preVote: false, voterLog: log([]) });
    c.voteGranted({ voter: C, candidate: B, term: 6, preVote: false, voterLog: log([]) });
    fires('double-vote', () => c.voteGranted({ voter: C, candidate: A, term: 6, preVote: false, voterLog: log([]) }));
  });
  it('fires when a vote or a pre-vote goes to a candidate whose log is behind (§5.4.1)', () => {
    const c = new SafetyChecker({ disabled: ['durability'] });
    const voterLog = log([1, 2, 2]);
    c.voteGranted({ voter: A, candidate: B, term: 3, preVote: false, candidateLast: { index: 2, term: 3 }, voterLog });
    c.voteGranted({ voter: A, candidate: C, term: 4, preVote: false, candidateLast: { index: 3, term: 2 }, voterLog });
    fires('vote-log-check', () =>
      c.voteGranted({ voter: A, candidate: B, term: 5, preVote: false, candidateLast: { index: 9, term: 1 }, voterLog }),
    );
    fires('prevote-log-check', () =>
      c.voteGranted({ voter: A, candidate: B, term: 6, preVote: true, candidateLast: { index: 2, term: 2 }, voterLog }),
    );
  });
});

describe('stale campaign after pre-vote', () => {
  it('fires when a pre-vote winner lacks an entry committed before its pre-campaign began', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 2)]);
    c.preCampaignStarted(B, 3);
    applyAll(c, C, [ent(1, 1), ent(2, 2), ent(3, 2)]);
    // Entry 3 was committed after B's pre-campaign began: B may lack it.
    c.campaignAfterPreVote(B, 3, log([1, 2]));
    c.preCampaignStarted(C, 3);
    fires('stale-campaign', () => c.campaignAfterPreVote(C, 3, log([1, 2])));
    // A campaign without a recorded pre-campaign (pre-vote off, leader transfer) is not judged.
    c.campaignAfterPreVote(A, 4, log([1]));
  });
});

describe('reads', () => {
  it('fires when a read started after a commit gets an older read index', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1), ent(2, 1)]);
    c.readStarted(1, B);
    c.readAnswered(1, B, 2);
    c.readStarted(2, B);
    fires('read-linearizability', () => c.readAnswered(2, B, 1));
  });
  it('fires when a read index never becomes committed', () => {
    const c = new SafetyChecker();
    applyAll(c, A, [ent(1, 1)]);
    c.readStarted(1, B);
    c.readAnswered(1, B, 7);
    fires('read-index-committed', () => c.finalChecks());
  });
});

it('reports liveness failures and honours disabled checks', () => {
  fires('liveness', () => new SafetyChecker().reportLiveness('stuck'));
  const c = new SafetyChecker({ disabled: ['election-safety'] });
  c.leaderElected(A, 1, log([]));
  c.leaderElected(B, 1, log([]));
});
