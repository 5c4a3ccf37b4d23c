// The JSON gateway and HTTP endpoints of a tsetcd child process side by side with a real etcd 3.4 started with
// the same name, token and advertised peer URL (equal member and cluster IDs): the same requests in the same
// order to both, answers compared byte for byte (status, content type, body) after masking what legitimately
// differs — random lease IDs, client URLs, database sizes and the raft index offset of etcd's bootstrap entries.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { haveEtcd, startEtcd, type RealEtcd } from '../compat/proto-etcd-process.ts';
import { removeDir, startTsetcd, tempDir, twinFlags, type TsetcdProcess } from './tsetcd-process.ts';

interface Side {
  readonly label: 'etcd' | 'tsetcd';
  readonly url: string;
  /** Lease IDs (decimal, as the gateway prints int64) this server granted, in order. */
  readonly leases: string[];
  raftIndexShift: number;
}

let real: RealEtcd | undefined;
let ts: TsetcdProcess | undefined;
let dir = '';
const sides: Side[] = [];
const skip = haveEtcd() ? false : 'real etcd 3.4 is not installed';

before(async () => {
  if (skip) return;
  dir = tempDir('tsetcd-gateway-');
  real = await startEtcd('gateway');
  ts = await startTsetcd(await twinFlags(real.flags, dir));
  sides.push(
    { label: 'etcd', url: real.clientUrl, leases: [], raftIndexShift: 0 },
    { label: 'tsetcd', url: ts.clientUrl, leases: [], raftIndexShift: 0 },
  );
  const idx = await Promise.all(
    sides.map(async (s) => {
      const r = await fetch(`${s.url}/v3/maintenance/status`, { method: 'POST', body: '{}' });
      return Number(((await r.json()) as { raftIndex: string }).raftIndex);
    }),
  );
  sides[1]!.raftIndexShift = idx[0]! - idx[1]!;
});

after(async () => {
  await ts?.kill();
  await real?.stop();
  if (dir) removeDir(dir);
});

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

const b64 = (s: string): string => Buffer.from(s).toString('base64');

function normalize(body: string, s: Side): string {
  let t = body.split(s.url).join('<CLIENT-URL>');
  t = t.replace(/"(dbSize|dbSizeInUse)":"\d+"/g, '"$1":"<SIZE>"');
  t = t.replace(
    /"(raftIndex|raftAppliedIndex)":"(\d+)"/g,
    (_m, k: string, n: string) => `"${k}":"${Number(n) + s.raftIndexShift}"`,
  );
  s.leases.forEach((id, i) => {
    t = t.split(`"${id}"`).join(`"<LEASE${i}>"`);
  });
  return t;
}

async function ask(
  s: Side,
  method: string,
  path: string,
  body?: string | ((s: Side) => string),
): Promise<Answer> {
  const text = typeof body === 'function' ? body(s) : body;
  const r = await fetch(s.url + path, { method, ...(text === undefined ? {} : { body: text }) });
  const raw = await r.text();
  const grant = /"ID":"(\d+)","TTL"/.exec(raw);
  if (path.endsWith('/lease/grant') && grant) s.leases.push(grant[1]!);
  return { status: r.status, contentType: r.headers.get('content-type'), body: normalize(raw, s) };
}

/** Sends the request to etcd, then to tsetcd, and requires the same answer; returns etcd's. */
async function same(path: string, body?: string | ((s: Side) => string), method = 'POST'): Promise<Answer> {
  const want = await ask(sides[0]!, method, path, body);
  const got = await ask(sides[1]!, method, path, body);
  const shown = typeof body === 'function' ? body(sides[0]!) : (body ?? '');
  assert.deepEqual(got, want, `${method} ${path} ${shown}`);
  return want;
}

const json = (o: unknown): string => JSON.stringify(o);

