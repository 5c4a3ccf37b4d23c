// The public contract of the raft package: configuration, the Ready batch, Storage, and the
// test-only fault switches. raft/ is a deterministic state machine (the design of etcd's raft
// library): it never does I/O, never reads a clock and never draws randomness of its own. Time
// arrives as tick(), randomness through Config.random, and everything it wants done (persist,
// send, apply) is handed out through Ready.
import type { ConfState, Entry, HardState, Message, Snapshot } from '../api/raft-types.ts';

export type { ConfState, Entry, HardState, Message, Snapshot };

export const StateType = {
  Follower: 'follower',
  Candidate: 'candidate',
  Leader: 'leader',
  PreCandidate: 'pre-candidate',
} as const;
export type StateType = (typeof StateType)[keyof typeof StateType];

/** A source of uniformly distributed integers in [0, n). Injected so simulations are reproducible. */
export interface RandomSource {
  intn(n: number): number;
}

/**
 * Switches that break raft on purpose. They exist only so the simulation can prove it catches each
 * kind of bug (positive controls). Never set in production code.
 */
export interface TestingBugs {
  /** The vote is not part of the hard state handed out for persistence (lost on restart). */
  voteNotPersisted?: boolean;
  /** The leader commits entries of older terms by counting replicas (violates Raft §5.4.2). */
  commitOldTermByCounting?: boolean;
  /** A pre-vote is granted even when the candidate's log is behind (no up-to-date check). */
  preVoteSkipsLogCheck?: boolean;
  /** A node grants a vote to every candidate of the current term, even after voting for another. */
  grantTwoVotesPerTerm?: boolean;
  /** ReadIndex answers at once with the commit index, without a heartbeat quorum confirming leadership. */
  readIndexWithoutQuorum?: boolean;
  /** A RequestVote is granted without checking that the candidate's log is at least as up to date (§5.4.1). */
  voteSkipsLogCheck?: boolean;
}

export interface Config {
  /** This member's ID; never 0n. */
  id: bigint;
  /** Ticks without hearing from a leader before a follower starts an election. Must exceed heartbeatTick. */
  electionTick: number;
  /** Ticks between leader heartbeats. */
  heartbeatTick: number;
  /** Where the log, hard state and snapshot live. raft reads it; the caller writes it from Ready. */
  storage: Storage;
  /** Random source for the randomized election timeout in [electionTick, 2*electionTick). */
  random: RandomSource;
  /** The highest index the application has already applied (on restart). Default 0. */
  applied?: number;
  /** Largest total byte size of the entries in one MsgApp. Default 1 MiB. 0 = one entry per message. */
  maxSizePerMsg?: number;
  /** Largest number of in-flight MsgApp per follower in replicate state. Default 256. */
  maxInflightMsgs?: number;
  /** Largest total byte size of uncommitted entries the leader accepts before dropping proposals. 0 = no limit. */
  maxUncommittedEntriesSize?: number;
  /** Leader steps down when it has not heard from a quorum within an election timeout. */
  checkQuorum?: boolean;
  /** Run a pre-vote round (no term bump) before a real election (Raft thesis §9.6). */
  preVote?: boolean;
  /** Followers drop proposals instead of forwarding them to the leader. */
  disableProposalForwarding?: boolean;
  /** Test-only: break raft on purpose (positive controls for the simulation). */
  testingBugs?: TestingBugs;
  /** Optional sink for debug lines; raft never prints. */
  logger?: RaftLogger;
}

export interface RaftLogger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
}

export interface SoftState {
  lead: bigint;
  state: StateType;
}

/** A linearizable read point: once `index` is applied locally, a read for `requestCtx` may be served. */
export interface ReadState {
  index: number;
  requestCtx: Uint8Array;
}

/**
 * Everything raft asks the caller to do, in this order:
 * 1. persist `hardState` (if set), `entries` and `snapshot` (if set) — fsync when `mustSync`;
 * 2. only then send `messages` (a vote or an append may not leave before it is durable);
 * 3. apply `snapshot` then `committedEntries` to the state machine;
 * 4. call advance(ready).
 */
export interface Ready {
  softState?: SoftState;
  hardState?: HardState;
  readStates: ReadState[];
  entries: Entry[];
  snapshot?: Snapshot;
  committedEntries: Entry[];
  messages: Message[];
  mustSync: boolean;
}

/** Progress of one peer as the leader sees it. */
export const ProgressState = {
  Probe: 'probe',
  Replicate: 'replicate',
  Snapshot: 'snapshot',
} as const;
export type ProgressState = (typeof ProgressState)[keyof typeof ProgressState];

export interface ProgressView {
  match: number;
  next: number;
  state: ProgressState;
  isLearner: boolean;
  recentActive: boolean;
}

export interface Status {
  id: bigint;
  hardState: HardState;
  softState: SoftState;
  applied: number;
  /** Only on the leader. */
  progress?: Map<bigint, ProgressView>;
  leadTransferee: bigint;
}

/**
 * Storage raft reads from. The caller appends entries, sets the hard state and applies snapshots
 * after persisting them (MemoryStorage does it in memory; the server wraps the WAL around it).
 * Errors: throw ErrCompacted / ErrUnavailable / ErrSnapshotTemporarilyUnavailable as described.
 */
export interface Storage {
  /** The saved hard state and configuration. */
  initialState(): { hardState: HardState; confState: ConfState };
  /** Entries in [lo, hi), cut so their total size stays under maxSize (always at least one). */
  entries(lo: number, hi: number, maxSize: number): Entry[];
  /** Term of entry i; i may be the snapshot index. Throws ErrCompacted / ErrUnavailable. */
  term(i: number): number;
  lastIndex(): number;
  /** Index of the first entry that is still available (snapshot index + 1). */
  firstIndex(): number;
  /** The newest snapshot. May throw ErrSnapshotTemporarilyUnavailable. */
  snapshot(): Snapshot;
}

export class RaftError extends Error {
  override name = 'RaftError';
}
/** The requested index is older than the storage's first index. */
export const ErrCompacted = new RaftError('requested index is unavailable due to compaction');
/** The requested snapshot is older than the existing one. */
export const ErrSnapOutOfDate = new RaftError('requested index is older than the existing snapshot');
/** The requested entry is not in storage yet. */
export const ErrUnavailable = new RaftError('requested entry at index is unavailable');
export const ErrSnapshotTemporarilyUnavailable = new RaftError('snapshot is temporarily unavailable');
/** A proposal was dropped: no leader known, leader transfer in progress, or forwarding disabled. */
export const ErrProposalDropped = new RaftError('raft proposal dropped');
/** Stepping a local-only message type that arrived from the network, or the like. */
export const ErrStepLocalMsg = new RaftError('raft: cannot step raft local message');
export const ErrStepPeerNotFound = new RaftError('raft: cannot step as peer not found');
