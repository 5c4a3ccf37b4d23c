// The etcd v3 key space as a client sees it, as a sequential specification for the checker: ranges (one key
// or [key, end)), put (optionally with a lease), delete, txn (compares ANDed, then/else branches run in
// order at one revision), lease grant and revoke (revoke deletes the attached keys). Lease expiry is not
// modelled: traffic uses TTLs longer than a run.
//
// Revisions are checked as far as a per-key model can: a key's version is exact (puts since creation); its
// mod/create revisions are exact when the write's response was seen, and otherwise only bounded from below
// until a read reveals them. Each write must get a revision above the key's previous one. The global order
// of revisions across keys is checked elsewhere (it would defeat partitioning by key).
import type { Operation } from './history.ts';
import type { Model } from './model.ts';

export type CompareTarget = 'value' | 'version' | 'mod' | 'create' | 'lease';
export type CompareResult = '=' | '!=' | '<' | '>';

export interface Compare {
  key: string;
  target: CompareTarget;
  result: CompareResult;
  /** A string for `value`, a number otherwise. */
  value: string | number;
}

/** `end` is the exclusive range end (etcd's range_end); absent = the single key. */
export type KvRequest =
  | { type: 'range'; key: string; end?: string }
  | { type: 'put'; key: string; value: string; lease?: number }
  | { type: 'delete'; key: string; end?: string };

export type EtcdRequest =
  | KvRequest
  | { type: 'txn'; compare: Compare[]; success: KvRequest[]; failure: KvRequest[] }
  | { type: 'leaseGrant'; id: number }
  | { type: 'leaseRevoke'; id: number };

export interface KeyValue {
  key: string;
  value: string;
  version: number;
  mod: number;
  create: number;
  /** 0 = no lease. */
  lease: number;
}

export type KvResult =
  { type: 'range'; kvs: KeyValue[] } | { type: 'put' } | { type: 'delete'; deleted: number };

/**
 * A definite answer. `rev` is the response header's revision (for a write that changed something, its own
 * revision). `results` has one entry per executed request (one for plain KV requests, the taken branch's
 * for a txn, none for lease calls).
 */
export type EtcdResponse =
  { error: 'lease-not-found' | 'lease-exists' } | { rev: number; results: KvResult[]; succeeded?: boolean };

interface KeyState {
  /** null = absent (never written, or deleted). */
  readonly value: string | null;
  readonly version: number;
  /** Exact, or a lower bound when `modExact` is false. Kept across a delete as a bound for the next write. */
  readonly mod: number;
  readonly modExact: boolean;
  readonly create: number;
  readonly createExact: boolean;
  readonly lease: number;
}

export interface EtcdState {
  readonly keys: ReadonlyMap<string, KeyState>;
  readonly leases: ReadonlySet<number>;
}

const ABSENT: KeyState = {
  value: null,
  version: 0,
  mod: 0,
  modExact: true,
  create: 0,
  createExact: true,
  lease: 0,
};

/** Read access to a state without copying it. */
interface View {
  get(key: string): KeyState;
  readonly leases: ReadonlySet<number>;
}

const view = (s: EtcdState): View => ({ get: (k) => s.keys.get(k) ?? ABSENT, leases: s.leases });

/** A mutable copy of a state for one step. */
class World {
  readonly keys: Map<string, KeyState>;
  readonly leases: Set<number>;

  constructor(s: EtcdState) {
    this.keys = new Map(s.keys);
    this.leases = new Set(s.leases);
  }

  get(key: string): KeyState {
    return this.keys.get(key) ?? ABSENT;
  }

  /** Present keys in [key, end), in byte order (keys are latin1/ASCII strings). */
  presentIn(key: string, end: string | undefined): [string, KeyState][] {
    const out: [string, KeyState][] = [];
    for (const [k, s] of this.keys) if (s.value !== null && inRange(k, key, end)) out.push([k, s]);
    return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }

  freeze(): EtcdState {
    return { keys: this.keys, leases: this.leases };
  }
}

/** etcd's range rules for the forms traffic uses: no end = one key; end `\0` = every key ≥ key. */
export function inRange(k: string, key: string, end: string | undefined): boolean {
  if (end === undefined || end === '') return k === key;
  if (end === '\0') return k >= key;
  return k >= key && k < end;
}

type Tri = boolean | 'maybe';

