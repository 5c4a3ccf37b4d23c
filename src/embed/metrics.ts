// Prometheus metrics under etcd's names, so dashboards and alerts written for etcd work unchanged.
//
// Counting is plain numbers (prom-client hashes and checks labels on every inc); prom-client itself (with its
// dependencies, ≈ 90 modules and a few MiB of heap) loads on the first scrape of /metrics, when the registry is
// built with collectors that copy those numbers. A member nobody scrapes never loads it.
import type * as PromClient from 'prom-client';
import type { AnyHandler, CallContext, Handlers } from '../http/handlers.ts';
import { handlerAt, statusOf } from '../http/handlers.ts';
import { GRPC_METHODS } from '../api/grpc-services.ts';
import { GRPC_CODE_NAMES } from '../api/errors.ts';
import type { EtcdServer, ServerHooks } from '../server/etcd-server.ts';

/** etcd_disk_wal_fsync_duration_seconds's buckets (etcd's: 1 ms doubling 14 times). */
const WAL_FSYNC_BUCKETS = [
  0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192,
];

/** A histogram without labels kept as bucket counts, shown to prom-client as a collector of its own. */
export class PlainHistogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly upperBounds: readonly number[],
  ) {
    this.counts = upperBounds.map(() => 0);
  }

  observe(v: number): void {
    this.sum += v;
    this.count++;
    const i = this.upperBounds.findIndex((b) => v <= b);
    if (i >= 0) this.counts[i]!++;
  }

  /** What prom-client's registry formats: the same values, in the same order, as its own Histogram's. */
  metric(): PromClient.Metric {
    const get = async () => {
      let acc = 0;
      const values = this.upperBounds.map((le, i) => {
        acc += this.counts[i]!;
        return { labels: { le }, value: acc, metricName: `${this.name}_bucket` };
      });
      values.push(
        { labels: { le: '+Inf' as unknown as number }, value: this.count, metricName: `${this.name}_bucket` },
        { labels: {} as { le: number }, value: this.sum, metricName: `${this.name}_sum` },
        { labels: {} as { le: number }, value: this.count, metricName: `${this.name}_count` },
      );
      return { name: this.name, help: this.help, type: 'histogram', aggregator: 'sum', values };
    };
    // A duck-typed metric: the registry reads name, help, type and get() (prom-client's custom collectors).
    return {
      name: this.name,
      help: this.help,
      type: 'histogram',
      aggregator: 'sum',
      get,
    } as unknown as PromClient.Metric;
  }
}

/** The part of prom-client's Registry that /metrics uses. */
export interface MetricsSource {
  metrics(): Promise<string>;
  readonly contentType: PromClient.Registry['contentType'];
}

/** A registry made (and prom-client imported) when first asked for its text. */
class LazyRegistry implements MetricsSource {
  private building: Promise<PromClient.Registry> | undefined;
  private registry: PromClient.Registry | undefined;

  constructor(private readonly build: () => Promise<PromClient.Registry>) {}

  metrics(): Promise<string> {
    this.building ??= this.build().then(
      (r) => (this.registry = r),
      (e: unknown) => {
        this.building = undefined; // try again on the next scrape
        throw e;
      },
    );
    return this.building.then((r) => r.metrics());
  }

  get contentType(): PromClient.Registry['contentType'] {
    return this.registry?.contentType ?? PROMETHEUS_CONTENT_TYPE;
  }
}

export class MemberMetrics {
  private pending = 0;
  private failed = 0;
  private leaderChanges = 0;
  private readonly walFsync = new PlainHistogram(
    'etcd_disk_wal_fsync_duration_seconds',
    'The latency distributions of fsync called by WAL.',
    WAL_FSYNC_BUCKETS,
  );
  private readonly startedCounts: LabeledCount[] = [];
  private readonly handledCounts: LabeledCount[] = [];
  private lastLeader = 0n;
  private server: EtcdServer | undefined;

  /** The Prometheus registry (etcd's families plus Node's process defaults), built on the first scrape. */
  readonly registry = new LazyRegistry(() => this.build());

