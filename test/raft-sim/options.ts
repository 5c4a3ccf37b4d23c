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
  weights: EventWeights;
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
  default: (w: EventWeights): EventWeights => w,
  /** Many crashes and elections: votes lost on restart, split votes. */
  churn: (w: EventWeights): EventWeights => ({ ...w, crash: 1.2, restart: 2, campaign: 0.8, partition: 0.8 }),
  /** Partitions that strand leaders, with reads everywhere. */
  partitions: (w: EventWeights): EventWeights => ({ ...w, partition: 1.5, heal: 0.8, read: 8, crash: 0.1 }),
};

export function drawVariant(opts: SimOptions): Variant {
  const r = new Prng(opts.seed ^ 0x5eed);
  const electionTick = r.pick([5, 6, 8, 10]);
  const v: Variant = {
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
  };
  if (opts.preVote !== undefined) v.preVote = opts.preVote;
  if (opts.checkQuorum !== undefined) v.checkQuorum = opts.checkQuorum;
  v.weights = profiles[opts.profile ?? 'default'](v.weights);
  return v;
}

export function replayCommand(opts: SimOptions): string {
  const parts = ['npx tsx test/raft-sim/replay.ts', `--seed ${opts.seed}`, `--nodes ${opts.nodes}`, `--steps ${opts.steps}`];
  if (opts.bug) parts.push(`--bug ${opts.bug}`);
  if (opts.profile && opts.profile !== 'default') parts.push(`--profile ${opts.profile}`);
  if (opts.preVote !== undefined) parts.push(`--prevote ${opts.preVote ? 'on' : 'off'}`);
  if (opts.checkQuorum !== undefined) parts.push(`--check-quorum ${opts.checkQuorum ? 'on' : 'off'}`);
  if (opts.disabledChecks?.length) parts.push(`--disable ${opts.disabledChecks.join(',')}`);
  if (opts.noLiveness) parts.push('--no-liveness');
  return parts.join(' ');
}