/** A revision that is exact, or known only to be at least `n`, against a compare. */
function compareRevision(n: number, exact: boolean, result: CompareResult, v: number): Tri {
  if (exact) return compareNumbers(n, result, v);
  switch (result) {
    case '=':
      return v < n ? false : 'maybe';
    case '!=':
      return v < n ? true : 'maybe';
    case '<':
      return n >= v ? false : 'maybe';
    case '>':
      return n > v ? true : 'maybe';
  }
}

function compareNumbers(a: number, result: CompareResult, b: number): boolean {
  switch (result) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
  }
}

function evalCompare(w: View, c: Compare): Tri {
  const s = w.get(c.key);
  switch (c.target) {
    case 'value': {
      // etcd: a VALUE compare on a missing key fails whatever the operator.
      if (s.value === null) return false;
      const v = String(c.value);
      const cmp = s.value < v ? -1 : s.value > v ? 1 : 0;
      return compareNumbers(cmp, c.result, 0);
    }
    case 'version':
      return compareNumbers(s.version, c.result, Number(c.value));
    case 'mod':
      return s.value === null
        ? compareNumbers(0, c.result, Number(c.value))
        : compareRevision(s.mod, s.modExact, c.result, Number(c.value));
    case 'create':
      return s.value === null
        ? compareNumbers(0, c.result, Number(c.value))
        : compareRevision(s.create, s.createExact, c.result, Number(c.value));
    case 'lease':
      return compareNumbers(s.value === null ? 0 : s.lease, c.result, Number(c.value));
  }
}

function evalCompares(w: View, cs: readonly Compare[]): Tri {
  let out: Tri = true;
  for (const c of cs) {
    const r = evalCompare(w, c);
    if (r === false) return false;
    if (r === 'maybe') out = 'maybe';
  }
  return out;
}

/** Does a revision read back agree with what the state knows; returns the refined (exact) pair or null. */
function observe(n: number, exact: boolean, seen: number): number | null {
  if (exact) return seen === n ? n : null;
  return seen >= n ? seen : null;
}

/**
 * Applies one KV request at write revision `rev` (undefined = not known). With `expected`, checks the
 * answer and returns false on a mismatch. Returns whether it wrote anything through `wrote`.
 */
function applyKv(
  w: World,
  r: KvRequest,
  rev: number | undefined,
  headerRev: number | undefined,
  expected: KvResult | undefined,
  wrote: { any: boolean },
): boolean {
  switch (r.type) {
    case 'range': {
      if (expected === undefined) return true;
      if (expected.type !== 'range') return false;
      const present = w.presentIn(r.key, r.end);
      if (present.length !== expected.kvs.length) return false;
      for (let i = 0; i < present.length; i++) {
        const [k, s] = present[i]!;
        const kv = expected.kvs[i]!;
        if (kv.key !== k || kv.value !== s.value || kv.version !== s.version || kv.lease !== s.lease)
          return false;
        if (headerRev !== undefined && kv.mod > headerRev) return false;
        const mod = observe(s.mod, s.modExact, kv.mod);
        const create = observe(s.create, s.createExact, kv.create);
        if (mod === null || create === null || create > mod) return false;
        if (!s.modExact || !s.createExact)
          w.keys.set(k, { ...s, mod, modExact: true, create, createExact: true });
      }
      return true;
    }
    case 'put': {
      if (expected !== undefined && expected.type !== 'put') return false;
      const s = w.get(r.key);
      if (rev !== undefined && rev <= s.mod) return false;
      const mod = rev ?? s.mod + 1;
      const exact = rev !== undefined;
      const created = s.value === null;
      w.keys.set(r.key, {
        value: r.value,
        version: created ? 1 : s.version + 1,
        mod,
        modExact: exact,
        create: created ? mod : s.create,
        createExact: created ? exact : s.createExact,
        lease: r.lease ?? 0,
      });
      wrote.any = true;
      return true;
    }
    case 'delete': {
      const present = w.presentIn(r.key, r.end);
      if (expected !== undefined && (expected.type !== 'delete' || expected.deleted !== present.length)) {
        return false;
      }
      for (const [k, s] of present) {
        if (rev !== undefined && rev <= s.mod) return false;
        w.keys.set(k, { ...ABSENT, mod: rev ?? s.mod + 1, modExact: rev !== undefined });
        wrote.any = true;
      }
      return true;
    }
  }
}

