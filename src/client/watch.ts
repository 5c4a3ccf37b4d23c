// A watch over its own Watch stream. The consumer iterates responses; if the stream breaks (endpoint down,
// connection lost) the watch is re-created on the next endpoint from the revision after the last one it
// delivered, so no event is lost or repeated (etcd keeps history until compaction; a resume behind the
// compaction point is answered with canceled + compact_revision, which ends the watch).
import type * as grpc from '@grpc/grpc-js';
import { setTimeout as sleep } from 'node:timers/promises';
import { GrpcCode } from '../api/errors.ts';
import type { etcdserverpb as pb } from '../api/gen/etcd.js';
import { AsyncQueue } from './async-queue.ts';
import { isEndpointFailure, toEtcdError } from './client-error.ts';
import type { Client } from './client.ts';

export interface WatchOptions {
  rangeEnd?: Uint8Array;
  /** First revision to deliver (inclusive); 0 or absent = from now. */
  startRevision?: number;
  prevKv?: boolean;
  progressNotify?: boolean;
  /** etcd's filter types: 0 NOPUT, 1 NODELETE. */
  filters?: number[];
  fragment?: boolean;
}

const num = (v: number | { toNumber(): number } | null | undefined): number =>
  v === null || v === undefined ? 0 : typeof v === 'number' ? v : v.toNumber();

export class Watch implements AsyncIterable<pb.WatchResponse> {
  private readonly queue: AsyncQueue<pb.WatchResponse>;
  private stream: grpc.ClientDuplexStream<pb.WatchRequest.$Properties, pb.WatchResponse> | undefined;
  private watchId = 0;
  /** Next revision a re-created watch must start from; 0 until the first response tells us. */
  private nextRev: number;
  private createdSeen = false;
  private stopped = false;

  constructor(
    private readonly client: Client,
    private readonly key: Uint8Array,
    private readonly opts: WatchOptions,
  ) {
    this.nextRev = opts.startRevision ?? 0;
    this.queue = new AsyncQueue(() => this.cancel());
    void this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<pb.WatchResponse> {
    return this.queue;
  }

  /** Asks etcd for a progress notification (a response with only a header, watch_id -1 in 3.4). */
  requestProgress(): void {
    this.stream?.write({ progress_request: {} });
  }

  cancel(): void {
    if (this.stopped) return;
    this.stopped = true;
    const s = this.stream;
    if (s) {
      s.write({ cancel_request: { watch_id: this.watchId } });
      s.end();
      s.cancel();
    }
    this.queue.close();
  }

  private async run(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      let failure: unknown;
      try {
        const deadline = Date.now() + this.client.commandTimeoutMs;
        const { conn, stream } = await this.client.bidi('/etcdserverpb.Watch/Watch', deadline);
        if (this.stopped) {
          // Cancelled before the stream was used: swallow the CANCELLED error the cancel itself raises.
          stream.on('error', () => {});
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
      if (this.stopped) return;
      const err = toEtcdError(failure);
      const retryable = isEndpointFailure(err) || err.code === GrpcCode.DEADLINE_EXCEEDED;
      if (!retryable) {
        this.queue.fail(err);
        return;
      }
      await sleep(Math.min(100 * 2 ** Math.min(attempt, 4), 1000));
    }
  }

  /** Runs one stream; resolves undefined when the watch ended for good, or the error that broke the stream. */
  private pump(
    stream: grpc.ClientDuplexStream<pb.WatchRequest.$Properties, pb.WatchResponse>,
  ): Promise<unknown> {
    return new Promise((resolve) => {
      stream.on('data', (r: pb.WatchResponse) => {
        if (r.created) {
          this.watchId = num(r.watch_id);
          if (this.nextRev === 0) this.nextRev = num(r.header?.revision) + 1;
          if (this.createdSeen && !r.canceled) return;
          this.createdSeen = true;
        }
        const events = r.events ?? [];
        if (events.length > 0) this.nextRev = num(events[events.length - 1]!.kv?.mod_revision) + 1;
        else if (!r.created && !r.canceled && num(r.watch_id) === -1) {
          // progress notification: everything up to header.revision has been delivered
          this.nextRev = Math.max(this.nextRev, num(r.header?.revision) + 1);
        }
        this.queue.push(r);
        if (r.canceled) {
          this.stopped = true;
          stream.end();
          stream.cancel();
          this.queue.close();
          resolve(undefined);
        }
      });
      stream.on('error', (e) => resolve(this.stopped ? undefined : e));
      stream.on('end', () =>
        resolve(this.stopped ? undefined : toEtcdError({ code: 14, details: 'watch stream ended' })),
      );
      stream.write({
        create_request: {
          key: this.key,
          range_end: this.opts.rangeEnd,
          start_revision: this.nextRev,
          prev_kv: this.opts.prevKv ?? false,
          progress_notify: this.opts.progressNotify ?? false,
          filters: this.opts.filters ?? [],
          fragment: this.opts.fragment ?? false,
        },
      });
    });
  }
}
