// The checks after a run, on the recorded history alone (so a saved history can be checked again, and
// doctored on purpose for the positive controls): linearizability of the client history; revisions in
// real-time order; the reference watch is a sane write history holding every acknowledged write; reads
// (linearizable and serializable) match the reference at their revision; every watch stream is ordered,
// unique and complete against the reference; no key outlives its lease's revoke.
import {
  checkOperations,
  etcdModel,
  formatReport,
  inRange,
  type EtcdRequest,
  type EtcdResponse,
  type KeyValue,
  type KvRequest,
  type Operation,
} from '../../src/linearizability/index.ts';
import type { RecordedRun, WatchEvent, WatchRecord } from './traffic.ts';

type Op = Operation<EtcdRequest, EtcdResponse>;

export interface CheckOutcome {
  failures: string[];
  /** Linearizability verdict and report. */
  verdict: string;
  report: string;
  stats: Record<string, number>;
}

const putsOf = (req: EtcdRequest): string[] => {
  const kv = (r: KvRequest): string[] => (r.type === 'put' ? [r.value] : []);
  if (req.type === 'txn') return [...req.success.flatMap(kv), ...req.failure.flatMap(kv)];
  return req.type === 'put' ? [req.value] : [];
};
const onlyPuts = (req: EtcdRequest): boolean =>
  req.type === 'put' ||
  (req.type === 'txn' && [...req.success, ...req.failure].every((r) => r.type !== 'delete'));
/** Whatever branch it takes, it writes one of its (unique) values: absent from history = never happened. */
const alwaysPuts = (req: EtcdRequest): boolean =>
  req.type === 'put' ||
  (req.type === 'txn' && [req.success, req.failure].every((b) => b.some((r) => r.type === 'put')));

/**
 * Unknown outcomes the reference watch settles (it holds every write; its own completeness is checked
 * separately): a put-only request whose unique values never show up did not happen and is dropped; a put
 * or txn whose value shows up happened, in the branch holding that value, at that event's revision, and
 * gets that answer (still returning at +Infinity). A revoke is settled by the leases alive at the end.
 * Requests that only delete, or whose branch reads, stay unknown. Settling them keeps the search from trying every place an unknown write could go.
 */
export function resolveUnknownWrites(
  ops: readonly Op[],
  reference: WatchRecord,
  liveLeases?: readonly number[],
): { ops: Op[]; dropped: number; resolved: number } {
  const live = liveLeases === undefined ? undefined : new Set(liveLeases);
  const granted = new Set(
    ops
      .filter((o) => o.input.type === 'leaseGrant' && o.output !== undefined && !('error' in o.output))
      .map((o) => (o.input as { id: number }).id),
  );
  const byValue = new Map(reference.events.filter((e) => e.type === 'put').map((e) => [e.value, e]));
  const deletedAt = new Set(
    reference.events.filter((e) => e.type === 'delete').map((e) => `${e.rev}|${e.key}`),
  );
  let dropped = 0;
  let resolved = 0;
  const out: Op[] = [];
  for (const op of ops) {
    if (op.output !== undefined) {
      out.push(op);
      continue;
    }
    const req = op.input;
    if (req.type === 'leaseRevoke' && live !== undefined) {
      // Lease IDs are unique and TTLs outlast the run: still alive = the revoke did not happen; gone after a
      // successful grant = it did.
      if (live.has(req.id)) {
        dropped++;
        continue;
      }
      if (granted.has(req.id)) {
        out.push({ ...op, output: { rev: 0, results: [] } });
        resolved++;
        continue;
      }
    }
    const seen = putsOf(req)
      .map((v) => byValue.get(v))
      .find((e) => e !== undefined);
    if (seen === undefined) {
      if (onlyPuts(req) || alwaysPuts(req)) dropped++;
      else out.push(op);
      continue;
    }
    const branch =
      req.type === 'txn'
        ? req.success.some((r) => r.type === 'put' && r.value === seen.value)
          ? req.success
          : req.failure
        : [req as KvRequest];
    if (branch.some((r) => r.type === 'range' || (r.type === 'delete' && r.end !== undefined))) {
      out.push(op);
      continue;
    }
    const results = branch.map((r) =>
      r.type === 'delete'
        ? { type: 'delete' as const, deleted: deletedAt.has(`${seen.rev}|${r.key}`) ? 1 : 0 }
        : { type: 'put' as const },
    );
    const output: EtcdResponse =
      req.type === 'txn'
        ? { rev: seen.rev, succeeded: branch === req.success, results }
        : { rev: seen.rev, results };
    out.push({ ...op, output });
    resolved++;
  }
  return { ops: out, dropped, resolved };
}

