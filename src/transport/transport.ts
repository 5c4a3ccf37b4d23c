// The peer transport: raft messages and snapshots between the members of one cluster over the peer
// port (etcd's rafthttp, with a wire of our own). The raft driver hands every Ready's messages to
// send(), which never blocks: each peer has an ordered, bounded queue drained by one long-lived HTTP/2
// stream; MsgSnap travels on a request of its own. Incoming traffic is checked (cluster, sender,
// target) and handed to onMessage / onSnapshot.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as h2c } from 'node:http2';
import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';
import { Readable } from 'node:stream';
import { decodeMessage, encodeMessage } from '../api/raft-codec.ts';
import { decodeRaftMessage, encodeRaftMessage } from './message-codec.ts';
import { MessageType } from '../api/raft-types.ts';
import type { Message } from '../api/raft-types.ts';
import { FrameDecoder, FRAME_HEADER_BYTES } from './frame.ts';
import { Peer, PeerUnavailableError } from './peer.ts';
import type { SnapshotData } from './peer.ts';
import { startPeerServer } from './peer-server.ts';
import type { PeerServer } from './peer-server.ts';
import {
  CLUSTER_VERSION,
  HEADER_CLUSTER_ID,
  HEADER_FROM,
  HEADER_SNAPSHOT_SIZE,
  HEADER_TO,
  MAX_REQUEST_BYTES,
  PATH_MEMBERS,
  PATH_SNAPSHOT,
  PATH_STREAM,
  PATH_VERSION,
  Refusal,
  SERVER_VERSION,
  hex,
  parseIdHex,
} from './protocol.ts';
import { defaultLimits, silentLogger } from './types.ts';
import type { PeerReply, PeerStats, TransportLimits, TransportLogger, TransportOptions } from './types.ts';

export class Transport {
  readonly memberId: bigint;
  readonly clusterId: bigint;
  private readonly opts: TransportOptions;
  private readonly limits: TransportLimits;
  private readonly log: TransportLogger;
  private readonly peers = new Map<bigint, Peer>();
  /** Members removed from the cluster: their connections are refused with 410 from then on. */
  private readonly removed = new Set<bigint>();
  /** Incoming message streams by sender, so removing a member also cuts what it sends us. */
  private readonly inbound = new Map<bigint, Set<ServerHttp2Stream>>();
  private server: PeerServer | undefined;
  private closed = false;
  private pendingUnreachable = new Set<bigint>();
  private unreachableScheduled = false;

  constructor(opts: TransportOptions) {
    if (opts.memberId === 0n) throw new Error('transport: member ID must not be 0');
    this.opts = opts;
    this.memberId = opts.memberId;
    this.clusterId = opts.clusterId;
    this.limits = { ...defaultLimits, ...opts.limits };
    if (this.limits.pingIntervalMs >= this.limits.readTimeoutMs) {
      throw new Error('transport: pingIntervalMs must be shorter than readTimeoutMs');
    }
    this.log = opts.logger ?? silentLogger;
  }

  /** Starts listening; returns the bound addresses (with the real port when 0 was asked for). */
  async start(): Promise<URL[]> {
    if (this.server !== undefined) return this.server.addresses;
    if (this.closed) throw new Error('transport is closed');
    this.server = await startPeerServer(this.opts.listenUrls, this.opts.tls, this.limits, this.log, {
      onStream: (stream, headers) => this.onStream(stream, headers),
      onHttp1: (req, res) => this.onHttp1(req, res),
    });
    for (const a of this.server.addresses) {
      this.log.info({ 'local-member-id': hex(this.memberId), address: a.origin }, 'serving peer traffic');
    }
    return this.server.addresses;
  }

  // ------------------------------------------------------------------ members

