// Positive controls at the history level: a real recorded history (fixtures/, recorded by
// record-fixture.ts from a 3-member cluster with the leader killed mid-run) passes every check, and each
// doctored copy — what a server bug would have produced — is caught by the check meant for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EtcdResponse, KeyValue } from '../../src/linearizability/index.ts';
import { checkRun, loadJson } from './checks.ts';
import type { RecordedRun, WatchEvent } from './traffic.ts';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/kill-leader-history.json');
const load = (): RecordedRun => loadJson(readFileSync(FIXTURE, 'utf8'));
type Known = Extract<EtcdResponse, { results: unknown }>;

/** Plain single-key reads that returned a key, with the op index. */
function keyReads(run: RecordedRun): { i: number; kv: KeyValue }[] {
  const out: { i: number; kv: KeyValue }[] = [];
  run.ops.forEach((op, i) => {
    const o = op.output as Known | undefined;
    if (op.input.type !== 'range' || op.input.end !== undefined || o === undefined || !('results' in o))
      return;
    const r = o.results[0];
    if (r?.type === 'range' && r.kvs[0] !== undefined) out.push({ i, kv: r.kvs[0] });
  });
  return out;
}

function withReadKv(run: RecordedRun, i: number, kv: KeyValue): void {
  const op = run.ops[i]!;
  const o = op.output as Known;
  run.ops[i] = { ...op, output: { ...o, results: [{ type: 'range', kvs: [kv] }] } };
}

const dropEvent = (run: RecordedRun, pred: (e: WatchEvent) => boolean): void => {
  for (const w of [run.reference, ...run.watches]) w.events = w.events.filter((e) => !pred(e));
};

test('the recorded history passes every check', () => {
  const out = checkRun(load());
  assert.deepEqual(out.failures, []);
  assert.equal(out.verdict, 'ok');
  assert.ok(
    out.stats.operations! >= 500 && out.stats.watches! > 0 && out.stats.revokedLeases! > 0,
    JSON.stringify(out.stats),
  );
});

test('a stale read (a linearizable read served from a lagging member) is caught', () => {
  const run = load();
  // A read of version n whose write returned before the read was called, turned into a read of
  // version n-1: what a member answering locally without ReadIndex could return.
  const writeReturn = new Map<string, number>();
  for (const op of run.ops)
    if (op.output !== undefined && op.input.type === 'put') writeReturn.set(op.input.value, op.return);
  const victim = keyReads(run).find(({ i, kv }) => {
    const w = writeReturn.get(kv.value);
    return kv.version >= 2 && w !== undefined && w < run.ops[i]!.call;
  });
  assert.ok(victim, 'the fixture has a read after its write returned');
  const older = run.reference.events.find(
    (e) => e.key === victim.kv.key && e.version === victim.kv.version - 1 && e.create === victim.kv.create,
  );
  assert.ok(older);
  withReadKv(run, victim.i, {
    key: older.key,
    value: older.value,
    version: older.version,
    mod: older.mod,
    create: older.create,
    lease: older.lease,
  });
  const out = checkRun(run);
  assert.equal(out.verdict, 'illegal');
  assert.match(out.report, /none of these can come next/);
});

test('a read value altered is caught', () => {
  const run = load();
  const victim = keyReads(run)[3]!;
  withReadKv(run, victim.i, { ...victim.kv, value: 'never-written' });
  const out = checkRun(run);
  assert.equal(out.verdict, 'illegal');
  assert.ok(
    out.failures.some((f) => /^read at rev/.test(f)),
    out.failures.join('\n'),
  );
});

test('an acknowledged write that is lost (acknowledged before fsync, then a crash) is caught', () => {
  const run = load();
  const acked = run.ops.find(
    (op) => op.output !== undefined && !('error' in op.output) && op.input.type === 'put',
  );
  assert.ok(acked && acked.input.type === 'put');
  const value = acked.input.value;
  dropEvent(run, (e) => e.value === value && e.type === 'put');
  const out = checkRun(run);
  assert.ok(
    out.failures.some((f) =>
      f.startsWith(
        `acknowledged write missing: put ${acked.input.type === 'put' ? acked.input.key : ''}=${value}`,
      ),
    ),
    out.failures.join('\n'),
  );
});

