// One remote member as seen by the sender: a long-lived HTTP/2 stream carrying this member's raft
// messages to it in order, a bounded queue in front of it, reconnects with backoff, and a separate
// request per snapshot. (etcd's rafthttp peer: stream writer + pipeline + snapshot sender.)
import { constants as h2c } from 'node:http2';
import type { ClientHttp2Session, ClientHttp2Stream, OutgoingHttpHeaders } from 'node:http2';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dialPeer } from './dial.ts';
import { encodeFrames } from './frame.ts';
import { keepAlive } from './keepalive.ts';
import {
  HEADER_CLUSTER_ID,
  HEADER_FROM,
  HEADER_SERVER_VERSION,
  HEADER_SNAPSHOT_SIZE,
  HEADER_TO,
  MAX_REQUEST_BYTES,
  PATH_SNAPSHOT,
  PATH_STREAM,
  SERVER_VERSION,
  hex,
} from './protocol.ts';
import type { PeerReply, PeerStats, PeerTlsOptions, TransportLimits, TransportLogger } from './types.ts';

/** Bulk snapshot data: a stream (file, db snapshot), any async iterable of bytes, or one buffer. */
export type SnapshotData = Readable | AsyncIterable<Uint8Array> | Uint8Array;

/** Pieces a buffer is cut into on upload, so HTTP/2 flow control can pace it. */
const SNAPSHOT_CHUNK_BYTES = 256 * 1024;
/** Bytes of a refusal's body kept for the log. */
const REFUSAL_TEXT_BYTES = 512;
const DROP_LOG_INTERVAL_MS = 1000;

export interface PeerContext {
  localId: bigint;
  clusterId: bigint;
  tls: PeerTlsOptions | undefined;
  limits: TransportLimits;
  logger: TransportLogger;
  /** Report the peer unreachable to raft on a later turn (deduplicated by the transport). */
  unreachable(id: bigint): void;
  removedFromCluster(byPeer: bigint): void;
}

export class SnapshotRefusedError extends Error {
  override name = 'SnapshotRefusedError';
  constructor(
    readonly status: number,
    text: string,
  ) {
    super(`peer answered ${status}: ${text.trim()}`);
  }
}

/** The peer cannot be asked now (its link is down or still connecting); the caller may retry later. */
export class PeerUnavailableError extends Error {
  override name = 'PeerUnavailableError';
}

type LinkState = 'connecting' | 'active' | 'down' | 'closed';

export class Peer {
  private urls: URL[];
  private urlIndex = 0;
  /**
   * connecting: first dial, messages queue up; active: the stream is accepted and drains the queue;
   * down: the last attempt failed, messages are dropped at once (they would be stale by the time the
   * link is back, and raft resends what matters) until a dial succeeds; closed: removed or shut down.
   */
  private state: LinkState = 'connecting';
  private session: ClientHttp2Session | undefined;
  private stream: ClientHttp2Stream | undefined;
  private refusal: { status: number; text: string } | undefined;
  private since: Date | undefined;
  private dialTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private backoffMs: number;
  /** What the last failure logged, so a peer that stays down does not flood the log. */
  private lastFailureLog = '';

  private queue: Uint8Array[] = [];
  private head = 0;
  private flushScheduled = false;
  private droppedSinceLog = 0;
  private lastDropLogAt = 0;

  private readonly snapshotSessions = new Set<ClientHttp2Session>();
  private readonly counters = {
    sentMessages: 0,
    sentBytes: 0,
    droppedMessages: 0,
    queuedBytes: 0,
    receivedMessages: 0,
    receivedBytes: 0,
  };

  constructor(
    readonly id: bigint,
    urls: readonly string[],
    private readonly ctx: PeerContext,
  ) {
    this.urls = parseUrls(urls);
    this.backoffMs = ctx.limits.minBackoffMs;
    this.dial();
  }

  get peerUrls(): string[] {
    return this.urls.map((u) => u.href);
  }

  /** When the outgoing stream was last accepted; undefined while it is not. */
  activeSince(): Date | undefined {
    return this.since;
  }

  stats(): PeerStats {
    return {
      ...this.counters,
      queuedMessages: this.queue.length - this.head,
      bufferedBytes: this.stream?.writableLength ?? 0,
    };
  }

  countReceived(bytes: number): void {
    this.counters.receivedMessages++;
    this.counters.receivedBytes += bytes;
  }

