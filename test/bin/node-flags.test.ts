// bin/node-flags.mjs: the flags a member is started with. They only work on node's command line, so the
// two ways a user starts tsetcd (the bin's #! line, `npm start`) must carry exactly that list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';
import { singleMemberFlags, tempDir } from '../server/tsetcd-process.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

test("bin/tsetcd.mjs's #! line and the start script pass NODE_FLAGS to node", () => {
  assert.ok(NODE_FLAGS.length > 0);
  // Line 1 runs the file with sh (`env -S` is not in BusyBox); line 2 is sh's exec and, to node, a comment.
  const [first, second] = readFileSync(join(REPO, 'bin/tsetcd.mjs'), 'utf8').split('\n');
  assert.equal(first, '#!/bin/sh');
  assert.equal(
    second,
    '//usr/bin/env true; exec node ${TSETCD_NODE_FLAGS-' + NODE_FLAGS.join(' ') + '} "$0" "$@"',
  );
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.start, `node ${NODE_FLAGS.join(' ')} bin/tsetcd.mjs`);
  assert.equal(pkg.bin.tsetcd, './bin/tsetcd.mjs');
});

/** Starts bin/tsetcd.mjs as a user would, with `env` added, and returns the node flags its start line logs. */
async function loggedNodeFlags(env: Record<string, string>): Promise<string[]> {
  const dir = tempDir('tsetcd-flags-');
  const flags = await singleMemberFlags(dir);
  const childEnv = { ...process.env, ...env };
  if (!('TSETCD_NODE_FLAGS' in env)) delete childEnv['TSETCD_NODE_FLAGS'];
  const child = spawn(
    join(REPO, 'bin/tsetcd.mjs'),
    Object.entries(flags).map(([k, v]) => `--${k}=${v}`),
    { cwd: REPO, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  try {
    const deadline = Date.now() + 60_000; // a stale dist/ means tsx compiling on a loaded machine
    while (!log.includes('"msg":"starting tsetcd"')) {
      assert.ok(Date.now() < deadline, `no start line: ${log}`);
      assert.equal(child.exitCode, null, `the member exited: ${log}`);
      await sleep(50);
    }
    const start = log.split('\n').find((l) => l.includes('"msg":"starting tsetcd"'))!;
    return (JSON.parse(start) as { 'node-flags': string[] })['node-flags'];
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited; // before removing the data dir it may still be writing
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

test('bin/tsetcd.mjs executed directly runs node with NODE_FLAGS (the member logs them at start)', async () => {
  const { stdout } = await run(join(REPO, 'bin/tsetcd.mjs'), ['--version'], { cwd: REPO });
  assert.match(stdout, /^tsetcd Version: /m);
  assert.deepEqual(await loggedNodeFlags({}), NODE_FLAGS);
});

test('TSETCD_NODE_FLAGS replaces the node flags of bin/tsetcd.mjs', async () => {
  assert.deepEqual(
    await loggedNodeFlags({ TSETCD_NODE_FLAGS: '--v8-pool-size=2 --max-semi-space-size=32' }),
    ['--v8-pool-size=2', '--max-semi-space-size=32'],
  );
  assert.deepEqual(await loggedNodeFlags({ TSETCD_NODE_FLAGS: '' }), []);
});

test('--min-semi-space-size sizes the young generation only when given at start, not when set later', async () => {
  const flag = NODE_FLAGS.find((f) => f.startsWith('--min-semi-space-size='));
  assert.ok(flag, 'NODE_FLAGS sets the young generation size');
  const mib = Number(flag.split('=')[1]);
  const probe = (setLater: boolean) =>
    "const v8 = require('node:v8');" +
    (setLater ? `v8.setFlagsFromString('${flag}');` : '') +
    "console.log(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);";
  const atStart = Number((await run(process.execPath, [flag, '-e', probe(false)])).stdout);
  const later = Number((await run(process.execPath, ['-e', probe(true)])).stdout);
  assert.ok(atStart >= mib * 1024 * 1024, `new space ${atStart} bytes with ${flag} on the command line`);
  assert.ok(later < atStart, `set at run time it does nothing: ${later} bytes`);
});

test('--v8-pool-size sets how many V8 background threads node starts', async (t) => {
  const flag = NODE_FLAGS.find((f) => f.startsWith('--v8-pool-size='));
  assert.ok(flag, 'NODE_FLAGS sets the V8 thread pool size');
  if (process.platform !== 'linux') return t.skip('threads are counted in /proc');
  const threads = async (args: string[]) =>
    Number(
      (
        await run(process.execPath, [
          ...args,
          '-e',
          "console.log(require('fs').readdirSync('/proc/self/task').length)",
        ])
      ).stdout,
    );
  const size = Number(flag.split('=')[1]);
  const withFlag = await threads([flag]);
  const withTwoMore = await threads([`--v8-pool-size=${size + 2}`]);
  assert.equal(withTwoMore - withFlag, 2, `${withFlag} threads with ${flag}, ${withTwoMore} with two more`);
});
