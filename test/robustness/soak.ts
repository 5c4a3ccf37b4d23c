// Soak: `npm run robustness -- --runs N [--fault NAME[,NAME]|all] [--seed S] [--ops N] [--clients N]
// [--once] [--keep]`. Runs N fresh clusters, cycling through the faults (each repeated until the traffic
// ends, or injected once with --once), each with recorded traffic and every check; prints
// one line per run and, for a failure, where its history and member logs are and how to check it again.
// Exits non-zero if any run failed.
import { parseArgs } from 'node:util';
import { FAULTS, type FaultName } from './faults.ts';
import { formatRun, runOnce, type RunResult } from './run.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    runs: { type: 'string', default: String(FAULTS.length) },
    fault: { type: 'string', default: 'all' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    ops: { type: 'string', default: '1500' },
    clients: { type: 'string', default: '16' },
    once: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const seed0 = Number(values.seed);
const faults: readonly FaultName[] =
  values.fault === 'all'
    ? FAULTS
    : values.fault.split(',').map((f) => {
        if (!(FAULTS as readonly string[]).includes(f))
          throw new Error(`unknown fault ${f}; one of ${FAULTS.join(', ')}`);
        return f as FaultName;
      });

const results: RunResult[] = [];
const began = performance.now();
for (let i = 0; i < runs; i++) {
  const r = await runOnce({
    fault: faults[i % faults.length]!,
    seed: seed0 + i,
    maxOps: Number(values.ops),
    clients: Number(values.clients),
    keep: values.keep,
    repeatFault: !values.once,
  });
  results.push(r);
  console.log(`[${i + 1}/${runs}] ${formatRun(r)}`);
}
const failed = results.filter((r) => !r.ok);
const secs = ((performance.now() - began) / 1000).toFixed(0);
console.log(`\n${runs - failed.length}/${runs} runs passed in ${secs} s`);
for (const f of failed) console.log(`FAILED ${f.fault} seed=${f.seed}: ${f.dir} — ${f.replay}`);
process.exit(failed.length === 0 ? 0 : 1);