/** The key space at revision `rev` according to the reference events. */
export class KeyHistory {
  private readonly events: WatchEvent[];

  constructor(reference: WatchRecord) {
    this.events = reference.events;
  }

  at(rev: number): Map<string, KeyValue> {
    const state = new Map<string, KeyValue>();
    for (const e of this.events) {
      if (e.rev > rev) break;
      if (e.type === 'delete') state.delete(e.key);
      else
        state.set(e.key, {
          key: e.key,
          value: e.value,
          version: e.version,
          mod: e.mod,
          create: e.create,
          lease: e.lease,
        });
    }
    return state;
  }

  get lastRev(): number {
    return this.events.at(-1)?.rev ?? 1;
  }
}

const sameKv = (a: KeyValue | undefined | null, b: KeyValue | undefined | null): boolean =>
  (a ?? null) === null
    ? (b ?? null) === null
    : b !== null &&
      b !== undefined &&
      a!.key === b.key &&
      a!.value === b.value &&
      a!.version === b.version &&
      a!.mod === b.mod &&
      a!.create === b.create &&
      a!.lease === b.lease;

function checkReference(ref: WatchRecord, failures: string[]): void {
  if (ref.error !== undefined || ref.compactRevision !== undefined) {
    failures.push(`reference watch broke: ${ref.error ?? `compacted at ${ref.compactRevision}`}`);
  }
  const versions = new Map<string, number>();
  let last = 0;
  const atRev = new Set<string>();
  for (const e of ref.events) {
    if (e.rev < last) failures.push(`reference: revision ${e.rev} after ${last}`);
    if (e.rev !== last) atRev.clear();
    if (atRev.has(e.key)) failures.push(`reference: key ${e.key} twice at revision ${e.rev}`);
    atRev.add(e.key);
    last = e.rev;
    const v = versions.get(e.key) ?? 0;
    if (e.type === 'put') {
      if (e.version !== v + 1)
        failures.push(`reference: ${e.key} version ${e.version} after ${v} at rev ${e.rev}`);
      if (e.version === 1 && e.create !== e.rev)
        failures.push(`reference: ${e.key} created at ${e.rev} says ${e.create}`);
      versions.set(e.key, e.version);
    } else {
      if (v === 0) failures.push(`reference: delete of absent key ${e.key} at rev ${e.rev}`);
      versions.set(e.key, 0);
    }
  }
}

/** Revisions follow real time: an operation that starts after another returned never sees an older revision. */
function checkRevisionOrder(ops: readonly Op[], failures: string[]): void {
  // A revoke settled from the final leases has no revision (0): it takes no part.
  const known = ops.filter(
    (o): o is Op & { output: { rev: number } } =>
      o.output !== undefined && 'rev' in o.output && o.output.rev > 0,
  );
  const byReturn = [...known].sort((a, b) => a.return - b.return);
  const byCall = [...known].sort((a, b) => a.call - b.call);
  let j = 0;
  let maxRev = 0;
  let maxOp: Op | undefined;
  for (const op of byCall) {
    while (j < byReturn.length && byReturn[j]!.return < op.call) {
      const o = byReturn[j++]!;
      if (o.output.rev > maxRev) {
        maxRev = o.output.rev;
        maxOp = o;
      }
    }
    if (op.output.rev < maxRev) {
      failures.push(
        `revision went back in real time: ${etcdModel.describe!(op.input, op.output)} (called ${op.call.toFixed(1)}) ` +
          `after ${etcdModel.describe!(maxOp!.input, maxOp!.output)} (returned ${maxOp!.return.toFixed(1)})`,
      );
      if (failures.length > 20) return;
    }
  }
}

