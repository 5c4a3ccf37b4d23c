// The gRPC side of the front, served directly on node:http2: the gRPC wire protocol (length-prefixed messages,
// `grpc-status`/`grpc-message` trailers, `grpc-timeout`, compression refusal) done by hand in front of the
// transport-free handlers of handlers.ts. Texts and codes follow grpc-go as etcd 3.4 ships it, checked against a
// running etcd (test/server/bad-input.test.ts).
//
// Per call the hot path is: one object (GrpcCall) hung on the stream, listeners that are shared functions (they
// find their call through the stream), request messages sliced out of the DATA chunk without copying when they
// fit in it, and each response encoded once into a single Buffer (5-byte prefix + message) written in one call.
import {
  constants as h2,
  createServer as createH2Server,
  type IncomingHttpHeaders,
  type ServerHttp2Session,
  type ServerHttp2Stream,
} from 'node:http2';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import protobufMinimal from 'protobufjs/minimal.js';
import { GrpcCode } from '../api/errors.ts';
import { GRPC_METHODS, type GrpcMethod, type MessageCodec } from '../api/grpc-services.ts';
import { AsyncQueue } from './async-queue.ts';
import { AuthorityFilter, GATE_TIMEOUT_MS, gateH2 } from './h2-authority.ts';
import {
  Framed,
  handlerAt,
  statusOf,
  unimplementedStatus,
  type AnyHandler,
  type BidiHandler,
  type CallContext,
  type CallStatus,
  type ClientStreamHandler,
  type FrontLogger,
  type Handlers,
  type ServerStreamHandler,
  type UnaryHandler,
} from './handlers.ts';
import type { Shutdown } from './shutdown.ts';
import { pumpResponses, track } from './stream-pump.ts';

/** etcd 3.4 lets gRPC messages exceed --max-request-bytes by this much (grpcOverheadBytes). */
export const GRPC_OVERHEAD_BYTES = 512 * 1024;

/** etcd 3.4's server keepalive defaults: ping a connection every 2 h, wait 20 s for the answer. */
export const DEFAULT_KEEPALIVE_TIME_MS = 2 * 60 * 60 * 1000;
export const DEFAULT_KEEPALIVE_TIMEOUT_MS = 20_000;

export interface GrpcH2Options {
  readonly handlers: Handlers;
  /** Largest request message accepted, in bytes (etcd: max-request-bytes + GRPC_OVERHEAD_BYTES). */
  readonly maxReceiveBytes: number;
  readonly logger: FrontLogger;
  /** The front's stop switch: every call's signal follows it. */
  readonly shutdown: Shutdown;
  /** Every running stream call is added here until it has finished (the front awaits them on close). */
  readonly inflight: Set<Promise<unknown>>;
  /** Ping each connection this often; 0 or Infinity: never. Default 2 h (etcd's). */
  readonly keepaliveTimeMs?: number;
  /** A ping unanswered for this long closes the connection. Default 20 s. */
  readonly keepaliveTimeoutMs?: number;
}

export interface GrpcH2Server {
  /** Serve HTTP/2 on a connection (plain or TLS-decrypted) whose client preface has not been consumed. */
  accept(socket: Socket): void;
  /** GOAWAY on every connection: calls in flight may finish, new ones go elsewhere. New connections too. */
  drain(): void;
  /** Cut every connection now. */
  destroy(): void;
  /** Open connections. */
  readonly sessions: number;
  /** Connections handed to node:http2 so far: the socket itself, or through the :authority filter. */
  readonly connectionPaths: { readonly native: number; readonly filtered: number };
}

/** One row of the routing table: the method and what serves it. */
interface Route {
  readonly m: GrpcMethod;
  readonly handler: AnyHandler | undefined;
}

/** Shared by every call of one server. */
interface Env {
  readonly opts: GrpcH2Options;
  readonly routes: ReadonlyMap<string, Route>;
  readonly services: ReadonlySet<string>;
}

// ---- wire helpers ----

/**
 * grpc-message is percent-encoded (gRPC over HTTP/2 spec): bytes outside printable ASCII, and '%', become %XX
 * of their UTF-8 encoding.
 */
