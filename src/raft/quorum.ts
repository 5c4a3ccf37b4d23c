// Majority quorums over the voters of a single (non-joint) configuration. Learners never appear here.

export const VoteResult = { Pending: 0, Lost: 1, Won: 2 } as const;
export type VoteResult = (typeof VoteResult)[keyof typeof VoteResult];

/**
 * The highest index stored on a majority: with the match indexes sorted ascending, the entry at
 * position n - (n/2 + 1). Sorts `matches` in place (insertion sort: configurations are small).
 * An empty configuration commits nothing.
 */
export function majorityCommitted(matches: number[], n: number): number {
  if (n === 0) return 0;
  for (let i = 1; i < n; i++) {
    const v = matches[i]!;
    let j = i - 1;
    while (j >= 0 && matches[j]! > v) {
      matches[j + 1] = matches[j]!;
      j--;
    }
    matches[j + 1] = v;
  }
  return matches[n - ((n >> 1) + 1)]!;
}

/** Outcome of an election among `n` voters given the granted and rejected counts so far. */
export function majorityVoteResult(n: number, granted: number, rejected: number): VoteResult {
  if (n === 0) return VoteResult.Won;
  const q = (n >> 1) + 1;
  if (granted >= q) return VoteResult.Won;
  if (n - rejected >= q) return VoteResult.Pending;
  return VoteResult.Lost;
}
