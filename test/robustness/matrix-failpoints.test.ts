// The short failpoint matrix run by `npm test`: a member crashes at each named point of its loop (before /
// after the WAL save, before / after applying, between a raft snapshot file and its WAL marker) through
// TSETCD_FAILPOINTS, restarts on the same data dir, and the history still passes every check with equal
// HashKVs; then a slow disk (every WAL fdatasync delayed) on a follower and on the leader. One cluster
// (snapshots every 40 entries) serves the faults in turn, each under a fresh key prefix. Longer:
// `npm run robustness -- --fault crash-before-apply,slow-disk-leader --runs N`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessCluster } from './cluster.ts';
import { SNAPSHOT_FLAGS, type FaultName } from './faults.ts';
import { formatRun, runOnce } from './run.ts';

const FAULTS: FaultName[] = [
  'crash-before-wal-save',
  'crash-after-wal-save',
  'crash-before-apply',
  'crash-after-apply',
  'crash-in-snapshot',
  'slow-disk',
  'slow-disk-leader',
];

let cluster: ProcessCluster;
let failed = false;
const start = (): Promise<ProcessCluster> =>
  ProcessCluster.start({
    dir: mkdtempSync(join(tmpdir(), 'tsetcd-robustness-failpoints-')),
    extraFlags: SNAPSHOT_FLAGS,
  });
before(async () => {
  cluster = await start();
});
after(async () => {
  await cluster.stop();
  if (!failed) rmSync(cluster.opts.dir, { recursive: true, force: true });
});

/**
 * Each fault starts from a healthy cluster: if an earlier fault left it unhealthy (that test has failed and
 * its directory is kept), a fresh cluster takes over so the failure does not cascade into the next faults.
 */
async function healthyCluster(): Promise<void> {
  try {
    await cluster.waitHealthy(30_000);
  } catch (e) {
    console.log(`cluster unhealthy before the next fault, starting a fresh one: ${(e as Error).message}`);
    await cluster.stop();
    if (!failed) rmSync(cluster.opts.dir, { recursive: true, force: true });
    cluster = await start();
  }
}

// Per test: a restart with the failpoint, up to 30 s for the crash, two waits for health of up to 30 s,
// traffic, settling and 20 s of checks; generous for a loaded machine.
for (const [k, fault] of FAULTS.entries()) {
  test(`${fault}: linearizable, watches complete, members agree`, { timeout: 300_000 }, async () => {
    await healthyCluster();
    const r = await runOnce({
      fault,
      seed: 1 + k, // a different member for each fault
      maxOps: 300,
      clients: 10,
      checkTimeoutMs: 20_000,
      cluster,
      keyPrefix: `${fault}/`,
    });
    console.log(formatRun(r));
    failed ||= !r.ok;
    assert.ok(r.ok, formatRun(r));
    assert.ok(r.stats.operations! >= 300 && r.stats.watches! > 0, JSON.stringify(r.stats));
    // The fault really happened: the member crashed at the point, or its log has the slow disk's first
    // sleep (written by the failpoint itself), and for slow-disk-leader it was made leader.
    const want = fault.startsWith('crash-')
      ? [/exited: SIGKILL at /]
      : fault === 'slow-disk-leader'
        ? [/ is leader$/, /logged its first walFsync sleep$/]
        : [/logged its first walFsync sleep$/];
    for (const re of want)
      assert.ok(
        r.faultLog.steps.some((s) => re.test(s)),
        `${re}:\n${r.faultLog.steps.join('\n')}`,
      );
  });
}
