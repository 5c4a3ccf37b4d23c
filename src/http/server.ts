// The client-facing front of a member: on each listen URL one port serves gRPC (HTTP/2, grpc-h2.ts) and
// HTTP/1.1 (JSON gateway, /health, /version, /metrics, caller routes), as etcd does. A plain connection is
// routed by its first bytes (the HTTP/2 client preface means gRPC); a TLS connection by ALPN, falling back to
// the first bytes when the client offered none.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import { gatewayHandler, isGatewayPath } from './gateway.ts';
import { createGrpcH2Server, GRPC_OVERHEAD_BYTES } from './grpc-h2.ts';
import { silentLogger, type FrontLogger, type Handlers } from './handlers.ts';
import { CORS_HEADERS, goHttpError } from './http-util.ts';
import { Shutdown } from './shutdown.ts';
import type { HttpRoute } from './endpoints.ts';

/** etcd's default --max-request-bytes. */
export const DEFAULT_MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

export interface FrontTls {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  /** CA bundle that signs client certificates (etcd --trusted-ca-file). */
  readonly ca?: string | Buffer;
  /** Require and verify a client certificate (etcd --client-cert-auth). */
  readonly clientCertAuth: boolean;
}

export interface FrontOptions {
  /** `http://host:port` or `https://host:port` (port 0: any free port). https needs `tls`. */
  readonly listen: readonly URL[];
  readonly handlers: Handlers;
  readonly tls?: FrontTls;
  /** etcd --max-request-bytes; gRPC accepts this plus GRPC_OVERHEAD_BYTES per message. Default 1.5 MiB. */
  readonly maxRequestBytes?: number;
  /**
   * HTTP/1.1 routes tried before the gateway, matched like Go's ServeMux: `/health` matches that path only; a
   * pattern ending in `/` (`/v2/keys/`) matches its whole subtree, the longest such pattern winning.
   */
  readonly httpRoutes?: ReadonlyMap<string, HttpRoute>;
  /** Serve the JSON gateway under /v3 and /v3beta (default true). */
  readonly gateway?: boolean;
  readonly logger?: FrontLogger;
  /** close(): how long in-flight calls may take before connections are cut. Default 2000 ms. */
  readonly graceMs?: number;
  /** gRPC keepalive: ping each connection this often (default 2 h, etcd's) and drop it when a ping goes
   *  unanswered for keepaliveTimeoutMs (default 20 s). */
  readonly keepaliveTimeMs?: number;
  readonly keepaliveTimeoutMs?: number;
  /**
   * Serve nothing until this settles (etcd's ReadyNotify: a member answers clients only once it has published
   * itself through raft). Connections are accepted meanwhile and wait, as in etcd's listen backlog.
   */
  readonly ready?: Promise<void>;
}

export interface Front {
  /** The listen URLs with the ports actually bound, in the order given. */
  readonly addresses: readonly URL[];
  /** Stop accepting, let in-flight calls finish for up to graceMs, then cut what remains. */
  close(): Promise<void>;
}

/** First bytes of every HTTP/2 connection (RFC 9113 §3.4). */
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
/** A connection that has not said which protocol it speaks within this time is dropped. */
const SNIFF_TIMEOUT_MS = 30_000;

