// Unit tests of bootstrap by discovery: the v2 protocol against an in-memory v2 keys service (the
// process tests in test/cluster/ use a real etcd), v3 registration bookkeeping, and flag checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from './config.ts';
import { DISCOVERY_ERR, parseUrlsMap, registrationValue, retryDelayMs } from './discovery.ts';
import {
  INVALID_JSON,
  UnreachableError,
  decode,
  joinClusterV2,
  nodesToCluster,
  parseProxy,
  type V2Http,
  type V2Node,
  type V2Response,
} from './discovery-v2.ts';
import { Registry, memberKey, membersPrefix, sizeKey } from './discovery-v3.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A tiny v2 keys service: one flat directory per path prefix, create/get/watch like etcd's v2 store. */
class FakeV2 {
  index = 0;
  readonly nodes = new Map<string, V2Node>();
  private waiters: Array<{ prefix: string; from: number; wake: (n: V2Node) => void }> = [];
  /** Answer every request with this instead (e.g. an HTML page), or fail the connection. */
  override: ((url: URL) => V2Response | 'unreachable' | undefined) | undefined;
  requests: string[] = [];

  set(key: string, value: string): V2Node {
    const n: V2Node = { key, value, createdIndex: ++this.index, modifiedIndex: this.index };
    this.nodes.set(key, n);
    for (const w of [...this.waiters]) {
      if (key.startsWith(w.prefix) && n.modifiedIndex >= w.from) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.wake(n);
      }
    }
    return n;
  }

  private answer(status: number, body: unknown): V2Response {
    return { status, index: this.index, body: JSON.stringify(body) };
  }

  /** etcd's v2 store names the first path element that does not exist as the cause. */
  private notFound(key: string): V2Response {
    const parts = key.split('/').filter(Boolean);
    let cause = key;
    for (let i = 1; i <= parts.length; i++) {
      const p = '/' + parts.slice(0, i).join('/');
      if (![...this.nodes.keys()].some((k) => k === p || k.startsWith(`${p}/`))) {
        cause = p;
        break;
      }
    }
    return this.answer(404, { errorCode: 100, message: 'Key not found', cause, index: this.index });
  }

  readonly http: V2Http = async (method, url, body) => {
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    const o = this.override?.(url);
    if (o === 'unreachable') throw new UnreachableError('connect ECONNREFUSED');
    if (o) return o;
    const key = url.pathname.replace(/^\/v2\/keys/, '');
    if (method === 'PUT') {
      if (url.searchParams.get('prevExist') === 'false' && this.nodes.has(key)) {
        return this.answer(412, {
          errorCode: 105,
          message: 'Key already exists',
          cause: key,
          index: this.index,
        });
      }
      const value = new URLSearchParams(body).get('value') ?? '';
      return { ...this.answer(201, { action: 'create', node: this.set(key, value) }), status: 201 };
    }
    if (url.searchParams.get('wait') === 'true') {
      const from = Number(url.searchParams.get('waitIndex'));
      const past = [...this.nodes.values()]
        .filter((n) => n.key.startsWith(key) && n.modifiedIndex >= from)
        .sort((a, b) => a.modifiedIndex - b.modifiedIndex)[0];
      const n = past ?? (await new Promise<V2Node>((wake) => this.waiters.push({ prefix: key, from, wake })));
      return this.answer(200, { action: 'create', node: n });
    }
    const exact = this.nodes.get(key);
    if (exact) return this.answer(200, { action: 'get', node: exact });
    const children = [...this.nodes.values()].filter(
      (n) => n.key.startsWith(`${key}/`) && !n.key.slice(key.length + 1).includes('/'),
    );
    const anyBelow = [...this.nodes.keys()].some((k) => k.startsWith(`${key}/`));
    if (!anyBelow) return this.notFound(key);
    return this.answer(200, {
      action: 'get',
      node: { key, dir: true, nodes: children, createdIndex: 1, modifiedIndex: 1 },
    });
  };
}

const URL_BASE = 'http://disc.example:2379/v2/keys/discovery/tok';
const join = (
  fake: FakeV2,
  id: string,
  value: string,
  extra: { sleep?: (ms: number) => Promise<void> } = {},
) => joinClusterV2({ url: URL_BASE, proxy: '', selfId: id, log: quiet, http: fake.http, ...extra }, value);

