// The leader's (and candidate's) view of the configuration: voters, learners, one Progress per member,
// and the votes of the current election.
import { Progress } from './progress.ts';
import { VoteResult, majorityCommitted, majorityVoteResult } from './quorum.ts';
import type { ConfState } from './types.ts';

export class ProgressTracker {
  readonly progress = new Map<bigint, Progress>();
  /** Voter IDs in a stable order (configuration order). */
  voters: bigint[] = [];
  learners: bigint[] = [];
  /** Progress of each voter, parallel to `voters`; rebuilt on every configuration change. */
  private voterProgress: Progress[] = [];
  private scratch: number[] = [];
  readonly votes = new Map<bigint, boolean>();

  constructor(readonly maxInflight: number) {}

  isVoter(id: bigint): boolean {
    const pr = this.progress.get(id);
    return pr !== undefined && !pr.isLearner;
  }

  isSingleton(): boolean {
    return this.voters.length === 1;
  }

  confState(): ConfState {
    return { voters: [...this.voters], learners: [...this.learners] };
  }

  /** Replaces the configuration, keeping the Progress of members that stay. */
  reset(cs: ConfState, nextIndex: number): void {
    const old = this.progress;
    const keep = new Map(old);
    this.progress.clear();
    const add = (id: bigint, learner: boolean): void => {
      let pr = keep.get(id);
      if (pr === undefined) {
        pr = new Progress(nextIndex, this.maxInflight, learner);
        // A new member counts as active so check-quorum does not depose the leader before it answers.
        pr.recentActive = true;
      }
      pr.isLearner = learner;
      this.progress.set(id, pr);
    };
    for (const id of cs.voters) add(id, false);
    for (const id of cs.learners) if (!this.progress.has(id)) add(id, true);
    this.rebuild();
  }

  /** Recomputes the voter/learner lists after progress entries were added, removed or re-flagged. */
  rebuild(): void {
    this.voters = [];
    this.learners = [];
    this.voterProgress = [];
    for (const [id, pr] of this.progress) {
      if (pr.isLearner) this.learners.push(id);
      else {
        this.voters.push(id);
        this.voterProgress.push(pr);
      }
    }
    this.scratch = new Array<number>(this.voters.length).fill(0);
  }

  /** Highest index replicated on a majority of voters (Raft §5.3, §5.4.2 is checked by the caller). */
  committed(): number {
    const n = this.voterProgress.length;
    const s = this.scratch;
    for (let i = 0; i < n; i++) s[i] = this.voterProgress[i]!.match;
    return majorityCommitted(s, n);
  }

  resetVotes(): void {
    this.votes.clear();
  }

  recordVote(id: bigint, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const id of this.voters) {
      const v = this.votes.get(id);
      if (v === true) granted++;
      else if (v === false) rejected++;
    }
    return { granted, rejected, result: majorityVoteResult(this.voters.length, granted, rejected) };
  }

  /** Whether a majority of voters was heard from recently (check-quorum); self counts as active. */
  quorumActive(self: bigint): boolean {
    let active = 0;
    for (let i = 0; i < this.voters.length; i++) {
      if (this.voters[i] === self || this.voterProgress[i]!.recentActive) active++;
    }
    return majorityVoteResult(this.voters.length, active, this.voters.length - active) === VoteResult.Won;
  }

  /** Whether the voters in `acks` form a majority (ReadIndex confirmation). */
  voteResultOf(acks: ReadonlySet<bigint>): VoteResult {
    let granted = 0;
    for (const id of this.voters) if (acks.has(id)) granted++;
    return majorityVoteResult(this.voters.length, granted, this.voters.length - granted);
  }
}
