// A toy in-memory etcd behind the front, enough for real clients (etcdctl, the etcd3 npm package) to work: it
// proves the wire (framing, codecs, metadata, errors), not KV semantics. No history (a Range at an old
// revision is either "compacted" or answered from the present), one member, term 2.
import { EtcdError } from '../../src/api/errors.ts';
import { etcdserverpb as pb, mvccpb } from '../../src/api/gen/etcd.js';
import { i64ToLong, longToSafeInt, longToI64, u64ToLong } from '../../src/api/long.ts';
import { AsyncQueue } from '../../src/http/async-queue.ts';
import { healthService } from '../../src/http/endpoints.ts';
import type { CallContext, HandlerTable } from '../../src/http/handlers.ts';

interface Kv {
  key: Buffer;
  value: Buffer;
  create: number;
  mod: number;
  version: number;
  lease: bigint;
}

interface Watcher {
  id: number;
  key: string;
  end: string | undefined; // undefined: one key; '' : every key >= key
  prevKv: boolean;
  push(r: pb.IWatchResponse): void;
}

const latin1 = (b: Uint8Array | null | undefined): string => (b ? Buffer.from(b).toString('latin1') : '');

function inRange(k: string, key: string, end: string | undefined): boolean {
  if (end === undefined) return k === key;
  return k >= key && (end === '' || k < end);
}

/** range_end as etcd reads it: empty → the key alone, "\0" → every key from key on. */
function rangeEnd(end: Uint8Array | null | undefined): string | undefined {
  if (!end || end.length === 0) return undefined;
  if (end.length === 1 && end[0] === 0) return '';
  return latin1(end);
}

export class ToyKv {
  readonly clusterId = 0xd1cdb6e09a6b1a2an; // above 2^63, so uint64 handling shows
  readonly memberId = 0x8e9e05c52164694dn;
  rev = 1;
  compactRev = 0;
  private readonly kvs = new Map<string, Kv>();
  private readonly watchers = new Set<Watcher>();
  private readonly leases = new Map<bigint, { ttl: number; granted: number }>();
  private nextLease = 0x694d7c0a1b2c3d4en;
  /** Client URLs MemberList reports; set once the front knows its port. */
  clientURLs: string[] = [];
  /** Stream lifecycle notes for tests: `watch:open`, `watch:aborted`, `watch:closed`. */
  readonly events: string[] = [];
  /** Metadata seen by the last Range call (tests check the token path). */
  lastRangeContext: CallContext | undefined;

  /** Watchers registered by open watch streams. */
  get watcherCount(): number {
    return this.watchers.size;
  }

  header(): pb.IResponseHeader {
    return {
      cluster_id: u64ToLong(this.clusterId),
      member_id: u64ToLong(this.memberId),
      revision: this.rev,
      raft_term: 2,
    };
  }

  private toKv(kv: Kv, keysOnly = false): mvccpb.IKeyValue {
    return {
      key: kv.key,
      ...(keysOnly ? {} : { value: kv.value }),
      create_revision: kv.create,
      mod_revision: kv.mod,
      version: kv.version,
      lease: i64ToLong(kv.lease),
    };
  }

