// etcd's watch guarantees on the watchable store: ordered, unique, reliable (no gap), atomic per
// revision, resumable from any uncompacted revision, progress notification — under concurrent writes
// and compaction; a slow consumer never blocks writers or other watchers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryBackend } from '../backend/memory-backend.ts';
import { EventType, type Event } from './types.ts';
import { WatchableStore, type WatchResponse } from './watchable-store.ts';

const B = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const S = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const ALL = { key: B('\0'), rangeEnd: B('\0') };

/** Lets the store's background steps run until `done()` or a bounded number of turns pass. */
async function settle(done: () => boolean, turns = 5000): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((r) => setImmediate(r));
  assert.ok(done(), 'condition not reached');
}

const evKey = (ev: Event): string =>
  `${ev.type === EventType.PUT ? 'PUT' : 'DEL'} ${S(ev.kv.key)}@${ev.kv.modRevision}`;

/** Checks order, uniqueness and atomicity of a watcher's responses against the reference history. */
function checkStream(
  resps: WatchResponse[],
  reference: Map<number, string[]>,
  from: number,
  to: number,
): void {
  const got = resps.flatMap((r) => r.events.map(evKey));
  const want: string[] = [];
  for (let rev = from; rev <= to; rev++) want.push(...(reference.get(rev) ?? []));
  assert.deepStrictEqual(got, want);
  for (const r of resps) {
    // Atomic: a response holds whole revisions, and claims progress up to at least its last event.
    const revs = new Set(r.events.map((e) => e.kv.modRevision));
    for (const rev of revs) {
      const inResp = r.events.filter((e) => e.kv.modRevision === rev).map(evKey);
      assert.deepStrictEqual(inResp, reference.get(rev), `revision ${rev} split`);
    }
    if (r.events.length > 0) assert.ok(r.revision >= r.events[r.events.length - 1]!.kv.modRevision);
  }
}

/** Writes a mixed history: puts, multi-key txns (several events in one revision), deletes. */
function writeSome(s: WatchableStore, n: number, tag: string): void {
  for (let i = 0; i < n; i++) {
    const k = `k${i % 7}`;
    if (i % 5 === 4) s.applyDeleteRange({ key: B('k'), rangeEnd: B('k3') });
    else if (i % 3 === 2)
      s.applyTxn({
        success: [
          { requestPut: { key: B(`${k}`), value: B(`${tag}${i}`) } },
          { requestPut: { key: B(`t${i % 4}`), value: B(`${tag}${i}`) } },
          { requestDeleteRange: { key: B('u') } },
        ],
      });
    else s.applyPut({ key: B(k), value: B(`${tag}${i}`) });
  }
}

function recorder(s: WatchableStore): Map<number, string[]> {
  const ref = new Map<number, string[]>();
  s.watch(ALL, (r) => {
    for (const ev of r.events) {
      const list = ref.get(ev.kv.modRevision) ?? [];
      list.push(evKey(ev));
      ref.set(ev.kv.modRevision, list);
    }
    return true;
  });
  return ref;
}

test('synced watchers get each revision once, in order, filtered by key, range and filters', () => {
  const s = new WatchableStore(new MemoryBackend());
  const single: WatchResponse[] = [];
  const prefix: WatchResponse[] = [];
  const noPut: WatchResponse[] = [];
  const noDel: WatchResponse[] = [];
  s.watch({ key: B('a') }, (r) => (single.push(r), true));
  s.watch({ key: B('a'), rangeEnd: B('b') }, (r) => (prefix.push(r), true));
  s.watch({ ...ALL, noPut: true }, (r) => (noPut.push(r), true));
  s.watch({ ...ALL, noDelete: true }, (r) => (noDel.push(r), true));
  s.applyPut({ key: B('a'), value: B('1') }); // 2
  s.applyPut({ key: B('ab'), value: B('2') }); // 3
  s.applyPut({ key: B('b'), value: B('3') }); // 4
  s.applyDeleteRange({ key: B('a'), rangeEnd: B('c') }); // 5: three deletes, one revision
  assert.deepStrictEqual(
    single.map((r) => [r.revision, r.events.map(evKey)]),
    [
      [2, ['PUT a@2']],
      [5, ['DEL a@5']],
    ],
  );
  assert.deepStrictEqual(
    prefix.map((r) => r.events.map(evKey)),
    [['PUT a@2'], ['PUT ab@3'], ['DEL a@5', 'DEL ab@5']],
  );
  assert.deepStrictEqual(
    noPut.map((r) => r.events.map(evKey)),
    [['DEL a@5', 'DEL ab@5', 'DEL b@5']],
  );
  assert.deepStrictEqual(
    noDel.map((r) => r.events.map(evKey)),
    [['PUT a@2'], ['PUT ab@3'], ['PUT b@4']],
  );
  // A delete event carries only the key and the delete's revision.
  const del = prefix[2]!.events[0]!;
  assert.deepStrictEqual(
    { ...del.kv, key: S(del.kv.key), value: S(del.kv.value) },
    { key: 'a', createRevision: 0, modRevision: 5, version: 0, value: '', lease: 0n },
  );
});

