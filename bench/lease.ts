// Lessor micro-benchmark: `npx tsx bench/lease.ts [leases]` (default 100000).
// Measures grants/s, renews/s, revokes/s, the cost of the primary's expiry round with N leases (nothing due,
// and everything due), promote() and start-up load. The backend is the in-memory one, so backend cost is
// that of a B+tree in memory, not of LMDB. etcd's lessor has no external interface to time against, so
// unlike the other benches this one prints absolute figures only (etcd's own lessor_bench_test.go is the
// comparison point when Go is at hand). Each figure is the median of 3 runs.
import { MemoryBackend } from '../src/storage/backend/memory-backend.ts';
import { Lessor } from '../src/lease/lessor.ts';
import type { LeaseKeyStore } from '../src/lease/lessor.ts';

const N = Number(process.argv[2] ?? 100_000);
const RUNS = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function fmtRate(ops: number, ms: number): string {
  return `${Math.round((ops / ms) * 1000).toLocaleString('en-US')}/s`;
}

/** A fresh primary lessor holding N leases with TTLs spread over an hour; the clock is returned too. */
function populated(n: number, opts: { backend?: MemoryBackend; revokeRate?: number } = {}) {
  const clock = { ms: 0 };
  const backend = opts.backend ?? new MemoryBackend();
  const lessor = new Lessor({
    backend,
    now: () => clock.ms,
    revokeRate: opts.revokeRate ?? 1000,
  });
  lessor.promote(0);
  for (let i = 1; i <= n; i++) lessor.grant(BigInt(i), 60 + ((i * 7919) % 3600));
  return { lessor, clock, backend };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const rows: [string, string][] = [];
const row = (name: string, value: string) => {
  rows.push([name, value]);
  console.log(`${name.padEnd(52)} ${value}`);
};

console.log(
  `lessor bench: ${N.toLocaleString('en-US')} leases, median of ${RUNS} runs, node ${process.version}\n`,
);

// Grants (primary: each grant also enters the expiry heap and is persisted).
{
  const ms = median(Array.from({ length: RUNS }, () => time(() => populated(N))));
  row('grant (primary, persisted, heap insert)', `${fmtRate(N, ms)}  (${ms.toFixed(0)} ms total)`);
}

// Renewals: awaited one by one (a keepalive stream's path) on a random spread of leases.
{
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { lessor, clock } = populated(N);
    clock.ms = 1000;
    runs.push(
      await timeAsync(async () => {
        for (let i = 0; i < N; i++) await lessor.renew(BigInt(1 + ((i * 104729) % N)));
      }),
    );
  }
  row('renew (awaited one at a time)', fmtRate(N, median(runs)));
}

// Expiry round with nothing due: what the primary pays every 500 ms in steady state.
{
  const { lessor, clock } = populated(N);
  clock.ms = 1000;
  const calls = 1_000_000;
  const ms = median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        for (let i = 0; i < calls; i++) lessor.tick();
      }),
    ),
  );
  row(
    `tick() with ${N.toLocaleString('en-US')} leases, none due`,
    `${((ms * 1e6) / calls).toFixed(0)} ns/call`,
  );
  // For scale: a full scan of every lease each round (etcd 3.0's approach, what the heap avoids).
  const live = lessor.leases().map((id) => lessor.lookup(id)!);
  const scanMs = median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        let due = 0;
        for (let r = 0; r < 100; r++) for (const l of live) if (l.expiry <= clock.ms) due++;
        if (due < 0) console.log(due);
      }),
    ),
  );
  row(
    `  vs. full scan of ${N.toLocaleString('en-US')} leases (reference)`,
    `${((scanMs * 1e6) / 100 / 1e3).toFixed(0)} µs/round`,
  );
}

// Everything due: drain all N expired leases in rounds of 500 (revokeRate 1000/s), revoking each.
{
  const runs: { tickMs: number; revokeMs: number; rounds: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const { lessor, clock } = populated(N);
    clock.ms = 10 * 3600 * 1000;
    let tickMs = 0;
    let revokeMs = 0;
    let rounds = 0;
    for (;;) {
      let ids: bigint[] = [];
      tickMs += time(() => {
        ids = lessor.tick();
      });
      if (ids.length === 0) break;
      rounds++;
      revokeMs += time(() => {
        for (const id of ids) lessor.revoke(id);
      });
    }
    runs.push({ tickMs, revokeMs, rounds });
  }
  const tickMs = median(runs.map((x) => x.tickMs));
  const revokeMs = median(runs.map((x) => x.revokeMs));
  const rounds = runs[0]!.rounds;
  row(
    `expiry rounds, all ${N.toLocaleString('en-US')} due (500 per round)`,
    `${rounds} rounds, ${((tickMs / rounds) * 1000).toFixed(0)} µs/round, ${((tickMs * 1e6) / N).toFixed(0)} ns/lease`,
  );
  row('revoke (no keys; lease record deleted)', fmtRate(N, revokeMs));
}

// Revoke with attached keys through a key store that only counts.
{
  let deleted = 0;
  const store: LeaseKeyStore = {
    deleteKeys: (keys) => {
      deleted += keys.length;
    },
  };
  const ms = median(
    Array.from({ length: RUNS }, () => {
      const { lessor } = populated(N);
      lessor.setKeyStore(store);
      const enc = new TextEncoder();
      for (let i = 1; i <= N; i++) lessor.attach(BigInt(i), enc.encode(`/svc/instance-${i}`));
      return time(() => {
        for (let i = 1; i <= N; i++) lessor.revoke(BigInt(i));
      });
    }),
  );
  row('revoke (1 attached key each)', `${fmtRate(N, ms)}  (${deleted / RUNS} keys deleted per run)`);
}

// promote(): all expiries reset, and with N >= revokeRate the pile-up spreading (a sort of N).
{
  const ms = median(
    Array.from({ length: RUNS }, () => {
      const { lessor } = populated(N);
      lessor.demote();
      return time(() => lessor.promote(1000));
    }),
  );
  row(`promote() with ${N.toLocaleString('en-US')} leases`, `${ms.toFixed(1)} ms`);
}

// Start-up: load N leases from the backend.
{
  const { backend } = populated(N);
  const ms = median(Array.from({ length: RUNS }, () => time(() => new Lessor({ backend }))));
  row(`load ${N.toLocaleString('en-US')} leases from the backend`, `${ms.toFixed(1)} ms`);
}