  private select(key: Uint8Array | null | undefined, end: Uint8Array | null | undefined): Kv[] {
    const k = latin1(key);
    const e = rangeEnd(end);
    return [...this.kvs.entries()]
      .filter(([name]) => inRange(name, k, e))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, kv]) => kv);
  }

  private notify(type: number, kv: Kv, prev: Kv | undefined): void {
    const name = kv.key.toString('latin1');
    for (const w of this.watchers) {
      if (!inRange(name, w.key, w.end)) continue;
      const event: mvccpb.IEvent = {
        type,
        kv: this.toKv(kv),
        ...(w.prevKv && prev ? { prev_kv: this.toKv(prev) } : {}),
      };
      w.push({ header: this.header(), watch_id: w.id, events: [event] });
    }
  }

  put(key: Uint8Array, value: Uint8Array, lease = 0n): { prev: Kv | undefined } {
    const name = latin1(key);
    const prev = this.kvs.get(name);
    this.rev++;
    const kv: Kv = {
      key: Buffer.from(key),
      value: Buffer.from(value),
      create: prev?.create ?? this.rev,
      mod: this.rev,
      version: (prev?.version ?? 0) + 1,
      lease,
    };
    this.kvs.set(name, kv);
    this.notify(mvccpb.Event.EventType.PUT, kv, prev);
    return { prev };
  }

  private deleteRange(key: Uint8Array | null | undefined, end: Uint8Array | null | undefined): Kv[] {
    const gone = this.select(key, end);
    if (gone.length === 0) return gone;
    this.rev++;
    for (const kv of gone) {
      this.kvs.delete(kv.key.toString('latin1'));
      const tomb: Kv = { ...kv, value: Buffer.alloc(0), create: 0, mod: this.rev, version: 0, lease: 0n };
      this.notify(mvccpb.Event.EventType.DELETE, tomb, kv);
    }
    return gone;
  }

  private range(req: pb.IRangeRequest): pb.IRangeResponse {
    const rev = longToSafeInt(req.revision);
    if (rev > 0 && rev <= this.compactRev) throw EtcdError.of('Compacted');
    if (rev > this.rev) throw EtcdError.of('FutureRev');
    const all = this.select(req.key, req.range_end);
    const limit = longToSafeInt(req.limit);
    const kvs = limit > 0 ? all.slice(0, limit) : all;
    if (req.count_only) return { header: this.header(), count: all.length };
    return {
      header: this.header(),
      kvs: kvs.map((kv) => this.toKv(kv, !!req.keys_only)),
      more: kvs.length < all.length,
      count: all.length,
    };
  }

  private compare(c: pb.ICompare): boolean {
    const kv = this.kvs.get(latin1(c.key));
    const T = pb.Compare.CompareTarget;
    let cmp: number;
    if (c.target === T.VALUE) {
      if (!kv) return false;
      cmp = Buffer.compare(kv.value, Buffer.from(c.value ?? []));
    } else {
      const have =
        c.target === T.VERSION
          ? (kv?.version ?? 0)
          : c.target === T.CREATE
            ? (kv?.create ?? 0)
            : (kv?.mod ?? 0);
      const want = longToSafeInt(
        c.target === T.VERSION ? c.version : c.target === T.CREATE ? c.create_revision : c.mod_revision,
      );
      cmp = Math.sign(have - want);
    }
    const R = pb.Compare.CompareResult;
    switch (c.result) {
      case R.GREATER:
        return cmp > 0;
      case R.LESS:
        return cmp < 0;
      case R.NOT_EQUAL:
        return cmp !== 0;
      default:
        return cmp === 0;
    }
  }

  private watch(
    requests: AsyncIterable<pb.IWatchRequest>,
    ctx: CallContext,
  ): AsyncIterable<pb.IWatchResponse> {
    const out = new AsyncQueue<pb.IWatchResponse>();
    const mine = new Set<Watcher>();
    let nextId = 0;
    const cleanup = (): void => {
      for (const w of mine) this.watchers.delete(w);
      mine.clear();
      out.end();
    };
    ctx.signal.addEventListener('abort', () => {
      this.events.push('watch:aborted');
      cleanup();
    });
    this.events.push('watch:open');
    void (async () => {
      for await (const req of requests) {
        if (req.create_request) {
          const c = req.create_request;
          const asked = longToSafeInt(c.watch_id);
          const id = asked > 0 ? asked : nextId++;
          const w: Watcher = {
            id,
            key: latin1(c.key),
            end: rangeEnd(c.range_end),
            prevKv: !!c.prev_kv,
            push: (r) => out.push(r),
          };
          mine.add(w);
          this.watchers.add(w);
          out.push({ header: this.header(), watch_id: id, created: true });
        } else if (req.cancel_request) {
          const id = longToSafeInt(req.cancel_request.watch_id);
          for (const w of mine) {
            if (w.id !== id) continue;
            mine.delete(w);
            this.watchers.delete(w);
          }
          out.push({ header: this.header(), watch_id: id, canceled: true });
        }
      }
    })().catch(() => cleanup());
    const events = this.events;
    return (async function* () {
      try {
        yield* out;
      } finally {
        events.push('watch:closed');
        cleanup();
      }
    })();
  }

  private async *keepAlive(
    requests: AsyncIterable<pb.ILeaseKeepAliveRequest>,
  ): AsyncGenerator<pb.ILeaseKeepAliveResponse> {
    for await (const req of requests) {
      const lease = this.leases.get(longToI64(req.ID));
      yield { header: this.header(), ID: req.ID ?? 0, TTL: lease ? lease.ttl : 0 };
    }
  }

  handlers(): HandlerTable {
    return {
      '/etcdserverpb.KV/Range': async (req, ctx) => {
        this.lastRangeContext = ctx;
        return this.range(req);
      },
      '/etcdserverpb.KV/Put': async (req) => {
        const { prev } = this.put(
          req.key ?? new Uint8Array(),
          req.value ?? new Uint8Array(),
          longToI64(req.lease),
        );
        return { header: this.header(), ...(req.prev_kv && prev ? { prev_kv: this.toKv(prev) } : {}) };
      },
      '/etcdserverpb.KV/DeleteRange': async (req) => {
        const gone = this.deleteRange(req.key, req.range_end);
        return {
          header: this.header(),
          deleted: gone.length,
          ...(req.prev_kv ? { prev_kvs: gone.map((kv) => this.toKv(kv)) } : {}),
        };
      },
      '/etcdserverpb.KV/Txn': async (req) => {
        const ok = (req.compare ?? []).every((c) => this.compare(c));
        const responses: pb.IResponseOp[] = [];
        for (const op of (ok ? req.success : req.failure) ?? []) {
          if (op.request_put) {
            const p = op.request_put;
            this.put(p.key ?? new Uint8Array(), p.value ?? new Uint8Array(), longToI64(p.lease));
            responses.push({ response_put: { header: { revision: this.rev } } });
          } else if (op.request_range) {
            // etcd fills only the revision in the headers of a txn's inner responses.
            responses.push({
              response_range: { ...this.range(op.request_range), header: { revision: this.rev } },
            });
          } else if (op.request_delete_range) {
            const d = op.request_delete_range;
            const gone = this.deleteRange(d.key, d.range_end);
            responses.push({
              response_delete_range: { header: { revision: this.rev }, deleted: gone.length },
            });
          }
        }
        return { header: this.header(), succeeded: ok, responses };
      },
      '/etcdserverpb.KV/Compact': async (req) => {
        const rev = longToSafeInt(req.revision);
        if (rev <= this.compactRev) throw EtcdError.of('Compacted');
        if (rev > this.rev) throw EtcdError.of('FutureRev');
        this.compactRev = rev;
        return { header: this.header() };
      },
      '/etcdserverpb.Watch/Watch': (requests, ctx) => this.watch(requests, ctx),
      '/etcdserverpb.Lease/LeaseGrant': async (req) => {
        const asked = longToI64(req.ID);
        const id = asked !== 0n ? asked : this.nextLease++;
        const ttl = longToSafeInt(req.TTL);
        this.leases.set(id, { ttl, granted: Date.now() });
        return { header: this.header(), ID: i64ToLong(id), TTL: ttl };
      },
      '/etcdserverpb.Lease/LeaseRevoke': async (req) => {
        if (!this.leases.delete(longToI64(req.ID))) throw EtcdError.of('LeaseNotFound');
        return { header: this.header() };
      },
      '/etcdserverpb.Lease/LeaseKeepAlive': (requests) => this.keepAlive(requests),
      '/etcdserverpb.Lease/LeaseTimeToLive': async (req) => {
        const lease = this.leases.get(longToI64(req.ID));
        return {
          header: this.header(),
          ID: req.ID ?? 0,
          TTL: lease ? lease.ttl : -1,
          grantedTTL: lease?.ttl ?? 0,
        };
      },
      '/etcdserverpb.Lease/LeaseLeases': async () => ({
        header: this.header(),
        leases: [...this.leases.keys()].map((id) => ({ ID: i64ToLong(id) })),
      }),
      '/etcdserverpb.Maintenance/Status': async () => ({
        header: this.header(),
        version: '3.4.23',
        dbSize: 20480,
        leader: u64ToLong(this.memberId),
        raftIndex: this.rev + 3,
        raftTerm: 2,
        raftAppliedIndex: this.rev + 3,
        dbSizeInUse: 16384,
      }),
      '/etcdserverpb.Cluster/MemberList': async () => ({
        header: this.header(),
        members: [
          {
            ID: u64ToLong(this.memberId),
            name: 'toy',
            peerURLs: ['http://127.0.0.1:2380'],
            clientURLs: this.clientURLs,
          },
        ],
      }),
      '/etcdserverpb.Auth/Authenticate': async (req) => ({
        header: this.header(),
        token: `${req.name ?? ''}.${req.password ?? ''}.toy-token`,
      }),
      '/grpc.health.v1.Health/Check': healthService(async () => ({ health: true })),
    };
  }
}
