// A readable account of a check: the verdict per partition and, for an illegal one, the longest
// linearization found and the operations that could not follow it.
import type { CheckResult } from './checker.ts';
import type { Operation } from './history.ts';
import type { Model } from './model.ts';

export function formatReport<S, I, O>(
  model: Model<S, I, O>,
  r: CheckResult<I, O>,
  opts: { maxLines?: number } = {},
): string {
  const max = opts.maxLines ?? 40;
  const t0 = Math.min(...r.partitions.flatMap((p) => p.operations.map((o) => o.call)));
  const line = (op: Operation<I, O>): string => {
    const ret = op.return === Infinity ? '∞' : (op.return - t0).toFixed(1);
    const what = model.describe ? model.describe(op.input, op.output) : JSON.stringify([op.input, op.output]);
    return `  [client ${op.clientId} ${(op.call - t0).toFixed(1)}..${ret} ms] ${what}`;
  };
  const counts = { ok: 0, illegal: 0, unknown: 0 };
  for (const p of r.partitions) counts[p.verdict]++;
  const out = [
    `verdict: ${r.verdict} (${r.partitions.length} partitions: ${counts.ok} ok, ${counts.illegal} illegal, ` +
      `${counts.unknown} unknown; ${r.elapsedMs.toFixed(0)} ms)`,
  ];
  r.partitions.forEach((p, i) => {
    if (p.verdict === 'ok') return;
    out.push(`partition ${i}: ${p.verdict}, ${p.operations.length} operations, ${p.steps} steps`);
    if (p.longestPrefix !== undefined) {
      const tail = p.longestPrefix.slice(-Math.floor(max / 2));
      out.push(
        ` longest linearizable prefix: ${p.longestPrefix.length} operations, the last ${tail.length}:`,
      );
      out.push(...tail.map(line));
    }
    if (p.stuckAt !== undefined) {
      out.push(' none of these can come next:');
      out.push(...p.stuckAt.slice(0, Math.ceil(max / 2)).map(line));
    }
  });
  return out.join('\n');
}
