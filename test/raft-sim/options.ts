// What one simulated run looks like. Everything not given explicitly is drawn from the seed, so
// `--seed S --nodes N --steps K` (plus any overrides shown by replayCommand) replays a run exactly.
import type { TestingBugs } from '../../src/raft/types.ts';
import type { CheckName } from './checker.ts';
import { Prng } from './prng.ts';

export type BugName = keyof TestingBugs;
export const bugNames: readonly BugName[] = [
  'voteNotPersisted',
  'commitOldTermByCounting',
  'preVoteSkipsLogCheck',
  'grantTwoVotesPerTerm',
  'readIndexWithoutQuorum',
  'voteSkipsLogCheck',
];

/** Relative weights of the events one step may be; normalised by the simulator. */
export interface EventWeights {
  tick: number;
  deliver: number;
  propose: number;
  read: number;
  crash: number;
  restart: number;
  partition: number;
  heal: number;
  confChange: number;
  transferLeader: number;
  campaign: number;
}

export type PartitionKind = 'minority' | 'split' | 'leader' | 'oneway';

export interface Variant {
  preVote: boolean;
  checkQuorum: boolean;
  electionTick: number;
  heartbeatTick: number;
  /** Probability that a sent message is lost. */
  dropRate: number;
  /** Probability that a sent message is delivered twice. */
  dupRate: number;
  /** Probability that a message is held back, and for how many steps at most. */
  delayRate: number;
  maxDelay: number;
  /** Deliver in random order among due messages (else oldest first). */
  reorder: boolean;
  /** Take a state-machine snapshot every this many applied entries. */
  snapshotEvery: number;
  /** Entries kept in the log behind a snapshot when compacting. */
  compactLag: number;
  maxSizePerMsg: number;
  maxInflightMsgs: number;
  /** Leader drops proposals beyond this many uncommitted payload bytes (0 = no limit). */
  maxUncommittedEntriesSize: number;
  /** Followers drop proposals instead of forwarding them. */
  disableProposalForwarding: boolean;
  /** Probability that a member leaves a Ready for a later event instead of handling it at once. */
  deferReady: number;
  weights: EventWeights;
  /** Relative weights of the partition shapes. */
  partitionWeights: Record<PartitionKind, number>;
}

export interface SimOptions {
  seed: number;
  nodes: number;
  steps: number;
  bug?: BugName;
  disabledChecks?: CheckName[];
  /** Overrides applied on top of the seed-drawn variant. */
  preVote?: boolean;
  checkQuorum?: boolean;
  /** Named fault mix (see `profiles`); 'default' unless a positive control asks for another. */
  profile?: ProfileName;
  /** Skip the liveness phase at the end. */
  noLiveness?: boolean;
  trace?: (line: string) => void;
}

export type ProfileName = keyof typeof profiles;

const baseWeights: EventWeights = {
  tick: 22,
  deliver: 62,
  propose: 6,
  read: 3,
  crash: 0.35,
  restart: 0.7,
  partition: 0.5,
  heal: 0.6,
  confChange: 0.5,
  transferLeader: 0.2,
  campaign: 0.15,
};

/**
 * Fault mixes. 'default' is the broad one used by `npm test` and the soak; the others sharpen the
 * history a positive control needs (documented where they are used).
 */
