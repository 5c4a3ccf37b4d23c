// Positive controls: raft with one deliberate bug (Config.testingBugs) must be caught by the
// simulation within a seed budget, and by the checker that watches the property the bug breaks.
// Where a direct protocol check exists (e.g. "a vote left before it was durable"), a second control
// switches that check off to show that the damage itself (two leaders in a term, a lost committed
// entry) is caught too. Each caught seed is rerun without the bug and must then pass: the failure
// is the bug's doing, not the harness's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CheckName } from './checker.ts';
import type { BugName, SimOptions } from './options.ts';
import { realRaft } from './raft-api.ts';
import { runSimulation } from './simulator.ts';

const BUDGET = 300;
const STEPS = 3000;

interface Control {
  bug: BugName;
  why: string;
  expect: CheckName[];
  options?: Partial<SimOptions>;
  /** Fixed member count; otherwise seeds alternate 3 and 5. */
  nodes?: number;
  /** The violation must also read like this; other catches by the expected check are passed over. */
  match?: RegExp;
}

const controls: Control[] = [
  {
    bug: 'voteNotPersisted',
    why: 'a vote (or a candidate self-vote) leaves before the hard state holding it is durable',
    expect: ['durability'],
  },
  {
    bug: 'voteNotPersisted',
    why: 'after a crash the member has forgotten its vote and votes again in the same term',
    expect: ['double-vote'],
    options: { profile: 'churn', disabledChecks: ['durability'] },
  },
  {
    bug: 'voteNotPersisted',
    why: 'the forgotten vote elects a second leader in one term',
    expect: ['election-safety'],
    options: { profile: 'churn', disabledChecks: ['durability', 'double-vote'] },
  },
  {
    bug: 'grantTwoVotesPerTerm',
    why: 'a member replaces its vote within a term (seen in its hard state, or as a second grant)',
    expect: ['durability', 'double-vote'],
  },
  {
    bug: 'grantTwoVotesPerTerm',
    why: 'two candidates each gather a majority in one term',
    expect: ['election-safety'],
    options: { profile: 'churn', disabledChecks: ['durability', 'double-vote'] },
  },
  {
    bug: 'voteSkipsLogCheck',
    why: 'a vote goes to a candidate whose log is behind the voter (§5.4.1); pre-vote off so the pre-vote round cannot filter it',
    expect: ['vote-log-check'],
    options: { preVote: false },
  },
  {
    bug: 'voteSkipsLogCheck',
    why: 'a candidate missing committed entries wins and overwrites them (§5.4 leader completeness)',
    expect: ['leader-completeness', 'committed-entry-lost', 'state-machine-safety'],
    options: { preVote: false, profile: 'churn', disabledChecks: ['vote-log-check'] },
  },
  {
    // Thesis §9.6 grants a pre-vote on exactly the RequestVote condition, so a grant to a candidate
    // whose log is behind the granter's is a violation in itself.
    bug: 'preVoteSkipsLogCheck',
    why: 'a pre-vote goes to a candidate whose log is behind the granter',
    expect: ['prevote-log-check'],
    options: { preVote: true },
  },
  {
    // The bug cannot break a safety property: the real vote after a won pre-vote still checks the
    // log, so the stale candidate is refused. The harm is disruption: it bumps the term and deposes a
    // working leader, which pre-vote exists to prevent. stale-campaign observes exactly that: a member
    // that starts a real election after a pre-vote while missing entries committed before its
    // pre-campaign began (a correct pre-vote quorum makes that impossible; see checker.ts).
    bug: 'preVoteSkipsLogCheck',
    why: 'a member missing committed entries wins the pre-vote and disrupts the cluster with a real election',
    expect: ['stale-campaign'],
    options: { preVote: true, disabledChecks: ['prevote-log-check'] },
  },
  {
    bug: 'readIndexWithoutQuorum',
    why: 'a leader answers a read with a commit index it has not confirmed is current',
    expect: ['read-linearizability'],
  },
  {
    bug: 'readIndexWithoutQuorum',
    why: 'a deposed leader cut off from its successor answers a read with its stale commit index',
    expect: ['read-linearizability'],
    options: { profile: 'staleLeader' },
    match: /deposed leader/,
  },
  {
    bug: 'commitOldTermByCounting',
    why: 'Figure 8: an old-term entry counted as committed is overwritten by a newer leader',
    expect: ['leader-completeness', 'committed-entry-lost', 'state-machine-safety'],
    options: { profile: 'figure8' },
    nodes: 3,
  },
  {
    bug: 'commitOldTermByCounting',
    why: 'Figure 8 with five members',
    expect: ['leader-completeness', 'committed-entry-lost', 'state-machine-safety'],
    options: { profile: 'figure8' },
    nodes: 5,
  },
];

describe('positive controls: each testing bug is caught', () => {
  for (const c of controls) {
    const off = c.options?.disabledChecks?.length ? ` (with ${c.options.disabledChecks.join(', ')} off)` : '';
    it(`${c.bug}${off}: ${c.expect.join(' or ')} fires — ${c.why}`, (t) => {
      for (let seed = 1; seed <= BUDGET; seed++) {
        const opts: SimOptions = {
          seed,
          nodes: c.nodes ?? (seed % 2 === 0 ? 5 : 3),
          steps: STEPS,
          bug: c.bug,
          ...c.options,
        };
        const r = runSimulation(realRaft, opts);
        if (r.ok) continue;
        assert.equal(r.error, undefined, `seed ${seed}: raft threw instead of a check firing: ${String(r.error)}`);
        const check = r.violation!.check;
        assert.ok(c.expect.includes(check), `seed ${seed}: wrong checker fired: ${r.violation!.message}\n${r.replay}`);
        if (c.match && !c.match.test(r.violation!.message)) continue;
        const { bug: _bug, ...withoutBug } = opts;
        const clean = runSimulation(realRaft, withoutBug);
        assert.ok(clean.ok, `seed ${seed} fails without the bug too: ${clean.violation?.message ?? String(clean.error)}`);
        t.diagnostic(`caught at seed ${seed} by ${check}: ${r.violation!.message}`);
        t.diagnostic(r.replay);
        return;
      }
      assert.fail(`${c.bug} not caught in ${BUDGET} seeds`);
    });
  }
});
