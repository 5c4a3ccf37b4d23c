// bin/node-flags.mjs: the flags a member is started with. They only work on node's command line, so the
// two ways a user starts tsetcd (the bin's #! line, `npm start`) must carry exactly that list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { NODE_FLAGS } from '../../bin/node-flags.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);

test("bin/tsetcd.mjs's #! line and the start script pass NODE_FLAGS to node", () => {
  assert.ok(NODE_FLAGS.length > 0);
  const first = readFileSync(join(REPO, 'bin/tsetcd.mjs'), 'utf8').split('\n')[0];
  assert.equal(first, `#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  assert.equal(pkg.scripts.start, `node ${NODE_FLAGS.join(' ')} bin/tsetcd.mjs`);
  assert.equal(pkg.bin.tsetcd, './bin/tsetcd.mjs');
});

test('the #! line runs: bin/tsetcd.mjs executed directly answers --version', async () => {
  const { stdout } = await run(join(REPO, 'bin/tsetcd.mjs'), ['--version'], { cwd: REPO });
  assert.match(stdout, /^tsetcd Version: /m);
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