test('a watch event skipped is caught', () => {
  const run = load();
  const w = run.watches.find((x) => x.events.length >= 3 && x.compactRevision === undefined);
  assert.ok(w);
  w.events.splice(1, 1);
  const out = checkRun(run);
  assert.ok(
    out.failures.some((f) => f.startsWith(`watch ${w.key}`) && f.includes('event 1 is')),
    out.failures.join('\n'),
  );
  assert.equal(out.verdict, 'ok', 'the client history itself is still linearizable');
});

test('a watch event delivered twice or out of order is caught', () => {
  const run = load();
  const w = run.watches.find((x) => x.events.length >= 3 && x.compactRevision === undefined)!;
  const twice = structuredClone(run);
  const tw = twice.watches[run.watches.indexOf(w)]!;
  tw.events.splice(1, 0, tw.events[1]!);
  assert.ok(checkRun(twice).failures.some((f) => f.startsWith(`watch ${w.key}`)));
  const swapped = structuredClone(run);
  const sw = swapped.watches[run.watches.indexOf(w)]!;
  [sw.events[0], sw.events[1]] = [sw.events[1]!, sw.events[0]!];
  assert.ok(checkRun(swapped).failures.some((f) => f.startsWith(`watch ${w.key}`)));
});

test('a key that outlives its lease revoke is caught', () => {
  const run = load();
  const revoked = new Set(run.revoked);
  // The deletes a revoke caused: the key's previous put carried a revoked lease.
  const lastPut = new Map<string, WatchEvent>();
  let victim: WatchEvent | undefined;
  for (const e of run.reference.events) {
    if (e.type === 'put') lastPut.set(e.key, e);
    else if (revoked.has(lastPut.get(e.key)?.lease ?? 0)) victim = e;
  }
  assert.ok(victim, 'the fixture has a revoke that deleted a key');
  // The server never deleted it: no delete event, and nothing after it for that key either.
  dropEvent(run, (e) => e.key === victim.key && e.rev >= victim.rev);
  const out = checkRun(run);
  assert.ok(
    out.failures.some((f) => f.includes(`key ${victim.key} still attached to revoked lease`)),
    out.failures.join('\n'),
  );
});

test('serializable reads going back on one member are caught', () => {
  const run = load();
  const reads = [...run.serializable].sort((a, b) => a.call - b.call);
  const first = reads.find((s) => s.rev > 2)!;
  const later = reads.find((s) => s.call > first.return && s.member === first.member);
  assert.ok(first && later);
  later.rev = first.rev - 1;
  later.kv = null;
  const out = checkRun(run);
  assert.ok(
    out.failures.some((f) => f.includes('went back from revision')),
    out.failures.join('\n'),
  );
});

test('a member that lost its unsynced WAL tail (power cut) may read older after the cut, never within an epoch', () => {
  const base = load();
  const reads = [...base.serializable].sort((a, b) => a.call - b.call);
  const first = reads.find((s) => s.rev > 2)!;
  const later = reads.find((s) => s.call > first.return && s.member === first.member)!;
  assert.ok(first && later);
  const cutAt = (first.return + later.call) / 2;

  // A cut between the two reads: going back is allowed.
  const across = load();
  const l1 = across.serializable.find((s) => s.call === later.call && s.member === later.member)!;
  l1.rev = first.rev - 1;
  l1.kv = null;
  across.powerCuts = [{ member: first.member, at: cutAt }];
  assert.ok(
    !checkRun(across).failures.some((f) => f.includes('went back from revision')),
    'a read after a power cut may be older',
  );

  // The same cut, but on another member: still caught.
  const elsewhere = load();
  const l2 = elsewhere.serializable.find((s) => s.call === later.call && s.member === later.member)!;
  l2.rev = first.rev - 1;
  l2.kv = null;
  elsewhere.powerCuts = [{ member: first.member + 1, at: cutAt }];
  assert.ok(checkRun(elsewhere).failures.some((f) => f.includes('went back from revision')));
});
