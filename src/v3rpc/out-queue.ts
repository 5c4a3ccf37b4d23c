// The outgoing side of a streaming RPC: the service pushes responses, the transport iterates them.
// `length` and `onDrain` let producers apply back-pressure instead of buffering without bound.
// With `batch`, each step of the iteration takes every item buffered (up to `batchWeight`) at once and hands
// out their merge: one wake, one promise and one transport write for a burst of pushes.

export interface OutQueueOptions<T, Y> {
  deferWake?: boolean;
  /** Merges the items taken in one step into what the consumer receives. */
  batch?: (items: T[]) => Y;
  /** With `batch`: an item's weight (bytes); a step takes items while their total stays within `maxBatchWeight`. */
  weight?: (item: T) => number;
  /** Default 1 MiB. A step always takes at least one item. */
  maxBatchWeight?: number;
}

export class OutQueue<T, Y = T> implements AsyncIterable<Y> {
  private readonly items: T[] = [];
  private ended = false;
  private waiter: ((r: IteratorResult<Y>) => void) | undefined;
  private drainCallbacks: Array<() => void> = [];
  private readonly lowWater: number;
  private error: unknown;
  private closedResolve!: () => void;
  /** Resolves once the stream has ended (normally or with an error). */
  readonly closed = new Promise<void>((r) => (this.closedResolve = r));

  /**
   * `deferWake`: a consumer waiting for an item is woken on the next setImmediate, not at once (pushes made
   * meanwhile go out together). For streams fed from the apply path: the writes that caused the items (and
   * their responses, resolved in the same turn) go out first instead of queueing behind every stream's event.
   */
  constructor(lowWater = 64, opts: OutQueueOptions<T, Y> = {}) {
    this.lowWater = lowWater;
    this.deferWake = opts.deferWake ?? false;
    this.batch = opts.batch;
    this.weight = opts.weight;
    this.maxBatchWeight = opts.maxBatchWeight ?? 1 << 20;
  }
  private readonly batch: ((items: T[]) => Y) | undefined;
  private readonly weight: ((item: T) => number) | undefined;
  private readonly maxBatchWeight: number;

  /** What the consumer gets next from the buffer (which holds at least one item). */
  private take(): Y {
    if (this.batch === undefined) return this.items.shift() as unknown as Y;
    let n = this.items.length;
    if (this.weight !== undefined) {
      let total = this.weight(this.items[0]!);
      n = 1;
      while (n < this.items.length) {
        total += this.weight(this.items[n]!);
        if (total > this.maxBatchWeight) break;
        n++;
      }
    }
    return this.batch(this.items.splice(0, n));
  }
  private readonly deferWake: boolean;
  private wakeScheduled = false;

  get length(): number {
    return this.items.length;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    const w = this.waiter;
    if (w && !this.deferWake) {
      this.waiter = undefined;
      w({ value: this.batch === undefined ? (item as unknown as Y) : this.batch([item]), done: false });
      return;
    }
    this.items.push(item);
    if (w && !this.wakeScheduled) {
      this.wakeScheduled = true;
      setImmediate(this.wake);
    }
  }

  private readonly wake = (): void => {
    this.wakeScheduled = false;
    const w = this.waiter;
    if (!w || this.items.length === 0) return;
    this.waiter = undefined;
    this.waiterReject = undefined;
    w({ value: this.take(), done: false });
    if (this.items.length <= this.lowWater && this.drainCallbacks.length > 0) this.fireDrain();
  };

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.closedResolve();
    const w = this.waiter;
    this.waiter = undefined;
    // A deferred wake may still hold items for the waiter: they come before the end.
    if (w && this.items.length > 0) w({ value: this.take(), done: false });
    else w?.({ value: undefined, done: true });
    this.fireDrain();
  }

  /** Ends the stream with an error: the consumer's next() throws it after the buffered items. */
  fail(err: unknown): void {
    if (this.ended) return;
    this.error = err;
    this.ended = true;
    this.closedResolve();
    const w = this.waiter;
    this.waiter = undefined;
    if (w && this.items.length > 0) w({ value: this.take(), done: false });
    else if (w) {
      this.error = undefined;
      this.waiterReject?.(err);
    }
    this.fireDrain();
  }
  private waiterReject: ((e: unknown) => void) | undefined;

  /** Calls `fn` once when the buffer falls to the low-water mark. */
  onDrain(fn: () => void): void {
    this.drainCallbacks.push(fn);
  }

  private fireDrain(): void {
    const cbs = this.drainCallbacks;
    this.drainCallbacks = [];
    for (const cb of cbs) cb();
  }

  [Symbol.asyncIterator](): AsyncIterator<Y> {
    return {
      next: () => {
        if (this.items.length > 0) {
          const value = this.take();
          if (this.items.length <= this.lowWater && this.drainCallbacks.length > 0) this.fireDrain();
          return Promise.resolve({ value, done: false });
        }
        if (this.ended) {
          if (this.error !== undefined) {
            const e = this.error;
            this.error = undefined;
            return Promise.reject(e);
          }
          return Promise.resolve({ value: undefined, done: true });
        }
        return new Promise((resolve, reject) => {
          this.waiter = resolve;
          this.waiterReject = reject;
        });
      },
      return: () => {
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
