// tsetcdctl against etcdctl 3.4, command by command and format by format, on twin servers (see harness.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { etcdserverpb } from '../../src/api/gen/etcd.js';
import {
  etcdctl,
  haveEtcd,
  identify,
  LeaseNames,
  normalize,
  startRealEtcd,
  tsetcdctl,
  tsetcdctlBundle,
  type Identity,
  type Run,
  type ServerUnderTest,
  type StartServer,
} from './harness.ts';

const startServer: StartServer = startRealEtcd;
const FORMATS = ['simple', 'json', 'fields', 'protobuf', 'table'];

describe('tsetcdctl vs etcdctl 3.4', { skip: !haveEtcd() && 'no /usr/bin/etcd', concurrency: false }, () => {
  let a: ServerUnderTest;
  let b: ServerUnderTest;
  let idA: Identity;
  let idB: Identity;
  const leasesA = new LeaseNames();
  const leasesB = new LeaseNames();

  before(async () => {
    [a, b] = await Promise.all([startServer('twin'), startServer('twin'), tsetcdctlBundle()]);
    [idA, idB] = await Promise.all([identify(a), identify(b)]);
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** Protobuf output holds IDs as varints: compare after clearing the header IDs of the decoded message. */
  function pbCanon(bytes: Buffer, type: keyof typeof etcdserverpb | undefined): string {
    if (!type || bytes.length === 0) return bytes.toString('hex');
    const codec = (etcdserverpb as any)[type];
    const m = codec.decode(bytes);
    for (const h of [m.header, type === 'ResponseHeader' ? m : undefined]) {
      if (h) {
        h.cluster_id = 0;
        h.member_id = 0;
      }
    }
    for (const mem of m.members ?? []) {
      mem.ID = 0;
      mem.peerURLs = mem.peerURLs.map((u: string) => u.replace(/:\d+$/, ':PORT'));
      mem.clientURLs = mem.clientURLs.map((u: string) => u.replace(/:\d+$/, ':PORT'));
    }
    return Buffer.from(codec.encode(m).finish()).toString('hex');
  }

  /** Runs both tools (etcdctl on A, tsetcdctl on B) and asserts the normalized results are equal. */
  async function same(
    args: string[],
    opts: {
      input?: string;
      env?: Record<string, string>;
      pbType?: keyof typeof etcdserverpb;
      squash?: boolean;
      noEndpoint?: boolean;
      twice?: boolean;
      mask?: RegExp;
    } = {},
  ): Promise<[Run, Run]> {
    const ep = (s: ServerUnderTest): string[] =>
      opts.noEndpoint
        ? []
        : ['--endpoints', (opts.twice ? [...s.endpoints, ...s.endpoints] : s.endpoints).join(',')];
    const ra = await etcdctl([...ep(a), ...args], opts);
    const rb = await tsetcdctl([...ep(b), ...args], opts);
    for (const [r, names] of [
      [ra, leasesA],
      [rb, leasesB],
    ] as const) {
      const text = r.stdout.toString('latin1');
      for (const m of text.matchAll(/lease ([0-9a-f]{16}) granted/g)) names.learn(m[1]!);
      if (args.includes('grant')) {
        for (const m of text.matchAll(/"ID":(\d+)/g))
          names.learn(BigInt(m[1]!).toString(16).padStart(16, '0'));
      }
    }
    const isPb = args.includes('protobuf');
    const view = (
      r: Run,
      id: Identity,
      names: LeaseNames,
    ): { code: number; stdout: string; stderr: string } => {
      let stdout = isPb ? pbCanon(r.stdout, opts.pbType) : normalize(r.stdout.toString('latin1'), id, names);
      if (opts.squash) stdout = stdout.replace(/-{2,}/g, '--').replace(/ {2,}/g, ' ');
      if (opts.mask) stdout = stdout.replace(opts.mask, 'MASKED');
      return { code: r.code, stdout, stderr: normalize(r.stderr, id, names) };
    };
    assert.deepEqual(view(rb, idB, leasesB), view(ra, idA, leasesA), `tsetcdctl ${args.join(' ')}`);
    return [ra, rb];
  }

  it('put (simple, json, fields, protobuf), --prev-kv, values from stdin', async () => {
    await same(['put', 'foo', 'bar']);
    await same(['put', 'foo2', 'multi\nline\tvalue "quoted" \u00e9']);
    await same(['put', 'bin', '\x01\x02\xff'.replace(/./g, (c) => c)]);
    await same(['put', 'fromstdin'], { input: 'stdin value\n' });
    for (const w of ['json', 'fields']) await same(['-w', w, 'put', 'foo', `v-${w}`, '--prev-kv']);
    await same(['-w', 'protobuf', 'put', 'foo', 'v-pb', '--prev-kv'], { pbType: 'PutResponse' });
    await same(['-w', 'table', 'put', 'foo', 'v-table']);
    await same(['put', 'foo', '--ignore-value']);
    await same(['put', 'nokey', '--ignore-value']);
    await same(['put']);
    await same(['put', 'k', 'v', '--lease', 'zz']);
  });

  it('get: every flag in every format', async () => {
    for (const k of ['a1', 'a2', 'a3', 'b1']) await same(['put', k, `val-${k}`]);
    const variants = [
      ['get', 'foo'],
      ['get', 'a', '--prefix'],
      ['get', 'a2', '--from-key'],
      ['get', 'a1', 'a3'],
      ['get', 'a', '--prefix', '--limit', '2'],
      ['get', 'a', '--prefix', '--keys-only'],
      ['get', 'a', '--prefix', '--print-value-only'],
      ['get', 'a', '--prefix', '--sort-by', 'MODIFY', '--order', 'DESCEND'],
      ['get', 'a', '--prefix', '--sort-by=VALUE'],
      ['get', 'foo', '--rev', '2'],
      ['get', 'foo', '--consistency', 's'],
      ['get', '', '--prefix', '--keys-only'],
      ['get', 'missing'],
      ['--hex', 'get', 'foo'],
    ];
    // every format for the first variants, simple and json for the rest (each pair of spawns costs time)
    for (const [i, v] of variants.entries()) {
      for (const w of i < 4 ? FORMATS : ['simple', 'json'])
        await same(['-w', w, ...v], { pbType: 'RangeResponse' });
    }
  });

  it('get: bad input and errors', async () => {
    await same(['get']);
    await same(['get', 'a', '--prefix', '--from-key']);
    await same(['get', 'a', 'b', '--prefix']);
    await same(['get', 'a', '--consistency', 'x']);
    await same(['get', 'a', '--order', 'UP']);
    await same(['get', 'a', '--sort-by', 'SIZE']);
    await same(['get', 'a', '--limit', 'abc']);
    await same(['get', 'a', '--bogus']);
    await same(['-w', 'xml', 'get', 'a']);
    await same(['get', 'foo', '--rev', '100000']);
    await same(['bogus']);
  });

  it('del in every format', async () => {
    await same(['put', 'd1', 'x']);
    await same(['put', 'd2', 'y']);
    await same(['del', 'd1', '--prev-kv']);
    await same(['-w', 'json', 'del', 'd2', '--prev-kv']);
    await same(['-w', 'fields', 'del', 'nothing']);
    await same(['-w', 'protobuf', 'del', 'nothing'], { pbType: 'DeleteRangeResponse' });
    await same(['del', 'a', '--prefix']);
    await same(['del']);
    await same(['del', 'x', 'y', '--from-key']);
  });

  it('txn from stdin and interactive, all formats, malformed input', async () => {
    await same(['put', 'k1', 'v1']);
    const body = 'mod("k1") > "0"\nvalue("k1") = "v1"\n\nput k2 v2\nget k1\ndel k3\n\nput k4 v4\n\n';
    for (const w of ['simple', 'json', 'fields']) await same(['-w', w, 'txn'], { input: body });
    await same(['-w', 'protobuf', 'txn'], { input: body, pbType: 'TxnResponse' });
    await same(['txn', '-i'], {
      input: 'value("k1") = "nope"\n\nput k2 v2\n\nget k1\nput "quoted key" \'single\'\n\n',
    });
    await same(['txn', '-i'], { input: 'ver("k1") = "1"\n\n' });
    await same(['txn'], { input: 'bogus\n' });
    await same(['txn'], { input: 'version("k1") = "x"\n\n' });
    await same(['txn'], { input: 'size("k1") = "1"\n\n' });
    await same(['txn'], { input: '\nfoo bar\n\n' });
    await same(['txn'], { input: '\nput k1 a\nput k1 b\n\n\n' });
    await same(['txn', 'extra']);
  });

  it('compaction and a compacted revision', async () => {
    await same(['compaction', '3']);
    await same(['compaction', '--physical', '4']);
    await same(['compaction', '3']);
    await same(['get', 'foo', '--rev', '2']);
    await same(['compaction']);
    await same(['compaction', 'x']);
    await same(['watch', 'foo', '--rev', '2']);
  });

  it('lease grant, timetolive --keys, list, keep-alive --once, revoke', async () => {
    for (const w of ['simple', 'json', 'table']) await same(['-w', w, 'lease', 'grant', '600']);
    // fields prints the ID after a float64 round trip in etcdctl 3.4: mask the (server-specific) ID
    await same(['-w', 'fields', 'lease', 'grant', '600'], { mask: /"ID" : \d+/ });
    await same(['-w', 'protobuf', 'lease', 'grant', '600'], { pbType: 'ResponseHeader' });
    // the same command line must name each twin's own lease: run the two sides by hand
    const l1a = [...leasesA.entries()].find(([, n]) => n === 'LEASE1')![0];
    const l1b = [...leasesB.entries()].find(([, n]) => n === 'LEASE1')![0];
    const pa = await etcdctl(['--endpoints', a.endpoints[0]!, 'put', 'leased', 'v', '--lease', l1a]);
    const pb = await tsetcdctl(['--endpoints', b.endpoints[0]!, 'put', 'leased', 'v', '--lease', l1b]);
    assert.deepEqual([pb.code, pb.stdout.toString()], [pa.code, pa.stdout.toString()]);
    for (const cmd of [
      ['lease', 'timetolive', '--keys'],
      ['lease', 'keep-alive', '--once'],
      ['lease', 'revoke'],
    ]) {
      const ra = await etcdctl(['--endpoints', a.endpoints[0]!, ...cmd, l1a]);
      const rb = await tsetcdctl(['--endpoints', b.endpoints[0]!, ...cmd, l1b]);
      const norm = (r: Run, id: Identity, n: LeaseNames) => ({
        code: r.code,
        stdout: normalize(r.stdout.toString('latin1'), id, n).replace(/remaining\(\d+s\)/, 'remaining(N)'),
        stderr: normalize(r.stderr, id, n),
      });
      assert.deepEqual(norm(rb, idB, leasesB), norm(ra, idA, leasesA), cmd.join(' '));
    }
    await same(['lease', 'timetolive', '1234']);
    await same(['-w', 'json', 'lease', 'timetolive', '1234']);
    await same(['lease', 'revoke', '1234']);
    await same(['lease', 'keep-alive', '--once', '1234']);
    await same(['lease', 'keep-alive', '1234']);
    await same(['lease', 'grant']);
    await same(['lease', 'grant', 'zz']);
    await same(['lease', 'revoke', 'zz']);
    await same(['lease', 'timetolive']);
  });

  it('member list, endpoint status/health/hashkv, alarm, defrag, version', async () => {
    for (const w of ['simple', 'json', 'fields', 'table'])
      await same(['-w', w, 'member', 'list'], { squash: w === 'table' });
    await same(['-w', 'protobuf', 'member', 'list'], { pbType: 'MemberListResponse' });
    for (const w of ['simple', 'json', 'fields', 'table', 'protobuf']) {
      await same(['-w', w, 'endpoint', 'hashkv'], { mask: /\b\d{5,}\b/g, squash: w === 'table' });
      await same(['-w', w, 'endpoint', 'health'], { squash: w === 'table' });
      await same(['-w', w, 'endpoint', 'health', '--cluster'], { squash: w === 'table' });
    }
    for (const w of ['simple', 'json', 'table']) await same(['-w', w, 'alarm', 'list']);
    await same(['alarm', 'disarm']);
    await same(['defrag']);
    await same(['version'], { noEndpoint: true });
    await same(['member', 'remove', 'zz']);
    await same(['member', 'add']);
    await same(['member', 'add', 'x']);
    await same(['move-leader']);
  });

  it('watch: events in every format, --prev-kv, exec form with ETCD_WATCH_* env', async () => {
    // a watch from a past revision prints history and keeps running: bound it with timeout and compare output
    const rev = ['--rev', '5'];
    for (const w of ['simple', 'json', 'fields']) {
      const ra = await etcdctl(
        ['--endpoints', a.endpoints[0]!, '-w', w, 'watch', 'foo', ...rev, '--prev-kv'],
        { timeoutMs: 3000 },
      );
      const rb = await tsetcdctl(
        ['--endpoints', b.endpoints[0]!, '-w', w, 'watch', 'foo', ...rev, '--prev-kv'],
        { timeoutMs: 6000 },
      );
      assert.equal(
        normalize(rb.stdout.toString('latin1'), idB, leasesB),
        normalize(ra.stdout.toString('latin1'), idA, leasesA),
        w,
      );
      assert.ok(ra.stdout.length > 0);
    }
    const exec = [
      'watch',
      'foo',
      '--rev',
      '5',
      '--',
      'sh',
      '-c',
      'echo "$ETCD_WATCH_REVISION $ETCD_WATCH_EVENT_TYPE $ETCD_WATCH_KEY $ETCD_WATCH_VALUE"',
    ];
    const ra = await etcdctl(['--endpoints', a.endpoints[0]!, ...exec], { timeoutMs: 3000 });
    const rb = await tsetcdctl(['--endpoints', b.endpoints[0]!, ...exec], { timeoutMs: 6000 });
    assert.equal(rb.stdout.toString(), ra.stdout.toString());
    await same(['watch']);
    await same(['watch', 'foo', '--']);
  });

  it('unreachable endpoint: same error text and exit code', async () => {
    const args = ['--endpoints', '127.0.0.1:1', '--dial-timeout', '1s', '--command-timeout', '1s'];
    const ra = await etcdctl([...args, 'get', 'a']);
    const rb = await tsetcdctl([...args, 'get', 'a']);
    assert.equal(rb.code, ra.code);
    assert.equal(normalize(rb.stderr, idB, leasesB), normalize(ra.stderr, idA, leasesA));
  });

  it('ETCDCTL_* environment: endpoints, write-out, conflicts', async () => {
    const ra = await etcdctl(['get', 'foo'], {
      env: { ETCDCTL_ENDPOINTS: a.endpoints[0]!, ETCDCTL_WRITE_OUT: 'json' },
    });
    const rb = await tsetcdctl(['get', 'foo'], {
      env: { ETCDCTL_ENDPOINTS: b.endpoints[0]!, ETCDCTL_WRITE_OUT: 'json' },
    });
    assert.equal(
      normalize(rb.stdout.toString(), idB, leasesB),
      normalize(ra.stdout.toString(), idA, leasesA),
    );
    const ca = await etcdctl(['--endpoints', a.endpoints[0]!, 'get', 'foo'], {
      env: { ETCDCTL_ENDPOINTS: a.endpoints[0]! },
    });
    const cb = await tsetcdctl(['--endpoints', b.endpoints[0]!, 'get', 'foo'], {
      env: { ETCDCTL_ENDPOINTS: b.endpoints[0]! },
    });
    assert.deepEqual(
      [cb.code, normalize(cb.stderr, idB, leasesB)],
      [ca.code, normalize(ca.stderr, idA, leasesA)],
    );
    assert.match(cb.stderr, /conflicting environment variable "ETCDCTL_ENDPOINTS"/);
  });

  it('snapshot save writes the same database bytes size and message', async () => {
    const fa = `/tmp/tsetcdctl-snap-a-${process.pid}.db`;
    const fb = `/tmp/tsetcdctl-snap-b-${process.pid}.db`;
    const ra = await etcdctl(['--endpoints', a.endpoints[0]!, 'snapshot', 'save', fa]);
    const rb = await tsetcdctl(['--endpoints', b.endpoints[0]!, 'snapshot', 'save', fb]);
    assert.equal(rb.code, ra.code);
    assert.equal(rb.stdout.toString().replace(fb, 'F'), ra.stdout.toString().replace(fa, 'F'));
    const { statSync, rmSync } = await import('node:fs');
    assert.ok(statSync(fb).size > 0);
    rmSync(fa, { force: true });
    rmSync(fb, { force: true });
    await same(['snapshot', 'save', '/tmp/never.db'], { twice: true });
  });
});
