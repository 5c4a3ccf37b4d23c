// Pending linearizable reads on the leader (Raft thesis §6.4): each request remembers the commit index
// at arrival and the voters that acknowledged a heartbeat carrying its context since then. Once a
// majority has acked, leadership at that moment is confirmed and the read index is safe to use.
import type { Message } from './types.ts';
import { bytesKey } from './util.ts';

export interface ReadIndexStatus {
  req: Message;
  index: number;
  acks: Set<bigint>;
}

export class ReadOnly {
  private readonly pending = new Map<string, ReadIndexStatus>();
  /** Request keys in arrival order; a quorum ack of one confirms every earlier one too. */
  private queue: string[] = [];

  addRequest(index: number, m: Message): void {
    const key = bytesKey(m.context);
    if (this.pending.has(key)) return;
    this.pending.set(key, { req: m, index, acks: new Set() });
    this.queue.push(key);
  }

  /** Records that `id` acked a heartbeat carrying ctx; returns the acks so far (undefined if unknown). */
  recvAck(id: bigint, ctx: Uint8Array | undefined): Set<bigint> | undefined {
    const rs = this.pending.get(bytesKey(ctx));
    if (rs === undefined) return undefined;
    rs.acks.add(id);
    return rs.acks;
  }

  /** Removes and returns the requests up to and including the one with this ctx, oldest first. */
  advance(ctx: Uint8Array | undefined): ReadIndexStatus[] {
    const key = bytesKey(ctx);
    const at = this.queue.indexOf(key);
    if (at < 0) return [];
    const done = this.queue.slice(0, at + 1);
    this.queue = this.queue.slice(at + 1);
    const out: ReadIndexStatus[] = [];
    for (const k of done) {
      const rs = this.pending.get(k);
      if (rs !== undefined) {
        out.push(rs);
        this.pending.delete(k);
      }
    }
    return out;
  }

  /** Context of the newest pending request: heartbeats carry it so their acks confirm it. */
  lastPendingRequestCtx(): Uint8Array | undefined {
    const key = this.queue[this.queue.length - 1];
    return key === undefined ? undefined : this.pending.get(key)!.req.context;
  }

  get size(): number {
    return this.queue.length;
  }
}
