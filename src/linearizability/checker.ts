// Linearizability checking by search (Wing & Gong 1993, with Lowe's memoization, "Testing for
// linearizability", 2017, as porcupine implements it): walk the history's call/return events in time order,
// try to linearize a pending operation whose call comes before the earliest unmatched return, backtrack when
// a return is reached whose operation is still unlinearized. A (set of linearized operations, model state)
// pair that was already explored is never explored again, which bounds the search by the number of such
// pairs instead of the number of orders.
import { Bitset } from './bitset.ts';
import type { Operation } from './history.ts';
import type { Model } from './model.ts';

export type Verdict = 'ok' | 'illegal' | 'unknown';

export interface PartitionReport<I, O> {
  verdict: Verdict;
  operations: Operation<I, O>[];
  /** Search steps (model steps tried). */
  steps: number;
  /** On `illegal`: the longest linearized prefix the search found, in linearization order. */
  longestPrefix?: Operation<I, O>[];
  /** On `illegal`: operations that could not come next after that prefix (the earliest pending ones). */
  stuckAt?: Operation<I, O>[];
}

export interface CheckResult<I, O> {
  /** `ok` only when every partition is ok; `unknown` (budget exhausted) is a failure, not a pass. */
  verdict: Verdict;
  partitions: PartitionReport<I, O>[];
  elapsedMs: number;
}

export interface CheckOptions {
  /** Wall-clock budget for the whole check; past it the verdict is `unknown`. Default 60 s. */
  timeoutMs?: number;
}

interface Node {
  readonly id: number;
  /** For a call: its return node; for a return: undefined. */
  readonly match: Node | undefined;
  prev: Node | undefined;
  next: Node | undefined;
}

/** One level of the depth-first search: the operations that could come next, and which one is being tried. */
interface Frame<S> {
  candidates: Node[];
  /** Index in `candidates` of the operation tried now. */
  ci: number;
  /** Its successor states (computed on first try), and the next one to try. */
  successors: S[] | undefined;
  k: number;
  /** State before the tried operation. */
  before: S;
}

const DEADLINE_CHECK_EVERY = 1024;

export function checkOperations<S, I, O>(
  model: Model<S, I, O>,
  history: readonly Operation<I, O>[],
  opts: CheckOptions = {},
): CheckResult<I, O> {
  const started = performance.now();
  const deadline = started + (opts.timeoutMs ?? 60_000);
  const parts = model.partition ? model.partition(history) : [[...history]];
  const partitions: PartitionReport<I, O>[] = [];
  let verdict: Verdict = 'ok';
  for (const ops of parts) {
    const r = checkPartition(model, ops, deadline);
    partitions.push(r);
    if (r.verdict === 'illegal') verdict = 'illegal';
    else if (r.verdict === 'unknown' && verdict === 'ok') verdict = 'unknown';
  }
  return { verdict, partitions, elapsedMs: performance.now() - started };
}

/** Calls and returns in time order as a doubly linked list after a head sentinel. */
function buildList<I, O>(ops: readonly Operation<I, O>[]): Node {
  const events: { time: number; isCall: boolean; id: number }[] = [];
  ops.forEach((op, id) => {
    if (!(op.return >= op.call)) throw new Error(`operation ${id} returns before it is called`);
    events.push({ time: op.call, isCall: true, id }, { time: op.return, isCall: false, id });
  });
  // At equal times calls go first: operations that touch at one instant count as concurrent (the
  // permissive reading; the clock cannot order them).
  events.sort((a, b) => a.time - b.time || Number(b.isCall) - Number(a.isCall) || a.id - b.id);
  const returns = new Map<number, Node>();
  const nodes: Node[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    const n: Node = e.isCall
      ? { id: e.id, match: returns.get(e.id), prev: undefined, next: undefined }
      : { id: e.id, match: undefined, prev: undefined, next: undefined };
    if (!e.isCall) returns.set(e.id, n);
    nodes.push(n);
  }
  nodes.reverse();
  const head: Node = { id: -1, match: undefined, prev: undefined, next: undefined };
  let last = head;
  for (const n of nodes) {
    last.next = n;
    n.prev = last;
    last = n;
  }
  return head;
}

