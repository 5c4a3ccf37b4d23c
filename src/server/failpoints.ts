// Test-only failpoints: switches that make a member crash, stall or break a guarantee on purpose, so the
// robustness suite (test/robustness) can prove its faults and checks are real. They are read once, when
// this module loads, from the TSETCD_FAILPOINTS environment variable; unset (always, outside tests) every
// hook in the server is `if (FAILPOINTS) ...`, one test of a module-level constant.
//
// Syntax: `name=action` terms separated by `;` (spaces ignored), e.g.
//   TSETCD_FAILPOINTS='beforeWalSave=crash@3; walFsync=sleep(50); unsafeSkipWatchEvent'
// Actions:
//   crash          SIGKILL this process at the first hit (what it wrote stays in the page cache; with
//                  powerLoss on, the WAL's unsynced tail is cut off first, as by a power cut)
//   crash@N        SIGKILL at the Nth hit (N >= 1)
//   sleep(MS)      MS ms of delay at every hit: the whole process blocks (Atomics.wait), except at walFsync
//                  in the async WAL path, where only the fdatasync's completion is delayed (a timer)
//                  (the first sleep prints one line on stderr, so a test can tell the point was reached)
//   sleep(MS)@N    the same from the Nth hit on
//   on             a boolean switch (a bare `name` means `name=on`)
//   every(N)       a boolean switch that is on at every Nth hit only
//   off            the point is not set (handy to turn one off in a shell)
// Points in the member loop (crash / sleep):
//   beforeWalSave, afterWalSave   around the WAL write of a raft Ready (src/server/raft-driver.ts)
//   walFsync                      a WAL write that must be fdatasync'ed (a slow disk): just before it on
//                                 the synchronous path (a sleep stalls the loop, as a slow inline write
//                                 does, and the driver times it as one), at the fdatasync's completion on
//                                 the async one
//   beforeApply, afterApply       around applying a Ready's committed entries
//   duringSnapshotSave            between the raft snapshot file and its WAL marker (etcd-server.ts)
// Switches that break a guarantee (the positive controls; never anywhere but a test):
//   unsafeLocalLinearizableRead   linearizable reads are served from local state, without ReadIndex
//   unsafeAckBeforeWalSave        WAL writes are held back ~1 s (deferredWalMs) while the entries are
//                                 sent, committed, applied and acknowledged at once; killing a quorum
//                                 inside that window loses acknowledged writes. Meant for runs without
//                                 raft snapshots (a snapshot marker would overtake the held-back entries).
//   unsafeAckBeforeFsync          a WAL write that must be fdatasync'ed is not: the turn goes on (send,
//                                 apply, acknowledge) once it is in the page cache, and the WAL is synced
//                                 deferredFsyncMs later. Only a power cut (powerLoss) exposes it.
//                                 With either unsafeAck* switch the driver makes no synced write on the
//                                 loop (walFailpointsSet).
//   unsafeSkipWatchEvent          one event of a watch response is dropped now and then (every(N), default
//                                 every 25th delivered response)
// Test-only machinery (a switch, harmless on its own):
//   powerLoss                     simulated power cuts: SIGUSR2 (or a crash action) cuts the current WAL
//                                 segment back to the offset its last completed fdatasync covered, then
//                                 SIGKILLs the process. Only the WAL's unsynced tail is dropped (the WAL is
//                                 what must be durable before anything is acknowledged); the backend and
//                                 snapshot files keep whatever the page cache had.
// A term with an unknown name or action makes the module throw when it loads: a typo must not silently
// test nothing. Any failpoint set prints a loud warning on stderr at start.
import { statSync, truncateSync, writeSync } from 'node:fs';
import { basename } from 'node:path';

export const POINTS = [
  'beforeWalSave',
  'afterWalSave',
  'walFsync',
  'beforeApply',
  'afterApply',
  'duringSnapshotSave',
] as const;
export const SWITCHES = [
  'unsafeLocalLinearizableRead',
  'unsafeAckBeforeWalSave',
  'unsafeSkipWatchEvent',
  'unsafeAckBeforeFsync',
  'powerLoss',
] as const;
export type FailpointName = (typeof POINTS)[number] | (typeof SWITCHES)[number];

export type FailpointAction =
  { kind: 'crash'; at: number } | { kind: 'sleep'; ms: number; from: number } | { kind: 'on'; every: number };

const NAMES: readonly string[] = [...POINTS, ...SWITCHES];
const DEFAULT_SKIP_EVERY = 25;

function positiveInt(s: string, what: string): number {
  if (!/^\d+$/.test(s) || Number(s) < 1)
    throw new Error(`TSETCD_FAILPOINTS: ${what} must be a positive integer, got "${s}"`);
  return Number(s);
}

