// The driver: forks load generator processes, splits a run's clients, connections and watchers over them,
// starts them together and merges what they measured.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { GrpcConnection } from './connection.ts';
import { Histogram } from './histogram.ts';
import { checkOptions, labelOf, type LoadOptions, type LoadResult } from './options.ts';
import { HEADERS, putFrame, rangeFixtureKeys } from './requests.ts';
import { randomValue } from './keys.ts';
import type { FromWorker, ToWorker } from './worker.ts';
import type { WorkerPlan, WorkerReport } from './worker-run.ts';

const WORKER_FILE = fileURLToPath(new URL('./worker.ts', import.meta.url));

/** n split into k near-equal parts, larger parts first. */
export function split(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

/** How a run is spread over `workers` processes (pure, so it can be unit-tested). */
export function planWorkers(o: LoadOptions, poolSize: number): WorkerPlan[] {
  const watch = o.scenario === 'watch' || o.scenario === 'watch-latency';
  const w = Math.max(1, Math.min(o.workers, o.conns, poolSize, watch ? o.streams : o.clients));
  const clientQuotas = o.total === null ? new Array<number>(o.clients).fill(0) : split(o.total, o.clients);
  const watchers = split(o.watchers, w);
  const streams = split(o.streams, w);
  return Array.from({ length: w }, (_, i) => {
    const conns: string[] = [];
    for (let g = i; g < o.conns; g += w) conns.push(o.endpoints[g % o.endpoints.length]!);
    const quotas: number[] = [];
    for (let c = i; c < o.clients; c += w) quotas.push(clientQuotas[c]!);
    return {
      opts: o,
      index: i,
      conns,
      quotas: watch ? [] : quotas,
      watchers: watch ? watchers[i]! : 0,
      streams: watch ? Math.min(streams[i]!, watchers[i]!) : 0,
      putter: watch && i === 0,
    };
  });
}

/** Writes the keys a scenario reads before it starts (the range fixtures). */
export async function prepare(o: LoadOptions): Promise<void> {
  if (o.scenario !== 'range') return;
  const conn = await GrpcConnection.open(o.endpoints[0]!);
  try {
    const value = randomValue(o.valSize);
    for (const key of rangeFixtureKeys(o)) await conn.call(HEADERS.put, putFrame(key, value));
  } finally {
    conn.close();
  }
}

class WorkerProcess {
  private waiting: ((m: FromWorker) => void) | null = null;
  private exitError: string | null = null;

  constructor(readonly child: ChildProcess) {
    child.on('message', (m: FromWorker) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
    child.on('exit', (code, sig) => {
      this.exitError = `load worker exited (${code ?? sig})`;
      const w = this.waiting;
      this.waiting = null;
      w?.({ type: 'error', message: this.exitError });
    });
  }

  /** Sends `m` (if any) and resolves with the next message of type `want`; rejects on an error reply. */
  ask<T extends FromWorker['type']>(m: ToWorker | null, want: T): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.exitError !== null) return reject(new Error(this.exitError));
      this.waiting = (r) => {
        if (r.type === want) resolve(r as Extract<FromWorker, { type: T }>);
        else reject(new Error(r.type === 'error' ? r.message : `unexpected ${r.type} from load worker`));
      };
      if (m !== null) this.child.send(m);
    });
  }
}

export class LoadPool {
  private constructor(private readonly workers: WorkerProcess[]) {}

  /** Forks `size` load generator processes (TypeScript through tsx, no inherited flags such as --cpu-prof). */
  static async start(size: number): Promise<LoadPool> {
    const workers = Array.from(
      { length: size },
      () =>
        new WorkerProcess(
          fork(WORKER_FILE, [], {
            execArgv: ['--import', 'tsx'],
            stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          }),
        ),
    );
    await Promise.all(workers.map((w) => w.ask(null, 'hello')));
    return new LoadPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** PIDs of the load generator processes. */
  get pids(): number[] {
    return this.workers.map((w) => w.child.pid!);
  }

  /**
   * One load run. `window` hears when the measured window starts and ends (in duration mode: the warm-up
   * and the duration timed from the start message; with a total: the start and the last report), so a
   * caller can sample server figures over exactly what is measured, not the setup or the warm-up.
   */
  async run(o: LoadOptions, window: { start?(): void; end?(): void } = {}): Promise<LoadResult> {
    checkOptions(o);
    await prepare(o);
    const plans = planWorkers(o, this.workers.length);
    const used = this.workers.slice(0, plans.length);
    const timers: NodeJS.Timeout[] = [];
    let ended = false;
    const end = (): void => {
      if (!ended) window.end?.();
      ended = true;
    };
    try {
      await Promise.all(used.map((w, i) => w.ask({ type: 'setup', plan: plans[i]! }, 'ready')));
      const reports = Promise.all(used.map((w) => w.ask({ type: 'start' }, 'result')));
      if (o.total === null) {
        timers.push(setTimeout(() => window.start?.(), o.warmupMs));
        timers.push(setTimeout(end, o.warmupMs + o.durationMs));
      } else window.start?.();
      const done = await reports;
      end();
      return merge(
        o,
        done.map((r) => r.report),
      );
    } finally {
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled(used.map((w) => w.ask({ type: 'close' }, 'closed')));
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) return resolve();
            w.child.once('exit', () => resolve());
            w.child.disconnect();
          }),
      ),
    );
  }
}

export function merge(o: LoadOptions, reports: WorkerReport[]): LoadResult {
  const hist = new Histogram();
  for (const r of reports) hist.merge(r.histogram);
  const ops = reports.reduce((a, r) => a + r.ops, 0);
  const elapsedS =
    o.total === null
      ? o.durationMs / 1000
      : (Math.max(...reports.map((r) => r.endNs)) - Math.min(...reports.map((r) => r.startNs))) / 1e9;
  const clientCpuS = reports.reduce((a, r) => a + r.cpuUs, 0) / 1e6;
  const samples = [...new Set(reports.flatMap((r) => r.errorSamples))].slice(0, 10);
  const result: LoadResult = {
    scenario: o.scenario,
    label: labelOf(o),
    ops,
    errors: reports.reduce((a, r) => a + r.errors, 0),
    errorSamples: samples,
    elapsedS,
    opsPerSec: elapsedS > 0 ? ops / elapsedS : 0,
    latency: hist.summary(),
    clientCpuS,
    clientCores: elapsedS > 0 ? clientCpuS / elapsedS : 0,
    workers: reports.length,
  };
  if (o.scenario === 'watch' || o.scenario === 'watch-latency') {
    result.puts = reports.reduce((a, r) => a + r.puts, 0);
  }
  return result;
}

/** One run with its own pool. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const pool = await LoadPool.start(o.workers);
  try {
    return await pool.run(o);
  } finally {
    await pool.close();
  }
}