/** Every acknowledged put is in the reference, at the revision its response named. */
function checkAcknowledgedWrites(ops: readonly Op[], ref: WatchRecord, failures: string[]): number {
  const byValue = new Map(ref.events.filter((e) => e.type === 'put').map((e) => [e.value, e]));
  let n = 0;
  for (const op of ops) {
    const out = op.output;
    if (out === undefined || 'error' in out) continue;
    const req = op.input;
    const branch: KvRequest[] =
      req.type === 'txn' ? (out.succeeded ? req.success : req.failure) : req.type === 'put' ? [req] : [];
    for (const r of branch) {
      if (r.type !== 'put') continue;
      n++;
      const e = byValue.get(r.value);
      if (e === undefined)
        failures.push(`acknowledged write missing: put ${r.key}=${r.value} @rev ${out.rev}`);
      else if (e.rev !== out.rev || e.key !== r.key) {
        failures.push(
          `acknowledged write ${r.key}=${r.value} @rev ${out.rev} is in history at ${e.key}@${e.rev}`,
        );
      }
    }
  }
  return n;
}

/** Single-key and prefix reads answer exactly the reference's key space at their header revision. */
function checkReadsAgainstReference(run: RecordedRun, keys: KeyHistory, failures: string[]): number {
  let n = 0;
  const check = (what: string, rev: number, key: string, end: string | undefined, got: KeyValue[]): void => {
    n++;
    const want = [...keys.at(rev).values()]
      .filter((kv) => inRange(kv.key, key, end))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    if (want.length !== got.length || want.some((kv, i) => !sameKv(kv, got[i]))) {
      failures.push(
        `${what} at rev ${rev} of ${key}${end ? '..' + end : ''}: got [${got.map((k) => `${k.key}=${k.value}`).join(' ')}], ` +
          `history has [${want.map((k) => `${k.key}=${k.value}`).join(' ')}]`,
      );
    }
  };
  for (const op of run.ops) {
    const out = op.output;
    if (op.input.type !== 'range' || out === undefined || 'error' in out) continue;
    const r = out.results[0];
    if (r?.type === 'range' && out.rev <= keys.lastRev)
      check('read', out.rev, op.input.key, op.input.end, r.kvs);
  }
  for (const s of run.serializable) {
    if (s.rev <= keys.lastRev) check('serializable read', s.rev, s.key, undefined, s.kv ? [s.kv] : []);
  }
  return n;
}

/** Ordered, unique and complete: exactly the reference's events in its range from its start revision on. */
function checkWatch(w: WatchRecord, ref: WatchRecord, compactedBefore: number, failures: string[]): void {
  const name = `watch ${w.key}${w.end ? '..' + w.end : ''} from ${w.startRev}`;
  if (w.compactRevision !== undefined) {
    if (w.events.length > 0) failures.push(`${name}: events before its compaction cancel`);
    if (w.compactRevision < w.startRev)
      failures.push(`${name}: canceled for compaction at ${w.compactRevision}`);
    return;
  }
  if (w.error !== undefined) failures.push(`${name}: ${w.error}`);
  const want = ref.events.filter((e) => e.rev >= w.startRev && inRange(e.key, w.key, w.end));
  const fmt = (e: WatchEvent | undefined): string =>
    e ? `${e.type} ${e.key}=${e.value}@${e.rev}` : 'nothing';
  for (let i = 0; i < Math.max(want.length, w.events.length); i++) {
    const a = w.events[i];
    const b = want[i];
    if (
      a === undefined ||
      b === undefined ||
      a.rev !== b.rev ||
      a.key !== b.key ||
      a.type !== b.type ||
      a.value !== b.value
    ) {
      failures.push(
        `${name} (compacted before: ${compactedBefore}): event ${i} is ${fmt(a)}, history has ${fmt(b)}`,
      );
      return;
    }
  }
}

/**
 * A member's serializable reads never go back: one that starts after another returned shows at least its
 * revision. A power cut is the exception: raft does not fdatasync a hard state that only raises the commit
 * index (neither does etcd), so a member that lost its unsynced WAL tail may come back at an older applied
 * index until the leader tells it more. Its reads are therefore checked per epoch between its power cuts.
 */