export function encodeGrpcMessage(message: string): string {
  if (!/[^\x20-\x24\x26-\x7e]/.test(message)) return message;
  let out = '';
  for (const byte of Buffer.from(message, 'utf8')) {
    out +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const TIMEOUT_UNIT_MS: Readonly<Record<string, number>> = {
  H: 3_600_000,
  M: 60_000,
  S: 1000,
  m: 1,
  u: 1e-3,
  n: 1e-6,
};

/** grpc-timeout (1–8 digits and a unit) in ms; undefined when malformed. */
export function parseGrpcTimeout(v: string): number | undefined {
  const m = /^(\d{1,8})([HMSmun])$/.exec(v);
  return m ? Number(m[1]) * TIMEOUT_UNIT_MS[m[2]!]! : undefined;
}

/** Protobufjs's writer as it is in v7/v8: one growing buffer; `finish(true)` hands out a view of it. */
interface SharedWriter {
  uint32(v: number): SharedWriter;
  fixed32(v: number): SharedWriter;
  finish(shared?: boolean): Uint8Array;
}

/**
 * `message` encoded behind its 5-byte gRPC prefix, in one Buffer and without a copy: the prefix is reserved in
 * a fresh writer, the codec appends the message to it, and the writer's own buffer is handed out.
 */
export function encodeFramed(codec: MessageCodec, message: unknown): Buffer {
  const w = (codec.encode as (m: unknown, w?: unknown) => SharedWriter)(
    message,
    // 1 + 4 placeholder bytes: a one-byte varint and a fixed32.
    (WriterCtor.create() as SharedWriter).uint32(0).fixed32(0),
  );
  const view = w.finish(true);
  const buf = Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.length);
  buf[0] = 0;
  buf.writeUInt32BE(buf.length - 5, 1);
  return buf;
}

// The writer class the generated codecs use (they call $Writer.create() when given none).
const WriterCtor = protobufMinimal.Writer as unknown as { create(): unknown };

const RESPONSE_HEADERS = { ':status': 200, 'content-type': 'application/grpc' } as const;
const OK_TRAILERS = { 'grpc-status': '0', 'grpc-message': '' } as const;
// No date header: grpc-go sends none, and it is work on every call.
const RESPOND_WITH_TRAILERS = { waitForTrailers: true, sendDate: false } as const;
const END_STREAM = { endStream: true, sendDate: false } as const;

/** Headers the transport consumes: not shown to handlers as metadata. */
const TRANSPORT_HEADERS = new Set([
  'content-type',
  'te',
  'grpc-timeout',
  'grpc-encoding',
  'grpc-accept-encoding',
]);

const EOF: CallStatus = { code: GrpcCode.UNKNOWN, message: 'EOF' };
const UNEXPECTED_EOF: CallStatus = { code: GrpcCode.UNKNOWN, message: 'unexpected EOF' };
const DEADLINE: CallStatus = { code: GrpcCode.DEADLINE_EXCEEDED, message: 'context deadline exceeded' };
const COMPRESSED_WITHOUT_ENCODING: CallStatus = {
  code: GrpcCode.INTERNAL,
  message: 'grpc: compressed flag set with identity or empty encoding',
};

/** Request stream: stop reading from the socket past this many decoded messages the handler has not taken. */
const REQUEST_HIGH_WATER = 32;
const REQUEST_LOW_WATER = 8;

// States of a call.
const OPEN = 0; // nothing sent yet
const STREAMING = 1; // response headers sent, messages may follow
const DONE = 2; // status sent (or the stream is gone): nothing more goes out, input is discarded

const CALL = Symbol('grpcCall');
type CallStream = ServerHttp2Stream & { [CALL]?: GrpcCall };
const PEER = Symbol('peer');
type PeerSession = ServerHttp2Session & { [PEER]?: string };

/** One gRPC call on one HTTP/2 stream; also the CallContext its handler sees. */
class GrpcCall implements CallContext {
  state = OPEN;
  /** The status the trailers will carry (undefined: OK). */
  private status: CallStatus | undefined;
  private ac: AbortController | undefined;
  /** Aborted before anyone asked for the signal (client left, deadline, bad request stream). */
  private abortedEarly = false;
  private timer: NodeJS.Timeout | undefined;
  private md: Map<string, string> | undefined;
  readonly deadline: number | undefined;
  /** Kept: the stream forgets its session when it closes. */
  private readonly session: PeerSession;
  // Deframer: undelivered chunks, their total length, and the length of the message being read (-1: reading
  // the 5-byte prefix).
  private parts: Buffer[] = [];
  private have = 0;
  private want = -1;
  private received = 0;
  /** Unary and server-stream calls read one message; the rest of their input is ignored (as grpc-go does). */
  private ignoreInput = false;

  /** The client has half-closed (its END_STREAM was read). */
  inputEnded = false;
  /** Request stream of a client-stream or bidi call. */
  private queue: AsyncQueue<unknown> | undefined;
  private paused = false;
  /** Resolves a response-stream writer waiting for 'drain'. */
  drained: (() => void) | undefined;

  constructor(
    readonly stream: CallStream,
    private readonly headers: IncomingHttpHeaders,
    private readonly route: Route,
    private readonly env: Env,
    timeoutMs: number | undefined,
  ) {
    stream[CALL] = this;
    this.session = stream.session as PeerSession;
    if (timeoutMs !== undefined) {
      this.deadline = Date.now() + timeoutMs;
      this.timer = setTimeout(deadlinePassed, timeoutMs, this);
    }
  }

  // ---- CallContext ----

  get metadata(): ReadonlyMap<string, string> {
    if (!this.md) {
      this.md = new Map();
      for (const [k, v] of Object.entries(this.headers)) {
        if (k.startsWith(':') || TRANSPORT_HEADERS.has(k) || v === undefined) continue;
        this.md.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
    }
    return this.md;
  }

  get token(): string | undefined {
    const t = this.headers['token'] ?? this.headers['authorization'];
    return Array.isArray(t) ? t[0] : t;
  }

  get peer(): string {
    return this.session[PEER] ?? '';
  }

  get signal(): AbortSignal {
    if (!this.ac) {
      const ac = (this.ac = new AbortController());
      if (this.abortedEarly) ac.abort();
      else this.env.opts.shutdown.register(ac);
    }
    return this.ac.signal;
  }

  // ---- lifecycle ----

  /** Abort the handler's signal (the client left, the deadline passed, the request stream broke). */
  abort(): void {
    if (this.ac) this.ac.abort();
    else this.abortedEarly = true;
    this.queue?.end();
  }

  /** Detach from timers and the shutdown; the call's outcome is settled. */
  private release(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.ac) this.env.opts.shutdown.unregister(this.ac);
  }

  /** Ends the call with `status` (trailers-only when nothing was sent yet). Idempotent. */
  finish(status: CallStatus | undefined): void {
    if (this.state === DONE) return;
    const wasOpen = this.state === OPEN;
    this.state = DONE;
    this.release();
    const stream = this.stream;
    if (stream.destroyed || stream.closed) return;
    if (wasOpen) {
      if (!status) {
        stream.respond(RESPONSE_HEADERS, RESPOND_WITH_TRAILERS);
        stream.end();
      } else {
        stream.respond(
          {
            ':status': 200,
            'content-type': 'application/grpc',
            'grpc-status': String(status.code),
            'grpc-message': encodeGrpcMessage(status.message),
          },
          END_STREAM,
        );
        if (!this.inputEnded) closeInput(stream);
      }
    } else {
      this.status = status;
      stream.end();
    }
  }

  /** The trailers for the status set by finish(). */
  trailers(): Record<string, string> {
    const s = this.status;
    return s ? { 'grpc-status': String(s.code), 'grpc-message': encodeGrpcMessage(s.message) } : OK_TRAILERS;
  }

  /** A unary answer: headers, the one message, and the OK trailers, in one go. */
  private reply(frame: Buffer): void {
    if (this.state !== OPEN) return;
    this.state = DONE;
    this.release();
    const stream = this.stream;
    if (stream.destroyed || stream.closed) return;
    stream.respond(RESPONSE_HEADERS, RESPOND_WITH_TRAILERS);
    stream.end(frame);
  }

  /** Something failed in the transport code of this call. */
  log(e: unknown): void {
    this.env.opts.logger.error(
      { method: this.route.m.path, err: e instanceof Error ? e.stack : String(e) },
      'gRPC stream failed',
    );
  }

  /** The stream closed (RST_STREAM from the client, the connection died, or we finished). */
  closed(): void {
    this.drained?.();
    if (this.state === DONE) return;
    this.state = DONE;
    this.release();
    this.abort();
  }

  deadlinePassed(): void {
    this.timer = undefined;
    if (this.state === DONE) return;
    this.finish(DEADLINE);
    this.abort();
  }

  // ---- request side ----

  data(chunk: Buffer): void {
    if (this.state === DONE || this.ignoreInput) return;
    if (chunk.length > 0) {
      this.parts.push(chunk);
      this.have += chunk.length;
    }
    for (;;) {
      if (this.want < 0) {
        if (this.have < 5) return;
        const head = this.take(5);
        const flag = head[0]!;
        const length = head.readUInt32BE(1);
        // grpc-go's order: the size first, then the flag.
        if (length > this.env.opts.maxReceiveBytes) {
          this.fail({
            code: GrpcCode.RESOURCE_EXHAUSTED,
            message: `grpc: received message larger than max (${length} vs. ${this.env.opts.maxReceiveBytes})`,
          });
          return;
        }
        if (flag === 1) {
          // A grpc-encoding other than identity was refused when the call began; so this is always wrong.
          this.fail(COMPRESSED_WITHOUT_ENCODING);
          return;
        }
        if (flag !== 0) {
          this.fail({ code: GrpcCode.INTERNAL, message: `grpc: received unexpected payload format ${flag}` });
          return;
        }
        this.want = length;
      }
      if (this.have < this.want) return;
      const body = this.want === 0 ? EMPTY : this.take(this.want);
      this.want = -1;
      this.message(body);
      if (this.state === DONE || this.ignoreInput) {
        this.drop();
        return;
      }
      if (this.paused) return;
    }
  }

  /** The first n buffered bytes (n ≤ have): a view when they lie in one chunk, else one copy. */
  private take(n: number): Buffer {
    const first = this.parts[0]!;
    this.have -= n;
    if (first.length === n) {
      this.parts.shift();
      return first;
    }
    if (first.length > n) {
      this.parts[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let at = 0;
    while (at < n) {
      const p = this.parts[0]!;
      const k = Math.min(p.length, n - at);
      p.copy(out, at, 0, k);
      at += k;
      if (k === p.length) this.parts.shift();
      else this.parts[0] = p.subarray(k);
    }
    return out;
  }

  private drop(): void {
    this.parts.length = 0;
    this.have = 0;
  }

  /** A complete request message. */
  private message(body: Buffer): void {
    let req: unknown;
    try {
      req = this.route.m.request.decode(body);
    } catch (e) {
      this.fail({
        code: GrpcCode.INTERNAL,
        message: `grpc: error unmarshalling request: ${e instanceof Error ? e.message : String(e)}`,
      });
      return;
    }
    this.received++;
    const kind = this.route.m.kind;
    if (kind === 'unary' || kind === 'server-stream') {
      this.ignoreInput = true;
      this.start(req);
      return;
    }
    this.queue!.push(req);
    if (this.queue!.length >= REQUEST_HIGH_WATER && !this.paused) {
      this.paused = true;
      this.stream.pause();
    }
  }

  /** The client half-closed its side. */
  end(): void {
    this.inputEnded = true;
    if (this.state === DONE) return;
    const partial = this.have > 0 || this.want >= 0;
    const kind = this.route.m.kind;
    if (kind === 'unary' || kind === 'server-stream') {
      if (this.received === 0) this.fail(partial ? UNEXPECTED_EOF : EOF);
      return;
    }
    if (partial) this.fail(UNEXPECTED_EOF);
    else this.queue!.end();
  }

  /** A bad request: the call ends with `status` and its handler (if running) is told to stop. */
  fail(status: CallStatus): void {
    this.drop();
    this.finish(status);
    this.abort();
  }

  private pulled(buffered: number): void {
    if (this.paused && buffered <= REQUEST_LOW_WATER) {
      this.paused = false;
      this.stream.resume();
      // Messages already buffered in `parts` wait for the next chunk; deliver them now.
      if (this.have > 0) this.data(EMPTY);
    }
  }

  // ---- running the handler ----

  /** Starts a client-stream or bidi call at once; unary and server-stream calls start on their request. */
  open(): void {
    const kind = this.route.m.kind;
    if (kind === 'client-stream' || kind === 'bidi') {
      this.queue = new AsyncQueue<unknown>((buffered) => this.pulled(buffered));
      this.start(undefined);
    }
  }

  private start(req: unknown): void {
    const handler = this.route.handler!;
    switch (this.route.m.kind) {
      case 'unary':
      case 'client-stream': {
        let p: Promise<unknown>;
        try {
          p =
            this.route.m.kind === 'unary'
              ? (handler as UnaryHandler<unknown, unknown>)(req, this)
              : (handler as ClientStreamHandler<unknown, unknown>)(this.queue!, this);
        } catch (e) {
          // A handler that throws instead of rejecting.
          p = Promise.reject(e);
        }
        void this.runUnary(p);
        return;
      }
      case 'server-stream':
        track(
          this.env.opts.inflight,
          this.runStream(() => (handler as ServerStreamHandler<unknown, unknown>)(req, this)),
        );
        return;
      case 'bidi':
        track(
          this.env.opts.inflight,
          this.runStream(() => (handler as BidiHandler<unknown, unknown>)(this.queue!, this)),
        );
        return;
    }
  }

  private async runUnary(p: Promise<unknown>): Promise<void> {
    let res: unknown;
    try {
      res = await p;
    } catch (err) {
      this.failed(err);
      return;
    }
    if (this.state !== OPEN) return;
    let frame: Buffer;
    try {
      frame = res instanceof Framed ? res.bytes : encodeFramed(this.route.m.response, res);
    } catch (err) {
      this.finish(marshalError(err));
      return;
    }
    this.reply(frame);
  }

  private failed(err: unknown): void {
    if (this.state === DONE) return;
    const s = statusOf(err);
    if (s.code === GrpcCode.UNKNOWN || s.code === GrpcCode.INTERNAL) {
      this.env.opts.logger.warn(
        { method: this.route.m.path, err: err instanceof Error ? err.message : String(err) },
        'handler failed',
      );
    }
    this.finish(s);
  }

  private async runStream(source: () => AsyncIterable<unknown>): Promise<void> {
    const outcome = await pumpResponses(source, this.signal, (msg) => this.send(msg));
    if (outcome.kind === 'done') this.finish(undefined);
    else if (outcome.kind === 'error') this.failed(outcome.error);
    // 'aborted': the client left, the deadline passed (status already sent), or the front is stopping.
    this.release();
  }

  /**
   * One response message of a stream, or several already framed (written as they are, in one write: one DATA
   * frame up to the peer's frame size); a promise when the transport wants the writer to wait.
   */
  private send(msg: unknown): Promise<void> | undefined {
    if (this.state === DONE) return undefined;
    let frame: Buffer;
    if (msg instanceof Framed) frame = msg.bytes;
    else {
      try {
        frame = encodeFramed(this.route.m.response, msg);
      } catch (err) {
        throw marshalError(err);
      }
    }
    const stream = this.stream;
    if (this.state === OPEN) {
      this.state = STREAMING;
      stream.respond(RESPONSE_HEADERS, RESPOND_WITH_TRAILERS);
    }
    if (stream.write(frame)) return undefined;
    return new Promise<void>((resolve) => (this.drained = resolve));
  }
}

const EMPTY = Buffer.alloc(0);

function marshalError(err: unknown): CallStatus {
  return {
    code: GrpcCode.INTERNAL,
    message: `grpc: error while marshaling: ${err instanceof Error ? err.message : String(err)}`,
  };
}

// Listeners shared by all calls: `this` is the stream, the call hangs on it. A throw inside one (a bug, or a
// stream state node:http2 refuses) must not reach the event loop: it resets that stream, the process goes on.
function onData(this: CallStream, chunk: Buffer): void {
  try {
    this[CALL]!.data(chunk);
  } catch (e) {
    broken(this, e);
  }
}
function onEnd(this: CallStream): void {
  try {
    this[CALL]!.end();
  } catch (e) {
    broken(this, e);
  }
}
function onClose(this: CallStream): void {
  this[CALL]!.closed();
}
function onDrain(this: CallStream): void {
  const c = this[CALL]!;
  const d = c.drained;
  c.drained = undefined;
  d?.();
}
function onWantTrailers(this: CallStream): void {
  const call = this[CALL]!;
  try {
    this.sendTrailers(call.trailers());
  } catch (e) {
    broken(this, e);
    return;
  }
  // Not from inside this callback: nghttp2 would send the RST_STREAM ahead of the trailers.
  if (!call.inputEnded) setImmediate(closeInput, this);
}
/**
 * Our side is done but the client's is still open (it is still sending, or never half-closes): as grpc-go does,
 * follow the status with RST_STREAM(NO_ERROR) so the client stops and the stream is freed. Node sends it once
 * what was written has gone out.
 */
function closeInput(stream: ServerHttp2Stream): void {
  if (!stream.closed && !stream.destroyed) stream.close(h2.NGHTTP2_NO_ERROR);
}

function broken(stream: CallStream, e: unknown): void {
  const call = stream[CALL]!;
  call.log(e);
  if (!stream.destroyed) stream.close(h2.NGHTTP2_INTERNAL_ERROR);
  call.closed();
}

function onStreamError(): void {
  // The stream's 'close' follows; nothing else to do (an unhandled 'error' would crash the process).
}
function deadlinePassed(call: GrpcCall): void {
  call.deadlinePassed();
}

/** Answers a stream that never becomes a call: trailers-only with `status`, the rest of its input ignored. */
function refuse(stream: ServerHttp2Stream, status: CallStatus): void {
  stream.on('error', onStreamError);
  stream.resume();
  if (stream.destroyed || stream.closed) return;
  stream.respond(
    {
      ':status': 200,
      'content-type': 'application/grpc',
      'grpc-status': String(status.code),
      'grpc-message': encodeGrpcMessage(status.message),
    },
    END_STREAM,
  );
  if (!stream.endAfterHeaders) closeInput(stream);
}

/** What grpc-go answers for a path it has no method for. */
function unknownPathStatus(path: string, services: ReadonlySet<string>): CallStatus {
  const name = path.startsWith('/') ? path.slice(1) : path;
  const slash = name.lastIndexOf('/');
  if (slash < 0) return { code: GrpcCode.RESOURCE_EXHAUSTED, message: `malformed method name: "${path}"` };
  const service = name.slice(0, slash);
  const method = name.slice(slash + 1);
  return services.has(service)
    ? { code: GrpcCode.UNIMPLEMENTED, message: `unknown method ${method} for service ${service}` }
    : { code: GrpcCode.UNIMPLEMENTED, message: `unknown service ${service}` };
}

function onStream(env: Env, stream: ServerHttp2Stream, headers: IncomingHttpHeaders): void {
  const ct = headers['content-type'];
  if (typeof ct !== 'string' || !(ct === 'application/grpc' || /^application\/grpc[+;]/.test(ct))) {
    // etcd's port closes such a stream (it is no gRPC request); the connection stays.
    stream.on('error', onStreamError);
    stream.close(h2.NGHTTP2_PROTOCOL_ERROR);
    return;
  }
  let timeoutMs: number | undefined;
  const t = headers['grpc-timeout'];
  if (t !== undefined) {
    timeoutMs = typeof t === 'string' ? parseGrpcTimeout(t) : undefined;
    if (timeoutMs === undefined) {
      // grpc-go resets a stream whose timeout it cannot read.
      stream.on('error', onStreamError);
      stream.close(h2.NGHTTP2_PROTOCOL_ERROR);
      return;
    }
  }
  const path = headers[':path'] ?? '';
  const route = env.routes.get(path);
  if (!route) {
    refuse(stream, unknownPathStatus(path, env.services));
    return;
  }
  if (!route.handler) {
    refuse(stream, unimplementedStatus(route.m));
    return;
  }
  const enc = headers['grpc-encoding'];
  if (typeof enc === 'string' && enc !== '' && enc !== 'identity') {
    refuse(stream, {
      code: GrpcCode.UNIMPLEMENTED,
      message: `grpc: Decompressor is not installed for grpc-encoding "${enc}"`,
    });
    return;
  }
  const call = new GrpcCall(stream, headers, route, env, timeoutMs);
  stream.on('error', onStreamError);
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onClose);
  stream.on('wantTrailers', onWantTrailers);
  if (route.m.kind !== 'unary') stream.on('drain', onDrain);
  call.open();
  // A zero timeout is already over.
  if (timeoutMs === 0) call.deadlinePassed();
}

/** The lean gRPC server: not bound to a port; the front hands it connections. */
export function createGrpcH2Server(opts: GrpcH2Options): GrpcH2Server {
  const routes = new Map<string, Route>();
  for (const m of GRPC_METHODS as readonly GrpcMethod[]) {
    routes.set(m.path, { m, handler: handlerAt(opts.handlers, m.path) });
  }
  const env: Env = {
    opts,
    routes,
    services: new Set((GRPC_METHODS as readonly GrpcMethod[]).map((m) => m.service)),
  };
  const keepaliveTime = opts.keepaliveTimeMs ?? DEFAULT_KEEPALIVE_TIME_MS;
  const keepaliveTimeout = opts.keepaliveTimeoutMs ?? DEFAULT_KEEPALIVE_TIMEOUT_MS;

  const server = createH2Server({
    settings: { maxConcurrentStreams: 0xffffffff },
    // Node's default (10 MB) refuses streams under load with many calls in flight; grpc-js lifts it too.
    maxSessionMemory: Number.MAX_SAFE_INTEGER,
  });
  const sessions = new Set<ServerHttp2Session>();
  let draining = false;
  let acceptingPeer: string | undefined;
  const paths = { native: 0, filtered: 0 };

  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => {
    try {
      onStream(env, stream, headers);
    } catch (e) {
      opts.logger.error({ err: e instanceof Error ? e.message : String(e) }, 'gRPC stream setup failed');
      if (!stream.destroyed) stream.close(h2.NGHTTP2_INTERNAL_ERROR);
    }
  });
  server.on('session', (session: PeerSession) => {
    sessions.add(session);
    session[PEER] = acceptingPeer ?? '';
    let pinger: NodeJS.Timeout | undefined;
    if (keepaliveTime > 0 && Number.isFinite(keepaliveTime)) {
      pinger = setInterval(() => {
        if (session.destroyed || session.closed) return;
        const dead = setTimeout(() => session.destroy(), keepaliveTimeout).unref();
        try {
          session.ping((err) => {
            clearTimeout(dead);
            if (err) session.destroy();
          });
        } catch {
          clearTimeout(dead);
        }
      }, keepaliveTime).unref();
    }
    session.on('close', () => {
      sessions.delete(session);
      if (pinger) clearInterval(pinger);
    });
    session.on('error', (err) => opts.logger.debug({ err: err.message }, 'gRPC connection error'));
    if (draining) session.close();
  });
  server.on('sessionError', (err) => opts.logger.debug({ err: err.message }, 'gRPC session error'));

  return {
    accept(socket: Socket): void {
      // etcdctl sends `http://host:port` as :authority on some commands, which nghttp2 would reset, so such a
      // connection must go through the :authority filter (h2-authority.ts). Feeding node:http2 from a JS
      // Duplex costs CPU on every call, so gateH2 looks at the connection's first request and hands node:http2
      // the socket itself when no rewrite is needed. A TLS connection that negotiated no ALPN always gets the
      // filter: node:http2 refuses such a socket (it would be HTTP/1.1), a Duplex has no ALPN to check.
      // node:http2 sees no address on a Duplex: the peer is taken here, and the 'session' event, emitted
      // synchronously by 'connection', picks it up.
      const peer = `${socket.remoteAddress ?? ''}:${socket.remotePort ?? ''}`;
      const handOver = (conn: Socket | Duplex, path: 'native' | 'filtered'): void => {
        paths[path]++;
        opts.logger.debug({ peer, path }, 'gRPC connection');
        acceptingPeer = peer;
        try {
          server.emit('connection', conn);
        } finally {
          acceptingPeer = undefined;
        }
      };
      if ((socket as Partial<TLSSocket>).encrypted === true && (socket as TLSSocket).alpnProtocol !== 'h2') {
        handOver(new AuthorityFilter(socket), 'filtered');
        return;
      }
      // A client that sends no request is handed on (to the filter) within the keepalive interval at the
      // latest, so that node:http2's pings still find a dead one.
      gateH2(socket, {
        native: (s) => handOver(s, 'native'),
        filtered: (f) => handOver(f, 'filtered'),
        timeoutMs: keepaliveTime > 0 ? Math.min(GATE_TIMEOUT_MS, keepaliveTime) : GATE_TIMEOUT_MS,
      });
    },
    drain(): void {
      draining = true;
      for (const s of sessions) if (!s.closed) s.close();
    },
    destroy(): void {
      draining = true;
      for (const s of sessions) s.destroy();
    },
    get sessions(): number {
      return sessions.size;
    },
    get connectionPaths() {
      return { ...paths };
    },
  };
}
