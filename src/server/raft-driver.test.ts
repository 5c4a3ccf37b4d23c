import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStorage, RawNode } from '../raft/index.ts';
import { EntryType } from '../api/raft-types.ts';
import { decodeConfChange } from '../api/raft-codec.ts';
import type { Entry, Message } from '../api/raft-types.ts';
import type { Ready, ReadState } from '../raft/index.ts';
import {
  INLINE_COOLDOWN_MS,
  INLINE_MAX_BYTES,
  INLINE_MAX_COOLDOWN_MS,
  INLINE_MAX_ENTRIES,
  INLINE_SLOW_MS,
  RaftDriver,
  type FsyncMode,
} from './raft-driver.ts';
import { openRaftStorage } from './raft-storage.ts';
import type { WAL } from '../storage/wal/wal.ts';
import type { Snapshotter } from '../storage/snap/snapshotter.ts';

const rng = { intn: (n: number) => Math.floor(Math.random() * n) };

function startMember(dir: string, applied: Entry[], fsync: FsyncMode) {
  const now = () => 0; // a clock that never moves: no inline write counts as slow (no cool-down)
  const rs = openRaftStorage(join(dir, 'wal'), join(dir, 'snap'), () => Buffer.from('meta'), {
    segmentBytes: 64 * 1024,
  });
  const node = new RawNode({
    id: 1n,
    electionTick: 10,
    heartbeatTick: 1,
    storage: rs.storage,
    random: rng,
    preVote: true,
    checkQuorum: true,
  });
  if (rs.fresh) node.bootstrap([1n]);
  // Synced writes, by where they ran: WAL.save (on the loop) or WAL.saveAsync (the thread pool).
  const synced = { loop: 0, pool: 0 };
  const { save, saveAsync } = rs.wal;
  rs.wal.save = (...a) => {
    if (a[2]) synced.loop++;
    save.apply(rs.wal, a);
  };
  rs.wal.saveAsync = (...a) => {
    if (a[2]) synced.pool++;
    saveAsync.apply(rs.wal, a);
  };
  let leaderResolve!: () => void;
  const leader = new Promise<void>((r) => (leaderResolve = r));
  let fatal: unknown;
  const driver = new RaftDriver({
    node,
    storage: rs.storage,
    wal: rs.wal,
    snapshotter: rs.snapshotter,
    tickMs: 5,
    fsync,
    now,
    hooks: {
      send: (msgs) => assert.equal(msgs.length, 0, 'a single member sends nothing'),
      applySnapshot: () => {},
      applyEntries: (ents) => {
        for (const e of ents) {
          if (e.type === EntryType.Normal && e.data.length > 0) applied.push(e);
          // On restart raft learns the membership again by re-applying the log's conf changes.
          if (e.type === EntryType.ConfChange) node.applyConfChange(decodeConfChange(e.data));
        }
      },
      onSoftState: (s) => {
        if (s.state === 'leader') leaderResolve();
      },
      onFatal: (e) => (fatal = e),
    },
  });
  driver.start();
  const timer = setTimeout(() => leaderResolve(), 5000); // never hang the suite: the assertions below fail instead
  void leader.then(() => clearTimeout(timer));
  return { driver, rs, leader, synced, fatal: () => fatal };
}

async function until(cond: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 2));
  }
}

const MODES = {
  pool: 'thread pool',
  auto: 'thread pool, small writes on the loop',
  loop: 'on the loop',
} as const;