  /** Starts talking to a member (or updates its URLs if it is known). */
  addPeer(id: bigint, urls: readonly string[]): void {
    if (this.closed || id === this.memberId) return;
    const existing = this.peers.get(id);
    if (existing !== undefined) {
      existing.update(urls);
      return;
    }
    this.removed.delete(id);
    this.peers.set(
      id,
      new Peer(id, urls, {
        localId: this.memberId,
        clusterId: this.clusterId,
        tls: this.opts.tls,
        limits: this.limits,
        logger: this.log,
        unreachable: (peer) => this.reportUnreachableLater(peer),
        removedFromCluster: (by) => {
          if (!this.closed) this.opts.onRemovedFromCluster?.(by);
        },
      }),
    );
    this.log.info({ 'remote-peer-id': hex(id), 'remote-peer-urls': urls }, 'added remote peer');
  }

  updatePeer(id: bigint, urls: readonly string[]): void {
    const p = this.peers.get(id);
    if (p === undefined) throw new Error(`transport: unknown peer ${hex(id)}`);
    p.update(urls);
  }

  /** The member left the cluster: stop sending to it and refuse what it sends from now on. */
  removePeer(id: bigint): void {
    const p = this.peers.get(id);
    this.peers.delete(id);
    this.removed.add(id);
    p?.close();
    for (const s of this.inbound.get(id) ?? []) s.close(h2c.NGHTTP2_CANCEL);
    this.inbound.delete(id);
    if (p !== undefined) this.log.info({ 'remote-peer-id': hex(id) }, 'removed remote peer');
  }

  hasPeer(id: bigint): boolean {
    return this.peers.has(id);
  }

  /** Since when the stream to `id` has been up (for health); undefined while it is down. */
  activeSince(id: bigint): Date | undefined {
    return this.peers.get(id)?.activeSince();
  }

  stats(id: bigint): PeerStats | undefined {
    return this.peers.get(id)?.stats();
  }

  // ------------------------------------------------------------------ sending

  /**
   * Hands a Ready's messages to the peers. Never blocks and never calls back synchronously: a message
   * that cannot be queued (peer down, queue full) is dropped and its target reported unreachable on a
   * later turn. MsgSnap goes through sendSnapshot with no bulk data.
   */
  send(messages: readonly Message[]): void {
    if (this.closed) return;
    let touched: Peer | Peer[] | undefined;
    for (const m of messages) {
      if (m.to === 0n || m.to === this.memberId) continue;
      if (m.type === MessageType.MsgSnap) {
        void this.sendSnapshot(m);
        continue;
      }
      const peer = this.peers.get(m.to);
      if (peer === undefined) {
        this.log.debug({ 'remote-peer-id': hex(m.to), type: m.type }, 'ignored message to an unknown peer');
        continue;
      }
      // Encoded now: raft may reuse its objects once the Ready is advanced.
      if (!peer.enqueue(encodeRaftMessage(m))) this.reportUnreachableLater(m.to);
      else if (touched === undefined) touched = peer;
      else if (touched !== peer) {
        if (!Array.isArray(touched)) touched = [touched];
        if (!touched.includes(peer)) touched.push(peer);
      }
    }
    // All of this Ready's messages are queued: write them now, one write per peer, rather than a turn later.
    if (touched === undefined) return;
    if (Array.isArray(touched)) for (const p of touched) p.flushNow();
    else touched.flushNow();
  }

