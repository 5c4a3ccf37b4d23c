// Flow control for one follower in Replicate state: the last indexes of the MsgApp sent but not yet
// acknowledged, oldest first, in a fixed-capacity ring buffer (no allocation per message).
export class Inflights {
  private start = 0;
  private count = 0;
  private readonly buffer: Float64Array;

  constructor(readonly size: number) {
    this.buffer = new Float64Array(Math.max(1, size));
  }

  /** Records a MsgApp whose last entry has index `index`; indexes must be added in increasing order. */
  add(index: number): void {
    if (this.full()) throw new Error('cannot add into a full inflights');
    let next = this.start + this.count;
    if (next >= this.size) next -= this.size;
    this.buffer[next] = index;
    this.count++;
  }

  /** Frees every in-flight message whose last index is <= to (they were acknowledged). */
  freeLE(to: number): void {
    if (this.count === 0 || to < this.buffer[this.start]!) return;
    let i = 0;
    let idx = this.start;
    while (i < this.count) {
      if (to < this.buffer[idx]!) break;
      if (++idx >= this.size) idx = 0;
      i++;
    }
    this.count -= i;
    this.start = this.count === 0 ? 0 : idx;
  }

  full(): boolean {
    return this.count >= this.size;
  }

  get length(): number {
    return this.count;
  }

  reset(): void {
    this.count = 0;
    this.start = 0;
  }
}
