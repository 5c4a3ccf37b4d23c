// A lean gRPC client over node:http2: unary calls and bidirectional streams carrying pre-encoded frames.
// No deadlines, no retries, no compression, no metadata beyond what a gRPC server requires: the point is to
// spend as little client CPU per call as possible so the server, not the load generator, sets the pace.
import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream } from 'node:http2';
import { FrameReader } from './grpc-wire.ts';

export type RequestHeaders = Readonly<Record<string, string>>;

/** The request headers of a gRPC call to `path` (one object per method, reused for every call). */
export function grpcHeaders(path: string): RequestHeaders {
  return {
    [constants.HTTP2_HEADER_METHOD]: 'POST',
    [constants.HTTP2_HEADER_PATH]: path,
    [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
    te: 'trailers',
  };
}

/** Outcome of a call: gRPC status 0 and the response message, or an error text. */
export type UnaryCallback = (error: string | null, response: Buffer | null) => void;

const WINDOW = 16 << 20;

function statusError(status: string | undefined, message: string | undefined, rst: number): string {
  if (status === undefined) return rst !== 0 ? `stream reset (code ${rst})` : 'no grpc-status';
  return `grpc-status ${status}${message ? `: ${decodeURIComponent(message)}` : ''}`;
}

export class GrpcConnection {
  readonly session: ClientHttp2Session;
  private closed = false;
  private sessionError: string | null = null;

  private constructor(readonly authority: string) {
    this.session = connect(`http://${authority}`, {
      settings: { enablePush: false, initialWindowSize: WINDOW },
    });
    this.session.on('error', (e: Error) => {
      this.sessionError = e.message;
    });
    this.session.on('close', () => {
      this.closed = true;
    });
  }

  /** Opens an HTTP/2 connection to `host:port` and waits until it is established. */
  static open(authority: string, timeoutMs = 10_000): Promise<GrpcConnection> {
    const c = new GrpcConnection(authority);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        c.close();
        reject(new Error(`connect ${authority}: timed out`));
      }, timeoutMs);
      c.session.once('connect', () => {
        clearTimeout(t);
        c.session.setLocalWindowSize(WINDOW);
        resolve(c);
      });
      c.session.once('error', (e: Error) => {
        clearTimeout(t);
        reject(new Error(`connect ${authority}: ${e.message}`));
      });
    });
  }

  /** Null while usable; otherwise why not. */
  get broken(): string | null {
    if (this.sessionError !== null) return this.sessionError;
    return this.closed || this.session.destroyed ? 'connection closed' : null;
  }

  /** One unary call; `frame` must not be reused by the caller until the callback runs. */
  unary(headers: RequestHeaders, frame: Buffer, cb: UnaryCallback): void {
    let req: ClientHttp2Stream;
    try {
      req = this.session.request(headers);
    } catch (e) {
      cb((e as Error).message, null);
      return;
    }
    let status: string | undefined;
    let message: string | undefined;
    let body: Buffer | null = null;
    let failure: string | null = null;
    req.on('response', (h) => {
      // A trailers-only response (errors) carries grpc-status in the headers.
      const s = h['grpc-status'];
      if (s !== undefined) {
        status = String(s);
        message = h['grpc-message'] as string | undefined;
      }
    });
    req.on('trailers', (t) => {
      status = String(t['grpc-status']);
      message = t['grpc-message'] as string | undefined;
    });
    req.on('data', (chunk: Buffer) => {
      body = body === null ? chunk : Buffer.concat([body, chunk]);
    });
    req.on('error', (e: Error) => {
      failure = e.message;
    });
    req.on('close', () => {
      if (status === '0' && failure === null) {
        const b = body as Buffer | null;
        if (b !== null && b.length >= 5 && b.readUInt32BE(1) === b.length - 5) cb(null, b.subarray(5));
        else cb('malformed response frame', null);
      } else cb(failure ?? statusError(status, message, req.rstCode ?? 0), null);
    });
    req.end(frame);
  }

  /** Promise form of unary, for setup steps. */
  call(headers: RequestHeaders, frame: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) =>
      this.unary(headers, frame, (err, res) => (err !== null ? reject(new Error(err)) : resolve(res!))),
    );
  }

  /** A bidirectional stream: write frames with `send`; each response message goes to `onMessage`. */
  stream(
    headers: RequestHeaders,
    onMessage: (message: Buffer) => void,
    onEnd: (error: string | null) => void,
  ): BidiStream {
    const req = this.session.request(headers, { endStream: false });
    const reader = new FrameReader(onMessage);
    let status: string | undefined;
    let message: string | undefined;
    let failure: string | null = null;
    req.on('response', (h) => {
      const s = h['grpc-status'];
      if (s !== undefined) {
        status = String(s);
        message = h['grpc-message'] as string | undefined;
      }
    });
    req.on('trailers', (t) => {
      status = String(t['grpc-status']);
      message = t['grpc-message'] as string | undefined;
    });
    req.on('data', (chunk: Buffer) => {
      try {
        reader.push(chunk);
      } catch (e) {
        failure = (e as Error).message;
        req.close(constants.NGHTTP2_CANCEL);
      }
    });
    req.on('error', (e: Error) => {
      failure ??= e.message;
    });
    req.on('close', () => {
      if (status === '0' && failure === null) onEnd(null);
      else onEnd(failure ?? statusError(status, message, req.rstCode ?? 0));
    });
    return {
      send: (frame) => {
        if (!req.destroyed && !req.writableEnded) req.write(frame);
      },
      cancel: () => {
        if (!req.destroyed) req.close(constants.NGHTTP2_CANCEL);
      },
    };
  }

  close(): void {
    if (!this.session.destroyed) this.session.destroy();
  }
}

export interface BidiStream {
  send(frame: Buffer): void;
  /** Ends the call from the client side (RST_STREAM CANCEL), as a client dropping a stream does. */
  cancel(): void;
}
