// Positive controls on real clusters (controls.ts): each server switch that breaks a guarantee
// (TSETCD_FAILPOINTS in every member) makes a run fail by the check meant to catch it, and the same run
// (same seed, fault and flags) with the switch off passes. A fresh cluster per run. The soak repeats them:
// `npm run robustness -- --control NAME --runs N`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { CONTROLS, type Control } from './controls.ts';
import { formatRun, runOnce } from './run.ts';

/** Seeds tried in turn until the control is caught: a run only catches a bug whose window the traffic hits. */
const SEEDS = [1, 2, 3];

for (const [name, control] of Object.entries(CONTROLS) as [string, Control][]) {
  const base = {
    fault: control.fault,
    maxOps: 300,
    clients: 10,
    checkTimeoutMs: 20_000,
    ...(control.extraFlags ? { extraFlags: control.extraFlags } : {}),
    compaction: control.compaction ?? true,
  };
  let caughtSeed = SEEDS[0]!;
  test(`${name} on, ${control.fault}: caught by ${control.check}`, { timeout: 900_000 }, async () => {
    const missed: string[] = [];
    for (const seed of SEEDS) {
      const r = await runOnce({ ...base, seed, env: { TSETCD_FAILPOINTS: control.failpoints } });
      const summary = formatRun(r);
      console.log(summary.split('\n').slice(0, 12).join('\n'));
      if (r.failures.some((f) => f.startsWith('run aborted:'))) {
        // The harness stopped before its checks (an unexpected error from the deliberately broken server):
        // neither caught nor missed. Seen once in CI with unsafeLocalLinearizableRead: the final full read
        // answered "required revision has been compacted". Try the next seed; all seeds aborting fails.
        missed.push(summary);
        continue;
      }
      assert.ok(r.stats.operations! >= 300, JSON.stringify(r.stats));
      if (r.ok) {
        missed.push(summary);
        continue;
      }
      assert.ok(control.caughtBy(r.failures), `caught, but not by ${control.check}:\n${summary}`);
      if (r.dir) rmSync(r.dir, { recursive: true, force: true });
      caughtSeed = seed;
      return;
    }
    assert.fail(`the control was not caught in ${SEEDS.length} runs:\n${missed.join('\n')}`);
  });
  test(`${name} off, same seed and fault as the caught run: passes`, { timeout: 300_000 }, async () => {
    const r = await runOnce(
      control.offFailpoints
        ? { ...base, seed: caughtSeed, env: { TSETCD_FAILPOINTS: control.offFailpoints } }
        : { ...base, seed: caughtSeed },
    );
    console.log(formatRun(r));
    assert.ok(r.ok, formatRun(r));
    assert.ok(r.stats.operations! >= 300 && r.stats.watches! > 0, JSON.stringify(r.stats));
  });
}