/** Removes a call and its return from the list (their own links stay, for unlift). */
function lift(call: Node): void {
  call.prev!.next = call.next;
  call.next!.prev = call.prev;
  const ret = call.match!;
  ret.prev!.next = ret.next;
  if (ret.next) ret.next.prev = ret.prev;
}

function unlift(call: Node): void {
  const ret = call.match!;
  ret.prev!.next = ret;
  if (ret.next) ret.next.prev = ret;
  call.prev!.next = call;
  call.next!.prev = call;
}

function checkPartition<S, I, O>(
  model: Model<S, I, O>,
  ops: readonly Operation<I, O>[],
  deadline: number,
): PartitionReport<I, O> {
  const operations = [...ops];
  const head = buildList(operations);
  // Operations with an unknown outcome that never returned may be linearized last (= never happened), which
  // the model guarantees is always possible; the search is done once every other one is linearized.
  const optional = operations.map((op) => op.output === undefined && op.return === Infinity);
  let required = optional.filter((o) => !o).length;
  const linearized = Bitset.of(operations.length);
  const seen = new Set<string>();
  const stack: Frame<S>[] = [];
  let state = model.init();
  let steps = 0;
  let best: number[] = [];

  // The operations that may come next: every call before the earliest return still in the list. Those with
  // a known outcome are tried first; an unknown one is tried only where the known ones cannot go on. Trying
  // an unknown operation as early as possible would drag every later path through all its possible places.
  const frameAt = (before: S): Frame<S> => {
    const known: Node[] = [];
    const unknown: Node[] = [];
    for (let n = head.next; n !== undefined && n.match !== undefined; n = n.next) {
      (optional[n.id] ? unknown : known).push(n);
    }
    return { candidates: known.concat(unknown), ci: 0, successors: undefined, k: 0, before };
  };
  /** Marks `id` linearized if some successor from `from` on leads to an unexplored pair; returns its index. */
  const visit = (successors: S[], from: number, id: number): number => {
    linearized.set(id);
    const key = linearized.key();
    for (let k = from; k < successors.length; k++) {
      const full = key + '|' + model.hash(successors[k]!);
      if (!seen.has(full)) {
        seen.add(full);
        return k;
      }
    }
    linearized.clear(id);
    return -1;
  };

  let frame = frameAt(state);
  while (required > 0) {
    if (++steps % DEADLINE_CHECK_EVERY === 0 && performance.now() > deadline) {
      return { verdict: 'unknown', operations, steps };
    }
    let descended = false;
    while (frame.ci < frame.candidates.length) {
      const node = frame.candidates[frame.ci]!;
      const op = operations[node.id]!;
      frame.successors ??= model.step(state, op.input, op.output);
      const k = visit(frame.successors, frame.k, node.id);
      if (k >= 0) {
        frame.k = k + 1;
        state = frame.successors[k]!;
        lift(node);
        if (!optional[node.id]) required--;
        stack.push(frame);
        if (stack.length > best.length) best = stack.map((f) => f.candidates[f.ci]!.id);
        frame = frameAt(state);
        descended = true;
        break;
      }
      frame.ci++;
      frame.successors = undefined;
      frame.k = 0;
    }
    if (descended) continue;
    // No operation can come next after this prefix: undo the last choice and try its alternatives.
    const parent = stack.pop();
    if (parent === undefined) return { verdict: 'illegal', operations, steps, ...diagnose(operations, best) };
    const node = parent.candidates[parent.ci]!;
    state = parent.before;
    linearized.clear(node.id);
    unlift(node);
    if (!optional[node.id]) required++;
    frame = parent;
  }
  return { verdict: 'ok', operations, steps };
}

/** The longest prefix found and the operations that were pending right after it (for the report). */
function diagnose<I, O>(
  operations: Operation<I, O>[],
  best: number[],
): { longestPrefix: Operation<I, O>[]; stuckAt: Operation<I, O>[] } {
  const done = new Set(best);
  const pending = operations
    .map((op, id) => ({ op, id }))
    .filter(({ id }) => !done.has(id))
    .sort((a, b) => a.op.call - b.op.call);
  // Pending operations called before the earliest pending return could have been next.
  const firstReturn = Math.min(...pending.map(({ op }) => op.return));
  return {
    longestPrefix: best.map((id) => operations[id]!),
    stuckAt: pending.filter(({ op }) => op.call <= firstReturn).map(({ op }) => op),
  };
}
