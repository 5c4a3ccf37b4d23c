// The transport-free contract between the network front and whatever serves etcd's RPCs. Nothing from grpc-js
// may appear here: the same handlers are driven by grpc-js today, by the JSON gateway, and perhaps later by a
// leaner gRPC layer on node:http2.
import { EtcdError, GrpcCode } from '../api/errors.ts';
import type { GrpcMethod, GrpcMethodAt, GrpcPath, MessageCodec } from '../api/grpc-services.ts';

/** What a handler knows about the call besides the request. */
export interface CallContext {
  /** Request metadata (gRPC headers, or the gateway's `Grpc-Metadata-*` and `Authorization` headers), lower-case keys. */
  readonly metadata: ReadonlyMap<string, string>;
  /** Auth token: gRPC metadata `token` (or `authorization`); gateway header `Authorization`, passed as is. */
  readonly token: string | undefined;
  /** Aborts when the client goes away, the deadline passes, or the front shuts down. */
  readonly signal: AbortSignal;
  /** Remote address, `host:port`. */
  readonly peer: string;
  /** Client deadline in ms since the epoch, when the client set one. */
  readonly deadline?: number;
}

/** Message type a codec decodes to (what a handler receives). */
export type RequestOf<C> = C extends MessageCodec<infer T> ? T : never;
/** What a codec's encode accepts (what a handler may return): a message object or a plain object of its shape. */
export type ResponseOf<C> = C extends { encode(message: infer T, ...rest: any[]): unknown } ? T : never;

export type UnaryHandler<Req, Res> = (req: Req, ctx: CallContext) => Promise<Res>;
export type ServerStreamHandler<Req, Res> = (req: Req, ctx: CallContext) => AsyncIterable<Res>;
export type ClientStreamHandler<Req, Res> = (requests: AsyncIterable<Req>, ctx: CallContext) => Promise<Res>;
export type BidiHandler<Req, Res> = (requests: AsyncIterable<Req>, ctx: CallContext) => AsyncIterable<Res>;

/**
 * What a handler may return (unary) or yield (streaming) instead of a message object: one or more response
 * messages already encoded, each as a gRPC frame (flag byte 0, 4-byte big-endian length, the message bytes),
 * back to back (a unary reply holds exactly one). The gRPC transport writes the bytes as they are (one write
 * for all of them); the gateway decodes each message. For hot paths that build replies as bytes: watch events
 * encoded once for many receivers, Range replies framed from stored KeyValues, Put replies.
 */
export class Framed {
  constructor(readonly bytes: Buffer) {}

  /** The messages' bytes, one view per frame (no copy). */
  messages(): Buffer[] {
    const out: Buffer[] = [];
    const b = this.bytes;
    for (let at = 0; at + 5 <= b.length;) {
      const len = b.readUInt32BE(at + 1);
      out.push(b.subarray(at + 5, at + 5 + len));
      at += 5 + len;
    }
    return out;
  }
}

/**
 * Streaming methods of the table by kind. The table types `kind` as the whole MethodKind union, so the handler
 * shape per path is spelled here; handlers.test.ts checks these lists against the table.
 */
export type BidiPath = '/etcdserverpb.Watch/Watch' | '/etcdserverpb.Lease/LeaseKeepAlive';
export type ServerStreamPath =
  '/etcdserverpb.Maintenance/Snapshot' | '/v3electionpb.Election/Observe' | '/grpc.health.v1.Health/Watch';

type Req<P extends GrpcPath> = RequestOf<GrpcMethodAt<P>['request']>;
type Res<P extends GrpcPath> = ResponseOf<GrpcMethodAt<P>['response']>;

/** The handler shape the method at `path` needs. */
export type HandlerFor<P extends GrpcPath> = P extends BidiPath
  ? BidiHandler<Req<P>, Res<P> | Framed>
  : P extends ServerStreamPath
    ? ServerStreamHandler<Req<P>, Res<P>>
    : UnaryHandler<Req<P>, Res<P> | Framed>;

/** Any handler, untyped: what the transports hold after looking a path up. */
export type AnyHandler =
  | UnaryHandler<any, any>
  | ServerStreamHandler<any, any>
  | ClientStreamHandler<any, any>
  | BidiHandler<any, any>;

/** Handlers keyed by gRPC path, typed per method. Methods left out answer Unimplemented. */
export type HandlerTable = { readonly [P in GrpcPath]?: HandlerFor<P> };

/** A handler set: the typed table, or a plain map from gRPC path (`/etcdserverpb.KV/Range`) to handler. */
export type Handlers = HandlerTable | ReadonlyMap<string, AnyHandler>;

/** The handler for `path`, or undefined. */
export function handlerAt(handlers: Handlers, path: string): AnyHandler | undefined {
  if (handlers instanceof Map) return (handlers as ReadonlyMap<string, AnyHandler>).get(path);
  return (handlers as Readonly<Record<string, AnyHandler | undefined>>)[path];
}

/** A gRPC status as the client sees it. */
export interface CallStatus {
  readonly code: number;
  readonly message: string;
}

/**
 * The status a thrown value becomes. EtcdError carries its own; an object with an integer gRPC `code` and a
 * string `details` or `message` keeps them (grpc-style errors); anything else is Unknown with its message, the
 * way grpc-go reports a plain error returned by a handler (etcd 3.4 does the same for errors outside its table).
 */
export function statusOf(err: unknown): CallStatus {
  if (err instanceof EtcdError) return { code: err.code, message: err.message };
  if (typeof err === 'object' && err !== null) {
    const e = err as { code?: unknown; details?: unknown; message?: unknown; name?: unknown };
    if (typeof e.code === 'number' && Number.isInteger(e.code) && e.code >= 0 && e.code <= 16) {
      const message =
        typeof e.details === 'string' ? e.details : typeof e.message === 'string' ? e.message : '';
      return { code: e.code, message };
    }
    if (e.name === 'AbortError') return { code: GrpcCode.CANCELLED, message: 'context canceled' };
    if (typeof e.message === 'string') return { code: GrpcCode.UNKNOWN, message: e.message };
  }
  return { code: GrpcCode.UNKNOWN, message: String(err) };
}

/** grpc-go's text for a method its server does not register. */
export function unimplementedStatus(m: Pick<GrpcMethod, 'service' | 'method'>): CallStatus {
  return { code: GrpcCode.UNIMPLEMENTED, message: `unknown method ${m.method} for service ${m.service}` };
}

/** Auth token from request metadata: etcd reads `token`, and `authorization` as the gateway forwards it. */
export function tokenFrom(metadata: ReadonlyMap<string, string>): string | undefined {
  return metadata.get('token') ?? metadata.get('authorization');
}

/** Minimal logger the front needs; a pino logger fits. */
export interface FrontLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: FrontLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
