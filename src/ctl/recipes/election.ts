// etcd 3.4's leader election (clientv3/concurrency Election), as `etcdctl elect` uses it: candidates queue
// like mutex contenders under `<name>/`; the leader's key holds the proposal; observers follow whichever
// key is oldest.
import type { etcdserverpb as pb, mvccpb } from '../../api/gen/etcd.js';
import { bytes, int64, toNum } from '../../client/values.ts';
import type { Session } from './session.ts';
import { firstOrLastCreated, waitDeletes } from './wait-deletes.ts';

export class Election {
  private readonly prefix: string;
  private leaderKey = '';
  private leaderRev = 0;
  private leader = false;

  constructor(
    private readonly session: Session,
    name: string,
  ) {
    this.prefix = `${name}/`;
  }

  get key(): string {
    return this.leaderKey;
  }

  /** Becomes the leader with `value` (waiting for older candidates to go away). */
  async campaign(value: string, signal: AbortSignal): Promise<void> {
    const c = this.session.client;
    const k = this.prefix + this.session.leaseHex;
    const key = bytes(k);
    const resp = await c.txn({
      compare: [{ key, target: 1, result: 0, create_revision: 0 }],
      success: [{ request_put: { key, value: bytes(value), lease: int64(this.session.lease) } }],
      failure: [{ request_range: { key } }],
    });
    this.leaderKey = k;
    this.leaderRev = toNum(resp.header?.revision);
    this.leader = true;
    if (!resp.succeeded) {
      const kv = resp.responses[0]?.response_range?.kvs?.[0];
      this.leaderRev = toNum(kv?.create_revision);
      if (!Buffer.from(kv?.value ?? []).equals(bytes(value))) {
        try {
          await this.proclaim(value);
        } catch (e) {
          await this.resign().catch(() => {});
          throw e;
        }
      }
    }
    try {
      await waitDeletes(c, this.prefix, this.leaderRev - 1, signal);
    } catch (e) {
      if (signal.aborted) await this.resign().catch(() => {});
      else this.leader = false;
      throw e;
    }
  }

  /** The leader announces a new value without a new election. */
  async proclaim(value: string): Promise<void> {
    if (!this.leader) throw new Error('election: not leader');
    const key = bytes(this.leaderKey);
    const r = await this.session.client.txn({
      compare: [{ key, target: 1, result: 0, create_revision: this.leaderRev }],
      success: [{ request_put: { key, value: bytes(value), lease: int64(this.session.lease) } }],
    });
    if (!r.succeeded) {
      this.leaderKey = '';
      throw new Error('election: not leader');
    }
  }

  /** Gives up leadership (deletes the leader key if it is still ours). */
  async resign(): Promise<void> {
    if (!this.leader) return;
    const key = bytes(this.leaderKey);
    try {
      await this.session.client.txn({
        compare: [{ key, target: 1, result: 0, create_revision: this.leaderRev }],
        success: [{ request_delete_range: { key } }],
      });
    } finally {
      this.leaderKey = '';
      this.leader = false;
    }
  }

  /**
   * Calls `onLeader` with the current leader's key and value, then with every change of it, until `signal`
   * aborts (resolves) or the watch breaks (rejects).
   */
  async observe(signal: AbortSignal, onLeader: (r: pb.RangeResponse) => void): Promise<void> {
    const c = this.session.client;
    const stop = (w: { cancel(): void }): (() => void) => {
      const f = (): void => w.cancel();
      signal.addEventListener('abort', f, { once: true });
      return () => signal.removeEventListener('abort', f);
    };
    for (;;) {
      if (signal.aborted) return;
      const resp = await c.range(firstOrLastCreated(this.prefix, 'first'));
      let kv: mvccpb.IKeyValue | undefined = resp.kvs[0];
      let header: pb.IResponseHeader | null | undefined = resp.header;
      if (!kv) {
        // no leader yet: wait for the first put under the prefix
        const w = c.watch(bytes(this.prefix), {
          rangeEnd: firstOrLastCreated(this.prefix, 'first').range_end as Uint8Array,
          startRevision: toNum(resp.header?.revision),
        });
        const unhook = stop(w);
        try {
          for await (const wr of w) {
            const put = wr.events.find((e) => e.type !== 1);
            if (put?.kv) {
              kv = put.kv;
              header = { ...wr.header, revision: put.kv.mod_revision };
              break;
            }
          }
        } finally {
          unhook();
          w.cancel();
        }
        if (!kv) {
          if (signal.aborted) return;
          throw new Error('elect: observer lost');
        }
      }
      onLeader({ ...resp, header, kvs: [kv] } as pb.RangeResponse);
      const w = c.watch(kv.key ?? Buffer.alloc(0), { startRevision: toNum(header?.revision) + 1 });
      const unhook = stop(w);
      let deleted = false;
      try {
        for await (const wr of w) {
          for (const ev of wr.events) {
            if (ev.type === 1) {
              deleted = true;
              break;
            }
            onLeader({ ...resp, header: wr.header, kvs: [ev.kv] } as pb.RangeResponse);
          }
          if (deleted) break;
        }
      } finally {
        unhook();
        w.cancel();
      }
      if (!deleted) {
        if (signal.aborted) return;
        throw new Error('elect: observer lost');
      }
    }
  }
}