/** A put naming a lease that does not exist fails the whole request (etcd: "requested lease not found"). */
function missingLease(w: View, reqs: readonly KvRequest[]): boolean {
  return reqs.some(
    (r) => r.type === 'put' && r.lease !== undefined && r.lease !== 0 && !w.leases.has(r.lease),
  );
}

/** Runs a list of KV requests; returns the next state, or null when the answer does not fit. */
function runBranch(
  state: EtcdState,
  reqs: readonly KvRequest[],
  out: { rev: number; results: KvResult[] } | undefined,
): EtcdState | null {
  const w = new World(state);
  if (out !== undefined && out.results.length !== reqs.length) return null;
  // The header's revision is the requests' own only when they write: a put always does, a delete when it
  // finds a key (etcd forbids two requests on one key in a txn, so earlier ones cannot change that).
  const writes = reqs.some(
    (r) =>
      r.type === 'put' ||
      (r.type === 'delete' && [...state.keys].some(([k, s]) => s.value !== null && inRange(k, r.key, r.end))),
  );
  const rev = out !== undefined && writes ? out.rev : undefined;
  const wrote = { any: false };
  for (let i = 0; i < reqs.length; i++) {
    if (!applyKv(w, reqs[i]!, rev, out?.rev, out?.results[i], wrote)) return null;
  }
  return w.freeze();
}

function revokeLease(state: EtcdState, id: number): EtcdState {
  const w = new World(state);
  w.leases.delete(id);
  for (const [k, s] of w.keys) {
    if (s.value !== null && s.lease === id) w.keys.set(k, { ...ABSENT, mod: s.mod + 1, modExact: false });
  }
  return w.freeze();
}

function step(state: EtcdState, req: EtcdRequest, out: EtcdResponse | undefined): EtcdState[] {
  const err = out !== undefined && 'error' in out ? out.error : undefined;
  const ok = out !== undefined && !('error' in out) ? out : undefined;
  switch (req.type) {
    case 'leaseGrant': {
      const exists = state.leases.has(req.id);
      if (err !== undefined) return err === 'lease-exists' && exists ? [state] : [];
      if (exists) return ok === undefined ? [state] : [];
      const w = new World(state);
      w.leases.add(req.id);
      return [w.freeze()];
    }
    case 'leaseRevoke': {
      const exists = state.leases.has(req.id);
      if (err !== undefined) return err === 'lease-not-found' && !exists ? [state] : [];
      if (!exists) return ok === undefined ? [state] : [];
      return [revokeLease(state, req.id)];
    }
    case 'txn': {
      const w = view(state);
      const cond = evalCompares(w, req.compare);
      const branches: boolean[] =
        ok?.succeeded !== undefined
          ? cond === !ok.succeeded
            ? []
            : [ok.succeeded]
          : cond === 'maybe'
            ? [true, false]
            : [cond];
      const next: EtcdState[] = [];
      for (const b of branches) {
        const reqs = b ? req.success : req.failure;
        const lacks = missingLease(w, reqs);
        if (err !== undefined) {
          if (err === 'lease-not-found' && lacks) next.push(state);
          continue;
        }
        if (lacks) {
          if (ok === undefined) next.push(state);
          continue;
        }
        const s = runBranch(state, reqs, ok);
        if (s !== null) next.push(s);
      }
      return next;
    }
    default: {
      const w = view(state);
      const lacks = missingLease(w, [req]);
      if (err !== undefined) return err === 'lease-not-found' && lacks ? [state] : [];
      if (lacks) return ok === undefined ? [state] : [];
      const s = runBranch(state, [req], ok);
      return s === null ? [] : [s];
    }
  }
}

function hash(state: EtcdState): string {
  const keys = [...state.keys.keys()].sort();
  let h = '';
  for (const k of keys) {
    const s = state.keys.get(k)!;
    h += `${k}\u0001${s.value ?? '\u0002'}\u0001${s.version},${s.mod}${s.modExact ? '' : '+'},${s.create}${s.createExact ? '' : '+'},${s.lease}\u0000`;
  }
  return h + '#' + [...state.leases].sort((a, b) => a - b).join(',');
}

