// Keeps one lease alive over a LeaseKeepAlive stream: a renewal right away, then every TTL/3 seconds (as
// clientv3 does), re-opening the stream on another endpoint if it breaks. Each answer is handed to the
// iterator; an answer with TTL ≤ 0 means the lease expired or was revoked, and ends the iteration.
import type * as grpc from '@grpc/grpc-js';
import type Long from 'long';
import { setTimeout as sleep } from 'node:timers/promises';
import type { etcdserverpb as pb } from '../api/gen/etcd.js';
import { AsyncQueue } from './async-queue.ts';
import { isEndpointFailure, toEtcdError } from './client-error.ts';
import type { Client } from './client.ts';

const num = (v: number | Long | null | undefined): number =>
  v === null || v === undefined ? 0 : typeof v === 'number' ? v : v.toNumber();

export class LeaseKeepAlive implements AsyncIterable<pb.LeaseKeepAliveResponse> {
  private readonly queue: AsyncQueue<pb.LeaseKeepAliveResponse>;
  private stream:
    grpc.ClientDuplexStream<pb.LeaseKeepAliveRequest.$Properties, pb.LeaseKeepAliveResponse> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly client: Client,
    private readonly id: number | Long,
  ) {
    this.queue = new AsyncQueue(() => this.close());
    void this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<pb.LeaseKeepAliveResponse> {
    return this.queue;
  }

  close(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.stream?.end();
    this.stream?.cancel();
    this.queue.close();
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      let failure: unknown;
      try {
        const deadline = Date.now() + this.client.commandTimeoutMs;
        const { conn, stream } = await this.client.bidi('/etcdserverpb.Lease/LeaseKeepAlive', deadline);
        if (this.stopped) {
          stream.cancel();
          return;
        }
        this.stream = stream;
        failure = await this.pump(stream);
        if (failure === undefined) return;
        this.client.pool.markFailed(conn);
      } catch (e) {
        failure = e;
      }
      clearTimeout(this.timer);
      if (this.stopped) return;
      const err = toEtcdError(failure);
      if (!isEndpointFailure(err) && err.code !== 4) {
        this.queue.fail(err);
        return;
      }
      await sleep(Math.min(100 * 2 ** Math.min(attempt, 4), 1000));
    }
  }

  private pump(
    stream: grpc.ClientDuplexStream<pb.LeaseKeepAliveRequest.$Properties, pb.LeaseKeepAliveResponse>,
  ): Promise<unknown> {
    return new Promise((resolve) => {
      stream.on('data', (r: pb.LeaseKeepAliveResponse) => {
        this.queue.push(r);
        const ttl = num(r.TTL);
        if (ttl <= 0) {
          this.close();
          resolve(undefined);
          return;
        }
        clearTimeout(this.timer);
        this.timer = setTimeout(() => stream.write({ ID: this.id }), Math.max(500, (ttl * 1000) / 3));
      });
      stream.on('error', (e) => resolve(this.stopped ? undefined : e));
      stream.on('end', () =>
        resolve(this.stopped ? undefined : toEtcdError({ code: 14, details: 'keepalive stream ended' })),
      );
      stream.write({ ID: this.id });
    });
  }
}
