// RawNode: the application's handle on one raft member. It wraps the state machine with the Ready
// protocol (etcd's RawNode): the caller drives time (tick), feeds messages (step), and repeatedly
// takes a Ready, persists it, sends its messages, applies its committed entries, and calls advance.
import { encodeConfChange } from '../api/raft-codec.ts';
import { EntryType, MessageType } from '../api/raft-types.ts';
import type { ConfChange, ConfState, Entry, HardState, Message } from '../api/raft-types.ts';
import { None, Raft } from './raft.ts';
import { ErrProposalDropped, ErrStepLocalMsg, RaftError } from './types.ts';
import type { Config, ProgressView, Ready, SoftState, Status } from './types.ts';
import { isLocalMsg, isResponseMsg, newMessage, payloadSize } from './util.ts';


export class RawNode {
  /** The state machine; exposed for tests and diagnostics. */
  readonly raft: Raft;
  private prevSoftState: SoftState;
  private prevHardState: HardState;

  constructor(config: Config) {
    this.raft = new Raft(config);
    this.prevSoftState = this.softState();
    this.prevHardState = this.raft.hardState();
  }

  /**
   * Starts a brand-new cluster member (storage must be empty). Like etcd, it appends one
   * ConfChangeAddNode entry per peer (term 1, indexes 1..n), marks them committed, and also applies
   * the membership at once so an election can happen on the first ticks. The entries come out in
   * the first Ready both to persist and to apply; applying them again (applyConfChange) is a no-op.
   *
   * Restart rule: raft rebuilds membership from storage.initialState().confState and then only sees
   * conf changes it hands out for applying (after Config.applied). So either restart with
   * Config.applied no higher than the index that confState reflects (etcd: the snapshot index), or
   * persist the ConfState returned by applyConfChange together with the applied index.
   */
  bootstrap(peers: bigint[]): void {
    if (peers.length === 0) throw new RaftError('must provide at least one peer to bootstrap');
    const r = this.raft;
    if (r.raftLog.storage.lastIndex() !== 0 || r.raftLog.lastIndex() !== 0 || r.term !== 0) {
      throw new RaftError("can't bootstrap a nonempty storage");
    }
    // Term 1 with no leader, so the log's entries (term 1) are consistent with the hard state.
    r.becomeFollower(1, None);
    const ents: Entry[] = peers.map((id, i) => ({
      term: 1,
      index: i + 1,
      type: EntryType.ConfChange,
      data: encodeConfChange({ id: 0n, type: 0, nodeId: id, context: new Uint8Array(0) }),
    }));
    r.raftLog.append(ents);
    r.raftLog.committed = ents.length;
    for (const id of peers) r.applyConfChange({ id: 0n, type: 0, nodeId: id, context: new Uint8Array(0) });
  }

  tick(): void {
    this.raft.tick();
  }

  /** Starts an election now (MsgHup), with pre-vote when configured. */
  campaign(): void {
    this.raft.step(newMessage(MessageType.MsgHup, None, this.raft.id, 0));
  }

  /** Proposes data to be appended to the log. Throws ErrProposalDropped when it cannot be accepted. */
  propose(data: Uint8Array): void {
    const m = newMessage(MessageType.MsgProp, None, this.raft.id, 0);
    m.entries = [{ term: 0, index: 0, type: EntryType.Normal, data }];
    const err = this.raft.step(m);
    if (err !== null) throw err;
  }

  /**
   * Proposes several entries in one step: one log append and one MsgApp per follower for all of them
   * (the server's write batching). All or nothing: throws ErrProposalDropped if refused.
   */
  proposeBatch(datas: readonly Uint8Array[]): void {
    if (datas.length === 0) return;
    const m = newMessage(MessageType.MsgProp, None, this.raft.id, 0);
    const ents: Entry[] = new Array<Entry>(datas.length);
    for (let i = 0; i < datas.length; i++) ents[i] = { term: 0, index: 0, type: EntryType.Normal, data: datas[i]! };
    m.entries = ents;
    const err = this.raft.step(m);
    if (err !== null) throw err;
  }

  /** Proposes a membership change; it takes effect when the application applies the committed entry. */
  proposeConfChange(cc: ConfChange): void {
    const m = newMessage(MessageType.MsgProp, None, this.raft.id, 0);
    m.entries = [{ term: 0, index: 0, type: EntryType.ConfChange, data: encodeConfChange(cc) }];
    const err = this.raft.step(m);
    if (err !== null) throw err;
  }

  /** Applies a committed conf change (call it when applying a ConfChange entry). Returns the new configuration. */
  applyConfChange(cc: ConfChange): ConfState {
    return this.raft.applyConfChange(cc);
  }

  /**
   * Feeds a message received from a peer. Local-only message types throw ErrStepLocalMsg; responses
   * from members not in the configuration are ignored, and so is a forwarded proposal this member
   * cannot pass on (the same as a lost message: the proposer times out).
   */
  step(m: Message): void {
    if (isLocalMsg(m.type)) throw ErrStepLocalMsg;
    if (isResponseMsg(m.type) && !this.raft.trk.progress.has(m.from)) return;
    if (m.type === MessageType.MsgProp) {
      // The leader assigns term and index to proposed entries in place: never touch the sender's objects.
      m = { ...m, entries: m.entries.map((e) => ({ term: 0, index: 0, type: e.type, data: e.data })) };
    }
    const err = this.raft.step(m);
    if (err !== null && err !== ErrProposalDropped) throw err;
  }

