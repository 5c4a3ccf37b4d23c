// The short fault matrix run by `npm test` (crash faults): SIGKILL of a random member and of the leader (restart on the same data dir), SIGSTOP of the leader for 4 election timeouts.
// One 3-member cluster serves the file's faults in turn, each under a fresh key prefix, with small
// recorded traffic and every check; a failure names the saved history, the member logs and the replay
// command (the cluster's directory is then kept). Longer runs, a fresh cluster each:
// `npm run robustness -- --runs N`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessCluster } from './cluster.ts';
import type { FaultName } from './faults.ts';
import { formatRun, runOnce } from './run.ts';

const FAULTS: FaultName[] = ['kill', 'kill-leader', 'pause-leader'];

let cluster: ProcessCluster;
let failed = false;
before(async () => {
  cluster = await ProcessCluster.start({ dir: mkdtempSync(join(tmpdir(), 'tsetcd-robustness-matrix-')) });
});
after(async () => {
  await cluster.stop();
  if (!failed) rmSync(cluster.opts.dir, { recursive: true, force: true });
});

for (const fault of FAULTS) {
  test(`${fault}: linearizable, watches complete, members agree`, { timeout: 60_000 }, async () => {
    const r = await runOnce({
      fault,
      seed: 1,
      maxOps: 400,
      clients: 10,
      checkTimeoutMs: 20_000,
      cluster,
      keyPrefix: `${fault}/`,
    });
    console.log(formatRun(r));
    failed ||= !r.ok;
    assert.ok(r.ok, formatRun(r));
    assert.ok(r.stats.operations! >= 400 && r.stats.watches! > 0, JSON.stringify(r.stats));
    // Every peer connection was traced, so the proxy's rules applied to all of them (an untraced one is
    // relayed whatever the fault says: the fault would have been weaker than intended).
    assert.equal(r.stats.untracedPeerConnections, 0, formatRun(r));
    if (fault === 'pause-leader')
      // The fault did what it is for: the others elected a new leader at a higher term meanwhile.
      assert.ok(
        r.faultLog.steps.some((s) => / leader changed: /.test(s)),
        r.faultLog.steps.join('\n'),
      );
  });
}
