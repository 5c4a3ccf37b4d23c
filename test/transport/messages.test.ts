import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:http2';
import { MessageType } from '../../src/api/raft-types.ts';
import type { Node } from './helpers.ts';
import { FreezableProxy, app, mesh, startNode, waitFor } from './helpers.ts';

const CLUSTER = 0xc1a5n;
const open: Node[] = [];
after(async () => {
  await Promise.all(open.map((n) => n.transport.close()));
});
async function node(
  id: bigint,
  extra: Parameters<typeof startNode>[2] = {},
  cluster = CLUSTER,
): Promise<Node> {
  const n = await startNode(id, cluster, extra);
  open.push(n);
  return n;
}

test('messages arrive whole and in order per peer, in both directions', async () => {
  const a = await node(0xa1n);
  const b = await node(0xb1n);
  mesh([a, b]);
  const N = 20_000;
  // Many turns with many messages each, some large enough to span several frames and batches.
  for (let turn = 0; turn < 200; turn++) {
    const batchA = [];
    const batchB = [];
    for (let k = 0; k < N / 200; k++) {
      const seq = turn * (N / 200) + k;
      const payload = seq % 997 === 0 ? new Uint8Array(300_000).fill(seq & 0xff) : undefined;
      batchA.push(app(a.id, b.id, seq, payload));
      batchB.push(app(b.id, a.id, seq));
    }
    a.transport.send(batchA);
    b.transport.send(batchB);
    await new Promise((r) => setImmediate(r));
  }
  await waitFor('all messages', () => b.rec.messages.length === N && a.rec.messages.length === N);
  assert.deepEqual(
    b.rec.messages.map((m) => m.index),
    Array.from({ length: N }, (_, i) => i),
  );
  assert.deepEqual(
    a.rec.messages.map((m) => m.index),
    Array.from({ length: N }, (_, i) => i),
  );
  const big = b.rec.messages.find((m) => m.index === 997)!;
  assert.equal(big.entries[0]!.data.length, 300_000);
  assert.ok(big.entries[0]!.data.every((x) => x === (997 & 0xff)));
  assert.equal(b.rec.messages[5]!.from, a.id);
  assert.equal(b.rec.messages[5]!.type, MessageType.MsgApp);
  assert.ok(a.transport.activeSince(b.id) instanceof Date);
  assert.equal(a.transport.stats(b.id)!.droppedMessages, 0);
  assert.equal(b.transport.stats(a.id)!.receivedMessages, N);
});

test('a stopped peer is reported unreachable; the link comes back when it restarts', async () => {
  const a = await node(0xa2n);
  let b = await node(0xb2n);
  mesh([a, b]);
  a.transport.send([app(a.id, b.id, 1)]);
  await waitFor('first message', () => b.rec.messages.length === 1);
  const port = Number(new URL(b.url).port);
  await b.transport.close();
  await waitFor('link down', () => a.transport.activeSince(b.id) === undefined);
  assert.ok(a.rec.hasLog('warn', 'lost stream'));
  // While it is down, messages are dropped and raft hears about it (on a later turn, not inside send).
  const before = a.rec.unreachable.length;
  a.transport.send([app(a.id, b.id, 2)]);
  assert.equal(a.rec.unreachable.length, before, 'send() must not call back synchronously');
  await waitFor('unreachable reported', () => a.rec.unreachable.length > before);
  assert.ok(a.rec.unreachable.every((id) => id === b.id));

  b = await node(0xb2n, { port });
  b.transport.addPeer(a.id, [a.url]);
  await waitFor('link back', () => a.transport.activeSince(b.id) !== undefined);
  a.transport.send([app(a.id, b.id, 3)]);
  await waitFor('message after restart', () => b.rec.messages.length === 1);
  assert.equal(b.rec.messages[0]!.index, 3);
  assert.ok(a.rec.hasLog('info', 'peer became active'));
});

test('a member of another cluster is refused on both ends with a clear log line', async () => {
  const a = await node(0xa3n, {}, 0x1111n);
  const b = await node(0xb3n, {}, 0x2222n);
  mesh([a, b]);
  a.transport.send([app(a.id, b.id, 1)]);
  await waitFor('refusal logged by the receiver', () => b.rec.hasLog('warn', 'cluster ID mismatch'));
  await waitFor('refusal logged by the sender', () => a.rec.hasLog('error', 'cluster ID mismatch'));
  await waitFor('unreachable reported', () => a.rec.unreachable.includes(b.id));
  assert.equal(b.rec.messages.length, 0);
  assert.equal(a.transport.activeSince(b.id), undefined);
  const line = b.rec.logs.find((l) => l.msg.includes('cluster ID mismatch'))!;
  assert.deepEqual(
    [
      (line.fields as Record<string, string>)['local-member-cluster-id'],
      (line.fields as Record<string, string>)['remote-peer-cluster-id'],
    ],
    ['2222', '1111'],
  );
});