/** Keys and leases a request touches; ranges touch every key of `universe` inside them. */
function resources(req: EtcdRequest, universe: readonly string[]): string[] {
  const kv = (r: KvRequest): string[] => {
    if (r.type === 'put') return r.lease ? ['k:' + r.key, 'l:' + r.lease] : ['k:' + r.key];
    if (r.end === undefined) return ['k:' + r.key];
    return universe.filter((k) => inRange(k, r.key, r.end)).map((k) => 'k:' + k);
  };
  switch (req.type) {
    case 'leaseGrant':
    case 'leaseRevoke':
      return ['l:' + req.id];
    case 'txn':
      return [
        ...req.compare.map((c) => 'k:' + c.key),
        ...req.success.flatMap(kv),
        ...req.failure.flatMap(kv),
      ];
    default:
      return kv(req);
  }
}

function keysMentioned(op: Operation<EtcdRequest, EtcdResponse>): string[] {
  const out: string[] = [];
  const kv = (r: KvRequest): void => {
    if (r.type === 'put' || r.end === undefined) out.push(r.key);
  };
  const req = op.input;
  if (req.type === 'txn') {
    for (const c of req.compare) out.push(c.key);
    req.success.forEach(kv);
    req.failure.forEach(kv);
  } else if (req.type !== 'leaseGrant' && req.type !== 'leaseRevoke') kv(req);
  const res = op.output;
  if (res !== undefined && 'results' in res) {
    for (const r of res.results) if (r.type === 'range') for (const x of r.kvs) out.push(x.key);
  }
  return out;
}

/**
 * P-compositionality by key: operations sharing a key (or a lease, whose revoke deletes its keys) land in
 * one partition; a range or multi-key txn joins the partitions of every key it covers.
 */
function partition(
  ops: readonly Operation<EtcdRequest, EtcdResponse>[],
): Operation<EtcdRequest, EtcdResponse>[][] {
  const universe = [...new Set(ops.flatMap(keysMentioned))];
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    if (!parent.has(r)) parent.set(r, r);
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  ops.forEach((op, i) => {
    const own = 'o:' + i;
    find(own);
    for (const r of resources(op.input, universe)) union(own, r);
    // A range's answer may name keys outside the universe only by being wrong; they are in it by
    // construction (keysMentioned), so the union above already covers them.
  });
  const groups = new Map<string, Operation<EtcdRequest, EtcdResponse>[]>();
  ops.forEach((op, i) => {
    const root = find('o:' + i);
    let g = groups.get(root);
    if (g === undefined) groups.set(root, (g = []));
    g.push(op);
  });
  return [...groups.values()];
}

function describeReq(r: KvRequest): string {
  switch (r.type) {
    case 'range':
      return r.end === undefined ? `get(${r.key})` : `range(${r.key}..${r.end === '\0' ? '∞' : r.end})`;
    case 'put':
      return `put(${r.key}=${r.value}${r.lease ? `, lease ${r.lease}` : ''})`;
    case 'delete':
      return r.end === undefined ? `delete(${r.key})` : `delete(${r.key}..${r.end})`;
  }
}

function describeRes(r: KvResult): string {
  switch (r.type) {
    case 'range':
      return `[${r.kvs.map((kv) => `${kv.key}=${kv.value}@v${kv.version}/m${kv.mod}`).join(' ')}]`;
    case 'put':
      return 'ok';
    case 'delete':
      return `deleted ${r.deleted}`;
  }
}

export function describeEtcd(req: EtcdRequest, res: EtcdResponse | undefined): string {
  let q: string;
  switch (req.type) {
    case 'txn': {
      const cs = req.compare.map((c) => `${c.target}(${c.key})${c.result}${c.value}`).join(' && ');
      q = `txn(if ${cs} then ${req.success.map(describeReq).join('; ')} else ${req.failure.map(describeReq).join('; ')})`;
      break;
    }
    case 'leaseGrant':
      q = `leaseGrant(${req.id})`;
      break;
    case 'leaseRevoke':
      q = `leaseRevoke(${req.id})`;
      break;
    default:
      q = describeReq(req);
  }
  if (res === undefined) return `${q} -> ?`;
  if ('error' in res) return `${q} -> error ${res.error}`;
  const branch = res.succeeded === undefined ? '' : res.succeeded ? 'then ' : 'else ';
  return `${q} -> ${branch}${res.results.map(describeRes).join('; ')} @rev ${res.rev}`;
}

export const etcdModel: Model<EtcdState, EtcdRequest, EtcdResponse> = {
  init: () => ({ keys: new Map(), leases: new Set() }),
  step,
  hash,
  partition,
  describe: describeEtcd,
};
