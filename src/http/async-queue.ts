// A push-fed async iterable: the producer (a socket reader) pushes items and ends it; one consumer (a handler)
// iterates. Lets a transport hand a request stream to a handler without the handler seeing the transport.

export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private ended = false;
  private waiter: ((r: IteratorResult<T>) => void) | undefined;
  private iterating = false;

  /**
   * @param onPull called whenever the consumer takes an item, with the number still buffered, so a producer that
   *   paused its source at a high-water mark can resume.
   */
  constructor(private readonly onPull?: (buffered: number) => void) {}

  get length(): number {
    return this.items.length;
  }

  get done(): boolean {
    return this.ended;
  }

  push(item: T): void {
    if (this.ended) return;
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w({ value: item, done: false });
    } else this.items.push(item);
  }

  /** No more items; buffered ones are still delivered. Idempotent. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const w = this.waiter;
    this.waiter = undefined;
    w?.({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.iterating) throw new Error('AsyncQueue supports a single consumer');
    this.iterating = true;
    return {
      next: (): Promise<IteratorResult<T>> => {
        if (this.items.length > 0) {
          const value = this.items.shift()!;
          this.onPull?.(this.items.length);
          return Promise.resolve({ value, done: false });
        }
        if (this.ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiter = (r) => {
            if (!r.done) this.onPull?.(this.items.length);
            resolve(r);
          };
        });
      },
      return: (): Promise<IteratorResult<T>> => {
        this.items.length = 0;
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
