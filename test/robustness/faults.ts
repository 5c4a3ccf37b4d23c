// The faults a run can inject while traffic flows. Each waits for its effect to be over (member back,
// network healed) before it resolves. Durations are in units of the election timeout so a pause or a
// partition always outlasts it.
//
// Failpoint faults (src/server/failpoints.ts): the member is stopped cleanly (SIGTERM) and started again with
// TSETCD_FAILPOINTS set, so the only crash is the one at the named point; the fault waits for that crash
// (SIGKILL, and the failpoint's line in the member log: anything else fails the run), then starts the member
// again without that failpoint on the same data dir. The slow-disk faults start a member with every WAL fdatasync
// delayed, for five election timeouts, and then normally again.
//
// Power cuts (powercut, powercut-leader, powercut-all): at a random moment the members get SIGUSR2, and with
// TSETCD_FAILPOINTS powerLoss each cuts its WAL back to its last completed fdatasync and SIGKILLs itself, so
// whatever was written but not synced is lost, as in a real power loss (a plain SIGKILL keeps the page cache).
// A member started without powerLoss is first restarted cleanly with it. Each must die with the power cut's
// line in its log (anything else fails the run), then starts again on the same data dir.
import { readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, toBig } from '../../src/client/index.ts';
import type { ProcessCluster } from './cluster.ts';

/** Crash faults and the failpoint each arms. */
export const CRASH_POINTS = {
  'crash-before-wal-save': 'beforeWalSave',
  'crash-after-wal-save': 'afterWalSave',
  'crash-before-apply': 'beforeApply',
  'crash-after-apply': 'afterApply',
  'crash-in-snapshot': 'duringSnapshotSave',
} as const;
type CrashFault = keyof typeof CRASH_POINTS;

export const FAULTS = [
  'kill',
  'kill-leader',
  'kill-all',
  'pause-leader',
  'isolate-leader',
  'partition',
  'delay',
  ...(Object.keys(CRASH_POINTS) as CrashFault[]),
  'slow-disk',
  'slow-disk-leader',
  'powercut',
  'powercut-leader',
  'powercut-all',
  'none',
] as const;
export type FaultName = (typeof FAULTS)[number];

/** crash-in-snapshot needs members that snapshot often: run it on a cluster with this flag. */
export const SNAPSHOT_FLAGS = ['--snapshot-count', '40'];

export interface FaultLog {
  fault: FaultName;
  /** What was done to whom, for the report. */
  steps: string[];
  /** Power cuts (member index, performance.now() just before the cut), for the checks. */
  powerCuts?: { member: number; at: number }[];
}

async function leaderOr(cluster: ProcessCluster, fallback: number): Promise<number> {
  return (await cluster.leader()) ?? fallback;
}

/** Moves leadership to member `to` (MoveLeader on the current leader); true once `to` is leader. */
async function moveLeaderTo(cluster: ProcessCluster, to: number): Promise<boolean> {
  const deadline = Date.now() + 20 * cluster.electionMs;
  while (Date.now() < deadline) {
    const from = await cluster.leader();
    if (from === to) return true;
    if (from !== undefined) {
      const target = cluster.memberClient(to, 2000);
      const leader = cluster.memberClient(from, 5000);
      try {
        const id = toBig((await target.status()).header?.member_id, true);
        await leader.moveLeader(id);
      } catch {
        // an election in between: try again
      } finally {
        target.close();
        leader.close();
      }
    }
    await sleep(cluster.electionMs / 2);
  }
  return (await cluster.leader()) === to;
}

/** Member j's raft view (member id, leader id, term); undefined if it does not answer. */
async function raftView(
  cluster: ProcessCluster,
  j: number,
): Promise<{ self: bigint; leader: bigint; term: bigint } | undefined> {
  const c = cluster.memberClient(j, 1000);
  try {
    const s = await c.status();
    return {
      self: toBig(s.header?.member_id, true),
      leader: toBig(s.leader, true),
      term: toBig(s.raftTerm, true),
    };
  } catch {
    return undefined;
  } finally {
    c.close();
  }
}

