// Committed proposals per second through an in-process 3-member raft cluster (MemoryStorage, messages
// handed over in memory, no encoding). Measures the raft library alone: the ceiling the server's
// driver loop can reach before I/O. Run: npx tsx bench/raft-throughput.ts
import { performance } from 'node:perf_hooks';
import { MemoryStorage, RawNode } from '../src/raft/index.ts';
import type { Message } from '../src/raft/index.ts';

interface M {
  node: RawNode;
  storage: MemoryStorage;
  applied: number;
}

function makeCluster(ids: bigint[]): Map<bigint, M> {
  const members = new Map<bigint, M>();
  let seed = 1;
  for (const id of ids) {
    const storage = new MemoryStorage();
    const s = seed++;
    const node = new RawNode({
      id,
      electionTick: 10,
      heartbeatTick: 1,
      storage,
      random: { intn: (n) => (s * 7) % n },
      maxSizePerMsg: 1024 * 1024,
      maxInflightMsgs: 256,
    });
    node.bootstrap(ids);
    members.set(id, { node, storage, applied: 0 });
  }
  return members;
}

/** One driver round on every member: Ready → persist → send → apply → advance, then deliver. */
function round(members: Map<bigint, M>): number {
  const out: Message[] = [];
  let work = 0;
  for (const m of members.values()) {
    if (!m.node.hasReady()) continue;
    work++;
    const rd = m.node.ready();
    if (rd.snapshot) m.storage.applySnapshot(rd.snapshot);
    if (rd.entries.length > 0) m.storage.append(rd.entries);
    if (rd.hardState) m.storage.setHardState(rd.hardState);
    for (const msg of rd.messages) out.push(msg);
    for (const e of rd.committedEntries) if (e.data.length > 0) m.applied++;
    m.node.advance(rd);
  }
  for (const msg of out) members.get(msg.to)?.node.step(msg);
  return work + out.length;
}

function settle(members: Map<bigint, M>): void {
  while (round(members) > 0) {
    /* until quiet */
  }
}

function run(batch: number, total: number, payload: number, oneStep = false): { rate: number; rounds: number; ms: number } {
  const members = makeCluster([1n, 2n, 3n]);
  settle(members);
  const leader = members.get(1n)!;
  leader.node.campaign();
  settle(members);
  const data = new Uint8Array(payload);
  const base = leader.applied;
  const bases = new Map([...members].map(([id, m]) => [id, m.applied]));
  let proposed = 0;
  let rounds = 0;
  // Compact now and then, as the server will, so the in-memory log does not grow without bound.
  const compactEvery = 50_000;
  let lastCompact = 0;
  const t0 = performance.now();
  while (leader.applied - base < total) {
    if (oneStep) {
      const n = Math.min(batch, total - proposed);
      leader.node.proposeBatch(new Array<Uint8Array>(n).fill(data));
      proposed += n;
    } else {
      for (let i = 0; i < batch && proposed < total; i++, proposed++) leader.node.propose(data);
    }
    round(members);
    rounds++;
    if (leader.applied - lastCompact > compactEvery) {
      for (const m of members.values()) {
        const idx = m.node.raft.raftLog.applied - 1000;
        if (idx > m.storage.firstIndex()) m.storage.compact(idx);
      }
      lastCompact = leader.applied;
    }
  }
  const ms = performance.now() - t0;
  settle(members);
  for (const [id, m] of members) if (m.applied - bases.get(id)! !== total) throw new Error(`member ${id} differs`);
  return { rate: (total / ms) * 1000, rounds, ms };
}

const payload = 256;
const cases = [
  { batch: 1, total: 100_000, oneStep: false },
  { batch: 64, total: 500_000, oneStep: false },
  { batch: 64, total: 500_000, oneStep: true },
];
// Warm up the JIT so the first case is not penalised.
run(64, 50_000, payload);
console.log(`raft throughput, 3 members in one process, ${payload}-byte proposals, Node ${process.version}`);
console.log('batch/round  how             proposals  rounds     time (ms)  committed/s');
for (const c of cases) {
  const r = run(c.batch, c.total, payload, c.oneStep);
  const how = c.oneStep ? 'proposeBatch' : 'propose each';
  console.log(
    `${String(c.batch).padStart(11)}  ${how.padEnd(14)}  ${String(c.total).padStart(9)}  ${String(r.rounds).padStart(7)}  ${r.ms.toFixed(0).padStart(12)}  ${Math.round(r.rate).toLocaleString('en-US').padStart(11)}`,
  );
}