  /**
   * Asks for a linearizable read point (thesis §6.4). The answer arrives later as a ReadState with the
   * same ctx in Ready.readStates; ctx should be unique per request and non-empty.
   */
  readIndex(ctx: Uint8Array): void {
    const m = newMessage(MessageType.MsgReadIndex, None, None, 0);
    m.context = ctx;
    this.raft.step(m);
  }

  /** Asks the leader to hand leadership to transferee (thesis §3.10). */
  transferLeader(transferee: bigint): void {
    this.raft.step(newMessage(MessageType.MsgTransferLeader, None, transferee, 0));
  }

  /** The transport could not reach id: stop pipelining to it and probe instead. */
  reportUnreachable(id: bigint): void {
    this.raft.step(newMessage(MessageType.MsgUnreachable, None, id, 0));
  }

  /**
   * Result of sending a MsgSnap to id. Call it for every MsgSnap sent, also when it was lost: until
   * then (or until the follower answers) the leader sends nothing else to that follower.
   */
  reportSnapshot(id: bigint, failed: boolean): void {
    const m = newMessage(MessageType.MsgSnapStatus, None, id, 0);
    m.reject = failed;
    this.raft.step(m);
  }

  private softState(): SoftState {
    return { lead: this.raft.lead, state: this.raft.state };
  }

  hasReady(): boolean {
    const r = this.raft;
    if (r.lead !== this.prevSoftState.lead || r.state !== this.prevSoftState.state) return true;
    if (
      r.term !== this.prevHardState.term ||
      r.vote !== this.prevHardState.vote ||
      r.raftLog.committed !== this.prevHardState.commit
    ) {
      return true;
    }
    const u = r.raftLog.unstable;
    if (u.nextSnapshot() !== undefined) return true;
    if (r.msgs.length > 0 || u.hasNextEntries() || r.raftLog.hasNextCommittedEnts()) return true;
    return r.readStates.length > 0;
  }

  /**
   * What to do next (see Ready in types.ts for the order). Everything in it is handed out once:
   * the next Ready only carries what changed since.
   */
  ready(): Ready {
    const r = this.raft;
    const log = r.raftLog;
    const entries = log.unstable.hasNextEntries() ? log.unstable.nextEntries() : [];
    const committedEntries = log.hasNextCommittedEnts() ? log.nextCommittedEnts() : [];
    const rd: Ready = {
      readStates: r.readStates,
      entries,
      committedEntries,
      messages: r.msgs,
      mustSync: false,
    };
    if (r.lead !== this.prevSoftState.lead || r.state !== this.prevSoftState.state) {
      rd.softState = this.softState();
      this.prevSoftState = rd.softState;
    }
    const prev = this.prevHardState;
    if (r.term !== prev.term || r.vote !== prev.vote || log.committed !== prev.commit) {
      const hs = r.hardState();
      // Raft §5.2 requires the vote to be durable before the response leaves; mustSync covers it.
      rd.mustSync = hs.term !== prev.term || hs.vote !== prev.vote;
      this.prevHardState = hs;
      rd.hardState = r.bugs.voteNotPersisted === true ? { ...hs, vote: 0n } : hs;
    }
    if (entries.length > 0) rd.mustSync = true;
    const snap = log.unstable.nextSnapshot();
    if (snap !== undefined) rd.snapshot = snap;

    // Accept: nothing of this Ready is handed out again.
    r.readStates = [];
    r.msgs = [];
    log.unstable.acceptInProgress();
    if (committedEntries.length > 0) log.applying = committedEntries[committedEntries.length - 1]!.index;
    return rd;
  }

  /** The Ready was persisted, sent and applied. */
  advance(rd: Ready): void {
    const log = this.raft.raftLog;
    if (rd.entries.length > 0) {
      const last = rd.entries[rd.entries.length - 1]!;
      log.unstable.stableTo(last.index, last.term);
    }
    if (rd.snapshot !== undefined) {
      log.unstable.stableSnapTo(rd.snapshot.metadata.index);
      log.appliedTo(rd.snapshot.metadata.index);
    }
    if (rd.committedEntries.length > 0) {
      log.appliedTo(rd.committedEntries[rd.committedEntries.length - 1]!.index);
      this.raft.reduceUncommittedSize(payloadSize(rd.committedEntries));
    }
  }

  status(): Status {
    const r = this.raft;
    const s: Status = {
      id: r.id,
      hardState: r.hardState(),
      softState: this.softState(),
      applied: r.raftLog.applied,
      leadTransferee: r.leadTransferee,
    };
    if (r.state === 'leader') {
      const progress = new Map<bigint, ProgressView>();
      for (const [id, pr] of r.trk.progress) {
        progress.set(id, {
          match: pr.match,
          next: pr.next,
          state: pr.state,
          isLearner: pr.isLearner,
          recentActive: pr.recentActive,
        });
      }
      s.progress = progress;
    }
    return s;
  }

  /** Status without the per-follower progress (cheap). */
  basicStatus(): Status {
    const r = this.raft;
    return {
      id: r.id,
      hardState: r.hardState(),
      softState: this.softState(),
      applied: r.raftLog.applied,
      leadTransferee: r.leadTransferee,
    };
  }
}

