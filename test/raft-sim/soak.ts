// Long runs of the simulation: `npm run sim -- --seeds 100000 [--start 1] [--nodes 3|5|mix]
// [--steps 3000] [--bug NAME] [--profile NAME] [--max-failures 20]`. Prints progress and a summary
// with one replay command per failing seed; exits non-zero if any seed failed.
import { formatResult, parseSimArgs } from './replay.ts';
import { realRaft } from './raft-api.ts';
import { runSimulation } from './simulator.ts';
import type { SimResult } from './simulator.ts';

const { base, values } = parseSimArgs(process.argv.slice(2), {
  seeds: { type: 'string' },
  start: { type: 'string' },
  'max-failures': { type: 'string' },
});
const seeds = Number(values.seeds ?? 1000);
const start = Number(values.start ?? 1);
const maxFailures = Number(values['max-failures'] ?? 20);
const mix = values.nodes === 'mix';

const failures: SimResult[] = [];
const totals = new Map<string, number>();
const began = performance.now();
let lastReport = began;
let done = 0;
let livenessTicksMax = 0;

for (let seed = start; seed < start + seeds; seed++) {
  const nodes = mix ? (seed % 2 === 0 ? 5 : 3) : base.nodes;
  const r = runSimulation(realRaft, { ...base, seed, nodes });
  done++;
  for (const [k, v] of Object.entries(r.stats)) if (typeof v === 'number') totals.set(k, (totals.get(k) ?? 0) + v);
  livenessTicksMax = Math.max(livenessTicksMax, r.stats.livenessTicks ?? 0);
  if (!r.ok) {
    failures.push(r);
    console.log(formatResult(r));
    if (failures.length >= maxFailures) break;
  }
  const now = performance.now();
  if (now - lastReport > 5000) {
    lastReport = now;
    const rate = done / ((now - began) / 1000);
    console.log(`${done}/${seeds} seeds, ${failures.length} failed, ${rate.toFixed(1)} seeds/s`);
  }
}

const secs = (performance.now() - began) / 1000;
console.log(`\n${done} seeds in ${secs.toFixed(1)} s (${(done / secs).toFixed(1)} seeds/s), ${failures.length} failed`);
console.log(
  'totals:',
  [...totals].map(([k, v]) => `${k}=${v}`).join(' '),
  `livenessTicksMax=${livenessTicksMax}`,
);
const byCheck = new Map<string, number>();
for (const f of failures) {
  const k = f.violation?.check ?? 'threw';
  byCheck.set(k, (byCheck.get(k) ?? 0) + 1);
}
if (failures.length > 0) {
  console.log('failures by check:', Object.fromEntries(byCheck));
  for (const f of failures) console.log(`  ${f.replay}`);
}
process.exit(failures.length > 0 ? 1 : 0);
