// Segment file names, as etcd spells them: `%016x-%016x.wal` = sequence number, index of the first entry
// the segment may hold (the last index at cut time + 1).

export interface SegmentName {
  name: string;
  seq: number;
  index: number;
}

const NAME = /^([0-9a-f]{16})-([0-9a-f]{16})\.wal$/;

export function segmentFileName(seq: number, index: number): string {
  return `${seq.toString(16).padStart(16, '0')}-${index.toString(16).padStart(16, '0')}.wal`;
}

/** undefined for anything that is not a segment name (tmp files, stray files), or beyond 2^53. */
export function parseSegmentName(name: string): SegmentName | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const seq = Number.parseInt(m[1]!, 16);
  const index = Number.parseInt(m[2]!, 16);
  if (!Number.isSafeInteger(seq) || !Number.isSafeInteger(index)) return undefined;
  return { name, seq, index };
}

/** Segment names among `names`, ordered by sequence number. */
export function sortSegmentNames(names: readonly string[]): SegmentName[] {
  return names.flatMap((n) => parseSegmentName(n) ?? []).sort((a, b) => a.seq - b.seq);
}

/** Index in `segs` of the last segment whose first index is <= `index` (where reading from `index` starts). */
export function searchIndex(segs: readonly SegmentName[], index: number): number {
  for (let i = segs.length - 1; i >= 0; i--) if (segs[i]!.index <= index) return i;
  return -1;
}
