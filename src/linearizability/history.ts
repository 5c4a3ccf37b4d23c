// A concurrent history as clients saw it: each operation with the time it was called and the time it
// returned. An operation whose outcome the client never learned (failed connection, timeout) has an unknown
// output and returns at +Infinity: it may have taken effect at any moment after its call, or never.

export interface Operation<I, O> {
  /** Who issued it; only used in reports (real-time order alone decides concurrency). */
  readonly clientId: number;
  readonly input: I;
  /** `undefined` = unknown outcome. */
  readonly output: O | undefined;
  /** Any monotonic clock shared by every client (milliseconds in practice). */
  readonly call: number;
  /** `Infinity` for an unknown outcome. */
  readonly return: number;
}

/** True when the client never learned what happened. */
export const isUnknown = <I, O>(op: Operation<I, O>): boolean => op.output === undefined;

/** Marks an operation as "may or may not have happened": unknown output, returns at +Infinity. */
export function unknownOutcome<I, O>(op: Operation<I, O>): Operation<I, O> {
  return { ...op, output: undefined, return: Infinity };
}
