// Records a real history for the positive controls: `npx tsx test/robustness/record-fixture.ts <out.json>`.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatRun, runOnce } from './run.ts';

const out = process.argv[2] ?? 'test/robustness/fixtures/kill-leader-history.json';
const r = await runOnce({ fault: 'kill-leader', seed: 7, maxOps: 500, clients: 10, keep: true });
console.log(formatRun(r));
if (!r.ok || r.dir === undefined) process.exit(1);
copyFileSync(join(r.dir, 'history.json'), out);
console.log(`saved ${out}`);
