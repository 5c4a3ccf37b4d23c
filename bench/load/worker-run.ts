// One load generator process's share of a run: its connections, its closed-loop clients (or watchers and the
// putter), and the statistics of the measured window. The driver (runner.ts) forks several of these.
import { Histogram, type SerializedHistogram } from './histogram.ts';
import { GrpcConnection, type RequestHeaders } from './connection.ts';
import { scanWatchResponse } from './grpc-wire.ts';
import type { LoadOptions } from './options.ts';
import {
  HEADERS,
  keepAliveFrame,
  leaseGrantFrame,
  leaseIdOf,
  putTemplate,
  rangeFrame,
  timestampedPutTemplate,
  txnMixedTemplates,
  txnPutTemplate,
  watchCreateFrame,
} from './requests.ts';

/** Nanoseconds on CLOCK_MONOTONIC: one clock for every process of the machine, so a watcher in one worker
 * can time an event against the send time a putter in another worker wrote into the value. */
export function nowNs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e9 + ns;
}

export interface WorkerPlan {
  opts: LoadOptions;
  index: number;
  /** Endpoint (`host:port`) of each of this worker's connections. */
  conns: string[];
  /** Total mode: requests each of this worker's clients issues; duration mode: one entry per client, unused. */
  quotas: number[];
  /** watch scenarios: this worker's watchers and streams. */
  watchers: number;
  streams: number;
  /** watch scenarios: the putter runs here, with this many puts in total mode. */
  putter: boolean;
}

export interface WorkerReport {
  ops: number;
  errors: number;
  errorSamples: string[];
  histogram: SerializedHistogram;
  cpuUs: number;
  /** Measured window on the shared monotonic clock (ns). */
  startNs: number;
  endNs: number;
  puts: number;
}

const WATCH_IDLE_MS = 10_000;

/** A lease-keepalive client: sends its keepalive, calls `next` when the answer arrives. */
interface KeepAliveClient {
  send(next: () => void): void;
}

class Stats {
  readonly hist = new Histogram();
  ops = 0;
  errors = 0;
  readonly samples: string[] = [];
  windowStart = 0;
  windowEnd = Infinity;
  lastNs = 0;

  ok(t0: number, t1: number): void {
    if (t1 < this.windowStart || t1 >= this.windowEnd) return;
    this.ops++;
    this.hist.recordUs((t1 - t0) / 1000);
    this.lastNs = t1;
  }

  error(msg: string): void {
    this.errors++;
    if (this.samples.length < 5 && !this.samples.includes(msg)) this.samples.push(msg);
  }
}

export class WorkerRun {
  private connections: GrpcConnection[] = [];
  private readonly stats = new Stats();
  private stopped = false;
  private puts = 0;
  private keepAlive: KeepAliveClient[] = [];
  /** Open bidi streams (watch, keepalive), cancelled on close. */
  private streams: { cancel(): void }[] = [];
  private eventsSeen = 0;
  private lastEventAt = 0;
  private onEvents: (() => void) | null = null;
  private seq: number;

  constructor(private readonly plan: WorkerPlan) {
    this.seq = plan.index;
  }

  async setup(): Promise<void> {
    this.connections = await Promise.all(this.plan.conns.map((a) => GrpcConnection.open(a)));
    const o = this.plan.opts;
    if (o.scenario === 'lease-keepalive') await this.setupKeepAlive();
    if (o.scenario === 'watch' || o.scenario === 'watch-latency') await this.setupWatchers();
  }

  /** Runs the load; resolves with this worker's measurements. */
  run(): Promise<WorkerReport> {
    const o = this.plan.opts;
    const st = this.stats;
    const startNs = nowNs();
    let cpu0 = process.cpuUsage();
    let windowStartNs = startNs;
    return new Promise((resolve) => {
      let finished = false;
      const finish = (endNs: number): void => {
        if (finished) return;
        finished = true;
        this.stopped = true;
        const cpu = process.cpuUsage(cpu0);
        resolve({
          ops: st.ops,
          errors: st.errors,
          errorSamples: st.samples,
          histogram: st.hist.toJSON(),
          cpuUs: cpu.user + cpu.system,
          startNs: windowStartNs,
          endNs,
          puts: this.puts,
        });
      };
      if (o.total === null) {
        windowStartNs = startNs + o.warmupMs * 1e6;
        st.windowStart = windowStartNs;
        st.windowEnd = windowStartNs + o.durationMs * 1e6;
        setTimeout(() => (cpu0 = process.cpuUsage()), o.warmupMs);
        setTimeout(() => finish(st.windowEnd), o.warmupMs + o.durationMs);
        void this.drive();
      } else {
        void this.drive().then(() => finish(Math.max(st.lastNs, windowStartNs)));
      }
    });
  }