describe('JSON gateway: tsetcd answers like etcd 3.4', { skip }, () => {
  test('kv: put, range (prefix, limit, keys_only, count_only, sort, revision), txn, deleterange, /v3beta', async () => {
    await same('/v3/kv/put', json({ key: b64('foo'), value: b64('bar') }));
    await same('/v3/kv/put', json({ key: b64('foo'), value: b64('baz'), prev_kv: true }));
    await same('/v3/kv/put', json({ key: b64('fop'), value: b64('1') }));
    await same('/v3/kv/put', json({ key: b64('g'), value: '' }));
    const r = await same('/v3/kv/range', json({ key: b64('foo') }));
    assert.match(r.body, /"kvs":\[\{"key":"Zm9v","create_revision":"2","mod_revision":"3","version":"2"/);
    await same('/v3/kv/range', json({ key: b64('fo'), range_end: b64('fp') }));
    await same('/v3/kv/range', json({ key: b64('f'), range_end: b64('\0'), limit: 1 }));
    await same('/v3/kv/range', json({ key: b64('\0'), range_end: b64('\0'), keys_only: true }));
    await same('/v3/kv/range', json({ key: b64('\0'), range_end: b64('\0'), count_only: true }));
    await same(
      '/v3/kv/range',
      json({ key: b64('\0'), range_end: b64('\0'), sort_order: 'DESCEND', sort_target: 'MOD' }),
    );
    await same(
      '/v3/kv/range',
      json({ key: b64('\0'), range_end: b64('\0'), sortOrder: 1, sortTarget: 'VALUE' }),
    );
    await same('/v3/kv/range', json({ key: b64('foo'), revision: '2' }));
    await same('/v3/kv/range', json({ key: b64('foo'), revision: 2, serializable: true }));
    await same('/v3/kv/range', json({ key: b64('nope') }));
    await same('/v3beta/kv/range', json({ key: b64('foo') }));
    await same('/v3beta/kv/put', json({ key: b64('beta'), value: b64('b') }));
    await same(
      '/v3/kv/txn',
      json({
        compare: [
          { key: b64('foo'), result: 'EQUAL', target: 'VALUE', value: b64('baz') },
          { key: b64('foo'), result: 'GREATER', target: 'VERSION', version: '1' },
          { key: b64('nokey'), target: 'CREATE', create_revision: 0 },
        ],
        success: [
          { request_put: { key: b64('foo'), value: b64('t1') } },
          { request_range: { key: b64('foo') } },
        ],
        failure: [{ request_range: { key: b64('foo') } }],
      }),
    );
    await same(
      '/v3/kv/txn',
      json({
        compare: [{ key: b64('foo'), result: 'LESS', target: 'MOD', mod_revision: '2' }],
        success: [{ request_delete_range: { key: b64('foo') } }],
        failure: [
          { request_range: { key: b64('fo'), range_end: b64('fp') } },
          { request_put: { key: b64('x'), value: b64('y') } },
        ],
      }),
    );
    await same('/v3/kv/deleterange', json({ key: b64('fo'), range_end: b64('fp'), prev_kv: true }));
    await same('/v3/kv/deleterange', json({ key: b64('fo'), range_end: b64('fp') }));
    await same('/v3/kv/range', json({ key: b64('\0'), range_end: b64('\0') }));
  });

  test('leases: grant, timetolive with keys, leases, revoke', async () => {
    await same('/v3/lease/grant', json({ TTL: 300 }));
    await same('/v3/kv/put', (s) => json({ key: b64('lk'), value: b64('v'), lease: s.leases[0] }));
    await same('/v3/kv/range', json({ key: b64('lk') }));
    const ttl = await same('/v3/lease/timetolive', (s) => json({ ID: s.leases[0], keys: true }));
    assert.match(ttl.body, /"ID":"<LEASE0>","TTL":"\d+","grantedTTL":"300","keys":\["bGs="\]/);
    await same('/v3/lease/leases', '{}');
    // A txn comparing a key's lease (etcdctl 3.4 cannot express this compare: its parser panics).
    await same('/v3/kv/txn', (s) =>
      json({
        compare: [{ key: b64('lk'), target: 'LEASE', result: 'EQUAL', lease: s.leases[0] }],
        success: [{ request_put: { key: b64('lk-match'), value: b64('yes') } }],
        failure: [{ request_put: { key: b64('lk-match'), value: b64('no') } }],
      }),
    );
    await same('/v3/kv/txn', () =>
      json({
        compare: [{ key: b64('lk'), target: 'LEASE', result: 'EQUAL', lease: '0' }],
        success: [{ request_range: { key: b64('lk-match') } }],
        failure: [{ request_range: { key: b64('lk'), keys_only: true } }],
      }),
    );
    await same('/v3/lease/revoke', (s) => json({ ID: s.leases[0] }));
    await same('/v3/kv/range', json({ key: b64('lk') }));
    await same('/v3/lease/timetolive', (s) => json({ ID: s.leases[0] }));
    await same('/v3/lease/revoke', (s) => json({ ID: s.leases[0] }));
    await same('/v3/lease/grant', json({ TTL: 9_000_000_001 }));
    await same('/v3/kv/put', json({ key: b64('lk'), value: b64('v'), lease: '12345' }));
  });

  test('maintenance status, alarm, hash kv; member list', async () => {
    const st = await same('/v3/maintenance/status', '{}');
    assert.match(st.body, /"version":"3\.4\.23"/);
    await same('/v3/maintenance/alarm', '{}');
    await same('/v3/maintenance/alarm', json({ action: 'GET' }));
    await same('/v3/maintenance/status', '{}');
    const members = await same('/v3/cluster/member/list', '{}');
    assert.match(members.body, /"clientURLs":\["<CLIENT-URL>"\]/);
  });

  test('errors: bad base64, bad JSON, wrong types, empty key, compacted and future revisions', async () => {
    await same('/v3/kv/range', json({ key: '!!!' }));
    await same('/v3/kv/put', json({ key: b64('k'), value: 'a=b' }));
    await same('/v3/kv/range', '{');
    await same('/v3/kv/range', 'not json');
    await same('/v3/kv/range', json({ key: 5 }));
    await same('/v3/kv/range', json({ key: b64('k'), limit: 'ten' }));
    await same('/v3/kv/put', json({ value: b64('v') }));
    await same('/v3/kv/range', '{}');
    await same('/v3/kv/range', json({ key: b64('k'), revision: 1000 }));
    await same('/v3/kv/compaction', json({ revision: 4 }));
    await same('/v3/kv/range', json({ key: b64('foo'), revision: 3 }));
    await same('/v3/kv/compaction', json({ revision: 3 }));
    await same('/v3/kv/compaction', json({ revision: 1000, physical: true }));
    await same(
      '/v3/kv/txn',
      json({
        success: [
          { request_put: { key: b64('d'), value: b64('1') } },
          { request_put: { key: b64('d'), value: b64('2') } },
        ],
      }),
    );
    await same('/v3/kv/nope', '{}');
    await same('/v3/kv/range', undefined, 'GET');
  });

  test('watch stream: created, then history events or the compaction notice, as newline-delimited results', async () => {
    const collect = async (s: Side, startRevision: number): Promise<string> => {
      const ac = new AbortController();
      const r = await fetch(`${s.url}/v3/watch`, {
        method: 'POST',
        body: json({
          create_request: {
            key: b64('w'),
            range_end: b64('x'),
            start_revision: startRevision,
            prev_kv: true,
          },
        }),
        signal: ac.signal,
      });
      assert.equal(r.status, 200);
      const reader = r.body!.getReader();
      let text = '';
      // Created, then one response: the backlog of an unsynced watcher goes out at once, or the cancel.
      while (text.split('\n').filter(Boolean).length < 2) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString();
      }
      ac.abort();
      return normalize(text, s);
    };
    const first = await same('/v3/kv/put', json({ key: b64('w1'), value: b64('a') }));
    await same('/v3/kv/put', json({ key: b64('w1'), value: b64('b') }));
    await same('/v3/kv/deleterange', json({ key: b64('w1') }));
    const from = Number(/"revision":"(\d+)"/.exec(first.body)![1]);
    const compacted = 4; // by the errors test
    for (const rev of [from, 1, compacted - 1, compacted, compacted + 1]) {
      const want = await collect(sides[0]!, rev);
      const got = await collect(sides[1]!, rev);
      assert.equal(got, want, `watch from revision ${rev}`);
    }
    const history = await collect(sides[0]!, from);
    assert.match(
      history,
      /^\{"result":\{"header":\{.*\},"created":true\}\}\n\{"result":\{"header":.*"events":\[/,
    );
  });

  test('/health, /version; /metrics has the etcd and grpc families with their types', async () => {
    for (const path of ['/health', '/version']) await same(path, undefined, 'GET');
    const families = async (s: Side): Promise<Map<string, string>> => {
      const text = await (await fetch(`${s.url}/metrics`)).text();
      return new Map([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));
    };
    const [want, got] = await Promise.all(sides.map(families));
    for (const name of [
      'etcd_server_has_leader',
      'etcd_server_is_leader',
      'etcd_server_leader_changes_seen_total',
      'etcd_server_proposals_committed_total',
      'etcd_server_proposals_applied_total',
      'etcd_server_proposals_pending',
      'etcd_server_proposals_failed_total',
      'etcd_disk_wal_fsync_duration_seconds',
      'etcd_mvcc_db_total_size_in_bytes',
      'grpc_server_handled_total',
      'grpc_server_started_total',
    ]) {
      assert.ok(want!.has(name), `etcd has ${name}`);
      assert.equal(got!.get(name), want!.get(name), `tsetcd /metrics: # TYPE ${name}`);
    }
    const text = await (await fetch(`${ts!.clientUrl}/metrics`)).text();
    assert.match(text, /^etcd_server_has_leader 1$/m);
    // Gateway calls count as gRPC calls (etcd's gateway is a gRPC client of its own server). Label order is free.
    const handled = [...text.matchAll(/^grpc_server_handled_total\{([^}]*)\} (\d+)$/gm)].map((m) => ({
      labels: m[1]!.split(',').sort().join(','),
      n: Number(m[2]),
    }));
    const range = handled.find(
      (h) =>
        h.labels === 'grpc_code="OK",grpc_method="Range",grpc_service="etcdserverpb.KV",grpc_type="unary"',
    );
    assert.ok(range && range.n > 0, `grpc_server_handled_total for KV/Range: ${JSON.stringify(handled)}`);
    assert.match(text, /^etcd_disk_wal_fsync_duration_seconds_count [1-9]\d*$/m);
    assert.match(text, /^etcd_mvcc_db_total_size_in_bytes [1-9]\d*$/m);
  });
});
