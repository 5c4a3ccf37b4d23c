// Crash safety of the LMDB backend: a child process writes and is killed with SIGKILL; the parent
// reopens the file and checks that batches are all-or-nothing and that the consistent index
// describes exactly the data beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LmdbBackend } from '../../src/storage/backend/lmdb-backend.ts';

const CHILD = join(import.meta.dirname, 'backend-crash-child.ts');
const b = (s: string) => Buffer.from(s, 'latin1');
const str = (u: Uint8Array | undefined) => (u === undefined ? undefined : Buffer.from(u).toString('latin1'));
const ALL = new Uint8Array(0);

/** Runs the child until `killWhen` says so for a stdout line, then SIGKILLs it; returns the lines. */
function runAndKill(args: string[], killWhen: (line: string) => boolean, delayMs = 0): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buf = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        lines.push(line);
        if (!killed && killWhen(line)) {
          killed = true;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(lines);
      else reject(new Error(`child exited ${code}: ${stderr}`));
    });
  });
}

test('a batch not committed before SIGKILL is absent as a whole; the committed one is intact', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-crash-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  await runAndKill([dir, 'pending'], (line) => line === 'ready');

  const be = new LmdbBackend({ dir });
  assert.deepEqual(be.consistentIndex(), { index: 10, term: 1 });
  const pairs = be.range('key', ALL, ALL);
  assert.equal(pairs.length, 100);
  assert.ok(pairs.every((p) => str(p.value) === 'batch A'));
  assert.equal(str(be.get('key', b('a0'))), 'batch A', 'the delete of batch B did not land');
  await be.close();
});

test('SIGKILL at a random moment during a stream of commits leaves whole batches only', async (t) => {
  const perBatch = 3000;
  for (let round = 0; round < 3; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'tsetcd-crash-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    // Kill after a random number of acknowledged batches plus a random few milliseconds, so the
    // kill lands anywhere in filling the next batch or in LMDB's commit of it.
    const after = 2 + Math.floor(Math.random() * 6);
    const delay = Math.random() * 80; // about one batch cycle of the child here
    const lines = await runAndKill([dir, 'loop', String(perBatch)], (line) => Number(line) >= after, delay);
    const acked = Math.max(...lines.map(Number));

    const be = new LmdbBackend({ dir });
    const { index } = be.consistentIndex();
    assert.ok(index >= acked, `consistent index ${index} lost an acknowledged batch ${acked}`);
    assert.equal(str(be.get('meta', b('last'))), String(index));
    const counts = new Map<number, number>();
    be.forEach('key', ALL, ALL, (k) => {
      const batch = Number(str(k)!.split('/')[0]);
      counts.set(batch, (counts.get(batch) ?? 0) + 1);
    });
    for (let batch = 1; batch <= index; batch++) assert.equal(counts.get(batch), perBatch, `batch ${batch}`);
    assert.deepEqual(
      [...counts.keys()].filter((batch) => batch > index),
      [],
      'no key of a batch past the index',
    );
    await be.close();
  }
});