  /**
   * Queues one encoded message. Returns false when it was dropped (queue full or link down). The queue
   * is written out on the next turn, or at once by flushNow().
   */
  enqueue(payload: Uint8Array): boolean {
    if (this.state === 'down' || this.state === 'closed') return this.drop();
    const n = this.queue.length - this.head;
    const { maxQueuedMessages, maxQueuedBytes } = this.ctx.limits;
    if (n >= maxQueuedMessages || (n > 0 && this.counters.queuedBytes + payload.length > maxQueuedBytes)) {
      return this.drop();
    }
    this.queue.push(payload);
    this.counters.queuedBytes += payload.length;
    if (this.state === 'active' && !this.flushScheduled) {
      this.flushScheduled = true;
      // Everything raft hands out during this turn goes out as one write.
      setImmediate(() => this.flush());
    }
    return true;
  }

  private drop(): false {
    this.counters.droppedMessages++;
    this.droppedSinceLog++;
    const now = Date.now();
    if (now - this.lastDropLogAt >= DROP_LOG_INTERVAL_MS) {
      this.ctx.logger.warn(
        { 'remote-peer-id': hex(this.id), dropped: this.droppedSinceLog, state: this.state },
        this.state === 'active' || this.state === 'connecting'
          ? 'dropped internal raft messages: sending buffer is full (overloaded network)'
          : 'dropped internal raft messages: peer is unreachable',
      );
      this.lastDropLogAt = now;
      this.droppedSinceLog = 0;
    }
    return false;
  }

  /**
   * Writes what is queued now. node:http2 puts stream writes on the socket from a native immediate, so a
   * write made during this turn leaves at the start of the next loop iteration; one deferred to
   * setImmediate would wait a whole iteration more (every client request read in between).
   */
  flushNow(): void {
    if (this.state === 'active' && this.head < this.queue.length) this.flush();
  }

  private flush(): void {
    this.flushScheduled = false;
    const stream = this.stream;
    if (this.state !== 'active' || stream === undefined) return;
    const maxBatch = this.ctx.limits.maxBatchBytes;
    while (this.head < this.queue.length) {
      // Back-pressure: stop at the stream's high-water mark; 'drain' calls flush again.
      if (stream.writableNeedDrain) break;
      const start = this.head;
      let bytes = 0;
      while (this.head < this.queue.length) {
        const len = this.queue[this.head]!.length;
        if (this.head > start && bytes + len > maxBatch) break;
        bytes += len;
        this.head++;
      }
      const batch = this.queue.slice(start, this.head);
      for (let i = start; i < this.head; i++) this.queue[i] = EMPTY;
      this.counters.queuedBytes -= bytes;
      const buf = encodeFrames(batch);
      stream.write(buf);
      this.counters.sentMessages += batch.length;
      this.counters.sentBytes += buf.length;
    }
    this.compactQueue();
  }

  private compactQueue(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private dropQueue(): void {
    const n = this.queue.length - this.head;
    this.counters.droppedMessages += n;
    this.counters.queuedBytes = 0;
    this.queue = [];
    this.head = 0;
  }

  private headers(path: string): OutgoingHttpHeaders {
    return {
      ':method': 'POST',
      ':path': path,
      [HEADER_CLUSTER_ID]: hex(this.ctx.clusterId),
      [HEADER_FROM]: hex(this.ctx.localId),
      [HEADER_TO]: hex(this.id),
      [HEADER_SERVER_VERSION]: SERVER_VERSION,
    };
  }

  private currentUrl(): URL {
    return this.urls[this.urlIndex % this.urls.length]!;
  }

  private dial(): void {
    this.retryTimer = undefined;
    if (this.state === 'closed') return;
    const url = this.currentUrl();
    this.refusal = undefined;
    let session: ClientHttp2Session;
    try {
      session = dialPeer(url, this.ctx.tls, this.ctx.limits);
    } catch (e) {
      this.session = undefined;
      this.onFailure(`cannot dial ${url.origin}: ${(e as Error).message}`);
      return;
    }
    this.session = session;
    this.dialTimer = setTimeout(
      () => this.fail(session, `no answer within ${this.ctx.limits.dialTimeoutMs} ms`),
      this.ctx.limits.dialTimeoutMs,
    );
    session.on('error', (err) => this.fail(session, err.message));
    session.on('close', () => this.fail(session, 'connection closed'));
    const stream = session.request(this.headers(PATH_STREAM), { endStream: false });
    this.stream = stream;
    stream.on('response', (headers) => {
      clearTimeout(this.dialTimer);
      const status = Number(headers[':status']);
      if (status === 200) {
        // Nothing comes back on an accepted stream; reading lets its end be noticed.
        stream.resume();
        this.onActive(session, url);
        return;
      }
      this.refusal = { status, text: '' };
      stream.setEncoding('utf8');
      stream.on('data', (text: string) => {
        const r = this.refusal;
        if (r !== undefined && r.text.length < REFUSAL_TEXT_BYTES) r.text += text;
      });
    });
    stream.on('end', () => this.fail(session, 'stream ended by peer'));
    stream.on('drain', () => this.flush());
    stream.on('error', (err) => this.fail(session, err.message));
    stream.on('close', () => this.fail(session, 'stream closed'));
  }

  private onActive(session: ClientHttp2Session, url: URL): void {
    if (session !== this.session || this.state === 'closed') return;
    const wasDown = this.state === 'down';
    this.state = 'active';
    this.since = new Date();
    this.backoffMs = this.ctx.limits.minBackoffMs;
    this.lastFailureLog = '';
    this.ctx.logger.info(
      { 'remote-peer-id': hex(this.id), url: url.origin },
      wasDown ? 'peer became active' : 'established stream with remote peer',
    );
    const { pingIntervalMs, readTimeoutMs } = this.ctx.limits;
    keepAlive(session, pingIntervalMs, readTimeoutMs, () =>
      this.fail(session, `no answer to ping within ${readTimeoutMs} ms`),
    );
    this.flush();
  }

  /** Ends the current attempt or connection (idempotent per session) and schedules the next dial. */
  private fail(session: ClientHttp2Session, reason: string): void {
    if (session !== this.session || this.state === 'closed') return;
    this.teardown();
    this.onFailure(reason);
  }

  private teardown(): void {
    clearTimeout(this.dialTimer);
    this.dialTimer = undefined;
    const session = this.session;
    this.session = undefined;
    this.stream = undefined;
    this.since = undefined;
    session?.destroy();
  }

  private onFailure(reason: string): void {
    const wasActive = this.state === 'active';
    this.state = 'down';
    this.dropQueue();
    this.logFailure(reason, wasActive);
    this.ctx.unreachable(this.id);
    this.urlIndex++;
    this.retryTimer = setTimeout(() => this.dial(), this.backoffMs);
    this.retryTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, this.ctx.limits.maxBackoffMs);
  }

