// What the checker needs to know about the object under test (the porcupine contract, made
// non-deterministic): a sequential specification as a step function, a state hash for memoization, and
// optionally a split of the history into independent parts (P-compositionality, Herlihy & Wing 1990:
// a history is linearizable iff each of its projections onto independent objects is).
import type { Operation } from './history.ts';

export interface Model<S, I, O> {
  init(): S;
  /**
   * Every state the object can be in after applying `input` in `state` and answering `output`; an empty
   * list means "not possible". `output === undefined` is an unknown outcome: the step must then return at
   * least one state for every state and input (the operation happened, with whatever answer fits), which is
   * what lets the checker linearize unknown operations after everything else, i.e. treat them as never
   * having happened.
   */
  step(state: S, input: I, output: O | undefined): S[];
  /** Equal states must hash equal; unequal states should not. */
  hash(state: S): string;
  /** Independent sub-histories, each checked from `init()`; absent = one partition. */
  partition?(ops: readonly Operation<I, O>[]): Operation<I, O>[][];
  /** One line for reports. */
  describe?(input: I, output: O | undefined): string;
}
