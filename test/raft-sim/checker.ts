// Safety checkers for the raft simulation. The checker knows nothing about RawNode: it is fed
// events (hard state persisted, entries persisted, leader seen, entry applied, vote granted, read
// answered) and throws a SafetyViolation naming the property that broke. That keeps it testable with
// hand-made histories (checker.test.ts) and keeps the simulation honest: a checker that cannot fire
// proves nothing.
import type { ConfState, Entry, HardState } from '../../src/api/raft-types.ts';

export const CheckName = {
  /** Raft Figure 3: at most one leader per term. */
  ElectionSafety: 'election-safety',
  /** §5.3: entries with the same index and term carry the same command and the same history before them. */
  LogMatching: 'log-matching',
  /** §5.4: a leader's log holds every entry committed before it was elected. */
  LeaderCompleteness: 'leader-completeness',
  /** §5.4.3: no two members apply different entries at one index. */
  StateMachineSafety: 'state-machine-safety',
  /** A member never truncates an entry that is committed. */
  CommittedEntryLost: 'committed-entry-lost',
  /** Hard state never goes back; a vote or a campaign never leaves before the vote is durable. */
  Durability: 'durability',
  /** A member grants at most one vote per term, across restarts included (§5.2). */
  DoubleVote: 'double-vote',
  /** §5.4.1: a vote is granted only to a candidate whose log is at least as up to date. */
  VoteLogCheck: 'vote-log-check',
  /** Thesis §9.6: a pre-vote is granted on the same log condition as a real vote. */
  PreVoteLogCheck: 'prevote-log-check',
  /** Thesis §9.6: with pre-vote, only a member holding every entry committed before its pre-campaign starts an election. */
  StaleCampaign: 'stale-campaign',
  /** A read that starts after a write was acknowledged gets a read index at or after that write. */
  ReadLinearizability: 'read-linearizability',
  /** A read index handed to a client is an index that ends up committed. */
  ReadIndexCommitted: 'read-index-committed',
  /** After all faults heal, a leader emerges and a new proposal commits on every member. */
  Liveness: 'liveness',
} as const;
export type CheckName = (typeof CheckName)[keyof typeof CheckName];

export class SafetyViolation extends Error {
  override name = 'SafetyViolation';
  constructor(
    readonly check: CheckName,
    message: string,
  ) {
    super(`[${check}] ${message}`);
  }
}

/** A read-only view of one member's log, as persisted. */
export interface LogView {
  /** Index of the first entry still held (snapshot index + 1). */
  firstIndex(): number;
  lastIndex(): number;
  /** Term of entry i (i may be firstIndex-1, the snapshot); undefined when compacted or absent. */
  term(i: number): number | undefined;
}

/** Position of the last entry of a log, compared by §5.4.1 (term first, then index). */
export interface LogPosition {
  index: number;
  term: number;
}

export function isUpToDate(candidate: LogPosition, voter: LogPosition): boolean {
  return candidate.term > voter.term || (candidate.term === voter.term && candidate.index >= voter.index);
}

export function lastPosition(log: LogView): LogPosition {
  const index = log.lastIndex();
  return { index, term: log.term(index) ?? 0 };
}

export interface VoteGrant {
  voter: bigint;
  candidate: bigint;
  term: number;
  preVote: boolean;
  /** The candidate's last log position as carried by the request this grant answers (if known). */
  candidateLast?: LogPosition;
  /** The voter's log when it granted. */
  voterLog: LogView;
}

export interface CheckerOptions {
  /** Checks to skip (positive controls switch off the direct check to show a deeper one still fires). */
  disabled?: Iterable<CheckName>;
  /** Prefix for violation messages (e.g. the simulation step). */
  where?: () => string;
}

const hexTable = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex(data: Uint8Array): string {
  let s = '';
  for (const b of data) s += hexTable[b];
  return s;
}

/** Identity of an entry's content (term, type, data). */
export function entryKey(e: Entry): string {
  return `${e.term}/${e.type}/${hex(e.data)}`;
}

