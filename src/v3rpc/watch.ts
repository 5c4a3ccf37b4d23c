// The Watch service: one bidirectional stream carries many watchers (etcd's v3rpc/watch.go).
// Requests: create (key, range, start revision, filters, prev_kv, progress_notify, client-chosen
// watch_id, fragment), cancel, progress. Responses: `created` for each create; events batched per
// store delivery; `canceled` with a reason or a compact revision; progress notifications.
//
// Watch IDs belong to the stream (two streams may both use ID 1); the store's own watcher IDs stay
// internal. Back-pressure: when the stream's outgoing buffer is full the store's sink refuses and the
// watcher becomes a store "victim" that is caught up later, so a slow client never blocks writers.
//
// Responses are queued as gRPC frames: event responses as PendingResponse (the event bytes shared by every
// watcher plus this watcher's ID, written by hand — watch-encode.ts), the rare others encoded by the generated
// codec. Each wake of the stream builds everything queued into one Framed buffer (one allocation, one write);
// the JSON gateway decodes it again.
import { etcdserverpb } from '../api/gen/etcd.js';
import { i64ToLong, longToSafeInt } from '../api/long.ts';
import { EtcdError, GrpcCode } from '../api/errors.ts';
import type { EtcdServer } from '../server/etcd-server.ts';
import { Framed, type CallContext } from '../http/handlers.ts';
import type { Watcher, WatchResponse } from '../storage/mvcc/watchable-store.ts';
import type { Event } from '../storage/mvcc/types.ts';
import { OutQueue } from './out-queue.ts';
import {
  PendingResponse,
  eventField,
  frameSize,
  joinFrames,
  type QueuedFrame,
  watchResponseFrames,
} from './watch-encode.ts';

/** etcd's clientv3.InvalidWatchID / the ID of stream-wide progress responses. */
const INVALID_WATCH_ID = -1;
/** Responses buffered per stream before watchers are asked to wait (etcd: ctrlStreamBufLen 16 + watch chans). */
const STREAM_BUFFER = 1024;

interface StreamWatcher {
  id: number;
  watcher: Watcher | undefined;
  progressNotify: boolean;
  fragment: boolean;
  /** Events went out since the last progress tick (etcd then skips that watcher's notice). */
  busy: boolean;
  /** A drain callback is already registered for this watcher. */
  waitingDrain: boolean;
}

