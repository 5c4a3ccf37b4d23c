// Cluster soak: `npm run cluster-soak -- [--minutes N] [--size 3|5] [--impl tsetcd|etcd] [--seed S] [--keep]`.
// A cluster of real server processes under steady write traffic goes through rounds of one random operation
// each — kill -9 and restart of a member (the leader half of the time), the replace procedure (member
// remove, data dir wiped, member add, fresh start with --initial-cluster-state existing), or a leader move
// with `etcdctl move-leader` — and after every round: every member healthy, no acknowledged write missing,
// every member's HashKV equal at the same revision. Prints one line per round; exits non-zero on the first
// failed check (the member logs are kept then, or always with --keep). Not part of npm test.
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '../../src/client/index.ts';
import { ProcCluster, hex, type Impl, type ProcMember } from './process-helpers.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    minutes: { type: 'string', default: '5' },
    size: { type: 'string', default: '3' },
    impl: { type: 'string', default: 'tsetcd' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    keep: { type: 'boolean', default: false },
  },
});

let seed = Number(values.seed);
/** A small deterministic PRNG (mulberry32), so a seed repeats the same choices. */
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Writes unique keys through every running member until stopped; remembers each acknowledged one. */
class Traffic {
  readonly acked = new Set<string>();
  failed = 0;
  private n = 0;
  private running = true;
  private client: Client | undefined;
  private loop: Promise<void>;

  constructor(private readonly endpoints: () => string[]) {
    this.loop = this.run();
  }

  /** The member set changed: dial the current endpoints. */
  redial(): void {
    this.client?.close();
    this.client = undefined;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.client ??= new Client({
        endpoints: this.endpoints(),
        commandTimeoutMs: 3000,
        dialTimeoutMs: 1000,
      });
      const key = `soak/${String(this.n++).padStart(8, '0')}`;
      try {
        await this.client.put(key, `v${this.n}`);
        this.acked.add(key);
      } catch {
        this.failed++;
        await sleep(100);
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.client?.close();
  }
}

async function main(): Promise<number> {
  const impl = values.impl as Impl;
  const size = Number(values.size);
  const dir = mkdtempSync(join(tmpdir(), 'tsetcd-cluster-soak-'));
  const endAt = Date.now() + Number(values.minutes) * 60_000;
  console.log(
    `cluster soak: ${impl}, ${size} members, seed ${values.seed}, ${values.minutes} min, logs in ${dir}`,
  );
  const c = await ProcCluster.start({
    impl,
    dir,
    size,
    heartbeatMs: 100,
    electionMs: 1000,
    extraFlags: {
      'snapshot-count': '500',
      ...(impl === 'tsetcd' ? { 'experimental-snapshot-catchup-entries': '100' } : {}),
    },
  });
  const traffic = new Traffic(() => c.up().map((m) => m.clientUrl));
  let ok = true;
  let round = 0;
  let replaced = 0;
  try {
    while (Date.now() < endAt) {
      round++;
      const t0 = Date.now();
      const leader = await c.waitLeader();
      const action = pick(['kill-restart', 'kill-restart', 'replace', 'move-leader'] as const);
      let what: string;
      if (action === 'kill-restart') {
        const victim: ProcMember = rand() < 0.5 ? leader : pick(c.up().filter((m) => m !== leader));
        await victim.kill();
        await sleep(500 + Math.floor(rand() * 3000));
        victim.start();
        what = `kill -9 ${victim.name}${victim === leader ? ' (leader)' : ''}, restart`;
      } else if (action === 'replace') {
        const victim = pick(c.up());
        await victim.kill();
        victim.wipe();
        await c.removeMember(victim.name);
        c.members.splice(c.members.indexOf(victim), 1);
        const { member } = await c.addMember(`r${++replaced}`);
        traffic.redial();
        what = `replace ${victim.name} by ${member.name}`;
      } else {
        const target = pick(c.up().filter((m) => m !== leader));
        const id = (await c.memberIds()).get(target.name)!;
        const r = await c.ctl(['move-leader', hex(id)], [leader]);
        what = `move-leader ${leader.name} -> ${target.name}: ${r.code === 0 ? 'ok' : r.stderr.trim().split('\n').pop()}`;
      }
      // Checks: everyone healthy, acknowledged writes present, HashKV equal at one revision.
      await c.waitHealthy(120_000);
      const rev = await c.revision();
      const hashes = await c.hashKVs(rev, c.up(), 120_000);
      const agree = new Set(hashes.map((h) => h.hash)).size === 1;
      const acked = [...traffic.acked];
      const cl = new Client({ endpoints: c.up().map((m) => m.clientUrl), commandTimeoutMs: 10_000 });
      let missing = 0;
      try {
        const r = await cl.get('soak/', { prefix: true, keys_only: true });
        const have = new Set((r.kvs ?? []).map((kv) => Buffer.from(kv.key ?? []).toString()));
        missing = acked.filter((k) => !have.has(k)).length;
      } finally {
        cl.close();
      }
      console.log(
        `round ${round}: ${what}; ${Date.now() - t0} ms; rev ${rev}; acked ${acked.length}, failed ${traffic.failed}, ` +
          `missing ${missing}; HashKV ${agree ? 'equal' : `DIFFERS ${JSON.stringify(hashes)}`}`,
      );
      if (!agree || missing > 0) {
        ok = false;
        break;
      }
    }
  } catch (e) {
    ok = false;
    console.log(`round ${round} failed: ${String((e as Error).stack ?? e)}`);
  } finally {
    await traffic.stop();
    await c.stop();
    if (ok && !values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`member logs kept in ${dir}`);
  }
  console.log(ok ? `PASS: ${round} rounds` : 'FAIL');
  return ok ? 0 : 1;
}

process.exitCode = await main();
