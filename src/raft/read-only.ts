// Pending linearizable reads on the leader (Raft thesis §6.4): each request remembers the commit index
// at arrival and the voters that acknowledged a heartbeat sent for it since then. Once a majority has
// acked, leadership at that moment is confirmed and the read index is safe to use.
//
// Heartbeats do not carry the request's own ctx but a round id made here, new for every request that
// enters the queue. A requester may ask again with the same ctx (a retry whose answer is still on the
// way); if heartbeats carried that ctx, a late ack of the first round would confirm the second request
// and every request queued before it, all of which arrived after that ack was sent.
import type { Message } from './types.ts';
import { bytesKey } from './util.ts';

export interface ReadIndexStatus {
  req: Message;
  index: number;
  acks: Set<bigint>;
  /** What the heartbeats for this request carry (and their acks echo). */
  round: Uint8Array;
}

/** Round ids are unique in the process, across terms and ReadOnly instances. */
let lastRound = 0n;
function nextRound(): Uint8Array {
  lastRound++;
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigUint64(0, lastRound);
  return b;
}

export class ReadOnly {
  /** By round id. */
  private readonly pending = new Map<string, ReadIndexStatus>();
  /** Request ctx → round id, while the request is pending (a duplicate is ignored). */
  private readonly byCtx = new Map<string, string>();
  /** Round ids in arrival order; a quorum ack of one confirms every earlier one too. */
  private queue: string[] = [];

  /** Queues a request (a duplicate of a pending one is not queued again); returns its round id. */
  addRequest(index: number, m: Message): Uint8Array {
    const ctxKey = bytesKey(m.context);
    const known = this.byCtx.get(ctxKey);
    if (known !== undefined) return this.pending.get(known)!.round;
    const round = nextRound();
    const key = bytesKey(round);
    this.pending.set(key, { req: m, index, acks: new Set(), round });
    this.byCtx.set(ctxKey, key);
    this.queue.push(key);
    return round;
  }

  /** Records that `id` acked a heartbeat of this round; returns the acks so far (undefined if unknown). */
  recvAck(id: bigint, round: Uint8Array | undefined): Set<bigint> | undefined {
    const rs = this.pending.get(bytesKey(round));
    if (rs === undefined) return undefined;
    rs.acks.add(id);
    return rs.acks;
  }

  /** Removes and returns the requests up to and including the one of this round, oldest first. */
  advance(round: Uint8Array | undefined): ReadIndexStatus[] {
    const key = bytesKey(round);
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
        this.byCtx.delete(bytesKey(rs.req.context));
      }
    }
    return out;
  }

  /** Round of the newest pending request: heartbeats carry it so their acks confirm it. */
  lastPendingRequestCtx(): Uint8Array | undefined {
    const key = this.queue[this.queue.length - 1];
    return key === undefined ? undefined : this.pending.get(key)!.round;
  }

  get size(): number {
    return this.queue.length;
  }
}
