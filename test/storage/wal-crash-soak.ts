// Long WAL crash run: npx tsx test/storage/wal-crash-soak.ts [--iterations 500] [--seed N] [--dir PATH]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashIteration, mulberry32, prepareChild } from './wal-crash-harness.ts';
import type { CrashState } from './wal-crash-harness.ts';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : dflt;
}

const iterations = Number(arg('iterations', '500'));
const seed = Number(arg('seed', String(Date.now() % 1_000_000)));
const root = arg('dir', '') || fs.mkdtempSync(path.join(os.tmpdir(), 'wal-soak-'));
const dir = path.join(root, 'member', 'wal');
const rng = mulberry32(seed);
const cmd = await prepareChild();
const st: CrashState = { maxAck: 0, maxSnap: 0, torn: 0, simulated: 0, killedInRecovery: 0, iterations: 0 };
const t0 = Date.now();
console.log(`wal crash soak: ${iterations} kills, seed ${seed}, dir ${dir}`);
try {
  for (let i = 0; i < iterations; i++) {
    await crashIteration(cmd, dir, st, rng);
    if ((i + 1) % 50 === 0)
      console.log(
        `${i + 1} kills: acked ${st.maxAck}, snap ${st.maxSnap}, torn tails cut at verification ${st.torn}, tears simulated ${st.simulated}, kills during recovery ${st.killedInRecovery}`,
      );
  }
} catch (err) {
  console.error(`FAILED at iteration ${st.iterations} (seed ${seed}); log kept in ${dir}`);
  throw err;
} finally {
  cmd.cleanup();
}
console.log(
  `ok: ${st.iterations} kills in ${((Date.now() - t0) / 1000).toFixed(1)} s, acknowledged up to ${st.maxAck}, ` +
    `snapshots up to ${st.maxSnap}, torn tails cut at verification ${st.torn}, tears simulated ${st.simulated}, kills during recovery ${st.killedInRecovery}`,
);
fs.rmSync(root, { recursive: true, force: true });
