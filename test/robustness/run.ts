// One robustness run: a fresh 3-member cluster, recorded traffic with one fault in the middle, then every
// check. A failed run keeps its directory (history.json, report.txt, member logs) and says how to check
// the history again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, toNum } from '../../src/client/index.ts';
import { inRange } from '../../src/linearizability/index.ts';
import { checkRun, KeyHistory, saveJson, type CheckOutcome } from './checks.ts';
import { ProcessCluster } from './cluster.ts';
import { injectFault, type FaultLog, type FaultName } from './faults.ts';
import { prng, runTraffic, startWatch, type RecordedRun, type WatchRecord } from './traffic.ts';

export interface RunOptions {
  fault: FaultName;
  seed: number;
  maxOps?: number;
  durationMs?: number;
  clients?: number;
  checkTimeoutMs?: number;
  /** Inject the fault again and again (a second after each one is over) until traffic ends. */
  repeatFault?: boolean;
  /** Keep the run directory even when it passed. */
  keep?: boolean;
  /**
   * Run on this cluster (left running, its directory kept) under a fresh key prefix, instead of a cluster
   * of its own.
   */
  cluster?: ProcessCluster;
  keyPrefix?: string;
  /** For a cluster of its own: environment (e.g. TSETCD_FAILPOINTS) and extra flags of every member. */
  env?: Record<string, string>;
  extraFlags?: string[];
  /** Periodic compaction during the traffic (default true). */
  compaction?: boolean;
}

export interface RunResult {
  ok: boolean;
  fault: FaultName;
  seed: number;
  /** TSETCD_FAILPOINTS every member started with, if any. */
  failpoints?: string;
  failures: string[];
  stats: Record<string, number>;
  faultLog: FaultLog;
  /** Set when the directory was kept. */
  dir?: string;
  replay?: string;
  report: string;
}

/** Waits until a watch has everything the reference has in its range (or it ended). */
async function caughtUp(w: WatchRecord, ref: WatchRecord, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const last = (): number =>
    ref.events.filter((e) => e.rev >= w.startRev && inRange(e.key, w.key, w.end)).at(-1)?.rev ?? 0;
  while (Date.now() < deadline) {
    if (w.error !== undefined || w.compactRevision !== undefined) return;
    if ((w.events.at(-1)?.rev ?? 0) >= last()) return;
    await sleep(50);
  }
}