test('prevKv gives the value before each event, from live delivery and from history', async () => {
  const s = new WatchableStore(new MemoryBackend());
  const live: WatchResponse[] = [];
  s.watch({ key: B('k'), prevKv: true }, (r) => (live.push(r), true));
  s.applyPut({ key: B('k'), value: B('v1') }); // 2
  s.applyPut({ key: B('k'), value: B('v2') }); // 3
  s.applyDeleteRange({ key: B('k') }); // 4
  const prevs = (rs: WatchResponse[]) =>
    rs.flatMap((r) => r.events.map((e) => (e.prevKv ? S(e.prevKv.value) : null)));
  assert.deepStrictEqual(prevs(live), [null, 'v1', 'v2']);
  const hist: WatchResponse[] = [];
  s.watch({ key: B('k'), prevKv: true, startRevision: 2 }, (r) => (hist.push(r), true));
  await settle(() => hist.flatMap((r) => r.events).length === 3);
  assert.deepStrictEqual(prevs(hist), [null, 'v1', 'v2']);
  // A key deleted and re-created in one txn (a "\0" range end escapes the duplicate check): the DELETE
  // gets the old value, the PUT (a creation) none, as etcd's watch server (checked against etcd 3.4.23).
  s.applyPut({ key: B('k'), value: B('v3') }); // 5
  s.applyTxn({
    success: [
      { requestDeleteRange: { key: B('k'), rangeEnd: B('\0') } },
      { requestPut: { key: B('k'), value: B('v4') } },
    ],
  }); // 6
  assert.deepStrictEqual(prevs(live), [null, 'v1', 'v2', null, 'v3', null]);
  const hist6: WatchResponse[] = [];
  s.watch({ key: B('k'), prevKv: true, startRevision: 6 }, (r) => (hist6.push(r), true));
  await settle(() => hist6.flatMap((r) => r.events).length === 2);
  assert.deepStrictEqual(prevs(hist6), ['v3', null]);
});

test('one delivery hands every watcher the same event object (with prevKv too), so it is encoded once', () => {
  const s = new WatchableStore(new MemoryBackend());
  s.applyPut({ key: B('k'), value: B('v1') }); // 2
  const got: Record<string, WatchResponse[]> = { a: [], b: [], pa: [], pb: [] };
  s.watch({ key: B('k') }, (r) => (got['a']!.push(r), true));
  s.watch({ key: B('k'), rangeEnd: B('l') }, (r) => (got['b']!.push(r), true));
  s.watch({ key: B('k'), prevKv: true }, (r) => (got['pa']!.push(r), true));
  s.watch({ key: B('j'), rangeEnd: B('\0'), prevKv: true }, (r) => (got['pb']!.push(r), true));
  s.applyPut({ key: B('k'), value: B('v2') }); // 3
  const ev = (w: string) => got[w]![0]!.events[0]!;
  assert.equal(ev('a'), ev('b'));
  assert.equal(ev('pa'), ev('pb'));
  assert.notEqual(ev('a'), ev('pa'));
  assert.equal(ev('a').prevKv, undefined);
  assert.equal(S(ev('pa').prevKv!.value), 'v1');
  assert.equal(S(ev('pa').kv.value), 'v2');
});

