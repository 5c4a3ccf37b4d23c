// A peer that accepts the stream but never reads: the sender's memory must stay bounded (queue cap +
// one stream buffer), the excess dropped, and raft told the peer is unreachable.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http2';
import type { Http2Server, ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Node } from './helpers.ts';
import { app, startNode, waitFor } from './helpers.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const open: Node[] = [];
let stalled: Http2Server | undefined;
const streams: ServerHttp2Stream[] = [];
after(async () => {
  for (const s of streams) s.destroy();
  await Promise.all(open.map((n) => n.transport.close()));
  await new Promise((r) => stalled?.close(r));
});

test('a peer that never reads does not make the sender grow without bound', async () => {
  stalled = createServer({ settings: { initialWindowSize: 65_535 } });
  stalled.on('stream', (stream) => {
    streams.push(stream);
    stream.respond({ ':status': 200 });
    stream.pause(); // accepted, never read: flow control closes the window after 64 KiB
  });
  await new Promise<void>((r) => stalled!.listen(0, '127.0.0.1', r));
  const port = (stalled.address() as AddressInfo).port;

  const limits = { maxQueuedMessages: 1000, maxQueuedBytes: 4 * 1024 * 1024, maxBatchBytes: 256 * 1024 };
  const a = await startNode(0xa1n, 0x1n, { limits });
  open.push(a);
  const peer = 0xb1n;
  a.transport.addPeer(peer, [`http://127.0.0.1:${port}`]);
  await waitFor('stream accepted', () => a.transport.activeSince(peer) !== undefined);

  gc();
  const before = process.memoryUsage().arrayBuffers;
  const payload = new Uint8Array(16 * 1024).fill(1);
  const turns = 200;
  const perTurn = 64; // 200 × 64 × 16 KiB ≈ 200 MiB offered
  let maxQueued = 0;
  let maxBuffered = 0;
  for (let t = 0; t < turns; t++) {
    const batch = [];
    for (let k = 0; k < perTurn; k++) batch.push(app(a.id, peer, t * perTurn + k, payload));
    a.transport.send(batch);
    await new Promise((r) => setImmediate(r));
    const s = a.transport.stats(peer)!;
    maxQueued = Math.max(maxQueued, s.queuedBytes);
    maxBuffered = Math.max(maxBuffered, s.bufferedBytes);
  }
  // Two full collections a moment apart, so dropped messages are really gone before measuring.
  await new Promise((r) => setTimeout(r, 200));
  gc();
  gc();
  const grown = process.memoryUsage().arrayBuffers - before;

  const s = a.transport.stats(peer)!;
  const offered = turns * perTurn;
  assert.ok(s.droppedMessages > offered * 0.9, `most messages dropped (${s.droppedMessages} of ${offered})`);
  assert.equal(s.sentMessages + s.queuedMessages + s.droppedMessages, offered);
  assert.ok(maxQueued <= limits.maxQueuedBytes, `queue stayed under its cap (${maxQueued})`);
  assert.ok(s.queuedMessages <= limits.maxQueuedMessages);
  // The stream holds at most what was written before it signalled back-pressure: about one batch.
  assert.ok(maxBuffered <= 2 * limits.maxBatchBytes, `stream buffer bounded (${maxBuffered})`);
  assert.ok(grown < 32 * 1024 * 1024, `~200 MiB offered, memory grew by ${(grown / 1048576).toFixed(1)} MiB`);
  await waitFor('unreachable reported', () => a.rec.unreachable.includes(peer));
  assert.ok(a.rec.hasLog('warn', 'sending buffer is full'));
  // The link itself is still up: it is slow, not dead (pings are answered).
  assert.ok(a.transport.activeSince(peer) !== undefined);
});
