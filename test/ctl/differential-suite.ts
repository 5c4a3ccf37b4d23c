// The differential suite, parameterized by the two sides it compares: each side is a tool (etcdctl or
// tsetcdctl) and a server (real etcd or tsetcd). Both sides get the same command sequence on their own twin
// server; state-changing command lines run one after the other, read-only ones concurrently.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { etcdserverpb } from '../../src/api/gen/etcd.js';
import { ROOT } from '../../src/ctl/root.ts';
import type { CommandSpec } from '../../src/ctl/spec.ts';
import {
  haveEtcd,
  identify,
  LeaseNames,
  normalize,
  tsetcdctlBundle,
  type Identity,
  type Run,
  type RunOptions,
  type ServerUnderTest,
  type StartServer,
  type Tool,
} from './harness.ts';

export interface SideConfig {
  tool: Tool;
  start: StartServer;
}

export interface SuiteConfig {
  title: string;
  a: SideConfig;
  b: SideConfig;
  /** Compare the outputs of read-only commands only; for state-changing ones only the exit codes. */
  readOnly?: boolean;
  /** Also compare `<command> --help` for every command (server-independent: one suite is enough). */
  help?: boolean;
  /** Test name → reason: tests skipped for a known bug of the server under test. */
  skip?: Readonly<Record<string, string>>;
}

const FORMATS = ['simple', 'json', 'fields', 'protobuf', 'table'];

/** Verbs whose command lines change the server's state (or its stored data). */
function isWrite(args: readonly string[]): boolean {
  const words = args.filter((a) => !a.startsWith('-'));
  const [v, sub] = [words[0], words[1]];
  if (v === undefined) return false;
  if (['put', 'del', 'txn', 'compaction', 'defrag', 'snapshot', 'move-leader', 'lock'].includes(v))
    return true;
  if (v === 'lease') return sub === 'grant' || sub === 'revoke' || sub === 'keep-alive';
  if (v === 'alarm') return sub === 'disarm';
  if (v === 'member') return sub !== 'list';
  return false;
}

interface SameOptions extends RunOptions {
  pbType?: keyof typeof etcdserverpb;
  squash?: boolean;
  noEndpoint?: boolean;
  twice?: boolean;
  mask?: RegExp;
}

export function differentialSuite(cfg: SuiteConfig): void {
  const skip = !haveEtcd() && 'no /usr/bin/etcd';
  // Two twin pairs, each with its own half of the tests, run side by side: the command lines of one half
  // depend on the revisions its own earlier lines made, never on the other half's.
  describe(cfg.title, { skip, concurrency: 2 }, () => {
    for (const part of [1, 2] as const) {
      describe(PART_TITLES[part - 1]!, { concurrency: false }, () => suitePart(cfg, part));
    }
  });
}

const PART_TITLES = ['KV, txn, compaction, watch', 'lease, cluster, maintenance, snapshot, lock, help'];
const PART2_TESTS = ['lease', 'member', 'unreachable', 'snapshot', '--help', 'lock'];