/** Parses a TSETCD_FAILPOINTS value; throws on anything it does not understand. */
export function parseFailpoints(spec: string): Map<FailpointName, FailpointAction> {
  const out = new Map<FailpointName, FailpointAction>();
  for (const raw of spec.split(';')) {
    const term = raw.replace(/\s+/g, '');
    if (term === '') continue;
    const eq = term.indexOf('=');
    const name = eq < 0 ? term : term.slice(0, eq);
    const action = eq < 0 ? 'on' : term.slice(eq + 1);
    if (!NAMES.includes(name))
      throw new Error(`TSETCD_FAILPOINTS: unknown failpoint "${name}"; one of ${NAMES.join(', ')}`);
    const isSwitch = (SWITCHES as readonly string[]).includes(name);
    let m: RegExpExecArray | null;
    let a: FailpointAction | undefined;
    if (action === 'off') continue;
    if (action === 'on') a = { kind: 'on', every: name === 'unsafeSkipWatchEvent' ? DEFAULT_SKIP_EVERY : 1 };
    else if ((m = /^every\((\d+)\)$/.exec(action))) a = { kind: 'on', every: positiveInt(m[1]!, 'every(N)') };
    else if ((m = /^crash(?:@(\d+))?$/.exec(action)))
      a = { kind: 'crash', at: m[1] === undefined ? 1 : positiveInt(m[1], 'crash@N') };
    else if ((m = /^sleep\((\d+)\)(?:@(\d+))?$/.exec(action)))
      a = {
        kind: 'sleep',
        ms: Number(m[1]),
        from: m[2] === undefined ? 1 : positiveInt(m[2], 'sleep(MS)@N'),
      };
    if (a === undefined) throw new Error(`TSETCD_FAILPOINTS: cannot read action "${action}" of ${name}`);
    if (isSwitch !== (a.kind === 'on'))
      throw new Error(
        `TSETCD_FAILPOINTS: ${name} ${isSwitch ? 'is a switch (on, every(N))' : 'takes crash or sleep'}, not "${action}"`,
      );
    out.set(name as FailpointName, a);
  }
  return out;
}

/** One process's failpoints and their hit counts. */
export class Failpoints {
  private readonly hits = new Map<FailpointName, number>();
  /** Called instead of SIGKILL (tests); the default kills this process. */
  crash: (name: FailpointName, hit: number) => void = (name, hit) => {
    const cut = this.table.has('powerLoss') ? `; ${cutWalTail()}` : '';
    writeSync(2, `!!! failpoint ${name}: crash at hit ${hit}${cut} (SIGKILL self)\n`);
    process.kill(process.pid, 'SIGKILL');
    // The signal is delivered at once; never run on past the point meanwhile.
    for (;;) sleepSync(1000);
  };

  constructor(readonly table: ReadonlyMap<FailpointName, FailpointAction>) {}

  get any(): boolean {
    return this.table.size > 0;
  }

  /**
   * A crash / sleep point was reached. Returns the sleep's MS instead of blocking when `deferSleep` (the
   * caller delays its own continuation), else 0.
   */
  hit(name: (typeof POINTS)[number], deferSleep = false): number {
    const a = this.table.get(name);
    if (a === undefined) return 0;
    const n = (this.hits.get(name) ?? 0) + 1;
    this.hits.set(name, n);
    if (a.kind === 'crash' && n === a.at) this.crash(name, n);
    else if (a.kind === 'sleep' && n >= a.from) {
      if (n === a.from) writeSync(2, `!!! failpoint ${name}: first sleep(${a.ms}) at hit ${n}\n`);
      if (deferSleep) return a.ms;
      sleepSync(a.ms);
    }
    return 0;
  }

  /** Whether a switch is on at this hit (every(N): at every Nth hit). */
  on(name: (typeof SWITCHES)[number]): boolean {
    const a = this.table.get(name);
    if (a?.kind !== 'on') return false;
    const n = (this.hits.get(name) ?? 0) + 1;
    this.hits.set(name, n);
    return n % a.every === 0;
  }

