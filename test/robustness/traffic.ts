// Concurrent client traffic against a cluster, recorded as a history for the checks: 8+ clients on 10
// keys in two prefix groups (so prefix ranges and multi-key txns join at most five keys into one checker
// partition) doing get, put, delete, compare-and-set and multi-op txns, prefix ranges, lease grant / put
// with lease / revoke; besides those, serializable gets (checked apart: they may be stale), periodic
// compaction, a reference watch over every key from revision 1, and watches started at past revisions.
// Times come from this one process's monotonic clock.
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, toNum } from '../../src/client/index.ts';
import type { EtcdRequest, EtcdResponse, KeyValue, Operation } from '../../src/linearizability/index.ts';
import { execute, isRead, toKeyValue } from './adapter.ts';

/** Two groups of five keys under the run's prefix. */
export const GROUPS = ['a/', 'b/'] as const;
export const prefixEnd = (p: string): string =>
  p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);

export interface WatchEvent {
  rev: number;
  key: string;
  type: 'put' | 'delete';
  value: string;
  version: number;
  mod: number;
  create: number;
  lease: number;
}

export interface WatchRecord {
  key: string;
  /** Exclusive range end; absent = one key. */
  end?: string;
  startRev: number;
  events: WatchEvent[];
  /** Set when etcd canceled the watch because its start was compacted. */
  compactRevision?: number;
  error?: string;
}

export interface SerializableRead {
  member: number;
  call: number;
  return: number;
  /** Header revision: the member's applied state the answer came from. */
  rev: number;
  key: string;
  kv: KeyValue | null;
}

export interface Compaction {
  rev: number;
  ok: boolean;
}

export interface RecordedRun {
  ops: Operation<EtcdRequest, EtcdResponse>[];
  serializable: SerializableRead[];
  watches: WatchRecord[];
  /** The watch over every key from revision 1: the cluster's write history as the checks see it. */
  reference: WatchRecord;
  compactions: Compaction[];
  /** Leases whose revoke was acknowledged. */
  revoked: number[];
  /** Leases alive after the run (LeaseLeases), to settle revokes with an unknown outcome. */
  liveLeases?: number[];
  /** Members that lost their unsynced WAL tail (power cuts), with when (same clock as the operations). */
  powerCuts?: { member: number; at: number }[];
  durationMs: number;
}

export interface TrafficOptions {
  endpoints: string[];
  clients?: number;
  /** Stop after this many recorded operations (over all clients) ... */
  maxOps?: number;
  /** ... or after this long, whichever first. */
  durationMs?: number;
  seed?: number;
  requestTimeoutMs?: number;
  /**
   * Every key starts with this (a fresh prefix lets runs share a cluster: the model assumes the keys start
   * absent). The reference watch covers the prefix from `startRev` on.
   */
  keyPrefix?: string;
  /** First revision of the run: the one after the cluster's revision before traffic. Default 1. */
  startRev?: number;
  /** Called once a quarter into the traffic (again and again with `repeatFault`); traffic keeps running. */
  fault?: () => Promise<void>;
  repeatFault?: boolean;
  /** Compact every 0.8 s (default true). Off, nothing but the traffic makes the backend commit early. */
  compaction?: boolean;
}