test('a watcher resumes from every uncompacted revision, under concurrent writes and a compaction', async () => {
  const s = new WatchableStore(new MemoryBackend(), { syncChunkEntries: 4 });
  const ref = recorder(s);
  writeSome(s, 40, 'a');
  const c = s.rev() - 20;
  s.applyPut({ key: B('marker'), value: B('x') }); // keep the compacted revision free of tombstones
  await s.compact(c);
  const streams: { from: number; resps: WatchResponse[] }[] = [];
  for (let from = c + 1; from <= s.rev() + 1; from++) {
    const resps: WatchResponse[] = [];
    s.watch({ ...ALL, startRevision: from }, (r) => (resps.push(r), true));
    streams.push({ from, resps });
  }
  // More writes while the watchers catch up in chunks.
  for (let round = 0; round < 10; round++) {
    writeSome(s, 6, `r${round}`);
    await new Promise((r) => setImmediate(r));
  }
  await settle(() => s.stats().unsynced === 0 && s.stats().victims === 0);
  const last = s.rev();
  for (const { from, resps } of streams) checkStream(resps, ref, from, last);
  assert.ok(streams.length > 15);
});

test('a watch from a compacted revision is canceled with the compact revision', async () => {
  const s = new WatchableStore(new MemoryBackend());
  writeSome(s, 10, 'a');
  await s.compact(6);
  const got: WatchResponse[] = [];
  const w = s.watch({ ...ALL, startRevision: 3 }, (r) => (got.push(r), true));
  await settle(() => got.length > 0);
  assert.equal(got.length, 1);
  assert.equal(got[0]!.compactRevision, 6);
  assert.equal(got[0]!.canceled, true);
  assert.equal(got[0]!.revision, 0, 'etcd leaves the revision of a compaction cancel at 0');
  assert.equal(w.place, 'canceled');
  assert.equal(s.watcher(w.id), undefined);
  // A compaction that overtakes a watcher still catching up cancels it the same way.
  const s2 = new WatchableStore(new MemoryBackend(), { syncChunkEntries: 2 });
  writeSome(s2, 30, 'b');
  const got2: WatchResponse[] = [];
  s2.watch({ ...ALL, startRevision: 2 }, (r) => (got2.push(r), true));
  await s2.compact(20);
  await settle(() => got2.some((r) => r.canceled));
  const cancel = got2[got2.length - 1]!;
  assert.deepStrictEqual([cancel.canceled, cancel.compactRevision], [true, 20]);
});

test('a slow consumer becomes a victim without blocking writers or other watchers, then catches up', async () => {
  const s = new WatchableStore(new MemoryBackend(), { syncChunkEntries: 5, victimRetryMs: 1 });
  const ref = recorder(s);
  let open = false;
  const slow: WatchResponse[] = [];
  const fast: WatchResponse[] = [];
  const start = s.rev() + 1;
  const w = s.watch(ALL, (r) => (open ? (slow.push(r), true) : false));
  s.watch(ALL, (r) => (fast.push(r), true));
  writeSome(s, 200, 'x'); // writers run to completion synchronously: nothing waits for the slow sink
  assert.equal(w.place, 'victim');
  assert.equal(s.stats().victims, 1);
  checkStream(fast, ref, start, s.rev());
  open = true;
  w.resume();
  writeSome(s, 20, 'y');
  await settle(() => w.place === 'synced');
  writeSome(s, 5, 'z');
  checkStream(slow, ref, start, s.rev());
});

test('a watcher without a sink buffers a bounded queue and is read with for await', async () => {
  const s = new WatchableStore(new MemoryBackend(), { queueCapacity: 2, victimRetryMs: 1 });
  const ref = recorder(s);
  const w = s.watch({ ...ALL, startRevision: 2 });
  writeSome(s, 30, 'q');
  const last = s.rev();
  const got: WatchResponse[] = [];
  for await (const r of w) {
    got.push(r);
    if (r.events.some((e) => e.kv.modRevision === last)) break;
  }
  checkStream(got, ref, 2, last);
  assert.equal(w.place, 'canceled');
});

