// A member publishes its attributes through raft until that succeeds, and serves clients only after it has
// (etcd's publish loop and ReadyNotify). Session 4's CI failed on a member whose one publish attempt was lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http2 from 'node:http2';
import { publish } from '../../src/embed/member.ts';
import { EtcdError } from '../../src/api/errors.ts';
import type { EtcdServer, Logger } from '../../src/server/etcd-server.ts';
import { startFront } from '../../src/http/server.ts';
import { versionHandler } from '../../src/http/endpoints.ts';

function fakeServer(outcomes: Array<'timeout' | 'ok'>, stopAfter = Infinity) {
  const calls: unknown[] = [];
  let stopping = false;
  const server = {
    id: 0xabcn,
    get isStopped() {
      return stopping;
    },
    propose(req: unknown): Promise<unknown> {
      calls.push(req);
      if (calls.length >= stopAfter) stopping = true;
      const o = outcomes.shift() ?? 'timeout';
      return o === 'ok' ? Promise.resolve({}) : Promise.reject(EtcdError.of('Timeout'));
    },
  };
  return { server: server as unknown as EtcdServer, calls };
}

function recordingLog() {
  const lines: Array<{ level: string; msg: string }> = [];
  const rec = (level: string) => (_o: object, msg: string) => lines.push({ level, msg });
  const log: Logger = { debug: rec('debug'), info: rec('info'), warn: rec('warn'), error: rec('error') };
  return { log, lines };
}

test('publish proposes the attributes again after each failure until one commits', async () => {
  const { server, calls } = fakeServer(['timeout', 'timeout', 'ok']);
  const { log, lines } = recordingLog();
  await publish(server, { name: 'm1', clientURLs: ['http://127.0.0.1:2379'] }, log);
  assert.equal(calls.length, 3);
  assert.deepEqual(calls[2], {
    v2: {
      Method: 'PUT',
      Path: '/0/members/abc/attributes',
      Val: '{"name":"m1","clientURLs":["http://127.0.0.1:2379"]}',
    },
  });
  assert.deepEqual(
    lines.map((l) => `${l.level} ${l.msg}`),
    [
      'warn failed to publish local member to cluster through raft',
      'warn failed to publish local member to cluster through raft',
      'info published local member to cluster through raft',
    ],
  );
});

test('publish gives up once the server is stopping', async () => {
  const { server, calls } = fakeServer([], 2);
  const { log } = recordingLog();
  await assert.rejects(publish(server, { name: 'm1', clientURLs: [] }, log), /request timed out/);
  assert.equal(calls.length, 2);
});

/** A client front on a free port that serves /version once `ready` settles. */
async function heldFront(ready: Promise<void>) {
  const front = await startFront({
    listen: [new URL('http://127.0.0.1:0')],
    handlers: {},
    ready,
    httpRoutes: new Map([['/version', versionHandler({ etcdserver: '3.4.23', etcdcluster: '3.4.0' })]]),
  });
  return { front, origin: front.addresses[0]!.origin };
}

test('a front given a ready promise holds HTTP/1.1 and gRPC connections until it settles', async () => {
  let setReady!: () => void;
  const ready = new Promise<void>((r) => (setReady = r));
  const { front, origin } = await heldFront(ready);
  try {
    let httpDone = false;
    const httpAnswer = fetch(`${origin}/version`).then(async (r) => {
      httpDone = true;
      return r.status;
    });
    const h2 = http2.connect(origin);
    h2.on('error', () => {});
    let h2Done = false;
    const grpcAnswer = new Promise<string | undefined>((resolve, reject) => {
      const s = h2.request({
        ':method': 'POST',
        ':path': '/etcdserverpb.KV/Range',
        'content-type': 'application/grpc',
        te: 'trailers',
      });
      s.on('response', (h) => {
        h2Done = true;
        resolve(String(h['grpc-status'] ?? ''));
      });
      s.on('trailers', (t) => resolve(String(t['grpc-status'])));
      s.on('error', reject);
      s.end(Buffer.from([0, 0, 0, 0, 0]));
    });
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(httpDone, false, 'HTTP/1.1 answered before the member was ready');
    assert.equal(h2Done, false, 'gRPC answered before the member was ready');
    setReady();
    assert.equal(await httpAnswer, 200);
    // No handler for KV/Range in this front: UNIMPLEMENTED (12), which proves the call reached the server.
    assert.equal(await grpcAnswer, '12');
    h2.close();
  } finally {
    await front.close();
  }
});

test('when the member stops before it is ready, held and later connections are closed, not left hanging', async () => {
  let fail!: (e: unknown) => void;
  const ready = new Promise<void>((_, rej) => (fail = rej));
  const { front, origin } = await heldFront(ready);
  try {
    const held = fetch(`${origin}/version`);
    await new Promise((r) => setTimeout(r, 200));
    fail(new Error('stopped'));
    await assert.rejects(held);
    await assert.rejects(fetch(`${origin}/version`));
  } finally {
    await front.close();
  }
});

test('publish logs that it stopped when the server stops', async () => {
  const { server } = fakeServer([], 1);
  const { log, lines } = recordingLog();
  await assert.rejects(publish(server, { name: 'm1', clientURLs: [] }, log));
  assert.deepEqual(
    lines.map((l) => `${l.level} ${l.msg}`),
    ['warn stopped publish because server is stopped'],
  );
});
