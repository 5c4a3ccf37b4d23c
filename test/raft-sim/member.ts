// One simulated member: a durable MemoryStorage (holds exactly what went through Ready's persist
// step, and survives crashes), a volatile state machine (its applied index and a digest of what it
// applied; restored from the storage snapshot on restart), and a RawNode (discarded on crash).
// Ready is handled in the documented order: persist, send, apply, advance.
import { decodeConfChange } from '../../src/api/raft-codec.ts';
import { EntryType, MessageType, isEmptySnapshot } from '../../src/api/raft-types.ts';
import type { ConfChange, ConfState, Entry, Message } from '../../src/api/raft-types.ts';
import { StateType } from '../../src/raft/types.ts';
import type { Config, Ready, ReadState, Snapshot } from '../../src/raft/types.ts';
import { SafetyViolation, chainHash } from './checker.ts';
import type { LogView, SafetyChecker } from './checker.ts';
import type { Prng } from './prng.ts';
import type { MemoryStorageLike, RaftModule, RawNodeLike } from './raft-api.ts';

/** What a member needs from the simulation around it. */
export interface MemberHost {
  readonly checker: SafetyChecker;
  /** Number of ConfChange entries the initial members bootstrapped with. */
  readonly bootstrapEntries: number;
  send(m: Message): void;
  onApplied(member: Member, e: Entry): void;
  onConfApplied(member: Member, index: number, cc: ConfChange, cs: ConfState): void;
  onReadState(member: Member, rs: ReadState): void;
  onSnapshotInstalled(member: Member, snap: Snapshot): void;
  trace?: ((line: string) => void) | undefined;
}

export interface MemberConfig {
  electionTick: number;
  heartbeatTick: number;
  preVote: boolean;
  checkQuorum: boolean;
  maxSizePerMsg: number;
  maxInflightMsgs: number;
  maxUncommittedEntriesSize: number;
  disableProposalForwarding: boolean;
  snapshotEvery: number;
  compactLag: number;
  deferReady: number;
  testingBugs?: Config['testingBugs'];
}

/** Snapshot payload: the applied index and the state-machine digest at it. */
export function encodeAppSnapshot(index: number, chain: number): Uint8Array {
  const b = new Uint8Array(12);
  const v = new DataView(b.buffer);
  v.setFloat64(0, index);
  v.setUint32(8, chain);
  return b;
}
export function decodeAppSnapshot(b: Uint8Array): { index: number; chain: number } {
  if (b.length !== 12) throw new Error(`snapshot payload of ${b.length} bytes`);
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { index: v.getFloat64(0), chain: v.getUint32(8) };
}

export function storageView(s: MemoryStorageLike): LogView {
  return {
    firstIndex: () => s.firstIndex(),
    lastIndex: () => s.lastIndex(),
    term: (i: number) => {
      try {
        return s.term(i);
      } catch {
        return undefined;
      }
    },
  };
}

const hexId = (id: bigint): string => id.toString(16);

export class Member {
  readonly storage: MemoryStorageLike;
  readonly log: LogView;
  node: RawNodeLike | undefined;
  /** Set once the member is out of the configuration and shut down for good. */
  removed = false;
  /** Set once the member appeared in an applied configuration. */
  joined = false;
  incarnation = 0;
  // Volatile state machine.
  applied = 0;
  chain = 0;
  confState: ConfState = { voters: [], learners: [] };
  // Volatile view of raft's soft state.
  state: StateType = StateType.Follower;
  lead = 0n;
  term = 0;
  /** Latest vote request received from each candidate, to check what a grant answers. */
  private readonly voteRequests = new Map<string, Message>();
  private lastCampaignTerm = 0;
  /** Probability of leaving a Ready for later (0 in the liveness phase). */
  deferReady: number;
  private lastPreCampaignTerm = 0;
  /** A membership change was applied after the newest snapshot. */
  private confChangedSinceSnapshot = false;

  constructor(
    readonly id: bigint,
    private readonly raft: RaftModule,
    private readonly cfg: MemberConfig,
    private readonly host: MemberHost,
    private readonly rng: Prng,
  ) {
    this.storage = new raft.MemoryStorage();
    this.log = storageView(this.storage);
    this.deferReady = cfg.deferReady;
  }

  get alive(): boolean {
    return this.node !== undefined;
  }

  get isLeader(): boolean {
    return this.node !== undefined && this.state === StateType.Leader;
  }

