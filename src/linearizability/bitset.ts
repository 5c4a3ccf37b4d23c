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

  /** Exact (collision-free) text key of the current contents: one UTF-16 unit per 16 bits. */
  key(): string {
    const halves = new Uint16Array(this.words.buffer, this.words.byteOffset, this.words.length * 2);
    let s = '';
    for (let i = 0; i < halves.length; i += 4096) {
      s += String.fromCharCode.apply(null, halves.subarray(i, i + 4096) as unknown as number[]);
    }
    return s;
  }
}