export async function startFront(opts: FrontOptions): Promise<Front> {
  const logger = opts.logger ?? silentLogger;
  const maxRequestBytes = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxReceiveBytes = maxRequestBytes + GRPC_OVERHEAD_BYTES;
  const graceMs = opts.graceMs ?? 2000;
  const shutdown = new Shutdown();
  const inflight = new Set<Promise<unknown>>();
  for (const u of opts.listen) {
    if (u.protocol !== 'http:' && u.protocol !== 'https:')
      throw new Error(`unsupported listen URL ${u.href}`);
    if (u.protocol === 'https:' && !opts.tls) throw new Error(`${u.href}: https needs TLS cert and key`);
  }

  // TLS, when used, is ended by our own tls.Server before the bytes reach the gRPC server.
  const grpcServer = createGrpcH2Server({
    handlers: opts.handlers,
    maxReceiveBytes,
    logger,
    shutdown,
    inflight,
    ...(opts.keepaliveTimeMs !== undefined ? { keepaliveTimeMs: opts.keepaliveTimeMs } : {}),
    ...(opts.keepaliveTimeoutMs !== undefined ? { keepaliveTimeoutMs: opts.keepaliveTimeoutMs } : {}),
  });

  const gateway =
    opts.gateway === false
      ? undefined
      : gatewayHandler({
          handlers: opts.handlers,
          maxReceiveBytes,
          logger,
          shutdown,
          inflight,
        });
  const routes = opts.httpRoutes ?? new Map<string, HttpRoute>();
  const subtrees = [...routes.keys()].filter((p) => p.endsWith('/')).sort((a, b) => b.length - a.length);
  const routeFor = (pathname: string): HttpRoute | undefined => {
    const exact = routes.get(pathname);
    if (exact) return exact;
    const prefix = subtrees.find((p) => pathname.startsWith(p));
    return prefix === undefined ? undefined : routes.get(prefix);
  };
  let closing = false;
  const httpServer = createHttpServer({ requestTimeout: 0 }, (req: IncomingMessage, res: ServerResponse) => {
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    if (closing) res.shouldKeepAlive = false;
    const pathname = (req.url ?? '/').split('?', 1)[0]!;
    if (req.method === 'OPTIONS') {
      res.writeHead(200, { 'Content-Length': 0 });
      res.end();
      return;
    }
    const route = routeFor(pathname);
    try {
      if (route) route(req, res);
      else if (gateway && isGatewayPath(pathname)) gateway(req, res);
      else goHttpError(res, 404, '404 page not found');
    } catch (e) {
      logger.error({ path: pathname, err: String(e) }, 'http route failed');
      if (!res.headersSent) goHttpError(res, 500, 'Internal Server Error');
      else res.destroy();
    }
  });
  httpServer.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    logger.debug({ err: err.message, code: err.code }, 'bad HTTP/1.1 request');
    if (!socket.writable || err.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    setTimeout(() => socket.destroy(), 1000).unref();
  });

  const sockets = new Set<Socket>();
  let onAllClosed: (() => void) | undefined;
  const track = (socket: Socket): void => {
    // TCP_NODELAY, as Go sets on every connection etcd accepts. node:http2 sets it itself only on a socket it
    // is handed directly, not when the :authority filter (h2-authority.ts) stands between them. With Nagle on,
    // a response written in several small pieces waits for the client's delayed ACK (≈ 40 ms on Linux).
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) onAllClosed?.();
    });
    socket.on('error', (err) => logger.debug({ err: err.message }, 'client connection error'));
  };
  const toGrpc = (socket: Socket): void => grpcServer.accept(socket);
  const toHttp = (socket: Socket): void => {
    httpServer.emit('connection', socket);
  };
  let isReady = opts.ready === undefined;
  opts.ready?.then(
    () => (isReady = true),
    () => {},
  );
  /** Runs `fn` on the socket now if the member is ready, else once it is (never if the socket died waiting). */
  const whenReady =
    (fn: (s: Socket) => void) =>
    (socket: Socket): void => {
      if (isReady) fn(socket);
      else
        opts.ready!.then(
          () => {
            if (!socket.destroyed) fn(socket);
          },
          // The member will never serve (it stopped before publishing): let the client go.
          () => socket.destroy(),
        );
    };
  const sniff = whenReady((socket: Socket): void => sniffProtocol(socket, toGrpc, toHttp));
  const grpcWhenReady = whenReady(toGrpc);
  const httpWhenReady = whenReady(toHttp);

  const listeners: NetServer[] = [];
  const addresses: URL[] = [];
  try {
    for (const u of opts.listen) {
      let server: NetServer;
      if (u.protocol === 'https:') {
        const tls = opts.tls!;
        const tlsServer = createTlsServer({
          cert: tls.cert,
          key: tls.key,
          ...(tls.ca ? { ca: tls.ca } : {}),
          requestCert: tls.clientCertAuth,
          rejectUnauthorized: tls.clientCertAuth,
          ALPNCallback: chooseAlpn,
        });
        tlsServer.on('connection', track);
        tlsServer.on('secureConnection', (socket: TLSSocket) => {
          socket.on('error', (err) => logger.debug({ err: err.message }, 'client TLS connection error'));
          if (socket.alpnProtocol === 'h2') grpcWhenReady(socket);
          else if (socket.alpnProtocol === 'http/1.1') httpWhenReady(socket);
          else sniff(socket);
        });
        tlsServer.on('tlsClientError', (err) => logger.debug({ err: err.message }, 'TLS handshake failed'));
        server = tlsServer;
      } else {
        server = createNetServer((socket) => {
          track(socket);
          sniff(socket);
        });
      }
      server.on('error', (err) => logger.error({ err: err.message }, 'client listener error'));
      const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
      await listen(server, host, u.port === '' ? 0 : Number(u.port));
      listeners.push(server);
      const bound = new URL(u.href);
      bound.port = String((server.address() as AddressInfo).port);
      addresses.push(bound);
      logger.info({ address: bound.origin }, 'listening for client traffic (gRPC + HTTP/1.1)');
    }
  } catch (e) {
    for (const l of listeners) l.close();
    grpcServer.destroy();
    throw e;
  }

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      const stopped = Promise.all(listeners.map((l) => new Promise<void>((r) => l.close(() => r()))));
      // GOAWAY: calls in flight may finish within the grace period; clients open new ones elsewhere.
      grpcServer.drain();
      httpServer.closeIdleConnections();
      const allGone = new Promise<void>((r) => {
        onAllClosed = r;
        if (sockets.size === 0) r();
      });
      const timedOut = await Promise.race([
        allGone.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref()),
      ]);
      // Whatever is still running (watch streams, slow handlers) is told to stop, then cut off.
      shutdown.abort();
      await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => setTimeout(r, 500).unref())]);
      if (timedOut) {
        await new Promise((r) => setImmediate(r));
        for (const s of sockets) s.destroy();
      }
      grpcServer.destroy();
      await stopped;
    })());

  return { addresses, close };
}