  /** Starts (or restarts) raft on the durable storage; `peers` bootstraps a brand-new cluster member. */
  start(peers?: bigint[]): void {
    this.incarnation++;
    const snap = this.storage.snapshot();
    if (isEmptySnapshot(snap)) {
      this.applied = 0;
      this.chain = 0;
      this.confState = { voters: [], learners: [] };
    } else {
      const app = decodeAppSnapshot(snap.data);
      this.applied = snap.metadata.index;
      this.chain = app.chain;
      this.confState = cloneConfState(snap.metadata.confState);
    }
    const hs = this.storage.initialState().hardState;
    this.term = hs.term;
    this.state = StateType.Follower;
    this.lead = 0n;
    this.lastCampaignTerm = 0;
    this.lastPreCampaignTerm = 0;
    this.voteRequests.clear();
    const c = this.cfg;
    this.node = new this.raft.RawNode({
      id: this.id,
      electionTick: c.electionTick,
      heartbeatTick: c.heartbeatTick,
      storage: this.storage,
      random: this.rng.fork(),
      applied: this.applied,
      maxSizePerMsg: c.maxSizePerMsg,
      maxInflightMsgs: c.maxInflightMsgs,
      maxUncommittedEntriesSize: c.maxUncommittedEntriesSize,
      disableProposalForwarding: c.disableProposalForwarding,
      checkQuorum: c.checkQuorum,
      preVote: c.preVote,
      ...(c.testingBugs ? { testingBugs: c.testingBugs } : {}),
    });
    if (peers) this.node.bootstrap(peers);
    this.drain();
  }

  /** Discards raft and every volatile thing; the storage stays as persisted. */
  crash(): void {
    this.node = undefined;
    this.state = StateType.Follower;
    this.lead = 0n;
  }

  tick(): void {
    this.node?.tick();
    this.maybeDrain();
  }

  step(m: Message): void {
    const node = this.node;
    if (!node) return;
    // A vote request is handled on a drained node and answered at once, so that the grant can be
    // judged against exactly the log the voter had (the persisted one).
    const voteRequest = m.type === MessageType.MsgVote || m.type === MessageType.MsgPreVote;
    if (voteRequest) {
      this.drain();
      this.voteRequests.set(`${m.from}:${m.type}`, m);
    }
    try {
      node.step(m);
    } catch (e) {
      // A response from a peer no longer (or not yet) in the configuration is refused, as in etcd.
      if (!(e instanceof Error && e.name === 'RaftError')) throw e;
    }
    if (voteRequest) this.drain();
    else this.maybeDrain();
  }

  /** Runs `f` against the live node (a client request or an admin action), then handles Ready. */
  with(f: (node: RawNodeLike) => void): void {
    const node = this.node;
    if (!node) return;
    f(node);
    this.maybeDrain();
  }

  /**
   * Handles Ready now, or (with probability `deferReady`) leaves it for a later event: raft then
   * takes several inputs between two Ready batches, as behind a busy server loop, and a crash in
   * between loses whatever was not persisted yet.
   */
  private maybeDrain(): void {
    if (this.deferReady > 0 && this.rng.chance(this.deferReady)) return;
    this.drain();
  }

  drain(): void {
    const node = this.node;
    if (!node) return;
    for (let rounds = 0; node.hasReady(); rounds++) {
      if (rounds > 10_000) throw new Error(`member ${hexId(this.id)}: Ready never settles`);
      const rd = node.ready();
      this.handleReady(node, rd);
      node.advance(rd);
    }
    this.maybeSnapshot();
  }

