// /health, /version, /metrics and grpc.health.v1 on the front, and the unhealthy /health answer compared with a
// real etcd 3.4 whose NOSPACE alarm is raised (tiny --quota-backend-bytes, filled).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as grpc from '@grpc/grpc-js';
import { Counter, Registry } from 'prom-client';
import { grpc as healthpb } from '../../src/api/gen/etcd.js';
import {
  healthHandler,
  healthService,
  metricsHandler,
  versionHandler,
  type HealthResult,
} from '../../src/http/endpoints.ts';
import { startFront, type Front } from '../../src/http/server.ts';
import { haveEtcd, startRealEtcd } from './helpers.ts';

let health: HealthResult | Error = { health: true };
const check = async (): Promise<HealthResult> => {
  if (health instanceof Error) throw health;
  return health;
};
const registry = new Registry();
const counter = new Counter({
  name: 'etcd_test_requests_total',
  help: 'Requests seen by the test.',
  registers: [registry],
});
let version = { etcdserver: '3.4.23', etcdcluster: 'not_decided' };
let front: Front;
let base: string;

before(async () => {
  front = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers: { '/grpc.health.v1.Health/Check': healthService(check) },
    httpRoutes: new Map([
      ['/health', healthHandler(check)],
      ['/version', versionHandler(() => version)],
      ['/metrics', metricsHandler(registry)],
    ]),
  });
  base = front.addresses[0]!.origin;
});
after(async () => {
  await front.close();
});

async function get(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const r = await fetch(base + path);
  return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
}

test('/health follows the check: 200 true, 503 false (Go http.Error form), a throwing check is unhealthy', async () => {
  health = { health: true };
  assert.deepEqual(await get('/health'), {
    status: 200,
    type: 'text/plain; charset=utf-8',
    text: '{"health":"true"}',
  });
  health = { health: false, reason: 'NOSPACE' };
  assert.deepEqual(await get('/health'), {
    status: 503,
    type: 'text/plain; charset=utf-8',
    text: '{"health":"false"}\n',
  });
  health = new Error('no leader');
  assert.equal((await get('/health')).status, 503);
  health = { health: true };
});

test('/version reads its values on each request', async () => {
  assert.equal((await get('/version')).text, '{"etcdserver":"3.4.23","etcdcluster":"not_decided"}');
  version = { etcdserver: '3.4.23', etcdcluster: '3.4.0' };
  assert.deepEqual(await get('/version'), {
    status: 200,
    type: 'application/json',
    text: '{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}',
  });
});

test('/metrics serves the registry in Prometheus text format', async () => {
  counter.inc(3);
  const m = await get('/metrics');
  assert.equal(m.status, 200);
  assert.equal(m.type, 'text/plain; version=0.0.4; charset=utf-8');
  assert.match(
    m.text,
    /^# HELP etcd_test_requests_total Requests seen by the test\.\n# TYPE etcd_test_requests_total counter\netcd_test_requests_total 3\n/,
  );
});

test('grpc.health.v1.Health/Check: SERVING, NOT_SERVING, unknown service', async () => {
  const c = new grpc.Client(front.addresses[0]!.host, grpc.credentials.createInsecure());
  const H = healthpb.health.v1;
  const ask = (service: string) =>
    new Promise<healthpb.health.v1.HealthCheckResponse>((resolve, reject) =>
      c.makeUnaryRequest(
        '/grpc.health.v1.Health/Check',
        (m: healthpb.health.v1.IHealthCheckRequest) => Buffer.from(H.HealthCheckRequest.encode(m).finish()),
        (b: Buffer) => H.HealthCheckResponse.decode(b),
        { service },
        (err, r) => (err ? reject(err) : resolve(r!)),
      ),
    );
  try {
    health = { health: true };
    assert.equal((await ask('')).status, H.HealthCheckResponse.ServingStatus.SERVING);
    health = { health: false };
    assert.equal((await ask('')).status, H.HealthCheckResponse.ServingStatus.NOT_SERVING);
    await assert.rejects(ask('etcdserverpb.KV'), { code: grpc.status.NOT_FOUND, details: 'unknown service' });
  } finally {
    health = { health: true };
    c.close();
  }
});

test(
  'unhealthy /health is byte for byte what etcd 3.4 answers under a NOSPACE alarm',
  { skip: !haveEtcd },
  async () => {
    const real = await startRealEtcd(['--quota-backend-bytes', '100000']);
    try {
      // The backend grows in steps and the alarm is raised after the first refused write: fill until refused,
      // then wait for /health to turn.
      const value = Buffer.alloc(50_000, 0x61).toString('base64');
      for (let i = 0; i < 60; i++) {
        const r = await fetch(real.url + '/v3/kv/put', {
          method: 'POST',
          body: JSON.stringify({ key: Buffer.from(`k${i}`).toString('base64'), value }),
        });
        await r.text();
        if (r.status === 429) break;
        await new Promise((res) => setTimeout(res, 20));
      }
      for (let i = 0; i < 50 && (await fetch(real.url + '/health')).status !== 503; i++) {
        await new Promise((res) => setTimeout(res, 100));
      }
      const want = await fetch(real.url + '/health');
      health = { health: false, reason: 'NOSPACE' };
      const got = await fetch(base + '/health');
      const shape = async (r: Response) => ({
        status: r.status,
        type: r.headers.get('content-type'),
        nosniff: r.headers.get('x-content-type-options'),
        cors: r.headers.get('access-control-allow-origin'),
        text: await r.text(),
      });
      const w = await shape(want);
      assert.equal(w.status, 503, 'the real etcd did not raise NOSPACE');
      assert.deepEqual(await shape(got), w);
    } finally {
      health = { health: true };
      await real.stop();
    }
  },
);

test('caller routes: exact paths and subtree patterns (longest wins), before the gateway', async () => {
  const hit = (name: string) => (_req: unknown, res: import('node:http').ServerResponse) => res.end(name);
  const f = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers: {},
    httpRoutes: new Map([
      ['/v2/', hit('v2')],
      ['/v2/keys/', hit('keys')],
      ['/exact', hit('exact')],
    ]),
  });
  const at = async (path: string) => {
    const r = await fetch(f.addresses[0]!.origin + path);
    return `${r.status} ${await r.text()}`;
  };
  try {
    assert.equal(await at('/v2/keys/a/b?recursive=true'), '200 keys');
    assert.equal(await at('/v2/members'), '200 v2');
    assert.equal(await at('/exact'), '200 exact');
    assert.equal(await at('/exact/more'), '404 404 page not found\n');
    assert.equal(await at('/v3/kv/range'), '405 Method Not Allowed\n');
  } finally {
    await f.close();
  }
});
