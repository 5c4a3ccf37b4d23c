// The hand-built watch responses against the generated protobufjs codec: the bytes decode to the message the
// object path (kv-convert's eventToPb + WatchResponse.encode) gives, field by field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { etcdserverpb, mvccpb } from '../api/gen/etcd.js';
import { i64ToLong, u64ToLong } from '../api/long.ts';
import { Framed } from '../http/handlers.ts';
import { eventToPb } from '../server/v3/kv-convert.ts';
import type * as m from '../storage/mvcc/types.ts';
import {
  encodeEventField,
  eventField,
  joinFrames,
  type QueuedFrame,
  watchResponseFrame,
  watchResponseFrames,
} from './watch-encode.ts';

const b = (s: string) => new Uint8Array(Buffer.from(s));

const HEADER: etcdserverpb.IResponseHeader = {
  cluster_id: u64ToLong(0xcdef0123456789abn), // above 2^63: the full uint64 range
  member_id: u64ToLong(0x8e9e05c52164694dn),
  revision: i64ToLong(123456789012),
  raft_term: u64ToLong(7n),
};
const headerBytes = etcdserverpb.ResponseHeader.encode(HEADER).finish();

function kv(over: Partial<m.KeyValue> = {}): m.KeyValue {
  return {
    key: b('foo'),
    createRevision: 5,
    modRevision: 9,
    version: 3,
    value: b('bar'),
    lease: 0n,
    ...over,
  };
}

const EVENTS: Record<string, m.Event> = {
  put: { type: 0, kv: kv() },
  'put with lease': { type: 0, kv: kv({ lease: 0x694d7bcf1a2b3c4dn }) },
  'put with prev_kv': { type: 0, kv: kv(), prevKv: kv({ modRevision: 8, version: 2, value: b('old') }) },
  'put, prev_kv with lease': { type: 0, kv: kv(), prevKv: kv({ lease: 42n }) },
  'first put (version 1, empty value)': { type: 0, kv: kv({ createRevision: 9, version: 1, value: b('') }) },
  delete: {
    type: 1,
    kv: { key: b('foo'), createRevision: 0, modRevision: 10, version: 0, value: b(''), lease: 0n },
  },
  'delete with prev_kv': {
    type: 1,
    kv: { key: b('foo'), createRevision: 0, modRevision: 10, version: 0, value: b(''), lease: 0n },
    prevKv: kv(),
  },
  'large value (300 KB) and big revisions': {
    type: 0,
    kv: kv({
      key: b('k'.repeat(200)),
      value: new Uint8Array(300_000).fill(0xab),
      createRevision: 2 ** 40 + 3,
      modRevision: Number.MAX_SAFE_INTEGER,
      version: 128,
    }),
  },
  'binary key with a zero byte': { type: 0, kv: kv({ key: new Uint8Array([0, 255, 1]) }) },
};

/** The object path: what the watch service sent before the hand encoder (and what a client decodes). */
function objectPath(
  watchId: number,
  events: m.Event[],
  fragment = false,
): ReturnType<typeof etcdserverpb.WatchResponse.decode> {
  const resp: etcdserverpb.IWatchResponse = { header: HEADER, watch_id: i64ToLong(watchId) };
  if (events.length > 0) resp.events = events.map(eventToPb);
  if (fragment) resp.fragment = true;
  return etcdserverpb.WatchResponse.decode(etcdserverpb.WatchResponse.encode(resp).finish());
}

function decodeFrame(f: QueuedFrame): ReturnType<typeof etcdserverpb.WatchResponse.decode> {
  const frame = joinFrames([f]);
  assert.equal(frame[0], 0, 'uncompressed');
  assert.equal(frame.readUInt32BE(1), frame.length - 5, 'frame length');
  return etcdserverpb.WatchResponse.decode(frame.subarray(5));
}

/** An event as a plain object (64-bit fields as decimal strings, bytes as base64, defaults shown). */
const evObj = (e: unknown): object =>
  mvccpb.Event.toObject(e as mvccpb.Event, { longs: String, bytes: String, defaults: true });

/** Field by field, as plain JSON-able objects (64-bit fields as decimal strings, bytes as base64). */
function plain(msg: ReturnType<typeof etcdserverpb.WatchResponse.decode>): object {
  return etcdserverpb.WatchResponse.toObject(msg, { longs: String, bytes: String, defaults: true });
}

for (const [name, ev] of Object.entries(EVENTS)) {
  test(`event: ${name}`, () => {
    const field = encodeEventField(ev);
    // A lone events field decodes as a WatchResponse with just that event.
    const got = etcdserverpb.WatchResponse.decode(field);
    assert.equal(got.events.length, 1);
    const want = mvccpb.Event.decode(mvccpb.Event.encode(eventToPb(ev)).finish());
    assert.deepEqual(evObj(got.events[0]), evObj(want));
    // Same bytes as protobufjs, too (both leave zero fields out and keep field order).
    const pbBytes = mvccpb.Event.encode(eventToPb(ev)).finish();
    assert.deepEqual(field.subarray(field.length - pbBytes.length), Buffer.from(pbBytes));
  });
}