  private handleReady(node: RawNodeLike, rd: Ready): void {
    const checker = this.host.checker;
    const trace = this.host.trace;
    // 1. Persist: snapshot, entries, hard state. Nothing leaves before this is durable.
    if (rd.snapshot && !isEmptySnapshot(rd.snapshot)) this.storage.applySnapshot(rd.snapshot);
    if (rd.entries.length > 0) {
      checker.entriesPersisted(this.id, rd.entries, this.log, rd.hardState?.term ?? this.term);
      this.storage.append(rd.entries);
    }
    if (rd.hardState) {
      this.storage.setHardState(rd.hardState);
      checker.hardStatePersisted(this.id, rd.hardState);
      this.term = rd.hardState.term;
    }
    if (rd.softState) {
      const wasLeader = this.state === StateType.Leader;
      this.state = rd.softState.state;
      this.lead = rd.softState.lead;
      if (this.state === StateType.Leader) {
        this.term = node.status().hardState.term;
        if (!wasLeader) trace?.(`member ${hexId(this.id)} became leader of term ${this.term}`);
        checker.leaderElected(this.id, this.term, this.log);
      }
    }
    if (this.state === StateType.Leader && rd.hardState) checker.leaderCommitted(this.term, rd.hardState.commit);
    for (const rs of rd.readStates) this.host.onReadState(this, rs);
    // 2. Send.
    for (const m of rd.messages) {
      if (m.type === MessageType.MsgPreVote && m.term !== this.lastPreCampaignTerm) {
        this.lastPreCampaignTerm = m.term;
        checker.preCampaignStarted(this.id, m.term);
      }
      if (m.type === MessageType.MsgVote && m.term !== this.lastCampaignTerm) {
        this.lastCampaignTerm = m.term;
        checker.campaignStarted(this.id, m.term);
        // A leader transfer campaigns at once, without a pre-vote (its MsgVote carries a context).
        if (this.cfg.preVote && !(m.context && m.context.length > 0))
          checker.campaignAfterPreVote(this.id, m.term, this.log);
      }
      if ((m.type === MessageType.MsgVoteResp || m.type === MessageType.MsgPreVoteResp) && !m.reject) {
        const preVote = m.type === MessageType.MsgPreVoteResp;
        const req = this.voteRequests.get(`${m.to}:${preVote ? MessageType.MsgPreVote : MessageType.MsgVote}`);
        checker.voteGranted({
          voter: this.id,
          candidate: m.to,
          term: m.term,
          preVote,
          ...(req && req.term === m.term ? { candidateLast: { index: req.index, term: req.logTerm } } : {}),
          voterLog: this.log,
        });
      }
      this.host.send(m);
    }
    // 3. Apply: the snapshot first, then the committed entries.
    if (rd.snapshot && !isEmptySnapshot(rd.snapshot)) {
      const app = decodeAppSnapshot(rd.snapshot.data);
      this.applied = rd.snapshot.metadata.index;
      this.chain = app.chain;
      this.confState = cloneConfState(rd.snapshot.metadata.confState);
      checker.snapshotApplied(this.id, this.applied, this.chain);
      this.host.onSnapshotInstalled(this, rd.snapshot);
    }
    for (const e of rd.committedEntries) this.apply(node, e);
  }

  private apply(node: RawNodeLike, e: Entry): void {
    if (e.index !== this.applied + 1)
      throw new SafetyViolation(
        'state-machine-safety',
        `member ${hexId(this.id)} was handed entry ${e.index} to apply after applying ${this.applied}`,
      );
    this.host.checker.applying(this.id, e.index);
    this.applied = e.index;
    this.chain = chainHash(this.chain, e);
    this.host.checker.entryApplied(this.id, e, this.chain);
    if (e.type === EntryType.ConfChange && e.data.length > 0) {
      const cc = decodeConfChange(e.data);
      this.confState = cloneConfState(node.applyConfChange(cc));
      this.confChangedSinceSnapshot = true;
      // Bootstrapped members start with the whole initial configuration, a member that joins later
      // replays the bootstrap entries one by one: they agree only once all of them are applied.
      if (e.index > this.host.bootstrapEntries) this.host.checker.confApplied(this.id, e.index, this.confState);
      this.host.onConfApplied(this, e.index, cc, this.confState);
    }
    this.host.onApplied(this, e);
  }

  /**
   * Snapshots the state machine every `snapshotEvery` entries and compacts the log behind it. When
   * compacting, it also snapshots after a membership change: raft refuses a snapshot whose
   * configuration lacks the recipient, so a new member behind compacted entries needs one that
   * includes it.
   */
  private maybeSnapshot(): void {
    const since = this.applied - this.storage.snapshot().metadata.index;
    const compacting = this.cfg.snapshotEvery < 1_000_000;
    if (since < this.cfg.snapshotEvery && !(compacting && since > 0 && this.confChangedSinceSnapshot)) return;
    this.confChangedSinceSnapshot = false;
    this.storage.createSnapshot(this.applied, this.confState, encodeAppSnapshot(this.applied, this.chain));
    const compactTo = this.applied - this.cfg.compactLag;
    if (compactTo > this.storage.firstIndex() - 1) this.storage.compact(compactTo);
  }
}

export function cloneConfState(cs: ConfState): ConfState {
  return { voters: [...cs.voters], learners: [...cs.learners] };
}
