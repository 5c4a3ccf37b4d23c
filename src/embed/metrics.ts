// Prometheus metrics under etcd's names, so dashboards and alerts written for etcd work unchanged.
import client from 'prom-client';
import type { AnyHandler, CallContext, Handlers } from '../http/handlers.ts';
import { handlerAt, statusOf } from '../http/handlers.ts';
import { GRPC_METHODS } from '../api/grpc-services.ts';
import { GRPC_CODE_NAMES } from '../api/errors.ts';
import type { EtcdServer, ServerHooks } from '../server/etcd-server.ts';

export class MemberMetrics {
  readonly registry = new client.Registry();
  private readonly hasLeader = new client.Gauge({
    name: 'etcd_server_has_leader',
    help: 'Whether or not a leader exists. 1 is existence, 0 is not.',
    registers: [this.registry],
  });
  private readonly isLeader = new client.Gauge({
    name: 'etcd_server_is_leader',
    help: 'Whether or not this member is a leader. 1 if is, 0 otherwise.',
    registers: [this.registry],
  });
  private readonly leaderChanges = new client.Counter({
    name: 'etcd_server_leader_changes_seen_total',
    help: 'The number of leader changes seen.',
    registers: [this.registry],
  });
  private readonly committed = new client.Gauge({
    name: 'etcd_server_proposals_committed_total',
    help: 'The total number of consensus proposals committed.',
    registers: [this.registry],
  });
  private readonly applied = new client.Gauge({
    name: 'etcd_server_proposals_applied_total',
    help: 'The total number of consensus proposals applied.',
    registers: [this.registry],
  });
  private readonly pending = new client.Gauge({
    name: 'etcd_server_proposals_pending',
    help: 'The current number of pending proposals to commit.',
    registers: [this.registry],
  });
  private readonly failed = new client.Counter({
    name: 'etcd_server_proposals_failed_total',
    help: 'The total number of failed proposals seen.',
    registers: [this.registry],
  });
  private readonly walFsync = new client.Histogram({
    name: 'etcd_disk_wal_fsync_duration_seconds',
    help: 'The latency distributions of fsync called by WAL.',
    buckets: [
      0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192,
    ],
    registers: [this.registry],
  });
  private readonly dbSize = new client.Gauge({
    name: 'etcd_mvcc_db_total_size_in_bytes',
    help: 'Total size of the underlying database physically allocated in bytes.',
    registers: [this.registry],
  });
  private readonly dbInUse = new client.Gauge({
    name: 'etcd_mvcc_db_total_size_in_use_in_bytes',
    help: 'Total size of the underlying database logically in use in bytes.',
    registers: [this.registry],
  });
  // Per-call counts are plain numbers (prom-client hashes and checks labels on every inc), copied into the
  // counters when /metrics is scraped.
  private readonly startedCounts: LabeledCount[] = [];
  private readonly handledCounts: LabeledCount[] = [];
  private readonly grpcStarted: client.Counter = new client.Counter({
    name: 'grpc_server_started_total',
    help: 'Total number of RPCs started on the server.',
    labelNames: ['grpc_type', 'grpc_service', 'grpc_method'],
    registers: [this.registry],
    collect: (): void => copyCounts(this.grpcStarted, this.startedCounts),
  });
  private readonly grpcHandled: client.Counter = new client.Counter({
    name: 'grpc_server_handled_total',
    help: 'Total number of RPCs completed on the server, regardless of success or failure.',
    labelNames: ['grpc_type', 'grpc_service', 'grpc_method', 'grpc_code'],
    registers: [this.registry],
    collect: (): void => copyCounts(this.grpcHandled, this.handledCounts),
  });
  private lastLeader = 0n;
  private server: EtcdServer | undefined;

  constructor() {
    client.collectDefaultMetrics({ register: this.registry });
  }

  /** Hooks to pass to EtcdServer.start. */
  serverHooks(): ServerHooks {
    return {
      onWalSave: (ms, _entries, synced) => {
        if (synced) this.walFsync.observe(ms / 1000);
      },
      onProposal: (outcome, delta) => {
        if (outcome === 'pending') this.pending.inc(delta);
        else if (outcome === 'failed') this.failed.inc(delta);
      },
      onLeaderChange: (lead) => {
        if (lead !== this.lastLeader) {
          if (this.lastLeader !== 0n) this.leaderChanges.inc();
          this.lastLeader = lead;
        }
      },
    };
  }

