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
