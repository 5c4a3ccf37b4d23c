// Automatic compaction (--auto-compaction-mode / --auto-compaction-retention), run by the leader only.
// - periodic: keep `retention` of history. The compactor samples the store revision every tenth of
//   the period and, once per period (at most every hour, as etcd 3.3+), compacts at the newest
//   sample that is at least `retention` old.
// - revision: every 5 minutes, compact at (current revision − retention).
// A compaction is an ordinary replicated Compact request, so every member compacts the same way.

export interface CompactorTarget {
  isLeader(): boolean;
  revision(): number;
  compactRevision(): number;
  compact(revision: number): Promise<unknown>;
  warn(msg: string, err: unknown): void;
}

const HOUR = 3_600_000;
const REVISION_MODE_INTERVAL = 5 * 60_000;

export class Compactor {
  private timer: NodeJS.Timeout | undefined;
  private samples: Array<{ at: number; rev: number }> = [];
  private lastRun: number;

  constructor(
    private readonly mode: 'periodic' | 'revision',
    /** periodic: milliseconds; revision: a revision count. */
    private readonly retention: number,
    private readonly target: CompactorTarget,
    private readonly now: () => number = Date.now,
  ) {
    this.lastRun = now();
  }

  /** The period between compactions. */
  get interval(): number {
    return this.mode === 'revision' ? REVISION_MODE_INTERVAL : Math.min(this.retention, HOUR);
  }

  start(): void {
    if (this.retention <= 0 || this.timer) return;
    const step = this.mode === 'periodic' ? Math.max(10, Math.floor(this.interval / 10)) : this.interval;
    this.timer = setInterval(() => void this.step(), step);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round (exposed for tests with a fake clock). */
  async step(): Promise<number | undefined> {
    const t = this.now();
    if (!this.target.isLeader()) {
      // Followers forget their samples: the new leader starts its own window.
      this.samples = [];
      this.lastRun = t;
      return undefined;
    }
    let rev: number | undefined;
    if (this.mode === 'revision') {
      rev = this.target.revision() - this.retention;
    } else {
      this.samples.push({ at: t, rev: this.target.revision() });
      if (t - this.lastRun < this.interval) return undefined;
      const old = this.samples.filter((s) => t - s.at >= this.retention);
      if (old.length === 0) return undefined;
      rev = old[old.length - 1]!.rev;
      this.samples = this.samples.filter((s) => t - s.at < this.retention);
    }
    this.lastRun = t;
    if (rev <= 0 || rev <= this.target.compactRevision()) return undefined;
    try {
      await this.target.compact(rev);
      return rev;
    } catch (e) {
      this.target.warn('auto-compaction failed', e);
      return undefined;
    }
  }
}
