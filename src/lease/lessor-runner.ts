// An optional driver for the lessor's periodic duties on the leader: calls tick() every `intervalMs`
// (etcd's lessor loop runs every 500 ms) and hands expired lease IDs to `onExpired`, which proposes their
// revokes through raft. The server may instead call lessor.tick() from its own loop; tests use a fake clock.
import type { LeaseId } from './lease-id.ts';
import type { Lessor } from './lessor.ts';

export interface LessorRunnerOptions {
  /** Default 500 ms. */
  intervalMs?: number;
  /** Receives each non-empty round of expired leases (at most half the revoke rate per round). */
  onExpired: (ids: LeaseId[]) => void;
  /** Gets errors thrown by onExpired (the loop keeps running). Default: console.error. */
  onError?: (err: unknown) => void;
}

export class LessorRunner {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly lessor: Lessor,
    private readonly opts: LessorRunnerOptions,
  ) {
    this.intervalMs = opts.intervalMs ?? 500;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.round(), this.intervalMs);
    // The lessor loop alone must not keep the process alive.
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer === undefined) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round, also callable directly. */
  round(): void {
    const expired = this.lessor.tick();
    if (expired.length === 0) return;
    try {
      this.opts.onExpired(expired);
    } catch (err) {
      (this.opts.onError ?? console.error)(err);
    }
  }
}
