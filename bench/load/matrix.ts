// bench:compare's scenario matrix: named variants of the load scenarios, in the order they run on a fresh
// cluster (reads before anything writes much: etcd 3.4 reads slow down after a burst of puts).
import type { LoadOptions } from './options.ts';

export const MATRIX: Readonly<Record<string, Partial<LoadOptions> & Pick<LoadOptions, 'scenario'>>> = {
  'range-s': { scenario: 'range', consistency: 's' },
  'range-l': { scenario: 'range', consistency: 'l' },
  'range-prefix-s': { scenario: 'range', consistency: 's', prefix: true },
  'range-prefix-l': { scenario: 'range', consistency: 'l', prefix: true },
  watch: { scenario: 'watch' },
  'watch-latency': { scenario: 'watch-latency' },
  put: { scenario: 'put' },
  'put-seq': { scenario: 'put', sequential: true },
  'txn-put': { scenario: 'txn-put' },
  'txn-mixed': { scenario: 'txn-mixed' },
  'lease-keepalive': { scenario: 'lease-keepalive' },
  'lease-grant': { scenario: 'lease-grant' },
};
/** Run unless asked for by name. */
const OPTIONAL = new Set(['put-seq']);
export const DEFAULT_IDS = Object.keys(MATRIX).filter((id) => !OPTIONAL.has(id));

/** Matrix entries for a selection: exact ids, or a scenario name for all its default variants (`range`). */
export function selectIds(selection: string[]): string[] {
  const unknown = selection.filter(
    (s) => !(s in MATRIX) && !DEFAULT_IDS.some((id) => MATRIX[id]!.scenario === s),
  );
  if (unknown.length > 0)
    throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(MATRIX).join(', ')}`);
  return Object.keys(MATRIX).filter(
    (id) => selection.includes(id) || (!OPTIONAL.has(id) && selection.includes(MATRIX[id]!.scenario)),
  );
}