  /** Values read from the member at scrape time. */
  attach(server: EtcdServer): void {
    this.server = server;
    const refresh = () => {
      const s = this.server;
      if (!s) return;
      this.hasLeader.set(s.leader !== 0n ? 1 : 0);
      this.isLeader.set(s.isLeader ? 1 : 0);
      this.committed.set(s.commitIndex);
      this.applied.set(s.appliedIndex);
      this.dbSize.set(s.backend.size());
      this.dbInUse.set(s.backend.sizeInUse());
    };
    for (const g of [
      this.hasLeader,
      this.isLeader,
      this.committed,
      this.applied,
      this.dbSize,
      this.dbInUse,
    ]) {
      (g as unknown as { collect?: () => void }).collect = refresh;
    }
  }

  /** Wraps every handler to count started/handled RPCs with grpc-go-prometheus's labels. */
  instrument(handlers: Handlers): Map<string, AnyHandler> {
    const out = new Map<string, AnyHandler>();
    for (const m of GRPC_METHODS) {
      const h = handlerAt(handlers, m.path);
      if (!h) continue;
      const type =
        m.kind === 'unary'
          ? 'unary'
          : m.kind === 'bidi'
            ? 'bidi_stream'
            : m.kind === 'server-stream'
              ? 'server_stream'
              : 'client_stream';
      const labels = { grpc_type: type, grpc_service: m.service, grpc_method: m.method };
      const started: LabeledCount = { labels, n: 0 };
      this.startedCounts.push(started);
      const handledByCode = new Map<string, LabeledCount>();
      const done = (err?: unknown) => {
        const code = GRPC_CODE_NAMES[err === undefined ? 0 : statusOf(err).code] ?? 'Unknown';
        let c = handledByCode.get(code);
        if (c === undefined) {
          c = { labels: { ...labels, grpc_code: code }, n: 0 };
          handledByCode.set(code, c);
          this.handledCounts.push(c);
        }
        c.n++;
      };
      if (m.kind === 'unary' || m.kind === 'client-stream') {
        const f = h as (req: unknown, ctx: CallContext) => Promise<unknown>;
        out.set(m.path, (req: unknown, ctx: CallContext) => {
          started.n++;
          return f(req, ctx).then(
            (r) => {
              done();
              return r;
            },
            (e: unknown) => {
              done(e);
              throw e;
            },
          );
        });
      } else {
        const f = h as (req: unknown, ctx: CallContext) => AsyncIterable<unknown>;
        out.set(m.path, (req: unknown, ctx: CallContext) => {
          started.n++;
          return countEnd(f(req, ctx), done);
        });
      }
    }
    return out;
  }
}

/**
 * `source`, calling `done` once when it ends (done()) or throws (done(err)); not when the consumer stops it
 * early with return(). A thin iterator, not an async generator: one extra promise per message, not several.
 */
function countEnd<T>(source: AsyncIterable<T>, done: (err?: unknown) => void): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<T> {
      const it = source[Symbol.asyncIterator]();
      let ended = false;
      const end = (err?: unknown): void => {
        if (ended) return;
        ended = true;
        done(err);
      };
      return {
        next: () =>
          it.next().then(
            (r) => {
              if (r.done) end();
              return r;
            },
            (e: unknown) => {
              end(e);
              throw e;
            },
          ),
        return: (value?: unknown) => {
          ended = true;
          return it.return ? it.return(value) : Promise.resolve({ done: true, value: value as T });
        },
      };
    },
  };
}

interface LabeledCount {
  labels: Record<string, string>;
  n: number;
}

/** Sets `counter` to the counts (only label sets seen at least once appear, as with inc). */
function copyCounts(counter: client.Counter, counts: readonly LabeledCount[]): void {
  counter.reset();
  for (const c of counts) if (c.n > 0) counter.inc(c.labels, c.n);
}