/**
 * Watches the members other than `old` for `ms`: resolves with the first view of one of them naming another
 * member as leader at a higher term than `oldTerm` (the leader really changed), or undefined.
 */
async function newLeaderSeen(
  cluster: ProcessCluster,
  old: number,
  oldId: bigint,
  oldTerm: bigint,
  ms: number,
): Promise<{ by: number; leader: number; term: bigint } | undefined> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    for (let j = 0; j < cluster.members.length; j++) {
      if (j === old) continue;
      const v = await raftView(cluster, j);
      if (v === undefined || v.leader === 0n || v.leader === oldId || v.term <= oldTerm) continue;
      for (let k = 0; k < cluster.members.length; k++) {
        if (k === old) continue;
        const w = k === j ? v : await raftView(cluster, k);
        if (w?.self === v.leader) return { by: j, leader: k, term: v.term };
      }
    }
    await sleep(100);
  }
  return undefined;
}

/**
 * Starts member i again after a clean stop, with `spec` added to the cluster's own TSETCD_FAILPOINTS (if
 * any); '' = the cluster's environment as it was.
 */
async function restartWith(cluster: ProcessCluster, i: number, spec: string): Promise<void> {
  await cluster.stopMember(i);
  const env = cluster.opts.env ?? {};
  const all = [env.TSETCD_FAILPOINTS ?? '', spec].filter((x) => x !== '').join(';');
  cluster.restart(i, all === '' ? env : { ...env, TSETCD_FAILPOINTS: all });
}

/** Log lines of member i's power cuts so far. */
function powerCutsLogged(cluster: ProcessCluster, i: number): number {
  return (
    readFileSync(cluster.members[i]!.logFile, 'utf8').split('failpoint powerLoss: SIGUSR2; power cut')
      .length - 1
  );
}

function failpointCrashLogged(cluster: ProcessCluster, i: number, point: string): boolean {
  return readFileSync(cluster.members[i]!.logFile, 'utf8').includes(`failpoint ${point}: crash`);
}

/** Bytes in member i's log so far (its log file is appended to across restarts). */
function logSize(cluster: ProcessCluster, i: number): number {
  try {
    return statSync(cluster.members[i]!.logFile).size;
  } catch {
    return 0;
  }
}

/** Member i's log from byte `from` on. */
function logSince(cluster: ProcessCluster, i: number, from: number): string {
  return readFileSync(cluster.members[i]!.logFile).subarray(from).toString('utf8');
}

/**
 * Raft entries that change no key and no lease: alarm DEACTIVATE of an alarm nobody raised goes through raft
 * and applies as a no-op. Sent until `stop()` is called, so a member restarted with a failpoint that needs
 * applied entries (a snapshot every N) reaches it whatever the traffic does.
 */