export function watchHandler(
  srv: EtcdServer,
  opts: { progressNotifyIntervalMs: number; maxRequestBytes: number },
) {
  return (requests: AsyncIterable<etcdserverpb.IWatchRequest>, ctx: CallContext): AsyncIterable<Framed> => {
    // Events are pushed from the apply path: waking the stream on the next setImmediate lets the writes'
    // own responses go out first, and a burst of pushes leave together.
    // One queued item is one response message: an event response still to be written out (built straight
    // into the wake's single buffer), or an encoded frame (see watch-encode.ts).
    const out = new OutQueue<QueuedFrame, Framed>(64, {
      deferWake: true,
      batch: (msgs) => new Framed(joinFrames(msgs)),
      weight: frameSize,
    });
    const watchers = new Map<number, StreamWatcher>();
    let nextId = 0;
    const header = (rev: number) => srv.header(rev);
    const headerBytes = (rev: number): Uint8Array => encodedHeader(header(rev));
    /** A response the hand encoder does not build (created, canceled, progress of the stream). */
    const push = (resp: etcdserverpb.IWatchResponse): void => {
      const bytes = etcdserverpb.WatchResponse.encode(resp).finish();
      const frame = Buffer.allocUnsafe(5 + bytes.length);
      frame[0] = 0;
      frame.writeUInt32BE(bytes.length, 1);
      frame.set(bytes, 5);
      out.push(frame);
    };

    const cancelAll = () => {
      for (const w of watchers.values()) w.watcher?.cancel();
      watchers.clear();
      clearInterval(progressTimer);
    };

    // etcd sends a progress notification to each synced watcher that asked for them, every interval.
    const progressTimer = setInterval(
      () => {
        for (const w of watchers.values()) {
          if (w.progressNotify && w.watcher && !w.busy) srv.kv.progress(w.watcher);
          w.busy = false;
        }
      },
      Math.max(100, opts.progressNotifyIntervalMs),
    );
    progressTimer.unref();

    const sinkFor = (sw: StreamWatcher) => (resp: WatchResponse) => {
      if (!watchers.has(sw.id)) return true; // canceled meanwhile: drop
      if (out.length >= STREAM_BUFFER) {
        if (!sw.waitingDrain) {
          sw.waitingDrain = true;
          out.onDrain(() => {
            sw.waitingDrain = false;
            sw.watcher?.resume();
          });
        }
        return false;
      }
      if (resp.events.length > 0) sw.busy = true;
      if (resp.canceled) {
        const base: etcdserverpb.IWatchResponse = {
          header: header(resp.revision),
          watch_id: i64ToLong(sw.id),
          canceled: true,
        };
        if (resp.compactRevision) base.compact_revision = i64ToLong(resp.compactRevision);
        watchers.delete(sw.id);
        sw.watcher?.cancel();
        push(base);
        return true;
      }
      // Watchers of one delivery usually share its events array: map it to encoded fields once.
      let events: Buffer[];
      if (resp.events === lastEvents) events = lastFields;
      else {
        events = resp.events.map(eventField);
        lastEvents = resp.events;
        lastFields = events;
      }
      if (!sw.fragment) out.push(new PendingResponse(headerBytes(resp.revision), sw.id, events, false));
      else
        for (const r of watchResponseFrames(
          headerBytes(resp.revision),
          sw.id,
          events,
          true,
          opts.maxRequestBytes,
        ))
          out.push(r);
      return true;
    };

    const create = (c: etcdserverpb.IWatchCreateRequest) => {
      let id = longToSafeInt(c.watch_id, 'watch_id');
      // etcd: an empty key means "\0", the smallest key; a range_end of "\0" means no upper bound.
      const key = c.key && c.key.length > 0 ? c.key : new Uint8Array([0]);
      const rangeEnd = c.range_end ?? new Uint8Array(0);
      const unbounded = rangeEnd.length === 1 && rangeEnd[0] === 0;
      if (rangeEnd.length > 0 && !unbounded && Buffer.compare(Buffer.from(key), Buffer.from(rangeEnd)) >= 0) {
        push({
          header: header(srv.kv.rev()),
          watch_id: i64ToLong(INVALID_WATCH_ID),
          created: true,
          canceled: true,
          cancel_reason: 'mvcc: watcher range is empty',
        });
        return;
      }
      if (id !== 0 && watchers.has(id)) {
        // etcd: a client-chosen ID already in use fails the create.
        push({
          header: header(srv.kv.rev()),
          watch_id: i64ToLong(INVALID_WATCH_ID),
          created: true,
          canceled: true,
          cancel_reason: 'mvcc: duplicate watch ID provided on the WatchStream',
        });
        return;
      }
      if (id === 0) {
        while (watchers.has(nextId)) nextId++;
        id = nextId++;
      }
      const filters = (c.filters ?? []) as number[];
      const sw: StreamWatcher = {
        id,
        watcher: undefined,
        progressNotify: c.progress_notify ?? false,
        fragment: c.fragment ?? false,
        busy: false,
        waitingDrain: false,
      };
      watchers.set(id, sw);
      const startRevision = longToSafeInt(c.start_revision, 'start_revision');
      // `created` goes out before any event of the new watcher.
      push({ header: header(srv.kv.rev()), watch_id: i64ToLong(id), created: true });
      const compacted = srv.kv.compactRevision();
      // Watching from the compacted revision itself is allowed (etcd cancels only below it).
      if (startRevision > 0 && startRevision < compacted) {
        watchers.delete(id);
        push({
          // etcd's compaction notice comes from the store with no revision: its header has revision 0.
          header: header(0),
          watch_id: i64ToLong(id),
          canceled: true,
          compact_revision: i64ToLong(compacted),
        });
        return;
      }
      sw.watcher = srv.kv.watch(
        {
          key,
          rangeEnd,
          startRevision,
          prevKv: c.prev_kv ?? false,
          noPut: filters.includes(0),
          noDelete: filters.includes(1),
        },
        sinkFor(sw),
      );
    };

    const cancel = (id: number) => {
      const sw = watchers.get(id);
      if (!sw) return; // etcd ignores a cancel for an unknown ID
      watchers.delete(id);
      sw.watcher?.cancel();
      push({ header: header(srv.kv.rev()), watch_id: i64ToLong(id), canceled: true });
    };

    // Read requests in the background; responses flow through `out`.
    void (async () => {
      try {
        for await (const req of requests) {
          if (req.create_request) create(req.create_request);
          else if (req.cancel_request) cancel(longToSafeInt(req.cancel_request.watch_id, 'watch_id'));
          else if (req.progress_request) {
            // One response for the stream with the current revision — a bookmark. It is only true when
            // every watcher of the stream has delivered everything up to that revision, so it is sent
            // only then (etcd 3.4.23 sends it regardless; later etcd releases fixed that).
            const allSynced = [...watchers.values()].every((w) => !w.watcher || w.watcher.place === 'synced');
            if (allSynced) push({ header: header(srv.kv.rev()), watch_id: i64ToLong(INVALID_WATCH_ID) });
          }
        }
      } catch {
        // the client went away
        cancelAll();
        out.end();
      }
      // A half-close only ends the requests: like etcd, keep sending events until the call is cancelled
      // (the JSON gateway's POST /v3/watch ends its request body right after the create request).
    })();
    // A snapshot from the leader replaced the store: these watchers are gone. End the stream so the
    // client watches again from its last revision.
    const offReset = srv.onStateReset(() => {
      cancelAll();
      out.fail(
        new EtcdError(GrpcCode.UNAVAILABLE, 'etcdserver: member restored from a snapshot; watch again'),
      );
    });
    void out.closed.then(offReset);
    ctx.signal.addEventListener('abort', () => {
      cancelAll();
      out.end();
    });
    return out;
  };
}

/**
 * The last events array a sink encoded, and its fields (see sinkFor): shared by every stream of the process, as
 * one delivery goes to watchers of many streams. It holds that delivery's events until the next one.
 */
let lastEvents: readonly Event[] | undefined;
let lastFields: Buffer[] = [];

/**
 * The encoded form of a response header. srv.header hands out the same object while revision and term hold,
 * so every stream sending that revision shares one encoding.
 */
const headerCache = new WeakMap<etcdserverpb.IResponseHeader, Uint8Array>();
function encodedHeader(h: etcdserverpb.IResponseHeader): Uint8Array {
  let b = headerCache.get(h);
  if (b === undefined) {
    b = etcdserverpb.ResponseHeader.encode(h).finish();
    headerCache.set(h, b);
  }
  return b;
}