/** Folds one applied entry into a member's state-machine digest (FNV-1a over term, type, data). */
export function chainHash(prev: number, e: Entry): number {
  let h = (prev ^ 0x811c9dc5) >>> 0;
  const mix = (byte: number): void => {
    h ^= byte & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (let t = e.term, k = 0; k < 6; k++, t = Math.floor(t / 256)) mix(t);
  mix(e.type);
  for (const b of e.data) mix(b);
  return h;
}

const idStr = (id: bigint): string => id.toString(16);

/**
 * Whether a durable hard state rules out any other vote in `term`: it records this vote, or it is
 * already in a later term (a member whose Ready was handled late may send the requests of an election
 * it has since abandoned; it can never vote in that term again).
 */
function votePinned(hs: HardState | undefined, term: number, candidate: bigint): boolean {
  return hs !== undefined && (hs.term > term || (hs.term === term && hs.vote === candidate));
}

export class SafetyChecker {
  private readonly disabled: Set<CheckName>;
  private readonly where: () => string;
  /** term → leader seen in that term. */
  readonly leaderByTerm = new Map<number, bigint>();
  /** index → entryKey of the entry applied there (known committed). */
  private readonly committedKey: (string | undefined)[] = [];
  private readonly committedTerm: (number | undefined)[] = [];
  /** index → term of the leader that first committed it (the "committed in term" of §5.4). */
  private readonly commitTerm: (number | undefined)[] = [];
  private commitRecorded = 0;
  /** index → state-machine digest after applying it. */
  private readonly chainAt: (number | undefined)[] = [];
  /** index → configuration after the change applied there. */
  private readonly confAt = new Map<number, string>();
  /** Highest index known committed (applied by some member). */
  maxCommitted = 0;
  /** `${index}:${term}` → `${prevTerm}|${entryKey}` as first persisted anywhere. */
  private readonly logIdentity = new Map<string, string>();
  private readonly durableHs = new Map<bigint, HardState>();
  /** `${voter}:${term}` → candidate it voted for (self included). */
  private readonly votes = new Map<string, bigint>();
  /** `${candidate}:${term}` → highest committed index when its first pre-campaign for the term began. */
  private readonly preCampaigns = new Map<string, number>();
  private readonly reads = new Map<number, { member: bigint; lowerBound: number }>();
  /** Every read index handed out: checked against the final commit at the end of a run. */
  readonly readIndexes: { readId: number; member: bigint; index: number }[] = [];

  constructor(opts: CheckerOptions = {}) {
    this.disabled = new Set(opts.disabled ?? []);
    this.where = opts.where ?? (() => '');
  }

  private fail(check: CheckName, msg: string): void {
    if (this.disabled.has(check)) return;
    const w = this.where();
    throw new SafetyViolation(check, w ? `${w}: ${msg}` : msg);
  }

  /** The committed term at index i, if known. */
  committedTermAt(i: number): number | undefined {
    return this.committedTerm[i];
  }

  hardStatePersisted(member: bigint, hs: HardState): void {
    const prev = this.durableHs.get(member);
    if (prev) {
      const m = idStr(member);
      if (hs.term < prev.term) this.fail('durability', `member ${m} persisted term ${hs.term} after ${prev.term}`);
      if (hs.term === prev.term && prev.vote !== 0n && hs.vote !== prev.vote)
        this.fail(
          'durability',
          `member ${m} changed its vote in term ${hs.term} from ${idStr(prev.vote)} to ${idStr(hs.vote)}`,
        );
      if (hs.commit < prev.commit)
        this.fail('durability', `member ${m} persisted commit ${hs.commit} after ${prev.commit}`);
    }
    this.durableHs.set(member, { ...hs });
  }

  /**
   * Called before `entries` are appended to the member's durable log; `before` is the log as it was,
   * `term` the member's current term (that of the leader whose MsgApp it accepted).
   */
  entriesPersisted(member: bigint, entries: readonly Entry[], before: LogView, term: number): void {
    const first = entries[0];
    if (!first) return;
    const m = idStr(member);
    // Entries at and after the first new index are replaced. A committed entry may still be replaced
    // on a member outside the quorum that committed it, by a stale leader of an older term; but a
    // leader of the committing term or later holds it (§5.4), so its appends can never remove it.
    const oldLast = before.lastIndex();
    for (let i = Math.max(first.index, before.firstIndex()); i <= oldLast; i++) {
      const oldTerm = before.term(i);
      const replacement = entries[i - first.index];
      if (oldTerm === undefined || (replacement && replacement.term === oldTerm)) continue;
      const committedIn = this.commitTerm[i];
      if (this.committedTerm[i] === oldTerm && committedIn !== undefined && committedIn <= term)
        this.fail(
          'committed-entry-lost',
          `member ${m} in term ${term} truncated entry ${i} (term ${oldTerm}), committed in term ${committedIn}, ` +
            `while appending from ${first.index}`,
        );
    }
    // Log matching by induction: the same (index, term) always has the same predecessor term and content.
    let prevTerm = before.term(first.index - 1);
    for (const e of entries) {
      const key = `${e.index}:${e.term}`;
      const value = `${prevTerm ?? '?'}|${entryKey(e)}`;
      const seen = this.logIdentity.get(key);
      if (seen === undefined) this.logIdentity.set(key, value);
      else if (seen !== value) {
        const [seenPrev] = seen.split('|');
        // The predecessor of the first appended entry can be unknown only if compacted: then skip it.
        const samePrev = prevTerm === undefined || seenPrev === '?' || seenPrev === String(prevTerm);
        const sameContent = seen.slice(seen.indexOf('|') + 1) === value.slice(value.indexOf('|') + 1);
        if (!samePrev || !sameContent)
          this.fail(
            'log-matching',
            `member ${m} persisted entry ${key} as ${value}, another log has ${seen} (prevTerm|content)`,
          );
      }
      prevTerm = e.term;
    }
  }

  leaderElected(member: bigint, term: number, log: LogView): void {
    const m = idStr(member);
    const other = this.leaderByTerm.get(term);
    if (other !== undefined && other !== member)
      this.fail('election-safety', `members ${idStr(other)} and ${m} both leader in term ${term}`);
    this.leaderByTerm.set(term, member);
    // §5.4: every entry committed in an earlier term must be in the new leader's log (compacted ones are
    // in its snapshot, whose digest the state-machine check compares). Entries committed in this term
    // or later do not count: a candidate can still win with votes granted before they committed.
    for (let i = Math.max(1, log.firstIndex()); i <= this.maxCommitted; i++) {
      const want = this.committedTerm[i];
      const committedIn = this.commitTerm[i];
      if (want === undefined || committedIn === undefined || committedIn >= term) continue;
      const have = log.term(i);
      if (have !== want)
        this.fail(
          'leader-completeness',
          `member ${m} became leader of term ${term} without entry ${i} (term ${want}) committed in term ${committedIn}; ` +
            `its log has ${have === undefined ? 'nothing' : `term ${have}`} there (last index ${log.lastIndex()})`,
        );
    }
  }

  /** A leader of `term` persisted commit index `commit`: entries not committed before were committed in `term`. */
  leaderCommitted(term: number, commit: number): void {
    for (let i = this.commitRecorded + 1; i <= commit; i++) this.commitTerm[i] = term;
    if (commit > this.commitRecorded) this.commitRecorded = commit;
  }

  /** A member is about to apply entry `index`: its commit must already be durable (persist before apply). */
  applying(member: bigint, index: number): void {
    const commit = this.durableHs.get(member)?.commit ?? 0;
    if (index > commit)
      this.fail('durability', `member ${idStr(member)} applies entry ${index} beyond its durable commit ${commit}`);
  }

  /** A member applied entry `e`; `chain` is its state-machine digest after it. */
  entryApplied(member: bigint, e: Entry, chain: number): void {
    const key = entryKey(e);
    const known = this.committedKey[e.index];
    if (known === undefined) {
      this.committedKey[e.index] = key;
      this.committedTerm[e.index] = e.term;
      this.chainAt[e.index] = chain;
      if (e.index > this.maxCommitted) this.maxCommitted = e.index;
      return;
    }
    if (known !== key)
      this.fail(
        'state-machine-safety',
        `member ${idStr(member)} applied ${key} at index ${e.index}, another member applied ${known}`,
      );
    else if (this.chainAt[e.index] !== chain)
      this.fail(
        'state-machine-safety',
        `member ${idStr(member)} state after index ${e.index} differs from another member's (digest)`,
      );
  }

  /** A member applied a configuration change at `index`; every member must reach the same configuration. */
  confApplied(member: bigint, index: number, cs: ConfState): void {
    const key = `voters ${[...cs.voters].sort().map(idStr)} learners ${[...cs.learners].sort().map(idStr)}`;
    const known = this.confAt.get(index);
    if (known === undefined) this.confAt.set(index, key);
    else if (known !== key)
      this.fail(
        'state-machine-safety',
        `member ${idStr(member)} has ${key} after index ${index}, another member has ${known}`,
      );
  }

  /** A member's state machine jumped to a snapshot at `index` with digest `chain`. */
  snapshotApplied(member: bigint, index: number, chain: number): void {
    const known = this.chainAt[index];
    if (known !== undefined && known !== chain)
      this.fail(
        'state-machine-safety',
        `member ${idStr(member)} installed a snapshot at ${index} whose state differs from the applied one`,
      );
  }

  /** A member sent MsgPreVote for `term`: remember what was committed when its first pre-campaign for it began. */
  preCampaignStarted(candidate: bigint, term: number): void {
    const key = `${candidate}:${term}`;
    if (!this.preCampaigns.has(key)) this.preCampaigns.set(key, this.maxCommitted);
  }

  /**
   * A member that won a pre-vote for `term` starts the real election. Every entry committed before its
   * pre-campaign began sits on a quorum that never drops it, the granters and the candidate form a
   * quorum, and each granter's log was no more up to date than the candidate's: so the candidate's log
   * holds every such entry (the §5.4.3 argument). A candidate without them could never win; its term
   * bump only deposes a working leader — the disruption pre-vote exists to prevent.
   */
  campaignAfterPreVote(candidate: bigint, term: number, log: LogView): void {
    const committedThen = this.preCampaigns.get(`${candidate}:${term}`);
    if (committedThen === undefined) return;
    for (let i = Math.max(1, log.firstIndex()); i <= committedThen; i++) {
      const want = this.committedTerm[i];
      if (want === undefined) continue;
      const have = log.term(i);
      if (have !== want)
        this.fail(
          'stale-campaign',
          `member ${idStr(candidate)} won a pre-vote and started an election for term ${term} without entry ${i} ` +
            `(term ${want}), committed before its pre-campaign began; its log has ` +
            `${have === undefined ? 'nothing' : `term ${have}`} there (last index ${log.lastIndex()})`,
        );
    }
  }

  /** A candidate asked for votes in `term` (it voted for itself). */
  campaignStarted(candidate: bigint, term: number): void {
    const hs = this.durableHs.get(candidate);
    if (!votePinned(hs, term, candidate))
      this.fail(
        'durability',
        `member ${idStr(candidate)} sent MsgVote for term ${term} before persisting its own vote ` +
          `(durable term ${hs?.term ?? 0}, vote ${idStr(hs?.vote ?? 0n)})`,
      );
    this.recordVote(candidate, term, candidate);
  }

  voteGranted(g: VoteGrant): void {
    const kind = g.preVote ? 'pre-vote' : 'vote';
    if (g.candidateLast) {
      const voterLast = lastPosition(g.voterLog);
      if (!isUpToDate(g.candidateLast, voterLast))
        this.fail(
          g.preVote ? 'prevote-log-check' : 'vote-log-check',
          `member ${idStr(g.voter)} granted a ${kind} for term ${g.term} to ${idStr(g.candidate)} whose log ` +
            `ends at ${g.candidateLast.index}@${g.candidateLast.term}, behind its own ${voterLast.index}@${voterLast.term}`,
        );
    }
    if (g.preVote) return;
    const hs = this.durableHs.get(g.voter);
    if (!votePinned(hs, g.term, g.candidate))
      this.fail(
        'durability',
        `member ${idStr(g.voter)} granted its vote for term ${g.term} to ${idStr(g.candidate)} before persisting it ` +
          `(durable term ${hs?.term ?? 0}, vote ${idStr(hs?.vote ?? 0n)})`,
      );
    this.recordVote(g.voter, g.term, g.candidate);
  }

  private recordVote(voter: bigint, term: number, candidate: bigint): void {
    const key = `${voter}:${term}`;
    const prev = this.votes.get(key);
    if (prev !== undefined && prev !== candidate)
      this.fail(
        'double-vote',
        `member ${idStr(voter)} voted for ${idStr(prev)} and then for ${idStr(candidate)} in term ${term}`,
      );
    if (prev === undefined) this.votes.set(key, candidate);
  }

  /** A client starts a linearizable read; every write acknowledged so far must be visible to it. */
  readStarted(readId: number, member: bigint): void {
    this.reads.set(readId, { member, lowerBound: this.maxCommitted });
  }

  /** `leaderTerm`: the term of the answering member when it answered as leader itself. */
  readAnswered(readId: number, member: bigint, index: number, leaderTerm?: number): void {
    const r = this.reads.get(readId);
    if (!r) return;
    if (index < r.lowerBound) {
      let who = '';
      if (leaderTerm !== undefined) {
        const newest = Math.max(...this.leaderByTerm.keys());
        who =
          newest > leaderTerm
            ? `; answered by a deposed leader of term ${leaderTerm} while ${idStr(this.leaderByTerm.get(newest)!)} leads term ${newest}`
            : `; answered by the leader of term ${leaderTerm}, the newest term`;
      }
      this.fail(
        'read-linearizability',
        `read ${readId} on member ${idStr(member)} got read index ${index}, but entry ${r.lowerBound} ` +
          `was already committed and applied when the read started (stale read${who})`,
      );
    }
    this.readIndexes.push({ readId, member, index });
  }

  /** At the end of a run whose cluster converged: every read index handed out was a committed index. */
  finalChecks(): void {
    for (const r of this.readIndexes)
      if (r.index > this.maxCommitted)
        this.fail(
          'read-index-committed',
          `read ${r.readId} on member ${idStr(r.member)} got read index ${r.index} beyond the final commit ${this.maxCommitted}`,
        );
  }

  reportLiveness(msg: string): void {
    this.fail('liveness', msg);
  }
}
