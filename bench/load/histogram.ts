// Latency histogram with bounded memory and ~1.6% relative precision (log-linear buckets: 64 exact
// microsecond buckets, then 64 sub-buckets per power of two). Workers send theirs to the driver, which merges
// them; percentiles come from the merged counts.

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS; // 64
const MAX_US = 2 ** 31 - 1; // ~36 minutes: longer latencies are recorded as this
const OCTAVES = 31 - SUB_BITS + 1;
export const HISTOGRAM_BUCKETS = SUB + OCTAVES * SUB;

function bucketOf(us: number): number {
  const v = Math.min(MAX_US, Math.max(0, Math.round(us)));
  if (v < SUB) return v;
  const e = 31 - Math.clz32(v); // floor(log2 v) >= SUB_BITS
  // v >>> (e - SUB_BITS) lies in [SUB, 2 * SUB): the top SUB_BITS + 1 bits of v
  return SUB + (e - SUB_BITS) * SUB + ((v >>> (e - SUB_BITS)) - SUB);
}

/** Middle of the bucket's value range, in microseconds. */
function bucketValue(idx: number): number {
  if (idx < SUB) return idx;
  const e = Math.floor((idx - SUB) / SUB) + SUB_BITS;
  const mantissa = ((idx - SUB) % SUB) + SUB;
  const shift = e - SUB_BITS;
  const lo = mantissa * 2 ** shift;
  return lo + (2 ** shift - 1) / 2;
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export class Histogram {
  readonly counts = new Float64Array(HISTOGRAM_BUCKETS);
  count = 0;
  sumUs = 0;
  maxUs = 0;

  recordUs(us: number): void {
    this.counts[bucketOf(us)]!++;
    this.count++;
    this.sumUs += us;
    if (us > this.maxUs) this.maxUs = us;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sumUs = 0;
    this.maxUs = 0;
  }

  /** A compact form for IPC: non-empty buckets as [index, count] pairs. */
  toJSON(): SerializedHistogram {
    const buckets: [number, number][] = [];
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i]! > 0) buckets.push([i, this.counts[i]!]);
    return { buckets, count: this.count, sumUs: this.sumUs, maxUs: this.maxUs };
  }

  merge(h: SerializedHistogram | Histogram): void {
    const s = h instanceof Histogram ? h.toJSON() : h;
    for (const [i, c] of s.buckets) this.counts[i]! += c;
    this.count += s.count;
    this.sumUs += s.sumUs;
    if (s.maxUs > this.maxUs) this.maxUs = s.maxUs;
  }

  /** Value at quantile q (0..1] in microseconds; never above the exact maximum. */
  quantileUs(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(bucketValue(i), this.maxUs);
    }
    return this.maxUs;
  }

  summary(): LatencySummary {
    const ms = (us: number): number => us / 1000;
    return {
      count: this.count,
      meanMs: this.count === 0 ? 0 : ms(this.sumUs / this.count),
      p50Ms: ms(this.quantileUs(0.5)),
      p90Ms: ms(this.quantileUs(0.9)),
      p99Ms: ms(this.quantileUs(0.99)),
      p999Ms: ms(this.quantileUs(0.999)),
      maxMs: ms(this.maxUs),
    };
  }
}

export interface SerializedHistogram {
  buckets: [number, number][];
  count: number;
  sumUs: number;
  maxUs: number;
}