  private logFailure(reason: string, wasActive: boolean): void {
    const log = this.ctx.logger;
    const fields = { 'remote-peer-id': hex(this.id), 'local-member-id': hex(this.ctx.localId) };
    const r = this.refusal;
    if (r !== undefined) {
      const text = r.text.trim();
      const key = `${r.status} ${text}`;
      if (key === this.lastFailureLog) return;
      this.lastFailureLog = key;
      if (r.status === 410) this.ctx.removedFromCluster(this.id);
      if (r.status === 412 && text.includes('cluster ID mismatch')) {
        log.error(
          { ...fields, 'local-cluster-id': hex(this.ctx.clusterId), status: r.status },
          'request sent was ignored by remote peer due to cluster ID mismatch',
        );
      } else if (r.status === 410) {
        log.error(
          { ...fields, status: r.status },
          'this member has been permanently removed from the cluster',
        );
      } else {
        log.warn({ ...fields, status: r.status, error: text }, 'remote peer refused the stream');
      }
      return;
    }
    if (wasActive) {
      log.warn({ ...fields, error: reason }, 'lost stream with remote peer');
      this.lastFailureLog = reason;
    } else if (reason !== this.lastFailureLog) {
      log.debug({ ...fields, error: reason }, 'failed to dial remote peer');
      this.lastFailureLog = reason;
    }
  }

  /** New peer URLs (member update): reconnect at once if the current one is gone. */
  update(urls: readonly string[]): void {
    const next = parseUrls(urls);
    const current = this.currentUrl().href;
    this.urls = next;
    const idx = next.findIndex((u) => u.href === current);
    if (idx >= 0) {
      this.urlIndex = idx;
      return;
    }
    this.urlIndex = 0;
    if (this.state === 'closed') return;
    this.teardown();
    clearTimeout(this.retryTimer);
    this.backoffMs = this.ctx.limits.minBackoffMs;
    this.state = 'connecting';
    this.dial();
  }

