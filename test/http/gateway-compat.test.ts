// The JSON gateway side by side with a real etcd 3.4: the same requests, in the same order, to both; answers
// must match byte for byte once the cluster and member IDs are masked (revisions and terms line up because the
// toy starts where a fresh etcd does).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { haveEtcd, startRealEtcd, startToy, type RealEtcd, type ToyFront } from './helpers.ts';

let real: RealEtcd | undefined;
let toy: ToyFront;

before(async () => {
  toy = await startToy();
  if (haveEtcd) real = await startRealEtcd();
});
after(async () => {
  await toy.front.close();
  await real?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SHOWN_HEADERS = [
  'content-type',
  'grpc-metadata-content-type',
  'trailer',
  'allow',
  'x-content-type-options',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
];

async function ask(base: string, method: string, path: string, body?: string): Promise<Answer> {
  const r = await fetch(base + path, { method, ...(body === undefined ? {} : { body }) });
  const headers: Record<string, string> = {};
  for (const h of SHOWN_HEADERS) {
    const v = r.headers.get(h);
    if (v !== null) headers[h] = v;
  }
  const text = (await r.text())
    .replace(/"cluster_id":"\d+"/g, '"cluster_id":"C"')
    .replace(/"member_id":"\d+"/g, '"member_id":"M"');
  return { status: r.status, headers, body: text };
}

async function both(method: string, path: string, body?: string): Promise<Answer> {
  const want = await ask(real!.url, method, path, body);
  const got = await ask(toy.url, method, path, body);
  assert.deepEqual(got, want, `${method} ${path} ${body ?? ''}`);
  return got;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

test('KV over the gateway: put, range, names, numbers, txn, delete', { skip: !haveEtcd }, async () => {
  const put = await both('POST', '/v3/kv/put', JSON.stringify({ key: b64('foo'), value: b64('bar') }));
  assert.equal(put.body, '{"header":{"cluster_id":"C","member_id":"M","revision":"2","raft_term":"2"}}');
  const range = await both('POST', '/v3/kv/range', '{"key":"Zm9v"}');
  assert.equal(
    range.body,
    '{"header":{"cluster_id":"C","member_id":"M","revision":"2","raft_term":"2"},' +
      '"kvs":[{"key":"Zm9v","create_revision":"2","mod_revision":"2","version":"1","value":"YmFy"}],"count":"1"}',
  );
  await both('POST', '/v3/kv/put', JSON.stringify({ key: b64('foo'), value: b64('baz'), prev_kv: true }));
  await both('POST', '/v3/kv/put', JSON.stringify({ key: b64('fop'), value: b64('1'), prevKv: true }));
  await both('POST', '/v3beta/kv/range', '{"key":"Zm9v","rangeEnd":"Zm9w","keysOnly":true}');
  await both('POST', '/v3/kv/range', '{"key":"Zm8=","range_end":"Zm9x","limit":"1"}');
  await both('POST', '/v3/kv/range', '{"key":"Zm8=","range_end":"Zm9x","limit":1,"count_only":true}');
  await both(
    'POST',
    '/v3/kv/range',
    '{"key":"Zm8=","range_end":"Zm9x","limit":" 1","keys_only":true,"keysOnly":false}',
  );
  await both('POST', '/v3/kv/range', '{"key":"Zm9v"} {"key":"ignored"}');
  await both('POST', '/v3/kv/range', '{"key":"Zm9v","bogus":{"x":[1,2]}}');
  await both(
    'POST',
    '/v3/kv/txn',
    JSON.stringify({
      compare: [{ key: b64('foo'), target: 'VALUE', value: b64('baz') }],
      success: [{ request_range: { key: b64('foo') } }],
    }),
  );
  await both('POST', '/v3/kv/deleterange', JSON.stringify({ key: b64('fop'), prev_kv: true }));
  await both('POST', '/v3/kv/range', JSON.stringify({ key: b64('fop') }));
});

test('bad requests: Go syntax errors, base64, types, enums', { skip: !haveEtcd }, async () => {
  const bodies = [
    '{"key":"Zm9v',
    '{"key":"Zm9v"',
    'xx',
    '{"a":}',
    '{"a" 1}',
    '{"a":1,}',
    '[1,]',
    'trux',
    '{"key":"\\x"}',
    '{"key":"!!!"}',
    '{"key":"Zm9"}',
    '{"key":"Zm9v-_"}',
    '{"key":"Zm8"}',
    '{"limit":"x"}',
    '{"limit":"1.5"}',
    '{"limit":1e2,"key":"Zm9v"}',
    '{"limit":"99999999999999999999"}',
    '{"key":5}',
    '{"key":true}',
    '{"key":{}}',
    '{"key":"Zm9v","serializable":"true"}',
    '{"key":"Zm9v","serializable":1}',
    '{"key":"Zm9v","sort_order":"NOPE"}',
    '{"key":"Zm9v","sort_order":1.5}',
    '"x"',
    '1',
    '[]',
  ];
  for (const body of bodies) {
    const a = await both('POST', '/v3/kv/range', body);
    assert.equal(a.status, 400, body);
  }
  // Nested messages and repeated fields report through the same paths.
  await both('POST', '/v3/kv/txn', '{"compare":{"key":"Zm9v"}}');
  await both('POST', '/v3/kv/txn', '{"compare":[{"key":"Zm9v","result":"SOMETIMES"}]}');
  await both('POST', '/v3/kv/txn', '{"success":[{"request_put":{"key":"Zm9v","lease":"abc"}}]}');
});

test('big 64-bit numbers keep every digit; lease grant', { skip: !haveEtcd }, async () => {
  const a = await both('POST', '/v3/lease/grant', '{"TTL":60,"ID":7587870032323584775}');
  assert.match(a.body, /"ID":"7587870032323584775","TTL":"60"/);
});

test('routing: unknown paths, wrong methods, OPTIONS, /version', { skip: !haveEtcd }, async () => {
  assert.equal((await both('POST', '/v3/kv/nope', '{}')).status, 404);
  assert.equal((await both('POST', '/v3alpha/kv/range', '{}')).status, 404);
  assert.equal((await both('GET', '/nope')).status, 404);
  assert.equal((await both('GET', '/v3/kv/range')).status, 405);
  assert.equal((await both('PUT', '/v3/kv/range', '{}')).status, 405);
  assert.equal((await both('OPTIONS', '/v3/kv/range')).status, 200);
  assert.equal((await both('POST', '/health')).status, 405);
  assert.equal((await both('POST', '/version')).status, 405);
  assert.equal((await both('GET', '/version')).body, '{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}');
  assert.equal((await both('GET', '/health')).body, '{"health":"true"}');
});

test('errors from the server: compacted revision', { skip: !haveEtcd }, async () => {
  await both('POST', '/v3/kv/put', JSON.stringify({ key: b64('c'), value: b64('1') }));
  const rev = JSON.parse((await ask(toy.url, 'POST', '/v3/kv/range', '{"key":"Yw=="}')).body).header.revision;
  await both('POST', '/v3/kv/compaction', JSON.stringify({ revision: rev }));
  const e = await both('POST', '/v3/kv/range', '{"key":"Yw==","revision":1}');
  assert.equal(e.status, 400);
  assert.equal(
    e.body,
    '{"error":"etcdserver: mvcc: required revision has been compacted",' +
      '"message":"etcdserver: mvcc: required revision has been compacted","code":11}',
  );
});

/** Opens a gateway watch, runs `act` once the stream has answered, and returns the first `n` lines. */
async function watchLines(
  base: string,
  body: string,
  n: number,
  act: () => Promise<void>,
): Promise<string[]> {
  const ac = new AbortController();
  const r = await fetch(base + '/v3/watch', { method: 'POST', body, signal: ac.signal });
  const reader = r.body!.getReader();
  let text = '';
  let acted = false;
  try {
    while (text.split('\n').length - 1 < n) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
      if (!acted && text.includes('\n')) {
        acted = true;
        await act();
      }
    }
  } finally {
    ac.abort();
  }
  return text
    .split('\n')
    .slice(0, n)
    .map((l) =>
      l.replace(/"cluster_id":"\d+"/g, '"cluster_id":"C"').replace(/"member_id":"\d+"/g, '"member_id":"M"'),
    );
}

test(
  'watch stream over the gateway: {"result":…} lines, several requests in one body',
  { skip: !haveEtcd },
  async () => {
    const body = '{"create_request":{"key":"dw=="}}\n{"create_request":{"key":"eA==","prev_kv":true}}';
    const lines = [];
    for (const base of [real!.url, toy.url]) {
      lines.push(
        await watchLines(base, body, 3, async () => {
          await new Promise((r) => setTimeout(r, 100)); // let the second create land first
          await fetch(base + '/v3/kv/put', {
            method: 'POST',
            body: JSON.stringify({ key: b64('x'), value: b64('1') }),
          });
        }),
      );
    }
    assert.deepEqual(lines[1], lines[0]);
    assert.match(lines[0]![0]!, /^\{"result":\{"header":\{.*\},"created":true\}\}$/);
    assert.match(lines[0]![1]!, /^\{"result":\{"header":\{.*\},"watch_id":"1","created":true\}\}$/);
    assert.match(lines[0]![2]!, /"watch_id":"1","events":\[\{"kv":\{"key":"eA==".*"value":"MQ=="\}\}\]/);
  },
);

test(
  'bidi streams over the gateway: several requests, trailing garbage, a bad first request',
  { skip: !haveEtcd },
  async () => {
    const two = await both('POST', '/v3/lease/keepalive', '{"ID":"5"}{"ID":6}');
    assert.equal(two.body.split('\n').length, 3); // two lines and the empty tail
    await both('POST', '/v3/lease/keepalive', '{"ID":"5"} xx');
    const eof = await both('POST', '/v3/lease/keepalive', '{"ID":"5"');
    assert.equal(eof.status, 500);
    assert.equal(eof.body, '{"error":"unexpected EOF","message":"unexpected EOF","code":2}');
    await both('POST', '/v3/lease/keepalive', '{"ID":"zz"}');
    await both('POST', '/v3/watch', 'xx');
  },
);
