// Soak: `npm run robustness -- --runs N [--fault NAME[,NAME]|all] [--seed S] [--ops N] [--clients N]
// [--once] [--keep] [--control NAME | --failpoints SPEC] [--flags "--x y"] [--no-compaction] [--expect-fail]`.
// Runs N fresh clusters, cycling through the faults (each repeated until the traffic ends, or injected once
// with --once), each with recorded traffic and every check; prints one line per run and, for a failure,
// where its history and member logs are and how to check it again. Exits non-zero if any run failed.
// --control turns a positive control on in every member (its fault, flags and traffic from CONTROLS unless
// given): then every run is expected to FAIL, and the exit code says whether each one was caught.
// --failpoints sets TSETCD_FAILPOINTS for every member as given.
import { parseArgs } from 'node:util';
import { CONTROLS, type Control } from './controls.ts';
import { FAULTS, SNAPSHOT_FLAGS, type FaultName } from './faults.ts';
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
    control: { type: 'string' },
    failpoints: { type: 'string' },
    flags: { type: 'string' },
    'no-compaction': { type: 'boolean', default: false },
    'expect-fail': { type: 'boolean', default: false },
  },
});
const control: Control | undefined =
  values.control === undefined ? undefined : (CONTROLS as Record<string, Control>)[values.control];
if (values.control !== undefined && control === undefined)
  throw new Error(`unknown control ${values.control}; one of ${Object.keys(CONTROLS).join(', ')}`);
const failpoints = values.failpoints ?? control?.failpoints;
const expectFail = values['expect-fail'] || control !== undefined;
const runs = Number(values.runs);
const seed0 = Number(values.seed);
const faults: readonly FaultName[] =
  control !== undefined && values.fault === 'all'
    ? [control.fault]
    : values.fault === 'all'
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
    ...(failpoints ? { env: { TSETCD_FAILPOINTS: failpoints } } : {}),
    // Snapshots every 40 entries (so crash-in-snapshot has snapshots to crash in), unless the control
    // or --flags says otherwise.
    extraFlags: values.flags?.split(/\s+/).filter((x) => x !== '') ?? control?.extraFlags ?? SNAPSHOT_FLAGS,
    compaction: !values['no-compaction'] && (control?.compaction ?? true),
  });
  results.push(r);
  console.log(`[${i + 1}/${runs}] ${formatRun(r)}`);
}
const failed = results.filter((r) => !r.ok);
const secs = ((performance.now() - began) / 1000).toFixed(0);
console.log(`\n${runs - failed.length}/${runs} runs passed in ${secs} s`);
if (expectFail) {
  // A positive control: every run must fail, and by the control's own check when it names one.
  const caught = results.filter((r) => !r.ok && (control === undefined || control.caughtBy(r.failures)));
  console.log(`control ${values.control ?? failpoints}: caught in ${caught.length}/${runs} runs`);
  for (const r of results.filter((x) => !caught.includes(x)))
    console.log(`NOT CAUGHT ${r.fault} seed=${r.seed}`);
  process.exit(caught.length === runs ? 0 : 1);
}
for (const f of failed) console.log(`FAILED ${f.fault} seed=${f.seed}: ${f.dir} — ${f.replay}`);
process.exit(failed.length === 0 ? 0 : 1);