  /**
   * Sends a MsgSnap and the bulk data behind it (the state machine's snapshot: a stream with back-
   * pressure, or a buffer) on a request of its own. reportSnapshot(to, failed) follows exactly once,
   * on a later turn; on failure reportUnreachable too. The returned promise (true = delivered) never
   * rejects; the raft driver need not wait for it. `size` (bytes of data) lets the receiver detect a
   * truncated upload when data is a stream.
   */
  sendSnapshot(m: Message, data?: SnapshotData, size?: number): Promise<boolean> {
    const to = m.to;
    const peer = this.peers.get(to);
    const bytes = data instanceof Uint8Array ? data.length : size;
    const started = Date.now();
    const fields = { 'remote-peer-id': hex(to), 'snapshot-index': m.snapshot?.metadata.index ?? 0 };
    const attempt =
      peer === undefined
        ? Promise.reject(new Error('unknown peer'))
        : (async () => peer.sendSnapshot(encodeMessage(m), data, bytes))();
    this.log.info({ ...fields, 'size-bytes': bytes }, 'sending database snapshot');
    return attempt.then(
      () => {
        this.log.info(
          { ...fields, 'size-bytes': bytes, took: `${Date.now() - started}ms` },
          'sent database snapshot',
        );
        if (!this.closed) this.opts.reportSnapshot(to, false);
        return true;
      },
      (e: Error) => {
        this.log.warn({ ...fields, error: e.message }, 'failed to send database snapshot');
        if (!this.closed) {
          this.opts.reportSnapshot(to, true);
          this.opts.reportUnreachable(to);
        }
        return false;
      },
    );
  }

  private reportUnreachableLater(id: bigint): void {
    this.pendingUnreachable.add(id);
    if (this.unreachableScheduled) return;
    this.unreachableScheduled = true;
    setImmediate(() => {
      this.unreachableScheduled = false;
      const ids = this.pendingUnreachable;
      this.pendingUnreachable = new Set();
      if (this.closed) return;
      for (const id of ids) {
        // A peer removed in the meantime is no longer raft's business.
        if (this.peers.has(id)) this.opts.reportUnreachable(id);
      }
    });
  }

  /**
   * A unary POST to member `to` over the session of its message stream (lease forwarding). Rejects
   * with PeerUnavailableError when the member is unknown, its link is down, or it does not answer in
   * time; otherwise resolves with whatever status it answered.
   */
  request(to: bigint, path: string, body: Uint8Array, timeoutMs: number): Promise<PeerReply> {
    const peer = this.closed ? undefined : this.peers.get(to);
    if (peer === undefined) return Promise.reject(new PeerUnavailableError(`unknown peer ${hex(to)}`));
    return peer.request(path, body, timeoutMs);
  }

  // ------------------------------------------------------------------ receiving