function suitePart(cfg: SuiteConfig, part: 1 | 2): void {
  {
    let a: ServerUnderTest;
    let b: ServerUnderTest;
    let idA: Identity;
    let idB: Identity;
    const leasesA = new LeaseNames();
    const leasesB = new LeaseNames();
    const scratch = mkdtempSync(join(tmpdir(), 'tsetcdctl-diff-'));

    before(async () => {
      [a, b] = await Promise.all([cfg.a.start('twin'), cfg.b.start('twin'), tsetcdctlBundle()]);
      [idA, idB] = await Promise.all([identify(a), identify(b)]);
    });
    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      rmSync(scratch, { recursive: true, force: true });
    });

    const test = (name: string, fn: () => Promise<void>): void => {
      if (PART2_TESTS.some((p) => name.startsWith(p)) !== (part === 2)) return;
      const why = cfg.skip?.[name];
      it(name, why ? { skip: why } : {}, fn);
    };

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

    const ep = (s: ServerUnderTest): string[] => ['--endpoints', s.endpoints[0]!];

    /** Both sides at once: A's tool on server A, B's tool on server B, each with its own extra arguments. */
    async function both(argsA: string[], argsB: string[], opts: RunOptions = {}): Promise<[Run, Run]> {
      return Promise.all([cfg.a.tool(argsA, opts), cfg.b.tool(argsB, opts)]);
    }

    /** Runs the command line on both sides and asserts that the normalized results are equal. */
    async function same(args: string[], opts: SameOptions = {}): Promise<[Run, Run]> {
      const epOf = (s: ServerUnderTest): string[] =>
        opts.noEndpoint
          ? []
          : ['--endpoints', (opts.twice ? [...s.endpoints, ...s.endpoints] : s.endpoints).join(',')];
      const [ra, rb] = await both([...epOf(a), ...args], [...epOf(b), ...args], opts);
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
      const what = `${args.join(' ')}${opts.input !== undefined ? ` <<< ${JSON.stringify(opts.input)}` : ''}`;
      if (cfg.readOnly && isWrite(args)) {
        assert.equal(rb.code, ra.code, `exit code of ${what}`);
        return [ra, rb];
      }
      const isPb = args.includes('protobuf');
      const view = (
        r: Run,
        id: Identity,
        names: LeaseNames,
      ): { code: number; stdout: string; stderr: string } => {
        let stdout = isPb
          ? pbCanon(r.stdout, opts.pbType)
          : normalize(r.stdout.toString('latin1'), id, names);
        if (opts.squash) stdout = stdout.replace(/-{2,}/g, '--').replace(/ {2,}/g, ' ');
        if (opts.mask) stdout = stdout.replace(opts.mask, 'MASKED');
        return { code: r.code, stdout, stderr: normalize(r.stderr, id, names) };
      };
      assert.deepEqual(view(rb, idB, leasesB), view(ra, idA, leasesA), what);
      return [ra, rb];
    }

    /** Read-only or failing command lines: all at once. */
    async function sameAll(lines: ReadonlyArray<string[] | [string[], SameOptions]>): Promise<void> {
      await Promise.all(
        lines.map((l) =>
          Array.isArray(l[0]) ? same(...(l as [string[], SameOptions])) : same(l as string[]),
        ),
      );
    }

    test('put (simple, json, fields, protobuf, table), --prev-kv, values from stdin', async () => {
      await same(['put', 'foo', 'bar']);
      await same(['put', 'foo2', 'multi\nline\tvalue "quoted" \u00e9']);
      await same(['put', 'bin', '\x01\x02\xff']);
      await same(['put', 'fromstdin'], { input: 'stdin value\n' });
      for (const w of ['json', 'fields']) await same(['-w', w, 'put', 'foo', `v-${w}`, '--prev-kv']);
      await same(['-w', 'protobuf', 'put', 'foo', 'v-pb', '--prev-kv'], { pbType: 'PutResponse' });
      await same(['put', 'foo', '--ignore-value']);
      await sameAll([
        ['-w', 'table', 'put', 'foo', 'v-table'],
        ['put', 'nokey', '--ignore-value'],
        ['put'],
        ['put', 'k', 'v', '--lease', 'zz'],
      ]);
    });

    test('get: every flag in every format', async () => {
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
      // every format for the first variants, simple and json for the rest
      const lines: Array<[string[], SameOptions]> = [];
      for (const [i, v] of variants.entries()) {
        for (const w of i < 3 ? FORMATS : ['simple', 'json'])
          lines.push([['-w', w, ...v], { pbType: 'RangeResponse' }]);
      }
      await sameAll(lines);
    });

    test('get: bad input and errors', async () => {
      await sameAll([
        ['get'],
        ['get', 'a', '--prefix', '--from-key'],
        ['get', 'a', 'b', '--prefix'],
        ['get', 'a', '--consistency', 'x'],
        ['get', 'a', '--order', 'UP'],
        ['get', 'a', '--sort-by', 'SIZE'],
        ['get', 'a', '--limit', 'abc'],
        ['get', 'a', '--bogus'],
        ['-w', 'xml', 'get', 'a'],
        ['get', 'foo', '--rev', '100000'],
        ['bogus'],
      ]);
    });

    test('del in every format', async () => {
      await same(['put', 'd1', 'x']);
      await same(['put', 'd2', 'y']);
      await same(['del', 'd1', '--prev-kv']);
      await same(['-w', 'json', 'del', 'd2', '--prev-kv']);
      await same(['del', 'a', '--prefix']);
      await sameAll([
        ['-w', 'fields', 'del', 'nothing'],
        [['-w', 'protobuf', 'del', 'nothing'], { pbType: 'DeleteRangeResponse' }],
        ['del'],
        ['del', 'x', 'y', '--from-key'],
      ]);
    });

    test('txn from stdin and interactive, all formats, malformed input', async () => {
      await same(['put', 'k1', 'v1']);
      const body = 'mod("k1") > "0"\nvalue("k1") = "v1"\n\nput k2 v2\nget k1\ndel k3\n\nput k4 v4\n\n';
      for (const w of ['simple', 'json', 'fields']) await same(['-w', w, 'txn'], { input: body });
      await same(['-w', 'protobuf', 'txn'], { input: body, pbType: 'TxnResponse' });
      await same(['txn', '-i'], {
        input: 'value("k1") = "nope"\n\nput k2 v2\n\nget k1\nput "quoted key" \'single\'\n\n',
      });
      await sameAll([
        [['txn', '-i'], { input: 'ver("k1") = "1"\n\n' }],
        [['txn'], { input: 'bogus\n' }],
        [['txn'], { input: 'version("k1") = "x"\n\n' }],
        [['txn'], { input: 'size("k1") = "1"\n\n' }],
        [['txn'], { input: '\nfoo bar\n\n' }],
        [['txn'], { input: '\nput k1 a\nput k1 b\n\n\n' }],
        ['txn', 'extra'],
      ]);
    });

    test('compaction and a compacted revision', async () => {
      await same(['compaction', '3']);
      await same(['compaction', '--physical', '4']);
      await sameAll([
        ['compaction', '3'],
        ['get', 'foo', '--rev', '2'],
        ['compaction'],
        ['compaction', 'x'],
        ['watch', 'foo', '--rev', '2'],
      ]);
    });

    test('lease grant, timetolive --keys, list, keep-alive --once, revoke', async () => {
      for (const w of ['simple', 'json', 'table']) await same(['-w', w, 'lease', 'grant', '600']);
      // fields prints the ID after a float64 round trip in etcdctl 3.4: mask the (server-specific) ID. When the
      // round trip happens to give the exact ID back, normalize() has already named it (LEASE<n>D).
      await same(['-w', 'fields', 'lease', 'grant', '600'], { mask: /"ID" : (?:\d+|LEASE\d+D)/ });
      await same(['-w', 'protobuf', 'lease', 'grant', '600'], { pbType: 'ResponseHeader' });
      // the same command line must name each twin's own lease: each side gets its own ID
      const l1a = leasesA.id('LEASE1');
      const l1b = leasesB.id('LEASE1');
      const [pa, pb] = await both(
        [...ep(a), 'put', 'leased', 'v', '--lease', l1a],
        [...ep(b), 'put', 'leased', 'v', '--lease', l1b],
      );
      assert.deepEqual([pb.code, pb.stdout.toString()], [pa.code, pa.stdout.toString()]);
      const norm = (r: Run, id: Identity, n: LeaseNames): object => ({
        code: r.code,
        stdout: normalize(r.stdout.toString('latin1'), id, n).replace(/remaining\(\d+s\)/, 'remaining(N)'),
        stderr: normalize(r.stderr, id, n),
      });
      for (const cmd of [
        ['lease', 'timetolive', '--keys'],
        ['lease', 'keep-alive', '--once'],
        ['lease', 'revoke'],
      ]) {
        const [ra, rb] = await both([...ep(a), ...cmd, l1a], [...ep(b), ...cmd, l1b]);
        if (cfg.readOnly && isWrite(cmd)) assert.equal(rb.code, ra.code, cmd.join(' '));
        else assert.deepEqual(norm(rb, idB, leasesB), norm(ra, idA, leasesA), cmd.join(' '));
      }
      await sameAll([
        ['lease', 'timetolive', '1234'],
        ['-w', 'json', 'lease', 'timetolive', '1234'],
        ['lease', 'revoke', '1234'],
        ['lease', 'keep-alive', '--once', '1234'],
        ['lease', 'keep-alive', '1234'],
        ['lease', 'grant'],
        ['lease', 'grant', 'zz'],
        ['lease', 'revoke', 'zz'],
        ['lease', 'timetolive'],
      ]);
    });

    test('member list, endpoint status/health/hashkv, alarm, defrag, version', async () => {
      const lines: Array<[string[], SameOptions]> = [];
      for (const w of ['simple', 'json', 'fields', 'table'])
        lines.push([['-w', w, 'member', 'list'], { squash: w === 'table' }]);
      lines.push([['-w', 'protobuf', 'member', 'list'], { pbType: 'MemberListResponse' }]);
      for (const w of ['simple', 'json', 'fields', 'table', 'protobuf']) {
        lines.push([['-w', w, 'endpoint', 'hashkv'], { mask: /\b\d{5,}\b/g, squash: w === 'table' }]);
        lines.push([['-w', w, 'endpoint', 'health'], { squash: w === 'table' }]);
        lines.push([['-w', w, 'endpoint', 'health', '--cluster'], { squash: w === 'table' }]);
      }
      for (const w of ['simple', 'json', 'table']) lines.push([['-w', w, 'alarm', 'list'], {}]);
      lines.push([['version'], { noEndpoint: true }]);
      for (const l of [
        ['member', 'remove', 'zz'],
        ['member', 'add'],
        ['member', 'add', 'x'],
        ['move-leader'],
      ])
        lines.push([l, {}]);
      await sameAll(lines);
      await same(['alarm', 'disarm']);
      await same(['defrag']);
    });

    test('watch: events in every format, --prev-kv, exec form with ETCD_WATCH_* env', async () => {
      // A watch from a past revision prints the history and keeps running: side A runs for a fixed time,
      // side B until it has printed as much as A (or a longer time), then both are stopped.
      const watchBoth = async (args: string[]): Promise<[Run, Run]> => {
        const ra = await cfg.a.tool([...ep(a), ...args], { until: () => false, timeoutMs: 2000 });
        const rb = await cfg.b.tool([...ep(b), ...args], {
          until: (o) => o.length >= ra.stdout.length,
          timeoutMs: 6000,
        });
        assert.ok(ra.stdout.length > 0, `${args.join(' ')} printed nothing`);
        return [ra, rb];
      };
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
      const runs = await Promise.all([
        ...['simple', 'json', 'fields'].map((w) =>
          watchBoth(['-w', w, 'watch', 'foo', '--rev', '5', '--prev-kv']),
        ),
        watchBoth(exec),
      ]);
      for (const [i, [ra, rb]] of runs.entries()) {
        assert.equal(
          normalize(rb.stdout.toString('latin1'), idB, leasesB),
          normalize(ra.stdout.toString('latin1'), idA, leasesA),
          `watch run ${i}`,
        );
      }
      await sameAll([['watch'], ['watch', 'foo', '--']]);
    });

    test('unreachable endpoint, ETCDCTL_* environment: same error text and exit code', async () => {
      const args = ['--endpoints', '127.0.0.1:1', '--dial-timeout', '1s', '--command-timeout', '1s'];
      const env = (s: ServerUnderTest, extra: Record<string, string>): RunOptions => ({
        env: { ETCDCTL_ENDPOINTS: s.endpoints[0]!, ...extra },
      });
      const [[ua, ub], [ja, jb], [ca, cb]] = await Promise.all([
        both([...args, 'get', 'a'], [...args, 'get', 'a']),
        Promise.all([
          cfg.a.tool(['get', 'foo'], env(a, { ETCDCTL_WRITE_OUT: 'json' })),
          cfg.b.tool(['get', 'foo'], env(b, { ETCDCTL_WRITE_OUT: 'json' })),
        ]),
        Promise.all([
          cfg.a.tool([...ep(a), 'get', 'foo'], env(a, {})),
          cfg.b.tool([...ep(b), 'get', 'foo'], env(b, {})),
        ]),
      ]);
      assert.equal(ub.code, ua.code);
      assert.equal(normalize(ub.stderr, idB, leasesB), normalize(ua.stderr, idA, leasesA));
      assert.equal(
        normalize(jb.stdout.toString(), idB, leasesB),
        normalize(ja.stdout.toString(), idA, leasesA),
      );
      assert.deepEqual(
        [cb.code, normalize(cb.stderr, idB, leasesB)],
        [ca.code, normalize(ca.stderr, idA, leasesA)],
      );
      assert.match(cb.stderr, /conflicting environment variable "ETCDCTL_ENDPOINTS"/);
    });

    test('snapshot save: same message; refuses several endpoints', async () => {
      const fa = join(scratch, 'a.db');
      const fb = join(scratch, 'b.db');
      const [[ra, rb]] = await Promise.all([
        both([...ep(a), 'snapshot', 'save', fa], [...ep(b), 'snapshot', 'save', fb]),
        same(['snapshot', 'save', join(scratch, 'never.db')], { twice: true }),
      ]);
      assert.equal(rb.code, ra.code);
      assert.equal(rb.stdout.toString().replace(fb, 'F'), ra.stdout.toString().replace(fa, 'F'));
      assert.ok(statSync(fb).size > 0);
    });

    if (cfg.help) {
      test('--help of every command (usage, flags, defaults, descriptions)', async () => {
        // check lists datascale and completion lists fish/powershell, which tsetcdctl does not have
        const lines: string[][] = [];
        const walk = (spec: CommandSpec, path: string[]): void => {
          if (path.length > 0 && !['check', 'completion'].includes(path[0]!)) lines.push([...path, '--help']);
          for (const c of spec.sub ?? []) if (!c.hidden) walk(c, [...path, c.name]);
        };
        walk(ROOT, []);
        assert.ok(lines.length > 40);
        lines.push(['help', 'get'], ['help', 'member', 'list'], ['help', 'member', 'bogus']);
        await sameAll(lines.map((l): [string[], SameOptions] => [l, { noEndpoint: true }]));
      });
    }

    test('lock and elect: argument errors; lock exec form with ETCD_LOCK_KEY/ETCD_LOCK_REV', async () => {
      await sameAll([
        ['lock'],
        ['elect'],
        ['elect', 'x'],
        ['elect', '-l', 'x', 'y'],
        ['lock', 'l', '--bogus'],
      ]);
      // the key ends in the session's lease ID, different on each twin
      const env = ['sh', '-c', 'echo "$ETCD_LOCK_KEY $ETCD_LOCK_REV"'];
      await same(['lock', 'mylock', '--', ...env], { mask: /mylock\/[0-9a-f]+/ });
      await same(['lock', 'mylock', '--', 'sh', '-c', 'exit 7']);
    });
  }
}