for (const mode of ['pool', 'auto', 'loop'] as const)
  test(`a single member elects itself, commits proposals through the WAL, and replays them after a restart (fdatasync: ${MODES[mode]})`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsetcd-driver-'));
    try {
      const applied: Entry[] = [];
      const m = startMember(dir, applied, mode);
      await m.leader;
      assert.equal(m.driver.softState()?.state, 'leader');
      for (let i = 0; i < 200; i++) m.driver.propose(Buffer.from(`put-${i}`));
      await until(() => applied.length === 200);
      // Then one at a time: single-entry writes, which the default mode makes on the loop.
      for (let i = 200; i < 210; i++) {
        m.driver.propose(Buffer.from(`put-${i}`));
        await until(() => applied.length === i + 1);
      }
      assert.deepEqual(
        applied.map((e) => Buffer.from(e.data).toString()),
        Array.from({ length: 210 }, (_, i) => `put-${i}`),
      );
      const { loop, pool } = m.synced;
      if (mode === 'pool') assert.ok(loop === 0 && pool > 0, JSON.stringify(m.synced));
      if (mode === 'loop') assert.ok(loop > 0 && pool === 0, JSON.stringify(m.synced));
      // The 200-entry batch went to the pool; the small writes (election, the last ten) to the loop.
      if (mode === 'auto') assert.ok(loop >= 10 && pool > 0, JSON.stringify(m.synced));
      const lastIndex = applied.at(-1)!.index;
      await m.driver.stop();
      m.rs.wal.close();
      assert.equal(m.fatal(), undefined);

      // Restart: the WAL replays everything; nothing was applied yet in this new process (applied = 0).
      const again: Entry[] = [];
      const m2 = startMember(dir, again, mode);
      assert.equal(m2.rs.fresh, false);
      await m2.leader;
      assert.equal(m2.driver.softState()?.state, 'leader');
      await until(() => again.length === 210);
      assert.equal(again.at(-1)!.index, lastIndex);
      m2.driver.propose(Buffer.from('after-restart'));
      await until(() => again.length === 211);
      assert.ok(again.at(-1)!.index > lastIndex);
      assert.ok(m2.rs.hardState.term >= 2, 'the term survived the restart');
      await m2.driver.stop();
      m2.rs.wal.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

/** A WAL whose asynchronous saves complete only when the test says so. */
class HeldWal {
  saves: { entries: Entry[]; release: () => void }[] = [];
  lastSavedIndex = 0;
  /** Every write (and each async write's completion), in order; a test may log its own events here too. */
  constructor(readonly events: string[] = []) {}
  /** Called by each save() (on the loop): a test advances its clock here to make the disk slow. */
  onSave: () => void = () => {};
  save(hs: { commit: number } | undefined, entries: Entry[], sync: boolean): void {
    this.onSave();
    this.events.push(`write commit=${hs?.commit} entries=${entries.length} sync=${sync} on-loop`);
    if (entries.length > 0) this.lastSavedIndex = entries.at(-1)!.index;
  }
  saveAsync(_hs: unknown, entries: Entry[], sync: boolean, done: (err: Error | null) => void): void {
    this.events.push(`write entries=${entries.length} sync=${sync} async`);
    if (entries.length > 0) this.lastSavedIndex = entries.at(-1)!.index;
    this.saves.push({
      entries,
      release: () => {
        this.events.push('durable');
        done(null);
      },
    });
  }
  saveSnapshot(): void {}
}

test('nothing is applied before its WAL write is durable, and proposals made meanwhile share the next write', async () => {
  const storage = new MemoryStorage();
  const node = new RawNode({ id: 1n, electionTick: 10, heartbeatTick: 1, storage, random: rng });
  node.bootstrap([1n]);
  const wal = new HeldWal();
  const applied: string[] = [];
  const driver = new RaftDriver({
    node,
    storage,
    wal: wal as unknown as WAL,
    snapshotter: {} as Snapshotter,
    tickMs: 5,
    fsync: 'pool',
    hooks: {
      send: () => {},
      applySnapshot: () => {},
      applyEntries: (ents) => {
        for (const e of ents) {
          if (e.type === EntryType.Normal && e.data.length > 0) applied.push(Buffer.from(e.data).toString());
          if (e.type === EntryType.ConfChange) node.applyConfChange(decodeConfChange(e.data));
        }
      },
      onFatal: (e) => assert.fail(String(e)),
    },
  });
  const releaseAll = async () => {
    // Let every held write finish, including those that follow (the election, the empty entry).
    for (let i = 0; i < 50; i++) {
      for (const s of wal.saves.splice(0)) s.release();
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  driver.start();
  try {
    await heldTest(driver, wal, applied, releaseAll);
  } finally {
    await driver.stop();
  }
});

async function heldTest(
  driver: RaftDriver,
  wal: HeldWal,
  applied: string[],
  releaseAll: () => Promise<void>,
) {
  // The election (raft's own timer) and its empty entry go through held writes too.
  await until(() => {
    for (const s of wal.saves.splice(0)) s.release();
    return driver.softState()?.state === 'leader';
  });
  await releaseAll();

  driver.proposeBuffered(Buffer.from('a'), () => assert.fail('dropped'));
  await until(() => wal.saves.some((s) => s.entries.length > 0));
  // The write of 'a' is in flight: 'a' is committed by the single voter, yet not applied.
  const held = wal.saves.splice(0);
  assert.deepEqual(
    held.flatMap((s) => s.entries.map((e) => Buffer.from(e.data).toString())),
    ['a'],
  );
  for (const x of ['b', 'c', 'd']) driver.proposeBuffered(Buffer.from(x), () => assert.fail('dropped'));
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(applied, [], 'nothing applied while its write is in flight');
  assert.equal(wal.saves.length, 0, 'no second write while one is in flight');
  for (const s of held) s.release();
  await until(() => applied.length === 1);
  assert.deepEqual(applied, ['a']);
  // b, c, d arrived during the write: one write carries them all.
  await until(() => wal.saves.length > 0);
  const next = wal.saves.splice(0);
  assert.equal(next.length, 1);
  assert.deepEqual(
    next[0]!.entries.map((e) => Buffer.from(e.data).toString()),
    ['b', 'c', 'd'],
  );
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(applied, ['a']);
  next[0]!.release();
  await until(() => applied.length === 4);
  assert.deepEqual(applied, ['a', 'b', 'c', 'd']);
  // Consistency: the writes that need an fdatasync, and only they, left the loop (a single voter commits in
  // the Ready that appends, so no commit-only write happens here; see the scripted test below).
  const writes = wal.events.filter((e) => e.startsWith('write'));
  assert.ok(
    writes.every((w) => w.endsWith('sync=true async') || w.endsWith('sync=false on-loop')),
    JSON.stringify(writes),
  );
}

for (const role of ['follower', 'leader'] as const)
  test(`a ${role} writes a commit-only hard state synchronously, without fdatasync, and it holds back no later turn`, async () => {
    // Raft is scripted: an append (entries: fdatasync off the loop), then the new commit index alone (etcd's
    // MustSync false) with a message, then another append. Writes, sends and applies go to one log, in order.
    const hs = (commit: number) => ({ term: 2, vote: 0n, commit });
    const { events, entry, msg, driver, wal, script } = scriptedDriver({ fsync: 'pool' });
    script.push(
      {
        ...(role === 'leader' ? { softState: { lead: 2n, state: 'leader' } } : {}),
        hardState: hs(0),
        entries: [entry(1)],
        committedEntries: [],
        messages: [msg(1)],
        readStates: [],
        mustSync: true,
      } as Ready,
      {
        hardState: hs(1),
        entries: [],
        committedEntries: [entry(1)],
        messages: [msg(11)],
        readStates: [],
        mustSync: false,
      },
      { entries: [entry(2)], committedEntries: [], messages: [msg(2)], readStates: [], mustSync: true },
    );
    driver.runTurns();
    wal.saves.splice(0)[0]!.release();
    driver.runTurns();
    if (role === 'leader') {
      // The leader's message left, and the rest of its turn (an entry to apply) waits one loop iteration;
      // then the driver schedules the next turn itself.
      assert.deepEqual(events.slice(-2), ['durable', 'send 11']);
      await new Promise(setImmediate);
      await new Promise(setImmediate);
    }
    // The third Ready's write is out without any release: the commit-only write held nothing.
    assert.equal(wal.saves.length, 1, 'the next append went out without waiting for a write');
    const beforeLastRelease = [...events];
    wal.saves.splice(0)[0]!.release();
    const first =
      role === 'leader'
        ? ['send 1', 'write entries=1 sync=true async', 'durable']
        : ['write entries=1 sync=true async', 'durable', 'send 1'];
    // The entry was durable before this turn: applied at once; a follower's message follows its write.
    const second =
      role === 'leader'
        ? ['send 11', 'apply 1', 'write commit=1 entries=0 sync=false on-loop']
        : ['apply 1', 'write commit=1 entries=0 sync=false on-loop', 'send 11'];
    const third =
      role === 'leader' ? ['send 2', 'write entries=1 sync=true async'] : ['write entries=1 sync=true async'];
    assert.deepEqual(beforeLastRelease, [...first, ...second, ...third]);
    assert.deepEqual(
      events.slice(beforeLastRelease.length),
      role === 'leader' ? ['durable'] : ['durable', 'send 2'],
    );
    assert.equal(script.length, 0);
    await driver.stop();
  });

test("a leader's messages leave before its applies; the member is busy until they are done; stop() drops them", async () => {
  const { events, entry, msg, driver, wal, script } = scriptedDriver({ fsync: 'pool' });
  const leaderCommit = (commit: number, messages: Message[]): Ready => ({
    softState: { lead: 2n, state: 'leader' },
    hardState: { term: 2, vote: 0n, commit },
    entries: [],
    committedEntries: [entry(commit)],
    messages,
    readStates: [],
    mustSync: false,
  });
  // Entry 1 is written (durable), then raft commits it; then a commit of entry 2 that stop() overtakes.
  script.push(
    { ...leaderCommit(0, []), committedEntries: [], entries: [entry(1)], mustSync: true },
    leaderCommit(1, [msg(11)]),
  );
  driver.runTurns();
  wal.saves.splice(0)[0]!.release();
  driver.runTurns();
  assert.deepEqual(events, ['write entries=1 sync=true async', 'durable', 'send 11']);
  // A proposal or a message now schedules no turn, and runTurns() does nothing: the applies come first.
  script.push(leaderCommit(2, [msg(12)]));
  driver.schedule();
  driver.runTurns();
  assert.deepEqual(events.slice(3), []);
  await new Promise(setImmediate);
  assert.deepEqual(events.slice(3), ['apply 1', 'write commit=1 entries=0 sync=false on-loop']);
  await new Promise(setImmediate); // the driver scheduled the waiting Ready itself
  assert.deepEqual(events.slice(5), ['send 12']);
  // Stopped before the rest of that turn: no apply and no write after stop() resolves (the WAL may close).
  let stopped = false;
  const done = driver.stop().then(() => (stopped = true));
  await new Promise(process.nextTick); // microtasks run, the deferred rest of the turn does not
  assert.equal(stopped, false, 'stop() waits for the unfinished turn');
  await done;
  await new Promise(setImmediate);
  assert.deepEqual(events.slice(6), []);
});

test("a leader's deferred turn under load: applies, read states and its own write after its messages; withWalIdle waits", async () => {
  const { events, entry, msg, driver, wal, script } = scriptedDriver({ readStates: true });
  script.push(
    {
      softState: { lead: 2n, state: 'leader' },
      hardState: { term: 2, vote: 0n, commit: 0 },
      entries: [entry(1)],
      committedEntries: [],
      messages: [],
      readStates: [],
      mustSync: true,
    },
    // Entry 1 (durable) is committed, entry 2 is appended and sent, a read index is answered: one Ready.
    {
      hardState: { term: 2, vote: 0n, commit: 1 },
      entries: [entry(2)],
      committedEntries: [entry(1)],
      messages: [msg(12)],
      readStates: [{ index: 1, requestCtx: new Uint8Array() }],
      mustSync: true,
    },
  );
  driver.runTurns();
  // Entry 1 alone, nothing sent: written on the loop; then the second Ready's message, and the turn stops there.
  assert.deepEqual(events.splice(0), ['write commit=0 entries=1 sync=true on-loop', 'send 12']);
  driver.withWalIdle(() => events.push('idle'));
  assert.deepEqual(events, [], 'a WAL writer waits for the unfinished turn');
  await new Promise(setImmediate);
  // The leader's append still goes to the pool (its messages' bytes may be out, the rule is unchanged).
  assert.deepEqual(events, ['apply 1', 'read 1', 'write entries=1 sync=true async']);
  wal.saves.splice(0)[0]!.release();
  assert.deepEqual(events.slice(3), ['durable', 'idle']);
  assert.equal(script.length, 0);
  await driver.stop();
});

test("an apply that throws in a leader's deferred turn is fatal, and stop() still resolves", async () => {
  const fatal: unknown[] = [];
  const { events, entry, msg, driver, script } = scriptedDriver({
    fsync: 'pool',
    onApply: () => {
      throw new Error('apply failed');
    },
    onFatal: (e) => fatal.push(e),
  });
  script.push({
    softState: { lead: 2n, state: 'leader' },
    hardState: { term: 2, vote: 0n, commit: 1 },
    entries: [],
    committedEntries: [entry(1)],
    messages: [msg(11)],
    readStates: [],
    mustSync: false,
  });
  driver.runTurns();
  await new Promise(setImmediate);
  assert.deepEqual(events, ['send 11', 'write commit=1 entries=0 sync=false on-loop', 'apply 1']);
  assert.equal(fatal.length, 1);
  assert.match(String(fatal[0]), /apply failed/);
  assert.equal(driver.isStopped, true);
  await driver.stop(); // resolves: nothing is left in flight
});

test("a small synced write is made on the loop; a batch, big entries or a leader's messages send it to the thread pool", async () => {
  const { events, entry, ready, run } = scriptedDriver({ now: () => 0 });
  const big = ready(0, 1, false);
  big.entries[0]!.data = Buffer.alloc(INLINE_MAX_BYTES + 1);
  run([
    ready(1, 1, true), // a follower's single entry: on the loop, its reply after the write
    ready(2, INLINE_MAX_ENTRIES + 1, true), // a batch: the thread pool
    { ...ready(0, 0, true), softState: { lead: 0n, state: 'candidate' } }, // a vote: on the loop, sent after
    { ...ready(5, 1, true), softState: { lead: 1n, state: 'leader' } }, // a leader's append must leave first
    ready(6, 1, false), // the leader, nothing to send: on the loop
    { ...big, entries: [{ ...big.entries[0]!, index: 7 }] }, // one entry of more than INLINE_MAX_BYTES
    // A follower again: entry 8 arrives with the news that 7 (durable) is committed. 7 is applied before the
    // write, and its replies and watch events must not wait behind an fdatasync on the loop: the pool.
    { ...ready(8, 1, true), softState: { lead: 2n, state: 'follower' }, committedEntries: [entry(7)] },
    { ...ready(9, 1, true), readStates: [{ index: 8, requestCtx: new Uint8Array() }] }, // read states: the pool
    ready(10, 1, true), // nothing released before the write: the loop
  ]);
  assert.deepEqual(events, [
    'write commit=0 entries=1 sync=true on-loop',
    'send 1',
    `write entries=${INLINE_MAX_ENTRIES + 1} sync=true async`,
    'durable',
    'send 2',
    'write commit=0 entries=0 sync=true on-loop',
    'send 0',
    'send 5',
    'write entries=1 sync=true async',
    'durable',
    'write commit=0 entries=1 sync=true on-loop',
    'write entries=1 sync=true async',
    'durable',
    'apply 7',
    'write entries=1 sync=true async',
    'durable',
    'send 8',
    'write entries=1 sync=true async',
    'durable',
    'send 9',
    'write commit=0 entries=1 sync=true on-loop',
    'send 10',
  ]);
});

test('a slow inline write sends synced writes to the thread pool for a cool-down that doubles while the disk stays slow', async () => {
  let clock = 0;
  let slowMs = 0;
  const { events, ready, run } = scriptedDriver({ now: () => clock, onSave: () => (clock += slowMs) });
  let index = 1;
  // One small synced write at the current clock; says where it went.
  const write = (): 'loop' | 'pool' => {
    events.splice(0);
    run([ready(index++, 1, false)]);
    return events[0]!.endsWith('on-loop') ? 'loop' : 'pool';
  };
  assert.equal(write(), 'loop');
  slowMs = INLINE_SLOW_MS + 1;
  assert.equal(write(), 'loop', 'the first slow write is on the loop: nothing could tell');
  slowMs = 0;
  assert.equal(write(), 'pool');
  clock += INLINE_COOLDOWN_MS - 1;
  assert.equal(write(), 'pool', 'still cooling down');
  clock += 1;
  slowMs = INLINE_SLOW_MS + 1;
  assert.equal(write(), 'loop', 'after the cool-down one write tries the loop, and is slow again');
  slowMs = 0;
  clock += 2 * INLINE_COOLDOWN_MS - 1;
  assert.equal(write(), 'pool', 'the second cool-down is twice as long');
  clock += 1;
  assert.equal(write(), 'loop', 'a fast try...');
  slowMs = INLINE_SLOW_MS;
  assert.equal(write(), 'loop', '... and writes of up to INLINE_SLOW_MS stay on the loop');
  slowMs = INLINE_SLOW_MS + 1;
  assert.equal(write(), 'loop');
  slowMs = 0;
  clock += INLINE_COOLDOWN_MS;
  assert.equal(write(), 'loop', 'each fast write halved the wait: back to its first length');
  // Slow, slow: the next wait would be 4 cool-downs; one fast write halves it to 2.
  slowMs = INLINE_SLOW_MS + 1;
  assert.equal(write(), 'loop');
  clock += INLINE_COOLDOWN_MS;
  assert.equal(write(), 'loop');
  slowMs = 0;
  clock += 2 * INLINE_COOLDOWN_MS;
  assert.equal(write(), 'loop');
  slowMs = INLINE_SLOW_MS + 1;
  assert.equal(write(), 'loop');
  slowMs = 0;
  clock += 2 * INLINE_COOLDOWN_MS - 1;
  assert.equal(write(), 'pool', 'one fast write halved the doubled wait: 2 cool-downs, not 4, not 1');
  clock += 1;
  assert.equal(write(), 'loop');
  assert.equal(write(), 'loop');
  // The cool-down stops doubling at INLINE_MAX_COOLDOWN_MS.
  let wait = INLINE_COOLDOWN_MS;
  for (let i = 0; i < 10; i++) {
    slowMs = INLINE_SLOW_MS + 1;
    assert.equal(write(), 'loop');
    slowMs = 0;
    clock += wait - 1;
    assert.equal(write(), 'pool');
    clock += 1;
    wait = Math.min(wait * 2, INLINE_MAX_COOLDOWN_MS);
  }
  assert.equal(wait, INLINE_MAX_COOLDOWN_MS);
});

/** A driver over a scripted raft and a HeldWal whose thread-pool writes `run` releases at once. */
function scriptedDriver(
  opts: {
    now?: () => number;
    onSave?: () => void;
    fsync?: FsyncMode;
    /** Log read states as `read <index>` events. */
    readStates?: boolean;
    /** Called after an apply is logged (a test may throw from it). */
    onApply?: () => void;
    onFatal?: (e: unknown) => void;
  } = {},
) {
  const { now, onSave } = opts;
  const entry = (index: number): Entry => ({
    term: 2,
    index,
    type: EntryType.Normal,
    data: Buffer.from(`e${index}`),
  });
  const msg = (index: number) => ({ type: 4, to: 1n, from: 2n, term: 2, index }) as unknown as Message;
  const ready = (first: number, n: number, messages: boolean): Ready => ({
    hardState: { term: 2, vote: 0n, commit: 0 },
    entries: Array.from({ length: n }, (_, i) => entry(first + i)),
    committedEntries: [],
    messages: messages ? [msg(first)] : [],
    readStates: [],
    mustSync: true,
  });
  const script: Ready[] = [];
  const node = {
    hasReady: () => script.length > 0,
    ready: () => script[0]!,
    advance: () => void script.shift(),
    tick: () => {},
  };
  const events: string[] = [];
  const wal = new HeldWal(events);
  if (onSave) wal.onSave = onSave;
  const driver = new RaftDriver({
    node: node as unknown as RawNode,
    storage: new MemoryStorage(),
    wal: wal as unknown as WAL,
    snapshotter: {} as Snapshotter,
    tickMs: 1000,
    ...(now ? { now } : {}),
    ...(opts.fsync === undefined ? {} : { fsync: opts.fsync }),
    hooks: {
      send: (msgs) => events.push(...msgs.map((m) => `send ${m.index}`)),
      applySnapshot: () => {},
      applyEntries: (ents) => {
        events.push(...ents.map((e) => `apply ${e.index}`));
        opts.onApply?.();
      },
      ...(opts.readStates
        ? { onReadStates: (rs: ReadState[]) => events.push(...rs.map((r) => `read ${r.index}`)) }
        : {}),
      onSoftState: () => {},
      onFatal: opts.onFatal ?? ((e) => assert.fail(String(e))),
    },
  });
  const run = (readys: Ready[]) => {
    script.push(...readys);
    driver.runTurns();
    while (wal.saves.length > 0) {
      wal.saves.splice(0)[0]!.release();
      driver.runTurns();
    }
    assert.equal(script.length, 0);
  };
  return { events, entry, msg, ready, run, driver, wal, script };
}
