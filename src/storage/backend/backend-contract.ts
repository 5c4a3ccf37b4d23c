// The Backend contract as a test suite, registered once per implementation (MemoryBackend,
// LmdbBackend) so that both answer every read exactly alike. Durability (reopen, crash, files) is
// tested per implementation beside it; this file covers what every Backend must do in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Backend, Bucket, KeyValuePair, RangeOptions } from './backend.ts';

export interface BackendHarness {
  /** Shown in test names. */
  name: string;
  /** A fresh, empty backend. */
  create(): Promise<Backend> | Backend;
  /** Releases what create() made (temporary directories); the backend is already closed. */
  dispose?(be: Backend): Promise<void> | void;
}

const b = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const str = (u: Uint8Array | undefined): string | undefined =>
  u === undefined ? undefined : Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('latin1');
const ALL = new Uint8Array(0);
const pairs = (ps: KeyValuePair[]) => ps.map((p) => [str(p.key), str(p.value)]);
const keys = (ps: KeyValuePair[]) => ps.map((p) => str(p.key));

async function withBackend(h: BackendHarness, fn: (be: Backend) => Promise<void>): Promise<void> {
  const be = await h.create();
  try {
    await fn(be);
  } finally {
    await be.close();
    await h.dispose?.(be);
  }
}

// Keys chosen to catch signed-byte, string-collation and prefix mistakes.
const EDGE_KEYS = [
  '\x00',
  '\x00\x00',
  '\x00\xff',
  '\x01',
  'a',
  'ab',
  'b',
  '\x7f',
  '\x80',
  '\xfe',
  '\xff',
  '\xff\x00',
  '\xff\xff',
];
const SORTED_EDGE_KEYS = [...EDGE_KEYS].sort((x, y) => Buffer.compare(b(x), b(y)));

/** Reference answer for range() over a plain map, straight from the contract's words. */
function modelRange(
  m: Map<string, string>,
  start: string,
  end: string | undefined,
  opts: RangeOptions = {},
): [string, string][] {
  let ks: string[];
  if (end === undefined) ks = m.has(start) ? [start] : [];
  else {
    ks = [...m.keys()]
      .filter((k) => Buffer.compare(b(k), b(start)) >= 0 && (end === '' || Buffer.compare(b(k), b(end)) < 0))
      .sort((x, y) => Buffer.compare(b(x), b(y)));
  }
  if (opts.reverse) ks.reverse();
  if (opts.limit) ks = ks.slice(0, opts.limit);
  return ks.map((k) => [k, m.get(k)!]);
}