export async function runOnce(opts: RunOptions): Promise<RunResult> {
  const began = performance.now();
  const extra: string[] = [];
  const stats: Record<string, number> = {};
  const own = opts.cluster === undefined;
  const dir = own ? mkdtempSync(join(tmpdir(), `tsetcd-robustness-${opts.fault}-`)) : opts.cluster!.opts.dir;
  const runTag = own ? '' : `${(opts.keyPrefix ?? opts.fault).replace(/[^a-z0-9-]/gi, '')}-`;
  const faultLog: FaultLog = { fault: opts.fault, steps: [] };
  const cluster =
    opts.cluster ??
    (await ProcessCluster.start({
      dir,
      ...(opts.env ? { env: opts.env } : {}),
      ...(opts.extraFlags ? { extraFlags: opts.extraFlags } : {}),
    }));
  const phase = (name: string, since: number): number => {
    const now = performance.now();
    stats[name] = Math.round(now - since);
    return now;
  };
  let mark = phase('startMs', began);
  let outcome: CheckOutcome;
  let run: RecordedRun | undefined;
  try {
    const rand = prng(opts.seed);
    const keyPrefix = opts.keyPrefix ?? '';
    const before = new Client({ endpoints: cluster.endpoints, commandTimeoutMs: 5000 });
    const startRev = toNum((await before.get('rev-probe')).header?.revision) + 1;
    before.close();
    const t = await runTraffic({
      keyPrefix,
      startRev,
      endpoints: cluster.endpoints,
      clients: opts.clients ?? 10,
      maxOps: opts.maxOps ?? 1200,
      durationMs: opts.durationMs ?? 30_000,
      seed: opts.seed,
      fault: () => injectFault(cluster, opts.fault, rand, faultLog),
      repeatFault: opts.repeatFault ?? false,
      compaction: opts.compaction ?? true,
    });
    run = t.run;
    mark = phase('trafficPhaseMs', mark);
    stats.trafficMs = Math.round(run.durationMs);
    stats.requestsPerSecond = Math.round(
      (run.ops.length + run.serializable.length) / (run.durationMs / 1000),
    );
    // Settle: every member up and caught up, every watch caught up with the reference.
    await cluster.waitHealthy(30_000);
    const c = new Client({ endpoints: cluster.endpoints, commandTimeoutMs: 5000 });
    const final =
      keyPrefix === ''
        ? await c.get('\0', { range_end: Buffer.from('\0') })
        : await c.get(keyPrefix, { prefix: true });
    const finalRev = toNum(final.header?.revision);
    run.liveLeases = ((await c.leaseLeases()).leases ?? []).map((l) => toNum(l.ID));
    c.close();
    const refDeadline = Date.now() + 15_000;
    while (
      (run.reference.events.at(-1)?.rev ?? 0) < finalRev &&
      run.reference.error === undefined &&
      Date.now() < refDeadline
    ) {
      await sleep(50);
    }
    for (const w of run.watches) await caughtUp(w, run.reference, 5_000);
    await t.stopWatches();
    // Resumable: new watches from past revisions after the compaction point replay the same history.
    const compacted = Math.max(startRev - 1, ...run.compactions.filter((x) => x.ok).map((x) => x.rev));
    const wc = new Client({ endpoints: cluster.endpoints, commandTimeoutMs: 5000 });
    for (let k = 0; k < 3 && finalRev > compacted + 1; k++) {
      const from = compacted + 1 + Math.floor(rand() * (finalRev - compacted));
      const rec: WatchRecord = { ...run.reference, startRev: from, events: [] };
      delete rec.error;
      delete rec.compactRevision;
      const h = startWatch(wc, rec);
      await caughtUp(rec, run.reference, 5_000);
      h.stop();
      await h.done;
      run.watches.push(rec);
    }
    wc.close();
    mark = phase('settleMs', mark);
    // Everything the final read saw is what the reference says at that revision.
    const keys = new KeyHistory(run.reference);
    const want = [...keys.at(finalRev).values()];
    const got = (final.kvs ?? []).filter((kv) => !String(kv.key).includes('probe'));
    if (want.length !== got.length) extra.push(`final read has ${got.length} keys, history ${want.length}`);
    const hashes = await cluster.hashKVs(finalRev);
    if (new Set(hashes.map((h) => h.hash)).size !== 1) {
      extra.push(
        `HashKV differs at rev ${finalRev}: ${hashes.map((h, i) => `${cluster.members[i]!.name}=${h.hash}`).join(' ')}`,
      );
    }
    stats.finalRevision = finalRev;
    mark = phase('hashMs', mark);
    if (faultLog.powerCuts) run.powerCuts = faultLog.powerCuts;
    outcome = checkRun(run, { timeoutMs: opts.checkTimeoutMs ?? 60_000 });
    mark = phase('checksMs', mark);
  } catch (e) {
    outcome = {
      failures: [`run aborted: ${(e as Error).stack ?? String(e)}`],
      verdict: 'unknown',
      report: '',
      stats: {},
    };
  } finally {
    if (own) await cluster.stop();
    phase('stopMs', mark);
  }
  const failures = [...extra, ...outcome.failures];
  // Connections whose sender could not be traced are relayed whatever the partition rules say: a weaker
  // fault, never a false failure. Reported as a number, not a failure.
  stats.untracedPeerConnections = cluster.proxy.unidentified;
  const result: RunResult = {
    ok: failures.length === 0,
    fault: opts.fault,
    seed: opts.seed,
    ...(opts.env?.TSETCD_FAILPOINTS ? { failpoints: opts.env.TSETCD_FAILPOINTS } : {}),
    failures,
    stats: { ...stats, ...outcome.stats, runMs: Math.round(performance.now() - began) },
    faultLog,
    report: outcome.report,
  };
  if (!result.ok || opts.keep) {
    if (run !== undefined) writeFileSync(join(dir, `${runTag}history.json`), saveJson(run));
    writeFileSync(
      join(dir, `${runTag}report.txt`),
      [
        `fault ${opts.fault} seed ${opts.seed}${opts.env?.TSETCD_FAILPOINTS ? ` TSETCD_FAILPOINTS=${opts.env.TSETCD_FAILPOINTS}` : ''}`,
        ...faultLog.steps,
        '',
        ...failures,
        '',
        outcome.report,
        JSON.stringify(result.stats),
      ].join('\n'),
    );
    result.dir = dir;
    result.replay = `npx tsx test/robustness/replay.ts ${join(dir, `${runTag}history.json`)}`;
  } else if (own) {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

export function formatRun(r: RunResult): string {
  const s = r.stats;
  const head =
    `${r.ok ? 'PASS' : 'FAIL'} ${r.fault}${r.failpoints ? ` [TSETCD_FAILPOINTS=${r.failpoints}]` : ''} seed=${r.seed}: ${s.operations ?? 0} ops (${s.unknown ?? 0} unknown, ` +
    `${s.prunedUnknown ?? 0} pruned), ${s.requestsPerSecond ?? 0} req/s, ${s.partitions ?? 0} partitions ` +
    `(largest ${s.largestPartition ?? 0}), check ${s.checkMs ?? 0} ms, ${s.watches ?? 0} watches / ${s.watchEvents ?? 0} events, ` +
    `${s.compactions ?? 0} compactions, ${s.revokedLeases ?? 0} revokes, final rev ${s.finalRevision ?? 0}, ` +
    `traffic ${s.trafficMs ?? 0} ms, run ${s.runMs ?? 0} ms (start ${s.startMs}, traffic+fault ${s.trafficPhaseMs}, ` +
    `settle ${s.settleMs}, hash ${s.hashMs}, checks ${s.checksMs}, stop ${s.stopMs})`;
  const untraced = s.untracedPeerConnections ?? 0;
  const lines = [
    head + (untraced > 0 ? `, ${untraced} untraced peer connections` : ''),
    ...r.faultLog.steps.map((x) => `  ${x}`),
  ];
  if (!r.ok) {
    lines.push(...r.failures.slice(0, 20).map((f) => `  ! ${f}`));
    if (r.report) lines.push(r.report);
    lines.push(`  saved in ${r.dir}; check again with: ${r.replay}`);
  }
  return lines.join('\n');
}
