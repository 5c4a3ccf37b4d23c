import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GLOBAL_FLAGS } from '../cli.ts';
import { ROOT } from '../root.ts';
import { complete } from './completion.ts';

const c = (...words: string[]): string[] => complete(ROOT, GLOBAL_FLAGS, words);

describe('completion candidates', () => {
  it('commands and subcommands by prefix, hidden ones never', () => {
    assert.deepEqual(c('le'), ['lease']);
    assert.deepEqual(c('lease', 'k'), ['keep-alive']);
    assert.ok(c('').includes('snapshot') && !c('').some((x) => x.startsWith('__')));
    assert.deepEqual(c('get', 'foo', ''), []);
  });

  it("flags of the command and the global ones; a flag's value is skipped or completed", () => {
    assert.deepEqual(c('watch', '--pre'), ['--prefix', '--prev-kv']);
    assert.ok(c('--end').includes('--endpoints'));
    assert.deepEqual(c('get', '--sort-by', 'MO'), ['MODIFY']);
    assert.deepEqual(c('--write-out', 'js'), ['json']);
    assert.deepEqual(c('--endpoints', 'a:1', 'snap'), ['snapshot']);
    assert.deepEqual(c('-w', 'json', 'member', 'l'), ['list']);
    assert.deepEqual(c('endpoint', 'status', '--cl'), ['--cluster']);
    assert.deepEqual(c('endpoint', '--cl'), ['--cluster']);
  });
});
