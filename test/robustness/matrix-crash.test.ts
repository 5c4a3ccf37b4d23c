// The short fault matrix run by `npm test` (crash faults): SIGKILL of a random member and of the leader (restart on the same data dir), SIGSTOP of the leader for 4 election timeouts.
// Each is a fresh 3-member cluster with small recorded traffic and every check; a failure names the saved
// history, the member logs and the replay command. Longer runs: `npm run robustness -- --runs N`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FaultName } from './faults.ts';
import { formatRun, runOnce } from './run.ts';

const FAULTS: FaultName[] = ['kill', 'kill-leader', 'pause-leader'];

for (const fault of FAULTS) {
  test(`${fault}: linearizable, watches complete, members agree`, { timeout: 60_000 }, async () => {
    const r = await runOnce({ fault, seed: 1, maxOps: 400, clients: 10, checkTimeoutMs: 20_000 });
    console.log(formatRun(r));
    assert.ok(r.ok, formatRun(r));
    assert.ok(r.stats.operations! >= 400 && r.stats.watches! > 0, JSON.stringify(r.stats));
  });
}
