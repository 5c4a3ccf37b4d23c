// check perf: etcdctl 3.4's write-performance check, simplified. A rate-limited stream of puts (256-byte
// keys under --prefix, 1 KiB values) runs for the model's duration with the model's number of requests in
// flight, then the keys are deleted and the run is judged as etcdctl judges it: throughput at least 90 % of
// the target rate, slowest request at most 0.5 s, standard deviation at most 0.1 s, no errors.
// Simplified: the in-flight requests share one client connection (etcdctl opens one client each), and the
// progress bar is drawn only on a terminal. TSETCDCTL_CHECK_PERF_SECONDS shortens the run (tests).
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorText } from '../../client/client-error.ts';
import { prefixEnd, toNum } from '../../client/values.ts';
import { goQuote } from '../go-format.ts';
import { CtlExit, Exit, exitWithError, outln } from '../output.ts';
import type { CommandSpec } from '../spec.ts';
import { must } from './kv.ts';

const MODELS: Record<string, { limit: number; clients: number; duration: number }> = {
  s: { limit: 150, clients: 50, duration: 60 },
  m: { limit: 1000, clients: 200, duration: 60 },
  l: { limit: 8000, clients: 500, duration: 60 },
  xl: { limit: 15000, clients: 1000, duration: 60 },
};
const ALIASES: Record<string, string> = {
  s: 's',
  small: 's',
  m: 'm',
  medium: 'm',
  l: 'l',
  large: 'l',
  xl: 'xl',
  xLarge: 'xl',
};

/** Go's %f: six decimals. */
const f6 = (x: number): string => x.toFixed(6);

const perf: CommandSpec = {
  name: 'perf',
  use: 'perf [options]',
  short: 'Check the performance of the etcd cluster',
  flags: [
    {
      name: 'load',
      type: 'string',
      def: 's',
      desc: "The performance check's workload model. Accepted workloads: s(small), m(medium), l(large), xl(xLarge)",
    },
    {
      name: 'prefix',
      type: 'string',
      def: '/etcdctl-check-perf/',
      desc: "The prefix for writing the performance check's keys.",
    },
    {
      name: 'auto-compact',
      type: 'bool',
      def: 'false',
      desc: 'Compact storage with last revision after test is finished.',
    },
    { name: 'auto-defrag', type: 'bool', def: 'false', desc: 'Defragment storage after test is finished.' },
  ],
  async run(ctx) {
    const load = ctx.flags.str('load');
    const model = ALIASES[load];
    if (model === undefined) exitWithError(Exit.BadFeature, `unknown load option ${load}`);
    const cfg = MODELS[model]!;
    const seconds = Number(process.env['TSETCDCTL_CHECK_PERF_SECONDS'] ?? cfg.duration) || cfg.duration;
    const prefix = ctx.flags.str('prefix');
    const c = ctx.client();
    const existing = await must(c.get(prefix, { prefix: true, limit: 1 }));
    if (existing.kvs.length > 0)
      exitWithError(
        Exit.InvalidInput,
        `prefix ${goQuote(prefix)} has keys. Delete with etcdctl del --prefix ${prefix} first`,
      );

    const value = Buffer.alloc(1024);
    const lats: number[] = [];
    const errors = new Map<string, number>();
    const start = performance.now();
    const end = start + seconds * 1000;
    const bar = process.stdout.isTTY
      ? new (await import('cli-progress')).SingleBar({
          format: '{bar} {value}/{total}s',
          stream: process.stdout,
        })
      : undefined;
    bar?.start(seconds, 0);
    const ticker = setInterval(
      () => bar?.update(Math.min(seconds, Math.round((performance.now() - start) / 1000))),
      1000,
    );
    // token bucket of one: request i may start at start + i / limit
    let issued = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const at = start + (issued * 1000) / cfg.limit;
        if (at >= end) return;
        issued++;
        const wait = at - performance.now();
        if (wait > 0) await sleep(wait);
        const key = Buffer.concat([Buffer.from(prefix), randomBytes(8), Buffer.alloc(248)]);
        const t0 = performance.now();
        try {
          await c.put(key, value);
          lats.push((performance.now() - t0) / 1000);
        } catch (e) {
          const t = errorText(e);
          errors.set(t, (errors.get(t) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: cfg.clients }, worker));
    const totalSeconds = (performance.now() - start) / 1000;
    clearInterval(ticker);
    bar?.update(seconds);
    bar?.stop();

    const d = await must(c.delete(prefix, { range_end: prefixEnd(prefix) }));
    if (ctx.flags.bool('auto-compact')) {
      const rev = toNum(d.header?.revision);
      outln(`Compacting with revision ${rev}`);
      await must(c.compact(rev, true));
      outln(`Compacted with revision ${rev}`);
    }
    if (ctx.flags.bool('auto-defrag')) {
      for (const ep of ctx.globals.endpoints) {
        outln(`Defragmenting ${goQuote(ep)}`);
        await must(c.defragment());
        outln(`Defragmented ${goQuote(ep)}`);
      }
    }

    const rps = lats.length / totalSeconds;
    const mean = lats.reduce((a, b) => a + b, 0) / Math.max(1, lats.length);
    const stddev = Math.sqrt(lats.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, lats.length));
    const slowest = lats.reduce((a, b) => Math.max(a, b), 0);
    let ok = true;
    if (errors.size > 0) {
      outln('FAIL: too many errors');
      for (const [k, v] of errors) outln(`FAIL: ERROR(${k}) -> ${v}`);
      ok = false;
    }
    if (rps / cfg.limit <= 0.9) {
      outln(`FAIL: Throughput too low: ${Math.floor(rps) + 1} writes/s`);
      ok = false;
    } else outln(`PASS: Throughput is ${Math.floor(rps) + 1} writes/s`);
    if (slowest > 0.5) {
      outln(`Slowest request took too long: ${f6(slowest)}s`);
      ok = false;
    } else outln(`PASS: Slowest request took ${f6(slowest)}s`);
    if (stddev > 0.1) {
      outln(`Stddev too high: ${f6(stddev)}s`);
      ok = false;
    } else outln(`PASS: Stddev is ${f6(stddev)}s`);
    outln(ok ? 'PASS' : 'FAIL');
    if (!ok) throw new CtlExit(Exit.Error);
  },
};

export const checkCommand: CommandSpec = {
  name: 'check',
  use: 'check <subcommand>',
  short: 'commands for checking properties of the etcd cluster',
  sub: [perf],
};
