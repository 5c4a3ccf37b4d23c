import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { MessageType } from '../../src/api/raft-types.ts';
import type { Node } from './helpers.ts';
import { mesh, readAll, snapMsg, startNode, waitFor } from './helpers.ts';

const CLUSTER = 0x5a95n;
const open: Node[] = [];
after(async () => {
  await Promise.all(open.map((n) => n.transport.close()));
});

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

test('a several-MiB snapshot streamed with back-pressure arrives intact; reportSnapshot(id, false)', async () => {
  const payload = randomBytes(12 * 1024 * 1024 + 123);
  let saved: Buffer | undefined;
  let order: string[] = [];
  const a = await startNode(0xa1n, CLUSTER);
  const b = await startNode(0xb1n, CLUSTER, {
    onSnapshot: async (m, data) => {
      assert.equal(m.type, MessageType.MsgSnap);
      order.push('save');
      saved = await readAll(data);
    },
    onMessage: (m) => {
      order.push(`step ${m.type}`);
      b.rec.messages.push(m);
    },
  });
  open.push(a, b);
  mesh([a, b]);
  // A slow producer: 256 KiB pieces, so the upload really streams instead of being one buffer.
  let produced = 0;
  const source = new Readable({
    read() {
      if (produced >= payload.length) return void this.push(null);
      const end = Math.min(produced + 256 * 1024, payload.length);
      this.push(payload.subarray(produced, end));
      produced = end;
    },
  });
  const ok = await a.transport.sendSnapshot(
    snapMsg(a.id, b.id, 42, Buffer.from('inline')),
    source,
    payload.length,
  );
  assert.equal(ok, true);
  assert.deepEqual(a.rec.snapshotReports, [{ id: b.id, failed: false }]);
  assert.equal(saved?.length, payload.length);
  assert.equal(sha(saved!), sha(payload));
  // The receiver saves the data first, then raft sees the MsgSnap (with its metadata and inline data).
  assert.deepEqual(order, ['save', `step ${MessageType.MsgSnap}`]);
  const m = b.rec.messages[0]!;
  assert.equal(m.snapshot?.metadata.index, 42);
  assert.deepEqual(m.snapshot?.metadata.confState.voters, [a.id, b.id]);
  assert.equal(Buffer.from(m.snapshot!.data).toString(), 'inline');
  order = [];

  // A Buffer source works the same way.
  const ok2 = await a.transport.sendSnapshot(snapMsg(a.id, b.id, 43), payload.subarray(0, 3_000_000));
  assert.equal(ok2, true);
  assert.equal(sha(saved!), sha(payload.subarray(0, 3_000_000)));
});

test('failures report reportSnapshot(id, true): receiver rejects, source breaks, peer down, unknown peer', async () => {
  let reject = true;
  const a = await startNode(0xa2n, CLUSTER);
  const b = await startNode(0xb2n, CLUSTER, {
    onSnapshot: async (_m, data) => {
      await readAll(data);
      if (reject) throw new Error('disk full');
    },
  });
  open.push(a, b);
  mesh([a, b]);

  // 1. The receiver could not save it: no MsgSnap reaches its raft.
  assert.equal(await a.transport.sendSnapshot(snapMsg(a.id, b.id, 7), randomBytes(2_000_000)), false);
  assert.equal(b.rec.messages.length, 0);
  assert.ok(b.rec.hasLog('warn', 'failed to receive database snapshot'));

  // 2. The source fails half-way: the receiver sees a truncated upload and does not step it either.
  reject = false;
  let n = 0;
  const broken = new Readable({
    read() {
      if (n++ < 8) this.push(randomBytes(64 * 1024));
      else this.destroy(new Error('read error on snapshot file'));
    },
  });
  assert.equal(await a.transport.sendSnapshot(snapMsg(a.id, b.id, 8), broken, 4_000_000), false);
  // A short stream that ends cleanly but below the announced size is caught by the receiver.
  assert.equal(
    await a.transport.sendSnapshot(snapMsg(a.id, b.id, 9), Readable.from([Buffer.alloc(1000)]), 5000),
    false,
  );
  await waitFor('truncation logged', () => b.rec.hasLog('warn', 'failed to receive database snapshot'));
  assert.equal(b.rec.messages.length, 0);

  // 3. Unknown peer and a peer that is down.
  assert.equal(await a.transport.sendSnapshot(snapMsg(a.id, 0xdeadn, 10), Buffer.alloc(10)), false);
  await b.transport.close();
  assert.equal(await a.transport.sendSnapshot(snapMsg(a.id, b.id, 11), Buffer.alloc(10)), false);

  assert.deepEqual(
    a.rec.snapshotReports.map((r) => r.failed),
    [true, true, true, true, true],
  );
  assert.deepEqual(
    a.rec.snapshotReports.map((r) => r.id),
    [b.id, b.id, b.id, 0xdeadn, b.id],
  );
  // etcd also reports the peer unreachable when a snapshot fails.
  assert.ok(a.rec.unreachable.includes(b.id));
});

test('a MsgSnap handed to send() goes the snapshot way and is reported', async () => {
  const a = await startNode(0xa3n, CLUSTER);
  const b = await startNode(0xb3n, CLUSTER);
  open.push(a, b);
  mesh([a, b]);
  const inline = randomBytes(5 * 1024 * 1024);
  a.transport.send([snapMsg(a.id, b.id, 99, inline)]);
  await waitFor('reported', () => a.rec.snapshotReports.length === 1);
  assert.deepEqual(a.rec.snapshotReports, [{ id: b.id, failed: false }]);
  assert.equal(b.rec.messages.length, 1);
  assert.equal(sha(b.rec.messages[0]!.snapshot!.data), sha(inline));
});

test('a receiver that takes longer to save than the idle and read timeouts still succeeds', async () => {
  const limits = { pingIntervalMs: 50, readTimeoutMs: 200, snapshotIdleTimeoutMs: 200 };
  const a = await startNode(0xa4n, CLUSTER, { limits });
  const b = await startNode(0xb4n, CLUSTER, {
    limits,
    onSnapshot: async (_m, data) => {
      await readAll(data);
      // A slow fsync: no frames flow on the snapshot stream for several timeouts.
      await new Promise((r) => setTimeout(r, 800));
    },
  });
  open.push(a, b);
  mesh([a, b]);
  const ok = await a.transport.sendSnapshot(snapMsg(a.id, b.id, 5), randomBytes(1_000_000));
  assert.equal(ok, true);
  assert.deepEqual(a.rec.snapshotReports, [{ id: b.id, failed: false }]);
  assert.equal(b.rec.messages.length, 1);
});