test('an unknown sender gets 404; a removed one gets 410 and learns it was removed', async () => {
  const a = await node(0xa4n);
  const b = await node(0xb4n);
  a.transport.addPeer(b.id, [b.url]); // b does not know a
  a.transport.send([app(a.id, b.id, 1)]);
  await waitFor('unknown sender refused', () => b.rec.hasLog('warn', 'sender is not a known member'));
  await waitFor('sender saw the refusal', () => a.rec.hasLog('warn', 'remote peer refused the stream'));
  assert.equal(b.rec.messages.length, 0);

  b.transport.addPeer(a.id, [a.url]);
  await waitFor('accepted once known', () => a.transport.activeSince(b.id) !== undefined);
  a.transport.send([app(a.id, b.id, 2)]);
  await waitFor('message', () => b.rec.messages.length === 1);

  b.transport.removePeer(a.id);
  await waitFor('removed member told', () => a.rec.removedBy.includes(b.id));
  assert.ok(a.rec.hasLog('error', 'permanently removed'));
  a.transport.send([app(a.id, b.id, 3)]);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(b.rec.messages.length, 1, 'nothing from a removed member gets through');
});

test('GET /version and /members on the peer port, over HTTP/1.1 and HTTP/2', async () => {
  const members = [{ id: 'a5', name: 'a', peerURLs: ['http://127.0.0.1:1'], clientURLs: [] }];
  const a = await node(0xa5n, { members: () => members });
  const v1 = await fetch(`${a.url}/version`);
  assert.equal(v1.status, 200);
  assert.deepEqual(await v1.json(), { etcdserver: '3.4.23', etcdcluster: '3.4.0' });
  const m1 = await fetch(`${a.url}/members`);
  assert.deepEqual(await m1.json(), members);
  assert.equal(m1.headers.get('x-etcd-cluster-id'), CLUSTER.toString(16));
  assert.equal((await fetch(`${a.url}/nope`)).status, 404);

  const session = connect(a.url);
  try {
    const body = await new Promise<string>((resolve, reject) => {
      const req = session.request({ ':path': '/version' });
      req.on('response', (h) => assert.equal(h['x-etcd-cluster-id'], CLUSTER.toString(16)));
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (text += c));
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });
    assert.deepEqual(JSON.parse(body), { etcdserver: '3.4.23', etcdcluster: '3.4.0' });
  } finally {
    session.destroy();
  }
});

test('a quiet link outlives the read timeout; a silent (partitioned) one is detected and reported', async () => {
  const limits = { pingIntervalMs: 50, readTimeoutMs: 300 };
  const a = await node(0xa6n, { limits });
  const b = await node(0xb6n, { limits });
  const proxy = new FreezableProxy(Number(new URL(b.url).port));
  const port = await proxy.start();
  try {
    a.transport.addPeer(b.id, [`http://127.0.0.1:${port}`]);
    b.transport.addPeer(a.id, [a.url]);
    await waitFor('link up', () => a.transport.activeSince(b.id) !== undefined);
    const since = a.transport.activeSince(b.id);
    // No raft traffic for several read timeouts: pings alone keep the link.
    await new Promise((r) => setTimeout(r, 1200));
    assert.equal(a.transport.activeSince(b.id), since, 'the quiet link was not torn down');
    a.transport.send([app(a.id, b.id, 1)]);
    await waitFor('message', () => b.rec.messages.length === 1);

    // The path goes silent without any connection closing: only unanswered pings can tell.
    proxy.freeze();
    await waitFor('partition detected', () => a.transport.activeSince(b.id) === undefined);
    await waitFor('unreachable reported', () => a.rec.unreachable.includes(b.id));
    assert.ok(
      a.rec.logs.some((l) => l.msg.includes('lost stream') && JSON.stringify(l.fields).includes('ping')),
    );
  } finally {
    await proxy.close();
  }
});

test('updatePeer moves the link to the new URL; of several URLs a working one is found', async () => {
  const a = await node(0xa7n);
  let b = await node(0xb7n);
  // The first URL leads nowhere (a port that was just free); the second is b.
  const dead = await node(0xd7n);
  const deadUrl = dead.url;
  await dead.transport.close();
  a.transport.addPeer(b.id, [deadUrl, b.url]);
  b.transport.addPeer(a.id, [a.url]);
  await waitFor('connected through the second URL', () => a.transport.activeSince(b.id) !== undefined);

  // b moves to a new port (member update of its peer URLs).
  await b.transport.close();
  b = await node(0xb7n);
  b.transport.addPeer(a.id, [a.url]);
  a.transport.updatePeer(b.id, [b.url]);
  await waitFor('link on the new URL', () => a.transport.activeSince(b.id) !== undefined);
  a.transport.send([app(a.id, b.id, 1)]);
  await waitFor('message at the new address', () => b.rec.messages.length === 1);
});
