// A fixed-size set of small integers: the operations linearized so far on one search path.

export class Bitset {
  private constructor(private readonly words: Uint32Array) {}

  static of(size: number): Bitset {
    return new Bitset(new Uint32Array(Math.ceil(size / 32)));
  }

  set(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }

  clear(i: number): void {
    this.words[i >>> 5]! &= ~(1 << (i & 31));
  }

  has(i: number): boolean {
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }

  /** Exact (collision-free) text key of the current contents. */
  key(): string {
    let s = '';
    for (const w of this.words) s += w.toString(36) + '.';
    return s;
  }
}