export function backendContract(h: BackendHarness): void {
  const t = (name: string, fn: (be: Backend) => Promise<void>) =>
    test(`${h.name}: ${name}`, () => withBackend(h, fn));

  t('put, get, overwrite and delete, before and after commit', async (be) => {
    assert.equal(be.get('key', b('k')), undefined);
    be.put('key', b('k'), b('v1'));
    assert.equal(str(be.get('key', b('k'))), 'v1');
    be.put('key', b('k'), b('v2'));
    assert.equal(str(be.get('key', b('k'))), 'v2');
    await be.commit();
    assert.equal(str(be.get('key', b('k'))), 'v2');
    be.delete('key', b('k'));
    assert.equal(be.get('key', b('k')), undefined);
    await be.commit();
    assert.equal(be.get('key', b('k')), undefined);
    be.delete('key', b('never-written'));
    assert.equal(be.get('key', b('never-written')), undefined);
  });

  t(
    'readInto copies exactly what get returns, uncommitted, committed, deleted or too large for the buffer',
    async (be) => {
      // Sizes around lmdb's shared read buffer, and one far past it (read through a buffer of its own).
      const values = [1, 7, 300, 8191, 8193, 70_000, 3].map((n, i) => Buffer.alloc(n, 97 + i));
      const keys = values.map((_, i) => b(`k${i}`));
      const check = (): void => {
        const out = new Uint8Array(100_000).fill(0xee);
        let at = 5;
        // Largest first, so a later short value would show any leftover of a longer one.
        for (const i of [5, 4, 3, 2, 1, 0, 6]) {
          const n = be.readInto('key', keys[i]!, out, at);
          assert.equal(n, values[i]!.length);
          assert.deepEqual(Buffer.from(out.subarray(at, at + n)), values[i]);
          at += n;
        }
        assert.equal(out[at], 0xee, 'nothing written past the values');
        // Too small: the length comes back and nothing is written.
        const small = new Uint8Array(10).fill(0xee);
        assert.equal(be.readInto('key', keys[2]!, small, 4), 300);
        assert.ok(small.every((x) => x === 0xee));
        assert.equal(be.readInto('key', b('missing'), out, 0), -1);
      };
      keys.forEach((k, i) => be.put('key', k, values[i]!));
      check();
      await be.commit();
      check();
      be.delete('key', keys[0]!);
      assert.equal(be.readInto('key', keys[0]!, new Uint8Array(10), 0), -1);
      await be.commit();
      assert.equal(be.readInto('key', keys[0]!, new Uint8Array(10), 0), -1);
    },
  );

  t('buckets are separate key spaces', async (be) => {
    be.put('key', b('x'), b('in key'));
    be.put('lease', b('x'), b('in lease'));
    await be.commit();
    be.put('meta', b('x'), b('in meta'));
    assert.equal(str(be.get('key', b('x'))), 'in key');
    assert.equal(str(be.get('lease', b('x'))), 'in lease');
    assert.equal(str(be.get('meta', b('x'))), 'in meta');
    assert.equal(be.get('alarm', b('x')), undefined);
    assert.deepEqual(keys(be.range('members', b(''), ALL)), []);
    be.delete('lease', b('x'));
    assert.equal(str(be.get('key', b('x'))), 'in key');
  });

  for (const where of ['uncommitted', 'committed', 'half committed'] as const) {
    t(`range is unsigned byte order with 0x00 and 0xff keys (${where})`, async (be) => {
      const half = Math.floor(EDGE_KEYS.length / 2);
      for (const [i, k] of EDGE_KEYS.entries()) {
        be.put('key', b(k), b(`v${k}`));
        if (where === 'half committed' && i === half) await be.commit();
      }
      if (where === 'committed') await be.commit();
      assert.deepEqual(keys(be.range('key', b(''), ALL)), SORTED_EDGE_KEYS);
      assert.deepEqual(keys(be.range('key', b('\x00'), ALL)), SORTED_EDGE_KEYS);
      assert.deepEqual(keys(be.range('key', b(''), ALL, { reverse: true })), [...SORTED_EDGE_KEYS].reverse());
      assert.deepEqual(keys(be.range('key', b('\x00'), b('\x01'))), ['\x00', '\x00\x00', '\x00\xff']);
      assert.deepEqual(keys(be.range('key', b('\x00\x00'), b('\x00\xff'))), ['\x00\x00']);
      assert.deepEqual(keys(be.range('key', b('\x7f'), b('\xff'))), ['\x7f', '\x80', '\xfe']);
      assert.deepEqual(keys(be.range('key', b('\xff'), ALL)), ['\xff', '\xff\x00', '\xff\xff']);
      assert.deepEqual(keys(be.range('key', b('\xff'), ALL, { reverse: true })), [
        '\xff\xff',
        '\xff\x00',
        '\xff',
      ]);
      assert.deepEqual(keys(be.range('key', b('a'), b('b'))), ['a', 'ab']);
      assert.deepEqual(keys(be.range('key', b('a'), b('b'), { reverse: true })), ['ab', 'a']);
      assert.deepEqual(keys(be.range('key', b('\x00'), b('\x01'), { reverse: true })), [
        '\x00\xff',
        '\x00\x00',
        '\x00',
      ]);
      // limit, alone and with reverse
      assert.deepEqual(keys(be.range('key', b('a'), ALL, { limit: 2 })), ['a', 'ab']);
      assert.deepEqual(keys(be.range('key', b('a'), ALL, { reverse: true, limit: 2 })), [
        '\xff\xff',
        '\xff\x00',
      ]);
      assert.deepEqual(keys(be.range('key', b(''), ALL, { limit: 0 })), SORTED_EDGE_KEYS);
      assert.equal(be.range('key', b(''), ALL, { limit: 1000 }).length, EDGE_KEYS.length);
      // end undefined: the start key only
      assert.deepEqual(pairs(be.range('key', b('ab'), undefined)), [['ab', 'vab']]);
      assert.deepEqual(pairs(be.range('key', b('\xff'), undefined, { reverse: true })), [['\xff', 'v\xff']]);
      assert.deepEqual(be.range('key', b('zz'), undefined), []);
      // empty and inverted ranges
      assert.deepEqual(be.range('key', b('b'), b('b')), []);
      assert.deepEqual(be.range('key', b('b'), b('a')), []);
      assert.deepEqual(be.range('key', b('\xff\xff\x00'), ALL), []);
      assert.deepEqual(be.range('key', b('\xff\xff\x00'), ALL, { reverse: true }), []);
    });
  }

  t('forEach visits in order and stops when the callback returns false', async (be) => {
    for (const k of EDGE_KEYS.slice(0, 6)) be.put('key', b(k), b('v'));
    await be.commit();
    for (const k of EDGE_KEYS.slice(6)) be.put('key', b(k), b('v'));
    const seen: string[] = [];
    be.forEach('key', b(''), ALL, (k) => {
      seen.push(str(k)!);
    });
    assert.deepEqual(seen, SORTED_EDGE_KEYS);
    const firstThree: string[] = [];
    be.forEach('key', b(''), ALL, (k) => {
      firstThree.push(str(k)!);
      return firstThree.length < 3;
    });
    assert.deepEqual(firstThree, SORTED_EDGE_KEYS.slice(0, 3));
    const one: string[] = [];
    be.forEach('key', b('a'), undefined, (k, v) => {
      one.push(`${str(k)}=${str(v)}`);
    });
    assert.deepEqual(one, ['a=v']);
  });

  t('uncommitted writes merge over committed data: overwrite, delete, insert between', async (be) => {
    for (const k of ['a', 'c', 'e', 'g']) be.put('key', b(k), b(`old-${k}`));
    await be.commit();
    be.delete('key', b('a'));
    be.put('key', b('c'), b('new-c'));
    be.put('key', b('d'), b('new-d'));
    be.delete('key', b('g'));
    be.put('key', b('h'), b('new-h'));
    be.delete('key', b('zz'));
    const expect = [
      ['c', 'new-c'],
      ['d', 'new-d'],
      ['e', 'old-e'],
      ['h', 'new-h'],
    ];
    assert.deepEqual(pairs(be.range('key', b(''), ALL)), expect);
    assert.deepEqual(pairs(be.range('key', b(''), ALL, { reverse: true })), [...expect].reverse());
    assert.deepEqual(pairs(be.range('key', b('b'), b('f'), { limit: 2 })), expect.slice(0, 2));
    assert.deepEqual(pairs(be.range('key', b('b'), b('h'), { reverse: true, limit: 2 })), [
      ['e', 'old-e'],
      ['d', 'new-d'],
    ]);
    assert.equal(be.get('key', b('a')), undefined);
    assert.equal(be.range('key', b('a'), undefined).length, 0);
    await be.commit();
    assert.deepEqual(pairs(be.range('key', b(''), ALL)), expect);
    // Re-put a key deleted in the previous batch.
    be.put('key', b('a'), b('again'));
    assert.deepEqual(keys(be.range('key', b(''), b('d'))), ['a', 'c']);
  });

  t('pendingWrites counts the open batch; the consistent index rides with it', async (be) => {
    assert.equal(be.pendingWrites(), 0);
    be.put('meta', b('x'), b('1'));
    be.delete('meta', b('y'));
    be.setConsistentIndex({ index: 5, term: 2 });
    assert.equal(be.pendingWrites(), 3);
    assert.deepEqual(be.consistentIndex(), { index: 5, term: 2 });
    await be.commit();
    assert.equal(be.pendingWrites(), 0);
    assert.deepEqual(be.consistentIndex(), { index: 5, term: 2 });
    be.setConsistentIndex({ index: 9, term: 3 });
    assert.deepEqual(be.consistentIndex(), { index: 9, term: 3 });
    await be.commit();
    await be.commit(); // an empty commit is fine
    assert.deepEqual(be.consistentIndex(), { index: 9, term: 3 });
  });

  t('writes made while a commit is in flight are visible and go into the next batch', async (be) => {
    be.put('key', b('a'), b('1'));
    be.put('key', b('b'), b('1'));
    be.put('key', b('e'), b('1'));
    const first = be.commit();
    // 'e' now lives only in the batch being committed: it must stay visible until it lands.
    assert.equal(str(be.get('key', b('e'))), '1');
    be.put('key', b('b'), b('2'));
    be.delete('key', b('a'));
    be.put('key', b('c'), b('2'));
    assert.equal(be.pendingWrites(), 3);
    assert.deepEqual(pairs(be.range('key', b(''), ALL)), [
      ['b', '2'],
      ['c', '2'],
      ['e', '1'],
    ]);
    const second = be.commit();
    be.put('key', b('d'), b('3'));
    assert.deepEqual(keys(be.range('key', b(''), ALL)), ['b', 'c', 'd', 'e']);
    assert.deepEqual(keys(be.range('key', b(''), ALL, { reverse: true, limit: 3 })), ['e', 'd', 'c']);
    await first;
    assert.deepEqual(keys(be.range('key', b(''), ALL)), ['b', 'c', 'd', 'e']);
    await second;
    assert.deepEqual(pairs(be.range('key', b(''), ALL)), [
      ['b', '2'],
      ['c', '2'],
      ['d', '3'],
      ['e', '1'],
    ]);
    assert.equal(be.pendingWrites(), 1);
  });

  test(`${h.name}: random operations answer like a sorted map (property)`, async () => {
    const KEY = fc
      .array(fc.constantFrom(0x00, 0x01, 0x80, 0xff), { minLength: 1, maxLength: 2 })
      .map((a) => Buffer.from(a).toString('latin1'));
    const BUCKET = fc.constantFrom<Bucket>('key', 'lease');
    const query = fc.record({
      bucket: BUCKET,
      start: fc.oneof(KEY, fc.constant('')),
      end: fc.oneof({ weight: 3, arbitrary: KEY }, fc.constant(''), fc.constant(undefined)),
      limit: fc.nat({ max: 4 }),
      reverse: fc.boolean(),
    });
    // Every step carries a range query, checked right after the step against the model.
    const op = fc.oneof(
      {
        weight: 5,
        arbitrary: fc.record({
          t: fc.constant('put' as const),
          bucket: BUCKET,
          k: KEY,
          v: fc.string({ maxLength: 4 }),
          q: query,
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ t: fc.constant('del' as const), bucket: BUCKET, k: KEY, q: query }),
      },
      {
        weight: 1,
        arbitrary: fc.record({ t: fc.constant('commit' as const), wait: fc.boolean(), q: query }),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 60 }), async (ops) => {
        await withBackend(h, async (be) => {
          const model = new Map<Bucket, Map<string, string>>([
            ['key', new Map()],
            ['lease', new Map()],
          ]);
          const commits: Promise<void>[] = [];
          for (const o of ops) {
            if (o.t === 'put') {
              be.put(o.bucket, b(o.k), b(o.v));
              model.get(o.bucket)!.set(o.k, o.v);
            } else if (o.t === 'del') {
              be.delete(o.bucket, b(o.k));
              model.get(o.bucket)!.delete(o.k);
            } else {
              const p = be.commit();
              if (o.wait) await p;
              else commits.push(p);
            }
            const { bucket, start, end, limit, reverse } = o.q;
            const got = pairs(
              be.range(bucket, b(start), end === undefined ? undefined : b(end), { limit, reverse }),
            );
            assert.deepEqual(got, modelRange(model.get(bucket)!, start, end, { limit, reverse }));
          }
          await Promise.all(commits);
          await be.commit();
          for (const [bucket, m] of model) {
            assert.deepEqual(pairs(be.range(bucket, b(''), ALL)), modelRange(m, '', ''));
          }
        });
      }),
      { numRuns: 60 },
    );
  });
}
