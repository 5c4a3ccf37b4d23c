// Real etcdctl 3.4 against the toy behind the front: the wire (HTTP/2 framing, codecs, metadata, status codes
// and messages) must be good enough for Go's clientv3.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  etcdctl,
  etcdctlBackground,
  haveEtcd,
  haveEtcdctl,
  startRealEtcd,
  startToy,
  until,
  type ToyFront,
} from './helpers.ts';

let t: ToyFront;
const ep = (): string => `--endpoints=${t.endpoint}`;

before(async () => {
  t = await startToy();
});
after(async () => {
  await t.front.close();
});

test('put, get, get -w json, del', { skip: !haveEtcdctl }, async () => {
  assert.deepEqual(await etcdctl([ep(), 'put', 'foo', 'bar']), { code: 0, stdout: 'OK\n', stderr: '' });
  assert.equal((await etcdctl([ep(), 'get', 'foo'])).stdout, 'foo\nbar\n');
  const json = JSON.parse((await etcdctl([ep(), 'get', 'foo', '-w', 'json'])).stdout);
  // etcdctl prints int64 as JSON numbers; uint64 above 2^53 lose precision in JSON.parse, so compare the text.
  assert.equal(json.kvs[0].key, Buffer.from('foo').toString('base64'));
  assert.equal(json.kvs[0].value, Buffer.from('bar').toString('base64'));
  assert.equal(json.kvs[0].version, 1);
  assert.equal(json.count, 1);
  assert.equal(json.header.raft_term, 2);
  const raw = (await etcdctl([ep(), 'get', 'foo', '-w', 'json'])).stdout;
  assert.match(raw, /"cluster_id":15117940599932262954,"member_id":10276657743932975437/);
  assert.equal((await etcdctl([ep(), 'put', 'foo2', 'x'])).code, 0);
  assert.equal((await etcdctl([ep(), 'get', 'foo', '--prefix', '--keys-only'])).stdout, 'foo\n\nfoo2\n\n');
  assert.equal((await etcdctl([ep(), 'del', 'foo', '--prefix'])).stdout, '2\n');
  assert.equal((await etcdctl([ep(), 'get', 'foo'])).stdout, '');
});

test('watch: created, then an event from a put', { skip: !haveEtcdctl }, async () => {
  const w = etcdctlBackground([ep(), 'watch', 'wk']);
  try {
    await until(() => t.toy.watcherCount > 0, 5000, 'watch created');
    assert.equal((await etcdctl([ep(), 'put', 'wk', 'v1'])).code, 0);
    await until(() => w.output().includes('v1'), 5000, 'watch event');
    assert.equal(w.output(), 'PUT\nwk\nv1\n');
  } finally {
    await w.stop();
  }
  await until(() => t.toy.watcherCount === 0, 5000, 'watch stream closed after client exit');
});

test('endpoint status, member list, lease grant, endpoint health', { skip: !haveEtcdctl }, async () => {
  const status = await etcdctl([ep(), 'endpoint', 'status']);
  assert.equal(status.code, 0);
  assert.match(
    status.stdout,
    new RegExp(`^${t.endpoint}, 8e9e05c52164694d, 3\\.4\\.23, 20 kB, true, false, 2, \\d+, \\d+, \\n$`),
  );
  const members = await etcdctl([ep(), 'member', 'list']);
  assert.equal(members.stdout, `8e9e05c52164694d, started, toy, http://127.0.0.1:2380, ${t.url}, false\n`);
  const lease = await etcdctl([ep(), 'lease', 'grant', '60']);
  assert.equal(lease.stdout, 'lease 694d7c0a1b2c3d4e granted with TTL(60s)\n');
  const health = await etcdctl([ep(), 'endpoint', 'health']);
  assert.equal(health.code, 0);
  // etcdctl 3.4 prints the health line on stderr.
  assert.match(health.stderr, new RegExp(`^${t.endpoint} is healthy: successfully committed proposal`));
});

test('txn through the gRPC Txn path', { skip: !haveEtcdctl }, async () => {
  await etcdctl([ep(), 'put', 'tk', 'v1']);
  const r = await etcdctl([ep(), 'txn'], { input: 'value("tk") = "v1"\n\nput tk v2\n\nput tk nope\n\n' });
  assert.equal(r.stdout, 'SUCCESS\n\nOK\n');
  assert.equal((await etcdctl([ep(), 'get', 'tk', '--print-value-only'])).stdout, 'v2\n');
});

/** The last stderr line and the gRPC status text of etcdctl's retry warning. */
function errorShape(stderr: string): { last: string; status: string } {
  const lines = stderr.trim().split('\n');
  const status = /rpc error: (code = \w+ desc = [^"]*)/.exec(stderr)?.[1] ?? '';
  return { last: lines[lines.length - 1] ?? '', status };
}

test(
  'a compacted revision fails exactly like real etcd 3.4',
  { skip: !haveEtcdctl || !haveEtcd },
  async () => {
    const real = await startRealEtcd();
    try {
      const results = [];
      for (const endpoint of [real.endpoint, t.endpoint]) {
        const e = `--endpoints=${endpoint}`;
        await etcdctl([e, 'put', 'cf', 'a']);
        await etcdctl([e, 'put', 'cf', 'b']);
        const rev = JSON.parse((await etcdctl([e, 'get', 'cf', '-w', 'json'])).stdout).header
          .revision as number;
        assert.equal((await etcdctl([e, 'compaction', String(rev)])).stdout, `compacted revision ${rev}\n`);
        const r = await etcdctl([e, 'get', 'cf', '--rev=1']);
        results.push({ code: r.code, stdout: r.stdout, ...errorShape(r.stderr) });
      }
      assert.deepEqual(results[1], results[0]);
      assert.deepEqual(results[0], {
        code: 1,
        stdout: '',
        last: 'Error: etcdserver: mvcc: required revision has been compacted',
        status: 'code = OutOfRange desc = etcdserver: mvcc: required revision has been compacted',
      });
    } finally {
      await real.stop();
    }
  },
);

test(
  'auth: etcdctl --user authenticates, then sends the token as metadata on every call',
  { skip: !haveEtcdctl },
  async () => {
    const r = await etcdctl([ep(), '--user=root:pw', 'get', 'anything']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(t.toy.lastRangeContext?.token, 'root.pw.toy-token');
    assert.equal(t.toy.lastRangeContext?.metadata.get('token'), 'root.pw.toy-token');
  },
);