  private onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    const method = headers[':method'];
    const path = (headers[':path'] ?? '').split('?')[0];
    if (path === PATH_STREAM && method === 'POST') return this.acceptMessageStream(stream, headers);
    if (path === PATH_SNAPSHOT && method === 'POST') return void this.acceptSnapshot(stream, headers);
    if (method === 'POST' && path !== undefined && this.opts.requestPaths?.includes(path) === true) {
      return void this.acceptRequest(stream, headers, path);
    }
    const info = method === 'GET' ? this.infoBody(path ?? '') : undefined;
    if (info !== undefined) {
      stream.respond({
        ':status': 200,
        'content-type': 'application/json',
        [HEADER_CLUSTER_ID]: hex(this.clusterId),
      });
      stream.end(info);
      return;
    }
    stream.respond({ ':status': 404, 'content-type': 'text/plain; charset=utf-8' });
    stream.end('404 page not found\n');
  }

  private onHttp1(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const info = req.method === 'GET' ? this.infoBody(path) : undefined;
    if (info === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n');
      return;
    }
    // Like etcd, peer HTTP answers name the cluster (a joining member learns the cluster ID from /members).
    res
      .writeHead(200, { 'content-type': 'application/json', 'x-etcd-cluster-id': hex(this.clusterId) })
      .end(info);
  }

  private infoBody(path: string): string | undefined {
    if (path === PATH_VERSION) {
      return JSON.stringify(
        this.opts.version?.() ?? { etcdserver: SERVER_VERSION, etcdcluster: CLUSTER_VERSION },
      );
    }
    if (path === PATH_MEMBERS) return JSON.stringify(this.opts.members?.() ?? []);
    return undefined;
  }

  /** etcd's checks on every raft request: same cluster, meant for this member, from a known, live member. */
  private check(headers: IncomingHttpHeaders, what: string): { from: bigint } | Refusal {
    const fromText = headers[HEADER_FROM];
    const fields = {
      'local-member-id': hex(this.memberId),
      'remote-peer-id': typeof fromText === 'string' ? fromText : '',
    };
    const cid = headers[HEADER_CLUSTER_ID];
    if (cid !== hex(this.clusterId)) {
      this.log.warn(
        {
          ...fields,
          'local-member-cluster-id': hex(this.clusterId),
          'remote-peer-cluster-id': String(cid ?? ''),
        },
        `refused ${what}: request cluster ID mismatch`,
      );
      return Refusal.clusterMismatch;
    }
    const from = parseIdHex(fromText);
    if (from === undefined) return Refusal.badFrom;
    if (this.removed.has(from)) {
      this.log.warn(fields, `refused ${what} from a removed member`);
      return Refusal.removed;
    }
    if (headers[HEADER_TO] !== hex(this.memberId)) {
      this.log.warn(
        { ...fields, 'remote-peer-id-header': String(headers[HEADER_TO] ?? '') },
        `refused ${what}: ID mismatch`,
      );
      return Refusal.toMismatch;
    }
    if (!this.peers.has(from)) {
      this.log.warn(fields, `refused ${what}: sender is not a known member`);
      return Refusal.unknownSender;
    }
    return { from };
  }

  private refuse(stream: ServerHttp2Stream, r: Refusal): void {
    if (stream.destroyed) return;
    if (!stream.headersSent)
      stream.respond({ ':status': r.status, 'content-type': 'text/plain; charset=utf-8' });
    stream.end(r.text + '\n');
  }

  private acceptMessageStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
    const ok = this.check(headers, 'message stream');
    if ('status' in ok) return this.refuse(stream, ok);
    const from = ok.from;
    let set = this.inbound.get(from);
    if (set === undefined) this.inbound.set(from, (set = new Set()));
    set.add(stream);
    stream.once('close', () => {
      const s = this.inbound.get(from);
      s?.delete(stream);
      if (s?.size === 0) this.inbound.delete(from);
    });
    stream.respond({ ':status': 200 });
    const decoder = new FrameDecoder(this.limits.maxMessageBytes);
    const onFrame = (payload: Buffer): void => {
      const m = decodeRaftMessage(payload);
      this.peers.get(from)?.countReceived(payload.length + FRAME_HEADER_BYTES);
      if (m.to !== this.memberId) return;
      this.deliver(m);
    };
    stream.on('data', (chunk: Buffer) => {
      if (this.closed) return;
      try {
        decoder.push(chunk, onFrame);
      } catch (e) {
        this.log.warn(
          { 'remote-peer-id': hex(from), error: (e as Error).message },
          'closing a corrupt message stream',
        );
        stream.close(h2c.NGHTTP2_PROTOCOL_ERROR);
      }
    });
  }

  private deliver(m: Message): void {
    if (this.closed) return;
    try {
      this.opts.onMessage(m);
    } catch (e) {
      this.log.error(
        { 'remote-peer-id': hex(m.from), error: (e as Error).message },
        'failed to process raft message',
      );
    }
  }

  /** A unary request (lease forwarding): read the body, ask the owner, answer. */
  private async acceptRequest(
    stream: ServerHttp2Stream,
    headers: IncomingHttpHeaders,
    path: string,
  ): Promise<void> {
    const ok = this.check(headers, 'request');
    if ('status' in ok) return this.refuse(stream, ok);
    const handler = this.opts.onRequest;
    let reply: PeerReply;
    try {
      const parts: Buffer[] = [];
      let size = 0;
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_REQUEST_BYTES) throw new Error(`request larger than ${MAX_REQUEST_BYTES} bytes`);
        parts.push(chunk);
      }
      if (handler === undefined || this.closed) throw new Error('not serving requests');
      reply = await handler(path, Buffer.concat(parts, size), ok.from);
    } catch (e) {
      reply = { status: 500, body: Buffer.from((e as Error).message) };
    }
    if (stream.destroyed || stream.headersSent) return;
    stream.respond({ ':status': reply.status });
    stream.end(reply.body);
  }

  private async acceptSnapshot(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Promise<void> {
    const ok = this.check(headers, 'snapshot');
    if ('status' in ok) return this.refuse(stream, ok);
    const from = ok.from;
    const sizeHeader = headers[HEADER_SNAPSHOT_SIZE];
    const expected =
      typeof sizeHeader === 'string' && /^\d+$/.test(sizeHeader) ? Number(sizeHeader) : undefined;
    const fields = { 'remote-peer-id': hex(from) };
    try {
      const it = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const head = await readExactly(it, FRAME_HEADER_BYTES, Buffer.alloc(0));
      const len = head.readUInt32BE(0);
      if (len > this.limits.maxMessageBytes) throw new Error(`snapshot message of ${len} bytes is too large`);
      const whole = await readExactly(it, FRAME_HEADER_BYTES + len, head);
      const m = decodeMessage(whole.subarray(FRAME_HEADER_BYTES, FRAME_HEADER_BYTES + len));
      if (m.type !== MessageType.MsgSnap || m.to !== this.memberId)
        throw new Error('not a MsgSnap for this member');
      const index = m.snapshot?.metadata.index ?? 0;
      this.log.info(
        { ...fields, 'snapshot-index': index, 'size-bytes': expected },
        'receiving database snapshot',
      );
      const leftover = whole.subarray(FRAME_HEADER_BYTES + len);
      let received = 0;
      const body = async function* (): AsyncGenerator<Buffer> {
        if (leftover.length > 0) {
          received += leftover.length;
          yield leftover;
        }
        for (;;) {
          const r = await it.next();
          if (r.done === true) break;
          received += r.value.length;
          yield r.value;
        }
        if (expected !== undefined && received !== expected) {
          throw new Error(`snapshot data truncated: ${received} of ${expected} bytes`);
        }
      };
      const data = Readable.from(body(), { objectMode: false });
      const save = this.opts.onSnapshot ?? drain;
      await save(m, data);
      // Whatever the owner left unread still has to arrive whole before the transfer counts.
      if (!data.destroyed) for await (const _ of data) void _;
      if (expected !== undefined && received !== expected) {
        throw new Error(`snapshot data truncated: ${received} of ${expected} bytes`);
      }
      if (this.closed) throw new Error('transport closed');
      this.log.info(
        { ...fields, 'snapshot-index': index, 'size-bytes': received },
        'received database snapshot',
      );
      this.deliver(m);
      if (!stream.destroyed) {
        stream.respond({ ':status': 204 });
        stream.end();
      }
    } catch (e) {
      const msg = (e as Error).message;
      this.log.warn({ ...fields, error: msg }, 'failed to receive database snapshot');
      if (!stream.destroyed && !stream.headersSent) {
        stream.respond({ ':status': 500, 'content-type': 'text/plain; charset=utf-8' });
        stream.end(`failed to receive snapshot: ${msg}\n`);
      } else if (!stream.destroyed) {
        stream.close(h2c.NGHTTP2_INTERNAL_ERROR);
      }
    }
  }

  // ------------------------------------------------------------------ shutdown

  /** Stops everything; no callback fires afterwards. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.peers.values()) p.close();
    this.peers.clear();
    await this.server?.close();
  }
}

async function drain(_m: Message, data: Readable): Promise<void> {
  for await (const _ of data) void _;
}

/** Reads from `it` until at least n bytes are held (`have` included); one copy at the end. */
async function readExactly(it: AsyncIterator<Buffer>, n: number, have: Buffer): Promise<Buffer> {
  const parts = [have];
  let total = have.length;
  while (total < n) {
    const r = await it.next();
    if (r.done === true) throw new Error('snapshot upload ended early');
    parts.push(r.value);
    total += r.value.length;
  }
  return parts.length === 1 ? have : Buffer.concat(parts, total);
}
