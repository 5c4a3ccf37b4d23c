// make-mirror (a real etcd mirrored into a tsetcd: base copy, then live puts, deletes and multi-key txns,
// with the prefix rewritten) and check perf (short run: the verdict lines etcdctl prints, keys cleaned up,
// exit code agreeing with the verdict; argument errors as etcdctl reports them).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '../../src/client/index.ts';
import {
  etcdctl,
  haveEtcd,
  startRealEtcd,
  startTsetcdServer,
  tsetcdctl,
  tsetcdctlBackground,
  type ServerUnderTest,
} from './harness.ts';

async function dump(c: Client, prefix: string): Promise<Record<string, string>> {
  const zero = Buffer.from([0]);
  const r =
    prefix === '' ? await c.range({ key: zero, range_end: zero }) : await c.get(prefix, { prefix: true });
  return Object.fromEntries(
    r.kvs.map((kv) => [Buffer.from(kv.key ?? []).toString(), Buffer.from(kv.value ?? []).toString()]),
  );
}

async function eventually(f: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await f()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('make-mirror and check perf', { skip: !haveEtcd() && 'no /usr/bin/etcd' }, () => {
  let src: ServerUnderTest;
  let dst: ServerUnderTest;
  let s: Client;
  let d: Client;
  before(async () => {
    [src, dst] = await Promise.all([startRealEtcd('mirror-src'), startTsetcdServer('mirror-dst')]);
    s = new Client({ endpoints: src.endpoints });
    d = new Client({ endpoints: dst.endpoints });
  });
  after(async () => {
    s?.close();
    d?.close();
    await Promise.all([src?.stop(), dst?.stop()]);
  });

  it('make-mirror: base copy and live changes of a prefix, renamed to --dest-prefix', async () => {
    for (let i = 1; i <= 5; i++) await s.put(`p/${i}`, `v${i}`);
    await s.put('other', 'not mirrored');
    const m = await tsetcdctlBackground([
      '--endpoints',
      src.endpoints[0]!,
      'make-mirror',
      '--prefix',
      'p/',
      '--dest-prefix',
      'q/',
      dst.endpoints[0]!,
    ]);
    try {
      await eventually(async () => Object.keys(await dump(d, 'q/')).length === 5, 'the base copy');
      await s.put('p/6', 'v6');
      await s.delete('p/1');
      await s.txn({
        success: [
          { request_put: { key: Buffer.from('p/7'), value: Buffer.from('v7') } },
          { request_put: { key: Buffer.from('p/2'), value: Buffer.from('v2b') } },
        ],
      });
      const want = { 'q/2': 'v2b', 'q/3': 'v3', 'q/4': 'v4', 'q/5': 'v5', 'q/6': 'v6', 'q/7': 'v7' };
      await eventually(
        async () => JSON.stringify(await dump(d, 'q/')) === JSON.stringify(want),
        'live changes',
      );
      assert.deepEqual(await dump(d, ''), want);
      assert.equal(m.stderr(), '');
    } finally {
      m.signal('SIGTERM');
      await m.exited;
    }
  });

  it('make-mirror and check perf: argument errors as etcdctl reports them', async () => {
    await s.put('/busy/x', '1');
    const ep = ['--endpoints', src.endpoints[0]!];
    const lines = [
      [...ep, 'make-mirror'],
      [...ep, 'make-mirror', '--dest-prefix', 'a', '--no-dest-prefix', dst.endpoints[0]!],
      [...ep, 'check', 'perf', '--load', 'huge'],
      [...ep, 'check', 'perf', '--prefix', '/busy/'],
    ];
    for (const l of lines) {
      const [a, b] = await Promise.all([etcdctl(l), tsetcdctl(l)]);
      assert.deepEqual(
        [b.code, b.stdout.toString(), b.stderr],
        [a.code, a.stdout.toString(), a.stderr],
        l.join(' '),
      );
    }
  });

  it('check perf: a short run prints the verdict lines; exit code follows the verdict; keys removed', async () => {
    const r = await tsetcdctl(['--endpoints', dst.endpoints[0]!, 'check', 'perf', '--auto-compact'], {
      env: { TSETCDCTL_CHECK_PERF_SECONDS: '2' },
      timeoutMs: 30_000,
    });
    const lines = r.stdout.toString().trim().split('\n');
    assert.match(lines[0]!, /^Compacting with revision \d+$/);
    assert.match(lines[1]!, /^Compacted with revision \d+$/);
    assert.match(lines[2]!, /^(PASS: Throughput is|FAIL: Throughput too low:) \d+ writes\/s$/);
    assert.match(lines[3]!, /^(PASS: Slowest request took|Slowest request took too long:) \d+\.\d{6}s$/);
    assert.match(lines[4]!, /^(PASS: Stddev is|Stddev too high:) \d+\.\d{6}s$/);
    assert.ok(lines[5] === 'PASS' || lines[5] === 'FAIL', lines.join('\n'));
    assert.equal(r.code, lines[5] === 'PASS' ? 0 : 1, r.stderr);
    assert.deepEqual(await dump(d, '/etcdctl-check-perf/'), {});
  });
});
