import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Failpoints, FAILPOINTS, parseFailpoints } from './failpoints.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

test('parse: actions, bare switches, off, spaces', () => {
  const t = parseFailpoints(
    ' beforeWalSave=crash@3; walFsync = sleep(50); afterApply=crash; beforeApply=sleep(5)@2; unsafeLocalLinearizableRead;' +
      'unsafeSkipWatchEvent=every(7);afterWalSave=off;;',
  );
  assert.deepEqual(Object.fromEntries(t), {
    beforeWalSave: { kind: 'crash', at: 3 },
    walFsync: { kind: 'sleep', ms: 50, from: 1 },
    afterApply: { kind: 'crash', at: 1 },
    beforeApply: { kind: 'sleep', ms: 5, from: 2 },
    unsafeLocalLinearizableRead: { kind: 'on', every: 1 },
    unsafeSkipWatchEvent: { kind: 'on', every: 7 },
  });
  assert.deepEqual(Object.fromEntries(parseFailpoints('unsafeSkipWatchEvent')), {
    unsafeSkipWatchEvent: { kind: 'on', every: 25 },
  });
  assert.equal(parseFailpoints('').size, 0);
});

test('parse: a typo or a wrong action throws', () => {
  assert.throws(() => parseFailpoints('beforeWalsave=crash'), /unknown failpoint "beforeWalsave"/);
  assert.throws(() => parseFailpoints('beforeWalSave=explode'), /cannot read action "explode"/);
  assert.throws(() => parseFailpoints('beforeWalSave=crash@0'), /positive integer/);
  assert.throws(() => parseFailpoints('beforeWalSave'), /takes crash or sleep/);
  assert.throws(() => parseFailpoints('unsafeAckBeforeWalSave=crash'), /is a switch/);
});

test('crash@N fires at the Nth hit only; sleep blocks; every(N) is on at every Nth hit', () => {
  const fp = new Failpoints(
    parseFailpoints('beforeApply=crash@3;walFsync=sleep(30)@2;unsafeSkipWatchEvent=every(3)'),
  );
  const crashes: string[] = [];
  fp.crash = (name, hit) => crashes.push(`${name}#${hit}`);
  for (let i = 0; i < 5; i++) fp.hit('beforeApply');
  assert.deepEqual(crashes, ['beforeApply#3']);
  fp.hit('afterApply'); // not set: nothing, not counted
  assert.equal(fp.hitCount('afterApply'), 0);
  let t = performance.now();
  fp.hit('walFsync'); // first hit: no sleep yet
  const first = performance.now() - t;
  t = performance.now();
  fp.hit('walFsync');
  const second = performance.now() - t;
  assert.ok(second >= 25, `second hit slept ${second} ms`); // a lower bound (the sleep itself), not a speed
  assert.ok(first < second, `${first} < ${second}`);
  const on = Array.from({ length: 7 }, () => fp.on('unsafeSkipWatchEvent'));
  assert.deepEqual(on, [false, false, true, false, false, true, false]);
  assert.equal(fp.on('unsafeLocalLinearizableRead'), false);
});

test('unset: FAILPOINTS is false in this process', () => {
  assert.equal(process.env.TSETCD_FAILPOINTS, undefined);
  assert.equal(FAILPOINTS, false);
});

test('a process with crash@3 SIGKILLs itself at the third hit, after a loud warning', () => {
  const script =
    "import { failpoint, FAILPOINTS } from './src/server/failpoints.ts';" +
    "console.log('on', FAILPOINTS); for (let i = 1; i <= 5; i++) { failpoint('afterWalSave'); console.log('passed', i); }";
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TSETCD_FAILPOINTS: 'afterWalSave=crash@3' },
    encoding: 'utf8',
  });
  assert.equal(r.signal, 'SIGKILL', r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n'), ['on true', 'passed 1', 'passed 2']);
  assert.match(r.stderr, /failpoints are ACTIVE/);
  assert.match(r.stderr, /failpoint afterWalSave: crash at hit 3/);
});

test('a bad TSETCD_FAILPOINTS stops the process at start', () => {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "import './src/server/failpoints.ts';"],
    { cwd: ROOT, env: { ...process.env, TSETCD_FAILPOINTS: 'beforeWalSave=crsh' }, encoding: 'utf8' },
  );
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /cannot read action "crsh"/);
});

test('powerLoss: SIGUSR2 cuts the WAL back to its last fdatasync, then SIGKILLs the process', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { WAL } = await import('../storage/wal/wal.ts');
  const dir = join(mkdtempSync(join(tmpdir(), 'fp-powerloss-')), 'wal');
  try {
    const script =
      "import { WAL } from './src/storage/wal/wal.ts'; import { watchPowerLoss } from './src/server/failpoints.ts';" +
      `const w = WAL.create(${JSON.stringify(dir)}, Buffer.from('m'), { segmentBytes: 1 << 20 });` +
      'const e = (i) => ({ term: 1, index: i, type: 0, data: Buffer.alloc(30, i) }); watchPowerLoss(() => w.durableTail);' +
      'w.save(undefined, [e(1), e(2)], true);' +
      "w.saveAsync(undefined, [e(3)], true, () => { w.save(undefined, [e(4), e(5)], false); console.log('written');" +
      "process.kill(process.pid, 'SIGUSR2'); setTimeout(() => console.log('still alive'), 2000); });";
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TSETCD_FAILPOINTS: 'powerLoss' },
      encoding: 'utf8',
    });
    assert.equal(r.signal, 'SIGKILL', r.stderr);
    assert.equal(r.stdout.trim(), 'written');
    assert.match(
      r.stderr,
      /failpoint powerLoss: SIGUSR2; power cut: \S+\.wal cut back to \d+ \(synced\), [1-9]\d* unsynced bytes lost/,
    );
    const w = WAL.open(dir, { index: 0, term: 0 });
    assert.deepEqual(
      w.readAll().entries.map((x) => x.index),
      [1, 2, 3],
    );
    w.close();
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
});

test('walFsync=sleep(MS) on the async WAL path delays the fdatasync completion, not the event loop', () => {
  const script =
    "import { slowFsync } from './src/server/failpoints.ts'; const t0 = performance.now(); let turns = 0;" +
    'const spin = () => { turns++; if (turns < 1e6) setImmediate(spin); }; setImmediate(spin);' +
    'const done = slowFsync((err) => { console.log(JSON.stringify({ err, ms: performance.now() - t0, turns })); process.exit(0); });' +
    "setImmediate(() => done('x'));";
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TSETCD_FAILPOINTS: 'walFsync=sleep(200)' },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim()) as { err: string; ms: number; turns: number };
  assert.equal(out.err, 'x'); // the completion's arguments pass through
  assert.ok(out.ms >= 190, `completed after ${out.ms} ms`); // the delay's lower bound, not a speed
  // While the completion waited, the loop kept turning (a synchronous sleep would allow a couple of turns).
  assert.ok(out.turns > 10, `${out.turns} loop turns meanwhile`);
});
