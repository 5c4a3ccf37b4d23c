// The gRPC side of the front on @grpc/grpc-js: every method of the service table is registered; calls are
// adapted to the transport-free handlers of handlers.ts. grpc-js types stop here.
import * as grpc from '@grpc/grpc-js';
import { BaseServerInterceptingCall } from '@grpc/grpc-js/build/src/server-interceptors.js';
import { GrpcCode } from '../api/errors.ts';
import { GRPC_METHODS, type GrpcMethod, type MethodKind } from '../api/grpc-services.ts';
import {
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
import type { Shutdown } from './shutdown.ts';
import { pumpResponses, track } from './stream-pump.ts';

/** etcd 3.4 lets gRPC messages exceed --max-request-bytes by this much (grpcOverheadBytes). */
export const GRPC_OVERHEAD_BYTES = 512 * 1024;

export interface GrpcFrontOptions {
  readonly handlers: Handlers;
  /** Largest request message accepted, in bytes (etcd: max-request-bytes + GRPC_OVERHEAD_BYTES). */
  readonly maxReceiveBytes: number;
  readonly logger: FrontLogger;
  /** The front's stop switch: every call's signal follows it. */
  readonly shutdown: Shutdown;
  /** Every running stream call is added here until it has finished (the front awaits them on close). */
  readonly inflight: Set<Promise<unknown>>;
  /** Extra grpc-js server options (keepalive, …), applied last. */
  readonly grpcOptions?: grpc.ServerOptions;
}

const GRPC_TYPE: Readonly<Record<MethodKind, string>> = {
  unary: 'unary',
  'server-stream': 'serverStream',
  'client-stream': 'clientStream',
  bidi: 'bidi',
};

/** A request that did not decode: handed to the adapter instead of throwing inside grpc-js. */
class UndecodableRequest {
  constructor(readonly error: Error) {}
}

function undecodableStatus(u: UndecodableRequest): CallStatus {
  return { code: GrpcCode.INTERNAL, message: `grpc: error unmarshalling request: ${u.error.message}` };
}

const toServiceError = (s: CallStatus): Partial<grpc.StatusObject> => ({ code: s.code, details: s.message });

/** What every grpc-js server call has (grpc-js does not export the type by name). */
type AnyCall = grpc.ServerUnaryCall<unknown, unknown>;

/**
 * grpc-js phrases a too-large request its own way ("Received message larger than max (N vs M)"); etcd's clients
 * see grpc-go's ("grpc: received message larger than max (N vs. M)"). grpc-js raises it inside its base call,
 * below the interceptors, so the only place to reword it is that class's sendStatus. The patch is process-wide,
 * applied once, and touches only that one status text.
 */
function useGrpcGoSizeText(): void {
  const proto = BaseServerInterceptingCall.prototype as unknown as {
    sendStatus(status: Pick<grpc.StatusObject, 'code' | 'details'>): void;
    [PATCHED]?: true;
  };
  if (typeof proto.sendStatus !== 'function' || proto[PATCHED]) return;
  const original = proto.sendStatus;
  proto.sendStatus = function (this: unknown, status: Pick<grpc.StatusObject, 'code' | 'details'>): void {
    const m = status.code === grpc.status.RESOURCE_EXHAUSTED ? SIZE_ERROR.exec(status.details ?? '') : null;
    const text = m ? `grpc: received message larger than max (${m[1]} vs. ${m[2]})` : undefined;
    original.call(this, text ? { ...status, details: text } : status);
  };
  proto[PATCHED] = true;
}

const SIZE_ERROR = /^Received message larger than max \((\d+) vs (\d+)\)$/;
const PATCHED = Symbol.for('tsetcd.grpcGoSizeText');

const SERVICES = new Set((GRPC_METHODS as readonly GrpcMethod[]).map((m) => m.service));
const NOT_IMPLEMENTED = /^The server does not implement the method \/([^/]*)\/(.*)$/;

/**
 * A path outside the table: grpc-go says "unknown service S" or "unknown method M for service S", grpc-js
 * "The server does not implement the method /S/M". grpc-js answers those before any handler or interceptor,
 * through the server's own _respondWithError; this server instance (only) gets grpc-go's words.
 */
function useGrpcGoUnknownText(server: grpc.Server): void {
  type Respond = (err: { code?: number; details?: string }, ...rest: unknown[]) => void;
  const inst = server as unknown as { _respondWithError?: Respond };
  const original = inst._respondWithError;
  if (typeof original !== 'function') return;
  inst._respondWithError = function (err, ...rest) {
    const m = err.code === grpc.status.UNIMPLEMENTED ? NOT_IMPLEMENTED.exec(err.details ?? '') : null;
    if (m) {
      const [, service, method] = m;
      const details = SERVICES.has(service!)
        ? `unknown method ${method} for service ${service}`
        : `unknown service ${service}`;
      err = { ...err, details };
    }
    original.call(server, err, ...rest);
  };
}

/** A grpc-js Server with every table method registered; not bound to any port (connections are injected). */
export function createGrpcServer(opts: GrpcFrontOptions): grpc.Server {
  useGrpcGoSizeText();
  const server = new grpc.Server({
    'grpc.max_receive_message_length': opts.maxReceiveBytes,
    'grpc.max_send_message_length': -1,
    // etcd 3.4 defaults: server pings an idle connection every 2 h and waits 20 s for the answer.
    'grpc.keepalive_time_ms': 2 * 60 * 60 * 1000,
    'grpc.keepalive_timeout_ms': 20_000,
    'grpc.max_concurrent_streams': 0xffffffff,
    ...opts.grpcOptions,
  });
  useGrpcGoUnknownText(server);
  for (const m of GRPC_METHODS as readonly GrpcMethod[]) {
    const handler = handlerAt(opts.handlers, m.path);
    const impl = handler ? adapt(m, handler, opts) : unimplemented(m);
    server.register(
      m.path,
      impl as grpc.UntypedHandleCall,
      (res: unknown) => {
        const bytes = m.response.encode(res as object).finish();
        return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
      },
      (buf: Buffer) => {
        try {
          return m.request.decode(buf);
        } catch (e) {
          return new UndecodableRequest(e instanceof Error ? e : new Error(String(e)));
        }
      },
      GRPC_TYPE[m.kind],
    );
  }
  return server;
}

function unimplemented(m: GrpcMethod): grpc.UntypedHandleCall {
  const status = toServiceError(unimplementedStatus(m));
  if (m.kind === 'unary' || m.kind === 'client-stream') {
    return (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(status, null);
  }
  return (call: grpc.ServerWritableStream<unknown, unknown>) => call.emit('error', status);
}

/**
 * A call's context, built lazily: a unary handler that never looks at its signal or metadata costs no
 * AbortController, no listener and no metadata copy.
 */
class GrpcCallContext implements CallContext {
  private ac: AbortController | undefined;
  private md: Map<string, string> | undefined;
  /** Read at once: grpc-js forgets it when the call ends. */
  readonly peer: string;

  constructor(
    private readonly call: AnyCall,
    private readonly shutdown: Shutdown,
  ) {
    this.peer = call.getPeer();
  }

  get metadata(): ReadonlyMap<string, string> {
    if (!this.md) {
      this.md = new Map();
      for (const [k, v] of Object.entries(this.call.metadata.getMap()))
        if (typeof v === 'string') this.md.set(k, v);
    }
    return this.md;
  }

  get token(): string | undefined {
    return tokenFrom(this.metadata);
  }

  get deadline(): number | undefined {
    const d = this.call.getDeadline();
    return d instanceof Date ? d.getTime() : Number.isFinite(d) ? d : undefined;
  }

  get signal(): AbortSignal {
    if (!this.ac) {
      const ac = (this.ac = new AbortController());
      if (this.call.cancelled) ac.abort();
      else {
        this.call.once('cancelled', this.onCancel);
        this.shutdown.register(ac);
      }
    }
    return this.ac.signal;
  }

  private readonly onCancel = (): void => this.ac?.abort();

  /** Abort the handler's signal from our side (a bad request message on a stream). */
  abort(): void {
    void this.signal;
    this.ac!.abort();
  }

  /** Detach from the call and the shutdown. */
  done(): void {
    if (!this.ac) return;
    this.call.removeListener('cancelled', this.onCancel);
    this.shutdown.unregister(this.ac);
  }
}

interface CallScope {
  readonly ctx: CallContext;
  readonly done: () => void;
  readonly abort: () => void;
}

function contextOf(anyCall: object, shutdown: Shutdown): CallScope {
  const ctx = new GrpcCallContext(anyCall as AnyCall, shutdown);
  return { ctx, done: () => ctx.done(), abort: () => ctx.abort() };
}

function logUnexpected(opts: GrpcFrontOptions, m: GrpcMethod, err: unknown, status: CallStatus): void {
  if (status.code === GrpcCode.UNKNOWN || status.code === GrpcCode.INTERNAL) {
    opts.logger.warn(
      { method: m.path, err: err instanceof Error ? err.message : String(err) },
      'handler failed',
    );
  }
}

/** The request stream of a call as a plain async iterable; ends on half-close, on cancel, or on a bad message. */
async function* requestsOf(
  call: grpc.ServerReadableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>,
  ctx: CallContext,
  fail: (s: CallStatus) => void,
): AsyncGenerator<unknown> {
  try {
    // Not `for await (… of call)`: finishing that loop destroys the whole duplex, dropping responses not yet sent.
    for await (const req of call.iterator({ destroyOnReturn: false })) {
      if (req instanceof UndecodableRequest) {
        fail(undecodableStatus(req));
        return;
      }
      yield req;
    }
  } catch (e) {
    if (ctx.signal.aborted) return;
    throw e;
  }
}

function adapt(m: GrpcMethod, handler: AnyHandler, opts: GrpcFrontOptions): grpc.UntypedHandleCall {
  switch (m.kind) {
    case 'unary':
      return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        if (call.request instanceof UndecodableRequest) {
          callback(toServiceError(undecodableStatus(call.request)), null);
          return;
        }
        const { ctx, done } = contextOf(call, opts.shutdown);
        let p: Promise<unknown>;
        try {
          p = (handler as UnaryHandler<unknown, unknown>)(call.request, ctx);
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(
          (res) => {
            done();
            callback(null, res);
          },
          (err: unknown) => {
            done();
            const s = statusOf(err);
            logUnexpected(opts, m, err, s);
            callback(toServiceError(s), null);
          },
        );
      };
    case 'client-stream':
      return (call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
        const { ctx, done } = contextOf(call, opts.shutdown);
        let failed: CallStatus | undefined;
        const requests = requestsOf(call, ctx, (s) => (failed = s));
        let p: Promise<unknown>;
        try {
          p = (handler as ClientStreamHandler<unknown, unknown>)(requests, ctx);
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(
          (res) => {
            done();
            if (failed) callback(toServiceError(failed), null);
            else callback(null, res);
          },
          (err: unknown) => {
            done();
            const s = failed ?? statusOf(err);
            logUnexpected(opts, m, err, s);
            callback(toServiceError(s), null);
          },
        );
      };
    case 'server-stream':
      return (call: grpc.ServerWritableStream<unknown, unknown>) => {
        if (call.request instanceof UndecodableRequest) {
          call.emit('error', toServiceError(undecodableStatus(call.request)));
          return;
        }
        const request = call.request;
        const scope = contextOf(call, opts.shutdown);
        track(
          opts.inflight,
          stream(m, call, scope, opts, () =>
            (handler as ServerStreamHandler<unknown, unknown>)(request, scope.ctx),
          ),
        );
      };
    case 'bidi':
      return (call: grpc.ServerDuplexStream<unknown, unknown>) => {
        const scope = contextOf(call, opts.shutdown);
        const ender = { fail: (_s: CallStatus): void => {} };
        const requests = requestsOf(call, scope.ctx, (s) => ender.fail(s));
        track(
          opts.inflight,
          stream(
            m,
            call,
            scope,
            opts,
            () => (handler as BidiHandler<unknown, unknown>)(requests, scope.ctx),
            ender,
          ),
        );
      };
  }
}

/** Writes a response stream to a call and closes it with the right status, exactly once. */
async function stream(
  m: GrpcMethod,
  call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>,
  scope: CallScope,
  opts: GrpcFrontOptions,
  source: () => AsyncIterable<unknown>,
  ender?: { fail: (s: CallStatus) => void },
): Promise<void> {
  const { ctx, done } = scope;
  let closed = false;
  const close = (status?: CallStatus): void => {
    if (closed) return;
    closed = true;
    if (ctx.signal.aborted) return; // the client is gone (or the front is stopping): nothing to tell it
    if (status) call.emit('error', toServiceError(status));
    else call.end();
  };
  if (ender) {
    ender.fail = (s) => {
      close(s);
      scope.abort();
    };
  }
  const outcome = await pumpResponses(source, ctx.signal, (msg) => {
    if (closed) return;
    if (!call.write(msg)) {
      return new Promise<void>((resolve) => {
        const fin = (): void => {
          call.removeListener('drain', fin);
          call.removeListener('close', fin);
          resolve();
        };
        call.once('drain', fin);
        call.once('close', fin);
      });
    }
  });
  done();
  if (outcome.kind === 'done') close();
  else if (outcome.kind === 'error') {
    const s = statusOf(outcome.error);
    logUnexpected(opts, m, outcome.error, s);
    close(s);
  }
}
