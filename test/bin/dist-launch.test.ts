// bin/dist.mjs: a command runs the compiled dist/ only while its build stamp matches the sources, and the
// TypeScript sources (through tsx) otherwise. Exercised end to end in a small throwaway repo that holds copies
// of the real bin/dist.mjs and scripts/build.mjs, the real tsconfig files and a one-file src/, so the real
// build (tsc) stamps it and real node processes choose between the two.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  appendFileSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

function run(cwd: string, args: string[], env: Record<string, string> = {}): Promise<Out> {
  return new Promise((res) => {
    execFile(
      process.execPath,
      args,
      { cwd, env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 120_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        res({ code, stdout: stdout.trim(), stderr });
      },
    );
  });
}

function makeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'tsetcd-launch-'));
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'scripts'));
  cpSync(join(REPO, 'bin/dist.mjs'), join(root, 'bin/dist.mjs'));
  cpSync(join(REPO, 'scripts/build.mjs'), join(root, 'scripts/build.mjs'));
  cpSync(join(REPO, 'tsconfig.json'), join(root, 'tsconfig.json'));
  cpSync(join(REPO, 'tsconfig.build.json'), join(root, 'tsconfig.build.json'));
  cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  // what the build copies besides tsc's output
  mkdirSync(join(root, 'src/api/gen'), { recursive: true });
  mkdirSync(join(root, 'src/api/proto'), { recursive: true });
  writeFileSync(join(root, 'src/api/gen/x.js'), 'export const x = 1;\n');
  writeFileSync(join(root, 'src/api/proto/x.proto'), 'syntax = "proto3";\n');
  mkdirSync(join(root, 'src/cmd'));
  // Which code ran: import.meta.url ends in .js under dist/ and in .ts under src/.
  writeFileSync(
    join(root, 'src/cmd/which.ts'),
    "const kind: string = import.meta.url.endsWith('.ts') ? 'src' : 'dist';\nconsole.log(kind);\n",
  );
  writeFileSync(
    join(root, 'bin/which.mjs'),
    "import { launch } from './dist.mjs';\nawait launch('cmd/which.js', 'src/cmd/which.ts');\n",
  );
  return root;
}

test('bin launcher: dist/ while its stamp matches src/, the sources otherwise', async (t) => {
  const root = makeRepo();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const which = (env: Record<string, string> = {}) => run(root, ['bin/which.mjs'], env);

  // not built yet: the sources, and TSETCD_RUN=dist refuses
  assert.equal((await which()).stdout, 'src');
  const refused = await which({ TSETCD_RUN: 'dist' });
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /dist\/ is not built/);

  const built = await run(root, ['scripts/build.mjs']);
  assert.equal(built.code, 0, built.stderr + built.stdout);
  assert.match(built.stdout, /^built dist\/$/m);
  assert.equal((await which()).stdout, 'dist');
  assert.equal((await which({ TSETCD_RUN: 'dist' })).stdout, 'dist');
  assert.equal((await which({ TSETCD_RUN: 'src' })).stdout, 'src');

  // a test file is not part of the build: still fresh
  writeFileSync(join(root, 'src/cmd/which.test.ts'), '// a test\n');
  assert.equal((await which()).stdout, 'dist');

  // an edited source: stale
  appendFileSync(join(root, 'src/cmd/which.ts'), '// edited\n');
  assert.equal((await which()).stdout, 'src');
  const stale = await which({ TSETCD_RUN: 'dist' });
  assert.equal(stale.code, 2);
  assert.match(stale.stderr, /older than src/);

  // rebuilt, then a new source file: stale again; removed again: fresh again
  assert.equal((await run(root, ['scripts/build.mjs'])).code, 0);
  assert.equal((await which()).stdout, 'dist');
  writeFileSync(join(root, 'src/cmd/extra.ts'), 'export const y = 2;\n');
  assert.equal((await which()).stdout, 'src');
  unlinkSync(join(root, 'src/cmd/extra.ts'));
  assert.equal((await which()).stdout, 'dist');

  // a changed compiler setting: stale
  appendFileSync(join(root, 'tsconfig.build.json'), '\n');
  assert.equal((await which()).stdout, 'src');
});

test('bin launcher: a failed build leaves no stamped dist/ behind', async (t) => {
  const root = makeRepo();
  t.after(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'src/cmd/broken.ts'), 'export const n: number = "not a number";\n');
  const built = await run(root, ['scripts/build.mjs']);
  assert.notEqual(built.code, 0);
  assert.equal((await run(root, ['bin/which.mjs'])).stdout, 'src');
});