  /**
   * One unary POST on the session that carries the message stream (no dial of its own: a follower's
   * lease keepalives reuse the link raft keeps warm). Rejects with PeerUnavailableError when the link
   * is not up, and on a timeout or a broken stream; any HTTP status resolves.
   */
  request(path: string, body: Uint8Array, timeoutMs: number): Promise<PeerReply> {
    const session = this.session;
    if (this.state !== 'active' || session === undefined || session.destroyed) {
      return Promise.reject(new PeerUnavailableError(`peer ${hex(this.id)} is not connected`));
    }
    return new Promise<PeerReply>((resolve, reject) => {
      let req: ClientHttp2Stream;
      try {
        req = session.request(this.headers(path), { endStream: false });
      } catch (e) {
        reject(new PeerUnavailableError((e as Error).message));
        return;
      }
      let settled = false;
      let status = 0;
      const parts: Buffer[] = [];
      let size = 0;
      const finish = (err: Error | undefined): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (err !== undefined) {
          if (!req.destroyed) req.close(h2c.NGHTTP2_CANCEL);
          reject(err);
        } else resolve({ status, body: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size) });
      };
      const timer = setTimeout(
        () => finish(new PeerUnavailableError(`peer ${hex(this.id)} did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      req.on('response', (h) => {
        status = Number(h[':status']);
      });
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REQUEST_BYTES) finish(new Error(`peer answer larger than ${MAX_REQUEST_BYTES} bytes`));
        else parts.push(chunk);
      });
      req.on('end', () => finish(status === 0 ? new PeerUnavailableError('no answer') : undefined));
      req.on('error', (e) => finish(new PeerUnavailableError(e.message)));
      req.on('close', () => {
        if (!settled) finish(new PeerUnavailableError('stream closed before the peer answered'));
      });
      req.end(body);
    });
  }

  /**
   * Uploads a MsgSnap (already encoded) followed by its bulk data on a connection of its own, so a
   * long transfer neither waits behind nor delays the message stream. Resolves once the receiver
   * has saved the data and handed the message to raft.
   */
  sendSnapshot(
    msgBytes: Uint8Array,
    data: SnapshotData | undefined,
    size: number | undefined,
  ): Promise<void> {
    if (this.state === 'closed') return Promise.reject(new Error('peer removed'));
    const url = this.currentUrl();
    const limits = this.ctx.limits;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      let session: ClientHttp2Session | undefined;
      const timers: { save?: NodeJS.Timeout } = {};
      const finish = (err?: Error): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timers.save);
        if (session !== undefined) {
          this.snapshotSessions.delete(session);
          session.destroy();
        }
        if (err === undefined) resolve();
        else reject(err);
      };
      try {
        session = dialPeer(url, this.ctx.tls, limits);
      } catch (e) {
        finish(e as Error);
        return;
      }
      const s = session;
      this.snapshotSessions.add(s);
      s.on('error', (err) => finish(err));
      s.on('close', () => finish(new Error('connection closed')));
      // While the receiver saves the data no frame flows: pings tell a slow save from a dead peer.
      keepAlive(s, limits.pingIntervalMs, limits.readTimeoutMs, () =>
        finish(new Error('peer stopped answering pings')),
      );
      const headers = this.headers(PATH_SNAPSHOT);
      if (size !== undefined) headers[HEADER_SNAPSHOT_SIZE] = String(size);
      const req = s.request(headers, { endStream: false });
      const idle = limits.snapshotIdleTimeoutMs;
      req.setTimeout(idle, () => finish(new Error(`snapshot upload made no progress for ${idle} ms`)));
      let status = 0;
      let text = '';
      req.on('response', (h) => {
        status = Number(h[':status']);
      });
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        if (text.length < REFUSAL_TEXT_BYTES) text += chunk;
      });
      req.on('end', () => {
        if (status >= 200 && status < 300) finish();
        else finish(new SnapshotRefusedError(status, text));
      });
      req.on('error', (err) => finish(err));
      req.on('close', () => finish(new Error('stream closed before the peer answered')));
      pipeline(Readable.from(snapshotBody(msgBytes, data), { objectMode: false }), req).then(
        () => {
          // Uploaded; the receiver now saves it (fsync of a large file may take a while).
          req.setTimeout(0);
          const wait = limits.snapshotSaveTimeoutMs;
          timers.save = setTimeout(
            () => finish(new Error(`peer did not confirm the snapshot within ${wait} ms`)),
            wait,
          );
        },
        (e: Error) => {
          // An early refusal also cuts the upload; its status, read on 'end', is the better error.
          if (status === 0) finish(e);
        },
      );
    });
  }

  close(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.retryTimer);
    this.teardown();
    this.dropQueue();
    for (const s of this.snapshotSessions) s.destroy();
    this.snapshotSessions.clear();
  }
}

const EMPTY = new Uint8Array(0);

async function* snapshotBody(
  msgBytes: Uint8Array,
  data: SnapshotData | undefined,
): AsyncGenerator<Uint8Array> {
  yield encodeFrames([msgBytes]);
  if (data === undefined) return;
  if (data instanceof Uint8Array) {
    for (let at = 0; at < data.length; at += SNAPSHOT_CHUNK_BYTES) {
      yield data.subarray(at, at + SNAPSHOT_CHUNK_BYTES);
    }
    return;
  }
  for await (const chunk of data) yield chunk;
}

function parseUrls(urls: readonly string[]): URL[] {
  if (urls.length === 0) throw new Error('a peer needs at least one URL');
  return urls.map((u) => new URL(u));
}
