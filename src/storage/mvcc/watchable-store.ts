// The watchable store (etcd's watchableStore): the KV store plus watchers that receive, for their key
// or range, every event from their start revision on — in revision order, each exactly once, all events
// of one revision in one response (never split), with no gap.
//
// Watchers live in one of three places:
// - synced: caught up; each write txn's events are handed to them as the txn ends.
// - unsynced: behind (started in the past, or fell behind); a background step reads the history from
//   the backend in bounded chunks (whole revisions) and delivers it, then moves them to synced.
// - victims: their sink refused a response (a slow consumer). The response is kept and offered again
//   later; meanwhile the watcher gets nothing else and, once it takes the response, catches up from
//   history like an unsynced watcher. Writers and other watchers never wait for a victim.
// A watcher whose next revision was compacted away gets one response with compactRevision and
// canceled, and is removed (etcd cancels when start < compacted revision).
import type { Backend } from '../backend/backend.ts';
import { rangeEndOf } from './apply.ts';
import { KvStore, type KvStoreOptions, toKey } from './kv-store.ts';
import type { KeyEnd } from './tree-index.ts';
import { type Event, EventType, type KeyValue } from './types.ts';
import { WatcherGroup } from './watcher-group.ts';
import { FAILPOINTS, skipWatchEvent } from '../../server/failpoints.ts';

export interface WatchRequest {
  key: Uint8Array;
  /** As in etcd: absent/empty = the single key; "\0" = every key >= key; else [key, rangeEnd). */
  rangeEnd?: Uint8Array;
  /** First revision to deliver (inclusive); 0/absent = from the next revision. */
  startRevision?: number;
  prevKv?: boolean;
  /** etcd's FilterType NOPUT / NODELETE. */
  noPut?: boolean;
  noDelete?: boolean;
  /** Caller-chosen ID (etcd's client-chosen watch_id); default: the next free one. */
  watchId?: number;
}

export interface WatchResponse {
  watchId: number;
  events: Event[];
  /** Every event of this watcher up to this revision has been delivered (0 on a compaction cancel). */
  revision: number;
  /** Set (with canceled) when the watcher's start revision was compacted. */
  compactRevision?: number;
  canceled?: boolean;
}

/**
 * Where a watcher's responses go. Return false when the consumer cannot take `resp` now: the store keeps
 * it and offers the same response again later (call `resume()` on the watcher to retry at once).
 * Must not call back into the store's write path.
 */
export type WatchSink = (resp: WatchResponse) => boolean;

export interface WatchableStoreOptions extends KvStoreOptions {
  /** Backend entries read per catch-up step. Default 1000. */
  syncChunkEntries?: number;
  /** Delay before offering a refused response again. Default 10 ms (etcd retries victims every 10 ms). */
  victimRetryMs?: number;
  /** Responses buffered by a watcher created without a sink. Default 128 (etcd's chanBufLen). */
  queueCapacity?: number;
}

type Place = 'synced' | 'unsynced' | 'victim' | 'canceled';

export class Watcher implements AsyncIterable<WatchResponse> {
  readonly id: number;
  readonly key: string;
  readonly end: KeyEnd;
  readonly prevKv: boolean;
  readonly noPut: boolean;
  readonly noDelete: boolean;
  /** The next revision this watcher must receive. */
  minRev: number;
  place: Place = 'synced';
  /** A response the sink refused, to offer again (victims only). */
  pending: WatchResponse | undefined;
  private readonly queue: WatchResponse[] = [];
  private readonly waiters: ((r: IteratorResult<WatchResponse>) => void)[] = [];
  readonly sink: WatchSink;

  constructor(
    private readonly store: WatchableStore,
    id: number,
    req: WatchRequest,
    minRev: number,
    sink: WatchSink | undefined,
    capacity: number,
  ) {
    this.id = id;
    this.key = toKey(req.key);
    const end = rangeEndOf(req.rangeEnd);
    this.end = end === undefined ? undefined : toKey(end);
    this.prevKv = req.prevKv ?? false;
    this.noPut = req.noPut ?? false;
    this.noDelete = req.noDelete ?? false;
    this.minRev = minRev;
    this.sink =
      sink ??
      ((resp) => {
        const waiter = this.waiters.shift();
        if (waiter) {
          waiter({ value: resp, done: false });
          return true;
        }
        if (this.queue.length >= capacity) return false;
        this.queue.push(resp);
        return true;
      });
  }

