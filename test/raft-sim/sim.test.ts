// The deterministic raft simulation over 500 seeds (half 3 members, half 5) with every fault type.
// A failure prints one replay command per failing seed. More seeds: `npm run sim -- --seeds 100000`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SimOptions } from './options.ts';
import { Prng } from './prng.ts';
import { realRaft } from './raft-api.ts';
import type { RaftModule } from './raft-api.ts';
import { runSimulation } from './simulator.ts';
import type { SimResult, SimStats } from './simulator.ts';

const SEEDS = 500;
const STEPS = 4000;
const CHUNK = 50;

function describeFailure(r: SimResult): string {
  const why =
    r.violation?.message ?? (r.error instanceof Error ? (r.error.stack ?? r.error.message) : String(r.error));
  return `seed ${r.options.seed} (${r.options.nodes} members): ${why}\n    ${r.replay}`;
}

describe('raft simulation', () => {
  const results: SimResult[] = [];

  for (let from = 1; from <= SEEDS; from += CHUNK) {
    const to = Math.min(SEEDS, from + CHUNK - 1);
    it(`seeds ${from}..${to} keep every safety property and recover after healing`, () => {
      const failures: SimResult[] = [];
      for (let seed = from; seed <= to; seed++) {
        const opts: SimOptions = { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS };
        const r = runSimulation(realRaft, opts);
        results.push(r);
        if (!r.ok) failures.push(r);
      }
      assert.equal(failures.length, 0, `failing seeds:\n${failures.map(describeFailure).join('\n')}`);
    });
  }

  it('exercised every fault type and raft path across the seeds', () => {
    assert.equal(results.length, SEEDS);
    const sum = (k: keyof SimStats): number => results.reduce((n, r) => n + (r.stats[k] as number), 0);
    const counters: (keyof SimStats)[] = [
      'dropped',
      'duplicated',
      'delayed',
      'crashes',
      'restarts',
      'heals',
      'learnersAdded',
      'promotions',
      'removals',
      'snapshotsInstalled',
      'transfers',
      'campaigns',
      'readsAnswered',
      'proposalsDropped',
    ];
    for (const k of counters) assert.ok(sum(k) > 0, `no ${k} in ${SEEDS} seeds`);
    for (const kind of ['minority', 'split', 'leader', 'oneway'] as const)
      assert.ok(
        results.some((r) => r.stats.partitions[kind] > 0),
        `no ${kind} partition`,
      );
    // Commits happen: on average a run commits dozens of entries, and every run converged.
    assert.ok(
      sum('maxCommitted') / SEEDS > 20,
      `only ${sum('maxCommitted') / SEEDS} entries committed per run`,
    );
    assert.ok(results.every((r) => r.stats.livenessTicks !== undefined));
    for (const flag of ['preVote', 'checkQuorum'] as const) {
      assert.ok(
        results.some((r) => r.variant[flag]) && results.some((r) => !r.variant[flag]),
        `${flag} not varied`,
      );
    }
    assert.ok(results.some((r) => r.options.nodes === 3) && results.some((r) => r.options.nodes === 5));
    assert.ok(
      results.some((r) => r.variant.deferReady > 0) && results.some((r) => r.variant.deferReady === 0),
    );
  });
});

describe('raft simulation under the sharpened fault profiles', () => {
  // The positive controls rely on these profiles; without a bug they must pass like the default one.
  for (const profile of ['churn', 'membership', 'staleLeader', 'figure8', 'longDelay'] as const) {
    it(`${profile}: 40 seeds keep every property`, () => {
      const failures: SimResult[] = [];
      for (let seed = 1; seed <= 40; seed++) {
        const r = runSimulation(realRaft, { seed, nodes: seed % 2 === 0 ? 5 : 3, steps: STEPS, profile });
        if (!r.ok) failures.push(r);
      }
      assert.equal(failures.length, 0, `failing seeds:\n${failures.map(describeFailure).join('\n')}`);
    });
  }
});

describe('raft simulation: regressions', () => {
  it('longDelay seeds 115, 169, 993 (3 members): a late pre-vote grant no longer starts an election', () => {
    // Each failed stale-campaign before raft dropped pre-vote grants that carry the candidate's current term.
    for (const seed of [115, 169, 993]) {
      const r = runSimulation(realRaft, { seed, nodes: 3, steps: 3000, profile: 'longDelay' });
      assert.ok(r.ok, describeFailure(r));
    }
  });
});

describe('simulation harness', () => {
  it('replays a seed exactly', () => {
    const opts: SimOptions = { seed: 4242, nodes: 5, steps: 1500 };
    const a = runSimulation(realRaft, opts);
    const b = runSimulation(realRaft, opts);
    assert.deepEqual(a.stats, b.stats);
    assert.notDeepEqual(a.stats, runSimulation(realRaft, { ...opts, seed: 4243 }).stats);
  });

  it('fires the liveness check when no member ever campaigns', () => {
    // A raft whose clock never advances and that ignores campaign requests: no leader ever emerges.
    const frozen: RaftModule = {
      MemoryStorage: realRaft.MemoryStorage,
      RawNode: class extends realRaft.RawNode {
        override tick(): void {}
        override campaign(): void {}
      },
    };
    const r = runSimulation(frozen, { seed: 7, nodes: 3, steps: 200 });
    assert.equal(r.violation?.check, 'liveness', r.violation?.message ?? String(r.error));
  });

  it('draws uniform integers within bounds from the seeded generator', () => {
    const r = new Prng(99);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[r.intn(6)]!++;
    for (const c of counts) assert.ok(c > 850 && c < 1150, `skewed: ${counts.join(',')}`);
    assert.equal(new Prng(5).next(), new Prng(5).next());
    assert.notEqual(new Prng(5).next(), new Prng(6).next());
  });
});
