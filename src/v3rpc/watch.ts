// The Watch service: one bidirectional stream carries many watchers (etcd's v3rpc/watch.go).
// Requests: create (key, range, start revision, filters, prev_kv, progress_notify, client-chosen
// watch_id, fragment), cancel, progress. Responses: `created` for each create; events batched per
// store delivery; `canceled` with a reason or a compact revision; progress notifications.
//
// Watch IDs belong to the stream (two streams may both use ID 1); the store's own watcher IDs stay
// internal. Back-pressure: when the stream's outgoing buffer is full the store's sink refuses and the
// watcher becomes a store "victim" that is caught up later, so a slow client never blocks writers.
import type { etcdserverpb } from '../api/gen/etcd.js';
import { i64ToLong, longToSafeInt } from '../api/long.ts';
import { EtcdError, GrpcCode } from '../api/errors.ts';
import type { EtcdServer } from '../server/etcd-server.ts';
import type { CallContext } from '../http/handlers.ts';
import type { Watcher, WatchResponse } from '../storage/mvcc/watchable-store.ts';
import { eventToPb } from '../server/v3/kv-convert.ts';
import { OutQueue } from './out-queue.ts';

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
  return (
    requests: AsyncIterable<etcdserverpb.IWatchRequest>,
    ctx: CallContext,
  ): AsyncIterable<etcdserverpb.IWatchResponse> => {
    // Events are pushed from the apply path: waking the stream on the next setImmediate lets the writes'
    // own responses go out first, and a burst of pushes leave together.
    const out = new OutQueue<etcdserverpb.IWatchResponse>(64, { deferWake: true });
    const watchers = new Map<number, StreamWatcher>();
    let nextId = 0;
    const header = (rev: number) => srv.header(rev);

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
      const base: etcdserverpb.IWatchResponse = { header: header(resp.revision), watch_id: i64ToLong(sw.id) };
      if (resp.canceled) {
        base.canceled = true;
        if (resp.compactRevision) base.compact_revision = i64ToLong(resp.compactRevision);
        watchers.delete(sw.id);
        sw.watcher?.cancel();
        out.push(base);
        return true;
      }
      const events = resp.events.map(eventPb);
      if (sw.fragment && events.length > 1) {
        for (const piece of fragments(events, opts.maxRequestBytes)) {
          out.push({ ...base, events: piece.events, ...(piece.more ? { fragment: true } : {}) });
        }
      } else {
        out.push(events.length > 0 ? { ...base, events } : base);
      }
      return true;
    };

    const create = (c: etcdserverpb.IWatchCreateRequest) => {
      let id = longToSafeInt(c.watch_id, 'watch_id');
      // etcd: an empty key means "\0", the smallest key; a range_end of "\0" means no upper bound.
      const key = c.key && c.key.length > 0 ? c.key : new Uint8Array([0]);
      const rangeEnd = c.range_end ?? new Uint8Array(0);
      const unbounded = rangeEnd.length === 1 && rangeEnd[0] === 0;
      if (rangeEnd.length > 0 && !unbounded && Buffer.compare(Buffer.from(key), Buffer.from(rangeEnd)) >= 0) {
        out.push({
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
        out.push({
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
      out.push({ header: header(srv.kv.rev()), watch_id: i64ToLong(id), created: true });
      const compacted = srv.kv.compactRevision();
      // Watching from the compacted revision itself is allowed (etcd cancels only below it).
      if (startRevision > 0 && startRevision < compacted) {
        watchers.delete(id);
        out.push({
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
      out.push({ header: header(srv.kv.rev()), watch_id: i64ToLong(id), canceled: true });
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
            if (allSynced) out.push({ header: header(srv.kv.rev()), watch_id: i64ToLong(INVALID_WATCH_ID) });
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
 * The protobuf form of a store event, made once however many watchers receive it: the store hands the same
 * Event object to every watcher it matches (unless prev_kv makes a new one).
 */
const pbOfEvent = new WeakMap<object, ReturnType<typeof eventToPb>>();
function eventPb(ev: Parameters<typeof eventToPb>[0]): ReturnType<typeof eventToPb> {
  let pb = pbOfEvent.get(ev);
  if (pb === undefined) {
    pb = eventToPb(ev);
    pbOfEvent.set(ev, pb);
  }
  return pb;
}

/** Splits events so each piece stays under `limit` bytes (roughly), as etcd's sendFragments does. */
function fragments(
  events: ReturnType<typeof eventToPb>[],
  limit: number,
): { events: typeof events; more: boolean }[] {
  const pieces: { events: typeof events; more: boolean }[] = [];
  let cur: typeof events = [];
  let size = 0;
  for (const ev of events) {
    const s = (ev.kv?.key?.length ?? 0) + (ev.kv?.value?.length ?? 0) + (ev.prev_kv?.value?.length ?? 0) + 64;
    if (cur.length > 0 && size + s > limit) {
      pieces.push({ events: cur, more: true });
      cur = [];
      size = 0;
    }
    cur.push(ev);
    size += s;
  }
  pieces.push({ events: cur, more: false });
  return pieces;
}
