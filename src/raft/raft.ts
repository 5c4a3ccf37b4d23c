// The Raft state machine of one member (Ongaro & Ousterhout, "In Search of an Understandable Consensus
// Algorithm", and Ongaro's thesis), shaped like etcd's raft library: messages in (step), time in
// (tick), and everything to do out through msgs / readStates / the log's unstable part. Pure: no I/O.
import { ConfChangeType, EntryType, MessageType } from '../api/raft-types.ts';
import type { ConfChange, ConfState, Entry, HardState, Message } from '../api/raft-types.ts';
import { Progress } from './progress.ts';
import { VoteResult } from './quorum.ts';
import { RaftLog } from './raft-log.ts';
import { ReadOnly } from './read-only.ts';
import { ProgressTracker } from './tracker.ts';
import {
  ErrProposalDropped,
  ErrSnapshotTemporarilyUnavailable,
  ProgressState,
  RaftError,
  StateType,
} from './types.ts';
import type { Config, RaftLogger, RandomSource, ReadState, Snapshot, TestingBugs } from './types.ts';
import {
  CAMPAIGN_TRANSFER,
  NO_LIMIT,
  NO_TERM,
  bytesEqual,
  newMessage,
  payloadSize,
  voteRespMsgType,
} from './util.ts';

export const None = 0n;

export const CampaignType = { PreElection: 0, Election: 1, Transfer: 2 } as const;
export type CampaignType = (typeof CampaignType)[keyof typeof CampaignType];

const EMPTY = new Uint8Array(0);
const {
  MsgHup,
  MsgBeat,
  MsgProp,
  MsgApp,
  MsgAppResp,
  MsgVote,
  MsgVoteResp,
  MsgSnap,
  MsgHeartbeat,
  MsgHeartbeatResp,
  MsgUnreachable,
  MsgSnapStatus,
  MsgCheckQuorum,
  MsgTransferLeader,
  MsgTimeoutNow,
  MsgReadIndex,
  MsgReadIndexResp,
  MsgPreVote,
  MsgPreVoteResp,
} = MessageType;

export class Raft {
  readonly id: bigint;
  term = 0;
  vote: bigint = None;
  lead: bigint = None;
  state: StateType = StateType.Follower;
  isLearner = false;

  readonly raftLog: RaftLog;
  readonly trk: ProgressTracker;
  /** Outgoing messages; handed out (after persistence) by Ready. */
  msgs: Message[] = [];
  readStates: ReadState[] = [];

  /** Target of an ongoing leader transfer (thesis §3.10), or None. */
  leadTransferee: bigint = None;
  /**
   * Index of the newest conf change in the leader's log. A new one is only accepted once the
   * application has applied past it (one membership change at a time, thesis §4.1).
   */
  pendingConfIndex = 0;
  /** Payload bytes of the leader's entries not yet applied (proposal back-pressure). */
  uncommittedSize = 0;
  readOnly = new ReadOnly();
  /** ReadIndex requests that wait for the leader's first commit in its term (thesis §6.4 step 1). */
  pendingReadIndexMessages: Message[] = [];

  /** Leader: ticks since the last check-quorum round. Others: ticks since hearing from a valid leader. */
  electionElapsed = 0;
  heartbeatElapsed = 0;
  randomizedElectionTimeout = 0;

  readonly electionTimeout: number;
  readonly heartbeatTimeout: number;
  readonly checkQuorum: boolean;
  readonly preVote: boolean;
  readonly disableProposalForwarding: boolean;
  readonly maxMsgSize: number;
  readonly maxUncommittedSize: number;
  readonly bugs: TestingBugs;
  private readonly random: RandomSource;
  private readonly logger: RaftLogger | undefined;

  constructor(c: Config) {
    if (c.id === None) throw new RaftError('cannot use none as id');
    if (c.heartbeatTick <= 0) throw new RaftError('heartbeat tick must be greater than 0');
    if (c.electionTick <= c.heartbeatTick)
      throw new RaftError('election tick must be greater than heartbeat tick');
    const maxInflight = c.maxInflightMsgs ?? 256;
    if (maxInflight <= 0) throw new RaftError('max inflight messages must be greater than 0');
    this.id = c.id;
    this.electionTimeout = c.electionTick;
    this.heartbeatTimeout = c.heartbeatTick;
    this.checkQuorum = c.checkQuorum ?? false;
    this.preVote = c.preVote ?? false;
    this.disableProposalForwarding = c.disableProposalForwarding ?? false;
    this.maxMsgSize = c.maxSizePerMsg ?? 1024 * 1024;
    this.maxUncommittedSize =
      c.maxUncommittedEntriesSize === undefined || c.maxUncommittedEntriesSize === 0
        ? NO_LIMIT
        : c.maxUncommittedEntriesSize;
    this.bugs = c.testingBugs ?? {};
    this.random = c.random;
    this.logger = c.logger;

    this.raftLog = new RaftLog(c.storage);
    const { hardState, confState } = c.storage.initialState();
    this.trk = new ProgressTracker(maxInflight);
    this.trk.reset(confState, this.raftLog.lastIndex() + 1);
    this.switchToConfig();
    if (hardState.term !== 0 || hardState.vote !== None || hardState.commit !== 0) this.loadState(hardState);
    if ((c.applied ?? 0) > 0) this.raftLog.appliedTo(c.applied!);
    this.becomeFollower(this.term, None);
  }

