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
before(async () => {
  cluster = await ProcessCluster.start({
    dir: mkdtempSync(join(tmpdir(), 'tsetcd-robustness-failpoints-')),
    extraFlags: SNAPSHOT_FLAGS,
  });
});
after(async () => {
  await cluster.stop();
  if (!failed) rmSync(cluster.opts.dir, { recursive: true, force: true });
});

for (const [k, fault] of FAULTS.entries()) {
  test(`${fault}: linearizable, watches complete, members agree`, { timeout: 120_000 }, async () => {
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
    // The fault really happened: the member crashed at the point, or ran with the slow disk.
    const want = fault.startsWith('crash-')
      ? /exited: SIGKILL at /
      : fault === 'slow-disk-leader'
        ? /is leader/
        : /walFsync=sleep/;
    assert.ok(
      r.faultLog.steps.some((s) => want.test(s)),
      r.faultLog.steps.join('\n'),
    );
  });
}