  hitCount(name: FailpointName): number {
    return this.hits.get(name) ?? 0;
  }
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

const ENV = process.env.TSETCD_FAILPOINTS ?? '';
export const failpoints = new Failpoints(parseFailpoints(ENV));
/** True only when TSETCD_FAILPOINTS set something; every hook tests this first. */
export const FAILPOINTS: boolean = failpoints.any;
if (FAILPOINTS) {
  writeSync(
    2,
    `\n!!! TSETCD_FAILPOINTS="${ENV}": test-only failpoints are ACTIVE in this process (pid ${process.pid}).\n` +
      `!!! It may crash or stall on purpose${[...failpoints.table.keys()].some((n) => n.startsWith('unsafe')) ? ' and BREAKS etcd guarantees' : ''}. Never run it like this outside a test.\n\n`,
  );
}

/** Hook: a named crash / sleep point. */
export function failpoint(name: (typeof POINTS)[number]): void {
  failpoints.hit(name);
}

/**
 * Hook (walFsync on the async WAL path): wraps the fdatasync's completion callback so that a sleep action
 * delays it with a timer (the disk is slow, the process is not) and a crash action fires at it.
 */
export function slowFsync<A extends unknown[]>(done: (...args: A) => void): (...args: A) => void {
  if (!failpoints.table.has('walFsync')) return done;
  return (...args) => {
    const ms = failpoints.hit('walFsync', true);
    if (ms > 0) setTimeout(() => done(...args), ms);
    else done(...args);
  };
}

let durableTail: (() => { file: string; synced: number; written: number }) | undefined;

/** Hook (powerLoss): names the WAL whose unsynced tail a power cut drops (the latest caller wins). */
export function watchPowerLoss(tail: () => { file: string; synced: number; written: number }): void {
  durableTail = tail;
}

/**
 * Cuts the WAL tail back to what its last completed fdatasync covered, keeping the file's (preallocated)
 * size so it reads back as zeros past the cut, as unwritten blocks do after a power loss. Says what it did.
 */
function cutWalTail(): string {
  const t = durableTail?.();
  if (t === undefined) return 'power cut: no WAL open';
  const size = statSync(t.file).size;
  truncateSync(t.file, t.synced);
  truncateSync(t.file, size);
  return `power cut: ${basename(t.file)} cut back to ${t.synced} (synced), ${t.written - t.synced} unsynced bytes lost`;
}

if (failpoints.table.has('powerLoss')) {
  process.on('SIGUSR2', () => {
    writeSync(2, `!!! failpoint powerLoss: SIGUSR2; ${cutWalTail()} (SIGKILL self)\n`);
    process.kill(process.pid, 'SIGKILL');
    for (;;) sleepSync(1000);
  });
}

/** How long unsafeAckBeforeFsync leaves written WAL data unsynced. */
export const deferredFsyncMs = 2000;
let fsyncTimer: NodeJS.Timeout | undefined;

/**
 * Hook (unsafeAckBeforeFsync): true when the caller must skip this write's fdatasync; `sync` is then run
 * deferredFsyncMs later through `whenIdle` (so it never overlaps a write in flight). False when off.
 */
export function deferFsync(whenIdle: (fn: () => void) => void, sync: () => void): boolean {
  if (!failpoints.on('unsafeAckBeforeFsync')) return false;
  if (fsyncTimer === undefined) {
    fsyncTimer = setTimeout(() => {
      fsyncTimer = undefined;
      whenIdle(() => {
        try {
          sync();
        } catch {
          // the WAL was closed meanwhile (closing syncs it) or has failed (the member is stopping)
        }
      });
    }, deferredFsyncMs);
    fsyncTimer.unref();
  }
  return true;
}

/**
 * A switch that acknowledges before the WAL write is durable is set: the raft driver then makes no synced
 * write on the loop (those switches keep the thread-pool path's shape). Every other failpoint sees both paths.
 */
export function walFailpointsSet(): boolean {
  return failpoints.table.has('unsafeAckBeforeWalSave') || failpoints.table.has('unsafeAckBeforeFsync');
}

/** Hook: whether a positive-control switch is on now. */
export function failpointOn(name: (typeof SWITCHES)[number]): boolean {
  return failpoints.on(name);
}

/** How long unsafeAckBeforeWalSave holds a WAL write back. */
export const deferredWalMs = 1000;
const deferred: Array<{ at: number; save(): void }> = [];
let deferTimer: NodeJS.Timeout | undefined;

function flushDeferred(): void {
  const now = performance.now();
  while (deferred.length > 0 && now - deferred[0]!.at >= deferredWalMs) deferred.shift()!.save();
  if (deferred.length === 0 && deferTimer !== undefined) {
    clearInterval(deferTimer);
    deferTimer = undefined;
  }
}

/**
 * Hook (unsafeAckBeforeWalSave): instead of writing now, queue `save` to run deferredWalMs later, in order
 * with the other held-back writes, and return true; false (the caller writes now) when the switch is off.
 */
export function deferWalSave(save: () => void): boolean {
  if (!failpoints.on('unsafeAckBeforeWalSave')) return false;
  deferred.push({ at: performance.now(), save });
  if (deferTimer === undefined) {
    deferTimer = setInterval(flushDeferred, 50);
    deferTimer.unref();
  }
  return true;
}

/** Hook (unsafeSkipWatchEvent): drops one event of a watch response now and then (in place). */
export function skipWatchEvent(events: unknown[]): void {
  if (events.length > 0 && failpoints.on('unsafeSkipWatchEvent')) events.splice(0, 1);
}
