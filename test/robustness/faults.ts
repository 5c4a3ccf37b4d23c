// The faults a run can inject while traffic flows. Each waits for its effect to be over (member back,
// network healed) before it resolves. Durations are in units of the election timeout so a pause or a
// partition always outlasts it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProcessCluster } from './cluster.ts';

export const FAULTS = [
  'kill',
  'kill-leader',
  'pause-leader',
  'isolate-leader',
  'partition',
  'delay',
] as const;
export type FaultName = (typeof FAULTS)[number];

export interface FaultLog {
  fault: FaultName;
  /** What was done to whom, for the report. */
  steps: string[];
}

async function leaderOr(cluster: ProcessCluster, fallback: number): Promise<number> {
  return (await cluster.leader()) ?? fallback;
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
  switch (fault) {
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
      say(`SIGSTOP ${name(i)}`);
      cluster.pause(i);
      await sleep(4 * e);
      say(`SIGCONT ${name(i)}`);
      cluster.resume(i);
      return;
    }
    case 'isolate-leader': {
      const i = await leaderOr(cluster, 0);
      const rest = cluster.members.filter((_, j) => j !== i).map((m) => m.name);
      say(`isolate ${name(i)} from ${rest.join(',')}`);
      cluster.proxy.partition([[name(i)], rest]);
      await sleep(5 * e);
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