  /** Stops the watcher; a pending next() resolves as done. */
  cancel(): void {
    this.store.cancel(this);
    for (const w of this.waiters.splice(0)) w({ value: undefined, done: true });
  }

  /** Offers a refused response again now (the consumer has room). */
  resume(): void {
    this.store.kick();
  }

  /** For watchers without a sink: the next response (waits for one). */
  next(): Promise<IteratorResult<WatchResponse>> {
    const resp = this.queue.shift();
    if (resp !== undefined) {
      if (this.place === 'victim') this.store.kick();
      return Promise.resolve({ value: resp, done: false });
    }
    if (this.place === 'canceled') return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (this.place === 'victim') this.store.kick();
    });
  }

  /** Responses buffered and not yet taken (watchers without a sink). */
  buffered(): number {
    return this.queue.length;
  }

  [Symbol.asyncIterator](): AsyncIterator<WatchResponse> {
    return { next: () => this.next(), return: async () => (this.cancel(), { value: undefined, done: true }) };
  }

  matches(key: string): boolean {
    if (this.end === undefined) return key === this.key;
    return key >= this.key && (this.end === '' || key < this.end);
  }

  /**
   * Drops filtered events (etcd's filters); with prevKv, takes each event's form with its previous value
   * from `withPrev` (one object per event for every watcher of a delivery, so it is encoded once).
   */
  shape(events: readonly Event[], withPrev: (ev: Event) => Event): Event[] {
    const out: Event[] = [];
    for (const ev of events) {
      if (ev.type === EventType.PUT ? this.noPut : this.noDelete) continue;
      out.push(this.prevKv ? withPrev(ev) : ev);
    }
    return out;
  }
}

export class WatchableStore extends KvStore {
  private readonly synced = new WatcherGroup<Watcher>();
  private readonly unsynced = new Set<Watcher>();
  private readonly victims = new Set<Watcher>();
  private readonly byId = new Map<number, Watcher>();
  private nextId = 0;
  private readonly syncChunkEntries: number;
  private readonly victimRetryMs: number;
  private readonly queueCapacity: number;
  private immediate: NodeJS.Immediate | undefined;
  private timer: NodeJS.Timeout | undefined;
  private notifying = false;
  private readonly notifyQueue: [number, Event[]][] = [];
  private closed = false;

  constructor(backend: Backend, opts: WatchableStoreOptions = {}) {
    super(backend, opts);
    this.syncChunkEntries = opts.syncChunkEntries ?? 1000;
    this.victimRetryMs = opts.victimRetryMs ?? 10;
    this.queueCapacity = opts.queueCapacity ?? 128;
  }

  /**
   * Starts a watcher. With a sink, responses are pushed to it; without, take them with
   * `await watcher.next()` or `for await`. A start at or below the current revision catches up from
   * history first; a start at a compacted revision yields one response with compactRevision, canceled.
   */
  watch(req: WatchRequest, sink?: WatchSink): Watcher {
    if (this.closed) throw new Error('mvcc: watchable store closed');
    let id = req.watchId;
    if (id === undefined) {
      while (this.byId.has(this.nextId)) this.nextId++;
      id = this.nextId++;
    } else if (this.byId.has(id)) throw new Error(`mvcc: watch id ${id} in use`);
    const start = req.startRevision ?? 0;
    const cur = this.rev();
    const w = new Watcher(this, id, req, start <= 0 ? cur + 1 : start, sink, this.queueCapacity);
    this.byId.set(id, w);
    if (start <= 0 || start > cur) {
      w.place = 'synced';
      this.synced.add(w);
    } else {
      w.place = 'unsynced';
      this.unsynced.add(w);
      this.kick();
    }
    return w;
  }

  cancel(w: Watcher): void {
    if (w.place === 'canceled') return;
    if (w.place === 'synced') this.synced.delete(w);
    else if (w.place === 'unsynced') this.unsynced.delete(w);
    else this.victims.delete(w);
    w.place = 'canceled';
    w.pending = undefined;
    this.byId.delete(w.id);
  }

  watcher(id: number): Watcher | undefined {
    return this.byId.get(id);
  }