test('responses: header, watch ids (0, large, negative), no events (progress), several events', () => {
  const all = Object.values(EVENTS);
  for (const watchId of [0, 1, 127, 128, 2 ** 35, -1]) {
    for (const events of [[], [all[0]!], all]) {
      const got = decodeFrame(watchResponseFrame(headerBytes, watchId, events.map(eventField)));
      assert.deepEqual(
        plain(got),
        plain(objectPath(watchId, events)),
        `watch ${watchId}, ${events.length} events`,
      );
    }
  }
  const frag = decodeFrame(watchResponseFrame(headerBytes, 3, [eventField(all[0]!)], true));
  assert.deepEqual(plain(frag), plain(objectPath(3, [all[0]!], true)));
  assert.equal(frag.fragment, true);
});

test('eventField encodes an event object once', () => {
  const ev = EVENTS['put']!;
  assert.equal(eventField(ev), eventField(ev));
});

test('fragments: split under the limit, every piece but the last marked, events in order', () => {
  const events: m.Event[] = [];
  for (let i = 0; i < 40; i++) {
    events.push({
      type: 0,
      kv: kv({ key: b(`key-${i}`), modRevision: 100, value: new Uint8Array(100 + i * 7) }),
    });
  }
  const fields = events.map(eventField);
  const limit = 1000;
  const frames = watchResponseFrames(headerBytes, 5, fields, true, limit);
  assert.ok(frames.length > 3, `${frames.length} pieces`);
  const seen: string[] = [];
  frames.forEach((f, i) => {
    const msg = decodeFrame(f);
    const size = joinFrames([f]).length - 5;
    assert.ok(size < limit || msg.events.length === 1, `piece ${i}: ${size} bytes`);
    assert.equal(msg.fragment, i < frames.length - 1, `piece ${i} fragment flag`);
    assert.equal(String(msg.watch_id), '5');
    assert.equal(String(msg.header!.revision), '123456789012');
    for (const e of msg.events) seen.push(Buffer.from(e.kv!.key!).toString());
    // A piece stops only when the next event would have reached the limit.
    if (i < frames.length - 1) {
      const next = fields[seen.length]!;
      assert.ok(size + next.length >= limit);
    }
  });
  assert.deepEqual(
    seen,
    events.map((e) => Buffer.from(e.kv.key).toString()),
  );
  // The object path gives the same events.
  const joined = frames.flatMap((f) => decodeFrame(f).events);
  assert.deepEqual(joined.map(evObj), objectPath(5, events).events.map(evObj));
});

test('fragments: not split without fragment, under the limit, or with one event (even a huge one)', () => {
  const big = eventField(EVENTS['large value (300 KB) and big revisions']!);
  const small = eventField(EVENTS['put']!);
  assert.equal(watchResponseFrames(headerBytes, 1, [big, small, big], false, 1000).length, 1);
  assert.equal(watchResponseFrames(headerBytes, 1, [small, small], true, 1 << 20).length, 1);
  const one = watchResponseFrames(headerBytes, 1, [big], true, 1000);
  assert.equal(one.length, 1);
  assert.equal(decodeFrame(one[0]!).fragment, false);
  // Two huge events: one each, the first marked.
  const two = watchResponseFrames(headerBytes, 1, [big, big], true, 1000);
  assert.deepEqual(
    two.map((f) => [decodeFrame(f).events.length, decodeFrame(f).fragment]),
    [
      [1, true],
      [1, false],
    ],
  );
});

test('Framed.messages splits concatenated frames back into messages', () => {
  const f1 = watchResponseFrame(headerBytes, 1, [eventField(EVENTS['put']!)]);
  const f2 = watchResponseFrame(headerBytes, 2, []);
  // An already encoded frame (a `created` response from the generated codec) between two built ones.
  const created = etcdserverpb.WatchResponse.encode({
    header: HEADER,
    watch_id: i64ToLong(9),
    created: true,
  }).finish();
  const f3 = Buffer.alloc(5 + created.length);
  f3.writeUInt32BE(created.length, 1);
  f3.set(created, 5);
  const framed = new Framed(joinFrames([f1, f3, f2]));
  const msgs = framed.messages().map((x) => etcdserverpb.WatchResponse.decode(x));
  assert.deepEqual(
    msgs.map((x) => [String(x.watch_id), x.created]),
    [
      ['1', false],
      ['9', true],
      ['2', false],
    ],
  );
  assert.equal(msgs[0]!.events.length, 1);
  // A lone encoded frame goes out as it is, without a copy.
  assert.equal(joinFrames([f3]), f3);
});
