// The purity rule for src/raft (no I/O, clock, randomness or outside imports) is enforced by eslint;
// this proves the rule fires on each kind of violation and stays quiet on legal code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function problems(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'src/raft/zz-purity-probe.ts' });
  return result!.messages.filter((m) => m.severity === 2).map((m) => m.message);
}

test('src/raft may not import node modules, packages, or files outside raft and the pure api modules', async () => {
  for (const spec of [
    'node:fs',
    'fs',
    'long',
    '../server/etcd-server.ts',
    './../http/server.ts',
    '../api/../storage/wal/wal.ts',
    '../api/errors.ts',
  ]) {
    const p = await problems(`import x from '${spec}';\nexport const y = x;\n`);
    assert.ok(
      p.some((m) => m.includes('src/raft must stay pure')),
      `${spec} should be refused: ${p.join(' | ')}`,
    );
  }
  assert.deepEqual(
    await problems(
      `import { x } from './log.ts';\nimport type { Entry } from '../api/raft-types.ts';\nimport { encodeEntry } from '../api/raft-codec.ts';\nexport const y: Entry[] = [x, encodeEntry] as never;\n`,
    ),
    [],
  );
});

test('src/raft may not use timers, clocks, randomness, promises or dynamic imports', async () => {
  const cases: Record<string, string> = {
    setTimeout: 'setTimeout(() => {}, 1);',
    'Date.now': 'export const t = Date.now();',
    performance: 'export const t = performance.now();',
    'Math.random': 'export const r = Math.random();',
    Promise: 'export const p = Promise.resolve(1);',
    async: 'export async function f() {}',
    'dynamic import': "export const m = import('./log.ts');",
    globalThis: 'export const d = globalThis.Date;',
    process: 'export const e = process.env;',
  };
  for (const [what, code] of Object.entries(cases)) {
    const p = await problems(code);
    assert.ok(p.length > 0, `${what} should be refused`);
  }
});