/**
 * gRPC clients (grpc-go in etcdctl, grpc-js) offer only `h2`; curl and browsers offer `h2` and `http/1.1`.
 * HTTP/2 here is gRPC only (other content types are reset, as etcd's plain port does), so a client that can speak HTTP/1.1 gets it
 * and reaches the gateway and the HTTP routes.
 */
function chooseAlpn({ protocols }: { protocols: string[] }): string | undefined {
  if (protocols.includes('http/1.1')) return 'http/1.1';
  if (protocols.includes('h2')) return 'h2';
  return undefined;
}

function listen(server: NetServer, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.removeListener('error', onError);
      resolve();
    });
  });
}

/**
 * Reads the first bytes of a connection: the HTTP/2 preface goes to gRPC, anything else to HTTP/1.1 (which
 * answers garbage with 400 and closes). The bytes read are put back before the socket is handed on.
 */
function sniffProtocol(socket: Socket, toGrpc: (s: Socket) => void, toHttp: (s: Socket) => void): void {
  let seen: Buffer = Buffer.alloc(0);
  const timer = setTimeout(() => socket.destroy(), SNIFF_TIMEOUT_MS).unref();
  const onReadable = (): void => {
    let chunk: Buffer | null;
    while ((chunk = socket.read() as Buffer | null) !== null) {
      seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, H2_PREFACE.length);
      const isPrefix = seen.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
      if (isPrefix && seen.length < H2_PREFACE.length) continue;
      clearTimeout(timer);
      socket.removeListener('readable', onReadable);
      socket.removeListener('end', onEnd);
      socket.unshift(seen);
      if (isPrefix) toGrpc(socket);
      else toHttp(socket);
      return;
    }
  };
  const onEnd = (): void => {
    clearTimeout(timer);
    socket.destroy();
  };
  socket.on('readable', onReadable);
  socket.once('end', onEnd);
}
