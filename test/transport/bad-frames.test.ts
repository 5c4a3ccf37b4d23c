// A peer that sends a frame the decoder refuses (here: a raft message type or entry type outside raftpb's
// enums) loses that message stream, with a warning in the log; raft never sees the message, earlier
// messages on the stream were delivered, and the member keeps serving its peers.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, constants as h2c } from 'node:http2';
import { MessageType } from '../../src/api/raft-types.ts';
import { encodeFrames } from '../../src/transport/frame.ts';
import { encodeRaftMessage } from '../../src/transport/message-codec.ts';
import {
  HEADER_CLUSTER_ID,
  HEADER_FROM,
  HEADER_SERVER_VERSION,
  HEADER_TO,
  PATH_STREAM,
  SERVER_VERSION,
  hex,
} from '../../src/transport/protocol.ts';
import type { Node } from './helpers.ts';
import { app, mesh, startNode, waitFor } from './helpers.ts';

const CLUSTER = 0xbadf4n;
const open: Node[] = [];
after(async () => {
  await Promise.all(open.map((n) => n.transport.close()));
});

/** Opens a message stream to `to` as member `from`, writes `frames`, resolves to the RST code it is closed with. */
async function sendRaw(to: Node, from: bigint, frames: Uint8Array[]): Promise<number> {
  const session = connect(to.url);
  session.on('error', () => {});
  try {
    const stream = session.request({
      ':method': 'POST',
      ':path': PATH_STREAM,
      [HEADER_CLUSTER_ID]: hex(CLUSTER),
      [HEADER_FROM]: hex(from),
      [HEADER_TO]: hex(to.id),
      [HEADER_SERVER_VERSION]: SERVER_VERSION,
    });
    stream.on('error', () => {});
    const status = await new Promise<number>((resolve) =>
      stream.once('response', (h) => resolve(Number(h[':status']))),
    );
    assert.equal(status, 200);
    stream.resume();
    stream.write(encodeFrames(frames));
    // a deadline only so that a stream left open fails the test instead of hanging it
    const closed = await Promise.race([
      new Promise<boolean>((r) => stream.once('close', () => r(true))),
      new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref()),
    ]);
    assert.ok(closed, 'the receiver closed the stream');
    return stream.rstCode ?? -1;
  } finally {
    session.destroy();
  }
}

for (const [what, bad, reason] of [
  ['message type 19', withType(encodeRaftMessage(app(0xb2n, 0xa2n, 2)), 19), 'unknown message type 19'],
  [
    'entry type 2',
    encodeRaftMessage({
      ...app(0xb2n, 0xa2n, 2),
      entries: [{ term: 1, index: 3, type: 2 as never, data: Uint8Array.from([1]) }],
    }),
    'unknown entry type 2',
  ],
] as const) {
  test(`a frame with ${what} closes the stream it came on; the member carries on`, async () => {
    const a = await startNode(0xa2n, CLUSTER);
    const b = await startNode(0xb2n, CLUSTER);
    open.push(a, b);
    mesh([a, b]);
    const good = encodeRaftMessage(app(b.id, a.id, 1));
    const after = encodeRaftMessage(app(b.id, a.id, 3));
    const rst = await sendRaw(a, b.id, [good, bad, after]);
    assert.equal(rst, h2c.NGHTTP2_PROTOCOL_ERROR);
    await waitFor('the good message', () => a.rec.messages.length === 1);
    assert.equal(a.rec.messages[0]!.index, 1);
    const warn = a.rec.logs.find((l) => l.msg === 'closing a corrupt message stream');
    assert.ok(warn, 'warning logged');
    assert.equal((warn.fields as { error: string }).error, `raft message: ${reason}`);
    // the member still takes messages from that peer over the peer's own stream
    b.transport.send([app(b.id, a.id, 10)]);
    await waitFor('a message after the bad frame', () => a.rec.messages.length === 2);
    assert.deepEqual(
      a.rec.messages.map((m) => [m.type, m.index]),
      [
        [MessageType.MsgApp, 1],
        [MessageType.MsgApp, 10],
      ],
    );
  });
}

/** `encoded` (a message without its type field written, or with one: the last occurrence wins) with type `t`. */
function withType(encoded: Uint8Array, t: number): Uint8Array {
  return Buffer.concat([encoded, Buffer.from([0x08, t])]);
}
