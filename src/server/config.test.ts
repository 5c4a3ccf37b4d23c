import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_QUOTA_BYTES, loadConfig } from './config.ts';
import { FlagError, parseDuration, usage } from './flags.ts';

function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = loadConfig(argv, env);
  assert.equal(out.kind, 'run');
  if (out.kind !== 'run') throw new Error('unreachable');
  return out;
}

test("defaults match etcd's", () => {
  const { config: c } = run([]);
  assert.equal(c.name, 'default');
  assert.equal(c.dataDir, 'default.etcd');
  assert.equal(c.heartbeatMs, 100);
  assert.equal(c.electionMs, 1000);
  assert.equal(c.snapshotCount, 100000);
  assert.deepEqual(c.listenClientUrls.map(String), ['http://localhost:2379/']);
  assert.deepEqual(c.listenPeerUrls.map(String), ['http://localhost:2380/']);
  assert.deepEqual([...c.initialCluster.keys()], ['default']);
  assert.equal(c.initialClusterState, 'new');
  assert.equal(c.initialClusterToken, 'etcd-cluster');
  assert.equal(c.maxTxnOps, 128);
  assert.equal(c.maxRequestBytes, 1572864);
  assert.equal(c.quotaBackendBytes, DEFAULT_QUOTA_BYTES);
  assert.equal(c.strictReconfigCheck, true);
  assert.equal(c.preVote, false);
});

test('the data dir follows the name; single and double dashes, = and separate words all work', () => {
  const { config: c } = run(['-name', 'infra1', '--snapshot-count=5', '--pre-vote', '-enable-v2=false']);
  assert.equal(c.name, 'infra1');
  assert.equal(c.dataDir, 'infra1.etcd');
  assert.equal(c.snapshotCount, 5);
  assert.equal(c.preVote, true);
  assert.equal(c.enableV2, false);
  assert.deepEqual([...c.initialCluster.keys()], ['infra1']);
});

test('ETCD_* variables set flags; a command-line flag wins and the conflict is reported', () => {
  const env = { ETCD_NAME: 'from-env', ETCD_SNAPSHOT_COUNT: '7', ETCD_BOGUS: 'x' };
  const a = run([], env);
  assert.equal(a.config.name, 'from-env');
  assert.equal(a.config.snapshotCount, 7);
  assert.ok(a.warnings.some((w) => w.includes('unrecognized environment variable ETCD_BOGUS=x')));
  const b = run(['--name', 'from-flag'], env);
  assert.equal(b.config.name, 'from-flag');
  assert.ok(b.warnings.some((w) => w.includes('ETCD_NAME is shadowed')));
});

test("bad flags fail with etcd's wording", () => {
  assert.throws(() => loadConfig(['--bogus'], {}), {
    name: 'FlagError',
    message: 'flag provided but not defined: -bogus',
  });
  assert.throws(() => loadConfig(['--heartbeat-interval', 'abc'], {}), {
    message: 'invalid value "abc" for flag -heartbeat-interval: parse error',
  });
  assert.throws(() => loadConfig(['--election-timeout', '50'], {}), {
    message: '--election-timeout[50ms] should be at least as 5 times as --heartbeat-interval[100ms]',
  });
  assert.throws(
    () => loadConfig(['--election-timeout', '60000', '--heartbeat-interval', '100'], {}),
    /too long/,
  );
  assert.throws(() => loadConfig(['--name'], {}), { message: 'flag needs an argument: -name' });
  assert.throws(() => loadConfig(['--initial-cluster-state', 'maybe'], {}), /valid values are new, existing/);
  assert.throws(
    () => loadConfig(['--listen-client-urls', 'ftp://x:1', '--advertise-client-urls', 'http://x:1'], {}),
    /scheme/,
  );
  assert.throws(
    () => loadConfig(['--listen-client-urls', 'http://127.0.0.1:1'], {}),
    /advertise-client-urls is required/,
  );
  assert.throws(
    () => loadConfig(['--initial-cluster', 'a=http://x:1', '--discovery-srv', 'example.com'], {}),
    /multiple discovery/,
  );
  assert.throws(() => loadConfig(['--initial-cluster', 'nourl'], {}), FlagError);
});

test('--help and --version', () => {
  assert.deepEqual(loadConfig(['-h'], {}), { kind: 'help' });
  assert.deepEqual(loadConfig(['--version'], {}), { kind: 'version' });
  const text = usage();
  for (const g of [
    'Member:',
    'Clustering:',
    'Security:',
    'Logging:',
    '--listen-client-urls',
    '--initial-cluster-state',
  ]) {
    assert.ok(text.includes(g), g);
  }
});

test('a YAML config file replaces flags and environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-cfg-'));
  const file = join(dir, 'etcd.yaml');
  writeFileSync(
    file,
    [
      'name: yaml-member',
      'heartbeat-interval: 50',
      'election-timeout: 500',
      'initial-cluster: a=http://127.0.0.1:1,b=http://127.0.0.1:2,b=http://127.0.0.1:3',
      'initial-cluster-state: existing',
      'auto-compaction-retention: "1h30m"',
    ].join('\n'),
  );
  const { config: c } = run(['--config-file', file, '--name', 'ignored'], { ETCD_NAME: 'ignored-too' });
  assert.equal(c.name, 'yaml-member');
  assert.equal(c.heartbeatMs, 50);
  assert.equal(c.initialClusterState, 'existing');
  assert.deepEqual(
    c.initialCluster.get('b')?.map((u) => u.port),
    ['2', '3'],
  );
  assert.equal(c.autoCompactionRetention, 90 * 60_000);
  writeFileSync(file, 'heartbeat-interval: fast\n');
  assert.throws(() => loadConfig(['--config-file', file], {}), /invalid value "fast" for heartbeat-interval/);
});

test('durations and compaction retention parse like Go', () => {
  assert.equal(parseDuration('1h2m3s'), 3_723_000);
  assert.equal(parseDuration('1.5s'), 1500);
  assert.equal(parseDuration('250ms'), 250);
  assert.throws(() => parseDuration('5'), FlagError);
  assert.equal(run(['--auto-compaction-retention', '2']).config.autoCompactionRetention, 7_200_000);
  const rev = run(['--auto-compaction-mode', 'revision', '--auto-compaction-retention', '1000']).config;
  assert.equal(rev.autoCompactionRetention, 1000);
});