export const profiles = {
  default: (v: Variant): Variant => v,
  /** Many crashes and elections: votes lost on restart, split votes, candidates that fall behind. */
  churn: (v: Variant): Variant => ({
    ...v,
    weights: { ...v.weights, crash: 1.5, restart: 2.5, campaign: 1, partition: 1, heal: 1 },
  }),
  /** Membership churn over a tightly compacted log: new members catch up through snapshots. */
  membership: (v: Variant): Variant => ({
    ...v,
    snapshotEvery: 5,
    compactLag: 0,
    weights: { ...v.weights, confChange: 4, transferLeader: 0.6 },
  }),
  /**
   * A leader cut off from the rest while a successor is elected and commits, with clients still
   * reaching the old one; check-quorum off so the old leader does not step down on its own.
   */
  staleLeader: (v: Variant): Variant => ({
    ...v,
    checkQuorum: false,
    weights: { ...v.weights, read: 10, partition: 1.5, heal: 0.5, crash: 0.1 },
    partitionWeights: { minority: 0, split: 0, leader: 1, oneway: 0 },
  }),
  /**
   * Raft Figure 8: a leader that replicates an entry of an older term to a majority and is cut off
   * before its own term's entries follow, then a member holding a newer conflicting entry wins. One
   * entry per message and one message in flight keep the old entry and the new no-op apart; leaders
   * are isolated or crash soon after they are elected. Pre-vote off, as in the paper's scenario.
   */
  /** Very long message delays (up to 500 steps): answers to old requests arrive elections later. */
  longDelay: (v: Variant): Variant => ({ ...v, delayRate: Math.max(v.delayRate, 0.3), maxDelay: 500 }),
  figure8: (v: Variant): Variant => ({
    ...v,
    preVote: false,
    maxSizePerMsg: 0,
    maxInflightMsgs: 1,
    checkQuorum: false,
    dropRate: Math.max(v.dropRate, 0.05),
    weights: { ...v.weights, propose: 10, crash: 1.5, restart: 2.5, partition: 2, heal: 1.5, confChange: 0 },
    partitionWeights: { minority: 1, split: 1, leader: 4, oneway: 0 },
  }),
};

export function drawVariant(opts: SimOptions): Variant {
  const r = new Prng(opts.seed ^ 0x5eed);
  const electionTick = r.pick([5, 6, 8, 10]);
  let v: Variant = {
    preVote: r.chance(0.8),
    checkQuorum: r.chance(0.8),
    electionTick,
    heartbeatTick: r.chance(0.8) ? 1 : 2,
    dropRate: r.pick([0, 0.01, 0.03, 0.08]),
    dupRate: r.pick([0, 0, 0.01, 0.04]),
    delayRate: r.pick([0, 0.1, 0.3]),
    maxDelay: r.pick([5, 20, 60]),
    reorder: r.chance(0.6),
    snapshotEvery: r.pick([5, 12, 30, 1_000_000]),
    compactLag: r.pick([0, 2, 10]),
    maxSizePerMsg: r.pick([0, 64, 1024 * 1024]),
    maxInflightMsgs: r.pick([1, 4, 256]),
    weights: { ...baseWeights },
    partitionWeights: { minority: 1, split: 1, leader: 1, oneway: 1 },
    maxUncommittedEntriesSize: 0,
    disableProposalForwarding: false,
    deferReady: 0,
  };
  // Drawn last so that adding them kept the earlier draws (and known seeds) unchanged.
  v.maxUncommittedEntriesSize = r.pick([0, 0, 0, 128]);
  v.disableProposalForwarding = r.chance(0.1);
  v.deferReady = r.pick([0, 0, 0.3, 0.6]);
  v = profiles[opts.profile ?? 'default'](v);
  if (opts.preVote !== undefined) v.preVote = opts.preVote;
  if (opts.checkQuorum !== undefined) v.checkQuorum = opts.checkQuorum;
  return v;
}

export function replayCommand(opts: SimOptions): string {
  const parts = [
    'npx tsx test/raft-sim/replay.ts',
    `--seed ${opts.seed}`,
    `--nodes ${opts.nodes}`,
    `--steps ${opts.steps}`,
  ];
  if (opts.bug) parts.push(`--bug ${opts.bug}`);
  if (opts.profile && opts.profile !== 'default') parts.push(`--profile ${opts.profile}`);
  if (opts.preVote !== undefined) parts.push(`--prevote ${opts.preVote ? 'on' : 'off'}`);
  if (opts.checkQuorum !== undefined) parts.push(`--check-quorum ${opts.checkQuorum ? 'on' : 'off'}`);
  if (opts.disabledChecks?.length) parts.push(`--disable ${opts.disabledChecks.join(',')}`);
  if (opts.noLiveness) parts.push('--no-liveness');
  return parts.join(' ');
}