test('v2: three members register under <dir>/<id> and all derive the same cluster, in registration order', async () => {
  const fake = new FakeV2();
  fake.set('/discovery/tok/_config/size', '3');
  // The first member registers and then has to wait: nobody else is there yet.
  const first = join(fake, 'a1', 'm1=http://10.0.0.1:2380');
  while (!fake.requests.some((r) => r.includes('wait=true') && r.includes('recursive=true'))) {
    await new Promise((r) => setTimeout(r, 1));
  }
  const joins = [
    first,
    join(fake, 'b2', 'm2=http://10.0.0.2:2380'),
    join(fake, 'c3', 'm3=http://10.0.0.3:2380,m3=http://10.0.1.3:2380'),
  ];
  const results = await Promise.all(joins);
  assert.equal(new Set(results).size, 1, results.join(' | '));
  assert.deepEqual([...parseUrlsMap(results[0]!).keys()].sort(), ['m1', 'm2', 'm3']);
  assert.equal(fake.nodes.get('/discovery/tok/a1')?.value, 'm1=http://10.0.0.1:2380');
  assert.equal(fake.nodes.get('/discovery/tok/c3')?.value, 'm3=http://10.0.0.3:2380,m3=http://10.0.1.3:2380');
  // Registration is a create (prevExist=false) and waiting is a recursive watch on the directory.
  assert.ok(fake.requests.some((r) => r.startsWith('PUT /v2/keys/discovery/tok/a1?prevExist=false')));
  assert.ok(
    fake.requests.some((r) =>
      /^GET \/v2\/keys\/discovery\/tok\?wait=true&waitIndex=\d+&recursive=true$/.test(r),
    ),
  );
});

test('v2: a member arriving after `size` registrations gets "cluster is full" without registering', async () => {
  const fake = new FakeV2();
  fake.set('/discovery/tok/_config/size', '1');
  fake.set('/discovery/tok/first', 'one=http://10.0.0.1:2380');
  await assert.rejects(join(fake, 'late', 'late=http://10.0.0.9:2380'), {
    message: DISCOVERY_ERR.fullCluster,
  });
  assert.equal(fake.nodes.has('/discovery/tok/late'), false);
  // The member that did register, booting again with a lost data dir, finds its own key taken.
  assert.equal(
    await join(fake, 'first', 'one=http://10.0.0.1:2380').catch((e: Error) => e.message),
    DISCOVERY_ERR.duplicateId,
  );
});

test('v2: size problems, a foreign endpoint and duplicate names give etcd texts', async () => {
  const fake = new FakeV2();
  fake.set('/discovery/other/x', 'y');
  // No size key: etcd 3.4 surfaces the v2 error itself.
  await assert.rejects(join(fake, 'a', 'a=http://h:1'), {
    message: `100: Key not found (/discovery/tok) [${fake.index}]`,
  });
  for (const bad of ['abc', '-1', '0', '3.5', '']) {
    fake.set('/discovery/tok/_config/size', bad);
    await assert.rejects(join(fake, 'a', 'a=http://h:1'), { message: DISCOVERY_ERR.badSizeKey }, bad);
  }
  fake.override = () => ({ status: 404, index: 0, body: '404 page not found\n' });
  await assert.rejects(join(fake, 'a', 'a=http://h:1'), { message: DISCOVERY_ERR.badEndpoint });
  fake.override = undefined;

  fake.set('/discovery/tok/_config/size', '2');
  fake.set('/discovery/tok/x1', 'same=http://10.0.0.1:2380');
  await assert.rejects(join(fake, 'x2', 'same=http://10.0.0.2:2380'), {
    message: DISCOVERY_ERR.duplicateName,
  });
});

