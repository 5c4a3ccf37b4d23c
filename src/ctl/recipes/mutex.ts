// etcd 3.4's distributed mutex (clientv3/concurrency Mutex), as `etcdctl lock` uses it: each contender
// puts `<name>/<lease hex>` with its session lease; the oldest key (lowest create revision) holds the lock;
// the others wait for the deletion of the key created just before theirs (wait-deletes.ts).
import type { etcdserverpb as pb } from '../../api/gen/etcd.js';
import { bytes, int64, toNum } from '../../client/values.ts';
import type { Session } from './session.ts';
import { firstOrLastCreated, waitDeletes } from './wait-deletes.ts';

export class Mutex {
  private readonly prefix: string;
  private myKey = '';
  private myRev = -1;
  /** Header of the response that made this contender the holder. */
  header: pb.IResponseHeader | null | undefined;

  constructor(
    private readonly session: Session,
    name: string,
  ) {
    this.prefix = `${name}/`;
  }

  get key(): string {
    return this.myKey;
  }

  /** Acquires the lock; rejects (after removing this contender's key) if `signal` aborts first. */
  async lock(signal: AbortSignal): Promise<void> {
    const c = this.session.client;
    this.myKey = this.prefix + this.session.leaseHex;
    const key = bytes(this.myKey);
    // One round trip when uncontended: enqueue (or find our earlier key) and read the holder together.
    const resp = await c.txn({
      compare: [{ key, target: 1, result: 0, create_revision: 0 }],
      success: [
        { request_put: { key, value: Buffer.alloc(0), lease: int64(this.session.lease) } },
        { request_range: firstOrLastCreated(this.prefix, 'first') },
      ],
      failure: [{ request_range: { key } }, { request_range: firstOrLastCreated(this.prefix, 'first') }],
    });
    this.myRev = toNum(resp.header?.revision);
    if (!resp.succeeded) this.myRev = toNum(resp.responses[0]?.response_range?.kvs?.[0]?.create_revision);
    const owner = resp.responses[1]?.response_range?.kvs ?? [];
    if (owner.length === 0 || toNum(owner[0]!.create_revision) === this.myRev) {
      this.header = resp.header;
      return;
    }
    try {
      this.header = await waitDeletes(c, this.prefix, this.myRev - 1, signal);
    } catch (e) {
      await this.unlock().catch(() => {});
      throw e;
    }
    // The wait may have outlived the session: the key must still be there.
    const g = await c.range({ key });
    if (g.kvs.length === 0) throw new Error('mutex: session is expired');
    this.header = g.header;
  }

  async unlock(): Promise<void> {
    await this.session.client.deleteRange({ key: bytes(this.myKey) });
    this.myKey = '\x00';
    this.myRev = -1;
  }
}