function noopEntries(cluster: ProcessCluster): { stop: () => Promise<void> } {
  let running = true;
  const c = new Client({ endpoints: cluster.endpoints, commandTimeoutMs: 2000 });
  const loop = (async () => {
    while (running) {
      try {
        await c.alarm({ action: 2, memberID: 0, alarm: 1 });
      } catch {
        await sleep(100); // an election or the crash: keep going
      }
      await sleep(20);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      c.close();
    },
  };
}

export async function injectFault(
  cluster: ProcessCluster,
  fault: FaultName,
  rand: () => number,
  log: FaultLog,
): Promise<void> {
  const e = cluster.electionMs;
  const n = cluster.members.length;
  const name = (i: number): string => cluster.members[i]!.name;
  const t0 = performance.now();
  const say = (s: string): void => {
    log.steps.push(`+${((performance.now() - t0) / 1000).toFixed(2)}s ${s}`);
  };
  const leaderChange = (old: number, seen: Awaited<ReturnType<typeof newLeaderSeen>>): string =>
    seen
      ? `leader changed: ${name(old)} -> ${name(seen.leader)} at term ${seen.term} (seen by ${name(seen.by)})`
      : `no new leader among the others while ${name(old)} was out`;
  switch (fault) {
    case 'none':
      return;
    case 'kill-all': {
      say('SIGKILL every member at once');
      await cluster.killAll();
      await sleep(2 * e);
      say('restart every member');
      for (let i = 0; i < n; i++) cluster.restart(i);
      await cluster.waitHealthy(30_000);
      say('all healthy');
      return;
    }
    case 'crash-before-wal-save':
    case 'crash-after-wal-save':
    case 'crash-before-apply':
    case 'crash-after-apply':
    case 'crash-in-snapshot': {
      const point = CRASH_POINTS[fault];
      const i = Math.floor(rand() * n);
      // The first snapshot after the restart; otherwise a few dozen loop turns in, under traffic.
      const at = fault === 'crash-in-snapshot' ? 1 : 20 + Math.floor(rand() * 40);
      say(`restart ${name(i)} with ${point}=crash@${at}`);
      await restartWith(cluster, i, `${point}=crash@${at}`);
      // The first snapshot needs more applied entries than --snapshot-count after the restart: do not count
      // on the traffic (it may be done, or slow) for them.
      const burst = fault === 'crash-in-snapshot' ? noopEntries(cluster) : undefined;
      const how = await cluster.waitExit(i, 30_000).finally(() => burst?.stop());
      const logged = how !== undefined && failpointCrashLogged(cluster, i, point);
      say(
        `${name(i)} ${how === undefined ? 'did not crash within 30 s' : `exited: ${how}`}${logged ? ` at ${point}` : ''}`,
      );
      if (how === undefined) await cluster.stopMember(i);
      say(`restart ${name(i)} without ${point}`);
      cluster.restart(i);
      await cluster.waitHealthy(30_000);
      say(`${name(i)} healthy`);
      if (how !== 'SIGKILL' || !logged)
        throw new Error(
          `failpoint ${point} did not crash ${name(i)} (${how ?? 'still running'}): nothing was tested`,
        );
      return;
    }
    case 'slow-disk':
    case 'slow-disk-leader': {
      const lead = await leaderOr(cluster, 0);
      const i = fault === 'slow-disk-leader' ? lead : (lead + 1 + Math.floor(rand() * (n - 1))) % n;
      const ms = Math.round(e / 5);
      say(`restart ${name(i)} with walFsync=sleep(${ms})`);
      const from = logSize(cluster, i);
      await restartWith(cluster, i, `walFsync=sleep(${ms})`);
      await cluster.waitHealthy(30_000);
      if (fault === 'slow-disk-leader') {
        const moved = await moveLeaderTo(cluster, i);
        say(moved ? `${name(i)} is leader` : `leadership did not move to ${name(i)}`);
        if (!moved) throw new Error(`could not make ${name(i)} leader: the slow leader was not tested`);
      } else {
        say(`${name(i)} healthy`);
      }
      await sleep(5 * e);
      // The member really ran with the slow disk: its log has the failpoint's first-sleep line.
      const slept = logSince(cluster, i, from).includes('failpoint walFsync: first sleep');
      say(slept ? `${name(i)} logged its first walFsync sleep` : `${name(i)} never slept in walFsync`);
      say(`restart ${name(i)} with a normal disk`);
      await restartWith(cluster, i, '');
      await cluster.waitHealthy(30_000);
      say(`${name(i)} healthy`);
      if (!slept) throw new Error(`walFsync never slept on ${name(i)}: nothing was tested`);
      return;
    }
    case 'powercut':
    case 'powercut-leader':
    case 'powercut-all': {
      const all = Array.from({ length: n }, (_, i) => i);
      const which =
        fault === 'powercut-all'
          ? all
          : [fault === 'powercut' ? Math.floor(rand() * n) : await leaderOr(cluster, 0)];
      for (const i of which) {
        if (cluster.members[i]!.failpoints.includes('powerLoss')) continue;
        say(`restart ${name(i)} with powerLoss`);
        await restartWith(cluster, i, 'powerLoss');
        await cluster.waitHealthy(30_000);
      }
      // A random moment, not the turn right after the harness's last request.
      await sleep(Math.floor(rand() * e));
      const before = which.map((i) => powerCutsLogged(cluster, i));
      say(`power cut ${which.map(name).join(',')} (SIGUSR2)`);
      const at = performance.now();
      for (const i of which) (log.powerCuts ??= []).push({ member: i, at });
      const how = await cluster.powerCut(which);
      const cut = which.filter((i, k) => how[k] === 'SIGKILL' && powerCutsLogged(cluster, i) > before[k]!);
      say(`exited: ${how.join(',')}; WAL cut on ${cut.map(name).join(',') || 'none'}`);
      await sleep(2 * e);
      say(`restart ${which.map(name).join(',')}`);
      for (const i of which) cluster.restart(i);
      await cluster.waitHealthy(30_000);
      say('all healthy');
      if (cut.length !== which.length)
        throw new Error(
          `power cut of ${which.map(name).join(',')}: only ${cut.length} cut their WAL: nothing was tested`,
        );
      return;
    }
    case 'kill':
    case 'kill-leader': {
      const i = fault === 'kill' ? Math.floor(rand() * n) : await leaderOr(cluster, 0);
      say(`SIGKILL ${name(i)}`);
      await cluster.kill(i);
      await sleep(3 * e);
      say(`restart ${name(i)}`);
      cluster.restart(i);
      await cluster.waitHealthy(30_000);
      say(`${name(i)} healthy`);
      return;
    }
    case 'pause-leader': {
      const i = await leaderOr(cluster, 0);
      const before = await raftView(cluster, i);
      say(`SIGSTOP ${name(i)}${before ? ` (term ${before.term})` : ''}`);
      cluster.pause(i);
      const [seen] = await Promise.all([
        before ? newLeaderSeen(cluster, i, before.self, before.term, 4 * e) : undefined,
        sleep(4 * e),
      ]);
      say(leaderChange(i, seen));
      say(`SIGCONT ${name(i)}`);
      cluster.resume(i);
      return;
    }
    case 'isolate-leader': {
      const i = await leaderOr(cluster, 0);
      const rest = cluster.members.filter((_, j) => j !== i).map((m) => m.name);
      const before = await raftView(cluster, i);
      say(`isolate ${name(i)} from ${rest.join(',')}${before ? ` (term ${before.term})` : ''}`);
      cluster.proxy.partition([[name(i)], rest]);
      // At least five election timeouts, and until the majority has a new leader (up to 20): a slow machine
      // can take the whole five to elect one, and a minority is only tested while the majority moves on.
      const [seen] = await Promise.all([
        before ? newLeaderSeen(cluster, i, before.self, before.term, 20 * e) : undefined,
        sleep(5 * e),
      ]);
      say(leaderChange(i, seen));
      // The new leader takes writes for four more election timeouts while the old one is still cut off.
      if (seen) await sleep(4 * e);
      say('heal');
      cluster.proxy.heal();
      return;
    }
    case 'partition': {
      // Two random members lose each other (both directions); the third still sees both.
      const a = Math.floor(rand() * n);
      const b = (a + 1 + Math.floor(rand() * (n - 1))) % n;
      say(`cut ${name(a)} <-> ${name(b)}`);
      cluster.proxy.partition([[name(a)], [name(b)]]);
      await sleep(5 * e);
      say('heal');
      cluster.proxy.heal();
      return;
    }
    case 'delay': {
      const ms = Math.round(e / 5);
      say(`delay every peer link by ${ms} ms`);
      for (const a of cluster.members) {
        for (const b of cluster.members) {
          if (a !== b) cluster.proxy.setLink(a.name, b.name, { kind: 'delay', delayMs: ms });
        }
      }
      await sleep(5 * e);
      say('heal');
      cluster.proxy.heal();
      return;
    }
  }
}
