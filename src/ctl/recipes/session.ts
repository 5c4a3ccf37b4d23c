// A client session as etcd's clientv3/concurrency builds one: a lease (TTL seconds, 60 by default) kept
// alive for as long as the session lives. Keys written with the session's lease vanish when the process
// dies and the lease expires. `done` settles when the keepalive ends: the lease expired, was revoked, or
// the keepalive failed for good.
import type { Client } from '../../client/index.ts';
import { toBig } from '../../client/values.ts';

export const DEFAULT_SESSION_TTL = 60;

export class Session {
  readonly done: Promise<void>;
  private stopKeepAlive: () => void = () => {};

  private constructor(
    readonly client: Client,
    /** The lease ID (positive, below 2^63). */
    readonly lease: bigint,
  ) {
    const ka = client.keepAlive(lease);
    this.stopKeepAlive = () => ka.close();
    this.done = (async () => {
      try {
        for await (const r of ka) if (Number(r.TTL) <= 0) break;
      } catch {
        // a keepalive that cannot go on ends the session just like an expired lease
      }
    })();
  }

  static async create(client: Client, ttlSeconds = DEFAULT_SESSION_TTL): Promise<Session> {
    const r = await client.leaseGrant(ttlSeconds);
    return new Session(client, toBig(r.ID as any));
  }

  /** Lease ID as `%x` prints it (no leading zeros): the suffix of the session's keys. */
  get leaseHex(): string {
    return this.lease.toString(16);
  }

  /** Stops renewing the lease (it then expires after its TTL); does not revoke it. */
  orphan(): void {
    this.stopKeepAlive();
  }
}
