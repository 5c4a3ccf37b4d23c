// Positive controls on real clusters (controls.ts): each server switch that breaks a guarantee
// (TSETCD_FAILPOINTS in every member) makes a run fail by the check meant to catch it, and the same run
// (same seed, fault and flags) with the switch off passes. A fresh cluster per run. The soak repeats them:
// `npm run robustness -- --control NAME --runs N`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { CONTROLS, type Control } from './controls.ts';
import { formatRun, runOnce } from './run.ts';

const SEED = 1;

for (const [name, control] of Object.entries(CONTROLS) as [string, Control][]) {
  const base = {
    fault: control.fault,
    seed: SEED,
    maxOps: 300,
    clients: 10,
    checkTimeoutMs: 20_000,
    ...(control.extraFlags ? { extraFlags: control.extraFlags } : {}),
    compaction: control.compaction ?? true,
  };
  test(`${name} on, ${control.fault}: caught by ${control.check}`, { timeout: 300_000 }, async () => {
    const r = await runOnce({ ...base, env: { TSETCD_FAILPOINTS: control.failpoints } });
    const summary = formatRun(r);
    console.log(summary.split('\n').slice(0, 12).join('\n'));
    assert.ok(!r.ok, `the control was not caught:\n${summary}`);
    assert.ok(control.caughtBy(r.failures), `caught, but not by ${control.check}:\n${summary}`);
    assert.ok(r.stats.operations! >= 300, JSON.stringify(r.stats));
    if (r.dir) rmSync(r.dir, { recursive: true, force: true });
  });
  test(`${name} off, same seed and fault: passes`, { timeout: 300_000 }, async () => {
    const r = await runOnce(
      control.offFailpoints ? { ...base, env: { TSETCD_FAILPOINTS: control.offFailpoints } } : base,
    );
    console.log(formatRun(r));
    assert.ok(r.ok, formatRun(r));
    assert.ok(r.stats.operations! >= 300 && r.stats.watches! > 0, JSON.stringify(r.stats));
  });
}
