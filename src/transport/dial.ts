// Client-side HTTP/2 sessions to a peer URL, with peer TLS when the URL is https.
import { connect } from 'node:http2';
import type { ClientHttp2Session, SecureClientSessionOptions } from 'node:http2';
import { connect as netConnect } from 'node:net';
import { isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionOptions } from 'node:tls';
import type { PeerTlsOptions, TransportLimits } from './types.ts';

export function dialPeer(
  url: URL,
  tls: PeerTlsOptions | undefined,
  limits: TransportLimits,
): ClientHttp2Session {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  const secure: ConnectionOptions = { host, port, ALPNProtocols: ['h2'] };
  if (isIP(host) === 0) secure.servername = host;
  if (url.protocol === 'https:' && tls !== undefined) {
    if (tls.ca !== undefined) secure.ca = tls.ca;
    // Presented as a client certificate; required by peers running with --peer-client-cert-auth.
    if (tls.cert !== undefined) secure.cert = tls.cert;
    if (tls.key !== undefined) secure.key = tls.key;
    // --peer-auto-tls: peers present self-signed certificates nobody can verify; encrypt without checking.
    if (tls.insecureSkipVerify === true) secure.rejectUnauthorized = false;
  }
  const opts: SecureClientSessionOptions = {
    // Outgoing data buffered inside nghttp2 counts against this (megabytes); bulk snapshot uploads
    // need more than the 10 MB default.
    maxSessionMemory: 256,
    settings: { initialWindowSize: limits.windowBytes, maxFrameSize: 256 * 1024 },
    // Raft messages and lease requests are small and latency-bound: without TCP_NODELAY a write that
    // follows an unacknowledged one waits for the peer's delayed ACK (≈ 40 ms on Linux).
    createConnection: () => {
      const socket = url.protocol === 'https:' ? tlsConnect(secure) : netConnect({ host, port });
      socket.setNoDelay(true);
      return socket;
    },
  };
  return connect(url.origin, opts);
}