  /** Hooks to pass to EtcdServer.start. */
  serverHooks(): ServerHooks {
    return {
      onWalSave: (ms, _entries, synced) => {
        if (synced) this.walFsync.observe(ms / 1000);
      },
      onProposal: (outcome, delta) => {
        if (outcome === 'pending') this.pending += delta;
        else if (outcome === 'failed') this.failed += delta;
      },
      onLeaderChange: (lead) => {
        if (lead !== this.lastLeader) {
          if (this.lastLeader !== 0n) this.leaderChanges++;
          this.lastLeader = lead;
        }
      },
    };
  }

  /** Values read from the member at scrape time. */
  attach(server: EtcdServer): void {
    this.server = server;
  }

  private async build(): Promise<PromClient.Registry> {
    const client = (await import('prom-client')).default;
    const registry = new client.Registry();
    const gauge = (name: string, help: string, value: () => number | undefined) =>
      new client.Gauge({
        name,
        help,
        registers: [registry],
        collect(): void {
          const v = value();
          if (v !== undefined) this.set(v);
        },
      });
    // counters that only grow, copied from the plain numbers (reset shows 0, as a fresh counter does)
    const counter = (name: string, help: string, value: () => number) =>
      new client.Counter({
        name,
        help,
        registers: [registry],
        collect(): void {
          this.reset();
          const v = value();
          if (v > 0) this.inc(v);
        },
      });
    const s = () => this.server;
    gauge('etcd_server_has_leader', 'Whether or not a leader exists. 1 is existence, 0 is not.', () =>
      s() === undefined ? undefined : s()!.leader !== 0n ? 1 : 0,
    );
    gauge('etcd_server_is_leader', 'Whether or not this member is a leader. 1 if is, 0 otherwise.', () =>
      s() === undefined ? undefined : s()!.isLeader ? 1 : 0,
    );
    counter(
      'etcd_server_leader_changes_seen_total',
      'The number of leader changes seen.',
      () => this.leaderChanges,
    );
    gauge(
      'etcd_server_proposals_committed_total',
      'The total number of consensus proposals committed.',
      () => s()?.commitIndex,
    );
    gauge(
      'etcd_server_proposals_applied_total',
      'The total number of consensus proposals applied.',
      () => s()?.appliedIndex,
    );
    gauge(
      'etcd_server_proposals_pending',
      'The current number of pending proposals to commit.',
      () => this.pending,
    );
    counter(
      'etcd_server_proposals_failed_total',
      'The total number of failed proposals seen.',
      () => this.failed,
    );
    registry.registerMetric(this.walFsync.metric());
    gauge(
      'etcd_mvcc_db_total_size_in_bytes',
      'Total size of the underlying database physically allocated in bytes.',
      () => s()?.backend.size(),
    );
    gauge(
      'etcd_mvcc_db_total_size_in_use_in_bytes',
      'Total size of the underlying database logically in use in bytes.',
      () => s()?.backend.sizeInUse(),
    );
    const started = this.startedCounts;
    const handled = this.handledCounts;
    new client.Counter({
      name: 'grpc_server_started_total',
      help: 'Total number of RPCs started on the server.',
      labelNames: ['grpc_type', 'grpc_service', 'grpc_method'],
      registers: [registry],
      collect(): void {
        copyCounts(this, started);
      },
    });
    new client.Counter({
      name: 'grpc_server_handled_total',
      help: 'Total number of RPCs completed on the server, regardless of success or failure.',
      labelNames: ['grpc_type', 'grpc_service', 'grpc_method', 'grpc_code'],
      registers: [registry],
      collect(): void {
        copyCounts(this, handled);
      },
    });
    client.collectDefaultMetrics({ register: registry });
    return registry;
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
function copyCounts(counter: PromClient.Counter, counts: readonly LabeledCount[]): void {
  counter.reset();
  for (const c of counts) if (c.n > 0) counter.inc(c.labels, c.n);
}

/** prom-client's Registry.PROMETHEUS_CONTENT_TYPE, known before prom-client is loaded. */
const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
