// etcd 3.4's JSON gateway (grpc-gateway v1) in front of the same handlers the gRPC side uses: POST a message as
// JSON to /v3/... or /v3beta/..., get the response as JSON. Streams: the body carries one or more JSON
// requests, the answer is chunked, one `{"result":{…}}` line per message. Behaviour measured on etcd 3.4.23.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { GrpcCode, httpStatusFromGrpcCode } from '../api/errors.ts';
import { methodByGatewayPath, type GrpcMethod } from '../api/grpc-services.ts';
import { AsyncQueue } from './async-queue.ts';
import { GatewayDecodeError, requestFromJson, responseJson } from './gateway-json.ts';
import { GoJsonEofError, GoJsonSyntaxError, goJsonString, readJsonValue, type JsonNode } from './go-json.ts';
import {
  Framed,
  handlerAt,
  statusOf,
  tokenFrom,
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
import { goHttpError } from './http-util.ts';
import type { Shutdown } from './shutdown.ts';
import { pumpResponses, track } from './stream-pump.ts';

export interface GatewayOptions {
  readonly handlers: Handlers;
  /** Largest encoded request message, as on the gRPC side. */
  readonly maxReceiveBytes: number;
  readonly logger: FrontLogger;
  /** The front's stop switch. */
  readonly shutdown: Shutdown;
  /** Running calls, awaited by the front on close. */
  readonly inflight: Set<Promise<unknown>>;
}

/** True for paths the gateway owns (`/v3/…`, `/v3beta/…`). */
export function isGatewayPath(pathname: string): boolean {
  return pathname.startsWith('/v3/') || pathname.startsWith('/v3beta/');
}

const JSON_HEADERS = { 'Content-Type': 'application/json' } as const;
// grpc-gateway forwards the gRPC response headers as Grpc-Metadata-*; content-type is always among them.
const OK_HEADERS = { ...JSON_HEADERS, 'Grpc-Metadata-Content-Type': 'application/grpc' } as const;

/** grpc-gateway's error body for a failed call: the message twice and the gRPC code. */
export function errorJson(s: CallStatus): string {
  const m = goJsonString(s.message);
  return `{"error":${m},"message":${m},"code":${s.code}}`;
}

/** The error chunk grpc-gateway writes when a stream fails. */
function streamErrorJson(s: CallStatus): string {
  const http = httpStatusFromGrpcCode(s.code);
  return (
    `{"error":{${s.code === 0 ? '' : `"grpc_code":${s.code},`}"http_code":${http},` +
    `"message":${goJsonString(s.message)},"http_status":${goJsonString(STATUS_CODES[http] ?? '')}}}`
  );
}

function sizeStatus(size: number, max: number): CallStatus {
  return {
    code: GrpcCode.RESOURCE_EXHAUSTED,
    message: `grpc: received message larger than max (${size} vs. ${max})`,
  };
}

/** The gateway as a request listener; call it for paths where isGatewayPath is true. */
export function gatewayHandler(opts: GatewayOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0]!;
    const m = methodByGatewayPath(pathname);
    if (!m) return goHttpError(res, 404, 'Not Found');
    if (req.method !== 'POST') return goHttpError(res, 405, 'Method Not Allowed');
    const call = new GatewayCall(m, req, res, opts);
    const run = call.run().catch((e: unknown) => {
      opts.logger.error({ path: pathname, err: String(e) }, 'gateway call failed');
      if (!res.headersSent) call.replyError({ code: GrpcCode.INTERNAL, message: String(e) }, false);
      else res.destroy();
    });
    track(opts.inflight, run);
  };
}

class GatewayCall {
  private readonly ac = new AbortController();
  private readonly ctx: CallContext;
  private readonly handler: AnyHandler | undefined;
  /** Body bytes not yet parsed: `body` from `pos`, then `chunks`. */
  private body = Buffer.alloc(0);
  private pos = 0;
  private chunks: Buffer[] = [];
  private pending = 0;
  private tooLarge = false;
  private ended = false;
  private wake: (() => void) | undefined;
  private readonly bodyLimit: number;

