// The front's stop switch. Calls register the AbortController behind their context's signal; stopping aborts
// them all. A plain set instead of listeners on one shared AbortSignal: a busy server has thousands of calls in
// flight, and EventTarget listeners cost more per call (and warn past ten).

export class Shutdown {
  private readonly live = new Set<AbortController>();
  private stopped = false;

  get aborted(): boolean {
    return this.stopped;
  }

  /** Follow the shutdown: aborted at once if the front is already stopping. */
  register(ac: AbortController): void {
    if (this.stopped) ac.abort();
    else this.live.add(ac);
  }

  unregister(ac: AbortController): void {
    this.live.delete(ac);
  }

  abort(): void {
    this.stopped = true;
    const all = [...this.live];
    this.live.clear();
    for (const ac of all) ac.abort();
  }
}
