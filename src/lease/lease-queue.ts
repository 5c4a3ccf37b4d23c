// A min-heap of (time, lease ID) with at most one entry per lease, so the lessor finds the next lease to
// expire (or to checkpoint) in O(1) and moves a lease in O(log n) on renew, instead of scanning every lease
// each round. Ties on time are broken by ID so the order is deterministic.
import type { LeaseId } from './lease-id.ts';

interface Item {
  id: LeaseId;
  time: number;
  /** Position in `heap`; kept up to date by every swap so update and remove need no search. */
  index: number;
}

export class LeaseQueue {
  private readonly heap: Item[] = [];
  private readonly byId = new Map<LeaseId, Item>();

  get size(): number {
    return this.heap.length;
  }

  has(id: LeaseId): boolean {
    return this.byId.has(id);
  }

  /** Time of `id`'s entry, or undefined. */
  timeOf(id: LeaseId): number | undefined {
    return this.byId.get(id)?.time;
  }

  /** Adds `id` at `time`, or moves its entry there. */
  upsert(id: LeaseId, time: number): void {
    const item = this.byId.get(id);
    if (item === undefined) {
      const fresh: Item = { id, time, index: this.heap.length };
      this.heap.push(fresh);
      this.byId.set(id, fresh);
      this.up(fresh.index);
      return;
    }
    const earlier = time < item.time;
    item.time = time;
    if (earlier) this.up(item.index);
    else this.down(item.index);
  }

  remove(id: LeaseId): boolean {
    const item = this.byId.get(id);
    if (item === undefined) return false;
    this.byId.delete(id);
    const last = this.heap.pop()!;
    if (last !== item) {
      this.heap[item.index] = last;
      last.index = item.index;
      this.up(last.index);
      this.down(last.index);
    }
    return true;
  }

  /** The earliest entry, without removing it. */
  peek(): { readonly id: LeaseId; readonly time: number } | undefined {
    return this.heap[0];
  }

  pop(): { id: LeaseId; time: number } | undefined {
    const top = this.heap[0];
    if (top === undefined) return undefined;
    this.remove(top.id);
    return { id: top.id, time: top.time };
  }

  clear(): void {
    this.heap.length = 0;
    this.byId.clear();
  }

  private less(a: Item, b: Item): boolean {
    return a.time < b.time || (a.time === b.time && a.id < b.id);
  }

  private up(i: number): void {
    const h = this.heap;
    const item = h[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (!this.less(item, parent)) break;
      h[i] = parent;
      parent.index = i;
      i = p;
    }
    h[i] = item;
    item.index = i;
  }

  private down(i: number): void {
    const h = this.heap;
    const n = h.length;
    const item = h[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n && this.less(h[r]!, h[l]!)) c = r;
      const child = h[c]!;
      if (!this.less(child, item)) break;
      h[i] = child;
      child.index = i;
      i = c;
    }
    h[i] = item;
    item.index = i;
  }
}