  close(): void {
    this.stopped = true;
    for (const s of this.streams) s.cancel();
    for (const c of this.connections) c.close();
  }

  // ---- the scenarios ----

  /** Starts every client of the scenario; resolves when all are done (total mode) or stopped. */
  private async drive(): Promise<void> {
    const o = this.plan.opts;
    const rand = (): number => Math.floor(Math.random() * o.keySpace);
    const nextKey = o.sequential
      ? (): number => {
          const k = this.seq % o.keySpace;
          this.seq += o.workers;
          return k;
        }
      : rand;
    switch (o.scenario) {
      case 'put': {
        const t = putTemplate(o);
        return this.unaryClients(HEADERS.put, () => t.make1(nextKey()));
      }
      case 'range': {
        const frame = rangeFrame(o);
        return this.unaryClients(HEADERS.range, () => frame);
      }
      case 'txn-put': {
        const t = txnPutTemplate(o);
        const keys = new Array<number>(o.txnOps);
        const distinct = new Set<number>();
        return this.unaryClients(HEADERS.txn, () => {
          // etcd refuses a txn that writes one key twice
          distinct.clear();
          for (let i = 0; i < o.txnOps; i++) {
            let k = nextKey();
            while (distinct.has(k) && distinct.size < o.keySpace) k = rand();
            distinct.add(k);
            keys[i] = k;
          }
          return t.make(keys);
        });
      }
      case 'txn-mixed': {
        const { read, write } = txnMixedTemplates(o);
        const readShare = o.rwRatio / (1 + o.rwRatio);
        return this.unaryClients(HEADERS.txn, () =>
          Math.random() < readShare ? read.make1(rand()) : write.make1(nextKey()),
        );
      }
      case 'lease-grant': {
        const frame = leaseGrantFrame(o.leaseTtl);
        return this.unaryClients(HEADERS.leaseGrant, () => frame);
      }
      case 'lease-keepalive':
        return this.keepAliveClients();
      case 'watch':
      case 'watch-latency':
        return this.watchLoad();
    }
  }

  /** Closed-loop clients, one call in flight each, clients spread round-robin over the connections. */
  private unaryClients(headers: RequestHeaders, nextFrame: () => Buffer): Promise<void> {
    const total = this.plan.opts.total !== null;
    const clients = this.plan.quotas.map(
      (quota, i) =>
        new Promise<void>((resolve) => {
          const conn = this.connections[i % this.connections.length]!;
          let issued = 0;
          const issue = (): void => {
            if (this.stopped || (total && issued >= quota)) return resolve();
            const broken = conn.broken;
            if (broken !== null) {
              this.stats.error(broken);
              return resolve();
            }
            issued++;
            const t0 = nowNs();
            conn.unary(headers, nextFrame(), (err) => {
              if (err === null) this.stats.ok(t0, nowNs());
              else this.stats.error(err);
              issue();
            });
          };
          issue();
        }),
    );
    return Promise.all(clients).then(() => undefined);
  }

  /** Each client: one lease, one LeaseKeepAlive stream, one keepalive in flight (etcd's lease-keepalive). */
  private async setupKeepAlive(): Promise<void> {
    const grant = leaseGrantFrame(this.plan.opts.leaseTtl);
    this.keepAlive = await Promise.all(
      this.plan.quotas.map(async (_, i): Promise<KeepAliveClient> => {
        const conn = this.connections[i % this.connections.length]!;
        const frame = keepAliveFrame(leaseIdOf(await conn.call(HEADERS.leaseGrant, grant)));
        let t0 = 0;
        let then: (() => void) | null = null;
        const onReply = (): void => {
          this.stats.ok(t0, nowNs());
          const f = then;
          then = null;
          f?.();
        };
        const stream = conn.stream(HEADERS.leaseKeepAlive, onReply, (err) => {
          if (!this.stopped) this.stats.error(err ?? 'keepalive stream ended');
        });
        this.streams.push(stream);
        return {
          send: (next) => {
            then = next;
            t0 = nowNs();
            stream.send(frame);
          },
        };
      }),
    );
  }

  private keepAliveClients(): Promise<void> {
    const total = this.plan.opts.total !== null;
    const clients = this.plan.quotas.map((quota, i) => {
      const client = this.keepAlive[i]!;
      return new Promise<void>((resolve) => {
        let issued = 0;
        const next = (): void => {
          if (this.stopped || (total && issued >= quota)) return resolve();
          issued++;
          client.send(next);
        };
        next();
      });
    });
    return Promise.all(clients).then(() => undefined);
  }