test('progress tells a synced watcher the current revision; not a watcher still catching up', async () => {
  const s = new WatchableStore(new MemoryBackend(), { syncChunkEntries: 1 });
  writeSome(s, 10, 'p');
  const synced: WatchResponse[] = [];
  const ws = s.watch({ key: B('nothing-here') }, (r) => (synced.push(r), true));
  assert.equal(s.progress(ws), true);
  assert.deepStrictEqual(synced, [{ watchId: ws.id, events: [], revision: s.rev() }]);
  const behind: WatchResponse[] = [];
  const wb = s.watch({ ...ALL, startRevision: 2 }, (r) => (behind.push(r), true));
  assert.equal(s.progress(wb), false);
  assert.equal(behind.length, 0);
  await settle(() => wb.place === 'synced');
  assert.equal(s.progress(wb), true);
  assert.deepStrictEqual(behind[behind.length - 1], { watchId: wb.id, events: [], revision: s.rev() });
});

test('watch IDs: chosen by the caller or the next free one; cancel stops delivery', () => {
  const s = new WatchableStore(new MemoryBackend());
  const a = s.watch({ key: B('a'), watchId: 7 }, () => true);
  assert.equal(a.id, 7);
  assert.throws(() => s.watch({ key: B('a'), watchId: 7 }, () => true));
  const got: WatchResponse[] = [];
  const b = s.watch({ key: B('a') }, (r) => (got.push(r), true));
  assert.notEqual(b.id, 7);
  b.cancel();
  s.applyPut({ key: B('a'), value: B('1') });
  assert.equal(got.length, 0);
});

test('a sink that writes does not reorder revisions for other watchers', () => {
  const s = new WatchableStore(new MemoryBackend());
  const second: number[] = [];
  let wrote = false;
  s.watch(ALL, () => {
    if (!wrote) {
      wrote = true;
      s.applyPut({ key: B('echo'), value: B('1') });
    }
    return true;
  });
  s.watch(ALL, (r) => (second.push(r.revision), true));
  s.applyPut({ key: B('a'), value: B('1') });
  assert.deepStrictEqual(second, [2, 3]);
});

test('a watch from exactly the compacted revision is accepted and gets every event of that revision', async () => {
  const s = new WatchableStore(new MemoryBackend());
  s.applyPut({ key: B('a'), value: B('1') }); // 2
  s.applyTxn({
    success: [{ requestDeleteRange: { key: B('a') } }, { requestPut: { key: B('b'), value: B('2') } }],
  }); // 3
  s.applyPut({ key: B('c'), value: B('3') }); // 4
  await s.compact(3);
  const got: WatchResponse[] = [];
  s.watch({ ...ALL, startRevision: 3 }, (r) => (got.push(r), true));
  await settle(() => got.flatMap((r) => r.events).length >= 3);
  // The delete at the compacted revision survives the compaction (etcd 3.4.23 dropped it, a bug fixed in
  // v3.4.34: etcd-io/etcd#18089), and so does the put that is still the newest revision of its key.
  assert.deepStrictEqual(
    got.flatMap((r) => r.events.map(evKey)),
    ['DEL a@3', 'PUT b@3', 'PUT c@4'],
  );
  assert.ok(got.every((r) => !r.canceled));
});

test('a watch starting at the compacted revision gets a deletion made at that revision (etcd #18089)', async () => {
  for (const before of [true, false]) {
    const s = new WatchableStore(new MemoryBackend(), { syncChunkEntries: 2 });
    s.applyPut({ key: B('a'), value: B('1') }); // 2
    s.applyPut({ key: B('b'), value: B('1') }); // 3
    s.applyDeleteRange({ key: B('a') }); // 4
    s.applyPut({ key: B('b'), value: B('2') }); // 5
    const got: WatchResponse[] = [];
    // Created before the compaction (still catching up) or after it: the same events either way.
    if (before) s.watch({ ...ALL, startRevision: 4 }, (r) => (got.push(r), true));
    await s.compact(4);
    if (!before) s.watch({ ...ALL, startRevision: 4 }, (r) => (got.push(r), true));
    await settle(() => got.flatMap((r) => r.events).length >= 2 || got.some((r) => r.canceled));
    const evs = got
      .flatMap((r) => r.events)
      .map((e) => `${e.type === EventType.DELETE ? 'del' : 'put'} ${S(e.kv.key)}@${e.kv.modRevision}`);
    assert.deepStrictEqual(
      evs,
      ['del a@4', 'put b@5'],
      `watch created ${before ? 'before' : 'after'} the compaction`,
    );
    assert.ok(!got.some((r) => r.canceled));
  }
});
