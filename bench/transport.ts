// Throughput of the peer transport between two members in one process over loopback (cleartext
// HTTP/2): raft messages per second and MB/s for several message shapes, and snapshot upload MB/s.
// Both ends share one event loop, so the figures are a floor for two separate processes.
// Run: npx tsx bench/transport.ts [seconds per case, default 2]
import { performance } from 'node:perf_hooks';
import { MessageType } from '../src/api/raft-types.ts';
import type { Entry, Message } from '../src/api/raft-types.ts';
import { Transport } from '../src/transport/index.ts';

const SECONDS = Number(process.argv[2] ?? 2);
const A = 0xa1n;
const B = 0xb1n;
const CLUSTER = 0xbe7cn;

let received = 0;
let receivedBytes = 0;
let snapshotBytes = 0;

function transport(id: bigint): Transport {
  return new Transport({
    memberId: id,
    clusterId: CLUSTER,
    listenUrls: [new URL('http://127.0.0.1:0')],
    onMessage: (m) => {
      received++;
      for (const e of m.entries) receivedBytes += e.data.length;
    },
    onSnapshot: async (_m, data) => {
      for await (const c of data) snapshotBytes += (c as Buffer).length;
    },
    reportUnreachable: () => {},
    reportSnapshot: () => {},
  });
}

function message(entries: Entry[], seq: number): Message {
  return {
    type: entries.length === 0 ? MessageType.MsgHeartbeat : MessageType.MsgApp,
    to: B,
    from: A,
    term: 3,
    logTerm: 3,
    index: seq,
    entries,
    commit: seq,
    reject: false,
    rejectHint: 0,
  };
}

async function runCase(name: string, a: Transport, entriesPerMsg: number, entryBytes: number): Promise<void> {
  const data = new Uint8Array(entryBytes).fill(0x61);
  const entries: Entry[] = Array.from({ length: entriesPerMsg }, (_, i) => ({ term: 3, index: i, type: 0, data }));
  const perTurn = 256;
  // In flight at most 3000 messages and 16 MB, so the queue never overflows and nothing is dropped.
  const msgBytes = Math.max(1, entriesPerMsg * entryBytes);
  const window = Math.max(1, Math.min(3000, Math.floor(16e6 / msgBytes)));
  received = 0;
  receivedBytes = 0;
  let sent = 0;
  const droppedBefore = a.stats(B)!.droppedMessages;
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  while (performance.now() < end) {
    const room = Math.min(perTurn, window - (sent - received));
    if (room > 0) {
      const batch: Message[] = [];
      for (let i = 0; i < room; i++) batch.push(message(entries, sent++));
      a.send(batch);
    }
    await new Promise((r) => setImmediate(r));
  }
  const lost = (): number => a.stats(B)!.droppedMessages - droppedBefore;
  while (received + lost() < sent) await new Promise((r) => setImmediate(r));
  const secs = (performance.now() - t0) / 1000;
  const wireBytes = a.stats(B)!.sentBytes;
  const dropped = lost();
  console.log(
    `${name.padEnd(34)} ${(received / secs).toFixed(0).padStart(8)} msg/s  ` +
      `${(receivedBytes / secs / 1e6).toFixed(1).padStart(7)} MB/s payload  ` +
      `dropped ${dropped}  (wire total so far ${(wireBytes / 1e6).toFixed(0)} MB)`,
  );
}

async function main(): Promise<void> {
  const a = transport(A);
  const b = transport(B);
  const [ua] = await a.start();
  const [ub] = await b.start();
  a.addPeer(B, [ub!.origin]);
  b.addPeer(A, [ua!.origin]);
  while (a.activeSince(B) === undefined) await new Promise((r) => setTimeout(r, 10));
  console.log(`peer transport, loopback, one process, ${SECONDS}s per case`);
  await runCase('heartbeat (no entries)', a, 0, 0);
  await runCase('MsgApp 1 entry × 256 B', a, 1, 256);
  await runCase('MsgApp 1 entry × 4 KiB', a, 1, 4096);
  await runCase('MsgApp 64 entries × 1 KiB', a, 64, 1024);
  await runCase('MsgApp 16 entries × 64 KiB (1 MiB)', a, 16, 65536);

  const snap = Buffer.alloc(256 * 1024 * 1024, 0x62);
  const msg: Message = {
    ...message([], 0),
    type: MessageType.MsgSnap,
    snapshot: { data: new Uint8Array(0), metadata: { index: 1, term: 1, confState: { voters: [A, B], learners: [] } } },
  };
  for (let i = 0; i < 2; i++) {
    snapshotBytes = 0;
    const t0 = performance.now();
    const ok = await a.sendSnapshot(msg, snap);
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `${'snapshot 256 MiB (buffer source)'.padEnd(34)} ${(snapshotBytes / secs / 1e6).toFixed(1).padStart(8)} MB/s  ok=${ok}`,
    );
  }
  await a.close();
  await b.close();
}

await main();