function checkSerializableMonotonic(run: RecordedRun, failures: string[]): void {
  const members = new Set(run.serializable.map((s) => s.member));
  for (const m of members) {
    const cuts = (run.powerCuts ?? []).filter((c) => c.member === m).map((c) => c.at);
    if (cuts.length > 0) {
      const epoch = (t: number): number => cuts.filter((at) => at <= t).length;
      const byEpoch = new Map<number, typeof run.serializable>();
      for (const s of run.serializable) {
        if (s.member !== m) continue;
        const e = epoch(s.call);
        byEpoch.set(e, [...(byEpoch.get(e) ?? []), s]);
      }
      for (const reads of byEpoch.values()) {
        checkSerializableMonotonic({ ...run, serializable: reads, powerCuts: [] }, failures);
      }
      continue;
    }
    const reads = run.serializable.filter((s) => s.member === m);
    const byReturn = [...reads].sort((a, b) => a.return - b.return);
    let j = 0;
    let max = 0;
    for (const s of [...reads].sort((a, b) => a.call - b.call)) {
      while (j < byReturn.length && byReturn[j]!.return < s.call) max = Math.max(max, byReturn[j++]!.rev);
      if (s.rev < max) {
        failures.push(`serializable reads on member ${m} went back from revision ${max} to ${s.rev}`);
        return;
      }
    }
  }
}

/** No key outlives its lease's revoke: the final key space holds no key on a revoked lease. */
function checkLeases(run: RecordedRun, keys: KeyHistory, failures: string[]): void {
  const revoked = new Set(run.revoked);
  for (const kv of keys.at(keys.lastRev).values()) {
    if (revoked.has(kv.lease)) failures.push(`key ${kv.key} still attached to revoked lease ${kv.lease}`);
  }
}

export function checkRun(run: RecordedRun, opts: { timeoutMs?: number } = {}): CheckOutcome {
  const failures: string[] = [];
  checkReference(run.reference, failures);
  const keys = new KeyHistory(run.reference);
  const { ops, dropped, resolved } = resolveUnknownWrites(run.ops, run.reference, run.liveLeases);
  const lin = checkOperations(etcdModel, ops, { timeoutMs: opts.timeoutMs ?? 60_000 });
  if (lin.verdict !== 'ok') failures.push(`linearizability: ${lin.verdict}`);
  checkRevisionOrder(ops, failures);
  const acked = checkAcknowledgedWrites(ops, run.reference, failures);
  const reads = checkReadsAgainstReference(run, keys, failures);
  const compacted = Math.max(0, ...run.compactions.filter((c) => c.ok).map((c) => c.rev));
  for (const w of run.watches) checkWatch(w, run.reference, compacted, failures);
  checkLeases(run, keys, failures);
  checkSerializableMonotonic(run, failures);
  return {
    failures,
    verdict: lin.verdict,
    report: formatReport(etcdModel, lin),
    stats: {
      operations: run.ops.length,
      unknown: run.ops.filter((o) => o.output === undefined).length,
      prunedUnknown: dropped,
      resolvedUnknown: resolved,
      partitions: lin.partitions.length,
      largestPartition: Math.max(0, ...lin.partitions.map((p) => p.operations.length)),
      checkMs: Math.round(lin.elapsedMs),
      acknowledgedWrites: acked,
      readsVsHistory: reads,
      serializableReads: run.serializable.length,
      watches: run.watches.length,
      watchEvents: run.watches.reduce((n, w) => n + w.events.length, 0),
      referenceEvents: run.reference.events.length,
      compactions: run.compactions.filter((c) => c.ok).length,
      revokedLeases: run.revoked.length,
    },
  };
}

/** JSON with Infinity kept (returns of unknown operations). */
export function saveJson(run: RecordedRun): string {
  return JSON.stringify(run, (_k, v: unknown) => (v === Infinity ? 'Infinity' : v));
}

export function loadJson(text: string): RecordedRun {
  return JSON.parse(text, (_k, v: unknown) => (v === 'Infinity' ? Infinity : v)) as RecordedRun;
}