  /** Opens this worker's watch streams and creates its watchers; resolves once all are created. */
  private async setupWatchers(): Promise<void> {
    const { watchers, streams } = this.plan;
    if (watchers === 0) return;
    let created = 0;
    let failed: string | null = null;
    let wake: () => void = () => {};
    const onValue = (buf: Buffer, start: number, end: number): void => {
      if (end - start >= 8) this.stats.ok(buf.readDoubleLE(start), this.lastEventAt);
    };
    const onMessage = (msg: Buffer): void => {
      this.lastEventAt = nowNs();
      const s = scanWatchResponse(msg, onValue);
      if (s.created) created++;
      if (s.canceled) failed = `watch canceled: ${s.cancelReason}`;
      if (s.events > 0) {
        this.eventsSeen += s.events;
        this.onEvents?.();
      }
      if (s.created || s.canceled) wake();
    };
    const create = watchCreateFrame();
    for (let i = 0; i < streams; i++) {
      const conn = this.connections[i % this.connections.length]!;
      const stream = conn.stream(HEADERS.watch, onMessage, (err) => {
        if (!this.stopped) this.stats.error(err ?? 'watch stream ended');
      });
      this.streams.push(stream);
      for (let w = i; w < watchers; w += streams) stream.send(create);
    }
    const deadline = Date.now() + 15_000;
    while (created < watchers && failed === null) {
      if (Date.now() > deadline) throw new Error(`only ${created} of ${watchers} watchers created`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 100);
      });
    }
    if (failed !== null) throw new Error(failed);
  }

  /** The putter (if here) and the wait for this worker's watchers to see every event. */
  private watchLoad(): Promise<void> {
    const o = this.plan.opts;
    const parts: Promise<void>[] = [];
    if (this.plan.putter) parts.push(o.scenario === 'watch' ? this.closedLoopPutter() : this.ratedPutter());
    if (o.total !== null && this.plan.watchers > 0) {
      const expected = o.total * this.plan.watchers;
      parts.push(
        new Promise<void>((resolve) => {
          const check = (): void => {
            if (this.eventsSeen >= expected) {
              this.onEvents = null;
              clearInterval(idle);
              resolve();
            }
          };
          this.lastEventAt = nowNs();
          const idle = setInterval(() => {
            if (nowNs() - this.lastEventAt > WATCH_IDLE_MS * 1e6) {
              const missing = expected - this.eventsSeen;
              this.stats.error(`${missing} of ${expected} events never arrived`);
              this.stats.errors += missing - 1; // one per missing event
              this.onEvents = null;
              clearInterval(idle);
              resolve();
            }
          }, 500);
          this.onEvents = check;
          check();
        }),
      );
    }
    return Promise.all(parts).then(() => undefined);
  }

  private putFrames(): () => Buffer {
    const o = this.plan.opts;
    const { template, valueOffset } = timestampedPutTemplate(o);
    let n = 0;
    return () => {
      const f = template.make1(n++ % o.keySpace);
      f.writeDoubleLE(nowNs(), valueOffset);
      return f;
    };
  }

  private putDone(err: string | null): void {
    if (err === null) {
      if (this.plan.opts.total !== null || nowNs() >= this.stats.windowStart) this.puts++;
    } else this.stats.error(`put: ${err}`);
  }

  /** watch: putClients puts in flight at all times (total mode: `total` puts in all). */
  private closedLoopPutter(): Promise<void> {
    const o = this.plan.opts;
    const conn = this.connections[0]!;
    const next = this.putFrames();
    let issued = 0;
    const clients = Array.from(
      { length: o.putClients },
      () =>
        new Promise<void>((resolve) => {
          const issue = (): void => {
            if (this.stopped || (o.total !== null && issued >= o.total) || conn.broken !== null)
              return resolve();
            issued++;
            conn.unary(HEADERS.put, next(), (err) => {
              this.putDone(err);
              issue();
            });
          };
          issue();
        }),
    );
    return Promise.all(clients).then(() => undefined);
  }

  /** watch-latency: puts at a fixed rate regardless of how fast they complete (open loop). */
  private ratedPutter(): Promise<void> {
    const o = this.plan.opts;
    const conn = this.connections[0]!;
    const next = this.putFrames();
    const start = nowNs();
    let issued = 0;
    let inFlight = 0;
    return new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const due = Math.floor(((nowNs() - start) / 1e9) * o.putRate);
        while (issued < due && inFlight < 1000) {
          if (this.stopped || (o.total !== null && issued >= o.total) || conn.broken !== null) break;
          issued++;
          inFlight++;
          conn.unary(HEADERS.put, next(), (err) => {
            inFlight--;
            this.putDone(err);
          });
        }
        if (this.stopped || (o.total !== null && issued >= o.total && inFlight === 0)) {
          clearInterval(tick);
          resolve();
        }
      }, 1);
    });
  }
}