  constructor(
    private readonly m: GrpcMethod,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly opts: GatewayOptions,
  ) {
    this.handler = handlerAt(opts.handlers, m.path);
    // JSON spends up to 4/3 bytes per payload byte on base64 and more on escapes; refuse runaway bodies.
    this.bodyLimit = opts.maxReceiveBytes * 4 + (1 << 20);
    const metadata = new Map<string, string>();
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v !== 'string') continue;
      if (k === 'authorization') metadata.set(k, v);
      else if (k.startsWith('grpc-metadata-')) metadata.set(k.slice('grpc-metadata-'.length), v);
    }
    const peer = `${req.socket.remoteAddress ?? ''}:${req.socket.remotePort ?? ''}`;
    this.ctx = { metadata, token: tokenFrom(metadata), signal: this.ac.signal, peer };
    opts.shutdown.register(this.ac);
    res.once('close', () => {
      opts.shutdown.unregister(this.ac);
      this.ac.abort();
    });
    this.ac.signal.addEventListener('abort', () => this.poke(), { once: true });
    req.on('data', (chunk: Buffer) => {
      if (this.tooLarge) return;
      this.chunks.push(chunk);
      this.pending += chunk.length;
      if (this.pending > this.bodyLimit) {
        this.tooLarge = true;
        this.chunks = [];
        res.setHeader('Connection', 'close');
        this.replyError(sizeStatus(this.pending, opts.maxReceiveBytes), false);
      }
      this.poke();
    });
    req.once('end', () => {
      this.ended = true;
      this.poke();
    });
    req.once('error', () => {
      this.ended = true;
      this.poke();
    });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /**
   * The next JSON value of the body, undefined at its end; waits for more bytes while a value is incomplete
   * (a bare number at the end of what has arrived may still grow). `wholeBody`: parse only once the body is
   * complete (unary calls), so a large body is not re-scanned at every chunk.
   */
  private async nextValue(wholeBody: boolean): Promise<JsonNode | undefined> {
    let worthTrying = true;
    for (;;) {
      if (this.tooLarge) throw sizeStatus(this.pending, this.opts.maxReceiveBytes);
      if (this.ctx.signal.aborted) return undefined;
      if (this.chunks.length > 0 && (this.ended || !wholeBody)) {
        // A request object can only have been completed by bytes that contain its closing brace; without one,
        // re-scanning the whole pending value would be wasted (and quadratic for a value sent in many pieces).
        worthTrying ||= this.chunks.some((c) => c.includes(0x7d));
        this.body = Buffer.concat([this.body.subarray(this.pos), ...this.chunks]);
        this.pos = 0;
        this.chunks = [];
      }
      if (this.ended || (!wholeBody && worthTrying)) {
        worthTrying = false;
        try {
          const r = readJsonValue(this.body, this.pos);
          if (r && (this.ended || r.end < this.body.length || r.value.kind !== 'number')) {
            this.pos = r.end;
            this.pending = this.body.length - this.pos;
            return r.value;
          }
          if (!r && this.ended) return undefined;
        } catch (e) {
          if (!(e instanceof GoJsonEofError) || this.ended) throw e;
        }
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private decode(node: JsonNode | undefined): unknown {
    const msg = node === undefined ? this.m.request.fromObject({}) : requestFromJson(node, this.m.request);
    const size = this.m.request.encode(msg).len;
    if (size > this.opts.maxReceiveBytes) throw sizeStatus(size, this.opts.maxReceiveBytes);
    return msg;
  }

  /** A request that cannot be read: InvalidArgument for unary and server streams (etcd's generated gateway). */
  private async firstRequest(): Promise<{ ok: true; msg: unknown } | { ok: false; status: CallStatus }> {
    try {
      return { ok: true, msg: this.decode(await this.nextValue(true)) };
    } catch (e) {
      if (e instanceof GatewayDecodeError || e instanceof GoJsonSyntaxError) {
        return { ok: false, status: { code: GrpcCode.INVALID_ARGUMENT, message: e.message } };
      }
      if (isStatus(e)) return { ok: false, status: e };
      throw e;
    }
  }

  async run(): Promise<void> {
    const { m, handler } = this;
    if (m.kind === 'unary' || m.kind === 'server-stream') {
      const first = await this.firstRequest();
      if (!first.ok) return this.replyError(first.status, false);
      if (!handler) {
        if (m.kind === 'unary') return this.replyError(unimplementedStatus(m), true);
        return this.streamOut(() => fail(unimplementedStatus(m)));
      }
      if (m.kind === 'unary') return this.unary(handler as UnaryHandler<unknown, unknown>, first.msg);
      const h = handler as ServerStreamHandler<unknown, unknown>;
      return this.streamOut(() => h(first.msg, this.ctx));
    }
    // Client and bidi streams: the first request is read before the call starts; a bad one fails the whole
    // request as code Unknown (HTTP 500), later bad ones just end the request stream.
    let first: unknown;
    let hasFirst = false;
    try {
      const node = await this.nextValue(false);
      if (node !== undefined) {
        first = this.decode(node);
        hasFirst = true;
      }
    } catch (e) {
      const s = isStatus(e) ? e : { code: GrpcCode.UNKNOWN, message: (e as Error).message };
      return this.replyError(s, false);
    }
    const queue = new AsyncQueue<unknown>((buffered) => {
      if (buffered < 16 && this.req.isPaused()) this.req.resume();
    });
    if (hasFirst) queue.push(first);
    void this.feed(queue, hasFirst);
    if (!handler) return this.streamOut(() => fail(unimplementedStatus(m)));
    if (m.kind === 'client-stream') {
      const h = handler as ClientStreamHandler<unknown, unknown>;
      return this.unaryFrom(() => h(queue, this.ctx));
    }
    const h = handler as BidiHandler<unknown, unknown>;
    return this.streamOut(() => h(queue, this.ctx));
  }

  private async feed(queue: AsyncQueue<unknown>, more: boolean): Promise<void> {
    try {
      while (more && !this.ctx.signal.aborted) {
        const node = await this.nextValue(false);
        if (node === undefined) break;
        queue.push(this.decode(node));
        if (queue.length >= 64) this.req.pause();
      }
    } catch (e) {
      this.opts.logger.debug(
        { path: this.m.path, err: (e as Error).message },
        'gateway: bad request in stream',
      );
    }
    queue.end();
  }

  private async unary(h: UnaryHandler<unknown, unknown>, msg: unknown): Promise<void> {
    return this.unaryFrom(() => h(msg, this.ctx));
  }

  private async unaryFrom(call: () => Promise<unknown>): Promise<void> {
    let res: unknown;
    try {
      res = await call();
    } catch (e) {
      return this.replyError(this.statusFor(e), true);
    }
    if (this.res.writableEnded || this.res.destroyed) return;
    let body: string;
    try {
      const msg = res instanceof Framed ? this.m.response.decode(res.messages()[0]!) : res;
      body = responseJson(msg as object, this.m.response);
    } catch (e) {
      return this.replyError(
        { code: GrpcCode.INTERNAL, message: `Error serializing response: ${String(e)}` },
        true,
      );
    }
    this.res.writeHead(200, { ...OK_HEADERS, 'Content-Length': Buffer.byteLength(body) });
    this.res.end(body);
  }

  private statusFor(e: unknown): CallStatus {
    const s = statusOf(e);
    if (s.code === GrpcCode.UNKNOWN || s.code === GrpcCode.INTERNAL) {
      this.opts.logger.warn({ method: this.m.path, err: s.message }, 'handler failed');
    }
    return s;
  }

  /**
   * An error answer: status per gRPC code and `{"error","message","code"}`. Errors that came back from the
   * call carry grpc-gateway's trailer header like etcd's; errors found before the call do not.
   */
  replyError(s: CallStatus, fromCall: boolean): void {
    const res = this.res;
    if (res.headersSent || res.writableEnded) return;
    const body = errorJson(s);
    if (fromCall) {
      res.writeHead(httpStatusFromGrpcCode(s.code), {
        ...JSON_HEADERS,
        Trailer: 'Grpc-Trailer-Content-Type',
      });
      res.addTrailers({ 'Grpc-Trailer-Content-Type': 'application/grpc' });
      res.end(body);
    } else {
      res.writeHead(httpStatusFromGrpcCode(s.code), {
        ...JSON_HEADERS,
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    }
  }

  private async streamOut(source: () => AsyncIterable<unknown>): Promise<void> {
    const res = this.res;
    res.socket?.setNoDelay(true);
    const outcome = await pumpResponses(source, this.ctx.signal, (msg) => {
      const codec = this.m.response;
      const line =
        msg instanceof Framed
          ? msg
              .messages()
              .map((b) => '{"result":' + responseJson(codec.decode(b) as object, codec) + '}\n')
              .join('')
          : '{"result":' + responseJson(msg as object, codec) + '}\n';
      if (!res.headersSent) res.writeHead(200, OK_HEADERS);
      if (!res.write(line)) {
        return new Promise<void>((resolve) => {
          const fin = (): void => {
            res.removeListener('drain', fin);
            res.removeListener('close', fin);
            resolve();
          };
          res.once('drain', fin);
          res.once('close', fin);
        });
      }
    });
    if (outcome.kind === 'aborted') {
      if (!res.writableEnded) res.destroy();
      return;
    }
    if (outcome.kind === 'error') {
      const s = this.statusFor(outcome.error);
      if (!res.headersSent) res.writeHead(httpStatusFromGrpcCode(s.code), JSON_HEADERS);
      res.end(streamErrorJson(s));
      return;
    }
    if (!res.headersSent) res.writeHead(200, OK_HEADERS);
    res.end();
  }
}

function isStatus(e: unknown): e is CallStatus {
  return (
    typeof e === 'object' && e !== null && typeof (e as CallStatus).code === 'number' && !(e instanceof Error)
  );
}

// eslint-disable-next-line require-yield
async function* fail(s: CallStatus): AsyncGenerator<never> {
  throw Object.assign(new Error(s.message), { code: s.code, details: s.message });
}