  /**
   * Tells a synced watcher the current revision (an empty response): all its events up to there were
   * delivered. Returns false (sends nothing) for a watcher still catching up, as etcd does.
   */
  progress(w: Watcher): boolean {
    if (w.place !== 'synced') return false;
    w.sink({ watchId: w.id, events: [], revision: this.rev() });
    return true;
  }

  /** Watchers per place (for metrics and tests). */
  stats(): { synced: number; unsynced: number; victims: number } {
    return { synced: this.synced.size, unsynced: this.unsynced.size, victims: this.victims.size };
  }

  protected override notify(rev: number, events: Event[]): void {
    this.notifyQueue.push([rev, events]);
    // A sink that writes would otherwise deliver revision r+1 to some watchers before r to others.
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let item = this.notifyQueue.shift(); item; item = this.notifyQueue.shift())
        this.deliver(item[0], item[1]);
    } finally {
      this.notifying = false;
    }
  }

  private deliver(rev: number, events: Event[]): void {
    if (this.synced.size === 0) return;
    if (events.length === 1) {
      this.deliverOne(rev, events[0]!);
      return;
    }
    const batches = new Map<Watcher, Event[]>();
    for (const ev of events) {
      this.synced.forEachMatch(toKey(ev.kv.key), (w) => {
        if (rev < w.minRev) return;
        const list = batches.get(w);
        if (list) list.push(ev);
        else batches.set(w, [ev]);
      });
    }
    const prev = this.withPrevKv();
    for (const [w, evs] of batches) {
      w.minRev = rev + 1;
      const shaped = w.shape(evs, prev);
      if (FAILPOINTS) skipWatchEvent(shaped);
      if (shaped.length === 0) continue;
      const resp: WatchResponse = { watchId: w.id, events: shaped, revision: rev };
      if (!w.sink(resp)) this.makeVictim(w, resp, 'synced');
    }
  }

  /**
   * deliver() for a revision with one event (every plain put or single-key delete): the watchers that take
   * it as it is share one events array (sinks only read it), so the transport can encode it once for all.
   */
  private deliverOne(rev: number, ev: Event): void {
    const matched: Watcher[] = [];
    this.synced.forEachMatch(toKey(ev.kv.key), (w) => {
      if (rev >= w.minRev) matched.push(w);
    });
    if (matched.length === 0) return;
    const put = ev.type === EventType.PUT;
    const plain = [ev];
    let withPrev: Event[] | undefined;
    for (const w of matched) {
      w.minRev = rev + 1;
      if (put ? w.noPut : w.noDelete) continue;
      let shaped = w.prevKv ? (withPrev ??= [this.withPrevKv()(ev)]) : plain;
      if (FAILPOINTS) {
        shaped = [...shaped];
        skipWatchEvent(shaped);
        if (shaped.length === 0) continue;
      }
      const resp: WatchResponse = { watchId: w.id, events: shaped, revision: rev };
      if (!w.sink(resp)) this.makeVictim(w, resp, 'synced');
    }
  }

  /** Gives each event its form with prevKv, made once per event (a fresh memo per delivery). */
  private withPrevKv(): (ev: Event) => Event {
    const memo = new Map<Event, Event>();
    return (ev) => {
      let out = memo.get(ev);
      if (out === undefined) {
        const p = this.prevKvOf(ev);
        out = p === undefined ? { type: ev.type, kv: ev.kv } : { type: ev.type, kv: ev.kv, prevKv: p };
        memo.set(ev, out);
      }
      return out;
    };
  }

  /**
   * The key's value just before the event (etcd's watch server reads at mod_revision - 1). None for a
   * creation, as etcd's isCreateEvent: a key deleted and re-created in one txn has a value at
   * mod_revision - 1, yet its PUT gets no prev_kv.
   */
  private prevKvOf(ev: Event): KeyValue | undefined {
    if (ev.type === EventType.PUT && ev.kv.createRevision === ev.kv.modRevision) return undefined;
    const rev = ev.kv.modRevision - 1;
    if (rev <= 0 || rev < this.compactRevision()) return undefined;
    try {
      return this.read().range(ev.kv.key, undefined, { rev }).kvs[0];
    } catch {
      return undefined;
    }
  }

  private makeVictim(w: Watcher, resp: WatchResponse, from: 'synced' | 'unsynced'): void {
    if (from === 'synced') this.synced.delete(w);
    else this.unsynced.delete(w);
    w.place = 'victim';
    w.pending = resp;
    this.victims.add(w);
    this.scheduleRetry();
  }

  /** Runs a background step soon (new unsynced watchers, or a consumer made room). */
  kick(): void {
    if (this.closed || this.immediate !== undefined) return;
    if (this.unsynced.size === 0 && this.victims.size === 0) return;
    this.immediate = setImmediate(() => {
      this.immediate = undefined;
      this.step();
    });
  }

  private scheduleRetry(): void {
    if (this.closed || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.step();
    }, this.victimRetryMs);
  }

  /** One background step: offer victims their response again, then one chunk of catch-up. */
  private step(): void {
    if (this.closed) return;
    let progressed = this.retryVictims();
    if (this.unsynced.size > 0) progressed = this.syncChunk() || progressed;
    if (this.unsynced.size > 0 && progressed) this.kick();
    else if (this.unsynced.size > 0 || this.victims.size > 0) this.scheduleRetry();
  }

  private retryVictims(): boolean {
    let progressed = false;
    for (const w of [...this.victims]) {
      const resp = w.pending!;
      if (!w.sink(resp)) continue;
      progressed = true;
      w.pending = undefined;
      this.victims.delete(w);
      if (resp.canceled) {
        this.finishCanceled(w);
        continue;
      }
      if (w.minRev <= this.rev()) {
        w.place = 'unsynced';
        this.unsynced.add(w);
      } else {
        w.place = 'synced';
        this.synced.add(w);
      }
    }
    return progressed;
  }

  private finishCanceled(w: Watcher): void {
    w.place = 'canceled';
    this.byId.delete(w.id);
    w.cancel();
  }

  /** Delivers one bounded chunk of history to the unsynced watchers. Returns whether anything moved. */
  private syncChunk(): boolean {
    const curRev = this.rev();
    const compactRev = this.compactRevision();
    const group = new WatcherGroup<Watcher>();
    let minRev = Infinity;
    let progressed = false;
    for (const w of [...this.unsynced]) {
      if (w.minRev < compactRev) {
        // Revision 0, as etcd's mvcc sends it (its gRPC header then carries revision 0 too).
        const resp: WatchResponse = {
          watchId: w.id,
          events: [],
          revision: 0,
          compactRevision: compactRev,
          canceled: true,
        };
        progressed = true;
        if (w.sink(resp)) {
          this.unsynced.delete(w);
          this.finishCanceled(w);
        } else this.makeVictim(w, resp, 'unsynced');
        continue;
      }
      if (w.minRev > curRev) {
        this.unsynced.delete(w);
        w.place = 'synced';
        this.synced.add(w);
        progressed = true;
        continue;
      }
      group.add(w);
      if (w.minRev < minRev) minRev = w.minRev;
    }
    if (group.size === 0) return progressed;
    const { events, lastRev } = this.readHistory(minRev, curRev, this.syncChunkEntries, (k) =>
      group.contains(k),
    );
    const perWatcher = new Map<Watcher, Event[]>();
    for (const ev of events) {
      group.forEachMatch(toKey(ev.kv.key), (w) => {
        if (ev.kv.modRevision < w.minRev) return;
        const list = perWatcher.get(w);
        if (list) list.push(ev);
        else perWatcher.set(w, [ev]);
      });
    }
    const prev = this.withPrevKv();
    for (const w of group) {
      if (w.minRev > lastRev) continue;
      progressed = true;
      w.minRev = lastRev + 1;
      const shaped = w.shape(perWatcher.get(w) ?? [], prev);
      if (shaped.length > 0) {
        const resp: WatchResponse = { watchId: w.id, events: shaped, revision: lastRev };
        if (!w.sink(resp)) {
          this.makeVictim(w, resp, 'unsynced');
          continue;
        }
      }
      if (w.minRev > curRev) {
        this.unsynced.delete(w);
        w.place = 'synced';
        this.synced.add(w);
      }
    }
    return progressed;
  }

  /** Stops background work and cancels every watcher; waits for compactions; commits. */
  override async close(): Promise<void> {
    this.closed = true;
    if (this.immediate) clearImmediate(this.immediate);
    if (this.timer) clearTimeout(this.timer);
    for (const w of [...this.byId.values()]) w.cancel();
    await super.close();
  }
}