test('v2: an unreachable service is retried with 2 s, 4 s, 8 s backoff until it answers', async () => {
  const fake = new FakeV2();
  fake.set('/discovery/tok/_config/size', '1');
  let down = 3;
  fake.override = () => (down-- > 0 ? 'unreachable' : undefined);
  const slept: number[] = [];
  const got = await join(fake, 'a', 'a=http://10.0.0.1:2380', {
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  assert.deepEqual(slept, [2000, 4000, 8000]);
  assert.equal(got, 'a=http://10.0.0.1:2380');
});

test('v2: URL forms etcd refuses or keeps retrying', async () => {
  await assert.rejects(joinClusterV2({ url: '%zz', proxy: '', selfId: 'a', log: quiet }, 'a=http://h:1'), {
    message: 'parse "%zz": invalid URL escape "%zz"',
  });
  // No scheme: etcd's client fails every attempt ("unsupported protocol scheme") and retries.
  const slept: number[] = [];
  await assert.rejects(
    joinClusterV2(
      {
        url: 'not-a-url/x',
        proxy: '',
        selfId: 'a',
        log: quiet,
        maxRetries: 2,
        sleep: async (ms) => void slept.push(ms),
      },
      'a=http://h:1',
    ),
    { message: DISCOVERY_ERR.tooManyRetries },
  );
  assert.deepEqual(slept, [2000, 4000]);
});

test('v2: response decoding and helpers', () => {
  assert.throws(() => decode({ status: 200, index: 0, body: '<html>' }), { message: INVALID_JSON });
  assert.throws(() => decode({ status: 200, index: 0, body: '' }), {
    message: 'client: response body is empty',
  });
  assert.throws(
    () =>
      decode({
        status: 404,
        index: 0,
        body: '{"errorCode":100,"message":"Key not found","cause":"/x","index":7}',
      }),
    { message: '100: Key not found (/x) [7]' },
  );
  assert.throws(
    () => nodesToCluster([{ key: '/d/a', value: 'a=notaurl', createdIndex: 1, modifiedIndex: 1 }], 1),
    {
      message: DISCOVERY_ERR.invalidUrl,
    },
  );
  assert.equal(parseProxy('')?.href, undefined);
  assert.equal(parseProxy('proxy.local:3128')?.href, 'http://proxy.local:3128/');
  assert.equal(parseProxy('http://p:8080')?.href, 'http://p:8080/');
  assert.deepEqual(retryDelayMs(1), 2000);
  assert.deepEqual(retryDelayMs(8), 256_000);
  assert.deepEqual(retryDelayMs(50), 256_000);
  assert.equal(registrationValue('n', ['http://b:2', 'http://a:1']), 'n=http://a:1,n=http://b:2');
  assert.throws(() => parseUrlsMap('a=http://h'), /host:port/);
  assert.throws(() => parseUrlsMap('a=http://h:1/path'), /path/);
  assert.throws(() => parseUrlsMap('a=ftp://h:1'), /scheme/);
});

test('v3: key layout and the registry keeps the first registrations by create revision', () => {
  assert.equal(sizeKey('tok'), '/_etcd/registry/tok/_config/size');
  assert.equal(membersPrefix('tok'), '/_etcd/registry/tok/members');
  assert.equal(memberKey('tok', 'abc'), '/_etcd/registry/tok/members/abc');
  const r = new Registry(membersPrefix('tok'));
  assert.equal(r.add(memberKey('tok', 'b'), 'b=http://10.0.0.2:2380', 9), undefined);
  assert.equal(r.add(memberKey('tok', 'a'), 'a=http://10.0.0.1:2380', 7), undefined);
  assert.equal(
    r.add(memberKey('tok', 'a'), 'a=http://10.0.0.1:2380', 7),
    'found duplicate peer from discovery service',
  );
  assert.equal(r.add('/elsewhere/x', 'x=http://h:1', 3), 'invalid peer registry key');
  assert.equal(
    r.add(memberKey('tok', 'c'), 'garbage', 11),
    'invalid peer info returned from discovery service',
  );
  assert.equal(r.add(memberKey('tok', 'c'), 'c=http://10.0.0.3:2380', 12), undefined);
  assert.equal(r.initialCluster(2), 'a=http://10.0.0.1:2380,b=http://10.0.0.2:2380');
  r.add(memberKey('tok', 'd'), 'd=nonsense', 1);
  assert.throws(() => r.initialCluster(2), { message: DISCOVERY_ERR.invalidPeerUrl });
});

test('flags: one bootstrap mode, v2 and v3 settings not mixed, token and endpoints together', () => {
  const verify = (args: string[]) => () => loadConfig(args, {});
  assert.throws(verify(['--discovery', 'http://x:1/v2/keys/a', '--initial-cluster', 'a=http://x:2']), {
    message:
      'multiple discovery or bootstrap flags are set. Choose one of "initial-cluster", "discovery" or "discovery-srv"',
  });
  assert.throws(
    verify(['--discovery-endpoints', 'x:1', '--discovery-token', 't', '--discovery-srv', 'example.com']),
    {
      message:
        'multiple discovery or bootstrap flags are set. Choose one of "initial-cluster", "discovery", "discovery-endpoints" or "discovery-srv"',
    },
  );
  assert.throws(verify(['--discovery-endpoints', 'x:1', '--discovery', 'http://x:1/v2/keys/a']), {
    message: /multiple discovery or bootstrap flags/,
  });
  assert.throws(
    verify(['--discovery-proxy', 'p:1', '--discovery-token', 't', '--discovery-endpoints', 'x:1']),
    {
      message: /^both v2 discovery settings \(discovery, discovery-proxy\) and v3 discovery settings/,
    },
  );
  assert.throws(verify(['--discovery-endpoints', 'x:1']), {
    message: 'both --discovery-token and --discovery-endpoints must be set',
  });
  assert.throws(verify(['--discovery-token', 't']), {
    message: 'both --discovery-token and --discovery-endpoints must be set',
  });
  assert.throws(verify(['--discovery-token', 't', '--discovery-endpoints', 'x:1,,y:2']), {
    message: '--discovery-endpoints must not contain empty endpoints',
  });
  const ok = loadConfig(
    [
      '--discovery-token',
      't',
      '--discovery-endpoints',
      'x:1,y:2',
      '--discovery-request-timeout',
      '3s',
      '--discovery-fallback',
      'exit',
    ],
    {},
  );
  assert.equal(ok.kind, 'run');
  if (ok.kind !== 'run') return;
  assert.deepEqual(ok.config.discoveryV3.endpoints, ['x:1', 'y:2']);
  assert.equal(ok.config.discoveryV3.requestTimeoutMs, 3000);
  assert.equal(ok.config.discoveryV3.dialTimeoutMs, 2000);
  assert.equal(ok.config.discoveryV3.insecureTransport, true);
  assert.equal(ok.config.discoveryFallback, 'exit');
  const v2 = loadConfig(['--discovery', 'http://x:1/v2/keys/a'], {});
  assert.equal(v2.kind === 'run' && v2.config.discoveryFallback, 'proxy');
});

test('v2: --discovery-proxy sends the requests through an HTTP forward proxy', async () => {
  const http = await import('node:http');
  const { nodeHttp } = await import('./discovery-v2.ts');
  const listen = (s: import('node:http').Server): Promise<number> =>
    new Promise((r) =>
      s.listen(0, '127.0.0.1', () => r((s.address() as import('node:net').AddressInfo).port)),
    );
  // The "discovery service": answers every GET with a v2 node.
  const target = http.createServer((req, res) => {
    res.setHeader('x-etcd-index', '42');
    res.end(
      JSON.stringify({
        action: 'get',
        node: { key: req.url, value: 'v', createdIndex: 1, modifiedIndex: 1 },
      }),
    );
  });
  // A forward proxy: absolute-form request lines, forwarded as they come.
  const seen: string[] = [];
  const proxy = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const u = new URL(req.url!);
    const up = http.request(
      { host: u.hostname, port: u.port, path: u.pathname + u.search, method: req.method },
      (r) => {
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
      },
    );
    req.pipe(up);
  });
  const [tp, pp] = [await listen(target), await listen(proxy)];
  try {
    const res = await nodeHttp(parseProxy(`127.0.0.1:${pp}`))(
      'GET',
      new URL(`http://127.0.0.1:${tp}/v2/keys/d/t`),
    );
    assert.equal(res.index, 42);
    assert.equal(decode(res).node.key, '/v2/keys/d/t');
    assert.deepEqual(seen, [`GET http://127.0.0.1:${tp}/v2/keys/d/t`]);
  } finally {
    target.close();
    proxy.close();
  }
});

