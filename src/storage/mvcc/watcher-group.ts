// A set of watchers indexed by what they watch, so an event finds its watchers without scanning them
// all: single-key watchers in a map; range watchers in an array sorted by range start, cut in blocks of
// BLOCK that each know their largest range end. A stabbing query binary-searches the last range that
// starts at or before the key, then skips every block whose largest end is <= the key. The sorted form
// is rebuilt lazily, once per batch of changes.
import type { KeyEnd } from './tree-index.ts';

const BLOCK = 32;
const AFTER_ALL_KEYS = '\u0100';

export interface Watched {
  readonly key: string;
  /** undefined = the single key; '' = every key >= key; else [key, end). */
  readonly end: KeyEnd;
}

export class WatcherGroup<W extends Watched> {
  private readonly single = new Map<string, Set<W>>();
  private readonly ranges = new Set<W>();
  private sorted: W[] = [];
  private blockMax: string[] = [];
  private dirty = false;
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(w: W): void {
    if (w.end === undefined) {
      let set = this.single.get(w.key);
      if (!set) {
        set = new Set();
        this.single.set(w.key, set);
      }
      if (set.has(w)) return;
      set.add(w);
    } else {
      if (this.ranges.has(w)) return;
      this.ranges.add(w);
      this.dirty = true;
    }
    this.count++;
  }

  delete(w: W): boolean {
    if (w.end === undefined) {
      const set = this.single.get(w.key);
      if (!set?.delete(w)) return false;
      if (set.size === 0) this.single.delete(w.key);
    } else {
      if (!this.ranges.delete(w)) return false;
      this.dirty = true;
    }
    this.count--;
    return true;
  }

  has(w: W): boolean {
    return w.end === undefined ? (this.single.get(w.key)?.has(w) ?? false) : this.ranges.has(w);
  }

  *[Symbol.iterator](): IterableIterator<W> {
    for (const set of this.single.values()) yield* set;
    yield* this.ranges;
  }

  private rebuild(): void {
    this.sorted = [...this.ranges].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.blockMax = [];
    for (let i = 0; i < this.sorted.length; i += BLOCK) {
      let max = '';
      for (let j = i; j < Math.min(i + BLOCK, this.sorted.length); j++) {
        const e = endOf(this.sorted[j]!);
        if (e > max) max = e;
      }
      this.blockMax.push(max);
    }
    this.dirty = false;
  }

  /** Calls fn for every watcher whose key or range holds `key`. */
  forEachMatch(key: string, fn: (w: W) => void): void {
    const set = this.single.get(key);
    if (set) for (const w of set) fn(w);
    if (this.ranges.size === 0) return;
    if (this.dirty) this.rebuild();
    // Ranges starting at or before key are sorted[0 .. hi).
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]!.key <= key) lo = mid + 1;
      else hi = mid;
    }
    for (let b = 0; b * BLOCK < hi; b++) {
      if (this.blockMax[b]! <= key) continue;
      const stop = Math.min((b + 1) * BLOCK, hi);
      for (let i = b * BLOCK; i < stop; i++) {
        const w = this.sorted[i]!;
        if (key < endOf(w)) fn(w);
      }
    }
  }

  contains(key: string): boolean {
    let found = false;
    if (this.single.has(key)) return true;
    this.forEachMatch(key, () => {
      found = true;
    });
    return found;
  }
}

function endOf(w: Watched): string {
  return w.end === '' ? AFTER_ALL_KEYS : (w.end ?? w.key + '\0');
}
