// The listening side of the peer port: HTTP/2 for raft traffic, HTTP/1.1 for the small informational
// routes (curl, or a joining member's plain fetch of /members). Cleartext connections are told apart by
// the HTTP/2 client preface; TLS connections by ALPN.
import { createServer as createHttp1Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createH2Server } from 'node:http2';
import type { IncomingHttpHeaders, ServerHttp2Session, ServerHttp2Stream } from 'node:http2';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import type { TLSSocket } from 'node:tls';
import { keepAlive } from './keepalive.ts';
import type { PeerTlsOptions, TransportLimits, TransportLogger } from './types.ts';

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const SNIFF_TIMEOUT_MS = 10_000;

export interface PeerServerHandlers {
  /** Every HTTP/2 request stream. */
  onStream(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, session: ServerHttp2Session): void;
  /** Every HTTP/1.1 request. */
  onHttp1(req: IncomingMessage, res: ServerResponse): void;
}

export interface PeerServer {
  addresses: URL[];
  close(): Promise<void>;
}

export async function startPeerServer(
  listenUrls: readonly URL[],
  tls: PeerTlsOptions | undefined,
  limits: TransportLimits,
  logger: TransportLogger,
  handlers: PeerServerHandlers,
): Promise<PeerServer> {
  const h2 = createH2Server({
    settings: { initialWindowSize: limits.windowBytes, maxFrameSize: 256 * 1024 },
    // Megabytes of buffered frames a session may hold before nghttp2 calls it abuse; a snapshot in
    // flight next to a busy message stream needs more than the 10 MB default.
    maxSessionMemory: 256,
  });
  const sessions = new Set<ServerHttp2Session>();
  h2.on('session', (session: ServerHttp2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    session.on('error', (err) => logger.debug({ err: err.message }, 'peer session error'));
    if (session.destroyed) return;
    session.setLocalWindowSize(limits.windowBytes);
    // A dialer that vanished without closing (host down, partition) would hold its session forever:
    // ping it like it pings us, and drop it when it stops answering. (Node's session idle timer is not
    // reset by PING frames, so it cannot be used for this: it would cut quiet but healthy links.)
    keepAlive(session, limits.pingIntervalMs, limits.readTimeoutMs, () => session.destroy());
  });
  h2.on('stream', (stream, headers) => {
    stream.on('error', (err) => logger.debug({ err: err.message }, 'peer stream error'));
    handlers.onStream(stream, headers, stream.session as ServerHttp2Session);
  });

  const h1 = createHttp1Server(handlers.onHttp1);
  h1.on('clientError', (_err, socket) => socket.destroy());

  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    // Small, latency-bound messages both ways (raft acks, lease answers): never wait for a delayed ACK.
    socket.setNoDelay(true);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', (err) => logger.debug({ err: err.message }, 'peer connection error'));
  };
  const toH2 = (s: Socket): void => void h2.emit('connection', s);
  const toH1 = (s: Socket): void => void h1.emit('connection', s);

  const listeners: NetServer[] = [];
  const addresses: URL[] = [];
  try {
    for (const u of listenUrls) {
      let server: NetServer;
      if (u.protocol === 'https:') {
        if (tls?.cert === undefined || tls.key === undefined) {
          throw new Error(`peer listener ${u.href} is https but no peer certificate and key were given`);
        }
        const clientCertAuth = tls.clientCertAuth === true;
        const tlsServer = createTlsServer({
          cert: tls.cert,
          key: tls.key,
          ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
          requestCert: clientCertAuth,
          rejectUnauthorized: clientCertAuth,
          ALPNProtocols: ['h2', 'http/1.1'],
        });
        tlsServer.on('connection', track);
        tlsServer.on('secureConnection', (socket: TLSSocket) => {
          if (socket.alpnProtocol === 'h2') toH2(socket);
          else toH1(socket);
        });
        tlsServer.on('tlsClientError', (err, socket) => {
          logger.warn(
            { err: err.message, remote: socket.remoteAddress },
            'rejected peer connection: TLS handshake failed',
          );
        });
        server = tlsServer;
      } else if (u.protocol === 'http:') {
        server = createNetServer((socket) => {
          track(socket);
          sniff(socket, toH2, toH1);
        });
      } else {
        throw new Error(`peer listener ${u.href}: unsupported scheme ${u.protocol}`);
      }
      server.on('error', (err) => logger.error({ err: err.message }, 'peer listener error'));
      const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
      await listen(server, host, u.port === '' ? 2380 : Number(u.port));
      listeners.push(server);
      const bound = new URL(u.href);
      bound.port = String((server.address() as AddressInfo).port);
      addresses.push(bound);
    }
  } catch (e) {
    for (const l of listeners) l.close();
    h2.close();
    throw e;
  }

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const stopped = listeners.map((l) => new Promise<void>((r) => l.close(() => r())));
      for (const s of sessions) s.destroy();
      for (const s of sockets) s.destroy();
      h2.close();
      h1.close();
      await Promise.all(stopped);
    })());
  return { addresses, close };
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

/** Waits for enough bytes to tell the HTTP/2 preface from an HTTP/1.1 request line, then hands the socket on. */
function sniff(socket: Socket, toH2: (s: Socket) => void, toH1: (s: Socket) => void): void {
  let seen: Buffer = Buffer.alloc(0);
  const timer = setTimeout(() => socket.destroy(), SNIFF_TIMEOUT_MS).unref();
  const done = (): void => {
    clearTimeout(timer);
    socket.removeListener('readable', onReadable);
    socket.removeListener('end', onEnd);
  };
  const onReadable = (): void => {
    let chunk: Buffer | null;
    while ((chunk = socket.read() as Buffer | null) !== null) {
      seen = seen.length === 0 ? chunk : Buffer.concat([seen, chunk]);
      const n = Math.min(seen.length, H2_PREFACE.length);
      const isPrefix = seen.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
      if (isPrefix && seen.length < H2_PREFACE.length) continue;
      done();
      socket.unshift(seen);
      if (isPrefix) toH2(socket);
      else toH1(socket);
      return;
    }
  };
  const onEnd = (): void => {
    done();
    socket.destroy();
  };
  socket.on('readable', onReadable);
  socket.once('end', onEnd);
}