/** mulberry32: a small seeded PRNG so a run's choices can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function startWatch(client: Client, rec: WatchRecord): { stop(): void; done: Promise<void> } {
  const w = client.watch(Buffer.from(rec.key, 'latin1'), {
    startRevision: rec.startRev,
    ...(rec.end === undefined ? {} : { rangeEnd: Buffer.from(rec.end, 'latin1') }),
  });
  const done = (async () => {
    try {
      for await (const r of w) {
        if (r.canceled) {
          rec.compactRevision = toNum(r.compact_revision);
          if (r.cancel_reason) rec.error = r.cancel_reason;
          return;
        }
        for (const e of r.events ?? []) {
          const kv = toKeyValue(e.kv ?? {});
          rec.events.push({
            rev: kv.mod,
            key: kv.key,
            type: e.type === 1 ? 'delete' : 'put',
            value: kv.value,
            version: kv.version,
            mod: kv.mod,
            create: kv.create,
            lease: kv.lease,
          });
        }
      }
    } catch (e) {
      rec.error = String(e);
    }
  })();
  return { stop: () => w.cancel(), done };
}

export async function runTraffic(
  opts: TrafficOptions,
): Promise<{ run: RecordedRun; stopWatches: () => Promise<void> }> {
  const clients = opts.clients ?? 8;
  const maxOps = opts.maxOps ?? 1200;
  const durationMs = opts.durationMs ?? 20_000;
  const timeoutMs = opts.requestTimeoutMs ?? 2000;
  const rand = prng(opts.seed ?? 1);
  const started = performance.now();
  const ops: Operation<EtcdRequest, EtcdResponse>[] = [];
  const serializable: SerializableRead[] = [];
  const revoked: number[] = [];
  const compactions: Compaction[] = [];
  let stop = false;
  let lastRev = 1;
  let uniq = 0;
  // Traffic runs at least until the first fault is over, so the whole fault happens under load.
  let faultDone = opts.fault === undefined;
  const over = (): boolean =>
    stop || (ops.length >= maxOps && faultDone) || performance.now() - started > durationMs;

  // Each client starts on a different member; the client library fails over on endpoint errors.
  const rotated = (i: number): string[] =>
    opts.endpoints.map((_, j) => opts.endpoints[(i + j) % opts.endpoints.length]!);
  const memberClients = opts.endpoints.map(
    (e) => new Client({ endpoints: [e], commandTimeoutMs: timeoutMs, dialTimeoutMs: 1000 }),
  );
  const watchClient = new Client({ endpoints: rotated(1), commandTimeoutMs: timeoutMs, dialTimeoutMs: 1000 });
  const keyPrefix = opts.keyPrefix ?? '';
  const groups = GROUPS.map((g) => keyPrefix + g);
  const reference: WatchRecord =
    keyPrefix === ''
      ? { key: '\0', end: '\0', startRev: opts.startRev ?? 1, events: [] }
      : { key: keyPrefix, end: prefixEnd(keyPrefix), startRev: opts.startRev ?? 1, events: [] };
  const refWatch = startWatch(watchClient, reference);
  const watches: WatchRecord[] = [];
  const watchHandles = [refWatch];

  const record = async (clientId: number, c: Client, req: EtcdRequest): Promise<EtcdResponse | undefined> => {
    const call = performance.now();
    try {
      const out = await execute(c, req, timeoutMs);
      const ret = performance.now();
      ops.push({ clientId, input: req, output: out, call, return: ret });
      if ('rev' in out) lastRev = Math.max(lastRev, out.rev);
      return out;
    } catch {
      // A failed read tells nothing; a failed write may or may not have happened.
      if (!isRead(req)) ops.push({ clientId, input: req, output: undefined, call, return: Infinity });
      return undefined;
    }
  };

  const worker = async (id: number): Promise<void> => {
    const c = new Client({ endpoints: rotated(id), commandTimeoutMs: timeoutMs, dialTimeoutMs: 1000 });
    const r = prng((opts.seed ?? 1) * 1000 + id);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const value = (): string => `c${id}-${uniq++}`;
    let lease: { id: number; uses: number; group: string } | undefined;
    let leaseSeq = 0;
    /** What this client last saw of each key: for compare-and-set. */
    const seen = new Map<string, KeyValue | null>();
    try {
      while (!over()) {
        const x = r() * 100;
        const group = pick(groups);
        const key = `${group}${Math.floor(r() * 5)}`;
        if (x < 22) {
          const out = await record(id, c, { type: 'range', key });
          if (out && 'results' in out && out.results[0]?.type === 'range')
            seen.set(key, out.results[0].kvs[0] ?? null);
        } else if (x < 27) {
          // Serializable: answered by one named member from its own applied state (may be stale).
          const member = Math.floor(r() * memberClients.length);
          const call = performance.now();
          try {
            const res = await memberClients[member]!.get(Buffer.from(key, 'latin1'), { serializable: true });
            const kv = res.kvs?.[0];
            serializable.push({
              member,
              call,
              return: performance.now(),
              rev: toNum(res.header?.revision),
              key,
              kv: kv ? toKeyValue(kv) : null,
            });
          } catch {
            // nothing learnt
          }
        } else if (x < 47) {
          await record(id, c, { type: 'put', key, value: value() });
        } else if (x < 52) {
          await record(id, c, { type: 'delete', key });
        } else if (x < 64) {
          const last = seen.get(key);
          const compare =
            last === undefined || last === null
              ? [{ key, target: 'version' as const, result: '=' as const, value: 0 }]
              : r() < 0.5
                ? [{ key, target: 'mod' as const, result: '=' as const, value: last.mod }]
                : [{ key, target: 'value' as const, result: '=' as const, value: last.value }];
          const out = await record(id, c, {
            type: 'txn',
            compare,
            success: [{ type: 'put', key, value: value() }],
            failure: [{ type: 'range', key }],
          });
          if (out && 'results' in out) {
            const res = out.results[0];
            if (res?.type === 'range') seen.set(key, res.kvs[0] ?? null);
            else seen.delete(key);
          }
        } else if (x < 72) {
          const other = `${group}${(Number(key.slice(-1)) + 1 + Math.floor(r() * 4)) % 5}`;
          await record(id, c, {
            type: 'txn',
            compare: [{ key, target: 'version', result: '>', value: 0 }],
            success: [
              { type: 'put', key, value: value() },
              { type: 'put', key: other, value: value() },
            ],
            failure: [
              { type: 'put', key, value: value() },
              { type: 'delete', key: other },
            ],
          });
        } else if (x < 82) {
          await record(id, c, { type: 'range', key: group, end: prefixEnd(group) });
        } else {
          // Lease life: grant, a few puts with it, revoke.
          if (lease === undefined) {
            // Unique across runs on one cluster (the first revision of the run tells them apart).
            const lid = (opts.startRev ?? 1) * 100_000_000 + (id + 1) * 100_000 + ++leaseSeq;
            const out = await record(id, c, { type: 'leaseGrant', id: lid });
            lease = { id: lid, uses: 0, group };
            if (out === undefined) lease.uses = 99; // unknown grant: revoke it next
          } else if (lease.uses < 2) {
            lease.uses++;
            // One lease serves one key group, so its revoke joins no more keys than a prefix range does.
            await record(id, c, {
              type: 'put',
              key: lease.group + key.slice(-1),
              value: value(),
              lease: lease.id,
            });
          } else {
            const out = await record(id, c, { type: 'leaseRevoke', id: lease.id });
            if (out !== undefined && !('error' in out)) revoked.push(lease.id);
            lease = undefined;
          }
        }
      }
    } finally {
      c.close();
    }
  };

  const compactor = async (): Promise<void> => {
    const c = new Client({ endpoints: rotated(2), commandTimeoutMs: timeoutMs, dialTimeoutMs: 1000 });
    try {
      let last = 0;
      while (!over() && opts.compaction !== false) {
        await sleep(800);
        // Never compact past what the reference watch has seen: it must stay complete.
        const seenRef = reference.events.at(-1)?.rev ?? 1;
        const target = Math.min(seenRef, lastRev) - 20;
        if (target <= last) continue;
        try {
          await c.compact(target, false, { timeoutMs });
          compactions.push({ rev: target, ok: true });
          last = target;
        } catch {
          compactions.push({ rev: target, ok: false });
        }
      }
    } finally {
      c.close();
    }
  };

  const watcher = async (): Promise<void> => {
    while (!over()) {
      await sleep(400 + Math.floor(rand() * 400));
      if (over()) break;
      const g = groups[Math.floor(rand() * groups.length)]!;
      const single = rand() < 0.5;
      const rec: WatchRecord = {
        key: single ? `${g}${Math.floor(rand() * 5)}` : g,
        ...(single ? {} : { end: prefixEnd(g) }),
        startRev: Math.max(reference.startRev, lastRev - Math.floor(rand() * 60)),
        events: [],
      };
      watches.push(rec);
      watchHandles.push(startWatch(watchClient, rec));
    }
  };

  const fault = (async () => {
    if (opts.fault === undefined) return;
    // Let traffic get going first.
    while (!over() && ops.length < maxOps / 4) await sleep(50);
    if (over()) faultDone = true;
    do {
      if (!over()) await opts.fault();
      faultDone = true;
      if (opts.repeatFault) await sleep(1000);
    } while (opts.repeatFault && !over());
  })();
  await Promise.all([...Array.from({ length: clients }, (_, i) => worker(i)), compactor(), watcher(), fault]);
  stop = true;
  for (const c of memberClients) c.close();
  const run: RecordedRun = {
    ops,
    serializable,
    watches,
    reference,
    compactions,
    revoked,
    durationMs: performance.now() - started,
  };
  // Watches keep running: the checks wait for them to catch up, then stop them.
  return { run, stopWatches: () => closeWatches(watchHandles, watchClient) };
}

async function closeWatches(handles: { stop(): void; done: Promise<void> }[], client: Client): Promise<void> {
  for (const h of handles) h.stop();
  await Promise.race([Promise.all(handles.map((h) => h.done)), sleep(2000)]);
  client.close();
}