test('v3: failed requests back off 2 s, 4 s, ... and the count restarts after a success; watch fills the cluster', async () => {
  const { joinClusterV3 } = await import('./discovery-v3.ts');
  const token = 'tok';
  let rev = 10;
  const kvs = new Map<string, { value: string; create: number }>([
    [sizeKey(token), { value: '2', create: 1 }],
  ]);
  let failGets = 2;
  let failPuts = 1;
  const enc = (s: string) => Buffer.from(s);
  const fake = {
    async get(key: string | Uint8Array, opts: { prefix?: boolean } = {}) {
      if (failGets-- > 0) throw new Error('connection refused');
      const k = key.toString();
      const hits = [...kvs].filter(([name]) => (opts.prefix ? name.startsWith(k) : name === k));
      return {
        header: { revision: rev },
        kvs: hits.map(([name, v]) => ({ key: enc(name), value: enc(v.value), create_revision: v.create })),
      };
    },
    async put(key: string | Uint8Array, value: string | Uint8Array) {
      if (failPuts-- > 0) throw new Error('deadline exceeded');
      kvs.set(key.toString(), { value: value.toString(), create: ++rev });
      return {};
    },
    watch(_key: string | Uint8Array, opts: { startRevision?: number }) {
      // Another member registers after we watched.
      assert.equal(opts.startRevision, rev + 1);
      const ev = {
        kv: {
          key: enc(memberKey(token, 'other')),
          value: enc('o=http://10.0.0.2:2380'),
          create_revision: rev + 1,
          mod_revision: rev + 1,
        },
      };
      return {
        cancel() {},
        async *[Symbol.asyncIterator]() {
          yield { events: [ev] };
        },
      };
    },
    close() {},
  };
  const slept: number[] = [];
  const text = await joinClusterV3(
    {
      cfg: { token } as never,
      selfId: 'me',
      log: quiet,
      client: fake as never,
      sleep: async (ms) => void slept.push(ms),
    },
    'me=http://10.0.0.1:2380',
  );
  assert.deepEqual(slept, [2000, 4000, 2000]);
  assert.equal(text, 'me=http://10.0.0.1:2380,o=http://10.0.0.2:2380');
  assert.equal(kvs.get(memberKey(token, 'me'))?.value, 'me=http://10.0.0.1:2380');
});
