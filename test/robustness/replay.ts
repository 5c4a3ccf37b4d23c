// Checks a saved history again: `npx tsx test/robustness/replay.ts <dir>/history.json [--timeout-ms N]`.
import { readFileSync } from 'node:fs';
import { checkRun, loadJson } from './checks.ts';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: replay.ts <history.json> [--timeout-ms N]');
  process.exit(2);
}
const t = process.argv.indexOf('--timeout-ms');
const timeoutMs = t > 0 ? Number(process.argv[t + 1]) : 120_000;
const out = checkRun(loadJson(readFileSync(file, 'utf8')), { timeoutMs });
console.log(out.report);
for (const f of out.failures) console.log(`! ${f}`);
console.log(JSON.stringify(out.stats));
process.exit(out.failures.length === 0 ? 0 : 1);
