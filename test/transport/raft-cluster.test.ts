// Real RawNodes (MemoryStorage) talking through real transports on loopback: the transport is good
// enough for raft when a leader gets elected, proposals commit everywhere, and a member that fell
// behind a compaction catches up through a snapshot sent over the wire.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConfChange } from '../../src/api/raft-codec.ts';
import { EntryType } from '../../src/api/raft-types.ts';
import type { ConfState } from '../../src/api/raft-types.ts';
import { MemoryStorage, RawNode } from '../../src/raft/index.ts';
import { Transport } from '../../src/transport/index.ts';
import { Recorder, fastLimits, waitFor } from './helpers.ts';

const CLUSTER = 0x7e57n;
const TICK_MS = 10;

let seed = 1;
function random() {
  let a = seed++ * 7919;
  return {
    intn(n: number): number {
      a = (a * 1103515245 + 12345) & 0x7fffffff;
      return a % n;
    },
  };
}

class Member {
  readonly storage = new MemoryStorage();
  readonly node: RawNode;
  readonly rec = new Recorder();
  transport!: Transport;
  url = '';
  applied: string[] = [];
  confState: ConfState = { voters: [], learners: [] };
  private ticker: NodeJS.Timeout | undefined;
  private scheduled = false;

  constructor(
    readonly id: bigint,
    peers: bigint[],
  ) {
    this.node = new RawNode({
      id,
      electionTick: 10,
      heartbeatTick: 1,
      storage: this.storage,
      random: random(),
      preVote: true,
      checkQuorum: true,
    });
    this.node.bootstrap(peers);
  }

  async listen(port = 0): Promise<void> {
    this.transport = new Transport({
      memberId: this.id,
      clusterId: CLUSTER,
      listenUrls: [new URL(`http://127.0.0.1:${port}`)],
      onMessage: (m) => {
        this.node.step(m);
        this.schedule();
      },
      reportUnreachable: (id) => {
        this.rec.unreachable.push(id);
        this.node.reportUnreachable(id);
        this.schedule();
      },
      reportSnapshot: (id, failed) => {
        this.rec.snapshotReports.push({ id, failed });
        this.node.reportSnapshot(id, failed);
        this.schedule();
      },
      logger: this.rec.logger,
      limits: fastLimits,
    });
    const [addr] = await this.transport.start();
    this.url = addr!.origin;
  }

  startTicking(): void {
    this.ticker = setInterval(() => {
      this.node.tick();
      this.process();
    }, TICK_MS);
  }

  stopTicking(): void {
    clearInterval(this.ticker);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.process();
    });
  }

  /** The Ready loop in raft's documented order: persist, send, apply, advance. */
  process(): void {
    while (this.node.hasReady()) {
      const rd = this.node.ready();
      if (rd.snapshot !== undefined) this.storage.applySnapshot(rd.snapshot);
      this.storage.append(rd.entries);
      if (rd.hardState !== undefined) this.storage.setHardState(rd.hardState);
      this.transport.send(rd.messages);
      if (rd.snapshot !== undefined) {
        this.applied = JSON.parse(Buffer.from(rd.snapshot.data).toString()) as string[];
        this.confState = rd.snapshot.metadata.confState;
      }
      for (const e of rd.committedEntries) {
        if (e.type === EntryType.ConfChange)
          this.confState = this.node.applyConfChange(decodeConfChange(e.data));
        else if (e.data.length > 0) this.applied.push(Buffer.from(e.data).toString());
      }
      this.node.advance(rd);
    }
  }

  isLeader(): boolean {
    return this.node.basicStatus().softState.state === 'leader';
  }

  async stop(): Promise<void> {
    this.stopTicking();
    await this.transport.close();
  }
}

const members: Member[] = [];
after(async () => {
  await Promise.all(members.map((m) => m.stop()));
});

async function cluster(ids: bigint[]): Promise<Member[]> {
  const ms = ids.map((id) => new Member(id, ids));
  members.push(...ms);
  await Promise.all(ms.map((m) => m.listen()));
  for (const a of ms) for (const b of ms) if (a !== b) a.transport.addPeer(b.id, [b.url]);
  for (const m of ms) m.startTicking();
  return ms;
}

function leaderOf(ms: Member[]): Member | undefined {
  return ms.find((m) => m.isLeader());
}

async function proposeAll(leader: Member, values: string[], everyone: Member[]): Promise<void> {
  for (const v of values) leader.node.propose(Buffer.from(v));
  leader.process();
  const last = values[values.length - 1]!;
  await waitFor(`"${last}" applied on ${everyone.length} members`, () =>
    everyone.every((m) => m.applied[m.applied.length - 1] === last),
  );
}

test('two members elect a leader and commit proposals on both', async () => {
  const ms = await cluster([0x21n, 0x22n]);
  await waitFor('a leader', () => leaderOf(ms) !== undefined);
  const leader = leaderOf(ms)!;
  const values = Array.from({ length: 50 }, (_, i) => `two-${i}`);
  await proposeAll(leader, values, ms);
  for (const m of ms) assert.deepEqual(m.applied, values);
});

test('three members: commit everywhere; a member behind a compaction catches up by snapshot', async () => {
  const ms = await cluster([0x31n, 0x32n, 0x33n]);
  await waitFor('a leader', () => leaderOf(ms) !== undefined);
  let leader = leaderOf(ms)!;
  const first = Array.from({ length: 100 }, (_, i) => `v${i}`);
  await proposeAll(leader, first, ms);
  for (const m of ms) assert.deepEqual(m.applied, first);

  // Cut one follower off, move on without it, and compact the leader's log past what it has.
  const lagging = ms.find((m) => m !== leader)!;
  const port = Number(new URL(lagging.url).port);
  await lagging.stop();
  const live = ms.filter((m) => m !== lagging);
  await waitFor('leader sees the follower down', () => leader.rec.unreachable.includes(lagging.id));
  leader = leaderOf(live) ?? leader;
  const second = Array.from({ length: 100 }, (_, i) => `w${i}`);
  await proposeAll(leader, second, live);
  const applied = leader.node.basicStatus().applied;
  leader.storage.createSnapshot(applied, leader.confState, Buffer.from(JSON.stringify(leader.applied)));
  leader.storage.compact(applied);

  // Back on the same port: the leader can only catch it up with a MsgSnap over the snapshot path.
  await lagging.listen(port);
  for (const m of live) lagging.transport.addPeer(m.id, [m.url]);
  lagging.startTicking();
  await waitFor('snapshot delivered', () =>
    leader.rec.snapshotReports.some((r) => r.id === lagging.id && !r.failed),
  );
  assert.ok(lagging.storage.snapshot().metadata.index >= applied);
  const third = ['after-snapshot-1', 'after-snapshot-2'];
  await proposeAll(leaderOf(live)!, third, ms);
  const expected = [...first, ...second, ...third];
  for (const m of ms) assert.deepEqual(m.applied, expected);
});