  private loadState(hs: HardState): void {
    if (hs.commit < this.raftLog.committed || hs.commit > this.raftLog.lastIndex()) {
      throw new RaftError(
        `${this.id.toString(16)} state.commit ${hs.commit} is out of range [${this.raftLog.committed}, ${this.raftLog.lastIndex()}]`,
      );
    }
    this.raftLog.committed = hs.commit;
    this.term = hs.term;
    this.vote = hs.vote;
  }

  hardState(): HardState {
    return { term: this.term, vote: this.vote, commit: this.raftLog.committed };
  }

  // ---------------------------------------------------------------- sending

  /** Queues m; vote messages carry their own term, proposals and read requests travel with term 0. */
  send(m: Message): void {
    if (m.from === None) m.from = this.id;
    const t = m.type;
    if (t === MsgVote || t === MsgVoteResp || t === MsgPreVote || t === MsgPreVoteResp) {
      if (m.term === 0) throw new RaftError(`term should be set when sending ${t}`);
    } else if (t !== MsgProp && t !== MsgReadIndex) {
      m.term = this.term;
    }
    this.msgs.push(m);
  }

  /** Sends an append (or a snapshot) to `to` if flow control allows. Returns whether a message went out. */
  maybeSendAppend(to: bigint, sendIfEmpty: boolean): boolean {
    const pr = this.trk.progress.get(to);
    if (pr === undefined || pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const prevTerm = this.raftLog.term(prevIndex);
    if (prevTerm === NO_TERM) {
      // Raft §7: the entries this follower needs are gone; only a snapshot can catch it up.
      if (this.raftLog.isCompacted(pr.next)) return this.maybeSendSnapshot(to, pr);
      return false;
    }
    let ents: Entry[] = [];
    // A full window still lets an empty MsgApp through, so that a window filled by dropped messages
    // is answered (ack or reject) and cleared.
    if (pr.state !== ProgressState.Replicate || !pr.inflights.full()) {
      ents = this.raftLog.entriesFrom(pr.next, this.maxMsgSize);
    }
    if (ents.length === 0 && !sendIfEmpty) return false;
    const m = newMessage(MsgApp, to, this.id, 0);
    m.index = prevIndex;
    m.logTerm = prevTerm;
    m.entries = ents;
    m.commit = this.raftLog.committed;
    pr.sentEntries(ents.length, ents.length > 0 ? ents[ents.length - 1]!.index : 0);
    this.send(m);
    return true;
  }

  private maybeSendSnapshot(to: bigint, pr: Progress): boolean {
    // A follower not heard from recently is probably down; don't ship a snapshot into the void.
    if (!pr.recentActive) return false;
    let snap: Snapshot;
    try {
      snap = this.raftLog.snapshot();
    } catch (err) {
      // Retried on the next trigger (heartbeat response).
      if (err === ErrSnapshotTemporarilyUnavailable) return false;
      throw err;
    }
    if (snap.metadata.index === 0) throw new RaftError('need non-empty snapshot');
    pr.becomeSnapshot(snap.metadata.index);
    const m = newMessage(MsgSnap, to, this.id, 0);
    m.snapshot = snap;
    this.send(m);
    return true;
  }

  /** Heartbeats carry min(match, commit): a follower must not commit entries it may not have. */
  private sendHeartbeat(to: bigint, ctx: Uint8Array | undefined): void {
    const pr = this.trk.progress.get(to)!;
    const m = newMessage(MsgHeartbeat, to, this.id, 0);
    m.commit = Math.min(pr.match, this.raftLog.committed);
    m.context = ctx;
    this.send(m);
  }

  bcastAppend(): void {
    for (const id of this.trk.progress.keys()) if (id !== this.id) this.maybeSendAppend(id, true);
  }

  private bcastHeartbeat(ctx: Uint8Array | undefined): void {
    for (const id of this.trk.progress.keys()) if (id !== this.id) this.sendHeartbeat(id, ctx);
  }

  private sendTimeoutNow(to: bigint): void {
    this.send(newMessage(MsgTimeoutNow, to, this.id, 0));
  }

  // ---------------------------------------------------------------- state transitions

  private resetRandomizedElectionTimeout(): void {
    // Raft §5.2: randomized timeouts make split votes rare and resolve them quickly.
    this.randomizedElectionTimeout = this.electionTimeout + this.random.intn(this.electionTimeout);
  }

  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = None;
    }
    this.lead = None;
    this.electionElapsed = 0;
    this.heartbeatElapsed = 0;
    this.resetRandomizedElectionTimeout();
    this.leadTransferee = None;
    this.trk.resetVotes();
    const last = this.raftLog.lastIndex();
    for (const [id, pr] of this.trk.progress) {
      pr.match = id === this.id ? last : 0;
      pr.next = last + 1;
      pr.state = ProgressState.Probe;
      pr.pendingSnapshot = 0;
      pr.recentActive = false;
      pr.msgAppFlowPaused = false;
      pr.inflights.reset();
    }
    this.pendingConfIndex = 0;
    this.uncommittedSize = 0;
    this.readOnly = new ReadOnly();
    this.pendingReadIndexMessages = [];
  }

  becomeFollower(term: number, lead: bigint): void {
    this.reset(term);
    this.lead = lead;
    this.state = StateType.Follower;
    this.logger?.info(`${this.id.toString(16)} became follower at term ${this.term}`);
  }

  becomeCandidate(): void {
    if (this.state === StateType.Leader) throw new RaftError('invalid transition [leader -> candidate]');
    this.reset(this.term + 1);
    this.vote = this.id;
    this.state = StateType.Candidate;
    this.logger?.info(`${this.id.toString(16)} became candidate at term ${this.term}`);
  }

  /** Thesis §9.6: a pre-candidate asks whether it could win before disturbing anyone with a new term. */
  becomePreCandidate(): void {
    if (this.state === StateType.Leader) throw new RaftError('invalid transition [leader -> pre-candidate]');
    this.trk.resetVotes();
    this.lead = None;
    this.state = StateType.PreCandidate;
    this.logger?.info(`${this.id.toString(16)} became pre-candidate at term ${this.term}`);
  }

  becomeLeader(): void {
    if (this.state === StateType.Follower) throw new RaftError('invalid transition [follower -> leader]');
    this.reset(this.term);
    this.lead = this.id;
    this.state = StateType.Leader;
    const self = this.trk.progress.get(this.id);
    if (self !== undefined) {
      self.becomeReplicate();
      self.recentActive = true;
    }
    // Conservatively treat every entry of the log as a possibly pending conf change.
    this.pendingConfIndex = this.raftLog.lastIndex();
    // Raft §8 / thesis §6.4: an empty entry of the new term lets the leader commit (and learn the
    // commit index of) everything before it, since only current-term entries commit by counting.
    const ok = this.appendEntry([{ term: 0, index: 0, type: EntryType.Normal, data: EMPTY }]);
    if (!ok) throw new RaftError('empty entry was dropped');
    this.logger?.info(`${this.id.toString(16)} became leader at term ${this.term}`);
  }

  // ---------------------------------------------------------------- time

  tick(): void {
    if (this.state === StateType.Leader) this.tickHeartbeat();
    else this.tickElection();
  }

  private tickElection(): void {
    this.electionElapsed++;
    if (this.promotable() && this.electionElapsed >= this.randomizedElectionTimeout) {
      this.electionElapsed = 0;
      this.step(newMessage(MsgHup, None, this.id, 0));
    }
  }

  private tickHeartbeat(): void {
    this.heartbeatElapsed++;
    this.electionElapsed++;
    if (this.electionElapsed >= this.electionTimeout) {
      this.electionElapsed = 0;
      if (this.checkQuorum) this.step(newMessage(MsgCheckQuorum, None, this.id, 0));
      // Thesis §3.10: a transfer that did not finish within an election timeout is abandoned.
      if (this.state === StateType.Leader && this.leadTransferee !== None) this.abortLeaderTransfer();
    }
    if (this.state !== StateType.Leader) return;
    if (this.heartbeatElapsed >= this.heartbeatTimeout) {
      this.heartbeatElapsed = 0;
      this.step(newMessage(MsgBeat, None, this.id, 0));
    }
  }

  /** Whether this member may become leader: a voter, not waiting on a snapshot. */
  promotable(): boolean {
    const pr = this.trk.progress.get(this.id);
    return pr !== undefined && !pr.isLearner && !this.raftLog.hasNextOrInProgressSnapshot();
  }

  // ---------------------------------------------------------------- elections

  private hasUnappliedConfChanges(): boolean {
    const log = this.raftLog;
    if (log.applied >= log.committed) return false;
    const ents = log.slice(Math.max(log.applied + 1, log.firstIndex()), log.committed + 1, NO_LIMIT);
    for (let i = 0; i < ents.length; i++) if (ents[i]!.type === EntryType.ConfChange) return true;
    return false;
  }

  hup(t: CampaignType): void {
    if (this.state === StateType.Leader) return;
    if (!this.promotable()) return;
    // A committed but unapplied conf change may change who the voters are: wait until it is applied.
    if (this.hasUnappliedConfChanges()) return;
    this.campaign(t);
  }

  campaign(t: CampaignType): void {
    if (!this.promotable()) return;
    let voteMsg: MessageType;
    let term: number;
    if (t === CampaignType.PreElection) {
      this.becomePreCandidate();
      voteMsg = MsgPreVote;
      // A pre-vote asks for the term we would campaign in, without adopting it.
      term = this.term + 1;
    } else {
      this.becomeCandidate();
      voteMsg = MsgVote;
      term = this.term;
    }
    if (this.poll(this.id, true) === VoteResult.Won) {
      // A single voter wins at once.
      if (t === CampaignType.PreElection) this.campaign(CampaignType.Election);
      else this.becomeLeader();
      return;
    }
    const lastIndex = this.raftLog.lastIndex();
    const lastTerm = this.raftLog.lastTerm();
    for (const id of this.trk.voters) {
      if (id === this.id) continue;
      const m = newMessage(voteMsg, id, this.id, term);
      m.index = lastIndex;
      m.logTerm = lastTerm;
      if (t === CampaignType.Transfer) m.context = CAMPAIGN_TRANSFER;
      this.send(m);
    }
  }

  private poll(id: bigint, granted: boolean): VoteResult {
    this.trk.recordVote(id, granted);
    return this.trk.tallyVotes().result;
  }

  private handleVoteRequest(m: Message): void {
    const pre = m.type === MsgPreVote;
    // Raft §5.2: at most one vote per term (a repeated request from our candidate is granted again).
    // A pre-vote for a later term promises nothing, so it is not limited by our vote.
    const canVote =
      this.vote === m.from ||
      (this.vote === None && this.lead === None) ||
      (pre && m.term > this.term) ||
      (!pre && this.bugs.grantTwoVotesPerTerm === true);
    const skipLogCheck = pre ? this.bugs.preVoteSkipsLogCheck === true : this.bugs.voteSkipsLogCheck === true;
    // Raft §5.4.1 election restriction: only a candidate whose log is at least as up to date as ours.
    if (canVote && (skipLogCheck || this.raftLog.isUpToDate(m.index, m.logTerm))) {
      // A granted pre-vote answers with the candidate's term so the pre-candidate can count it.
      this.send(newMessage(voteRespMsgType(m.type), m.from, this.id, m.term));
      if (!pre) {
        this.electionElapsed = 0;
        this.vote = m.from;
      }
    } else {
      const r = newMessage(voteRespMsgType(m.type), m.from, this.id, this.term);
      r.reject = true;
      this.send(r);
    }
  }

  // ---------------------------------------------------------------- step

  /** Feeds one message into the state machine. Returns ErrProposalDropped when a proposal is refused. */
  step(m: Message): RaftError | null {
    if (m.term === 0) {
      // Local message (or a forwarded proposal / read request).
    } else if (m.term > this.term) {
      if (m.type === MsgVote || m.type === MsgPreVote) {
        const force = bytesEqual(m.context, CAMPAIGN_TRANSFER);
        const inLease = this.checkQuorum && this.lead !== None && this.electionElapsed < this.electionTimeout;
        // Thesis §4.2.3: while we believe a leader is alive, a vote request from a higher term is
        // ignored (it comes from a member that was partitioned away); a leader transfer overrides it.
        if (!force && inLease) return null;
      }
      if (m.type === MsgPreVote) {
        // Never adopt a term because of a pre-vote request.
      } else if (m.type === MsgPreVoteResp && !m.reject) {
        // A granted pre-vote carries the term we asked for; we adopt it when the pre-vote is won.
      } else if (m.type === MsgApp || m.type === MsgHeartbeat || m.type === MsgSnap) {
        this.becomeFollower(m.term, m.from);
      } else {
        this.becomeFollower(m.term, None);
      }
    } else if (m.term < this.term) {
      if ((this.checkQuorum || this.preVote) && (m.type === MsgHeartbeat || m.type === MsgApp)) {
        // A stale leader: with check-quorum or pre-vote the new leader may never reach it with a
        // higher term (its vote requests are ignored or never sent), so tell it the term now.
        this.send(newMessage(MsgAppResp, m.from, this.id, 0));
      } else if (m.type === MsgPreVote) {
        // Reject with our term so the pre-candidate learns it is behind.
        const r = newMessage(MsgPreVoteResp, m.from, this.id, this.term);
        r.reject = true;
        this.send(r);
      }
      return null;
    }

    switch (m.type) {
      case MsgHup:
        this.hup(this.preVote ? CampaignType.PreElection : CampaignType.Election);
        return null;
      case MsgVote:
      case MsgPreVote:
        this.handleVoteRequest(m);
        return null;
      default:
        if (this.state === StateType.Leader) return this.stepLeader(m);
        if (this.state === StateType.Follower) return this.stepFollower(m);
        return this.stepCandidate(m);
    }
  }

  private stepLeader(m: Message): RaftError | null {
    switch (m.type) {
      case MsgBeat:
        this.bcastHeartbeat(this.readOnly.lastPendingRequestCtx());
        return null;
      case MsgCheckQuorum:
        // Thesis §6.2: a leader that cannot reach a majority steps down, so clients can find the real one.
        if (!this.trk.quorumActive(this.id)) {
          this.logger?.warn(`${this.id.toString(16)} stepped down to follower since quorum is not active`);
          this.becomeFollower(this.term, None);
        }
        for (const [id, pr] of this.trk.progress) if (id !== this.id) pr.recentActive = false;
        return null;
      case MsgProp:
        return this.leaderPropose(m);
      case MsgReadIndex:
        return this.leaderReadIndex(m);
    }

    const pr = this.trk.progress.get(m.from);
    if (pr === undefined) return null;
    switch (m.type) {
      case MsgAppResp:
        this.handleAppendResponse(m, pr);
        break;
      case MsgHeartbeatResp:
        this.handleHeartbeatResponse(m, pr);
        break;
      case MsgSnapStatus:
        if (pr.state !== ProgressState.Snapshot) break;
        if (!m.reject) {
          // Probe from after the snapshot until the follower's answer confirms where it is.
          pr.becomeProbe();
        } else {
          // The snapshot failed: forget it and probe again after the next heartbeat response.
          pr.pendingSnapshot = 0;
          pr.becomeProbe();
        }
        pr.msgAppFlowPaused = true;
        break;
      case MsgUnreachable:
        // Optimistic pipelining into an unreachable peer loses messages: fall back to probing.
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        break;
      case MsgTransferLeader:
        this.handleTransferLeader(m, pr);
        break;
    }
    return null;
  }

  private leaderPropose(m: Message): RaftError | null {
    if (m.entries.length === 0) throw new RaftError('stepped empty MsgProp');
    // A leader removed from the configuration, or handing over leadership (thesis §3.10), takes no proposals.
    if (!this.trk.progress.has(this.id)) return ErrProposalDropped;
    if (this.leadTransferee !== None) return ErrProposalDropped;
    for (let i = 0; i < m.entries.length; i++) {
      const e = m.entries[i]!;
      if (e.type !== EntryType.ConfChange) continue;
      // Thesis §4.1: one membership change at a time. A second one while the first is not yet
      // applied becomes an empty normal entry (the proposer sees it never take effect).
      if (this.pendingConfIndex > this.raftLog.applied) {
        this.logger?.info(`${this.id.toString(16)} ignoring conf change while one is pending`);
        m.entries[i] = { term: 0, index: 0, type: EntryType.Normal, data: EMPTY };
      } else {
        this.pendingConfIndex = this.raftLog.lastIndex() + i + 1;
      }
    }
    if (!this.appendEntry(m.entries)) return ErrProposalDropped;
    this.bcastAppend();
    return null;
  }

  /** Assigns term and index to new entries and appends them to the leader's log. */
  appendEntry(es: Entry[]): boolean {
    let li = this.raftLog.lastIndex();
    for (let i = 0; i < es.length; i++) {
      const e = es[i]!;
      e.term = this.term;
      e.index = li + 1 + i;
    }
    if (!this.increaseUncommittedSize(es)) return false;
    li = this.raftLog.append(es);
    // The leader counts its own (not yet persisted) entries: persistence happens before anything
    // that depends on the commit leaves the node (Ready order), as in thesis §10.2.1.
    this.trk.progress.get(this.id)?.maybeUpdate(li);
    this.maybeCommit();
    return true;
  }

  private increaseUncommittedSize(es: Entry[]): boolean {
    const s = payloadSize(es);
    // Always admit the first proposal (or an empty one) so a single large entry cannot block forever.
    if (this.uncommittedSize > 0 && s > 0 && this.uncommittedSize + s > this.maxUncommittedSize) return false;
    this.uncommittedSize += s;
    return true;
  }

  reduceUncommittedSize(s: number): void {
    this.uncommittedSize = s > this.uncommittedSize ? 0 : this.uncommittedSize - s;
  }

  /** Advances the commit index to the voters' majority match (Raft §5.3), subject to §5.4.2. */
  maybeCommit(): boolean {
    return this.raftLog.maybeCommit(
      this.trk.committed(),
      this.term,
      this.bugs.commitOldTermByCounting === true,
    );
  }

  private committedEntryInCurrentTerm(): boolean {
    return this.raftLog.term(this.raftLog.committed) === this.term;
  }

  private handleAppendResponse(m: Message, pr: Progress): void {
    pr.recentActive = true;
    if (m.reject) {
      // Fast backtracking: the follower says its log has term m.logTerm at m.rejectHint; skip every
      // index of ours whose term is larger, since none of them can match.
      let nextProbeIdx = m.rejectHint;
      if (m.logTerm > 0) nextProbeIdx = this.raftLog.findConflictByTerm(m.rejectHint, m.logTerm)[0];
      if (pr.maybeDecrTo(m.index, nextProbeIdx)) {
        if (pr.state === ProgressState.Replicate) pr.becomeProbe();
        this.maybeSendAppend(m.from, true);
      }
      return;
    }
    const oldPaused = pr.isPaused();
    if (!pr.maybeUpdate(m.index)) return;
    if (pr.state === ProgressState.Probe) {
      pr.becomeReplicate();
    } else if (pr.state === ProgressState.Snapshot && pr.match + 1 >= this.raftLog.firstIndex()) {
      // The follower caught up far enough (by the snapshot or otherwise) to continue from the log.
      pr.becomeProbe();
      pr.becomeReplicate();
    } else if (pr.state === ProgressState.Replicate) {
      pr.inflights.freeLE(m.index);
    }
    if (this.maybeCommit()) {
      this.releasePendingReadIndexMessages();
      this.bcastAppend();
    } else if (oldPaused) {
      // The follower was paused (window full): tell it about anything it missed.
      this.maybeSendAppend(m.from, true);
    }
    // Keep the window full.
    while (this.maybeSendAppend(m.from, false)) {
      /* send until paused or nothing left */
    }
    // Thesis §3.10: the transferee caught up; ask it to campaign at once.
    if (m.from === this.leadTransferee && pr.match === this.raftLog.lastIndex()) this.sendTimeoutNow(m.from);
  }

  private handleHeartbeatResponse(m: Message, pr: Progress): void {
    pr.recentActive = true;
    pr.msgAppFlowPaused = false;
    // A follower behind us (or being probed) gets an append; with a full window it is an empty one,
    // which clears the window even if every message in it was lost.
    if (pr.match < this.raftLog.lastIndex() || pr.state === ProgressState.Probe) {
      this.maybeSendAppend(m.from, true);
    }
    if (m.context === undefined || m.context.length === 0) return;
    const acks = this.readOnly.recvAck(m.from, m.context);
    if (acks === undefined || this.trk.voteResultOf(acks) !== VoteResult.Won) return;
    // Thesis §6.4 step 3: a majority acknowledged us as leader after the read arrived.
    for (const rs of this.readOnly.advance(m.context)) this.answerReadIndex(rs.req, rs.index);
  }

  private handleTransferLeader(m: Message, pr: Progress): void {
    if (pr.isLearner) return;
    const transferee = m.from;
    if (this.leadTransferee !== None) {
      if (this.leadTransferee === transferee) return;
      this.abortLeaderTransfer();
    }
    if (transferee === this.id) return;
    // Thesis §3.10: the transfer must finish within an election timeout.
    this.electionElapsed = 0;
    this.leadTransferee = transferee;
    if (pr.match === this.raftLog.lastIndex()) this.sendTimeoutNow(transferee);
    else this.maybeSendAppend(transferee, true);
  }

  abortLeaderTransfer(): void {
    this.leadTransferee = None;
  }

  // ---------------------------------------------------------------- ReadIndex (thesis §6.4)

  private leaderReadIndex(m: Message): RaftError | null {
    if (this.trk.isSingleton() || this.bugs.readIndexWithoutQuorum === true) {
      // A single voter is a quorum by itself. (The bug answers without confirming leadership.)
      this.answerReadIndex(m, this.raftLog.committed);
      return null;
    }
    // Step 1: until the leader has committed an entry of its term it does not know the latest commit index.
    if (!this.committedEntryInCurrentTerm()) {
      this.pendingReadIndexMessages.push(m);
      return null;
    }
    this.startReadIndex(m);
    return null;
  }

  /**
   * Step 2: remember the commit index, then confirm leadership with a heartbeat round. The heartbeats
   * carry a round id of the request (see read-only.ts), not its ctx.
   */
  private startReadIndex(m: Message): void {
    const round = this.readOnly.addRequest(this.raftLog.committed, m);
    this.readOnly.recvAck(this.id, round);
    this.bcastHeartbeat(round);
  }

  private releasePendingReadIndexMessages(): void {
    if (this.pendingReadIndexMessages.length === 0 || !this.committedEntryInCurrentTerm()) return;
    const msgs = this.pendingReadIndexMessages;
    this.pendingReadIndexMessages = [];
    for (const m of msgs) this.startReadIndex(m);
  }

  private answerReadIndex(req: Message, index: number): void {
    if (req.from === None || req.from === this.id) {
      this.readStates.push({ index, requestCtx: req.context ?? EMPTY });
      return;
    }
    const r = newMessage(MsgReadIndexResp, req.from, this.id, 0);
    r.index = index;
    r.context = req.context;
    this.send(r);
  }

  // ---------------------------------------------------------------- candidates and followers

  private stepCandidate(m: Message): RaftError | null {
    // A pre-candidate counts pre-votes, a candidate counts votes; stale answers of the other kind are ignored.
    const myVoteResp = this.state === StateType.PreCandidate ? MsgPreVoteResp : MsgVoteResp;
    switch (m.type) {
      case MsgProp:
        return ErrProposalDropped;
      case MsgApp:
        // Raft §5.2: a leader of our term exists; return to follower.
        this.becomeFollower(m.term, m.from);
        this.handleAppendEntries(m);
        return null;
      case MsgHeartbeat:
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        return null;
      case MsgSnap:
        this.becomeFollower(m.term, m.from);
        this.handleSnapshot(m);
        return null;
      case MsgTimeoutNow:
        return null;
      default:
        if (m.type !== myVoteResp) return null;
    }
    // A pre-vote is granted with the term it asked for, always our term + 1. A grant carrying our current
    // term answers a pre-campaign we made before we reached this term: the granter judged an older log
    // against an older state. etcd's raft counts such grants (pre-vote is best effort there); we drop them,
    // so a late answer cannot start a real election that only deposes a working leader.
    if (m.type === MsgPreVoteResp && !m.reject && m.term !== this.term + 1) return null;
    const res = this.poll(m.from, !m.reject);
    if (res === VoteResult.Won) {
      if (this.state === StateType.PreCandidate) {
        this.campaign(CampaignType.Election);
      } else {
        this.becomeLeader();
        this.bcastAppend();
      }
    } else if (res === VoteResult.Lost) {
      // A pre-candidate's term is unchanged; a candidate keeps its bumped term.
      this.becomeFollower(this.term, None);
    }
    return null;
  }

  private stepFollower(m: Message): RaftError | null {
    switch (m.type) {
      case MsgProp:
        if (this.lead === None) return ErrProposalDropped;
        if (this.disableProposalForwarding) return ErrProposalDropped;
        this.send({ ...m, to: this.lead });
        return null;
      case MsgApp:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleAppendEntries(m);
        return null;
      case MsgHeartbeat:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleHeartbeat(m);
        return null;
      case MsgSnap:
        this.electionElapsed = 0;
        this.lead = m.from;
        this.handleSnapshot(m);
        return null;
      case MsgTransferLeader:
        if (this.lead !== None) this.send({ ...m, to: this.lead });
        return null;
      case MsgTimeoutNow:
        // Thesis §3.10: campaign at once, skipping pre-vote, with a context that overrides leases.
        this.hup(CampaignType.Transfer);
        return null;
      case MsgReadIndex:
        if (this.lead !== None) this.send({ ...m, to: this.lead });
        return null;
      case MsgReadIndexResp:
        this.readStates.push({ index: m.index, requestCtx: m.context ?? EMPTY });
        return null;
    }
    return null;
  }

  private handleAppendEntries(m: Message): void {
    const r = newMessage(MsgAppResp, m.from, this.id, 0);
    if (m.index < this.raftLog.committed) {
      // Everything up to our commit index matches the leader's log (Log Matching); say where we are.
      r.index = this.raftLog.committed;
      this.send(r);
      return;
    }
    const lastNew = this.raftLog.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
    if (lastNew >= 0) {
      r.index = lastNew;
      this.send(r);
      return;
    }
    // Raft §5.3 consistency check failed. Hint the leader at the largest index <= m.index whose
    // term is <= m.logTerm: every index above it cannot match (fast backtracking).
    const hintIndex = Math.min(m.index, this.raftLog.lastIndex());
    const [hi, ht] = this.raftLog.findConflictByTerm(hintIndex, m.logTerm);
    r.index = m.index;
    r.reject = true;
    r.rejectHint = hi;
    r.logTerm = ht;
    this.send(r);
  }

  private handleHeartbeat(m: Message): void {
    this.raftLog.commitTo(m.commit);
    const r = newMessage(MsgHeartbeatResp, m.from, this.id, 0);
    r.context = m.context;
    this.send(r);
  }

  private handleSnapshot(m: Message): void {
    const r = newMessage(MsgAppResp, m.from, this.id, 0);
    if (m.snapshot !== undefined && this.restore(m.snapshot)) r.index = this.raftLog.lastIndex();
    else r.index = this.raftLog.committed;
    this.send(r);
  }

  /** Raft §7: replaces the log by a snapshot from the leader. Returns false when it is not needed. */
  restore(s: Snapshot): boolean {
    if (s.metadata.index <= this.raftLog.committed) return false;
    // Only a follower installs a snapshot; anything else here is a bug elsewhere, so refuse it (as etcd does)
    // rather than change the term.
    if (this.state !== StateType.Follower) {
      this.logger?.warn(`${this.id.toString(16)} ignoring a snapshot while not a follower`);
      return false;
    }
    const cs = s.metadata.confState;
    if (!cs.voters.includes(this.id) && !cs.learners.includes(this.id)) {
      this.logger?.warn(
        `${this.id.toString(16)} ignoring a snapshot whose configuration does not contain it`,
      );
      return false;
    }
    // The snapshot's last entry is already ours (Log Matching): just move the commit index.
    if (this.raftLog.matchTerm(s.metadata.index, s.metadata.term)) {
      this.raftLog.commitTo(s.metadata.index);
      return false;
    }
    this.raftLog.restore(s);
    this.trk.reset(cs, this.raftLog.lastIndex() + 1);
    this.switchToConfig();
    return true;
  }

  // ---------------------------------------------------------------- membership (thesis §4.1)

  /**
   * Applies one single-server change. Removing the last voter is refused (no-op), as a cluster without
   * voters can never commit again.
   */
  applyConfChange(cc: ConfChange): ConfState {
    const progress = this.trk.progress;
    const id = cc.nodeId;
    const existing = progress.get(id);
    const next = this.raftLog.lastIndex() + 1;
    switch (cc.type) {
      case ConfChangeType.AddNode:
        if (existing === undefined) {
          const pr = new Progress(next, this.trk.maxInflight, false);
          pr.recentActive = true;
          progress.set(id, pr);
        } else if (existing.isLearner) {
          existing.isLearner = false; // promotion keeps the replication progress
        }
        break;
      case ConfChangeType.AddLearnerNode:
        if (existing === undefined) {
          const pr = new Progress(next, this.trk.maxInflight, true);
          pr.recentActive = true;
          progress.set(id, pr);
        } else if (!existing.isLearner) {
          if (this.trk.voters.length <= 1) {
            this.logger?.warn(`refusing to demote the last voter ${id.toString(16)}`);
            break;
          }
          existing.isLearner = true;
        }
        break;
      case ConfChangeType.RemoveNode:
        if (existing === undefined) break;
        if (!existing.isLearner && this.trk.voters.length <= 1) {
          this.logger?.warn(`refusing to remove the last voter ${id.toString(16)}`);
          break;
        }
        progress.delete(id);
        break;
      case ConfChangeType.UpdateNode:
        break;
    }
    this.trk.rebuild();
    return this.switchToConfig();
  }

  /** Follow-up of a configuration change: learner flag, leader step-down, commit recomputation. */
  switchToConfig(): ConfState {
    const cs = this.trk.confState();
    const pr = this.trk.progress.get(this.id);
    this.isLearner = pr !== undefined && pr.isLearner;
    if ((pr === undefined || this.isLearner) && this.state === StateType.Leader) {
      // A leader removed (or demoted) by a change it has applied steps down; the rest elect a new
      // leader once their election timeout passes (thesis §4.2.2).
      this.becomeFollower(this.term, None);
      return cs;
    }
    if (this.state !== StateType.Leader || cs.voters.length === 0) return cs;
    // The quorum changed: a removed voter's lag no longer holds the commit index back.
    if (this.maybeCommit()) {
      this.releasePendingReadIndexMessages();
      this.bcastAppend();
    } else {
      for (const id of this.trk.progress.keys()) if (id !== this.id) this.maybeSendAppend(id, false);
    }
    if (this.leadTransferee !== None && !this.trk.isVoter(this.leadTransferee)) this.abortLeaderTransfer();
    return cs;
  }
}
